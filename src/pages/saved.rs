//! The "Open saved" page (`/saved`): paste, drop or choose JSON, pick a conversation from a page,
//! then the full comparison with no API call (the pieces are in [`crate::saved`]).

use lens::saved::{Opened, Page, Saved};
use leptos::prelude::*;

use super::comparison::Comparison;
use crate::logic::tab::Tab;
use crate::saved::input::SavedInput;
use crate::saved::picker::Picker;
use crate::state::Lookup;

#[component]
pub fn SavedPage() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let page = RwSignal::new(None::<Page>);
    let shown = RwSignal::new(None::<String>);
    let tab = RwSignal::new(Tab::default());
    let lookup = Lookup::new();

    let show = move |s: Saved| {
        crate::saved::sides::install(&lookup, &s);
        error.set(None);
        page.set(None);
        shown.set(Some(s.conversation_id));
    };
    let on_open = Callback::new(move |()| match lens::saved::open(&text.get_untracked()) {
        Ok(Opened::Ready(s)) => show(s),
        Ok(Opened::Pick(p)) => {
            error.set(None);
            page.set(Some(p));
        }
        Err(e) => {
            page.set(None);
            error.set(Some(e.to_string()));
        }
    });
    let on_pick = Callback::new(move |id: String| {
        let picked = page.with_untracked(|p| p.as_ref().and_then(|p| p.pick(&id)));
        if let Some(s) = picked {
            show(s);
        }
    });
    let on_tab = Callback::new(move |t: Tab| tab.set(t));

    view! {
        <div class="page">
            {move || match shown.get() {
                None => view! {
                    <section class="card saved-intro" aria-labelledby="saved-title">
                        <h1 id="saved-title" class="intro-title">"Open saved JSON"</h1>
                        <SavedInput text error=error.into() on_open/>
                    </section>
                    {move || page.get().map(|p| view! { <Picker page=p on_pick/> })}
                }.into_any(),
                Some(id) => view! {
                    <p class="saved-back">
                        <button type="button" class="btn btn-link" on:click=move |_| shown.set(None)>
                            "← Open another (your text is kept)"
                        </button>
                    </p>
                    <Comparison id=Signal::derive(move || id.clone()) lookup tab=tab.into() on_tab saved=true/>
                }.into_any(),
            }}
        </div>
    }
}
