//! Times and durations as a sentence says them: "13:30", "1 m 44 s". The viewer's zone is passed
//! in as an offset (the app reads it from the browser), so this stays pure and testable.

use chrono::{DateTime, FixedOffset, Utc};

/// The zone the story is told in: an offset east of UTC, and how to name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    /// Seconds east of UTC; always a valid [`FixedOffset`] (checked on construction).
    secs: i32,
}

impl Zone {
    pub const UTC: Self = Self { secs: 0 };

    /// `minutes_east` as JavaScript gives it negated (`-new Date().getTimezoneOffset()`); an
    /// impossible offset (beyond ±24 h) falls back to UTC rather than failing the story.
    #[must_use]
    pub fn minutes_east(minutes_east: i32) -> Self {
        minutes_east
            .checked_mul(60)
            .filter(|s| FixedOffset::east_opt(*s).is_some())
            .map_or(Self::UTC, |secs| Self { secs })
    }

    /// The wall-clock reading in this zone (formatting a shifted UTC value needs no fallible
    /// offset object).
    fn local(self, t: DateTime<Utc>) -> chrono::NaiveDateTime {
        t.naive_utc() + chrono::Duration::seconds(i64::from(self.secs))
    }

    /// "UTC" or "UTC+02:00".
    #[must_use]
    pub fn name(self) -> String {
        let secs = self.secs;
        if secs == 0 {
            return "UTC".to_owned();
        }
        let sign = if secs < 0 { '-' } else { '+' };
        let mins = secs.unsigned_abs() / 60;
        format!("UTC{sign}{:02}:{:02}", mins / 60, mins % 60)
    }

    /// "13:30:05" in this zone.
    #[must_use]
    pub fn time(self, t: DateTime<Utc>) -> String {
        self.local(t).format("%H:%M:%S").to_string()
    }

    /// "12 May 2026" in this zone.
    #[must_use]
    pub fn day(self, t: DateTime<Utc>) -> String {
        self.local(t).format("%-d %b %Y").to_string()
    }
}

/// A duration as spoken: "under a second", "18 s", "1 m 44 s", "1 h 02 m". Rounded to the
/// second: the story tells what happened; the exact milliseconds are in the other tabs.
#[must_use]
pub fn spoken_ms(ms: i64) -> String {
    let ms = ms.max(0);
    if ms < 500 {
        return "under a second".to_owned();
    }
    let secs = ms.saturating_add(500) / 1000;
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    if h > 0 {
        format!("{h} h {m:02} m")
    } else if m > 0 {
        format!("{m} m {s} s")
    } else {
        format!("{s} s")
    }
}

/// "once", "twice", "3 times".
#[must_use]
pub fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_speech() {
        assert_eq!(spoken_ms(-5), "under a second");
        assert_eq!(spoken_ms(499), "under a second");
        assert_eq!(spoken_ms(18_420), "18 s");
        assert_eq!(spoken_ms(103_650), "1 m 44 s");
        assert_eq!(spoken_ms(59_600), "1 m 0 s");
        assert_eq!(spoken_ms(3_723_400), "1 h 02 m");
    }

    #[test]
    fn zones_shift_and_name_themselves() {
        let t = model::time::from_wire("2026-05-12T23:30:00.000Z").unwrap_or_default();
        assert_eq!(Zone::UTC.time(t), "23:30:00");
        assert_eq!(Zone::UTC.name(), "UTC");
        let cest = Zone::minutes_east(120);
        assert_eq!(
            (cest.time(t), cest.day(t)),
            ("01:30:00".into(), "13 May 2026".into())
        );
        assert_eq!(cest.name(), "UTC+02:00");
        assert_eq!(Zone::minutes_east(-330).name(), "UTC-05:30");
        assert_eq!(Zone::minutes_east(i32::MAX), Zone::UTC);
    }

    #[test]
    fn counts() {
        assert_eq!(
            (times(1), times(2), times(3)),
            ("once".into(), "twice".into(), "3 times".into())
        );
    }
}
