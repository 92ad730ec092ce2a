//! The interval rules for this conversation (start day, caps, local vs UTC) and the warnings
//! shown before running (wrong level, caps).

use chrono::{DateTime, Utc};
use lens::query_lab::builder::QueryForm;
use lens::query_lab::interval;
use lens::query_lab::levels::LevelWarning;
use leptos::prelude::*;

use crate::components::explanation::ExplanationView;
use crate::logic::local_zone;

#[component]
pub fn IntervalExplainer(
    form: RwSignal<QueryForm>,
    start: Memo<Option<DateTime<Utc>>>,
) -> impl IntoView {
    let parsed = Memo::new(move |_| form.with(|f| interval::parse(&f.interval)));
    let offset = local_zone::minutes_east();
    view! {
        <details class="card lab-explain" open data-testid="interval-explainer">
            <summary>"The interval, for this conversation"</summary>
            {move || match (start.get(), parsed.get()) {
                (Some(s), Ok(iv)) => view! { <ExplanationView e=interval::explain_start_day(&iv, s)/> }.into_any(),
                (None, _) => view! {
                    <p class="muted">"The conversation's start is not known (neither API has returned it), so the interval defaults to today's UTC day."</p>
                }.into_any(),
                (Some(_), Err(_)) => ().into_any(),
            }}
            {move || start.get().and_then(|s| {
                let off = interval::offset_from_minutes_east(offset).ok()?;
                let check = interval::local_vs_utc(s, off);
                Some(view! {
                    <div data-testid="local-vs-utc">
                        <ExplanationView e=check.explanation/>
                    </div>
                })
            })}
            {interval::explain_caps().into_iter().map(|e| view! { <ExplanationView e/> }).collect_view()}
        </details>
    }
}

/// Warnings before running: predicates at the wrong level (with a one-click fix) and caps.
#[component]
pub fn Warnings(warnings: Signal<Vec<LevelWarning>>, form: RwSignal<QueryForm>) -> impl IntoView {
    let caps = Memo::new(move |_| {
        form.with(|f| {
            interval::parse(&f.interval)
                .map(|iv| interval::check_caps(&iv, f.has_filter(), Utc::now()))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="lab-warnings" aria-live="polite">
            {move || warnings.get().into_iter().map(|w| {
                let fix = w.belongs_at.map(|level| {
                    let name = w.name.clone();
                    let label = format!("Move to {}", level.filters_field());
                    view! {
                        <button type="button" class="btn btn-small" on:click=move |_| form.update(|f| {
                            if let Some(i) = f.predicates.iter().position(|p| p.name.trim() == name && p.level != level) {
                                let _ = f.set_level(i, level);
                            }
                        })>{label}</button>
                    }
                });
                view! {
                    <div class="warning" role="alert" data-testid="level-warning">
                        <p><strong>"Wrong level: "</strong><code>{w.path.clone()}</code></p>
                        <ExplanationView e=w.explanation.clone()/>
                        {fix}
                    </div>
                }
            }).collect_view()}
            {move || caps.get().into_iter().map(|c| view! {
                <div class="warning" role="alert" data-testid="cap-warning"><ExplanationView e=c.explanation/></div>
            }).collect_view()}
        </div>
    }
}
