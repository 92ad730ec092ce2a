#![allow(clippy::unwrap_used)]
//! Each branch of the "Why is it empty?" checker, against a scenario that triggers it.

use chrono::{DateTime, Duration, Utc};
use lens::conversation_id;
use lens::query_lab::builder::{PredicateRow, QueryForm};
use lens::query_lab::levels::Level;
use lens::query_lab::why_empty::{
    ByIdLookup, CauseKind, Confidence, EmptyCheck, Hints, QueryOutcome, diagnose,
};
use model::ErrorBody;
use model::analytics::ConversationQuery;

const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn query_for(start: &str) -> ConversationQuery {
    let f = QueryForm::for_conversation(
        &conversation_id::parse(ID).unwrap(),
        Some(t(start)),
        t(start),
    );
    f.to_query().unwrap()
}

fn found(start: &str) -> ByIdLookup {
    ByIdLookup::Found {
        conversation_start: Some(t(start)),
        conversation_end: None,
    }
}

const EMPTY: QueryOutcome = QueryOutcome::Returned {
    total_hits: Some(0),
    contains_conversation: false,
};

fn run(
    lookup: &ByIdLookup,
    query: &ConversationQuery,
    outcome: &QueryOutcome,
    now: &str,
    hints: &Hints,
) -> Vec<CauseKind> {
    let d = diagnose(&EmptyCheck {
        lookup,
        query,
        outcome,
        now: t(now),
        hints,
    });
    for c in &d.causes {
        assert!(
            !c.evidence.is_empty() && !c.fix.is_empty() && !c.source.label.is_empty(),
            "{c:?}"
        );
    }
    d.causes.iter().map(|c| c.kind).collect()
}

#[test]
fn found_by_the_query_means_nothing_to_explain() {
    let q = query_for("2026-05-12T14:02:11.204Z");
    let ok = QueryOutcome::Returned {
        total_hits: Some(1),
        contains_conversation: true,
    };
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T14:02:11.204Z"),
        query: &q,
        outcome: &ok,
        now: t("2026-05-13T10:00:00Z"),
        hints: &Hints::default(),
    });
    assert!(d.query_found_it);
    assert!(d.causes.is_empty());
}

#[test]
fn interval_misses_the_start_day() {
    // The conversation started late on the 12th (UTC); the query covers the 13th.
    let mut q = query_for("2026-05-12T23:58:00Z");
    q.interval = Some("2026-05-13T00:00:00.000Z/2026-05-14T00:00:00.000Z".into());
    let kinds = run(
        &found("2026-05-12T23:58:00Z"),
        &q,
        &EMPTY,
        "2026-05-14T10:00:00Z",
        &Hints::default(),
    );
    assert_eq!(kinds, vec![CauseKind::IntervalMissesStartDay]);
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T23:58:00Z"),
        query: &q,
        outcome: &EMPTY,
        now: t("2026-05-14T10:00:00Z"),
        hints: &Hints::default(),
    });
    assert_eq!(d.causes[0].confidence, Confidence::Certain);
    assert!(
        d.causes[0]
            .fix
            .contains("2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z")
    );
}

#[test]
fn interval_too_long() {
    let mut q = query_for("2026-05-12T14:00:00Z");
    q.interval = Some("2026-04-01T00:00:00.000Z/2026-05-13T00:00:00.000Z".into());
    let outcome = QueryOutcome::Failed {
        status: 400,
        error: None,
    };
    let kinds = run(
        &found("2026-05-12T14:00:00Z"),
        &q,
        &outcome,
        "2026-05-13T10:00:00Z",
        &Hints::default(),
    );
    assert!(kinds.contains(&CauseKind::IntervalTooLong), "{kinds:?}");
    assert!(kinds.contains(&CauseKind::RejectedBody), "{kinds:?}");
    assert!(!kinds.contains(&CauseKind::IntervalMissesStartDay));
}

#[test]
fn interval_starts_too_far_back() {
    let q = query_for("2026-03-01T14:00:00Z");
    let kinds = run(
        &found("2026-03-01T14:00:00Z"),
        &q,
        &EMPTY,
        "2026-05-13T10:00:00Z",
        &Hints::default(),
    );
    assert_eq!(kinds, vec![CauseKind::IntervalStartsTooFarBack]);
}

#[test]
fn wrong_filter_level() {
    let mut f = QueryForm::for_conversation(
        &conversation_id::parse(ID).unwrap(),
        Some(t("2026-05-12T14:00:00Z")),
        t("2026-05-12T14:00:00Z"),
    );
    f.add_predicate(PredicateRow::dimension(
        Level::Conversation,
        "queueId",
        "8d0763ba-f083-4708-9cb3-f941ab1b0ca0",
    ));
    let q = f.to_query().unwrap();
    let kinds = run(
        &found("2026-05-12T14:00:00Z"),
        &q,
        &EMPTY,
        "2026-05-13T10:00:00Z",
        &Hints::default(),
    );
    assert_eq!(kinds, vec![CauseKind::WrongFilterLevel]);
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T14:00:00Z"),
        query: &q,
        outcome: &EMPTY,
        now: t("2026-05-13T10:00:00Z"),
        hints: &Hints::default(),
    });
    assert!(d.causes[0].fix.contains("Move queueId to segmentFilters"));
    assert!(
        d.causes[0]
            .evidence
            .contains("conversationFilters[0].predicates[1].dimension")
    );
}

#[test]
fn too_new_when_analytics_404s_but_real_time_has_it() {
    let q = query_for("2026-05-12T14:00:00Z");
    let hints = Hints {
        analytics_lag: Some(Duration::seconds(5)),
        realtime_start: Some(t("2026-05-12T14:00:00Z")),
        ..Hints::default()
    };
    let kinds = run(
        &ByIdLookup::NotFound,
        &q,
        &EMPTY,
        "2026-05-12T14:00:02Z",
        &hints,
    );
    assert_eq!(kinds, vec![CauseKind::TooNew]);
    // Ten seconds later the lag has passed: too-new no longer applies.
    let kinds = run(
        &ByIdLookup::NotFound,
        &q,
        &EMPTY,
        "2026-05-12T14:00:10Z",
        &hints,
    );
    assert!(!kinds.contains(&CauseKind::TooNew), "{kinds:?}");
}

#[test]
fn too_new_without_a_lag_hint_uses_the_stated_assumption() {
    let q = query_for("2026-05-12T14:00:00Z");
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T14:00:00Z"),
        query: &q,
        outcome: &EMPTY,
        now: t("2026-05-12T14:00:20Z"),
        hints: &Hints::default(),
    });
    assert_eq!(d.causes.len(), 1);
    assert_eq!(d.causes[0].kind, CauseKind::TooNew);
    assert_eq!(d.causes[0].confidence, Confidence::Possible);
    assert!(d.causes[0].evidence.contains("we assume"));
}

#[test]
fn past_retention() {
    // Real time still shows the start (hint); analytics retention is 90 days.
    let q = query_for("2026-01-02T10:00:00Z");
    let hints = Hints {
        retention_days: Some(90),
        realtime_start: Some(t("2026-01-02T10:00:00Z")),
        ..Hints::default()
    };
    let kinds = run(
        &ByIdLookup::NotFound,
        &q,
        &EMPTY,
        "2026-05-13T10:00:00Z",
        &hints,
    );
    assert!(kinds.contains(&CauseKind::PastRetention), "{kinds:?}");
    assert!(!kinds.contains(&CauseKind::UnknownId));
    // Without the start, an interval before the cutoff plus a 404 is enough.
    let hints = Hints {
        retention_days: Some(90),
        ..Hints::default()
    };
    let kinds = run(
        &ByIdLookup::NotFound,
        &q,
        &EMPTY,
        "2026-05-13T10:00:00Z",
        &hints,
    );
    assert!(kinds.contains(&CauseKind::PastRetention), "{kinds:?}");
}

#[test]
fn missing_permission() {
    let q = query_for("2026-05-12T14:00:00Z");
    let body = ErrorBody {
        status: Some(403),
        code: Some("missing.any.permissions".into()),
        message: Some("You must have at least one of the following permissions assigned: analytics:conversationDetail:view".into()),
        ..ErrorBody::default()
    };
    let outcome = QueryOutcome::Failed {
        status: 403,
        error: Some(Box::new(body.clone())),
    };
    let lookup = ByIdLookup::Failed {
        status: 403,
        error: Some(Box::new(body)),
    };
    let d = diagnose(&EmptyCheck {
        lookup: &lookup,
        query: &q,
        outcome: &outcome,
        now: t("2026-05-13T10:00:00Z"),
        hints: &Hints::default(),
    });
    assert_eq!(d.causes[0].kind, CauseKind::MissingPermission);
    assert!(d.causes[0].evidence.contains("missing.any.permissions"));
    assert!(d.causes[0].evidence.contains("POST"));
    assert!(d.causes[0].evidence.contains("GET"));
    assert!(
        d.causes[0]
            .fix
            .contains("analytics:conversationDetail:view")
    );
}

#[test]
fn unknown_id_when_nobody_has_it() {
    let q = query_for("2026-05-12T14:00:00Z");
    let kinds = run(
        &ByIdLookup::NotFound,
        &q,
        &EMPTY,
        "2026-05-13T10:00:00Z",
        &Hints::default(),
    );
    assert_eq!(kinds, vec![CauseKind::UnknownId]);
}

#[test]
fn no_known_cause_is_said_plainly() {
    let q = query_for("2026-05-12T14:00:00Z");
    let kinds = run(
        &found("2026-05-12T14:00:00Z"),
        &q,
        &EMPTY,
        "2026-05-13T10:00:00Z",
        &Hints::default(),
    );
    assert_eq!(kinds, vec![CauseKind::NoKnownCause]);
}

#[test]
fn causes_are_sorted_most_certain_first() {
    let mut q = query_for("2026-05-12T23:58:00Z");
    q.interval = Some("2026-05-13T00:00:00.000Z/2026-05-14T00:00:00.000Z".into());
    let mut f = QueryForm::for_conversation(
        &conversation_id::parse(ID).unwrap(),
        None,
        t("2026-05-13T00:00:00Z"),
    );
    f.add_predicate(PredicateRow::dimension(
        Level::Conversation,
        "mediaType",
        "voice",
    ));
    q.conversation_filters = f.to_query().unwrap().conversation_filters;
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T23:58:00Z"),
        query: &q,
        outcome: &EMPTY,
        now: t("2026-05-14T10:00:00Z"),
        hints: &Hints::default(),
    });
    let kinds: Vec<_> = d.causes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        vec![
            CauseKind::IntervalMissesStartDay,
            CauseKind::WrongFilterLevel
        ]
    );
}

#[test]
fn a_refused_query_is_not_blamed_on_lag() {
    let q = query_for("2026-05-12T14:00:00Z");
    let outcome = QueryOutcome::Failed {
        status: 400,
        error: None,
    };
    let kinds = run(
        &found("2026-05-12T14:00:00Z"),
        &q,
        &outcome,
        "2026-05-12T14:00:10Z",
        &Hints::default(),
    );
    assert_eq!(kinds, vec![CauseKind::RejectedBody]);
}

fn query_requiring_end(start: &str) -> ConversationQuery {
    let mut f = QueryForm::for_conversation(
        &conversation_id::parse(ID).unwrap(),
        Some(t(start)),
        t(start),
    );
    f.set_require_conversation_end(true);
    f.to_query().unwrap()
}

#[test]
fn require_end_on_a_live_call_is_the_cause_not_no_known_cause() {
    let q = query_requiring_end("2026-05-12T14:00:00Z");
    assert!(lens::query_lab::why_empty::requires_conversation_end(&q));
    // Live for ten minutes: past any lag, analytics has it without conversationEnd, real time
    // without endTime.
    let hints = Hints {
        realtime_start: Some(t("2026-05-12T14:00:00Z")),
        realtime_ended: Some(false),
        ..Hints::default()
    };
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T14:00:00Z"),
        query: &q,
        outcome: &EMPTY,
        now: t("2026-05-12T14:10:00Z"),
        hints: &hints,
    });
    assert!(!d.has(CauseKind::NoKnownCause), "{d:#?}");
    let c = &d.causes[0];
    assert_eq!(c.kind, CauseKind::InProgressExcludedByEndFilter);
    assert_eq!(c.confidence, Confidence::Certain);
    assert!(c.headline.contains("Still in progress"), "{c:?}");
    assert!(c.evidence.contains("no endTime"), "{c:?}");
    assert!(c.evidence.contains("no conversationEnd"), "{c:?}");
    assert!(c.fix.contains("untick"), "{c:?}");
}

#[test]
fn require_end_when_real_time_ended_but_analytics_has_no_end_yet() {
    let q = query_requiring_end("2026-05-12T14:00:00Z");
    let hints = Hints {
        realtime_ended: Some(true),
        ..Hints::default()
    };
    let d = diagnose(&EmptyCheck {
        lookup: &found("2026-05-12T14:00:00Z"),
        query: &q,
        outcome: &EMPTY,
        now: t("2026-05-12T14:10:00Z"),
        hints: &hints,
    });
    let c = d
        .causes
        .iter()
        .find(|c| c.kind == CauseKind::InProgressExcludedByEndFilter)
        .unwrap();
    assert!(
        c.headline.contains("not recorded conversationEnd yet"),
        "{c:?}"
    );
}

#[test]
fn require_end_on_an_ended_conversation_or_without_the_box_is_not_blamed() {
    let ended = ByIdLookup::Found {
        conversation_start: Some(t("2026-05-12T14:00:00Z")),
        conversation_end: Some(t("2026-05-12T14:05:00Z")),
    };
    let hints = Hints {
        realtime_ended: Some(true),
        ..Hints::default()
    };
    let kinds = run(
        &ended,
        &query_requiring_end("2026-05-12T14:00:00Z"),
        &EMPTY,
        "2026-05-12T15:00:00Z",
        &hints,
    );
    assert!(!kinds.contains(&CauseKind::InProgressExcludedByEndFilter));
    // A live call, but the box is not ticked: this cause does not apply.
    let live = Hints {
        realtime_ended: Some(false),
        ..Hints::default()
    };
    let kinds = run(
        &found("2026-05-12T14:00:00Z"),
        &query_for("2026-05-12T14:00:00Z"),
        &EMPTY,
        "2026-05-12T15:00:00Z",
        &live,
    );
    assert!(!kinds.contains(&CauseKind::InProgressExcludedByEndFilter));
    // Analytics does not have it yet but real time says live: likely, not certain.
    let d = diagnose(&EmptyCheck {
        lookup: &ByIdLookup::NotFound,
        query: &query_requiring_end("2026-05-12T14:00:00Z"),
        outcome: &EMPTY,
        now: t("2026-05-12T15:00:00Z"),
        hints: &Hints {
            realtime_start: Some(t("2026-05-12T14:00:00Z")),
            realtime_ended: Some(false),
            ..Hints::default()
        },
    });
    let c = d
        .causes
        .iter()
        .find(|c| c.kind == CauseKind::InProgressExcludedByEndFilter)
        .unwrap();
    assert_eq!(c.confidence, Confidence::Likely);
}
