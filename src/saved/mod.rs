//! "Open saved" (`/saved`): paste or drop JSON the user already has and see the full comparison,
//! read in the browser with no API call. The sides go into a [`Lookup`] of their own
//! ([`sides::install`]), so the panels and every tab work unchanged; "Export" and "Copy link"
//! ([`export_bar`]) sit on every comparison.
//!
//! Decoding is `lens::saved`; this module only wires it to the page.

pub mod browser;
pub mod export_bar;
pub mod input;
pub mod picker;
pub mod share;
pub mod sides;

use lens::saved::{Opened, Page, Saved};
use leptos::prelude::*;

use crate::logic::tab::Tab;
use crate::pages::lens::Comparison;
use crate::state::Lookup;
use input::SavedInput;
use picker::Picker;

/// The route of the page.
pub const HREF: &str = "/saved";

#[component]
pub fn SavedPage() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let page = RwSignal::new(None::<Page>);
    let shown = RwSignal::new(None::<String>);
    let tab = RwSignal::new(Tab::default());
    let lookup = Lookup::new();

    let show = move |s: Saved| {
        sides::install(&lookup, &s);
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
