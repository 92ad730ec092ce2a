//! Conversation Lens: the Genesys Cloud Conversations API and the Analytics conversation-details
//! API side by side, for one conversation.
//!
//! * [`logic`]: plain functions (routes, tabs, JSON tree, decoding, formatting, storage keys) with
//!   native unit tests — nothing here touches the DOM.
//! * [`api`]: same-origin calls to the companion server (`/api/...`), one result per side.
//! * [`components`]: reusable widgets; [`tabs`]: one module per tab; [`pages`]: route views.

pub mod api;
pub mod clock;
pub mod components;
pub mod drivers;
pub mod error;
pub mod logic;
pub mod pages;
pub mod saved;
pub mod state;
pub mod tabs;
pub mod timing;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app: theme + settings context, then the router.
///
/// Routes: `/` (input, the "Which API when" table, scenarios, recent lookups), `/c/:id?tab=…` (a
/// lookup; the ID and the open tab live in the URL so links are shareable and back/forward work)
/// and `/lab` (the Query lab without a conversation id).
#[component]
pub fn App() -> impl IntoView {
    state::provide_app_state();
    view! {
        <Router>
            <components::header::Header/>
            <main id="main" class="main">
                <Routes fallback=|| view! { <pages::not_found::NotFound/> }>
                    <Route path=path!("/") view=pages::lens::LensPage/>
                    <Route path=path!("/c/:id") view=pages::lens::LensPage/>
                    <Route path=path!("/lab") view=pages::lab::LabPage/>
                    <Route path=path!("/bench/render") view=pages::bench::BenchPage/>
                    <Route path=path!("/saved") view=pages::saved::SavedPage/>
                    <Route path=path!("/auth/callback") view=pages::auth_callback::AuthCallbackPage/>
                    <Route path=path!("/about") view=pages::about::AboutPage/>
                </Routes>
            </main>
            <components::footer::Footer/>
        </Router>
    }
}
