#![allow(clippy::unwrap_used)]
//! Interval derivation, parsing, caps and local-vs-UTC days.

use chrono::{DateTime, NaiveDate, Utc};
use lens::query_lab::interval::{self, CapIssue, IntervalError};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn conversation_interval_is_the_utc_start_day() {
    let i = interval::for_conversation_start(t("2026-05-12T14:02:11.204Z"));
    assert_eq!(
        i.to_wire(),
        "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z"
    );
}

#[test]
fn day_edges_stay_on_their_day() {
    let first = interval::for_conversation_start(t("2026-05-12T00:00:00.000Z"));
    let last = interval::for_conversation_start(t("2026-05-12T23:59:59.999Z"));
    assert_eq!(first, last);
    assert_eq!(
        first.to_wire(),
        "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z"
    );
    let next = interval::for_conversation_start(t("2026-05-13T00:00:00.000Z"));
    assert_eq!(
        next.to_wire(),
        "2026-05-13T00:00:00.000Z/2026-05-14T00:00:00.000Z"
    );
}

#[test]
fn offsets_in_the_start_are_converted_to_the_utc_day() {
    // 21:30 in New York on the 12th is 01:30 UTC on the 13th.
    let i = interval::for_conversation_start(t("2026-05-12T21:30:00-04:00"));
    assert_eq!(
        i.to_wire(),
        "2026-05-13T00:00:00.000Z/2026-05-14T00:00:00.000Z"
    );
}

#[test]
fn month_and_year_ends_roll_over() {
    let i = interval::for_conversation_start(t("2026-12-31T23:00:00Z"));
    assert_eq!(
        i.to_wire(),
        "2026-12-31T00:00:00.000Z/2027-01-01T00:00:00.000Z"
    );
    let leap = interval::for_conversation_start(t("2028-02-29T12:00:00Z"));
    assert_eq!(
        leap.to_wire(),
        "2028-02-29T00:00:00.000Z/2028-03-01T00:00:00.000Z"
    );
}

#[test]
fn touched_days_are_half_open() {
    let one = interval::parse("2026-05-12T00:00:00Z/2026-05-13T00:00:00Z").unwrap();
    assert_eq!(one.touched_days(), vec![d("2026-05-12")]);
    let two = interval::parse("2026-05-12T23:00:00Z/2026-05-13T00:00:00.001Z").unwrap();
    assert_eq!(two.touched_days(), vec![d("2026-05-12"), d("2026-05-13")]);
}

#[test]
fn an_interval_that_misses_the_start_instant_still_matches_by_day() {
    // Start-day matching: 15:00–16:00 on the 12th touches the 12th, so a 09:00 start matches.
    let i = interval::parse("2026-05-12T15:00:00Z/2026-05-12T16:00:00Z").unwrap();
    assert!(i.touches_start_day_of(t("2026-05-12T09:00:00Z")));
    let e = interval::explain_start_day(&i, t("2026-05-12T09:00:00Z"));
    assert!(e.headline.contains("touches 2026-05-12"), "{}", e.headline);
    assert!(
        e.detail
            .contains("started on a day touched by the interval")
    );
    // An interval overlapping a conversation that started the day before does not match.
    let j = interval::parse("2026-05-13T00:00:00Z/2026-05-13T01:00:00Z").unwrap();
    assert!(!j.touches_start_day_of(t("2026-05-12T23:50:00Z")));
    let e = interval::explain_start_day(&j, t("2026-05-12T23:50:00Z"));
    assert!(
        e.headline.contains("does not touch 2026-05-12"),
        "{}",
        e.headline
    );
    assert!(
        e.detail
            .contains("2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z")
    );
}

#[test]
fn parses_start_end_and_durations() {
    let a = interval::parse(" 2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z ").unwrap();
    let b = interval::parse("2026-05-12T00:00:00Z/PT24H").unwrap();
    let c = interval::parse("P1D/2026-05-13T00:00:00Z").unwrap();
    let e = interval::parse("2026-05-12T02:00:00+02:00/P1D").unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a, e);
    let w = interval::parse("2026-05-12/P1W").unwrap();
    assert_eq!(
        w.to_wire(),
        "2026-05-12T00:00:00.000Z/2026-05-19T00:00:00.000Z"
    );
    let m = interval::parse("2026-05-12T10:00:00Z/PT1H30M15.5S").unwrap();
    assert_eq!(
        m.to_wire(),
        "2026-05-12T10:00:00.000Z/2026-05-12T11:30:15.500Z"
    );
    // No zone: read as UTC and sent explicitly.
    let n = interval::parse("2026-05-12T00:00:00/2026-05-13T00:00:00").unwrap();
    assert_eq!(n, a);
}

#[test]
fn bad_intervals_are_typed_errors_that_say_what_to_type() {
    assert_eq!(interval::parse("  "), Err(IntervalError::Empty));
    assert!(matches!(
        interval::parse("2026-05-12T00:00:00Z"),
        Err(IntervalError::WrongPartCount(_, 1))
    ));
    assert!(matches!(
        interval::parse("a/b/c"),
        Err(IntervalError::WrongPartCount(_, 3))
    ));
    assert!(
        matches!(interval::parse("yesterday/today"), Err(IntervalError::BadInstant(s)) if s == "yesterday")
    );
    assert!(matches!(
        interval::parse("2026-05-12T00:00:00Z/P1M"),
        Err(IntervalError::CalendarDuration(_))
    ));
    assert!(matches!(
        interval::parse("2026-05-12T00:00:00Z/PT"),
        Err(IntervalError::BadDuration(_))
    ));
    assert!(matches!(
        interval::parse("2026-05-12T00:00:00Z/P1H"),
        Err(IntervalError::BadDuration(_))
    ));
    assert!(matches!(
        interval::parse("P1D/PT2H"),
        Err(IntervalError::TwoDurations(_))
    ));
    let err = interval::parse("2026-05-13T00:00:00Z/2026-05-12T00:00:00Z").unwrap_err();
    assert!(matches!(err, IntervalError::EndNotAfterStart { .. }));
    assert!(err.to_string().contains("must be after"));
    assert!(
        interval::parse("x/y")
            .unwrap_err()
            .to_string()
            .contains("2026-05-12T00:00:00.000Z")
    );
}

#[test]
fn caps_seven_days_unfiltered_thirty_one_filtered() {
    let now = t("2026-05-20T12:00:00Z");
    let eight = interval::parse("2026-05-10T00:00:00Z/P8D").unwrap();
    let found = interval::check_caps(&eight, false, now);
    assert!(matches!(
        found[..],
        [interval::CapFinding {
            issue: CapIssue::TooLong {
                cap_days: 7,
                filtered: false,
                ..
            },
            ..
        }]
    ));
    assert!(interval::check_caps(&eight, true, now).is_empty());
    let seven = interval::parse("2026-05-10T00:00:00Z/P7D").unwrap();
    assert!(interval::check_caps(&seven, false, now).is_empty());
    let long = interval::parse("2026-05-01T00:00:00Z/P32D").unwrap();
    let found = interval::check_caps(&long, true, t("2026-06-05T00:00:00Z"));
    assert!(matches!(
        found[0].issue,
        CapIssue::TooLong { cap_days: 31, .. }
    ));
}

#[test]
fn the_35_day_statement_is_flagged_unverified() {
    let now = t("2026-06-30T12:00:00Z");
    let old = interval::parse("2026-05-26T00:00:00Z/P1D").unwrap(); // 35 days back
    let found = interval::check_caps(&old, true, now);
    assert!(matches!(
        found[..],
        [interval::CapFinding {
            issue: CapIssue::StartsTooFarBack { days_back: 35 },
            ..
        }]
    ));
    assert!(
        !found[0].explanation.source.verified,
        "2020 tutorial statements are unverified today"
    );
    assert!(found[0].explanation.detail.contains("2020"));
    let recent = interval::parse("2026-05-27T00:00:00Z/P1D").unwrap(); // 34 days back
    assert!(interval::check_caps(&recent, true, now).is_empty());
    assert!(
        interval::explain_caps()
            .iter()
            .any(|e| e.detail.contains("2020") && !e.source.verified)
    );
}

#[test]
fn local_day_written_as_utc_misses_an_evening_call_west_of_utc() {
    // 21:00 in UTC-5 on the 12th = 02:00 UTC on the 13th.
    let start = t("2026-05-13T02:00:00Z");
    let check = interval::local_vs_utc(start, interval::offset_from_minutes_east(-300).unwrap());
    assert_eq!(check.local_date, d("2026-05-12"));
    assert_eq!(check.utc_date, d("2026-05-13"));
    assert_eq!(
        check.local_date_as_utc.to_wire(),
        "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z"
    );
    assert!(!check.local_date_as_utc_finds_it);
    assert_eq!(
        check.local_day_converted.to_wire(),
        "2026-05-12T05:00:00.000Z/2026-05-13T05:00:00.000Z"
    );
    assert!(check.local_day_converted.touches_start_day_of(start));
    assert_eq!(check.local_day_converted.touched_days().len(), 2);
    assert!(
        check.explanation.headline.contains("misses"),
        "{}",
        check.explanation.headline
    );
    assert!(
        check
            .local_start
            .starts_with("2026-05-12T21:00:00.000-05:00")
    );
}

#[test]
fn local_day_written_as_utc_misses_a_morning_call_east_of_utc() {
    // 07:00 in Tokyo (+09:00) on the 13th = 22:00 UTC on the 12th.
    let start = t("2026-05-12T22:00:00Z");
    let check = interval::local_vs_utc(start, interval::offset_from_minutes_east(540).unwrap());
    assert_eq!(check.local_date, d("2026-05-13"));
    assert!(!check.local_date_as_utc_finds_it);
    assert_eq!(
        check.local_day_converted.to_wire(),
        "2026-05-12T15:00:00.000Z/2026-05-13T15:00:00.000Z"
    );
}

#[test]
fn local_and_utc_agree_at_midday_and_at_offset_zero() {
    let start = t("2026-05-12T12:00:00Z");
    assert!(
        interval::local_vs_utc(start, interval::offset_from_minutes_east(-300).unwrap())
            .local_date_as_utc_finds_it
    );
    let zero = interval::local_vs_utc(
        t("2026-05-12T23:59:00Z"),
        interval::offset_from_minutes_east(0).unwrap(),
    );
    assert!(zero.local_date_as_utc_finds_it);
    assert_eq!(zero.local_day_converted.touched_days().len(), 1);
    assert!(interval::offset_from_minutes_east(15 * 60).is_err());
}
