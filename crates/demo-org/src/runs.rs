//! Scenarios started again on demand (`POST /demo/scenarios/{id}/start`): each run is the
//! scenario's story replayed from the instant it was started, under fresh ids, served on every
//! path exactly like the built-in conversations.
//!
//! Bounded like real retention: the newest [`MAX_RUNS`] runs are kept; starting one more ages
//! the oldest out (both APIs then answer 404 for it, as for a purged conversation).

use crate::scenarios::{RunInfo, Scenario, phase, replay};
use crate::timeline::{Conv, Time};
use crate::timing::Timing;
use serde::Serialize;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

/// How many started runs the org keeps (the oldest is aged out first).
pub const MAX_RUNS: usize = 50;

/// One started run.
#[derive(Debug)]
pub struct Run {
    pub scenario_id: &'static str,
    pub conv: Conv,
}

/// The `201` body of `POST /demo/scenarios/{id}/start`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StartedRun {
    pub conversation_id: String,
    /// ISO-8601, ms: the demo clock's now when the run was started.
    pub start_time: String,
}

impl Run {
    #[must_use]
    pub fn info(&self, now: Time, timing: &Timing) -> RunInfo {
        RunInfo {
            scenario_id: self.scenario_id.to_owned(),
            conversation_id: self.conv.id.clone(),
            start_time: model::time::to_wire(&self.conv.start()),
            phase: phase(&self.conv, now, timing),
        }
    }
}

/// The runs of one org, oldest first.
#[derive(Debug)]
pub struct Runs {
    /// Mixed into every run's ids so runs of different org start-ups never share ids.
    salt: String,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    started: u64,
    runs: VecDeque<Arc<Run>>,
}

impl Runs {
    #[must_use]
    pub fn new(salt: impl Into<String>) -> Self {
        Self {
            salt: salt.into(),
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Start `scenario` again at `now`; ages the oldest run out beyond [`MAX_RUNS`].
    pub fn start(&self, scenario: &Scenario, now: Time) -> Arc<Run> {
        let mut inner = self.lock();
        inner.started += 1;
        let ns = format!("run:{}:{}", self.salt, inner.started);
        let run = Arc::new(Run {
            scenario_id: scenario.id,
            conv: replay(&scenario.conv, &ns, now),
        });
        inner.runs.push_back(Arc::clone(&run));
        while inner.runs.len() > MAX_RUNS {
            inner.runs.pop_front();
        }
        run
    }

    /// The run serving conversation `id`, if it is still kept.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<Arc<Run>> {
        self.lock().runs.iter().find(|r| r.conv.id == id).cloned()
    }

    /// Every kept run, oldest first.
    #[must_use]
    pub fn all(&self) -> Vec<Arc<Run>> {
        self.lock().runs.iter().cloned().collect()
    }
}
