//! Top bar: name, which org the server talks to (demo or real), token settings, theme.

use leptos::prelude::*;
use leptos_router::components::A;

use super::theme_toggle::ThemeToggle;
use super::token_drawer::TokenDrawer;
use crate::state::app_state;

#[component]
pub fn Header() -> impl IntoView {
    let state = app_state();
    let (drawer_open, set_drawer_open) = signal(false);
    let mode = move || {
        state.health.with(|h| match h {
            None => ("mode-unknown", "Connecting…".to_owned()),
            Some(Ok(h)) if h.is_demo() => ("mode-demo", "Demo org".to_owned()),
            Some(Ok(h)) => (
                "mode-real",
                format!(
                    "Genesys Cloud{}",
                    h.region
                        .as_deref()
                        .map(|r| format!(" · {r}"))
                        .unwrap_or_default()
                ),
            ),
            Some(Err(_)) => ("mode-down", "Server unreachable".to_owned()),
        })
    };
    let has_token = move || state.token.with(Option::is_some);
    // Sign-in-only server: the org stays unreadable until the user brings a token.
    let must_sign_in = move || {
        !has_token()
            && state
                .health
                .with(|h| matches!(h, Some(Ok(h)) if h.needs_sign_in()))
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="header">
            <div class="header-inner">
                <A href="/" attr:class="brand">
                    <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <circle cx="9" cy="12" r="6"/>
                        <circle cx="15" cy="12" r="6"/>
                    </svg>
                    <span>"Conversation Lens"</span>
                </A>
                <span class=move || format!("mode-badge {}", mode().0) role="status">{move || mode().1}</span>
                <div class="header-actions">
                    <Show when=must_sign_in>
                        <button
                            type="button"
                            class="btn btn-primary signin-needed"
                            title="This server holds no credentials: lookups use your own token."
                            aria-controls="token-drawer"
                            on:click=move |_| set_drawer_open.set(true)
                        >
                            "Sign in to read your org"
                        </button>
                    </Show>
                    <super::sign_in_badge::SignInBadge/>
                    <button
                        type="button"
                        class="btn btn-icon"
                        aria-expanded=move || if drawer_open.get() { "true" } else { "false" }
                        aria-controls="token-drawer"
                        on:click=move |_| set_drawer_open.update(|o| *o = !*o)
                    >
                        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <path d="M7 14a4 4 0 1 1 3.9-5H21v3h-2v3h-3v-3h-5.1A4 4 0 0 1 7 14zm0-2a2 2 0 1 0 0-4 2 2 0 0 0 0 4z"/>
                        </svg>
                        <span>{move || if has_token() { "Your token (on)" } else { "Access token" }}</span>
                    </button>
                    <ThemeToggle/>
                </div>
            </div>
            <Show when=move || drawer_open.get()>
                <TokenDrawer on_close=Callback::new(move |()| set_drawer_open.set(false))/>
            </Show>
        </header>
    }
}
