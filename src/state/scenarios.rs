//! The demo org's scenario list (`GET /api/demo/scenarios`, demo mode only; 404 in real mode),
//! kept in the app state so the home page's picker and the query lab's demo hint share it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

use crate::api::{self, Scenario};
use crate::error::AppError;
use crate::state::app_state;

/// `None` until loaded.
pub type ScenarioList = RwSignal<Option<Result<Vec<Scenario>, AppError>>, LocalStorage>;

/// How often the start page reads the list again while it is open: phases move with the demo
/// clock, and a phase shown must be the phase now.
pub const REFRESH_EVERY: Duration = Duration::from_secs(5);

/// True once the server said it runs the demo org.
fn is_demo() -> Memo<bool> {
    let state = app_state();
    Memo::new(move |_| {
        state
            .health
            .with(|h| matches!(h, Some(Ok(h)) if h.is_demo()))
    })
}

/// The list, loaded once (a cached one is reused: start times never change) when the server
/// runs the demo org and `wanted()` (a reactive condition) holds.
pub fn demo_scenarios(wanted: impl Fn() -> bool + 'static) -> ScenarioList {
    let list = app_state().scenarios;
    let demo = is_demo();
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let ask = demo.get() && wanted();
        if ask && list.with_untracked(Option::is_none) {
            spawn_local(async move {
                list.try_set(Some(api::scenarios().await));
            });
        }
        ask
    });
    list
}

/// The list for the start page: read now and again every [`REFRESH_EVERY`] while the calling
/// component is mounted (a `LocalResource` keyed on a tick), each answer stored in the app state.
pub fn live_demo_scenarios() -> ScenarioList {
    let list = app_state().scenarios;
    let demo = is_demo();
    let tick = RwSignal::new(0u32);
    let loaded = LocalResource::new(move || {
        tick.track();
        let ask = demo.get();
        async move {
            if ask {
                Some(api::scenarios().await)
            } else {
                None
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Some(fresh)) = loaded.get() {
            list.set(Some(fresh));
        }
    });
    if let Ok(every) = set_interval_with_handle(
        move || tick.update(|t| *t = t.wrapping_add(1)),
        REFRESH_EVERY,
    ) {
        on_cleanup(move || every.clear());
    }
    list
}
