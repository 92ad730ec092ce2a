//! The org's data as seen at an instant: named scenarios + the synthetic org, each viewable
//! through the real-time (Conversations API) and analytics (details) lenses.
//!
//! Interface the HTTP layer relies on (keep these signatures):
//! ```ignore
//! impl Org {
//!     pub fn new(cfg: &DemoConfig) -> Self;
//!     /// `GET /api/v2/conversations/{id}` body at `now`; None = 404 (unknown, not started yet, or purged).
//!     pub fn realtime(&self, id: &str, now: DateTime<Utc>) -> Option<model::conversations::Conversation>;
//!     /// Analytics record at `now` (with participant attributes, as async jobs return it); None = 404.
//!     pub fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<model::analytics::AnalyticsConversation>;
//!     /// Conversations whose conversationStart is in [from, to), visible at `now`, lazily materialised.
//!     pub fn analytics_started_in(&self, from: DateTime<Utc>, to: DateTime<Utc>, now: DateTime<Utc>)
//!         -> impl Iterator<Item = model::analytics::AnalyticsConversation> + '_;
//!     /// The scenario list for `GET /demo/scenarios`.
//!     pub fn scenarios(&self, now: DateTime<Utc>) -> Vec<crate::scenarios::ScenarioInfo>;
//! }
//! pub fn without_attributes(c: AnalyticsConversation) -> AnalyticsConversationWithoutAttributes;
//! ```
//! Runs: [`Org::start_run`] plays a named scenario again from `now` under fresh ids (see
//! [`crate::runs`]); every lookup and query below sees the kept runs like the named scenarios.
//!
//! Extras: [`Org::with_clock`] (share one [`Clock`] with the HTTP layer), [`Org::clock`] /
//! [`Org::now`] / [`Org::origin`], [`Org::timing`] (lags + retention), [`Org::scenario`] (by slug
//! or conversation id), [`Org::all_scenarios`], [`Org::conversation`] (the timeline behind an
//! id), [`Org::realtime_ids`], [`Org::synthetic`], [`Org::len`].
//!
//! Visibility rules: real-time shows everything up to `now` from the conversation's start until
//! `realtime_retention` after its end; analytics shows what happened up to `now - analytics_lag`,
//! and wrap-up (segment, `tAcw`, `tHandle`) only up to `now - analytics_lag - wrapup_lag`;
//! conversations that started more than `analytics_retention_days` before `now` are absent from
//! analytics altogether.

use crate::DemoConfig;
use crate::clock::Clock;
use crate::realtime::realtime_view;
use crate::runs::{Runs, StartedRun};
use crate::scenarios::{self, Scenario, ScenarioInfo};
use crate::synthetic::Synthetic;
use crate::timeline::Conv;
use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversation;
use model::conversations::Conversation;
use std::collections::HashMap;

pub use crate::analytics::without_attributes;

mod start_index;

pub use crate::timing::Timing;

/// The simulated org.
#[derive(Debug)]
pub struct Org {
    clock: Clock,
    timing: Timing,
    scenarios: Vec<Scenario>,
    by_id: HashMap<String, usize>,
    /// Scenarios started again on demand (newest [`crate::runs::MAX_RUNS`] kept).
    runs: Runs,
    synthetic: Synthetic,
}

impl Org {
    /// An org whose clock is the one `cfg` asks for (frozen at `frozen_at`, else running).
    #[must_use]
    pub fn new(cfg: &DemoConfig) -> Self {
        Self::with_clock(cfg, Clock::from_config(cfg))
    }

    /// An org on a given clock (tests share a frozen clock with the HTTP layer this way).
    #[must_use]
    pub fn with_clock(cfg: &DemoConfig, clock: Clock) -> Self {
        let timing = Timing::from_config(cfg);
        let origin = clock.origin();
        let scenarios = scenarios::all(origin, &timing);
        let by_id = scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (s.conv.id.clone(), i))
            .collect();
        let synthetic = Synthetic::new(cfg.seed, cfg.synthetic_conversations, origin);
        let runs = Runs::new(origin.timestamp_millis().to_string());
        Self {
            clock,
            timing,
            scenarios,
            by_id,
            runs,
            synthetic,
        }
    }

    #[must_use]
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Simulated now.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The start-up instant the scenarios are anchored at.
    #[must_use]
    pub fn origin(&self) -> DateTime<Utc> {
        self.clock.origin()
    }

    #[must_use]
    pub fn timing(&self) -> &Timing {
        &self.timing
    }

    /// Number of conversations (scenarios + synthetic).
    #[must_use]
    pub fn len(&self) -> usize {
        self.scenarios.len() + self.synthetic.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The timeline behind a conversation id (scenario or synthetic), materialised on demand.
    #[must_use]
    pub fn conversation(&self, id: &str) -> Option<Conv> {
        self.with_conv(id, Conv::clone)
    }

    /// `GET /api/v2/conversations/{id}` body at `now`; `None` = 404 (unknown, not started, purged).
    #[must_use]
    pub fn realtime(&self, id: &str, now: DateTime<Utc>) -> Option<Conversation> {
        self.with_conv(id, |c| realtime_view(c, now, self.timing.retention))
            .flatten()
    }

    /// Analytics record at `now` (with participant attributes); `None` = 404.
    #[must_use]
    pub fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<AnalyticsConversation> {
        self.with_conv(id, |c| self.timing.analytics_of(c, now))
            .flatten()
    }

    fn with_conv<T>(&self, id: &str, f: impl FnOnce(&Conv) -> T) -> Option<T> {
        if let Some(s) = self.by_id.get(id).and_then(|i| self.scenarios.get(*i)) {
            return Some(f(&s.conv));
        }
        if let Some(run) = self.runs.get(id) {
            return Some(f(&run.conv));
        }
        self.synthetic.get(id).map(|c| f(&c))
    }

    /// Start the named scenario `scenario_id` again at `now` (fresh ids, same story); `None`
    /// when there is no such scenario.
    pub fn start_run(&self, scenario_id: &str, now: DateTime<Utc>) -> Option<StartedRun> {
        let scenario = self.scenarios.iter().find(|s| s.id == scenario_id)?;
        let run = self.runs.start(scenario, now);
        Some(StartedRun {
            conversation_id: run.conv.id.clone(),
            start_time: model::time::to_wire(&run.conv.start()),
        })
    }

    /// Analytics records of conversations whose start is in `[from, to)` and visible at `now`,
    /// in start order. Synthetic ones are materialised lazily, one start day at a time.
    pub fn analytics_started_in(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = AnalyticsConversation> + '_ {
        let named = self.named_where(|c| c.start() >= from && c.start() < to);
        self.merged(named, self.synthetic.started_in(from, to), now)
    }

    /// Analytics records of conversations that *had activity* during `[from, to)` (the async
    /// jobs' interval semantics, reference/api-facts.md §2.5): started before `to` and not ended before
    /// `from`, as visible at `now`; in start order. Synthetic conversations never last longer
    /// than [`crate::synthetic::MAX_DURATION`], so only starts from `from` minus that are read.
    pub fn analytics_active_in(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = AnalyticsConversation> + '_ {
        let active = move |c: &Conv| c.start() < to && c.end() >= from;
        let named = self.named_where(active);
        let synth = self
            .synthetic
            .started_in(from - crate::synthetic::MAX_DURATION, to)
            .filter(move |c| active(c));
        self.merged(named, synth, now)
    }

    /// Named scenarios and kept runs for which `keep` holds, in start order.
    fn named_where(&self, keep: impl Fn(&Conv) -> bool) -> Vec<Conv> {
        let runs = self.runs.all();
        let mut named: Vec<Conv> = self
            .scenarios
            .iter()
            .map(|s| &s.conv)
            .chain(runs.iter().map(|r| &r.conv))
            .filter(|c| keep(c))
            .cloned()
            .collect();
        named.sort_by_key(Conv::start);
        named
    }

    /// Merge named and synthetic timelines by start and view them through analytics at `now`.
    fn merged<'a>(
        &'a self,
        named: Vec<Conv>,
        synth: impl Iterator<Item = Conv> + 'a,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = AnalyticsConversation> + 'a {
        let timing = self.timing;
        let mut named = named.into_iter().peekable();
        let mut synth = synth.peekable();
        std::iter::from_fn(move || {
            let take_named = match (named.peek(), synth.peek()) {
                (Some(n), Some(s)) => n.start() <= s.start(),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return None,
            };
            Some(if take_named {
                named.next()
            } else {
                synth.next()
            })
        })
        .flatten()
        .filter_map(move |c| timing.analytics_of(&c, now))
    }

    /// The scenario list for `GET /demo/scenarios` at `now`.
    #[must_use]
    pub fn scenarios(&self, now: DateTime<Utc>) -> Vec<ScenarioInfo> {
        let runs = self.runs.all();
        self.scenarios
            .iter()
            .map(|s| {
                let mut info = s.info(now, &self.timing);
                info.runs = runs
                    .iter()
                    .rev()
                    .filter(|r| r.scenario_id == s.id)
                    .map(|r| r.info(now, &self.timing))
                    .collect();
                info
            })
            .collect()
    }

    /// A named scenario by slug (e.g. `inbound-answered`) or conversation id.
    #[must_use]
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios
            .iter()
            .find(|s| s.id == id || s.conv.id == id)
    }

    /// All named scenarios.
    #[must_use]
    pub fn all_scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// Ids of the named scenarios and kept runs readable on the Conversations API at `now`.
    #[must_use]
    pub fn realtime_ids(&self, now: DateTime<Utc>) -> Vec<String> {
        self.named_where(|c| realtime_view(c, now, self.timing.retention).is_some())
            .into_iter()
            .map(|c| c.id)
            .collect()
    }

    /// Named scenarios and kept runs that change during `[from, to)`: started before `to`, last
    /// after-call work not over before `from` (the notification events' source).
    #[must_use]
    pub fn named_active_in(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Conv> {
        self.named_where(|c| c.start() < to && c.acw_end() >= from)
    }

    /// The synthetic org (for tests and benches).
    #[must_use]
    pub fn synthetic(&self) -> &Synthetic {
        &self.synthetic
    }
}

/// The real org behind the HTTP layer (here, so `view` need not know `org`).
impl crate::view::OrgView for Org {
    fn realtime(&self, id: &str, now: DateTime<Utc>) -> Option<Conversation> {
        Self::realtime(self, id, now)
    }

    fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<AnalyticsConversation> {
        Self::analytics(self, id, now)
    }

    fn analytics_started_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a> {
        Box::new(Self::analytics_started_in(self, from, to, now))
    }

    fn analytics_active_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a> {
        Box::new(Self::analytics_active_in(self, from, to, now))
    }

    fn started_index(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
        ended_only: bool,
    ) -> Option<Vec<(DateTime<Utc>, crate::view::ConvRef)>> {
        Some(Self::started_index(self, from, to, now, ended_only))
    }

    fn analytics_by_ref(
        &self,
        r: &crate::view::ConvRef,
        now: DateTime<Utc>,
    ) -> Option<AnalyticsConversation> {
        Self::analytics_by_ref(self, r, now)
    }

    fn scenarios(&self, now: DateTime<Utc>) -> serde_json::Value {
        serde_json::to_value(Self::scenarios(self, now)).unwrap_or_else(|_| serde_json::json!([]))
    }

    fn start_run(&self, scenario_id: &str, now: DateTime<Utc>) -> Option<crate::runs::StartedRun> {
        Self::start_run(self, scenario_id, now)
    }

    fn timelines_active_in(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<crate::timeline::Conv> {
        Self::named_active_in(self, from, to)
    }
}
