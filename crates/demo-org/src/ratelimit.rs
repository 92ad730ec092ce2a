//! Per-token request budget: `rate_limit_per_minute` requests per fixed 60-second window that
//! opens with the token's first request (default 300, the client-credentials per-token default
//! quoted in reference/api-facts.md §4.2). Past the budget: 429 `too.many.requests` + `Retry-After`.
//!
//! The `inin-ratelimit-allowed/count/reset` headers are ones *seen on real responses* (reference/api-facts.md
//! §4.2, 2021 blog); current Genesys docs no longer show them, so clients must not depend on them.
//! Windows run on real time: a client's retry timer is a real timer.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Window length (the "[60] seconds" of the error message).
pub const WINDOW: Duration = Duration::from_secs(60);

/// Budget state after counting one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// `inin-ratelimit-allowed`.
    pub allowed: u32,
    /// `inin-ratelimit-count`: requests in the current window, this one included.
    pub count: u32,
    /// `inin-ratelimit-reset`: whole seconds until the window resets (≥ 1).
    pub reset_secs: u64,
}

impl Budget {
    /// True when this request went past the budget (→ 429).
    #[must_use]
    pub fn exceeded(&self) -> bool {
        self.count > self.allowed
    }
}

/// Fixed-window counters per token.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    #[must_use]
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Count one request for `token` at `now`.
    pub fn hit(&self, token: &str, now: Instant) -> Budget {
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        // Drop stale windows now and then so a long-running demo does not grow without bound.
        if windows.len() > 10_000 {
            windows.retain(|_, (start, _)| now.saturating_duration_since(*start) < WINDOW);
        }
        let entry = windows.entry(token.to_owned()).or_insert((now, 0));
        if now.saturating_duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        let left = WINDOW.saturating_sub(now.saturating_duration_since(entry.0));
        Budget {
            allowed: self.per_minute,
            count: entry.1,
            reset_secs: left.as_secs_f64().ceil().max(1.0) as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_is_per_token_and_resets_with_the_window() {
        let rl = RateLimiter::new(2);
        let t0 = Instant::now();
        assert!(!rl.hit("a", t0).exceeded());
        assert!(!rl.hit("a", t0).exceeded());
        let third = rl.hit("a", t0 + Duration::from_secs(10));
        assert!(third.exceeded());
        assert_eq!(third.reset_secs, 50);
        assert!(
            !rl.hit("b", t0).exceeded(),
            "other token has its own budget"
        );
        let later = rl.hit("a", t0 + Duration::from_secs(61));
        assert_eq!((later.count, later.exceeded()), (1, false));
    }
}
