//! A button that copies text to the clipboard and says so.

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Copies `text` (computed when clicked) and announces the result politely.
#[component]
pub fn CopyButton(
    /// What to copy; called on click so large bodies are not duplicated up front.
    text: Callback<(), String>,
    /// Accessible label, e.g. "Copy Conversations API body".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let on_click = move |_| {
        let value = text.run(());
        spawn_local(async move {
            let ok = copy(&value).await;
            set_status.set(if ok {
                "Copied".to_owned()
            } else {
                "Copy failed — select the text instead".to_owned()
            });
        });
    };
    view! {
        <button type="button" class="btn btn-small" aria-label=label.clone() on:click=on_click>
            "Copy"
        </button>
        <span class="copy-status" role="status" aria-live="polite">{move || status.get()}</span>
    }
}

async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
