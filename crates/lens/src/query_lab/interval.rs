//! The `interval` of a details query: derive it from a conversation's start, parse what a user
//! types, and explain the rules that make a query come back empty.
//!
//! The rule that matters: "Results will only include conversations that started on a day touched
//! by the interval" (the `ConversationQuery.interval` doc). We count those days in UTC — no source
//! says which calendar Genesys uses (UNVERIFIED, `sources::UTC_DAYS`) — so the safe interval for one
//! conversation is its UTC start day, `YYYY-MM-DDT00:00:00.000Z/<next day>T00:00:00.000Z`.

use super::Explanation;
use super::sources::{DETAIL_QUERY_INTERVAL_HELP, QUERY_INTERVAL_DOC, TUTORIAL_2020_LIMITS};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::Serialize;
use std::fmt;

/// Interval caps of the synchronous query, in days (see [`check_caps`] for their sources).
pub const MAX_DAYS_UNFILTERED: i64 = 7;
/// With a filter the cap is 31 days (Developer Center interval help).
pub const MAX_DAYS_FILTERED: i64 = 31;
/// Interval starts may lie at most 35 days in the past, today included (2020 tutorial statement).
pub const MAX_DAYS_BACK: i64 = 35;
/// At most 10,000 records per query (2020 tutorial statement).
pub const MAX_RECORDS: u32 = 10_000;
/// [`MAX_RECORDS`] as people read it, with a thousands separator.
pub const MAX_RECORDS_TEXT: &str = "10,000";

/// A half-open UTC interval `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Interval {
    /// # Errors
    /// [`IntervalError::EndNotAfterStart`] when `end <= start`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Self, IntervalError> {
        if end <= start {
            return Err(IntervalError::EndNotAfterStart {
                start: wire(start),
                end: wire(end),
            });
        }
        Ok(Self { start, end })
    }

    /// The whole UTC day `day`.
    #[must_use]
    pub fn utc_day(day: NaiveDate) -> Self {
        let start = Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN));
        Self {
            start,
            end: start + Duration::days(1),
        }
    }

    /// The wire text, `start/end`, in Genesys' millisecond UTC format.
    #[must_use]
    pub fn to_wire(&self) -> String {
        format!("{}/{}", wire(self.start), wire(self.end))
    }

    #[must_use]
    pub fn length(&self) -> Duration {
        self.end - self.start
    }

    /// UTC days the interval touches. We read the interval as half-open (an end at exactly
    /// midnight does not touch the next day), the ISO-8601 convention; Genesys does not say.
    #[must_use]
    pub fn touched_days(&self) -> Vec<NaiveDate> {
        let first = self.start.date_naive();
        let last = (self.end - Duration::milliseconds(1)).date_naive();
        first.iter_days().take_while(|d| *d <= last).collect()
    }

    /// Would a conversation that started at `start` match, by the start-day rule?
    #[must_use]
    pub fn touches_start_day_of(&self, conversation_start: DateTime<Utc>) -> bool {
        let day = conversation_start.date_naive();
        self.start.date_naive() <= day && day <= (self.end - Duration::milliseconds(1)).date_naive()
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_wire())
    }
}

fn wire(t: DateTime<Utc>) -> String {
    model::time::to_wire(&t)
}

/// Why typed interval text was refused. The text says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntervalError {
    #[error(
        "The interval is required. Type start/end, e.g. 2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z."
    )]
    Empty,
    #[error(
        "An interval is two parts separated by one “/”: start/end (or start/PT24H). “{0}” has {1}."
    )]
    WrongPartCount(String, usize),
    #[error(
        "“{0}” is not a date-time. Use ISO-8601 with a zone, e.g. 2026-05-12T00:00:00.000Z or 2026-05-12T00:00:00+02:00."
    )]
    BadInstant(String),
    #[error(
        "“{0}” is not an ISO-8601 duration this lab understands. Use weeks, days, hours, minutes, seconds: P1D, PT24H, PT30M, P1W."
    )]
    BadDuration(String),
    #[error("“{0}” uses months or years, which have no fixed length. Use days instead (P31D).")]
    CalendarDuration(String),
    #[error(
        "Both parts of “{0}” are durations. One side must be a date-time: 2026-05-12T00:00:00Z/PT24H."
    )]
    TwoDurations(String),
    #[error("The end ({end}) must be after the start ({start}).")]
    EndNotAfterStart { start: String, end: String },
    #[error("A UTC offset of {0} minutes is not possible; offsets lie between -14:00 and +14:00.")]
    BadOffset(i32),
}

/// The interval the lab proposes for a conversation: its UTC start day.
#[must_use]
pub fn for_conversation_start(conversation_start: DateTime<Utc>) -> Interval {
    Interval::utc_day(conversation_start.date_naive())
}

/// Parse what a user typed: `start/end`, `start/duration` or `duration/end`.
///
/// Date-times may carry `Z` or an offset (converted to UTC); a date-time without a zone and a bare
/// date are read as UTC, which is what the lab then sends explicitly.
///
/// # Errors
/// [`IntervalError`] saying what to type instead.
pub fn parse(text: &str) -> Result<Interval, IntervalError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(IntervalError::Empty);
    }
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let [left, right] = parts.as_slice() else {
        return Err(IntervalError::WrongPartCount(text.to_owned(), parts.len()));
    };
    let is_duration = |s: &str| s.starts_with(['P', 'p']);
    match (is_duration(left), is_duration(right)) {
        (true, true) => Err(IntervalError::TwoDurations(text.to_owned())),
        (false, true) => {
            let start = parse_instant(left)?;
            Interval::new(start, start + parse_duration(right)?)
        }
        (true, false) => {
            let end = parse_instant(right)?;
            Interval::new(end - parse_duration(left)?, end)
        }
        (false, false) => Interval::new(parse_instant(left)?, parse_instant(right)?),
    }
}

/// One ISO-8601 date-time (or date) as UTC.
///
/// # Errors
/// [`IntervalError::BadInstant`].
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, IntervalError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(Utc.from_utc_datetime(&t));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
    }
    Err(IntervalError::BadInstant(s.to_owned()))
}

/// An ISO-8601 duration with fixed-length units only (W, D, H, M, S; fractional seconds allowed).
///
/// # Errors
/// [`IntervalError::BadDuration`] / [`IntervalError::CalendarDuration`].
pub fn parse_duration(s: &str) -> Result<Duration, IntervalError> {
    let bad = || IntervalError::BadDuration(s.to_owned());
    let body = s.strip_prefix(['P', 'p']).ok_or_else(bad)?;
    if body.is_empty() {
        return Err(bad());
    }
    let mut total = Duration::zero();
    let mut in_time = false;
    let mut number = String::new();
    let mut saw_unit = false;
    for c in body.chars() {
        match c.to_ascii_uppercase() {
            'T' if !in_time && number.is_empty() => in_time = true,
            d if d.is_ascii_digit() || d == '.' || d == ',' => {
                number.push(if d == ',' { '.' } else { d })
            }
            unit => {
                let value: f64 = number.parse().map_err(|_| bad())?;
                number.clear();
                let ms_per_unit: f64 = match (unit, in_time) {
                    ('W', false) => 7.0 * 86_400_000.0,
                    ('D', false) => 86_400_000.0,
                    ('H', true) => 3_600_000.0,
                    ('M', true) => 60_000.0,
                    ('S', true) => 1_000.0,
                    ('Y' | 'M', false) => {
                        return Err(IntervalError::CalendarDuration(s.to_owned()));
                    }
                    _ => return Err(bad()),
                };
                let ms = value * ms_per_unit;
                // Ten years is far beyond any cap; refusing bigger values keeps the cast exact.
                if !ms.is_finite() || ms > 3.2e11 {
                    return Err(bad());
                }
                #[allow(clippy::cast_possible_truncation)]
                let ms = ms.round() as i64;
                total += Duration::milliseconds(ms);
                saw_unit = true;
            }
        }
    }
    if !number.is_empty() || !saw_unit || total <= Duration::zero() {
        return Err(bad());
    }
    Ok(total)
}

/// Why an interval does or does not find a conversation that started at `conversation_start`.
#[must_use]
pub fn explain_start_day(interval: &Interval, conversation_start: DateTime<Utc>) -> Explanation {
    let day = conversation_start.date_naive();
    let days = list_days(&interval.touched_days());
    if interval.touches_start_day_of(conversation_start) {
        Explanation::new(
            format!("{interval} touches {day} (UTC), the day this conversation started"),
            format!(
                "The details query matches on the day a conversation started: results include \
                 conversations that started on a day touched by the interval (days counted in UTC here; \
                 Genesys does not say which calendar — UNVERIFIED). This interval touches {days}, \
                 so a conversation that started at {} is eligible, even if the interval does not cover \
                 the start instant itself.",
                wire(conversation_start)
            ),
            QUERY_INTERVAL_DOC,
        )
    } else {
        Explanation::new(
            format!("{interval} does not touch {day} (UTC), the day this conversation started"),
            format!(
                "The details query only returns conversations that started on a day touched by the \
                 interval. This interval touches {days}; the conversation started at {} (UTC day {day}), \
                 so the query cannot return it — whatever the filters say. Use {}.",
                wire(conversation_start),
                for_conversation_start(conversation_start)
            ),
            QUERY_INTERVAL_DOC,
        )
    }
}

fn list_days(days: &[NaiveDate]) -> String {
    match days {
        [] => "no day".to_owned(),
        [one] => format!("the UTC day {one}"),
        [first, .., last] => format!("{} UTC days, {first} to {last}", days.len()),
    }
}

/// One interval cap the interval breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CapIssue {
    /// Longer than the cap for this kind of query.
    TooLong {
        length_hours: i64,
        cap_days: i64,
        filtered: bool,
    },
    /// Starts more than 35 days back (today included).
    StartsTooFarBack { days_back: i64 },
}

/// A broken cap with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CapFinding {
    pub issue: CapIssue,
    pub explanation: Explanation,
}

/// Check the documented caps. `filtered` = the query has at least one filter predicate.
#[must_use]
pub fn check_caps(interval: &Interval, filtered: bool, now: DateTime<Utc>) -> Vec<CapFinding> {
    let mut out = Vec::new();
    let cap_days = if filtered {
        MAX_DAYS_FILTERED
    } else {
        MAX_DAYS_UNFILTERED
    };
    if interval.length() > Duration::days(cap_days) {
        let length_hours = interval.length().num_hours();
        let kind = if filtered {
            "with a filter"
        } else {
            "without a filter"
        };
        out.push(CapFinding {
            issue: CapIssue::TooLong { length_hours, cap_days, filtered },
            explanation: Explanation::new(
                format!("The interval is {} days long; the cap {kind} is {cap_days} days", length_hours / 24),
                format!(
                    "Genesys' interval help caps the details query at {MAX_DAYS_UNFILTERED} days without a \
                     filter and {MAX_DAYS_FILTERED} days with one. Shorten it — for one conversation its UTC \
                     start day is enough — or use an async job for long ranges."
                ),
                DETAIL_QUERY_INTERVAL_HELP,
            ),
        });
    }
    let days_back = (now.date_naive() - interval.start.date_naive()).num_days();
    if days_back >= MAX_DAYS_BACK {
        out.push(CapFinding {
            issue: CapIssue::StartsTooFarBack { days_back },
            explanation: Explanation::new(
                format!("The interval starts {days_back} days ago; the synchronous query reaches {MAX_DAYS_BACK} days back"),
                format!(
                    "A 2020 Genesys tutorial states that interval starts may lie at most {MAX_DAYS_BACK} days in \
                     the past (today included) and that a query returns at most {MAX_RECORDS_TEXT} records; it \
                     recommends async jobs for historical queries. This is a 2020 statement — re-check the \
                     Developer Center. For one conversation, the by-id GET needs no interval at all."
                ),
                TUTORIAL_2020_LIMITS,
            ),
        });
    }
    out
}

/// The caps, as the lab states them up front (with their sources).
#[must_use]
pub fn explain_caps() -> Vec<Explanation> {
    vec![
        Explanation::new(
            format!(
                "At most {MAX_DAYS_UNFILTERED} days without a filter, {MAX_DAYS_FILTERED} days with one"
            ),
            "Interval length caps of the synchronous details query, from Genesys' interval help.",
            DETAIL_QUERY_INTERVAL_HELP,
        ),
        Explanation::new(
            format!(
                "Starts up to {MAX_DAYS_BACK} days back; at most {MAX_RECORDS_TEXT} records per query"
            ),
            "Stated in a 2020 Genesys tutorial (\"Starting December 9, 2020 … interval start dates up to 35 \
             days in the past (including today) … maximum of 10,000 records per query\"). Not re-verified \
             since; async jobs are recommended for historical queries.",
            TUTORIAL_2020_LIMITS,
        ),
    ]
}

/// A fixed UTC offset from minutes east of UTC (JavaScript's `getTimezoneOffset()` is minutes
/// *west*, so pass its negation).
///
/// # Errors
/// [`IntervalError::BadOffset`] outside ±14:00.
pub fn offset_from_minutes_east(minutes: i32) -> Result<FixedOffset, IntervalError> {
    if minutes.abs() > 14 * 60 {
        return Err(IntervalError::BadOffset(minutes));
    }
    FixedOffset::east_opt(minutes * 60).ok_or(IntervalError::BadOffset(minutes))
}

/// What happens when someone builds the interval from their *local* calendar day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalDayCheck {
    /// The conversation's start as the user's clock shows it.
    pub local_start: String,
    pub local_date: NaiveDate,
    pub utc_date: NaiveDate,
    /// The local date written with `Z` — the common mistake.
    pub local_date_as_utc: Interval,
    pub local_date_as_utc_finds_it: bool,
    /// Local midnight to local midnight, converted to UTC: always finds it, but touches two UTC
    /// days (unless the offset is zero) and so also returns conversations outside the local day.
    pub local_day_converted: Interval,
    pub explanation: Explanation,
}

/// Compare the UTC start day with the user's local day for a UTC offset.
#[must_use]
pub fn local_vs_utc(conversation_start: DateTime<Utc>, offset: FixedOffset) -> LocalDayCheck {
    let local = conversation_start.with_timezone(&offset);
    let local_date = local.date_naive();
    let utc_date = conversation_start.date_naive();
    let local_date_as_utc = Interval::utc_day(local_date);
    let finds = local_date_as_utc.touches_start_day_of(conversation_start);
    let local_midnight = local_date.and_time(NaiveTime::MIN)
        - Duration::seconds(i64::from(offset.local_minus_utc()));
    let start = Utc.from_utc_datetime(&local_midnight);
    let local_day_converted = Interval {
        start,
        end: start + Duration::days(1),
    };
    let local_start = local.to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    let converted_days = list_days(&local_day_converted.touched_days());
    // With a zero offset the converted local day is exactly one UTC day: nothing extra comes back.
    let extra = if local_day_converted.touched_days().len() > 1 {
        " — so it also returns conversations from outside your local day"
    } else {
        ", the same single day"
    };
    let explanation = if finds {
        Explanation::new(
            format!("Local day {local_date} and UTC day {utc_date} agree for this conversation"),
            format!(
                "The conversation started at {local_start} on your clock, {} UTC. The lab counts the \
                 details query's days in UTC (Genesys does not document the calendar — UNVERIFIED), and \
                 here both calendars give {utc_date}. Near midnight they differ: \
                 check the UTC day, not the local one. Your whole local day in UTC is {local_day_converted}, \
                 which touches {converted_days}{extra}.",
                wire(conversation_start)
            ),
            crate::sources::UTC_DAYS,
        )
    } else {
        Explanation::new(
            format!(
                "Your local day {local_date} is UTC day {utc_date} for this conversation — a local-day interval misses it"
            ),
            format!(
                "The conversation started at {local_start} on your clock, which is {} UTC. The query \
                 matches on the start day, counted in UTC ({utc_date}; UNVERIFIED). Writing your local date as \
                 {local_date_as_utc} touches only {local_date}, so the conversation is not returned. \
                 Use its UTC day {}; your local day converted to UTC is {local_day_converted}, which \
                 touches {converted_days}.",
                wire(conversation_start),
                Interval::utc_day(utc_date)
            ),
            crate::sources::UTC_DAYS,
        )
    };
    LocalDayCheck {
        local_start,
        local_date,
        utc_date,
        local_date_as_utc,
        local_date_as_utc_finds_it: finds,
        local_day_converted,
        explanation,
    }
}

#[cfg(test)]
mod records_text_tests {
    use super::*;

    #[test]
    fn max_records_text_matches_the_number() {
        assert_eq!(MAX_RECORDS_TEXT.replace(',', ""), MAX_RECORDS.to_string());
        assert!(
            explain_caps()
                .iter()
                .any(|e| e.headline.contains("10,000 records"))
        );
    }
}
