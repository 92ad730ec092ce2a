//! The paging walk: fetch every page of the query without the conversationId predicate (a wider
//! result set), de-duplicate, and show `totalHits` drift — with the two remedies as toggles.

use lens::query_lab::builder::QueryForm;
use lens::query_lab::interval;
use lens::query_lab::paging::{self, WalkReport};
use leptos::prelude::*;

use crate::api::UserToken;
use crate::components::explanation::ExplanationView;
use crate::drivers::walk::{WalkState, walk as walk_pages};
use crate::state::app_state;

/// The form used by the walk: no conversationId, page 1, remedies applied.
fn walk_form(form: &QueryForm, end_minute_ago: bool, require_end: bool) -> QueryForm {
    let mut f = form.clone();
    f.conversation_id.clear();
    f.page_number = 1;
    f.set_require_conversation_end(require_end || f.requires_conversation_end());
    if end_minute_ago
        && let Ok(iv) = interval::parse(&f.interval)
        && let Ok(cut) = paging::end_a_minute_ago(&iv, chrono::Utc::now())
    {
        f.interval = cut.to_wire();
    }
    f
}

#[component]
pub fn PagingWalk(form: RwSignal<QueryForm>) -> impl IntoView {
    let state = app_state();
    let walk = RwSignal::new(WalkState::Idle);
    let end_minute_ago = RwSignal::new(false);
    let require_end = RwSignal::new(false);
    let page_size = RwSignal::new(5_i64);
    // The walk is an `Action`; `drivers::walk` fetches the pages and reports into `walk`.
    let walker = Action::new_local(move |(f, token): &(QueryForm, Option<UserToken>)| {
        walk_pages(f.clone(), token.clone(), walk)
    });
    let start = move |_| {
        let mut f = form.with_untracked(|f| {
            walk_form(
                f,
                end_minute_ago.get_untracked(),
                require_end.get_untracked(),
            )
        });
        f.page_size = page_size.get_untracked().max(1);
        walk.set(WalkState::Walking { pages: Vec::new() });
        walker.dispatch_local((f, state.token.get_untracked()));
    };
    view! {
        <details class="card lab-walk" data-testid="paging-walk">
            <summary>"Paging walk: moving totals and duplicates"</summary>
            <p class="muted small">
                "Fetches every page of the same interval without the conversationId predicate, de-duplicates by ID and shows how totalHits moves while the interval still receives traffic."
            </p>
            <div class="field-row">
                <label class="field field-small"><span>"pageSize"</span>
                    <input type="number" min="1" data-testid="walk-page-size" prop:value=move || page_size.get().to_string()
                        on:change:target=move |ev| page_size.set(ev.target().value().trim().parse().unwrap_or(5).max(1))/>
                </label>
                <label class="check"><input type="checkbox" data-testid="walk-end-minute-ago" prop:checked=move || end_minute_ago.get()
                    on:change:target=move |ev| end_minute_ago.set(ev.target().checked())/>" End the interval a minute ago"</label>
                <label class="check"><input type="checkbox" data-testid="walk-require-end" prop:checked=move || require_end.get()
                    on:change:target=move |ev| require_end.set(ev.target().checked())/>" Require conversationEnd"</label>
                <button type="button" class="btn" data-testid="walk-start" disabled=move || matches!(walk.get(), WalkState::Walking { .. }) on:click=start>"Walk all pages"</button>
            </div>
            {paging::explain_remedies().into_iter().map(|e| view! { <ExplanationView e/> }).collect_view()}
            {move || match walk.get() {
                WalkState::Idle => ().into_any(),
                WalkState::Walking { pages } => view! { <p aria-live="polite">{format!("Walking… {} page(s) fetched", pages.len())}</p> }.into_any(),
                WalkState::Done { report, stopped } => view! { <WalkReportView report=*report stopped/> }.into_any(),
            }}
        </details>
    }
}

#[component]
fn WalkReportView(report: WalkReport, stopped: Option<String>) -> impl IntoView {
    view! {
        <div data-testid="walk-report">
            <p>
                <strong data-testid="walk-unique">{report.unique_ids.len()}</strong>" distinct conversations from "
                {report.rows_fetched}" rows on "{report.pages.len()}" pages; "
                <strong data-testid="walk-duplicates">{report.duplicates}</strong>" duplicate(s); totalHits "
                {report.first_total_hits.unwrap_or(0)}" → "{report.last_total_hits.unwrap_or(0)}". "
                {if report.stable { "Stable: nothing moved." } else { "The result set moved while paging." }}
            </p>
            {stopped.map(|s| view! { <p class="form-error" role="alert">{s}</p> })}
            <div class="table-wrap">
            <table class="table">
                <thead><tr><th scope="col">"page"</th><th scope="col">"rows"</th><th scope="col">"new"</th><th scope="col">"repeated"</th><th scope="col">"totalHits"</th><th scope="col">"drift"</th></tr></thead>
                <tbody>
                    {report.pages.into_iter().map(|p| view! {
                        <tr data-testid="walk-page">
                            <td>{p.page_number}</td><td>{p.returned}</td><td>{p.new_ids}</td>
                            <td class="mono">{p.repeated.iter().map(|r| format!("{} (page {})", r.conversation_id, r.first_page)).collect::<Vec<_>>().join(", ")}</td>
                            <td>{p.total_hits.map(|t| t.to_string()).unwrap_or_default()}</td>
                            <td>{p.drift.map(|d| format!("{d:+}")).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            {report.explanations.into_iter().map(|e| view! { <ExplanationView e/> }).collect_view()}
        </div>
    }
}
