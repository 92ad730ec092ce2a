//! Drives `lens::freshness::poller::Poller`: a 200 ms ticker asks it whether a poll is due
//! (telling it whether the browser tab is hidden), fires the two requests it asks for and hands
//! each answer to the change log and back to the poller. Stopping clears the ticker; leaving the
//! tab clears it too.

use std::time::Duration;

use chrono::Utc;
use lens::freshness::log::{ChangeLog, PollResult};
use lens::freshness::poller::{Api, Fetch, Phase, Poller, PollerConfig, StopReason};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{UserToken, http};
use crate::clock::monotonic_ms;
use crate::logic::route;

/// How often the driver wakes to ask the poller whether a poll is due.
const TICK: Duration = Duration::from_millis(200);

/// The poller, its change log and the ticker that drives them.
#[derive(Clone, Copy)]
pub struct PollDriver {
    pub poller: RwSignal<Poller>,
    pub log: RwSignal<ChangeLog>,
    ticker: StoredValue<Option<IntervalHandle>>,
}

impl PollDriver {
    /// A stopped driver, cleared with the calling component.
    #[must_use]
    pub fn new() -> Self {
        let driver = Self {
            poller: RwSignal::new(Poller::new(PollerConfig::default())),
            log: RwSignal::new(ChangeLog::new()),
            ticker: StoredValue::new(None),
        };
        on_cleanup(move || driver.halt_ticker());
        driver
    }

    /// Start polling conversation `id` with a fresh log.
    pub fn start(&self, id: String, token: Option<UserToken>) {
        self.halt_ticker();
        self.log.set(ChangeLog::new());
        let this = *self;
        if let Some(f) = self
            .poller
            .try_update(|p| p.start(monotonic_ms()))
            .flatten()
        {
            this.fire_both(f, &id, token.as_ref());
        }
        let ticker = set_interval_with_handle(move || this.tick(&id, token.as_ref()), TICK).ok();
        self.ticker.set_value(ticker);
    }

    /// Stop polling (the Stop button).
    pub fn stop(&self) {
        self.halt_ticker();
        self.poller.update(|p| p.stop(StopReason::User));
    }

    /// Stop and forget the log (another conversation was looked up).
    pub fn reset(&self) {
        self.stop();
        self.log.set(ChangeLog::new());
    }

    fn tick(&self, id: &str, token: Option<&UserToken>) {
        let Some(due) = self
            .poller
            .try_update(|p| p.set_hidden(document_hidden(), monotonic_ms()))
        else {
            return self.halt_ticker();
        };
        if let Some(f) = due {
            self.fire_both(f, id, token);
        }
        if matches!(
            self.poller.try_with(Poller::phase),
            Some(Phase::Stopped(_)) | None
        ) {
            self.halt_ticker();
        }
    }

    fn halt_ticker(&self) {
        if let Some(Some(t)) = self.ticker.try_update_value(Option::take) {
            t.clear();
        }
    }

    fn fire_both(&self, f: Fetch, id: &str, token: Option<&UserToken>) {
        for api in [Api::Realtime, Api::Analytics] {
            self.fire(api, f, id, token.cloned());
        }
    }

    /// One request of a poll; records the answer and tells the poller.
    fn fire(&self, api: Api, f: Fetch, id: &str, token: Option<UserToken>) {
        let (poller, log) = (self.poller, self.log);
        let id = http::encode(id);
        let url = match api {
            Api::Realtime => route::conversation_api_path(&id),
            Api::Analytics => route::analytics_api_path(&id),
        };
        spawn_local(async move {
            let result = match http::get(&url, token).await {
                Ok(a) if a.ok() => PollResult::Body(a.body),
                Ok(a) => PollResult::Status {
                    status: a.status,
                    error: a.error_body().map(Box::new),
                    retry_after_ms: a.retry_after_ms,
                },
                Err(_) => PollResult::Status {
                    status: 0,
                    error: None,
                    retry_after_ms: None,
                },
            };
            let Some(report) = log.try_update(|l| l.record(f.poll, Utc::now(), api, result)) else {
                return;
            };
            poller.try_update(|p| p.on_response(f.poll, api, monotonic_ms(), report));
        });
    }
}

impl Default for PollDriver {
    fn default() -> Self {
        Self::new()
    }
}

fn document_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
