//! Where the saved JSON goes in: a textarea, a drop zone and a file chooser. The text stays in
//! the textarea whatever happens, so a wrong paste can be fixed in place.

use leptos::prelude::*;

use super::browser;

#[component]
pub fn SavedInput(
    text: RwSignal<String>,
    /// Why the last attempt failed, shown under the box.
    error: Signal<Option<String>>,
    /// Read `text` now.
    on_open: Callback<()>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    // Reading a file is an `Action`: its content replaces the text, then opens at once (the same
    // as pasting and pressing Open); a file that cannot be read says why under the box.
    let read_file = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            let read = browser::read_text(file).await;
            if let Ok(t) = &read {
                text.try_set(t.clone());
                on_open.run(());
            }
            read.err()
        }
    });
    let take_file = move |file: Option<web_sys::File>| {
        if let Some(file) = file {
            read_file.dispatch_local(file);
        }
    };
    let shown_error = move || read_file.value().get().flatten().or_else(|| error.get());
    view! {
        <form class="saved-input" on:submit=move |ev| { ev.prevent_default(); on_open.run(()); }>
            <label for="saved-text" class="label">"Saved JSON"</label>
            <div
                class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    take_file(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
                }
            >
                <textarea
                    id="saved-text"
                    class="input input-mono saved-textarea"
                    rows="10"
                    spellcheck="false"
                    placeholder="Paste a body here, or drop a .json file"
                    aria-describedby="saved-help saved-error"
                    aria-invalid=move || if shown_error().is_some() { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                ></textarea>
            </div>
            <p id="saved-help" class="muted small">
                "A Conversation (GET /api/v2/conversations/{id}), an analytics conversation (the by-id GET), both, a details-query or job-results page, or a file exported here. It is read in this browser: nothing is uploaded and no API is called."
            </p>
            <div class="saved-actions">
                <button type="submit" class="btn btn-primary">"Open"</button>
                <label class="btn file-choose">
                    "Choose a .json file…"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".json,application/json"
                        on:change:target=move |ev| take_file(ev.target().files().and_then(|f| f.get(0)))
                    />
                </label>
            </div>
            <p id="saved-error" class="refusal" role="alert">{shown_error}</p>
        </form>
    }
}
