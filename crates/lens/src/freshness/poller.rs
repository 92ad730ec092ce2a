//! Poll scheduling as a pure state machine. The clock is injected (milliseconds from any
//! monotonic origin), so tests run it with a frozen clock.
//!
//! Guarantees: never two polls in flight (the next is scheduled only after both responses came
//! back), never more than the configured rate (period clamp + a sliding one-minute window), no
//! polling while the page is hidden, and a stop once both APIs say the conversation ended and
//! analytics has stopped changing — and, when an agent's wrap-up is still expected, once it has
//! arrived (or `max_settle_ms` of quiet has passed).

use crate::query_lab::Explanation;
use crate::query_lab::sources::RATE_LIMIT;
use serde::Serialize;
use std::collections::VecDeque;

/// Milliseconds on the injected monotonic clock.
pub type Millis = u64;

const MINUTE: Millis = 60_000;

/// Which API a response belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Api {
    /// `GET /api/v2/conversations/{id}`.
    Realtime,
    /// `GET /api/v2/analytics/conversations/{id}/details`.
    Analytics,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollerConfig {
    /// Requested period; clamped by [`clamp_period`].
    pub period_ms: Millis,
    /// Requests per minute allowed for the token (300 for client credentials, reference/api-facts.md §4.2).
    pub rate_limit_per_minute: u32,
    /// Requests per poll (one per API).
    pub calls_per_poll: u32,
    /// Share of the rate limit the poller may use, in percent (the rest stays for the page).
    pub budget_percent: u32,
    /// Stop after this many consecutive polls in which both APIs report the end and analytics
    /// did not change.
    pub stable_polls_to_stop: u32,
    /// While analytics still lacks something expected (an agent's wrap-up), keep polling a
    /// settled conversation up to this long before giving up.
    pub max_settle_ms: Millis,
}

impl Default for PollerConfig {
    fn default() -> Self {
        Self {
            period_ms: DEFAULT_PERIOD_MS,
            rate_limit_per_minute: 300,
            calls_per_poll: 2,
            budget_percent: 50,
            stable_polls_to_stop: 3,
            max_settle_ms: 120_000,
        }
    }
}

/// The default period: 5 s.
pub const DEFAULT_PERIOD_MS: Millis = 5_000;
/// Longest period offered: 5 min.
pub const MAX_PERIOD_MS: Millis = 300_000;

impl PollerConfig {
    /// Polls per minute the budget allows.
    #[must_use]
    pub fn max_polls_per_minute(&self) -> u64 {
        let budget =
            u64::from(self.rate_limit_per_minute) * u64::from(self.budget_percent.min(100)) / 100;
        (budget / u64::from(self.calls_per_poll.max(1))).max(1)
    }

    /// The shortest period that stays within the budget.
    #[must_use]
    pub fn min_period_ms(&self) -> Millis {
        MINUTE.div_ceil(self.max_polls_per_minute())
    }
}

/// Clamp a requested period into `[min_period, 5 min]`; the explanation says why when it moved.
#[must_use]
pub fn clamp_period(requested_ms: Millis, cfg: &PollerConfig) -> (Millis, Option<Explanation>) {
    let min = cfg.min_period_ms();
    if requested_ms < min {
        let why = Explanation::new(
            format!("Period raised to {} ms", min),
            format!(
                "Each poll makes {} requests and a client-credentials token may make {} requests a minute \
                 (the default reported on Genesys forums; unverified); \
                 polling uses at most {}% of that ({} polls a minute), so the period is at least {} ms.",
                cfg.calls_per_poll,
                cfg.rate_limit_per_minute,
                cfg.budget_percent,
                cfg.max_polls_per_minute(),
                min
            ),
            RATE_LIMIT,
        );
        (min, Some(why))
    } else if requested_ms > MAX_PERIOD_MS {
        (MAX_PERIOD_MS, None)
    } else {
        (requested_ms, None)
    }
}

/// Why polling stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StopReason {
    /// The user pressed stop.
    User,
    /// The user left the page or the tab.
    LeftPage,
    /// Both APIs report the conversation ended and analytics stopped changing.
    Settled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    Idle,
    /// Next poll due at this time (or as soon as the page is visible again).
    Waiting {
        due_at: Millis,
    },
    /// Requests out; the poll completes when both answered.
    InFlight {
        poll: u32,
        started_at: Millis,
        realtime_done: bool,
        analytics_done: bool,
    },
    Stopped(StopReason),
}

/// Issue both requests now; `poll` numbers them from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fetch {
    pub poll: u32,
}

/// What a response told the poller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ResponseReport {
    /// The API says the conversation ended (real time: `endTime`; analytics: `conversationEnd`).
    pub ended: bool,
    /// The body differs from the previous poll's.
    pub changed: bool,
    /// `Retry-After` of a 429, in ms.
    pub retry_after_ms: Option<Millis>,
    /// Something is known to be still on its way (analytics: an agent's wrap-up), so a quiet
    /// body is not yet "settled".
    pub awaiting_more: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Poller {
    cfg: PollerConfig,
    period_ms: Millis,
    phase: Phase,
    hidden: bool,
    polls: u32,
    recent_starts: VecDeque<Millis>,
    realtime_ended: bool,
    analytics_ended: bool,
    analytics_changed: bool,
    analytics_awaiting: bool,
    stable_polls: u32,
    stable_since: Option<Millis>,
    not_before: Millis,
}

impl Poller {
    #[must_use]
    pub fn new(cfg: PollerConfig) -> Self {
        let (period_ms, _) = clamp_period(cfg.period_ms, &cfg);
        Self {
            cfg,
            period_ms,
            phase: Phase::Idle,
            hidden: false,
            polls: 0,
            recent_starts: VecDeque::new(),
            realtime_ended: false,
            analytics_ended: false,
            analytics_changed: false,
            analytics_awaiting: false,
            stable_polls: 0,
            stable_since: None,
            not_before: 0,
        }
    }

    #[must_use]
    pub fn phase(&self) -> Phase {
        self.phase
    }

    #[must_use]
    pub fn period_ms(&self) -> Millis {
        self.period_ms
    }

    #[must_use]
    pub fn polls_started(&self) -> u32 {
        self.polls
    }

    #[must_use]
    pub fn is_hidden(&self) -> bool {
        self.hidden
    }

    /// Change the period (takes effect for the next schedule); explains a clamp.
    pub fn set_period(&mut self, requested_ms: Millis) -> Option<Explanation> {
        let (p, why) = clamp_period(requested_ms, &self.cfg);
        self.period_ms = p;
        why
    }

    /// Start (or restart after a stop). Polls at once when visible.
    pub fn start(&mut self, now: Millis) -> Option<Fetch> {
        if matches!(self.phase, Phase::InFlight { .. }) {
            return None;
        }
        self.stable_polls = 0;
        self.stable_since = None;
        self.phase = Phase::Waiting { due_at: now };
        self.tick(now)
    }

    /// Stop; in-flight responses are still accepted but nothing new is scheduled.
    pub fn stop(&mut self, reason: StopReason) {
        self.phase = Phase::Stopped(reason);
    }

    /// Page visibility changed (`document.visibilitychange`). Becoming visible fires an overdue poll.
    pub fn set_hidden(&mut self, hidden: bool, now: Millis) -> Option<Fetch> {
        self.hidden = hidden;
        if hidden { None } else { self.tick(now) }
    }

    /// When the view should call [`Self::tick`] next (`None`: nothing scheduled).
    #[must_use]
    pub fn next_due(&self) -> Option<Millis> {
        match self.phase {
            Phase::Waiting { due_at } if !self.hidden => {
                Some(due_at.max(self.not_before).max(self.window_opens_at()))
            }
            _ => None,
        }
    }

    /// Timer callback: start a poll if one is due, visible, and within the rate window.
    pub fn tick(&mut self, now: Millis) -> Option<Fetch> {
        let Phase::Waiting { due_at } = self.phase else {
            return None;
        };
        if self.hidden || now < due_at || now < self.not_before {
            return None;
        }
        self.forget_old_starts(now);
        if self.recent_starts.len() as u64 >= self.cfg.max_polls_per_minute() {
            return None;
        }
        self.polls += 1;
        self.recent_starts.push_back(now);
        self.analytics_changed = false;
        self.phase = Phase::InFlight {
            poll: self.polls,
            started_at: now,
            realtime_done: false,
            analytics_done: false,
        };
        Some(Fetch { poll: self.polls })
    }

    /// A response (or a failure, reported with `ended: false`) arrived for `poll`.
    pub fn on_response(&mut self, poll: u32, api: Api, now: Millis, report: ResponseReport) {
        if let Some(ms) = report.retry_after_ms {
            self.not_before = self.not_before.max(now + ms);
        }
        match api {
            Api::Realtime => self.realtime_ended = report.ended,
            Api::Analytics => {
                self.analytics_ended = report.ended;
                self.analytics_changed |= report.changed;
                self.analytics_awaiting = report.awaiting_more;
            }
        }
        let Phase::InFlight {
            poll: current,
            started_at,
            mut realtime_done,
            mut analytics_done,
        } = self.phase
        else {
            return;
        };
        if poll != current {
            return;
        }
        match api {
            Api::Realtime => realtime_done = true,
            Api::Analytics => analytics_done = true,
        }
        if !(realtime_done && analytics_done) {
            self.phase = Phase::InFlight {
                poll,
                started_at,
                realtime_done,
                analytics_done,
            };
            return;
        }
        if self.realtime_ended && self.analytics_ended && !self.analytics_changed {
            self.stable_polls += 1;
            self.stable_since.get_or_insert(started_at);
        } else {
            self.stable_polls = 0;
            self.stable_since = None;
        }
        let settled_long = self
            .stable_since
            .is_some_and(|t| now.saturating_sub(t) >= self.cfg.max_settle_ms);
        let settled = self.stable_polls >= self.cfg.stable_polls_to_stop
            && (!self.analytics_awaiting || settled_long);
        self.phase = if settled {
            Phase::Stopped(StopReason::Settled)
        } else {
            Phase::Waiting {
                due_at: (started_at + self.period_ms).max(now),
            }
        };
    }

    /// Consecutive settled polls so far.
    #[must_use]
    pub fn stable_polls(&self) -> u32 {
        self.stable_polls
    }

    fn forget_old_starts(&mut self, now: Millis) {
        while self
            .recent_starts
            .front()
            .is_some_and(|t| now.saturating_sub(*t) >= MINUTE)
        {
            self.recent_starts.pop_front();
        }
    }

    /// When the sliding window admits another poll.
    fn window_opens_at(&self) -> Millis {
        if (self.recent_starts.len() as u64) < self.cfg.max_polls_per_minute() {
            return 0;
        }
        self.recent_starts.front().map_or(0, |t| t + MINUTE)
    }
}
