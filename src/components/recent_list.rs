//! Recent lookups (kept in localStorage: IDs and what each was, never tokens or bodies), clearable.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::route::lookup_href;
use crate::logic::tab::Tab;
use crate::state::app_state;

#[component]
pub fn RecentList() -> impl IntoView {
    let state = app_state();
    view! {
        <Show when=move || state.recent.with(|r| !r.is_empty())>
            <section class="card recent" aria-labelledby="recent-title">
                <div class="card-head">
                    <h2 id="recent-title" class="card-title">"Recent lookups"</h2>
                    <button type="button" class="btn btn-small" on:click=move |_| state.clear_recent()>"Clear recent lookups"</button>
                </div>
                <p class="muted small">
                    "Kept in this browser's localStorage: each ID with its media, start time and first participant — never a token or a response body."
                </p>
                <ul class="recent-list">
                    {move || state.recent.get().into_iter().map(|r| {
                        let href = lookup_href(&r.id, Tab::Glance);
                        let headline = r.headline();
                        let started = r.started();
                        view! {
                            <li class="recent-item">
                                <A href=href attr:class="recent-link">
                                    <span class="recent-what">{headline}</span>
                                    {started.map(|s| view! { <span class="recent-when">{s}</span> })}
                                    <span class="recent-id mono">{r.id}</span>
                                </A>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
