//! Knobs of the simulated org. Defaults are what `cargo xtask run` uses.

use chrono::{DateTime, Utc};
use std::time::Duration;

/// The demo org's analytics retention: the shortest a real org can set (reference/api-facts.md §6), so the
/// `past-analytics-retention` scenario can sit just beyond it.
pub const DEFAULT_ANALYTICS_RETENTION_DAYS: u32 = 90;

/// Longest analytics retention a real org can set (5 years, reference/api-facts.md §6).
pub const MAX_ANALYTICS_RETENTION_DAYS: u32 = 5 * 365;

/// Configuration of the demo org.
#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// Simulated seconds per real second (10 = ten times faster). Must be > 0.
    pub time_scale: f64,
    /// Freeze the clock at this instant (tests). `None` = a running clock.
    pub frozen_at: Option<DateTime<Utc>>,
    /// Lifetime of issued tokens (`expires_in`).
    pub token_ttl_secs: u64,
    /// Requests per token per minute before 429 `too.many.requests`.
    pub rate_limit_per_minute: u32,
    /// How long after an event the analytics view shows it.
    pub analytics_lag: Duration,
    /// Extra delay for wrap-up data in analytics (wrap-up arrives later than the rest).
    pub wrapup_lag: Duration,
    /// How long after it ends a conversation stays readable on the Conversations API (UNVERIFIED upstream; configurable).
    pub realtime_retention: Duration,
    /// The org's analytics data retention setting (`retentionDays`): conversations that started
    /// longer ago than this are gone from every analytics endpoint. `None` = not set ("retained
    /// for the lifespan of the customer contract", reference/api-facts.md §6). Real orgs allow 90 days to 5
    /// years; the demo accepts fewer days so a test can watch data expire.
    pub analytics_retention_days: Option<u32>,
    /// How long an async job stays QUEUED/PENDING before FULFILLED.
    pub job_delay: Duration,
    /// How far `dataAvailabilityDate` lags "now".
    pub availability_lag: Duration,
    /// Size of the deterministic synthetic org used for query, paging and job tests.
    pub synthetic_conversations: usize,
    /// Seed of the synthetic org.
    pub seed: u64,
    /// Channels, heartbeats and event delivery of the Notifications API.
    pub notifications: crate::notifications::NotificationConfig,
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self {
            time_scale: 1.0,
            frozen_at: None,
            token_ttl_secs: 86_400,
            rate_limit_per_minute: 300,
            analytics_lag: Duration::from_secs(5),
            wrapup_lag: Duration::from_secs(30),
            realtime_retention: Duration::from_secs(2 * 24 * 3600),
            analytics_retention_days: Some(DEFAULT_ANALYTICS_RETENTION_DAYS),
            job_delay: Duration::from_secs(3),
            availability_lag: Duration::from_secs(6 * 3600),
            synthetic_conversations: 100_000,
            seed: 7,
            notifications: crate::notifications::NotificationConfig::default(),
        }
    }
}
