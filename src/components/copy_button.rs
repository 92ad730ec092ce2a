//! A button that copies text to the clipboard and says so.

use leptos::prelude::*;

/// Copies `text` (computed when clicked) and announces the result politely.
#[component]
pub fn CopyButton(
    /// What to copy; called on click so large bodies are not duplicated up front.
    text: Callback<(), String>,
    /// Accessible label, e.g. "Copy Conversations API body".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    // Copying is an `Action`: its last value says whether the clipboard took the text.
    let copied = Action::new_local(|value: &String| {
        let value = value.clone();
        async move { copy(&value).await }
    });
    let status = move || match copied.value().get() {
        None => "",
        Some(true) => "Copied",
        Some(false) => "Copy failed — select the text instead",
    };
    let on_click = move |_| {
        copied.dispatch_local(text.run(()));
    };
    view! {
        <button type="button" class="btn btn-small" aria-label=label.clone() on:click=on_click>
            "Copy"
        </button>
        <span class="copy-status" role="status" aria-live="polite">{status}</span>
    }
}

async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
