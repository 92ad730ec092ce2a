#![allow(clippy::unwrap_used)]
//! The change log over a live conversation whose analytics catch up after the end.

use chrono::{DateTime, Utc};
use lens::freshness::log::{ChangeLog, LogEvent, PollResult, analytics_ended, realtime_ended};
use lens::freshness::poller::Api;
use model::ErrorBody;
use serde_json::{Value, json};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn rt(state: &str, end: Option<&str>) -> Value {
    let mut v = json!({ "id": "c", "startTime": "2026-05-12T14:02:11.204Z",
        "participants": [ { "id": "p1", "purpose": "agent", "calls": [ { "id": "k1", "state": state } ] } ] });
    if let Some(e) = end {
        v["endTime"] = json!(e);
    }
    v
}

fn an(end: Option<&str>, wrapup: bool) -> Value {
    let mut segments =
        vec![json!({ "segmentType": "interact", "segmentStart": "2026-05-12T14:03:05.880Z" })];
    if wrapup {
        segments.push(json!({ "segmentType": "wrapup", "segmentStart": "2026-05-12T14:07:15.300Z", "wrapUpCode": "w1" }));
    }
    let mut v = json!({ "conversationId": "c", "conversationStart": "2026-05-12T14:02:11.204Z",
        "participants": [ { "participantId": "p1", "purpose": "agent", "sessions": [ { "sessionId": "s1", "segments": segments } ] } ] });
    if let Some(e) = end {
        v["conversationEnd"] = json!(e);
    }
    v
}

#[test]
fn real_time_changes_first_and_analytics_catch_up_with_the_wrap_up_last() {
    let mut log = ChangeLog::new();
    let not_found = PollResult::Status {
        status: 404,
        error: Some(Box::new(ErrorBody {
            code: Some("not.found".into()),
            ..ErrorBody::default()
        })),
        retry_after_ms: None,
    };
    // Poll 1: live; analytics does not have it yet.
    let r = log.record(
        1,
        t("2026-05-12T14:02:12Z"),
        Api::Realtime,
        PollResult::Body(rt("connected", None)),
    );
    assert!(!r.ended && r.changed);
    let r = log.record(1, t("2026-05-12T14:02:12Z"), Api::Analytics, not_found);
    assert!(!r.ended && !r.changed);
    assert!(
        matches!(&log.entries[1].event, LogEvent::Failed { status: 404, code: Some(c), .. } if c == "not.found")
    );
    assert_eq!(log.entries[1].notes.len(), 1);
    // Poll 2: analytics appears; nothing changed in real time.
    log.record(
        2,
        t("2026-05-12T14:02:17Z"),
        Api::Realtime,
        PollResult::Body(rt("connected", None)),
    );
    assert_eq!(log.entries[2].event, LogEvent::Unchanged);
    log.record(
        2,
        t("2026-05-12T14:02:17Z"),
        Api::Analytics,
        PollResult::Body(an(None, false)),
    );
    assert_eq!(log.entries[3].event, LogEvent::FirstSeen);
    // Poll 3: real time ends at once.
    let r = log.record(
        3,
        t("2026-05-12T14:07:16Z"),
        Api::Realtime,
        PollResult::Body(rt("disconnected", Some("2026-05-12T14:07:15.300Z"))),
    );
    assert!(r.ended && r.changed);
    let LogEvent::Changed { changes } = &log.entries[4].event else {
        panic!("{:?}", log.entries[4])
    };
    let lines: Vec<String> = changes.iter().map(lens::diff::Change::describe).collect();
    assert!(
        lines.contains(
            &"participants[id=p1].calls[id=k1].state: \"connected\" → \"disconnected\"".to_owned()
        ),
        "{lines:?}"
    );
    assert!(log.entries[4].notes[0].headline.contains("ended"));
    assert_eq!(log.realtime_ended_at(), Some(t("2026-05-12T14:07:16Z")));
    let r = log.record(
        3,
        t("2026-05-12T14:07:16Z"),
        Api::Analytics,
        PollResult::Body(an(None, false)),
    );
    assert!(!r.ended && !r.changed);
    assert!(
        log.awaiting_wrapup(),
        "an agent is present and no wrap-up yet"
    );
    // Poll 4: analytics reports the end; poll 5: the wrap-up arrives.
    let r = log.record(
        4,
        t("2026-05-12T14:07:21Z"),
        Api::Analytics,
        PollResult::Body(an(Some("2026-05-12T14:07:15.300Z"), false)),
    );
    assert!(r.ended && r.changed);
    assert!(
        log.entries.last().unwrap().notes[0]
            .detail
            .contains("5 s after")
    );
    let r = log.record(
        5,
        t("2026-05-12T14:07:46Z"),
        Api::Analytics,
        PollResult::Body(an(Some("2026-05-12T14:07:15.300Z"), true)),
    );
    assert!(r.ended && r.changed);
    let last = log.entries.last().unwrap();
    let LogEvent::Changed { changes } = &last.event else {
        panic!("{last:?}")
    };
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].path,
        "participants[participantId=p1].sessions[sessionId=s1].segments[wrapup@2026-05-12T14:07:15.300Z]"
    );
    assert_eq!(last.notes[0].headline, "The wrap-up arrived in analytics");
    assert!(!r.awaiting_more && !log.awaiting_wrapup());
    assert!(last.notes[0].detail.contains("30 s after"));
    assert_eq!(log.analytics_ended_at(), Some(t("2026-05-12T14:07:21Z")));
    // Poll 6: stable.
    let r = log.record(
        6,
        t("2026-05-12T14:07:51Z"),
        Api::Analytics,
        PollResult::Body(an(Some("2026-05-12T14:07:15.300Z"), true)),
    );
    assert!(r.ended && !r.changed);
}

#[test]
fn end_detection_uses_end_time_and_conversation_end() {
    assert!(!realtime_ended(&rt("connected", None)));
    assert!(realtime_ended(&rt(
        "disconnected",
        Some("2026-05-12T14:07:15.300Z")
    )));
    assert!(!realtime_ended(&json!({ "endTime": null })));
    assert!(!analytics_ended(&an(None, false)));
    assert!(analytics_ended(&an(
        Some("2026-05-12T14:07:15.300Z"),
        false
    )));
}

#[test]
fn retry_after_reaches_the_poller() {
    let mut log = ChangeLog::new();
    let r = log.record(
        1,
        t("2026-05-12T14:02:12Z"),
        Api::Realtime,
        PollResult::Status {
            status: 429,
            error: None,
            retry_after_ms: Some(7_000),
        },
    );
    assert_eq!(r.retry_after_ms, Some(7_000));
}

#[test]
fn changes_only_folds_unchanged_answers_into_a_count() {
    let mut log = ChangeLog::new();
    let at = t("2026-05-12T14:02:12Z");
    for poll in 1..=5 {
        log.record(
            poll,
            at,
            Api::Realtime,
            PollResult::Body(rt("connected", None)),
        );
    }
    log.record(
        6,
        at,
        Api::Realtime,
        PollResult::Body(rt("disconnected", None)),
    );
    log.record(
        7,
        at,
        Api::Realtime,
        PollResult::Body(rt("disconnected", None)),
    );
    // First answer, 4 unchanged, a change, 1 unchanged.
    assert_eq!(log.entries.len(), 7);
    assert_eq!(log.quiet_count(), 5);
    let shown: Vec<u32> = log.newest_first(true).iter().map(|e| e.poll).collect();
    assert_eq!(shown, vec![6, 1], "changes only, newest first");
    assert_eq!(log.newest_first(false).len(), 7);
    assert_eq!(log.newest_first(false)[0].poll, 7);
    // An unchanged answer that carries a note is not quiet: the note is the point.
    let mut noted = log.entries[1].clone();
    noted.notes.push(lens::query_lab::Explanation::new(
        "n",
        "d",
        lens::query_lab::sources::DETAILS_LATENCY,
    ));
    assert!(!noted.is_quiet());
    assert!(log.entries[1].is_quiet());
}
