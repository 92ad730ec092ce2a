//! The server against the demo org over real HTTP on loopback: the embedded demo mode, and the
//! standalone demo org as an upstream for token caching, refresh, 401-retry and 429.

mod common;

use common::{CONV_ID, raw, real_config, temp_dist};
use demo_org::DemoConfig;
use demo_org::clients::DEMO_CLIENTS;
use server::config::{Config, DemoKnobs, Mode};
use std::time::Duration;

fn full_client() -> (&'static str, &'static str) {
    let c = DEMO_CLIENTS.first().expect("demo clients");
    (c.id, c.secret)
}

async fn demo_upstream(cfg: DemoConfig) -> demo_org::RunningDemo {
    demo_org::spawn(cfg).await.expect("demo org")
}

async fn server_for(base: &str) -> server::RunningServer {
    let (id, secret) = full_client();
    server::start(real_config(base, id, secret, temp_dist("demo")))
        .await
        .expect("start")
}

#[tokio::test]
async fn embedded_demo_mode_end_to_end() {
    let cfg = Config {
        listen: "127.0.0.1:0".parse().expect("addr"),
        dist: temp_dist("embedded"),
        allowed_hosts: vec![],
        allowed_origins: vec![],
        upstream_timeout: Duration::from_secs(10),
        mode: Mode::Demo(DemoKnobs::default()),
        notes: vec![],
    };
    let s = server::start(cfg).await.expect("start");
    assert!(s.demo.is_some());
    assert_eq!(s.describe_mode(), "demo org");

    let h = raw(s.addr, "GET", "/api/health", &[], "").await;
    assert_eq!(h.status, 200);
    assert_eq!(h.json()["status"], "ok");
    assert_eq!(h.json()["mode"], "demo");
    assert_eq!(h.json()["region"], "demo");

    let sc = raw(s.addr, "GET", "/api/demo/scenarios", &[], "").await;
    assert_eq!(sc.status, 200);
    let list = sc.json();
    let scenarios = list.as_array().expect("a list of scenarios");
    assert!(!scenarios.is_empty());

    let cl = raw(s.addr, "GET", "/api/demo/clients", &[], "").await;
    assert_eq!(cl.status, 200);
    assert!(
        cl.json()
            .as_array()
            .is_some_and(|a| a.len() == DEMO_CLIENTS.len())
    );
    for c in DEMO_CLIENTS {
        assert!(
            !cl.body.contains(c.secret),
            "demo client secrets are stripped"
        );
    }
    assert!(!cl.body.contains("\"secret\""));

    // A limited demo client's token for the "use your own token" path: 403 on analytics.
    let json = ("Content-Type", "application/json");
    let t = raw(
        s.addr,
        "POST",
        "/api/demo/token",
        &[json],
        r#"{"client":"lens-demo-no-analytics"}"#,
    )
    .await;
    assert_eq!(t.status, 200, "{}", t.body);
    let limited = t.json()["access_token"]
        .as_str()
        .expect("access_token")
        .to_string();
    let bearer = format!("Bearer {limited}");
    let first = scenarios[0]["conversationId"].as_str().expect("id");
    let a = raw(
        s.addr,
        "GET",
        &format!("/api/v2/analytics/conversations/{first}/details"),
        &[("Authorization", bearer.as_str())],
        "",
    )
    .await;
    assert_eq!(a.status, 403, "{}", a.body);
    assert_eq!(a.json()["code"], "missing.any.permissions");
    assert_eq!(a.header("x-lens-auth"), Some("your-token"));
    // Never the server's own client, never an unknown one, never cross-origin.
    let own = raw(
        s.addr,
        "POST",
        "/api/demo/token",
        &[json],
        r#"{"client":"lens-demo-full"}"#,
    )
    .await;
    assert_eq!(
        (own.status, own.json()["code"].as_str()),
        (400, Some("lens.demo.unknown.client"))
    );
    assert!(
        own.json()["message"]
            .as_str()
            .is_some_and(|m| m.contains("lens-demo-no-analytics"))
    );
    let x = raw(
        s.addr,
        "POST",
        "/api/demo/token",
        &[json, ("Origin", "http://evil.example")],
        r#"{"client":"lens-demo-no-analytics"}"#,
    )
    .await;
    assert_eq!(x.status, 403);

    // Both API families answer through the proxy for the scenario conversations.
    let mut conversations_ok = 0;
    for sc in scenarios {
        let id = sc["conversationId"].as_str().expect("conversationId");
        let r = raw(
            s.addr,
            "GET",
            &format!("/api/v2/conversations/{id}"),
            &[],
            "",
        )
        .await;
        assert!(
            r.status == 200 || r.status == 404,
            "{}: {}",
            r.status,
            r.body
        );
        if r.status == 200 {
            conversations_ok += 1;
            assert_eq!(r.json()["id"], id);
        }
        let a = raw(
            s.addr,
            "GET",
            &format!("/api/v2/analytics/conversations/{id}/details"),
            &[],
            "",
        )
        .await;
        assert!(
            a.status == 200 || a.status == 404,
            "{}: {}",
            a.status,
            a.body
        );
        assert!(a.header("server-timing").is_some());
    }
    assert!(conversations_ok > 0);

    // The analytics retention setting is readable (the query lab's past-retention check), never
    // writable: Genesys' PUT changes the org's retention.
    let r = raw(
        s.addr,
        "GET",
        "/api/v2/analytics/dataretention/settings",
        &[],
        "",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["retentionDays"], 90);
    let put = raw(
        s.addr,
        "PUT",
        "/api/v2/analytics/dataretention/settings",
        &[json],
        r#"{"retentionDays":90}"#,
    )
    .await;
    assert_eq!(
        (put.status, put.json()["code"].as_str()),
        (404, Some("lens.not.allowed")),
        "{}",
        put.body
    );

    // An unknown ID: the demo org's own 404 ErrorBody and correlation id, unchanged.
    let r = raw(
        s.addr,
        "GET",
        &format!("/api/v2/conversations/{CONV_ID}"),
        &[],
        "",
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["code"], "not.found");
    assert!(r.header("inin-correlation-id").is_some());
    assert_eq!(
        s.state.upstream.tokens.requests(),
        1,
        "one token for all of the above"
    );
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_token_request_for_1000_concurrent_calls_to_the_demo_org() {
    let demo = demo_upstream(DemoConfig {
        rate_limit_per_minute: 1_000_000,
        ..DemoConfig::default()
    })
    .await;
    let s = server_for(&demo.base_url).await;
    let client = common::client();
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..common::affordable_concurrency(1000) {
        let (c, url) = (
            client.clone(),
            format!("{}api/v2/conversations/{CONV_ID}", s.url),
        );
        set.spawn(async move { c.get(url).send().await.map(|r| r.status().as_u16()) });
    }
    while let Some(r) = set.join_next().await {
        // Unknown id → the demo org's 404: what matters is that each call was authorised.
        assert_eq!(r.expect("join").expect("request"), 404);
    }
    assert_eq!(s.state.upstream.tokens.requests(), 1);
}

#[tokio::test]
async fn token_is_refreshed_at_expiry_without_a_401() {
    let demo = demo_upstream(DemoConfig {
        token_ttl_secs: 1,
        ..DemoConfig::default()
    })
    .await;
    let s = server_for(&demo.base_url).await;
    let path = format!("/api/v2/conversations/{CONV_ID}");
    assert_eq!(raw(s.addr, "GET", &path, &[], "").await.status, 404);
    tokio::time::sleep(Duration::from_millis(1_100)).await; // past the token's whole life
    assert_eq!(
        raw(s.addr, "GET", &path, &[], "").await.status,
        404,
        "not 401: refreshed first"
    );
    assert_eq!(s.state.upstream.tokens.requests(), 2);
}

#[tokio::test]
async fn a_401_from_the_api_clears_the_token_and_retries_exactly_once() {
    // Tokens come from org A, the API is org B, which knows none of them: every call is 401.
    let a = demo_upstream(DemoConfig::default()).await;
    let b = demo_upstream(DemoConfig::default()).await;
    let (id, secret) = full_client();
    let mut cfg = real_config(&b.base_url, id, secret, temp_dist("401"));
    if let Mode::Real(up) = &mut cfg.mode {
        up.login_url = a.base_url.clone();
    }
    let s = server::start(cfg).await.expect("start");
    let r = raw(
        s.addr,
        "GET",
        &format!("/api/v2/conversations/{CONV_ID}"),
        &[],
        "",
    )
    .await;
    assert_eq!(
        r.status, 401,
        "the API's answer is passed through after one retry"
    );
    assert!(r.json()["code"].is_string());
    assert_eq!(
        s.state.upstream.tokens.requests(),
        2,
        "one refresh, no loop"
    );
}

#[tokio::test]
async fn rate_limit_429_with_a_long_wait_is_passed_to_the_app() {
    let demo = demo_upstream(DemoConfig {
        rate_limit_per_minute: 2,
        ..DemoConfig::default()
    })
    .await;
    let s = server_for(&demo.base_url).await;
    let path = format!("/api/v2/conversations/{CONV_ID}");
    let mut last = None;
    for _ in 0..3 {
        last = Some(raw(s.addr, "GET", &path, &[], "").await);
    }
    let r = last.expect("three calls");
    assert_eq!(r.status, 429);
    assert_eq!(r.json()["code"], "too.many.requests");
    let wait: u64 = r
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!(wait > 2, "a minute window leaves a long wait");
    assert_eq!(
        r.header("x-lens-retry-after-secs"),
        Some(wait.to_string().as_str())
    );
    assert!(r.header("inin-ratelimit-allowed").is_some());
}

#[tokio::test]
async fn injected_5xx_passes_through_unchanged() {
    let demo = demo_upstream(DemoConfig::default()).await;
    let s = server_for(&demo.base_url).await;
    let arm = common::client()
        .post(format!("{}/demo/faults", demo.base_url))
        .json(&serde_json::json!({"status": 503, "count": 1}))
        .send()
        .await
        .expect("arm");
    assert!(arm.status().is_success());
    let r = raw(
        s.addr,
        "GET",
        &format!("/api/v2/conversations/{CONV_ID}"),
        &[],
        "",
    )
    .await;
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["code"], "service.unavailable");
}

#[tokio::test]
async fn demo_endpoints_are_404_in_real_mode() {
    let demo = demo_upstream(DemoConfig::default()).await;
    let s = server_for(&demo.base_url).await;
    for (m, p) in [
        ("GET", "/api/demo/scenarios"),
        ("GET", "/api/demo/clients"),
        ("POST", "/api/demo/token"),
    ] {
        let r = raw(
            s.addr,
            m,
            p,
            &[("Content-Type", "application/json")],
            r#"{"client":"lens-demo-no-analytics"}"#,
        )
        .await;
        assert_eq!(r.status, 404);
        assert_eq!(r.json()["code"], "lens.demo.only");
    }
    let h = raw(s.addr, "GET", "/api/health", &[], "").await;
    assert_eq!(h.json()["mode"], "real");
    assert_eq!(h.json()["region"], "custom");
    assert!(!h.all_text().contains(full_client().1));
}
