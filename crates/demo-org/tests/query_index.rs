//! The details query's start index answers exactly what reading every record would: for each
//! query the indexed path may take (no filter or only `conversationEnd exists`, ordered by
//! conversationStart) the response is byte-identical to filtering, sorting and paging the
//! materialised records. Covers day edges, zone offsets, paging across days, asc/desc,
//! unordered, conversations not yet ended or not yet in analytics, retention, named scenarios
//! and runs mixed in, and ties on the start instant.

use chrono::{DateTime, Duration, TimeZone, Utc};
use demo_org::DemoConfig;
use demo_org::org::Org;
use demo_org::query::{self, collect_hits, page_of, plan_details};
use demo_org::view::OrgView;
use model::analytics::ConversationQuery;
use serde_json::{Value, json};

fn origin() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 20, 15, 30, 0)
        .single()
        .unwrap_or_else(|| panic!("valid instant"))
}

fn org(retention_days: Option<u32>) -> Org {
    Org::new(&DemoConfig {
        frozen_at: Some(origin()),
        synthetic_conversations: 2_000,
        analytics_retention_days: retention_days,
        ..DemoConfig::default()
    })
}

/// The reference: every record in the window materialised, filtered, sorted, paged.
fn by_records(org: &dyn OrgView, q: &ConversationQuery, now: DateTime<Utc>) -> Value {
    let plan = plan_details(q, now).unwrap_or_else(|e| panic!("{e}"));
    let (from, to) = plan.interval.touched_days();
    let hits = collect_hits(&plan, org.analytics_started_in(from, to, now))
        .unwrap_or_else(|e| panic!("{e}"));
    let body = page_of(&plan, &hits, |r| org.analytics_by_ref(r, now));
    serde_json::to_value(body).unwrap_or_default()
}

fn indexed(org: &dyn OrgView, q: &ConversationQuery, now: DateTime<Utc>) -> Value {
    let body = query::run_details_query(org, q, now).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_value(body).unwrap_or_default()
}

fn day(d: DateTime<Utc>) -> String {
    d.format("%Y-%m-%dT00:00:00.000Z").to_string()
}

/// Query bodies the index serves, over intervals that end at and straddle day edges.
fn bodies(now: DateTime<Utc>) -> Vec<Value> {
    let today = day(now);
    let week_ago = day(now - Duration::days(7));
    let three_ago = day(now - Duration::days(3));
    let two_ago = day(now - Duration::days(2));
    let end_exists =
        json!([{"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"}]}]);
    let intervals = [
        format!("{week_ago}/{today}"),
        // Ends exactly at midnight: the day that starts there is not touched.
        format!("{three_ago}/{two_ago}"),
        // One millisecond past midnight touches the next day too.
        format!(
            "{three_ago}/{}",
            (now - Duration::days(2)).format("%Y-%m-%dT00:00:00.001Z")
        ),
        // Zone offsets: still whole UTC days.
        format!(
            "{}/{}",
            (now - Duration::days(4)).format("%Y-%m-%dT23:30:00+05:30"),
            (now - Duration::days(3)).format("%Y-%m-%dT01:00:00-08:00")
        ),
        // Up to now: today's named scenarios, the not-yet-ended and the not-yet-visible.
        format!(
            "{}/{}",
            day(now - Duration::days(1)),
            (now + Duration::hours(1)).format("%Y-%m-%dT%H:%M:%S%.3fZ")
        ),
    ];
    let mut out = Vec::new();
    for interval in &intervals {
        for order in [None, Some("asc"), Some("desc"), Some("unordered")] {
            for (size, number) in [
                (None, None),
                (Some(100), Some(1)),
                (Some(25), Some(7)),
                (Some(100), Some(90)),
            ] {
                for filter in [None, Some(&end_exists)] {
                    let mut b = json!({"interval": interval});
                    if let Some(o) = order {
                        b["order"] = json!(o);
                    }
                    if let (Some(s), Some(n)) = (size, number) {
                        b["paging"] = json!({"pageSize": s, "pageNumber": n});
                    }
                    if let Some(f) = filter {
                        b["conversationFilters"] = f.clone();
                    }
                    out.push(b);
                }
            }
        }
    }
    // An explicit conversationStart order and two `conversationEnd exists` filters (or + and).
    out.push(json!({"interval": format!("{week_ago}/{today}"), "orderBy": "conversationStart", "order": "desc",
        "conversationFilters": [
            {"type":"or","predicates":[{"dimension":"conversationEnd","operator":"exists"}]},
            {"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"}]}]}));
    out
}

fn assert_same(org: &dyn OrgView, now: DateTime<Utc>) {
    for b in bodies(now) {
        let q: ConversationQuery =
            serde_json::from_value(b.clone()).unwrap_or_else(|e| panic!("{e}: {b}"));
        let want = by_records(org, &q, now);
        let got = indexed(org, &q, now);
        assert_eq!(
            serde_json::to_string(&got).unwrap_or_default(),
            serde_json::to_string(&want).unwrap_or_default(),
            "query {b} at {now}"
        );
    }
}

#[test]
fn indexed_pages_are_byte_identical_to_reading_every_record() {
    let org = org(None);
    assert_same(&org, origin());
}

#[test]
fn conversations_still_going_or_not_yet_in_analytics_are_treated_alike() {
    // The evening before start-up (the synthetic org's busiest hours end there): the newest
    // synthetic conversations have not ended (no conversationEnd) or not even reached
    // analytics yet at this instant.
    let org = org(None);
    let now = origin() - Duration::minutes(16 * 60 + 30);
    assert_same(&org, now);
    let plan_q: ConversationQuery = serde_json::from_value(json!({
        "interval": format!("{}/{}", day(now), day(now + Duration::days(1))),
        "conversationFilters": [{"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"}]}]
    }))
    .unwrap_or_default();
    let all: ConversationQuery = serde_json::from_value(json!({
        "interval": format!("{}/{}", day(now), day(now + Duration::days(1)))
    }))
    .unwrap_or_default();
    let ended = indexed(&org, &plan_q, now)["totalHits"].as_i64();
    let every = indexed(&org, &all, now)["totalHits"].as_i64();
    assert!(
        ended < every,
        "some of today's were still going at {now}: {ended:?} vs {every:?}"
    );
}

#[test]
fn retention_cuts_the_window_the_same_way() {
    let org = org(Some(5));
    assert_same(&org, origin());
}

#[test]
fn runs_started_now_join_the_index() {
    let org = org(None);
    let now = origin() + Duration::minutes(10);
    let first = org
        .all_scenarios()
        .first()
        .map(|s| s.id)
        .unwrap_or_default();
    assert!(org.start_run(first, now - Duration::minutes(5)).is_some());
    assert!(
        org.start_run(first, now - Duration::minutes(5)).is_some(),
        "two runs with the same start"
    );
    assert_same(&org, now);
}

#[test]
fn synthetic_starts_and_ids_match_their_timelines() {
    // The index sorts on the record's start and breaks ties on its id without building the
    // timeline: both must be the timeline's own.
    let org = org(None);
    let s = org.synthetic();
    let all = s.slots_started_in(origin() - Duration::days(31), origin());
    assert_eq!(all.len(), 2_000);
    for slot in all.step_by(7) {
        let c = s.at_slot(slot).unwrap_or_else(|| panic!("slot {slot}"));
        assert_eq!(s.start_of(slot), Some(c.start()), "slot {slot}");
        assert_eq!(s.id_of(slot).as_deref(), Some(c.id.as_str()), "slot {slot}");
        assert!(c.end() - c.start() <= demo_org::synthetic::MAX_DURATION);
    }
}
