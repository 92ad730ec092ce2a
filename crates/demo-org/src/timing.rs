//! What each API shows of a conversation at an instant: the analytics lags and the two
//! retentions ([`Timing`]). Its own module so the scenarios, the runs and the org can all use
//! it without importing one another.

use crate::DemoConfig;
use crate::analytics::{Lags, analytics_view, to_chrono};
use crate::timeline::Conv;
use chrono::{DateTime, Duration, Utc};
use model::analytics::AnalyticsConversation;

/// The delays that decide what each API shows at an instant.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub lags: Lags,
    /// How long after it ended the Conversations API still serves a conversation.
    pub retention: Duration,
    /// Analytics data retention: conversations that started longer ago than this are gone from
    /// every analytics endpoint. `None` = not set (kept for the contract's lifespan).
    pub analytics_retention: Option<Duration>,
}

impl Timing {
    #[must_use]
    pub fn from_config(cfg: &DemoConfig) -> Self {
        Self {
            lags: Lags::from_config(cfg),
            retention: to_chrono(cfg.realtime_retention),
            analytics_retention: cfg
                .analytics_retention_days
                .map(|d| Duration::days(i64::from(d))),
        }
    }

    /// True when analytics has dropped `c` at `now` under the retention setting. Which instant
    /// Genesys measures retention from (start, end, or day of either) is UNVERIFIED; the demo
    /// uses the conversation's start, the instant the details query matches on.
    #[must_use]
    pub fn past_analytics_retention(&self, c: &Conv, now: DateTime<Utc>) -> bool {
        self.analytics_retention
            .is_some_and(|r| c.start() < now - r)
    }

    /// The analytics record of `c` at `now`: lagging behind real time, absent past retention.
    #[must_use]
    pub fn analytics_of(&self, c: &Conv, now: DateTime<Utc>) -> Option<AnalyticsConversation> {
        if self.past_analytics_retention(c, now) {
            return None;
        }
        analytics_view(c, now, self.lags)
    }
}
