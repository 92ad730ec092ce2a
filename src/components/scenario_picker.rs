//! Demo mode: the demo org's scenarios, each with a line on what it teaches.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::demo_scenarios::demo_scenarios;
use crate::logic::route::lookup_href;
use crate::logic::tab::Tab;

#[component]
pub fn ScenarioPicker() -> impl IntoView {
    // Fresh on every visit: the phases move with the demo clock.
    let scenarios = demo_scenarios(true, || true);
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
