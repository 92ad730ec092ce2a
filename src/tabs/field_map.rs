//! Field map: for each concept, where it lives in each API, the values from this conversation,
//! and a one-line explanation — including fields the tutorial invents.

use lens::field_map::{self, Concept, RowKind};
use lens::field_value;
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::RichText;
use crate::components::source_link::SourceLink;
use crate::logic::field_values::{cell_html, per_path};
use crate::state::SideState;

#[component]
pub fn FieldMapTab(ctx: TabCtx) -> impl IntoView {
    // The rows' concepts are the lens table; each side's column is its own memo, so the second
    // answer to arrive (or a live refresh of one side) redraws only that side's cells.
    let realtime = side_cells(ctx.lookup.conversations, |k| k.realtime_paths);
    let analytics = side_cells(ctx.lookup.analytics, |k| k.analytics_paths);
    let rows = field_map::CONCEPTS;
    // Kept while the cells re-render (a live conversation updates them): nothing typed is lost.
    let filter = RwSignal::new(String::new());
    // Indices of the rows the filter keeps.
    let shown = Memo::new(move |_| {
        filter.with(|needle| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| {
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
                    let (n, total) = (shown.with(Vec::len), rows.len());
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
                {move || shown.get().into_iter().filter_map(|i| rows.get(i).map(|k| (i, *k))).map(|(i, k)| view! { <Row k i realtime analytics/> }).collect_view()}
            </tbody>
        </table>
    }
}

/// One cell's markup per concept (`field_values::cell_html`; `None` where the concept has no
/// path on this side), from this side's body read in place: a 2,000-segment body is not cloned.
fn side_cells(
    side: Signal<SideState>,
    paths: fn(&Concept) -> &'static [&'static str],
) -> Memo<Vec<Option<String>>> {
    Memo::new(move |_| {
        side.with(|s| {
            let body = s
                .exchange()
                .filter(|e| e.is_success())
                .and_then(|e| e.json());
            crate::timing::span("lens:tab fields", || {
                field_map::CONCEPTS
                    .iter()
                    .map(|k| cell_html(&per_path(body, paths(k))))
                    .collect()
            })
        })
    })
}

#[component]
fn Row(
    k: Concept,
    /// The row's place in [`field_map::CONCEPTS`], which is also its place in each side's cells.
    i: usize,
    realtime: Memo<Vec<Option<String>>>,
    analytics: Memo<Vec<Option<String>>>,
) -> impl IntoView {
    let (class, tag) = match k.kind {
        RowKind::Both => ("fm-row", None),
        RowKind::RealtimeOnly => ("fm-row", Some("Conversations API only")),
        RowKind::AnalyticsOnly => ("fm-row", Some("Analytics API only")),
        RowKind::Misconception => ("fm-row fm-myth", Some("does not exist")),
    };
    view! {
        <tr class=class>
            <th scope="row" data-label="Concept">
                {k.concept}
                {tag.map(|t| view! { <br/><span class="chip">{t}</span> })}
            </th>
            {move || value_cell("Conversations API", realtime.with(|c| c.get(i).cloned().flatten()))}
            {move || value_cell("Analytics API", analytics.with(|c| c.get(i).cloned().flatten()))}
            <td data-label="Why">
                <RichText text=k.explanation/>
                " " <SourceLink source=k.source/>
            </td>
        </tr>
    }
}

/// A value cell: each path with the values found there (a concept can live at several paths),
/// the values grouped by the participant they belong to. Static markup
/// (`field_values::cell_html`): the cells of a big conversation hold thousands of values.
fn value_cell(label: &'static str, html: Option<String>) -> AnyView {
    match html {
        None => view! { <td data-label=label><span class="muted">"—"</span></td> }.into_any(),
        Some(html) => view! { <td data-label=label inner_html=html></td> }.into_any(),
    }
}
