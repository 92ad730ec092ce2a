//! Field map: for each concept, where it lives in each API, the values from this conversation,
//! and a one-line explanation — including fields the tutorial invents.

use lens::field_map::{self, FieldRow, RowKind};
use lens::json_path::Found;
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::RichText;
use crate::components::source_link::SourceLink;

#[component]
pub fn FieldMapTab(ctx: TabCtx) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let rt = ctx.lookup.conversations.with(|s| {
            s.exchange()
                .filter(|e| e.is_success())
                .and_then(|e| e.json().cloned())
        });
        let an = ctx.lookup.analytics.with(|s| {
            s.exchange()
                .filter(|e| e.is_success())
                .and_then(|e| e.json().cloned())
        });
        field_map::field_map_json(rt.as_ref(), an.as_ref())
    });
    view! {
        <p class="muted small">
            "Paths use " <code>"[]"</code> " for every array item and " <code>"{media}"</code>
            " for whichever media array a participant carries (" <code>"calls"</code> ", " <code>"emails"</code> ", …). Values are from this conversation."
        </p>
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
                {move || rows.get().into_iter().map(|r| view! { <Row r/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Row(r: FieldRow) -> impl IntoView {
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
            <td data-label="Conversations API"><Cell paths=r.realtime_paths values=r.realtime_values/></td>
            <td data-label="Analytics API"><Cell paths=r.analytics_paths values=r.analytics_values/></td>
            <td data-label="Why">
                <RichText text=r.explanation/>
                {r.truncated.then(|| view! { <span class="muted small">" (more values than shown)"</span> })}
                " " <SourceLink source=r.source/>
            </td>
        </tr>
    }
}

#[component]
fn Cell(paths: &'static [&'static str], values: Vec<Found>) -> impl IntoView {
    if paths.is_empty() {
        return view! { <span class="muted">"—"</span> }.into_any();
    }
    view! {
        <div class="fm-paths">{paths.iter().map(|p| view! { <code class="fm-path">{*p}</code> }).collect_view()}</div>
        {if values.is_empty() {
            view! { <span class="muted small">"(absent in this answer)"</span> }.into_any()
        } else {
            view! {
                <ul class="fm-values">
                    {values.into_iter().map(|f| view! { <li><code class="fm-value" title=f.path.clone()>{f.value}</code></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
    .into_any()
}
