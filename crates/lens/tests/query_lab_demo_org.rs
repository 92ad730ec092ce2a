#![allow(clippy::unwrap_used)]
//! The "Why is it empty?" checker against the demo org: the by-id lookup, the real-time view and
//! the details query come from the simulated org (its domain and query engine, frozen clock),
//! and each scenario must produce the cause it teaches.

use chrono::{DateTime, Duration, Utc};
use demo_org::DemoConfig;
use demo_org::org::Org;
use demo_org::query::run_details_query;
use lens::conversation_id;
use lens::query_lab::builder::{PredicateRow, QueryForm};
use lens::query_lab::levels::Level;
use lens::query_lab::why_empty::{
    ByIdLookup, CauseKind, Confidence, Diagnosis, EmptyCheck, Hints, QueryOutcome, diagnose,
};
use model::analytics::ConversationQuery;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Mid-afternoon UTC, so scenario start days are unambiguous.
const ORIGIN: &str = "2026-05-12T15:00:00Z";

fn cfg() -> DemoConfig {
    DemoConfig {
        frozen_at: Some(t(ORIGIN)),
        synthetic_conversations: 2_000,
        ..DemoConfig::default()
    }
}

fn conversation_of(org: &Org, scenario: &str) -> String {
    org.scenarios(org.now())
        .into_iter()
        .find(|s| s.id == scenario)
        .unwrap()
        .conversation_id
}

/// Ask the demo org everything the lab asks, then diagnose.
fn check(
    org: &Org,
    cfg: &DemoConfig,
    id: &str,
    q: &ConversationQuery,
    now: DateTime<Utc>,
) -> Diagnosis {
    let lookup = match org.analytics(id, now) {
        Some(a) => ByIdLookup::Found {
            conversation_start: a.conversation_start,
            conversation_end: a.conversation_end,
        },
        None => ByIdLookup::NotFound,
    };
    let outcome = match run_details_query(org, q, now) {
        Ok(r) => QueryOutcome::Returned {
            total_hits: r.total_hits,
            contains_conversation: r
                .conversations
                .iter()
                .flatten()
                .any(|c| c.conversation_id.as_deref() == Some(id)),
        },
        Err(e) => QueryOutcome::Failed {
            status: e.status.as_u16(),
            error: None,
        },
    };
    let hints = Hints {
        analytics_lag: Duration::from_std(cfg.analytics_lag).ok(),
        realtime_start: org.realtime(id, now).and_then(|c| c.start_time),
        // What GET /api/v2/analytics/dataretention/settings answers for this config.
        retention_days: cfg.analytics_retention_days.map(i64::from),
        realtime_ended: org.realtime(id, now).map(|c| c.end_time.is_some()),
    };
    diagnose(&EmptyCheck {
        lookup: &lookup,
        query: q,
        outcome: &outcome,
        now,
        hints: &hints,
    })
}

fn form_for(org: &Org, id: &str, now: DateTime<Utc>) -> QueryForm {
    let start = org.analytics(id, now).and_then(|a| a.conversation_start);
    QueryForm::for_conversation(&conversation_id::parse(id).unwrap(), start, now)
}

#[test]
fn the_proposed_query_finds_an_answered_call() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "inbound-answered");
    let q = form_for(&org, &id, org.now()).to_query().unwrap();
    let d = check(&org, &cfg, &id, &q, org.now());
    assert!(d.query_found_it, "{d:#?}");
}

#[test]
fn interval_on_the_next_day_misses_the_start_day() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "past-retention");
    let now = org.now();
    let mut f = form_for(&org, &id, now);
    let start = org.analytics(&id, now).unwrap().conversation_start.unwrap();
    f.set_interval(&format!("{}/P1D", (start + Duration::days(1)).date_naive()))
        .unwrap();
    let d = check(&org, &cfg, &id, &f.to_query().unwrap(), now);
    assert!(!d.query_found_it);
    assert!(d.has(CauseKind::IntervalMissesStartDay), "{d:#?}");
}

#[test]
fn an_overlong_interval_is_refused_and_explained() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "inbound-answered");
    let now = org.now();
    let mut f = form_for(&org, &id, now);
    f.set_interval("2026-04-01T00:00:00Z/2026-05-13T00:00:00Z")
        .unwrap();
    let d = check(&org, &cfg, &id, &f.to_query().unwrap(), now);
    assert!(d.has(CauseKind::IntervalTooLong), "{d:#?}");
    assert!(
        d.has(CauseKind::RejectedBody),
        "the demo org answers 400: {d:#?}"
    );
    let rejected = d
        .causes
        .iter()
        .find(|c| c.kind == CauseKind::RejectedBody)
        .unwrap();
    assert!(
        rejected.fix.contains("breaks a limit"),
        "the 400 points at the interval cause, not generic advice: {rejected:#?}"
    );
}

#[test]
fn conversation_id_at_segment_level_is_dropped_and_explained() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "inbound-answered");
    let now = org.now();
    let mut f = form_for(&org, &id, now);
    f.conversation_id.clear();
    f.add_predicate(PredicateRow::dimension(
        Level::Segment,
        "conversationId",
        &id,
    ));
    // Oldest first, one per page: the ignored predicate lets the whole day through, and the
    // day's first conversation is a synthetic one from the early hours.
    f.order = Some(model::analytics::Order::Asc);
    f.set_paging(1, 1).unwrap();
    let q = f.to_query().unwrap();
    let r = run_details_query(&org, &q, now).unwrap();
    assert!(
        r.total_hits.unwrap() > 1,
        "the wrong-level predicate is ignored, not applied"
    );
    let d = check(&org, &cfg, &id, &q, now);
    assert!(
        !d.query_found_it,
        "page 1 holds another conversation: {r:#?}"
    );
    assert!(d.has(CauseKind::WrongFilterLevel), "{d:#?}");
    let w = f.level_warnings();
    assert_eq!(
        w[0].explanation.headline,
        "Move conversationId to conversationFilters"
    );
}

#[test]
fn a_conversation_that_just_started_is_too_new() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "voicemail"); // starts 30 s after the origin
    let now = t(ORIGIN) + Duration::seconds(32);
    assert!(org.realtime(&id, now).is_some(), "real time has it at once");
    assert!(org.analytics(&id, now).is_none(), "analytics lags");
    let q = QueryForm::for_conversation(&conversation_id::parse(&id).unwrap(), Some(now), now)
        .to_query()
        .unwrap();
    let d = check(&org, &cfg, &id, &q, now);
    assert!(d.has(CauseKind::TooNew), "{d:#?}");
    assert!(!d.has(CauseKind::UnknownId));
    // Once the lag has passed the same query finds it.
    let later = now + Duration::from_std(cfg.analytics_lag).unwrap() + Duration::seconds(1);
    assert!(check(&org, &cfg, &id, &q, later).query_found_it);
}

#[test]
fn an_id_nobody_has_is_unknown() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = "3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b";
    let q = QueryForm::for_conversation(&conversation_id::parse(id).unwrap(), None, org.now())
        .to_query()
        .unwrap();
    let d = check(&org, &cfg, id, &q, org.now());
    assert_eq!(
        d.causes.iter().map(|c| c.kind).collect::<Vec<_>>(),
        vec![CauseKind::UnknownId]
    );
}

fn start_of(org: &Org, scenario: &str) -> DateTime<Utc> {
    let info = org
        .scenarios(org.now())
        .into_iter()
        .find(|s| s.id == scenario)
        .unwrap();
    model::time::from_wire(&info.conversation_start).unwrap()
}

fn on_start_day(id: &str, start: DateTime<Utc>, now: DateTime<Utc>) -> ConversationQuery {
    let mut f = QueryForm::for_conversation(&conversation_id::parse(id).unwrap(), None, now);
    f.interval = lens::query_lab::interval::for_conversation_start(start).to_wire();
    f.to_query().unwrap()
}

#[test]
fn a_conversation_older_than_the_retention_setting_is_past_retention() {
    // Default demo org: retentionDays 90; the scenario started 100 days ago. Neither API has it,
    // so only the interval the learner typed (its start day) dates it.
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "past-analytics-retention");
    let now = org.now();
    let q = on_start_day(&id, start_of(&org, "past-analytics-retention"), now);
    let d = check(&org, &cfg, &id, &q, now);
    let retention = d
        .causes
        .iter()
        .find(|c| c.kind == CauseKind::PastRetention)
        .unwrap_or_else(|| panic!("{d:#?}"));
    assert_eq!(retention.confidence, Confidence::Certain);
    assert!(retention.evidence.contains("90 days"), "{retention:#?}");
    assert!(
        d.has(CauseKind::RejectedBody),
        "the sync query cannot reach 100 days back at all: {d:#?}"
    );
    assert!(!d.has(CauseKind::UnknownId), "{d:#?}");

    // The same org without a retention setting: analytics still has it, so no retention cause.
    let kept = DemoConfig {
        analytics_retention_days: None,
        ..cfg
    };
    let org = Org::new(&kept);
    assert!(org.analytics(&id, now).is_some());
    let d = check(&org, &kept, &id, &q, now);
    assert!(!d.has(CauseKind::PastRetention), "{d:#?}");
}

#[test]
fn a_short_retention_empties_a_query_the_sync_api_can_still_reach() {
    // Below what a real org may set (90 days): the demo allows it so the query is 200 and empty.
    let cfg = DemoConfig {
        analytics_retention_days: Some(2),
        ..cfg()
    };
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "past-retention"); // started ~3 days ago
    let now = org.now();
    let q = on_start_day(&id, start_of(&org, "past-retention"), now);
    assert!(matches!(
        run_details_query(&org, &q, now),
        Ok(r) if r.conversations.is_none()
    ));
    let d = check(&org, &cfg, &id, &q, now);
    assert_eq!(
        d.causes.first().map(|c| (c.kind, c.confidence)),
        Some((CauseKind::PastRetention, Confidence::Certain)),
        "{d:#?}"
    );

    // When the Conversations API still has it, its startTime dates it (the other branch): a day
    // of retention, a day and an hour after today's answered call.
    let one_day = DemoConfig {
        analytics_retention_days: Some(1),
        ..cfg
    };
    let org = Org::new(&one_day);
    let id = conversation_of(&org, "inbound-answered");
    let later = now + Duration::days(1) + Duration::hours(1);
    assert!(org.realtime(&id, later).is_some() && org.analytics(&id, later).is_none());
    let q = on_start_day(&id, start_of(&org, "inbound-answered"), later);
    let d = check(&org, &one_day, &id, &q, later);
    let c = d
        .causes
        .iter()
        .find(|c| c.kind == CauseKind::PastRetention)
        .unwrap_or_else(|| panic!("{d:#?}"));
    assert!(c.evidence.starts_with("The conversation started"), "{c:#?}");
    assert!(!d.has(CauseKind::TooNew), "{d:#?}");
}

#[test]
fn paging_a_live_day_drifts_and_the_walk_accounts_for_it() {
    use lens::query_lab::paging::{self, Page};
    let cfg = cfg();
    let org = Org::new(&cfg);
    let mut f = form_for(&org, &conversation_of(&org, "inbound-answered"), org.now());
    f.conversation_id.clear();
    f.set_paging(3, 1).unwrap();
    f.order = Some(model::analytics::Order::Desc);
    let mut pages = Vec::new();
    for n in 1..=6 {
        f.page_number = n;
        let r = run_details_query(&org, &f.to_query().unwrap(), org.now()).unwrap();
        pages.push(Page {
            page_number: n,
            total_hits: r.total_hits,
            ids: r
                .conversations
                .iter()
                .flatten()
                .filter_map(|c| c.conversation_id.clone())
                .collect(),
        });
        // Time passes between pages: new conversations start and sort in ahead (newest first).
        org.clock().advance(Duration::minutes(30));
    }
    let report = paging::account(&pages);
    let rows: usize = pages.iter().map(|p| p.ids.len()).sum();
    assert_eq!(report.rows_fetched, rows);
    assert_eq!(report.unique_ids.len() + report.duplicates, rows);
    assert!(
        report.last_total_hits > report.first_total_hits,
        "{report:#?}"
    );
    assert!(!report.stable);
    assert!(report.pages.iter().any(|p| p.drift.is_some_and(|d| d > 0)));
    assert!(
        report.duplicates > 0,
        "rows shifted onto the next page: {report:#?}"
    );
}

#[test]
fn require_conversation_end_on_a_live_call_names_the_requirement() {
    let cfg = cfg();
    let org = Org::new(&cfg);
    let id = conversation_of(&org, "long-live");
    let now = org.now();
    let mut f = form_for(&org, &id, now);
    f.set_require_conversation_end(true);
    let d = check(&org, &cfg, &id, &f.to_query().unwrap(), now);
    assert!(!d.query_found_it, "{d:#?}");
    assert!(d.has(CauseKind::InProgressExcludedByEndFilter), "{d:#?}");
    assert!(!d.has(CauseKind::NoKnownCause), "{d:#?}");
    // Without the requirement the same live call is found.
    f.set_require_conversation_end(false);
    assert!(check(&org, &cfg, &id, &f.to_query().unwrap(), now).query_found_it);
}
