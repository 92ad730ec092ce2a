use leptos::prelude::*;
use leptos_router::components::A;

/// Any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Page not found"</h1>
            <p>"This address is not part of Conversation Lens. " <A href="/">"Start a new lookup"</A> "."</p>
        </section>
    }
}
