//! The named scenarios of the demo org: each a conversation whose story is anchored at the org's
//! start-up instant, with stable IDs, a title and what it teaches; [`replay`] plays one again
//! from another instant (the runs of [`crate::runs`]).

mod catalog_list;
pub mod digital;
mod inbound;
pub mod outbound;
pub mod parts;
mod phase;
mod replay;
pub mod selfservice;
pub mod transfer;

pub use catalog_list::all;
pub use inbound::InboundCall;
pub use phase::{Phase, analytics_complete_at, phase};
pub use replay::replay;

use crate::timeline::{Conv, Time};
use serde::Serialize;

/// A named scenario (built once at start-up; its views are derived at any instant).
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Stable slug, e.g. `inbound-answered`.
    pub id: &'static str,
    pub title: &'static str,
    pub teaches: &'static str,
    pub conv: Conv,
}

/// One entry of `GET /demo/scenarios`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioInfo {
    pub id: String,
    pub conversation_id: String,
    pub title: String,
    /// What it teaches, true at any instant (where the story is now is `phase`).
    pub teaches: String,
    /// Where the built-in conversation's story is now (`{name, label, until}`).
    pub phase: Phase,
    /// `voice`, `message`, `email` or `callback` (analytics vocabulary).
    pub media_type: String,
    /// The conversation has not ended yet (real-time view has no `endTime`).
    pub live: bool,
    /// When it started (ISO-8601, ms): lets a learner set a query interval even when neither API
    /// still knows the conversation.
    pub conversation_start: String,
    /// Runs of this scenario started on demand and still kept, newest first.
    pub runs: Vec<RunInfo>,
}

/// One entry of a scenario's `runs` in `GET /demo/scenarios`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunInfo {
    pub scenario_id: String,
    pub conversation_id: String,
    pub start_time: String,
    pub phase: Phase,
}

impl Scenario {
    #[must_use]
    pub fn info(&self, now: Time, timing: &crate::timing::Timing) -> ScenarioInfo {
        ScenarioInfo {
            id: self.id.to_owned(),
            conversation_id: self.conv.id.clone(),
            title: self.title.to_owned(),
            teaches: self.teaches.to_owned(),
            phase: phase(&self.conv, now, timing),
            media_type: self.conv.media().analytics().to_owned(),
            live: self.conv.start() <= now && now < self.conv.end(),
            conversation_start: model::time::to_wire(&self.conv.start()),
            runs: Vec::new(),
        }
    }
}
