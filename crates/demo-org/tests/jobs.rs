//! Async detail jobs over HTTP on a frozen clock that the test moves: QUEUED → PENDING →
//! FULFILLED, FAILED, CANCELLED, EXPIRED; results with cursors; availability; "had activity
//! during the interval" vs start-day matching; jobs only see data older than dataAvailabilityDate.

mod http_support;
mod support;

use chrono::Duration;
use demo_org::DemoConfig;
use http_support::*;
use serde_json::{Value, json};
use support::validator::Models;

/// Same shape as the query tests' org: a (05-18 23:30, 60 min), b (05-19 10:00), c (05-19 15:00),
/// d (05-20 11:00, live at t0 = 05-20 12:00), e (05-10).
fn org() -> FixtureOrg {
    FixtureOrg {
        specs: vec![
            Spec::new("a", "2026-05-18T23:30:00.000Z", Some(60)),
            Spec::new("b", "2026-05-19T10:00:00.000Z", Some(5)),
            Spec::new("c", "2026-05-19T15:00:00.000Z", Some(2)),
            Spec::new("d", "2026-05-20T11:00:00.000Z", Some(120)),
            Spec::new("e", "2026-05-10T09:00:00.000Z", Some(3)),
        ],
    }
}

/// Jobs take 10 s; the datalake lags 2 hours (so `d`, started 1 h ago, is not in it yet).
fn cfg() -> DemoConfig {
    DemoConfig {
        job_delay: std::time::Duration::from_secs(10),
        availability_lag: std::time::Duration::from_secs(2 * 3600),
        ..frozen_cfg()
    }
}

fn models() -> Models {
    Models::load().unwrap_or_else(|e| panic!("{e}"))
}

async fn submit(demo: &demo_org::RunningDemo, tok: &str, q: Value) -> String {
    let g = post_json(demo, tok, JOBS, &q).await;
    assert_eq!(g.status, 202, "job submission → 202: {}", g.body);
    models().assert_valid("AsyncQueryResponse", &g.body, "job submission");
    g.body["jobId"]
        .as_str()
        .unwrap_or_else(|| panic!("no jobId: {}", g.body))
        .to_owned()
}

async fn state(demo: &demo_org::RunningDemo, tok: &str, id: &str) -> Value {
    let g = get(demo, tok, &format!("{JOBS}/{id}")).await;
    assert_eq!(g.status, 200, "{}", g.body);
    models().assert_valid("AsyncQueryStatus", &g.body, "job status");
    g.body
}

async fn all_results(
    demo: &demo_org::RunningDemo,
    tok: &str,
    id: &str,
    page_size: usize,
) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut path = format!("{JOBS}/{id}/results?pageSize={page_size}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let g = get(demo, tok, &path).await;
        assert_eq!(g.status, 200, "{}", g.body);
        models().assert_valid(
            "AnalyticsConversationAsyncQueryResponse",
            &g.body,
            "job results",
        );
        out.extend(ids(&g.body));
        pages += 1;
        match g.body["cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
        assert!(pages < 100, "cursor never ends");
    }
    (out, pages)
}

#[tokio::test]
async fn lifecycle_queued_pending_fulfilled_expired_with_cursors() {
    let demo = spawn_fixture(cfg(), org()).await;
    let tok = full_token(&demo).await;
    let id = submit(
        &demo,
        &tok,
        json!({"interval": "2026-05-18T00:00:00.000Z/2026-05-20T00:00:00.000Z"}),
    )
    .await;

    let s = state(&demo, &tok, &id).await;
    assert_eq!(s["state"], "QUEUED");
    assert_eq!(s["submissionDate"], "2026-05-20T12:00:00.000Z");
    let g = get(&demo, &tok, &format!("{JOBS}/{id}/results")).await;
    assert_error(&g, 400, "bad.request");

    demo.state.clock.advance(Duration::seconds(5));
    assert_eq!(state(&demo, &tok, &id).await["state"], "PENDING");

    demo.state.clock.advance(Duration::seconds(5));
    let s = state(&demo, &tok, &id).await;
    assert_eq!(s["state"], "FULFILLED");
    assert_eq!(s["completionDate"], "2026-05-20T12:00:10.000Z");
    assert_eq!(s["expirationDate"], "2026-05-21T12:00:10.000Z");

    // pageSize 2 over a, b, c → two pages; the last has no cursor.
    let (got_ids, pages) = all_results(&demo, &tok, &id, 2).await;
    assert_eq!(got_ids, ["a", "b", "c"]);
    assert_eq!(pages, 2);

    // Results carry participant attributes and the datalake date.
    let g = get(&demo, &tok, &format!("{JOBS}/{id}/results")).await;
    assert_eq!(
        g.body["conversations"][0]["participants"][0]["attributes"]["accountNumber"],
        "AC-1"
    );
    assert_eq!(g.body["dataAvailabilityDate"], "2026-05-20T10:00:00.000Z");
    assert!(g.body.get("cursor").is_none());

    let g = get(&demo, &tok, &format!("{JOBS}/{id}/results?cursor=garbage")).await;
    assert_error(&g, 400, "bad.request");

    demo.state.clock.advance(Duration::days(1));
    assert_eq!(state(&demo, &tok, &id).await["state"], "EXPIRED");
    assert_error(
        &get(&demo, &tok, &format!("{JOBS}/{id}/results")).await,
        400,
        "bad.request",
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn activity_semantics_vs_start_of_day_matching_and_limit() {
    let demo = spawn_fixture(
        DemoConfig {
            job_delay: std::time::Duration::ZERO,
            ..cfg()
        },
        org(),
    )
    .await;
    let tok = full_token(&demo).await;
    let first_hour_of_19 = "2026-05-19T00:00:00.000Z/2026-05-19T01:00:00.000Z";

    // "had activity during the interval": a (23:30 → 00:30) overlaps the first hour of the 19th.
    let id = submit(&demo, &tok, json!({"interval": first_hour_of_19})).await;
    assert_eq!(
        state(&demo, &tok, &id).await["state"],
        "FULFILLED",
        "job_delay 0"
    );
    assert_eq!(all_results(&demo, &tok, &id, 100).await.0, ["a"]);

    // startOfDayIntervalMatching: what started on the touched day, like the sync query.
    let id = submit(
        &demo,
        &tok,
        json!({"interval": first_hour_of_19, "startOfDayIntervalMatching": true}),
    )
    .await;
    assert_eq!(all_results(&demo, &tok, &id, 100).await.0, ["b", "c"]);

    // Filters, order and limit apply.
    let q = json!({"interval": "2026-05-01T00:00:00.000Z/2026-05-20T00:00:00.000Z", "order": "desc", "limit": 2});
    let id = submit(&demo, &tok, q).await;
    assert_eq!(all_results(&demo, &tok, &id, 100).await.0, ["c", "b"]);
    let q = json!({"interval": "2026-05-01T00:00:00.000Z/2026-05-20T00:00:00.000Z",
        "conversationFilters": [{"type":"and","predicates":[{"dimension":"conversationId","value":"e"}]}]});
    let id = submit(&demo, &tok, q).await;
    assert_eq!(all_results(&demo, &tok, &id, 100).await.0, ["e"]);
    demo.shutdown().await;
}

#[tokio::test]
async fn jobs_only_see_data_older_than_the_availability_date() {
    let demo = spawn_fixture(
        DemoConfig {
            job_delay: std::time::Duration::ZERO,
            ..cfg()
        },
        org(),
    )
    .await;
    let tok = full_token(&demo).await;
    let g = get(&demo, &tok, &format!("{JOBS}/availability")).await;
    assert_eq!(g.status, 200);
    models().assert_valid("DataAvailabilityResponse", &g.body, "availability");
    assert_eq!(
        g.body["dataAvailabilityDate"], "2026-05-20T10:00:00.000Z",
        "now − availability lag"
    );

    let today = "2026-05-20T00:00:00.000Z/2026-05-21T00:00:00.000Z";
    // The sync query sees `d` (started 11:00)…
    assert_eq!(
        ids(&post_json(&demo, &tok, QUERY, &json!({"interval": today}))
            .await
            .body),
        ["d"]
    );
    // …the job, reading the datalake as of 10:00, does not.
    let id = submit(&demo, &tok, json!({"interval": today})).await;
    assert!(all_results(&demo, &tok, &id, 100).await.0.is_empty());
    // Availability moves with the clock.
    demo.state.clock.advance(Duration::hours(2));
    let g = get(&demo, &tok, &format!("{JOBS}/availability")).await;
    assert_eq!(g.body["dataAvailabilityDate"], "2026-05-20T12:00:00.000Z");
    let id = submit(&demo, &tok, json!({"interval": today})).await;
    assert_eq!(all_results(&demo, &tok, &id, 100).await.0, ["d"]);
    demo.shutdown().await;
}

#[tokio::test]
async fn failed_and_cancelled_jobs() {
    let demo = spawn_fixture(cfg(), org()).await;
    let tok = full_token(&demo).await;

    // Accepted, then FAILED with a message saying what was wrong.
    let id = submit(&demo, &tok, json!({"order": "desc"})).await;
    let s = state(&demo, &tok, &id).await;
    assert_eq!(s["state"], "FAILED");
    assert!(
        s["errorMessage"]
            .as_str()
            .is_some_and(|m| m.contains("interval")),
        "{s}"
    );

    // DELETE while queued: 202, then CANCELLED.
    let id = submit(
        &demo,
        &tok,
        json!({"interval": "2026-05-19T00:00:00.000Z/2026-05-20T00:00:00.000Z"}),
    )
    .await;
    let g = delete(&demo, &tok, &format!("{JOBS}/{id}")).await;
    assert_eq!(g.status, 202);
    assert!(g.correlation.is_some());
    demo.state.clock.advance(Duration::seconds(30));
    assert_eq!(state(&demo, &tok, &id).await["state"], "CANCELLED");
    assert_error(
        &get(&demo, &tok, &format!("{JOBS}/{id}/results")).await,
        400,
        "bad.request",
    );

    // DELETE once fulfilled: 204.
    let id = submit(
        &demo,
        &tok,
        json!({"interval": "2026-05-19T00:00:00.000Z/2026-05-20T00:00:00.000Z"}),
    )
    .await;
    demo.state.clock.advance(Duration::seconds(10));
    assert_eq!(state(&demo, &tok, &id).await["state"], "FULFILLED");
    assert_eq!(
        delete(&demo, &tok, &format!("{JOBS}/{id}")).await.status,
        204
    );
    assert_error(
        &delete(&demo, &tok, &format!("{JOBS}/no-such-job")).await,
        404,
        "not.found",
    );
    demo.shutdown().await;
}
