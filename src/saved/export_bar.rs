//! "Export" (Markdown, JSON) and "Copy link" on the comparison. The files are built by
//! [`super::share`] from the bodies on screen; the token is only asked what *kind* it is.

use leptos::prelude::*;

use super::share::{self, ExportFile, Request};
use super::{browser, sides};
use crate::logic::local_zone;
use crate::logic::tab::Tab;
use crate::state::{Lookup, app_state};

#[derive(Clone, Copy)]
enum Kind {
    Markdown,
    Json,
}

/// What a button of the bar asks for.
#[derive(Clone, Copy)]
enum Ask {
    Export(Kind),
    CopyLink,
}

#[component]
pub fn ExportBar(id: Signal<String>, lookup: Lookup, tab: Signal<Tab>) -> impl IntoView {
    let state = app_state();
    let export = move |kind: Kind| -> String {
        let id = id.get_untracked();
        let (conv, ana) = (
            lookup.conversations.get_untracked(),
            lookup.analytics.get_untracked(),
        );
        let saved = sides::saved(&id, &conv, &ana);
        let href = browser::location_href();
        let token = state.token.get_untracked();
        let r = Request {
            location_href: &href,
            tab: tab.get_untracked(),
            token: token.as_ref(),
            from_file: sides::from_file(&conv, &ana),
            now: chrono::Utc::now(),
            zone: local_zone::zone(),
        };
        let file: ExportFile = match kind {
            Kind::Markdown => share::markdown_file(&saved, &r),
            Kind::Json => share::json_file(&saved, &r),
        };
        match browser::download(&file.name, file.mime, &file.text) {
            Ok(()) => format!("Downloaded {}", file.name),
            Err(e) => e,
        }
    };
    // Every button is one `Action`; its last value is what the status line says.
    let act = Action::new_local(move |ask: &Ask| {
        let done = match *ask {
            Ask::Export(kind) => Ok(export(kind)),
            Ask::CopyLink => Err(share::share_url(
                &browser::location_href(),
                &id.get_untracked(),
                tab.get_untracked(),
            )),
        };
        async move {
            match done {
                Ok(said) => said,
                Err(url) => {
                    if browser::copy_text(&url).await {
                        format!("Link copied: {url}")
                    } else {
                        format!("Copy failed; the link is {url}")
                    }
                }
            }
        }
    });
    let status = move || act.value().get().unwrap_or_default();
    view! {
        <div class="export-bar" role="group" aria-label="Export and share">
            <button type="button" class="btn" on:click=move |_| { act.dispatch_local(Ask::Export(Kind::Markdown)); }>"Export Markdown"</button>
            <button type="button" class="btn" on:click=move |_| { act.dispatch_local(Ask::Export(Kind::Json)); }>"Export JSON"</button>
            <button type="button" class="btn" on:click=move |_| { act.dispatch_local(Ask::CopyLink); }>"Copy link"</button>
            <span class="export-status muted small" role="status" aria-live="polite">{status}</span>
        </div>
    }
}
