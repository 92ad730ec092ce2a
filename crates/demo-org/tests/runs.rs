//! Scenarios started again on demand: `POST /demo/scenarios/{scenarioId}/start` makes a fresh
//! conversation of that scenario beginning at the demo clock's now, served on every path like
//! the built-in ones, listed under its scenario in `GET /demo/scenarios`, and aged out beyond
//! `runs::MAX_RUNS`.

mod http_support;

use chrono::Duration;
use demo_org::DemoConfig;
use demo_org::runs::MAX_RUNS;
use http_support::*;
use serde_json::{Value, json};

fn cfg() -> DemoConfig {
    DemoConfig {
        job_delay: std::time::Duration::ZERO,
        availability_lag: std::time::Duration::ZERO,
        rate_limit_per_minute: 1_000_000,
        ..frozen_cfg()
    }
}

async fn start(demo: &demo_org::RunningDemo, scenario: &str) -> Got {
    let resp = http()
        .post(format!("{}/demo/scenarios/{scenario}/start", demo.base_url))
        .send()
        .await
        .unwrap_or_else(|e| panic!("start {scenario}: {e}"));
    got(resp).await
}

async fn started_id(demo: &demo_org::RunningDemo, scenario: &str) -> String {
    let g = start(demo, scenario).await;
    assert_eq!(g.status, 201, "{}", g.body);
    g.body["conversationId"]
        .as_str()
        .unwrap_or_else(|| panic!("no conversationId in {}", g.body))
        .to_owned()
}

fn participant_ids(conv: &Value) -> Vec<String> {
    conv["participants"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter_map(|p| p["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// (by-id status, in multi-get, in the details query over today, in a job over today).
async fn analytics_sees(
    demo: &demo_org::RunningDemo,
    tok: &str,
    id: &str,
) -> (u16, bool, bool, bool) {
    let by_id = get(
        demo,
        tok,
        &format!("/api/v2/analytics/conversations/{id}/details"),
    )
    .await;
    let multi = get(
        demo,
        tok,
        &format!("/api/v2/analytics/conversations/details?id={id}"),
    )
    .await;
    let day = &model::time::to_wire(&demo.state.now())[..10];
    let body = json!({
        "interval": format!("{day}T00:00:00.000Z/{day}T23:59:59.999Z"),
        "conversationFilters": [{"type": "and", "predicates": [{"dimension": "conversationId", "value": id}]}],
    });
    let q = post_json(demo, tok, QUERY, &body).await;
    assert_eq!(q.status, 200, "{}", q.body);
    let job = post_json(demo, tok, JOBS, &body).await;
    assert_eq!(job.status, 202, "{}", job.body);
    let job_id = job.body["jobId"].as_str().unwrap_or_default().to_owned();
    let res = get(demo, tok, &format!("{JOBS}/{job_id}/results")).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let has = |b: &Value| ids(b).iter().any(|c| c == id);
    (by_id.status, has(&multi.body), has(&q.body), has(&res.body))
}

#[tokio::test]
async fn a_started_run_is_a_fresh_conversation_that_lives_through_its_scenario_now() {
    let demo = spawn(cfg()).await;
    let tok = full_token(&demo).await;
    demo.state.clock.advance(Duration::hours(2));
    let builtin = demo_scenario(&demo, "inbound-answered").await;
    assert_eq!(builtin["phase"]["name"], "ended", "{builtin}");

    let g = start(&demo, "inbound-answered").await;
    assert_eq!(g.status, 201, "{}", g.body);
    assert_eq!(
        g.body["startTime"],
        model::time::to_wire(&demo.state.now()),
        "starts at the demo clock's now"
    );
    let id = g.body["conversationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(demo_org::ids::parse_uuid(&id).is_some(), "a uuid: {id}");
    assert_ne!(Value::from(id.clone()), builtin["conversationId"]);

    // Live in the Conversations API from the first instant, under fresh participant ids.
    let rt = get(&demo, &tok, &format!("/api/v2/conversations/{id}")).await;
    assert_eq!(rt.status, 200, "{}", rt.body);
    assert_eq!(rt.body["id"], Value::from(id.clone()));
    assert!(rt.body.get("endTime").is_none(), "live: no endTime");
    let old = get(
        &demo,
        &tok,
        &format!(
            "/api/v2/conversations/{}",
            builtin["conversationId"].as_str().unwrap_or_default()
        ),
    )
    .await;
    let fresh = participant_ids(&rt.body);
    assert!(!fresh.is_empty());
    assert!(
        fresh
            .iter()
            .all(|p| !participant_ids(&old.body).contains(p)),
        "participant ids are fresh"
    );
    let call = get(&demo, &tok, &format!("/api/v2/conversations/calls/{id}")).await;
    assert_eq!(call.status, 200, "media GET: {}", call.body);

    // Listed under its scenario with the phase of the start of its story.
    let listed = demo_scenario(&demo, "inbound-answered").await;
    let run = &listed["runs"][0];
    assert_eq!(run["conversationId"], Value::from(id.clone()), "{listed}");
    assert_eq!(run["scenarioId"], "inbound-answered");
    assert_eq!(run["phase"]["name"], "live");
    assert_eq!(
        listed["phase"]["name"], "ended",
        "the built-in one is unchanged"
    );
    demo.state.clock.advance(Duration::seconds(3));
    let listed = demo_scenario(&demo, "inbound-answered").await;
    assert_eq!(listed["runs"][0]["phase"]["label"], "in IVR", "{listed}");

    // Analytics has nothing yet (it lags), then everything once the call and wrap-up are done.
    assert_eq!(
        analytics_sees(&demo, &tok, &id).await,
        (404, false, false, false)
    );
    demo.state.clock.advance(Duration::minutes(30));
    assert_eq!(
        analytics_sees(&demo, &tok, &id).await,
        (200, true, true, true)
    );
    let rt = get(&demo, &tok, &format!("/api/v2/conversations/{id}")).await;
    assert!(rt.body.get("endTime").is_some(), "ended: {}", rt.body);
    let listed = demo_scenario(&demo, "inbound-answered").await;
    assert_eq!(listed["runs"][0]["phase"]["name"], "ended", "{listed}");
    demo.shutdown().await;
}

#[tokio::test]
async fn every_scenario_can_be_started_and_each_start_is_a_new_conversation() {
    let demo = spawn(cfg()).await;
    let tok = full_token(&demo).await;
    let list = demo_scenarios(&demo).await;
    for s in &list {
        let slug = s["id"].as_str().unwrap_or_default();
        let a = started_id(&demo, slug).await;
        let b = started_id(&demo, slug).await;
        assert_ne!(a, b, "{slug}: two starts, two conversations");
        let rt = get(&demo, &tok, &format!("/api/v2/conversations/{a}")).await;
        assert_eq!(rt.status, 200, "{slug}: {}", rt.body);
        assert!(
            rt.body.get("endTime").is_none(),
            "{slug}: live at its start"
        );
    }
    for s in demo_scenarios(&demo).await {
        let runs = s["runs"].as_array().map_or(0, Vec::len);
        assert_eq!(runs, 2, "{}: {s}", s["id"]);
    }
    demo.shutdown().await;
}

#[tokio::test]
async fn an_unknown_scenario_is_a_genesys_shaped_404() {
    let demo = spawn(cfg()).await;
    assert_error(&start(&demo, "no-such-scenario").await, 404, "not.found");
    // A conversation id is not a scenario id.
    let s = demo_scenario(&demo, "inbound-answered").await;
    let conv = s["conversationId"].as_str().unwrap_or_default();
    assert_error(&start(&demo, conv).await, 404, "not.found");
    demo.shutdown().await;
}

#[tokio::test]
async fn only_the_newest_runs_are_kept() {
    let demo = spawn(cfg()).await;
    let tok = full_token(&demo).await;
    let first = started_id(&demo, "abandoned-in-queue").await;
    for _ in 0..MAX_RUNS - 1 {
        started_id(&demo, "email").await;
    }
    let rt = get(&demo, &tok, &format!("/api/v2/conversations/{first}")).await;
    assert_eq!(rt.status, 200, "still kept at {MAX_RUNS} runs");
    started_id(&demo, "email").await;
    let rt = get(&demo, &tok, &format!("/api/v2/conversations/{first}")).await;
    assert_error(&rt, 404, "not.found");
    let a = get(
        &demo,
        &tok,
        &format!("/api/v2/analytics/conversations/{first}/details"),
    )
    .await;
    assert_error(&a, 404, "not.found");
    let listed = demo_scenarios(&demo).await;
    let kept: usize = listed
        .iter()
        .map(|s| s["runs"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(kept, MAX_RUNS);
    demo.shutdown().await;
}
