//! The one input of the app: a conversation ID or a Genesys Cloud URL containing one.
//! Enter, the button, or a paste starts the lookup; a refusal is explained inline before any
//! request, and the typed text is kept as is.

use lens::conversation_id::{self, ConversationId};
use leptos::prelude::*;

/// Label of the input (also its accessible name).
pub const INPUT_LABEL: &str = "Conversation ID or Genesys Cloud URL";

#[component]
pub fn LookupForm(
    /// The ID currently in the URL, if any: shown in the field after navigation.
    #[prop(into)]
    current: Signal<Option<String>>,
    /// Called with a validated ID.
    on_lookup: Callback<ConversationId>,
) -> impl IntoView {
    let (text, set_text) = signal(current.get_untracked().unwrap_or_default());
    let (refusal, set_refusal) = signal(None::<String>);
    let pasted = StoredValue::new(false);

    // Back/forward or a scenario click changes the URL: show that ID, unless the field already
    // names it (so a pasted URL stays as the user pasted it).
    Effect::new(move |_| {
        if let Some(id) = current.get() {
            let same =
                conversation_id::parse(&text.get_untracked()).is_ok_and(|p| p.as_str() == id);
            if !same {
                set_text.set(id);
            }
            set_refusal.set(None);
        }
    });

    let submit = move || match conversation_id::parse(&text.get_untracked()) {
        Ok(id) => {
            set_refusal.set(None);
            on_lookup.run(id);
        }
        Err(e) => set_refusal.set(Some(e.to_string())),
    };

    view! {
        <form class="lookup" role="search" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <label for="lookup-input" class="lookup-label">{INPUT_LABEL}</label>
            <div class="lookup-row">
                <input
                    id="lookup-input"
                    name="conversation"
                    class="input input-mono"
                    type="text"
                    inputmode="text"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    placeholder="e.g. cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4"
                    aria-invalid=move || if refusal.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby="lookup-hint lookup-refusal"
                    prop:value=move || text.get()
                    on:paste=move |_| pasted.set_value(true)
                    on:input:target=move |ev| {
                        set_text.set(ev.target().value());
                        if pasted.get_value() {
                            pasted.set_value(false);
                            submit();
                        }
                    }
                />
                <button type="submit" class="btn btn-primary">"Look up"</button>
            </div>
            <p id="lookup-hint" class="hint">
                "Paste a UUID, or the address of an interaction's page in Genesys Cloud — the ID is taken from it."
            </p>
            <p id="lookup-refusal" class="refusal" role="alert">
                {move || refusal.get()}
            </p>
        </form>
    }
}
