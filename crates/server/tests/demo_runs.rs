//! `POST /api/demo/scenarios/{scenarioId}/start`: a demo scenario started again, live from now,
//! through the server's router in-process (`oneshot`), with the embedded demo org behind it.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{real_config, temp_dist};
use http_body_util::BodyExt;
use server::security::HostPolicy;
use tower::ServiceExt;

async fn demo_server() -> server::RunningServer {
    server::start(common::demo_config(temp_dist("runs")))
        .await
        .expect("start")
}

/// One request through a fresh router of `s` (same state, same Host/Origin policy).
async fn call(
    s: &server::RunningServer,
    method: &str,
    path: &str,
    origin: Option<&str>,
) -> (StatusCode, serde_json::Value) {
    let host = format!("127.0.0.1:{}", s.addr.port());
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header("host", &host);
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    let app = server::app::router(s.state.clone(), HostPolicy::new(s.addr, &[]));
    let resp = app
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or_default())
}

fn same_origin(s: &server::RunningServer) -> String {
    format!("http://127.0.0.1:{}", s.addr.port())
}

fn runs_of(list: &serde_json::Value, scenario: &str) -> Vec<serde_json::Value> {
    list.as_array()
        .and_then(|l| l.iter().find(|s| s["id"] == scenario))
        .and_then(|s| s["runs"].as_array().cloned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_same_origin_start_makes_a_new_live_conversation_the_proxy_serves() {
    let s = demo_server().await;
    let origin = same_origin(&s);
    let path = "/api/demo/scenarios/hold-resume/start";
    let (status, body) = call(&s, "POST", path, Some(&origin)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["conversationId"]
        .as_str()
        .expect("conversationId")
        .to_owned();
    assert!(
        body["startTime"].as_str().is_some_and(|t| t.ends_with('Z')),
        "{body}"
    );

    let (status, conv) = call(&s, "GET", &format!("/api/v2/conversations/{id}"), None).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["id"], serde_json::Value::from(id.clone()));
    assert!(conv.get("endTime").is_none(), "live: {conv}");

    let (_, list) = call(&s, "GET", "/api/demo/scenarios", None).await;
    let runs = runs_of(&list, "hold-resume");
    assert_eq!(runs.len(), 1, "{list}");
    assert_eq!(runs[0]["conversationId"], serde_json::Value::from(id));
    assert_eq!(runs[0]["phase"]["name"], "live");
}

#[tokio::test]
async fn unknown_bad_or_cross_origin_starts_are_refused_with_clear_errors() {
    let s = demo_server().await;
    let origin = same_origin(&s);
    let (status, body) = call(&s, "POST", "/api/demo/scenarios/nope/start", Some(&origin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(
        body["code"], "not.found",
        "the demo org's Genesys-shaped 404"
    );

    let (status, body) = call(
        &s,
        "POST",
        "/api/demo/scenarios/Inbound_Answered/start",
        Some(&origin),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "lens.demo.bad.scenario.id");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("GET /api/demo/scenarios"))
    );

    let (status, body) = call(
        &s,
        "POST",
        "/api/demo/scenarios/inbound-answered/start",
        Some("http://evil.example"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["code"], "lens.origin.rejected");
    let (_, list) = call(&s, "GET", "/api/demo/scenarios", None).await;
    assert!(
        runs_of(&list, "inbound-answered").is_empty(),
        "nothing started: {list}"
    );

    let (status, _) = call(
        &s,
        "GET",
        "/api/demo/scenarios/inbound-answered/start",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn starting_a_scenario_is_demo_mode_only() {
    let demo = demo_org::spawn(demo_org::DemoConfig::default())
        .await
        .expect("demo org");
    let client = demo_org::clients::DEMO_CLIENTS
        .first()
        .expect("a demo client");
    let s = server::start(real_config(
        &demo.base_url,
        client.id,
        client.secret,
        temp_dist("runs-real"),
    ))
    .await
    .expect("start");
    let (status, body) = call(
        &s,
        "POST",
        "/api/demo/scenarios/inbound-answered/start",
        Some(&same_origin(&s)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["code"], "lens.demo.only");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("only in demo mode"))
    );
}
