//! Details-query semantics over HTTP against a hand-made org whose answers are known exactly:
//! start-day matching, wrong-level predicates ignored, metric ranges, exists/notExists, and/or,
//! clauses, ordering, paging past the end, totalHits, aggregations, interval caps.

mod http_support;
mod support;

use http_support::*;
use model::analytics::{MediaType, OriginatingDirection};
use serde_json::{Value, json};

/// Org at t0 = 2026-05-20T12:00Z:
/// * a: 05-18 23:30, 60 min (active on the 19th, but *started* on the 18th), voice, billing
/// * b: 05-19 10:00, 5 min, email, outbound, support queue, user omar
/// * c: 05-19 15:00, 2 min, voice, wrap-up code wrap-sale
/// * d: 05-20 11:00, still live
/// * e: 05-10 09:00, 3 min
fn org() -> FixtureOrg {
    let a = Spec::new("a", "2026-05-18T23:30:00.000Z", Some(60));
    let mut b = Spec::new("b", "2026-05-19T10:00:00.000Z", Some(5));
    b.media = MediaType::Email;
    b.direction = OriginatingDirection::Outbound;
    b.queue = "queue-support";
    b.user = "user-omar";
    let mut c = Spec::new("c", "2026-05-19T15:00:00.000Z", Some(2));
    c.wrap_up = Some("wrap-sale");
    let d = Spec::new("d", "2026-05-20T11:00:00.000Z", Some(120));
    let e = Spec::new("e", "2026-05-10T09:00:00.000Z", Some(3));
    FixtureOrg {
        specs: vec![a, b, c, d, e],
    }
}

const DAY19: &str = "2026-05-19T00:00:00.000Z/2026-05-20T00:00:00.000Z";
const WEEK: &str = "2026-05-14T00:00:00.000Z/2026-05-21T00:00:00.000Z";

async fn run(q: Value) -> Value {
    let demo = spawn_fixture(frozen_cfg(), org()).await;
    let tok = full_token(&demo).await;
    let g = post_json(&demo, &tok, QUERY, &q).await;
    assert_eq!(g.status, 200, "query {q} → {}", g.body);
    let models = support::validator::Models::load().unwrap_or_else(|e| panic!("{e}"));
    models.assert_valid(
        "AnalyticsConversationQueryResponse",
        &g.body,
        "details query response",
    );
    demo.shutdown().await;
    g.body
}

async fn run_ids(q: Value) -> Vec<String> {
    ids(&run(q).await)
}

fn cfilter(ty: &str, preds: Value) -> Value {
    json!([{ "type": ty, "predicates": preds }])
}

#[tokio::test]
async fn matches_on_the_day_the_conversation_started() {
    // A one-hour interval on the 19th returns everything that *started* on the 19th…
    assert_eq!(
        run_ids(json!({"interval": "2026-05-19T10:30:00.000Z/2026-05-19T10:31:00.000Z"})).await,
        ["b", "c"]
    );
    // …and not `a`, which was active on the 19th but started on the 18th.
    assert_eq!(run_ids(json!({"interval": DAY19})).await, ["b", "c"]);
    // An interval ending exactly at midnight does not touch the next day.
    assert_eq!(
        run_ids(json!({"interval": "2026-05-18T23:00:00.000Z/2026-05-19T00:00:00.000Z"})).await,
        ["a"]
    );
    // Live conversations are there, without conversationEnd.
    let body = run(json!({"interval": "2026-05-20T00:00:00.000Z/2026-05-21T00:00:00.000Z"})).await;
    assert_eq!(ids(&body), ["d"]);
    assert!(body["conversations"][0].get("conversationEnd").is_none());
}

#[tokio::test]
async fn wrong_level_dimensions_are_silently_ignored() {
    // queueId is a segment dimension: in conversationFilters it filters nothing.
    let q = json!({"interval": DAY19, "conversationFilters": cfilter("and", json!([{"dimension":"queueId","value":"queue-support"}]))});
    assert_eq!(run_ids(q).await, ["b", "c"]);
    // The same predicate at the right level filters.
    let q = json!({"interval": DAY19, "segmentFilters": cfilter("and", json!([{"dimension":"queueId","value":"queue-support"}]))});
    assert_eq!(run_ids(q).await, ["b"]);
    // conversationId is not a segment dimension.
    let q = json!({"interval": DAY19, "segmentFilters": cfilter("and", json!([{"dimension":"conversationId","value":"c"}]))});
    assert_eq!(run_ids(q).await, ["b", "c"]);
    // …but it is a conversation dimension.
    let q = json!({"interval": DAY19, "conversationFilters": cfilter("and", json!([{"type":"dimension","dimension":"conversationId","operator":"matches","value":"c"}]))});
    assert_eq!(run_ids(q).await, ["c"]);
}

#[tokio::test]
async fn metric_ranges_exists_and_not_exists() {
    let q = json!({"interval": DAY19, "conversationFilters": cfilter("and", json!([{"type":"metric","metric":"tHandle","range":{"gte":200000}}]))});
    assert_eq!(run_ids(q).await, ["b"]);
    let q = json!({"interval": DAY19, "conversationFilters": cfilter("and", json!([{"type":"metric","metric":"tHandle","range":{"gt":100000,"lte":120000}}]))});
    assert_eq!(run_ids(q).await, ["c"]);
    // conversationEnd notExists = still live (the filter Genesys advises for paging live intervals, inverted).
    let today = "2026-05-20T00:00:00.000Z/2026-05-21T00:00:00.000Z";
    let q = json!({"interval": today, "conversationFilters": cfilter("and", json!([{"dimension":"conversationEnd","operator":"notExists"}]))});
    assert_eq!(run_ids(q).await, ["d"]);
    let q = json!({"interval": today, "conversationFilters": cfilter("and", json!([{"dimension":"conversationEnd","operator":"exists"}]))});
    assert!(run(q).await.get("conversations").is_none());
    let q = json!({"interval": DAY19, "segmentFilters": cfilter("and", json!([{"dimension":"wrapUpCode","operator":"exists"}]))});
    assert_eq!(run_ids(q).await, ["c"]);
    // tSegmentDuration is the segment metric: 5-minute segments only (b).
    let q = json!({"interval": DAY19, "segmentFilters": cfilter("and", json!([{"type":"metric","metric":"tSegmentDuration","range":{"gte":300000}}]))});
    assert_eq!(run_ids(q).await, ["b"]);
}

#[tokio::test]
async fn and_or_and_clauses() {
    let or = json!({"interval": DAY19, "segmentFilters": cfilter("or", json!([
        {"dimension":"mediaType","value":"email"}, {"dimension":"wrapUpCode","value":"wrap-sale"}]))});
    assert_eq!(run_ids(or).await, ["b", "c"]);
    let and = json!({"interval": DAY19, "segmentFilters": cfilter("and", json!([
        {"dimension":"mediaType","value":"email"}, {"dimension":"wrapUpCode","value":"wrap-sale"}]))});
    assert!(run(and).await.get("conversations").is_none());
    // Session + participant + segment dimensions in one segment filter.
    let q = json!({"interval": DAY19, "segmentFilters": cfilter("and", json!([
        {"dimension":"purpose","value":"agent"}, {"dimension":"userId","value":"user-omar"}, {"dimension":"direction","value":"outbound"}]))});
    assert_eq!(run_ids(q).await, ["b"]);
    let clauses = json!({"interval": DAY19, "conversationFilters": [{"type":"or","clauses":[
        {"type":"and","predicates":[{"dimension":"conversationId","value":"b"}]},
        {"type":"and","predicates":[{"dimension":"originatingDirection","value":"inbound"},{"dimension":"conversationId","value":"c"}]}]}]});
    assert_eq!(run_ids(clauses).await, ["b", "c"]);
    // Two conversation filters must both hold.
    let two = json!({"interval": DAY19, "conversationFilters": [
        {"type":"or","predicates":[{"dimension":"conversationId","value":"b"},{"dimension":"conversationId","value":"c"}]},
        {"type":"and","predicates":[{"dimension":"originatingDirection","value":"outbound"}]}]});
    assert_eq!(run_ids(two).await, ["b"]);
}

#[tokio::test]
async fn ordering_paging_past_the_end_and_total_hits() {
    assert_eq!(
        run_ids(json!({"interval": WEEK})).await,
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        run_ids(json!({"interval": WEEK, "order": "desc"})).await,
        ["d", "c", "b", "a"]
    );
    // conversationEnd: the live one (no end) last.
    assert_eq!(
        run_ids(json!({"interval": WEEK, "orderBy": "conversationEnd"})).await,
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        run_ids(json!({"interval": WEEK, "orderBy": "conversationEnd", "order": "desc"})).await,
        ["c", "b", "a", "d"]
    );

    let page = |n: i64| json!({"interval": WEEK, "paging": {"pageSize": 3, "pageNumber": n}});
    let p1 = run(page(1)).await;
    assert_eq!(
        (ids(&p1), p1["totalHits"].as_i64()),
        (vec!["a".to_owned(), "b".into(), "c".into()], Some(4))
    );
    let p2 = run(page(2)).await;
    assert_eq!(
        (ids(&p2), p2["totalHits"].as_i64()),
        (vec!["d".to_owned()], Some(4))
    );
    let p3 = run(page(3)).await;
    assert!(
        p3.get("conversations").is_none(),
        "past the last page `conversations` is absent: {p3}"
    );
    assert_eq!(p3["totalHits"], 4);
}

#[tokio::test]
async fn term_frequency_and_numeric_range_aggregations() {
    let body = run(json!({"interval": WEEK, "aggregations": [
        {"type":"termFrequency","dimension":"mediaType"},
        {"type":"termFrequency","dimension":"originatingDirection"},
        {"type":"numericRange","metric":"tHandle","ranges":[{"lt":200000},{"gte":200000}]}]}))
    .await;
    let aggs = body["aggregations"].as_array().cloned().unwrap_or_default();
    assert_eq!(aggs.len(), 3, "{body}");
    assert_eq!(
        aggs[0]["results"],
        json!([{"count":3,"value":"voice"},{"count":1,"value":"email"}])
    );
    assert_eq!(
        aggs[1]["results"],
        json!([{"count":3,"value":"inbound"},{"count":1,"value":"outbound"}])
    );
    // a: 3.6M, b: 300k, c: 120k, d: live (no tHandle).
    assert_eq!(
        aggs[2]["results"],
        json!([{"count":1,"lt":200000.0},{"count":2,"gte":200000.0}])
    );
}

#[tokio::test]
async fn interval_caps_from_the_genesys_tutorials() {
    let demo = spawn_fixture(frozen_cfg(), org()).await;
    let tok = full_token(&demo).await;
    let eight_days = "2026-05-12T00:00:00.000Z/2026-05-20T00:00:00.000Z";
    assert_error(
        &post_json(&demo, &tok, QUERY, &json!({"interval": eight_days})).await,
        400,
        "bad.request",
    );
    // With a filter up to 31 days is fine (e, 10 days back, is found).
    let q = json!({"interval": "2026-05-01T00:00:00.000Z/2026-05-21T00:00:00.000Z",
        "conversationFilters": cfilter("and", json!([{"dimension":"conversationId","value":"e"}]))});
    let g = post_json(&demo, &tok, QUERY, &q).await;
    assert_eq!((g.status, ids(&g.body)), (200, vec!["e".to_owned()]));
    let q = json!({"interval": "2026-04-01T00:00:00.000Z/2026-05-05T00:00:00.000Z",
        "conversationFilters": cfilter("and", json!([{"dimension":"conversationId","value":"e"}]))});
    assert_error(&post_json(&demo, &tok, QUERY, &q).await, 400, "bad.request");
    // More than 35 days back.
    let q = json!({"interval": "2026-04-10T00:00:00.000Z/2026-04-11T00:00:00.000Z"});
    assert_error(&post_json(&demo, &tok, QUERY, &q).await, 400, "bad.request");
    // A predicate that needs a value.
    let q = json!({"interval": DAY19, "conversationFilters": cfilter("and", json!([{"dimension":"conversationId"}]))});
    assert_error(&post_json(&demo, &tok, QUERY, &q).await, 400, "bad.request");
    demo.shutdown().await;
}
