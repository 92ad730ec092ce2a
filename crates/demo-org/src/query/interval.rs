//! ISO-8601 intervals (`start/end`) and the start-day window of the synchronous details query.
//!
//! "Results will only include conversations that started on a day touched by the interval"
//! (ConversationQuery.interval doc, reference/api-facts.md §2.2): days are UTC days here.

use crate::errors::ApiError;
use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};

/// A parsed `start/end` interval (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Interval {
    /// Parse `start/end`; each side ISO-8601 with a zone (`Z` or `±hh:mm`); a zone-less time is
    /// read as UTC.
    ///
    /// # Errors
    /// 400 `bad.request` when there is no interval or no `/`; 400 `invalid.date` when a side is not
    /// an ISO-8601 date-time; 400 `bad.request` when end is not after start.
    pub fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        let raw = raw.map(str::trim).filter(|s| !s.is_empty()).ok_or_else(|| {
            ApiError::bad_request(
                "interval is required: an ISO-8601 interval such as 2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z.",
            )
        })?;
        let (a, b) = raw.split_once('/').ok_or_else(|| {
            ApiError::bad_request(format!(
                "interval [{raw}] must be two ISO-8601 date-times separated by '/', e.g. 2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z."
            ))
        })?;
        let start = parse_time(a)?;
        let end = parse_time(b)?;
        if end <= start {
            return Err(ApiError::bad_request(format!(
                "interval [{raw}] ends before it starts; put the earlier date-time first."
            )));
        }
        Ok(Self { start, end })
    }

    /// Length of the interval.
    #[must_use]
    pub fn length(&self) -> Duration {
        self.end - self.start
    }

    /// `[first touched day 00:00, day after the last touched day 00:00)` in UTC: the
    /// conversationStart window of the synchronous query.
    #[must_use]
    pub fn touched_days(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (floor_day(self.start), ceil_day(self.end))
    }
}

/// One ISO-8601 date-time.
///
/// # Errors
/// 400 `invalid.date`.
pub fn parse_time(s: &str) -> Result<DateTime<Utc>, ApiError> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(Utc.from_utc_datetime(&t));
        }
    }
    Err(ApiError::invalid_date(s))
}

/// 00:00 UTC of `t`'s day.
#[must_use]
pub fn floor_day(t: DateTime<Utc>) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t.date_naive().and_time(chrono::NaiveTime::MIN))
}

/// `t` if it is 00:00 UTC, else 00:00 of the next day (an interval ending at midnight does not
/// touch the day that starts there).
#[must_use]
pub fn ceil_day(t: DateTime<Utc>) -> DateTime<Utc> {
    let f = floor_day(t);
    if f == t { f } else { f + Duration::days(1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        parse_time(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn parses_and_rejects() {
        let i = Interval::parse(Some("2026-05-12T10:00:00.000Z/2026-05-12T11:00:00+01:00"));
        assert_eq!(
            i.map_err(|e| e.code),
            Err("bad.request"),
            "end == start (zones differ)"
        );
        let i = Interval::parse(Some("2026-05-12T10:00:00.000Z/2026-05-12T12:00:00+01:00"));
        assert_eq!(i.map(|i| i.length()), Ok(Duration::hours(1)));
        assert_eq!(
            Interval::parse(None).map_err(|e| e.code),
            Err("bad.request")
        );
        assert_eq!(
            Interval::parse(Some("yesterday/today")).map_err(|e| e.code),
            Err("invalid.date")
        );
        assert_eq!(
            Interval::parse(Some("2026-05-12T10:00:00Z")).map_err(|e| e.code),
            Err("bad.request")
        );
        assert_eq!(
            Interval::parse(Some("2026-05-13T00:00:00Z/2026-05-12T00:00:00Z")).map_err(|e| e.code),
            Err("bad.request")
        );
    }

    #[test]
    fn touched_days_cover_whole_utc_days() {
        let i = Interval {
            start: t("2026-05-12T10:00:00Z"),
            end: t("2026-05-12T11:00:00Z"),
        };
        assert_eq!(
            i.touched_days(),
            (t("2026-05-12T00:00:00Z"), t("2026-05-13T00:00:00Z"))
        );
        let i = Interval {
            start: t("2026-05-12T23:00:00Z"),
            end: t("2026-05-14T00:00:00Z"),
        };
        assert_eq!(
            i.touched_days(),
            (t("2026-05-12T00:00:00Z"), t("2026-05-14T00:00:00Z"))
        );
    }
}
