//! Analytics data retention: `GET /api/v2/analytics/dataretention/settings` and conversations
//! older than `retentionDays` vanishing from every analytics endpoint (by-id, multi-get, details
//! query, async jobs) while the same org without a retention setting still serves them.
//!
//! The settings body cannot go through `support::validator` (its model is not in the reference
//! files); its shape is pinned here against the SDK's `AnalyticsDataRetentionResponse` doc and
//! round-tripped by the official Python SDK in `tests/python/`.

mod http_support;

use chrono::Duration;
use demo_org::DemoConfig;
use http_support::*;
use serde_json::json;

const SETTINGS: &str = "/api/v2/analytics/dataretention/settings";

fn cfg(retention_days: Option<u32>) -> DemoConfig {
    DemoConfig {
        analytics_retention_days: retention_days,
        job_delay: std::time::Duration::ZERO,
        availability_lag: std::time::Duration::ZERO,
        rate_limit_per_minute: 1_000_000,
        ..frozen_cfg()
    }
}

/// What each analytics endpoint says about `id`, whose start day is `day` (YYYY-MM-DD):
/// (by-id status, in multi-get, in details query (`None` = rejected: the synchronous query only
/// reaches 35 days back, reference/api-facts.md §2.6), in a job over that day).
async fn analytics_sees(
    demo: &demo_org::RunningDemo,
    tok: &str,
    id: &str,
    day: &str,
) -> (u16, bool, Option<bool>, bool) {
    let by_id = get(
        demo,
        tok,
        &format!("/api/v2/analytics/conversations/{id}/details"),
    )
    .await;
    if by_id.status != 200 {
        assert_error(&by_id, 404, "not.found");
    }
    let multi = get(
        demo,
        tok,
        &format!("/api/v2/analytics/conversations/details?id={id}"),
    )
    .await;
    assert_eq!(multi.status, 200, "{}", multi.body);
    let interval = format!("{day}T00:00:00.000Z/{day}T23:59:59.999Z");
    let filter = json!([{"type":"and","predicates":[{"dimension":"conversationId","value": id}]}]);
    let q = post_json(
        demo,
        tok,
        QUERY,
        &json!({"interval": interval, "conversationFilters": filter}),
    )
    .await;
    let in_query = if q.status == 400 {
        assert_error(&q, 400, "bad.request");
        None
    } else {
        assert_eq!(q.status, 200, "{}", q.body);
        Some(ids(&q.body).iter().any(|c| c == id))
    };
    let job = post_json(
        demo,
        tok,
        JOBS,
        &json!({"interval": interval, "conversationFilters": filter}),
    )
    .await;
    assert_eq!(job.status, 202, "{}", job.body);
    let job_id = job.body["jobId"].as_str().unwrap_or_default().to_owned();
    let st = get(demo, tok, &format!("{JOBS}/{job_id}")).await;
    assert_eq!(st.body["state"], "FULFILLED", "{}", st.body);
    let res = get(demo, tok, &format!("{JOBS}/{job_id}/results")).await;
    assert_eq!(res.status, 200, "{}", res.body);
    (
        by_id.status,
        ids(&multi.body).iter().any(|c| c == id),
        in_query,
        ids(&res.body).iter().any(|c| c == id),
    )
}

#[tokio::test]
async fn settings_report_retention_days_with_dates_and_need_their_permission() {
    let demo = spawn(cfg(Some(90))).await;
    let g = get(&demo, &full_token(&demo).await, SETTINGS).await;
    assert_eq!(g.status, 200, "{}", g.body);
    let mut keys: Vec<&str> = g
        .body
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(keys, ["dateCreated", "dateModified", "retentionDays"]);
    assert_eq!(g.body["retentionDays"], 90);
    let created = ts(g.body["dateCreated"].as_str().unwrap_or_default());
    let modified = ts(g.body["dateModified"].as_str().unwrap_or_default());
    assert!(created < modified && modified < t0(), "{}", g.body);

    // The agent-analytics-only client reads details but not the retention setting.
    let agent = token_for(&demo, "lens-demo-agent-analytics-only").await;
    let g = get(&demo, &agent, SETTINGS).await;
    assert_error(&g, 403, "missing.any.permissions");
    assert!(
        g.body.to_string().contains("analytics:dataRetention:view"),
        "names the missing permission: {}",
        g.body
    );
    demo.shutdown().await;

    // No setting: no retentionDays.
    let demo = spawn(cfg(None)).await;
    let g = get(&demo, &full_token(&demo).await, SETTINGS).await;
    assert_eq!((g.status, g.body.clone()), (200, json!({})));
    demo.shutdown().await;
}

#[tokio::test]
async fn a_conversation_past_retention_is_gone_from_every_analytics_endpoint() {
    let demo = spawn(cfg(Some(90))).await;
    let tok = full_token(&demo).await;
    let s = demo_scenario(&demo, "past-analytics-retention").await;
    let id = s["conversationId"].as_str().unwrap_or_default().to_owned();
    let start = ts(s["conversationStart"].as_str().unwrap_or_default());
    assert!(
        start < t0() - Duration::days(90),
        "older than the cutoff: {start}"
    );
    assert!(
        s["phase"]["label"]
            .as_str()
            .is_some_and(|p| p.contains("past analytics retention")),
        "{s}"
    );
    let day = model::time::to_wire(&start)[..10].to_owned();
    assert_eq!(
        analytics_sees(&demo, &tok, &id, &day).await,
        (404, false, None, false),
        "by-id 404, multi-get empty, sync query can't reach it, the job finds nothing"
    );
    assert_error(
        &get(&demo, &tok, &format!("/api/v2/conversations/{id}")).await,
        404,
        "not.found",
    );
    demo.shutdown().await;

    // Same org, no retention setting: every analytics endpoint has it. So retention is the cause.
    let demo = spawn(cfg(None)).await;
    let tok = full_token(&demo).await;
    assert_eq!(
        analytics_sees(&demo, &tok, &id, &day).await,
        (200, true, None, true)
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn a_short_retention_drops_old_scenarios_and_synthetic_days_but_keeps_recent_ones() {
    // 2 days: below what a real org may set; the demo allows it so data can be watched expiring.
    let demo = spawn(cfg(Some(2))).await;
    let tok = full_token(&demo).await;
    let old = demo_scenario(&demo, "past-retention").await;
    let id = old["conversationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let day = old["conversationStart"].as_str().unwrap_or_default()[..10].to_owned();
    assert_eq!(
        analytics_sees(&demo, &tok, &id, &day).await,
        (404, false, Some(false), false)
    );
    let recent = demo_scenario(&demo, "inbound-answered").await;
    let rid = recent["conversationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let rday = recent["conversationStart"].as_str().unwrap_or_default()[..10].to_owned();
    assert_eq!(
        analytics_sees(&demo, &tok, &rid, &rday).await,
        (200, true, Some(true), true)
    );

    // The synthetic org: a day five days back is empty, yesterday is not.
    let day_of = |n: i64| model::time::to_wire(&(t0() - Duration::days(n)))[..10].to_owned();
    let interval = |d: &str| json!({"interval": format!("{d}T00:00:00.000Z/{d}T23:59:59.999Z")});
    let five_back = post_json(&demo, &tok, QUERY, &interval(&day_of(5))).await;
    assert_eq!(five_back.body["totalHits"], 0, "{}", five_back.body);
    let yesterday = post_json(&demo, &tok, QUERY, &interval(&day_of(1))).await;
    assert!(
        yesterday.body["totalHits"].as_i64().is_some_and(|n| n > 0),
        "{}",
        yesterday.body
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn retention_is_measured_from_now_so_data_expires_as_the_clock_runs() {
    let demo = spawn(cfg(Some(2))).await;
    let tok = full_token(&demo).await;
    let s = demo_scenario(&demo, "inbound-answered").await;
    let id = s["conversationId"].as_str().unwrap_or_default().to_owned();
    let path = format!("/api/v2/analytics/conversations/{id}/details");
    demo.state
        .clock
        .set(t0() + Duration::days(2) - Duration::minutes(1));
    assert_eq!(get(&demo, &tok, &path).await.status, 200);
    demo.state.clock.set(t0() + Duration::days(2));
    assert_error(&get(&demo, &tok, &path).await, 404, "not.found");
    demo.shutdown().await;
}
