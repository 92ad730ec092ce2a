//! The demo org's scenario list (`GET /api/demo/scenarios`, demo mode only; 404 in real mode),
//! kept in the app state so the home page's picker and the query lab's demo hint share it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Scenario};
use crate::error::AppError;
use crate::state::app_state;

/// `None` until loaded.
pub type ScenarioList = RwSignal<Option<Result<Vec<Scenario>, AppError>>, LocalStorage>;

/// The list, loaded once the server says it runs the demo org and `wanted()` (a reactive
/// condition) holds. `fresh` asks again even when a list is cached (the picker shows phases that
/// move with the clock); otherwise a cached list is reused (start times never change).
pub fn demo_scenarios(fresh: bool, wanted: impl Fn() -> bool + 'static) -> ScenarioList {
    let state = app_state();
    let list = state.scenarios;
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let ask = state
            .health
            .with(|h| matches!(h, Some(Ok(h)) if h.is_demo()))
            && wanted();
        if ask && (fresh || list.with_untracked(Option::is_none)) {
            spawn_local(async move {
                list.try_set(Some(api::scenarios().await));
            });
        }
        ask
    });
    list
}
