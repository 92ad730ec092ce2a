//! Recent lookups (IDs only, kept in localStorage), clearable.

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
                <p class="muted small">"Only the IDs are kept, in this browser's localStorage."</p>
                <ul class="recent-list">
                    {move || state.recent.get().into_iter().map(|id| {
                        let href = lookup_href(&id, Tab::Glance);
                        view! { <li><A href=href attr:class="mono">{id}</A></li> }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
