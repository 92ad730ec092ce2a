//! Field map: for each concept, where it lives in each API, the values from this conversation,
//! and a one-line explanation — including fields the tutorial invents.

use lens::field_map::{self, FieldRow, RowKind};
use lens::field_value;
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::RichText;
use crate::components::source_link::SourceLink;
use crate::logic::field_values::{PathValues, cell_html, per_path};

#[component]
pub fn FieldMapTab(ctx: TabCtx) -> impl IntoView {
    let rows = Memo::new(move |_| {
        // Read in place: a 2,000-segment body is not cloned. The rows' concepts come from the
        // lens table; their values are taken per path (each path its own list).
        ctx.lookup.conversations.with(|c| {
            ctx.lookup.analytics.with(|a| {
                let rt = c
                    .exchange()
                    .filter(|e| e.is_success())
                    .and_then(|e| e.json());
                let an = a
                    .exchange()
                    .filter(|e| e.is_success())
                    .and_then(|e| e.json());
                crate::timing::span("lens:tab fields", || {
                    field_map::field_map_json(None, None)
                        .into_iter()
                        .map(|r| {
                            let rt_values = per_path(rt, r.realtime_paths);
                            let an_values = per_path(an, r.analytics_paths);
                            (r, rt_values, an_values)
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    // Kept while the rows re-render (a live conversation updates them): nothing typed is lost.
    let filter = RwSignal::new(String::new());
    // Indices of the rows the filter keeps.
    let shown = Memo::new(move |_| {
        filter.with(|needle| {
            rows.with(|rows| {
                rows.iter()
                    .enumerate()
                    .filter(|(_, (r, _, _))| {
                        let paths: Vec<&str> = r
                            .realtime_paths
                            .iter()
                            .chain(r.analytics_paths)
                            .copied()
                            .collect();
                        field_value::row_matches(needle, r.concept, &paths)
                    })
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <p class="muted small">
            "Paths use " <code>"[]"</code> " for every array item and " <code>"{media}"</code>
            " for whichever media array a participant carries (" <code>"calls"</code> ", " <code>"emails"</code> ", …). Values are from this conversation."
        </p>
        <div class="fm-filter field-row">
            <label class="field">
                <span>"Filter rows by concept or path"</span>
                <input type="search" data-testid="field-filter" spellcheck="false" placeholder="e.g. queue, wrapup, segments"
                    prop:value=move || filter.get()
                    on:input:target=move |ev| filter.set(ev.target().value())/>
            </label>
            <span class="muted small" aria-live="polite" data-testid="field-filter-count">
                {move || {
                    let (n, total) = (shown.with(Vec::len), rows.with(Vec::len));
                    if n == total { format!("{total} rows") } else { format!("{n} of {total} rows") }
                }}
            </span>
        </div>
        {move || (shown.with(Vec::is_empty) && !filter.with(String::is_empty)).then(|| view! {
            <p class="muted" data-testid="field-filter-none">
                {format!("No row's concept or path contains “{}”. Clear the filter to see all rows.", filter.get())}
            </p>
        })}
        <table class="data stack field-map">
            <thead>
                <tr>
                    <th scope="col">"Concept"</th>
                    <th scope="col">"Conversations API"</th>
                    <th scope="col">"Analytics API"</th>
                    <th scope="col">"Why they differ"</th>
                </tr>
            </thead>
            <tbody>
                {move || rows.with(|rows| shown.get().into_iter().filter_map(|i| rows.get(i).cloned()).map(|(r, rt, an)| view! { <Row r rt an/> }).collect_view())}
            </tbody>
        </table>
    }
}

#[component]
fn Row(r: FieldRow, rt: Vec<PathValues>, an: Vec<PathValues>) -> impl IntoView {
    let (class, tag) = match r.kind {
        RowKind::Both => ("fm-row", None),
        RowKind::RealtimeOnly => ("fm-row", Some("Conversations API only")),
        RowKind::AnalyticsOnly => ("fm-row", Some("Analytics API only")),
        RowKind::Misconception => ("fm-row fm-myth", Some("does not exist")),
    };
    view! {
        <tr class=class>
            <th scope="row" data-label="Concept">
                {r.concept}
                {tag.map(|t| view! { <br/><span class="chip">{t}</span> })}
            </th>
            {value_cell("Conversations API", &rt)}
            {value_cell("Analytics API", &an)}
            <td data-label="Why">
                <RichText text=r.explanation/>
                " " <SourceLink source=r.source/>
            </td>
        </tr>
    }
}

/// A value cell: each path with the values found there (a concept can live at several paths),
/// the values grouped by the participant they belong to. Static markup
/// (`field_values::cell_html`): the cells of a big conversation hold thousands of values.
fn value_cell(label: &'static str, groups: &[PathValues]) -> AnyView {
    match cell_html(groups) {
        None => view! { <td data-label=label><span class="muted">"—"</span></td> }.into_any(),
        Some(html) => view! { <td data-label=label inner_html=html></td> }.into_any(),
    }
}
