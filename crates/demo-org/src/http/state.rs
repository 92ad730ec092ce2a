//! Shared state of one running demo org and the view of the org the HTTP layer needs.

use crate::DemoConfig;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::jobs::JobStore;
use crate::oauth::TokenStore;
use crate::ratelimit::RateLimiter;
pub use crate::view::OrgView;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// Everything a request handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub cfg: Arc<DemoConfig>,
    pub clock: Clock,
    pub org: Arc<dyn OrgView>,
    pub tokens: Arc<TokenStore>,
    pub limiter: Arc<RateLimiter>,
    pub jobs: Arc<JobStore>,
    pub faults: Arc<Faults>,
    /// Hit lists of settled details queries (paging a past day scans it once).
    pub query_cache: Arc<crate::query::cache::HitCache>,
    /// Notification channels and their event delivery.
    pub notifications: Arc<crate::notifications::Notifications>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("cfg", &self.cfg)
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State around any org view (tests use small fixture orgs).
    #[must_use]
    pub fn with_org(cfg: DemoConfig, org: Arc<dyn OrgView>) -> Self {
        let clock = Clock::from_config(&cfg);
        Self {
            notifications: Arc::new(crate::notifications::Notifications::new(
                cfg.notifications.clone(),
            )),
            limiter: Arc::new(RateLimiter::new(cfg.rate_limit_per_minute)),
            cfg: Arc::new(cfg),
            clock,
            org,
            tokens: Arc::new(TokenStore::default()),
            jobs: Arc::new(JobStore::default()),
            faults: Arc::new(Faults::default()),
            query_cache: Arc::new(crate::query::cache::HitCache::default()),
        }
    }

    /// Start-day windows ending before this instant can no longer change: they end before
    /// start-up (only pre-built history lives there), and anything that started in them has
    /// ended (synthetic conversations last at most `synthetic::MAX_DURATION`) and passed the
    /// analytics and wrap-up lags.
    #[must_use]
    pub fn settled_before(&self) -> DateTime<Utc> {
        let lags = crate::jobs::to_chrono(self.cfg.analytics_lag)
            + crate::jobs::to_chrono(self.cfg.wrapup_lag);
        let settle = crate::synthetic::MAX_DURATION + lags + chrono::Duration::minutes(1);
        self.clock.origin().min(self.now() - settle)
    }

    /// Simulated now.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

impl AppState {
    /// State for the org `cfg` describes; the org and the HTTP layer share one clock.
    #[must_use]
    pub fn new(cfg: DemoConfig) -> Self {
        let clock = Clock::from_config(&cfg);
        let org = crate::org::Org::with_clock(&cfg, clock.clone());
        let mut state = Self::with_org(cfg, Arc::new(org));
        state.clock = clock;
        state
    }
}
