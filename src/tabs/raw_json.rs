//! Raw JSON: both bodies as collapsible trees, side by side, with field docs and counterparts.

use leptos::prelude::*;

use super::TabCtx;
use crate::components::copy_button::CopyButton;
use crate::components::json_tree::{FocusedField, JsonTree, TreeLink};
use crate::components::source_link::SourceLink;
use crate::logic::counterparts;
use crate::logic::json_tree;
use crate::logic::side::Side;
use crate::state::SideState;

#[component]
pub fn RawJsonTab(ctx: TabCtx) -> impl IntoView {
    let focused = RwSignal::new(None::<FocusedField>);
    let highlight = Signal::derive(move || {
        focused.with(|f| match f {
            Some(f) => ctx.lookup.side(f.side.other()).with(|o| {
                counterparts::highlight(
                    f.side,
                    &f.path,
                    o.exchange()
                        .filter(|e| e.is_success())
                        .and_then(|e| e.json()),
                )
            }),
            None => (Vec::new(), Vec::new()),
        })
    });
    let link = TreeLink { focused, highlight };
    // Copies the selected field's value (pretty JSON) from its body.
    let copy_focused = Callback::new(move |()| {
        focused.with_untracked(|f| {
            f.as_ref()
                .and_then(|f| {
                    ctx.lookup.side(f.side).with_untracked(|s| {
                        s.exchange()
                            .and_then(|e| e.json())
                            .and_then(|v| json_tree::at(v, &f.path))
                            .map(json_tree::pretty)
                    })
                })
                .unwrap_or_default()
        })
    });
    view! {
        <p class="muted small">
            "Hover or focus a field (arrow keys move, → / ← expand and collapse) to see its official type and description. "
            "Where the other API holds the same fact, that field lights up too."
        </p>
        <div class="inspector" role="status" aria-live="polite">
            {move || match focused.get() {
                None => view! { <span class="muted">"No field selected."</span> }.into_any(),
                Some(f) => view! {
                    <div class="inspector-path">
                        <span class=format!("side-dot side-dot-{}", f.side.key()) aria-hidden="true"></span>
                        <code>{f.path.clone()}</code>
                    </div>
                    <div class="inspector-type">{f.doc_line.clone().unwrap_or_else(|| "Not in the reference model (an undocumented or map field).".to_owned())}</div>
                    {f.doc.map(|d| view! { <div class="inspector-doc">{d}</div> })}
                    <SourceLink source=if f.side == Side::Conversations { lens::sources::CONVERSATION_MODEL } else { lens::sources::ANALYTICS_MODEL }/>
                    <CopyButton text=copy_focused label="Copy the selected value"/>
                }.into_any(),
            }}
        </div>
        <div class="two-col">
            {Side::BOTH.into_iter().map(|side| view! { <BodyColumn side state=ctx.lookup.side(side) link/> }).collect_view()}
        </div>
    }
}

#[component]
fn BodyColumn(side: Side, state: Signal<SideState>, link: TreeLink) -> impl IntoView {
    view! {
        <div role="group" class="body-col" aria-label=format!("{} body", side.title())>
            {move || match state.get() {
                SideState::Done(ex) => {
                    let model = if ex.is_success() { side.root_model() } else { "ErrorBody" };
                    let raw = ex.raw.clone();
                    let copy = Callback::new(move |()| raw.clone());
                    let tree = match ex.json() {
                        Some(_) => view! { <JsonTree side root=ex.clone() root_model=model link/> }.into_any(),
                        None => view! { <pre class="raw-text">{ex.raw.clone()}</pre> }.into_any(),
                    };
                    view! {
                        <div class="body-head">
                            <h3 class="body-title">
                                <span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>
                                {side.title()}
                                <span class="muted small">{format!(" · HTTP {} · {}", ex.status(), model)}</span>
                            </h3>
                            <CopyButton text=copy label=format!("Copy {} body", side.title())/>
                        </div>
                        {tree}
                    }.into_any()
                }
                SideState::Loading => view! { <div class="skeleton skeleton-block"></div> }.into_any(),
                SideState::Failed(e) => view! { <p class="panel-error">{e.to_string()}</p> }.into_any(),
                SideState::Idle => ().into_any(),
            }}
        </div>
    }
}
