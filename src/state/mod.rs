//! App-wide state (theme, optional user token, recent lookups, server mode) and the state of
//! one lookup (the two sides). Browser storage is touched only here.

pub mod scenarios;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use web_sys::AbortController;

use crate::api::{self, Health, UserToken};
use crate::error::AppError;
use crate::logic::decode::Exchange;
use crate::logic::side::Side;
use crate::logic::{recent, theme::Theme};
use crate::timing;

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

/// What one side shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SideState {
    /// No lookup yet.
    #[default]
    Idle,
    Loading,
    /// An HTTP answer (any status).
    Done(Arc<Exchange>),
    /// No HTTP answer.
    Failed(AppError),
}

impl SideState {
    #[must_use]
    pub fn exchange(&self) -> Option<&Arc<Exchange>> {
        match self {
            SideState::Done(e) => Some(e),
            _ => None,
        }
    }

    /// The Conversations side as the lens logic reads it (no answer yet = loading).
    #[must_use]
    pub fn lens_conversation(&self) -> lens::lookup::Side<'_, Conversation> {
        self.lens_side(Exchange::conversation)
    }

    /// The Analytics side as the lens logic reads it.
    #[must_use]
    pub fn lens_analytics(&self) -> lens::lookup::Side<'_, AnalyticsConversationWithoutAttributes> {
        self.lens_side(Exchange::analytics)
    }

    /// The decoded body (`decoded`), else the error body, else loading.
    fn lens_side<'a, T>(
        &'a self,
        decoded: impl FnOnce(&'a Exchange) -> Option<&'a T>,
    ) -> lens::lookup::Side<'a, T> {
        let Some(ex) = self.exchange() else {
            return lens::lookup::Side::Loading;
        };
        match (decoded(ex), ex.error()) {
            (Some(body), _) => lens::lookup::Side::Loaded(body),
            (None, Some(e)) => lens::lookup::Side::Failed(e),
            (None, None) => lens::lookup::Side::Loading,
        }
    }

    /// True when this side says the conversation is still going.
    #[must_use]
    pub fn is_live(&self) -> bool {
        self.exchange().is_some_and(|ex| {
            ex.conversation().is_some_and(|c| c.end_time.is_none())
                || ex.analytics().is_some_and(|a| a.conversation_end.is_none())
        })
    }
}

/// The two sides of the current lookup plus what is needed to cancel it.
#[derive(Clone, Copy)]
pub struct Lookup {
    pub conversations: RwSignal<SideState>,
    pub analytics: RwSignal<SideState>,
    /// Incremented per lookup so late answers of an older lookup are ignored.
    generation: StoredValue<u64>,
    aborts: StoredValue<Vec<AbortController>, LocalStorage>,
}

impl Default for Lookup {
    fn default() -> Self {
        Self::new()
    }
}

impl Lookup {
    #[must_use]
    pub fn new() -> Self {
        Self {
            conversations: RwSignal::new(SideState::Idle),
            analytics: RwSignal::new(SideState::Idle),
            generation: StoredValue::new(0),
            aborts: StoredValue::new_local(Vec::new()),
        }
    }

    #[must_use]
    pub fn side(&self, side: Side) -> RwSignal<SideState> {
        match side {
            Side::Conversations => self.conversations,
            Side::Analytics => self.analytics,
        }
    }

    /// Cancel whatever is in flight (navigation away or a newer lookup).
    pub fn cancel(&self) {
        self.aborts.update_value(|v| {
            for c in v.drain(..) {
                c.abort();
            }
        });
    }

    /// Start both calls concurrently; each side settles on its own.
    pub fn start(&self, id: &str, token: Option<UserToken>) {
        self.run(id, token, false);
    }

    /// Ask both APIs again but keep showing the current answers until the new ones arrive (no
    /// skeleton flash while a live conversation is polled).
    pub fn refresh(&self, id: &str, token: Option<UserToken>) {
        self.run(id, token, true);
    }

    fn run(&self, id: &str, token: Option<UserToken>, keep_previous: bool) {
        self.cancel();
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        timing::started();
        for side in Side::BOTH {
            let controller = AbortController::new().ok();
            let signal = controller.as_ref().map(AbortController::signal);
            if let Some(c) = controller {
                self.aborts.update_value(|v| v.push(c));
            }
            let target = self.side(side);
            if !keep_previous || !matches!(target.get_untracked(), SideState::Done(_)) {
                target.set(SideState::Loading);
            }
            let (id, token, this) = (id.to_owned(), token.clone(), *self);
            spawn_local(async move {
                let result = api::fetch_side(side, &id, token, signal).await;
                if this.generation.try_get_value() != Some(generation) {
                    return; // a newer lookup owns the panels now
                }
                target.set(match result {
                    Ok(ex) => SideState::Done(Arc::new(ex)),
                    Err(AppError::Aborted) => return,
                    Err(e) => SideState::Failed(e),
                });
                let settled = |s: &SideState| !matches!(s, SideState::Loading);
                if this.conversations.with_untracked(settled)
                    && this.analytics.with_untracked(settled)
                {
                    timing::both_views();
                }
            });
        }
    }

    /// Put a finished exchange in place (tests and the bench use this to skip the network).
    pub fn set_exchange(&self, ex: Exchange) {
        self.side(ex.side).set(SideState::Done(Arc::new(ex)));
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
