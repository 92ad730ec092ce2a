//! Field map: for each concept, where it lives in each API, the values from this conversation,
//! and a one-line explanation — including fields the tutorial invents.

use lens::field_map::{self, FieldRow, RowKind};
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::RichText;
use crate::components::source_link::SourceLink;
use crate::logic::field_values::{PathValues, per_path};

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
            .into_iter()
            .map(|r| {
                let rt_values = per_path(rt.as_ref(), r.realtime_paths);
                let an_values = per_path(an.as_ref(), r.analytics_paths);
                (r, rt_values, an_values)
            })
            .collect::<Vec<_>>()
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
                {move || rows.get().into_iter().map(|(r, rt, an)| view! { <Row r rt an/> }).collect_view()}
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
            <td data-label="Conversations API"><Cell groups=rt/></td>
            <td data-label="Analytics API"><Cell groups=an/></td>
            <td data-label="Why">
                <RichText text=r.explanation/>
                " " <SourceLink source=r.source/>
            </td>
        </tr>
    }
}

/// Each path with the values found there (a concept can live at several paths).
#[component]
fn Cell(groups: Vec<PathValues>) -> impl IntoView {
    if groups.is_empty() {
        return view! { <span class="muted">"—"</span> }.into_any();
    }
    view! {
        <dl class="fm-groups">
            {groups.into_iter().map(|g| view! {
                <dt><code class="fm-path">{g.path}</code></dt>
                <dd>
                    {if g.values.is_empty() {
                        view! { <span class="muted small">"(absent in this answer)"</span> }.into_any()
                    } else {
                        view! {
                            <ul class="fm-values">
                                {g.values.into_iter().map(|f| view! { <li><code class="fm-value" title=f.path.clone()>{f.value}</code></li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {g.truncated.then(|| view! { <span class="muted small">" (more values than shown)"</span> })}
                </dd>
            }).collect_view()}
        </dl>
    }
    .into_any()
}
