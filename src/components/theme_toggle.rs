//! Light/dark switch (a toggle button "Dark theme", pressed when dark). The system preference
//! is the default; a click is remembered.

use leptos::prelude::*;

use crate::logic::theme::Theme;
use crate::state::app_state;

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let state = app_state();
    let is_dark = move || state.theme.get() == Theme::Dark;
    view! {
        <button
            type="button"
            class="btn btn-icon theme-toggle"
            aria-pressed=move || if is_dark() { "true" } else { "false" }
            title=move || if is_dark() { "Switch to light theme" } else { "Switch to dark theme" }
            on:click=move |_| state.toggle_theme()
        >
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9z"/>
            </svg>
            // A toggle button: its name stays "Dark theme" and `aria-pressed` says whether it is
            // on. The visible text is that same name (no aria-label that could disagree with it).
            <span class="theme-toggle-text">"Dark theme"</span>
        </button>
    }
}
