//! App-wide state (theme, optional user token, recent lookups, server mode) and the state of
//! one lookup (the two sides). Browser storage is touched only here.

mod lookup;
pub mod scenarios;

pub use lookup::{Lookup, SideState};

use leptos::prelude::*;

use crate::api::{self, Health, UserToken};
use crate::error::AppError;
use crate::logic::{recent, theme::Theme};

/// Handles every component may use; provided once by [`provide_app_state`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub theme: RwSignal<Theme>,
    /// In memory only: never written to storage.
    pub token: RwSignal<Option<UserToken>>,
    /// Recent lookups: IDs and what each was (non-secret metadata only).
    pub recent: RwSignal<Vec<recent::RecentLookup>>,
    /// `/api/health`, read once; `None` while loading.
    pub health: LocalResource<Result<Health, AppError>>,
    /// The demo org's scenarios, once asked for (see [`scenarios`]).
    pub scenarios: scenarios::ScenarioList,
}

/// Create the app state, apply the theme to `<html>`, and keep storage in sync.
pub fn provide_app_state() -> AppState {
    let stored_theme = storage_get(crate::logic::theme::STORAGE_KEY);
    let theme = RwSignal::new(Theme::initial(
        stored_theme.as_deref(),
        system_prefers_dark(),
    ));
    let recent = RwSignal::new(recent::decode(storage_get(recent::STORAGE_KEY).as_deref()));
    let health = LocalResource::new(api::health);
    let state = AppState {
        theme,
        token: RwSignal::new(None),
        recent,
        health,
        scenarios: scenarios::ScenarioList::new(health),
    };
    // Effects only sync with the outside world (DOM attribute, storage).
    Effect::new(move |_| {
        let t = theme.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", t.as_str());
        }
    });
    provide_context(state);
    state
}

/// The app state [`provide_app_state`] put in context (by `App`, or by a test that mounts a
/// component alone). A missing one is a bug, so it fails loudly rather than building a second.
#[must_use]
pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Flip the theme and remember the explicit choice.
    pub fn toggle_theme(&self) {
        let next = self.theme.get_untracked().toggled();
        self.theme.set(next);
        storage_set(crate::logic::theme::STORAGE_KEY, next.as_str());
    }

    pub fn remember(&self, id: &str) {
        let next = recent::push(&self.recent.get_untracked(), id);
        storage_set(recent::STORAGE_KEY, &recent::encode(&next));
        self.recent.set(next);
    }

    /// Record what a remembered lookup was (media, start, first participant) once it answered.
    pub fn describe_recent(&self, id: &str, about: recent::About) {
        if let Some(next) = recent::describe(&self.recent.get_untracked(), id, about) {
            storage_set(recent::STORAGE_KEY, &recent::encode(&next));
            self.recent.set(next);
        }
    }

    pub fn clear_recent(&self) {
        storage_remove(recent::STORAGE_KEY);
        self.recent.set(Vec::new());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn storage_get(key: &str) -> Option<String> {
    local_storage().and_then(|s| s.get_item(key).ok().flatten())
}

fn storage_set(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}

fn storage_remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}
