//! "Export" (Markdown, JSON) and "Copy link" on the comparison. The files are built by
//! [`super::share`] from the bodies on screen; the token is only asked what *kind* it is.

use leptos::prelude::*;
use leptos::task::spawn_local;

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

#[component]
pub fn ExportBar(id: Signal<String>, lookup: Lookup, tab: Signal<Tab>) -> impl IntoView {
    let state = app_state();
    let status = RwSignal::new(String::new());
    let export = move |kind: Kind| {
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
        status.set(match browser::download(&file.name, file.mime, &file.text) {
            Ok(()) => format!("Downloaded {}", file.name),
            Err(e) => e,
        });
    };
    let copy_link = move |_| {
        let url = share::share_url(
            &browser::location_href(),
            &id.get_untracked(),
            tab.get_untracked(),
        );
        spawn_local(async move {
            let ok = browser::copy_text(&url).await;
            status.try_set(if ok {
                format!("Link copied: {url}")
            } else {
                format!("Copy failed; the link is {url}")
            });
        });
    };
    view! {
        <div class="export-bar" role="group" aria-label="Export and share">
            <button type="button" class="btn" on:click=move |_| export(Kind::Markdown)>"Export Markdown"</button>
            <button type="button" class="btn" on:click=move |_| export(Kind::Json)>"Export JSON"</button>
            <button type="button" class="btn" on:click=copy_link>"Copy link"</button>
            <span class="export-status muted small" role="status" aria-live="polite">{move || status.get()}</span>
        </div>
    }
}
