//! Page footer: what the app is and where its facts come from.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>
                "Conversation Lens compares "
                <code>"GET /api/v2/conversations/{id}"</code>
                " with "
                <code>"GET /api/v2/analytics/conversations/{id}/details"</code>
                ". Facts come from the official Genesys Cloud SDK models and documentation; every explanation names its source, and claims the reference could not verify are marked "
                <span class="badge badge-unverified">"unverified"</span> ". "
                <A href="/about">"About this app and its companion server"</A> "."
            </p>
        </footer>
    }
}
