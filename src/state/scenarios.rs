//! The demo org's scenario list (`GET /api/demo/scenarios`, demo mode only; 404 in real mode),
//! kept in the app state so the home page's picker and the query lab's demo hint share it.

use leptos::prelude::*;
use std::time::Duration;

use crate::api::{self, Health, Scenario};
use crate::error::AppError;

use super::app_state;

/// How often the start page reads the list again while it is open: phases move with the demo
/// clock, and a phase shown must be the phase now.
pub const REFRESH_EVERY: Duration = Duration::from_secs(5);

/// One `LocalResource` for the list: asked for only once someone wants it and the server runs
/// the demo org, read again on every tick (the start page ticks while it is shown). While it is
/// read again the previous answer stays.
#[derive(Clone, Copy)]
pub struct ScenarioList {
    list: LocalResource<Option<Result<Vec<Scenario>, AppError>>>,
    wanted: RwSignal<bool>,
    tick: RwSignal<u32>,
}

impl ScenarioList {
    /// The list for a server whose `/api/health` is `health`.
    #[must_use]
    pub fn new(health: LocalResource<Result<Health, AppError>>) -> Self {
        let wanted = RwSignal::new(false);
        let tick = RwSignal::new(0u32);
        let list = LocalResource::new(move || {
            tick.track();
            let ask = wanted.get() && health.with(|h| matches!(h, Some(Ok(h)) if h.is_demo()));
            async move {
                if ask {
                    Some(api::scenarios().await)
                } else {
                    None
                }
            }
        });
        Self { list, wanted, tick }
    }

    /// The list as last read; `None` until loaded (or when the server is not in demo mode).
    pub fn with<R>(&self, f: impl FnOnce(Option<&Result<Vec<Scenario>, AppError>>) -> R) -> R {
        self.list.with(|l| f(l.as_ref().and_then(Option::as_ref)))
    }

    /// A copy of [`Self::with`]'s value.
    #[must_use]
    pub fn get(&self) -> Option<Result<Vec<Scenario>, AppError>> {
        self.with(|l| l.cloned())
    }
}

/// The list, loaded once (a list already read is reused: start times never change) when the
/// server runs the demo org and `wanted()` (a reactive condition) holds.
pub fn demo_scenarios(wanted: impl Fn() -> bool + 'static) -> ScenarioList {
    let scenarios = app_state().scenarios;
    Effect::new(move |_| {
        if wanted() && !scenarios.wanted.get_untracked() {
            scenarios.wanted.set(true);
        }
    });
    scenarios
}

/// The list for the start page: read now and again every [`REFRESH_EVERY`] while the calling
/// component is mounted.
pub fn live_demo_scenarios() -> ScenarioList {
    let scenarios = demo_scenarios(|| true);
    if let Ok(every) = set_interval_with_handle(
        move || scenarios.tick.update(|t| *t = t.wrapping_add(1)),
        REFRESH_EVERY,
    ) {
        on_cleanup(move || every.clear());
    }
    scenarios
}
