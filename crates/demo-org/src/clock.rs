//! Simulated time: a scaled running clock, or a frozen one that tests move by hand.
//!
//! Every scenario is anchored at the clock's *origin* (the org's start-up instant), so the
//! stories evolve from start-up. Times are truncated to milliseconds because Genesys writes
//! timestamps with millisecond precision.

use chrono::{DateTime, Duration, DurationRound, Utc};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// A shareable clock (`Clone` shares the same time source).
#[derive(Debug, Clone)]
pub struct Clock {
    origin: DateTime<Utc>,
    mode: Arc<Mode>,
}

#[derive(Debug)]
enum Mode {
    /// `sim_now = origin + real elapsed × scale`.
    Running { started: Instant, scale: f64 },
    /// Only moves when told to.
    Frozen(Mutex<DateTime<Utc>>),
}

/// Truncate to whole milliseconds (the wire precision).
#[must_use]
pub fn to_millis(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::milliseconds(1)).unwrap_or(t)
}

impl Clock {
    /// A clock running `scale` times faster than real time from `origin` (scale ≤ 0 or NaN → 1).
    #[must_use]
    pub fn running(origin: DateTime<Utc>, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Self {
            origin: to_millis(origin),
            mode: Arc::new(Mode::Running {
                started: Instant::now(),
                scale,
            }),
        }
    }

    /// A clock standing still at `at` (which is also its origin).
    #[must_use]
    pub fn frozen(at: DateTime<Utc>) -> Self {
        let at = to_millis(at);
        Self {
            origin: at,
            mode: Arc::new(Mode::Frozen(Mutex::new(at))),
        }
    }

    /// The clock a [`crate::DemoConfig`] asks for: frozen at `frozen_at`, else running from now.
    #[must_use]
    pub fn from_config(cfg: &crate::DemoConfig) -> Self {
        match cfg.frozen_at {
            Some(at) => Self::frozen(at),
            None => Self::running(Utc::now(), cfg.time_scale),
        }
    }

    /// The start-up instant every scenario is anchored at.
    #[must_use]
    pub fn origin(&self) -> DateTime<Utc> {
        self.origin
    }

    /// Simulated now, in whole milliseconds.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        match &*self.mode {
            Mode::Running { started, scale } => {
                let real_ms = started.elapsed().as_secs_f64() * 1000.0 * scale;
                // Saturate instead of overflowing after absurd uptimes × scales.
                #[allow(clippy::cast_possible_truncation)]
                let ms = real_ms.min(1.0e15) as i64;
                self.origin + Duration::milliseconds(ms)
            }
            Mode::Frozen(at) => *at.lock().unwrap_or_else(PoisonError::into_inner),
        }
    }

    /// Whether the clock is frozen (tests) rather than running.
    #[must_use]
    pub fn is_frozen(&self) -> bool {
        matches!(&*self.mode, Mode::Frozen(_))
    }

    /// Set a frozen clock to `at`. Returns false (and does nothing) on a running clock.
    pub fn set(&self, at: DateTime<Utc>) -> bool {
        match &*self.mode {
            Mode::Frozen(cur) => {
                *cur.lock().unwrap_or_else(PoisonError::into_inner) = to_millis(at);
                true
            }
            Mode::Running { .. } => false,
        }
    }

    /// Move a frozen clock by `by` (may be negative). Returns false on a running clock.
    pub fn advance(&self, by: Duration) -> bool {
        self.set(self.now() + by)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_clock_moves_only_when_told() {
        let t0 = DateTime::parse_from_rfc3339("2026-05-12T14:02:11.204567Z")
            .map(|t| t.with_timezone(&Utc));
        let Ok(t0) = t0 else {
            panic!("bad test timestamp")
        };
        let c = Clock::frozen(t0);
        assert_eq!(c.now(), c.origin());
        assert_eq!(
            c.now().timestamp_subsec_micros() % 1000,
            0,
            "truncated to ms"
        );
        assert!(c.advance(Duration::seconds(90)));
        assert_eq!(c.now() - c.origin(), Duration::seconds(90));
        let shared = c.clone();
        assert!(shared.set(c.origin()));
        assert_eq!(c.now(), c.origin());
    }

    #[test]
    fn running_clock_cannot_be_set_and_never_goes_back() {
        let c = Clock::running(Utc::now(), 10.0);
        assert!(!c.set(Utc::now()));
        assert!(c.now() >= c.origin());
    }
}
