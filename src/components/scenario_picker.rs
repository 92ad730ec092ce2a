//! Demo mode: the demo org's scenarios, each with a line on what it teaches.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, Scenario};
use crate::error::AppError;
use crate::logic::route::lookup_href;
use crate::logic::tab::Tab;
use crate::state::app_state;

#[component]
pub fn ScenarioPicker() -> impl IntoView {
    let state = app_state();
    let scenarios = RwSignal::new_local(None::<Result<Vec<Scenario>, AppError>>);
    // Ask only once the server said it runs the demo org (the list is 404 in real mode).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let demo = state
            .health
            .with(|h| matches!(h, Some(Ok(h)) if h.is_demo()));
        if demo {
            spawn_local(async move { scenarios.set(Some(api::scenarios().await)) });
        }
        demo
    });
    view! {
        <Show when=move || scenarios.with(Option::is_some)>
            <section class="card scenarios" aria-labelledby="scenarios-title">
                <h2 id="scenarios-title" class="card-title">"Demo scenarios"</h2>
                <p class="muted small">"Conversations the simulated org serves. Each one teaches a difference between the two APIs."</p>
                {move || match scenarios.get() {
                    Some(Ok(list)) => view! {
                        <ul class="scenario-list">
                            {list.into_iter().map(|s| {
                                let href = lookup_href(&s.conversation_id, Tab::Glance);
                                let started = s.conversation_start.get(..16).map(|t| format!(" · started {} UTC", t.replace('T', " "))).unwrap_or_default();
                                let meta = format!("{} · {}{}{started}", s.media_type, s.phase, if s.live { " · live" } else { "" });
                                view! {
                                    <li class="scenario">
                                        <A href=href attr:class="scenario-link">{s.title}</A>
                                        <span class="scenario-meta">{meta}</span>
                                        <p class="scenario-teaches">{s.teaches}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Some(Err(e)) => view! { <p class="muted">{format!("Scenarios unavailable: {e}")}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </section>
        </Show>
    }
}
