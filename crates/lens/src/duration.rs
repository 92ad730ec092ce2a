//! Milliseconds as people read them ("4m 39.4s"), and the span between two wire timestamps.
//!
//! Analytics `t*` metrics are integer milliseconds; the Conversations API has only timestamps (and
//! `Wrapup.durationSeconds`). Every duration the app shows goes through here so both sides read alike.

use chrono::{DateTime, Utc};

/// A human duration: `850 ms`, `8.9s`, `4m 39.4s`, `1h 02m 03.4s`; negative values get a `-`.
#[must_use]
pub fn human_ms(ms: i64) -> String {
    if ms < 0 {
        return format!("-{}", human_ms(ms.saturating_neg()));
    }
    if ms < 1_000 {
        return format!("{ms} ms");
    }
    // Round to tenths of a second first so 59_999 ms reads "1m 0.0s", not "60.0s".
    let tenths = ms.saturating_add(50) / 100;
    let (h, rem) = (tenths / 36_000, tenths % 36_000);
    let (m, rem) = (rem / 600, rem % 600);
    let (s, t) = (rem / 10, rem % 10);
    if h > 0 {
        format!("{h}h {m:02}m {s:02}.{t}s")
    } else if m > 0 {
        format!("{m}m {s}.{t}s")
    } else {
        format!("{s}.{t}s")
    }
}

/// Milliseconds from `start` to `end` (negative when `end` is earlier).
#[must_use]
pub fn between_ms(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    (end - start).num_milliseconds()
}

/// `start → end` as a human duration, with `end` defaulting to `now` for something still running.
#[must_use]
pub fn span_text(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<String> {
    let start = start?;
    match end {
        Some(end) => Some(human_ms(between_ms(start, end))),
        None => Some(format!(
            "{} so far",
            human_ms(between_ms(start, now).max(0))
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(human_ms(0), "0 ms");
        assert_eq!(human_ms(850), "850 ms");
        assert_eq!(human_ms(8_878), "8.9s");
        assert_eq!(human_ms(30_001), "30.0s");
        assert_eq!(human_ms(279_421), "4m 39.4s");
        assert_eq!(human_ms(59_999), "1m 0.0s");
        assert_eq!(human_ms(3_723_400), "1h 02m 03.4s");
        assert_eq!(human_ms(-1_500), "-1.5s");
        assert_eq!(human_ms(i64::MIN).chars().next(), Some('-'));
        assert!(!human_ms(i64::MAX).is_empty());
    }

    #[test]
    fn spans() {
        let a = model::time::from_wire("2026-05-12T14:02:11.204Z").unwrap_or_default();
        let b = model::time::from_wire("2026-05-12T14:07:15.300Z").unwrap_or_default();
        assert_eq!(between_ms(a, b), 304_096);
        assert_eq!(span_text(Some(a), Some(b), b).as_deref(), Some("5m 4.1s"));
        assert_eq!(
            span_text(Some(a), None, b).as_deref(),
            Some("5m 4.1s so far")
        );
        assert_eq!(span_text(None, Some(b), b), None);
    }
}
