//! The server against the demo org: the embedded demo mode (in-process through the router, plus
//! a socket where the test is about sockets), and the standalone demo org as an upstream for
//! token caching, refresh, 401-retry and 429.

mod common;

use common::{CONV_ID, Lens, demo_config, raw, real_config, temp_dist};
use demo_org::DemoConfig;
use demo_org::clients::DEMO_CLIENTS;
use server::config::Mode;
use std::time::Duration;

const JSON: (&str, &str) = ("Content-Type", "application/json");

fn full_client() -> (&'static str, &'static str) {
    let c = DEMO_CLIENTS.first().expect("demo clients");
    (c.id, c.secret)
}

async fn demo_upstream(cfg: DemoConfig) -> demo_org::RunningDemo {
    demo_org::spawn(cfg).await.expect("demo org")
}

/// The server in-process against a standalone demo org at `base`, as the full-permission client.
async fn lens_for(base: &str) -> Lens {
    let (id, secret) = full_client();
    Lens::new(real_config(base, id, secret, temp_dist("demo"))).await
}

/// The server in demo mode (embedded demo org), in-process.
async fn embedded() -> Lens {
    Lens::new(demo_config(temp_dist("embedded"))).await
}

/// The embedded demo org's scenarios, through `GET /api/demo/scenarios`.
async fn scenarios(lens: &Lens) -> Vec<serde_json::Value> {
    let r = lens.get("/api/demo/scenarios").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let list = r.json().as_array().cloned().expect("a list of scenarios");
    assert!(!list.is_empty());
    list
}

#[tokio::test]
async fn embedded_demo_mode_starts_and_describes_itself() {
    let s = server::start(demo_config(temp_dist("embedded-start")))
        .await
        .expect("start");
    assert!(s.demo.is_some());
    assert_eq!(s.describe_mode(), "demo org");
    let h = raw(s.addr, "GET", "/api/health", &[], "").await;
    assert_eq!(h.status, 200);
    assert_eq!(h.json()["status"], "ok");
    assert_eq!(h.json()["mode"], "demo");
    assert_eq!(h.json()["region"], "demo");
    s.shutdown().await;
}

#[tokio::test]
async fn demo_lists_pass_through_without_client_secrets() {
    let lens = embedded().await;
    scenarios(&lens).await;
    let cl = lens.get("/api/demo/clients").await;
    assert_eq!(cl.status, 200);
    assert!(
        cl.json()
            .as_array()
            .is_some_and(|a| a.len() == DEMO_CLIENTS.len() + 1),
        "the client-credentials clients and the sign-in (PKCE) client"
    );
    for c in DEMO_CLIENTS {
        assert!(
            !cl.body.contains(c.secret),
            "demo client secrets are stripped"
        );
    }
    assert!(!cl.body.contains("\"secret\""));
}

#[tokio::test]
async fn a_limited_demo_clients_token_sees_what_that_client_may_see() {
    let lens = embedded().await;
    let t = lens
        .send(
            "POST",
            "/api/demo/token",
            &[JSON],
            r#"{"client":"lens-demo-no-analytics"}"#,
        )
        .await;
    assert_eq!(t.status, 200, "{}", t.body);
    let limited = t.json()["access_token"]
        .as_str()
        .expect("access_token")
        .to_string();
    let bearer = format!("Bearer {limited}");
    let first = scenarios(&lens).await[0]["conversationId"]
        .as_str()
        .expect("id")
        .to_string();
    let a = lens
        .send(
            "GET",
            &format!("/api/v2/analytics/conversations/{first}/details"),
            &[("Authorization", bearer.as_str())],
            "",
        )
        .await;
    assert_eq!(a.status, 403, "{}", a.body);
    assert_eq!(a.json()["code"], "missing.any.permissions");
    assert_eq!(a.header("x-lens-auth"), Some("your-token"));
}

#[tokio::test]
async fn demo_tokens_never_for_the_servers_own_client_an_unknown_one_or_another_origin() {
    let lens = embedded().await;
    let own = lens
        .send(
            "POST",
            "/api/demo/token",
            &[JSON],
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
    let x = lens
        .send(
            "POST",
            "/api/demo/token",
            &[JSON, ("Origin", "http://evil.example")],
            r#"{"client":"lens-demo-no-analytics"}"#,
        )
        .await;
    assert_eq!(x.status, 403);
    let bad = lens
        .send("POST", "/api/demo/token", &[JSON], r#"{"name":"x"}"#)
        .await;
    assert_eq!(
        (bad.status, bad.json()["code"].as_str()),
        (400, Some("lens.body.invalid"))
    );
}

#[tokio::test]
async fn every_scenario_answers_through_the_proxy_on_one_token() {
    let lens = embedded().await;
    let mut conversations_ok = 0;
    for sc in scenarios(&lens).await {
        let id = sc["conversationId"].as_str().expect("conversationId");
        let r = lens.get(&format!("/api/v2/conversations/{id}")).await;
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
        let a = lens
            .get(&format!("/api/v2/analytics/conversations/{id}/details"))
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
    assert_eq!(
        lens.state.upstream.tokens.requests(),
        1,
        "one token for all of the above"
    );
}

#[tokio::test]
async fn the_retention_setting_is_readable_never_writable() {
    // Readable for the query lab's past-retention check; Genesys' PUT would change the org's
    // retention.
    let lens = embedded().await;
    let r = lens.get("/api/v2/analytics/dataretention/settings").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["retentionDays"], 90);
    let put = lens
        .send(
            "PUT",
            "/api/v2/analytics/dataretention/settings",
            &[JSON],
            r#"{"retentionDays":90}"#,
        )
        .await;
    assert_eq!(
        (put.status, put.json()["code"].as_str()),
        (404, Some("lens.not.allowed")),
        "{}",
        put.body
    );
}

#[tokio::test]
async fn unknown_ids_and_legacy_chats_get_the_demo_orgs_own_answers() {
    let lens = embedded().await;
    // An unknown ID: the demo org's own 404 ErrorBody and correlation id, unchanged.
    let r = lens.get(&format!("/api/v2/conversations/{CONV_ID}")).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["code"], "not.found");
    assert!(r.header("inin-correlation-id").is_some());
    // The older web chat's read passes the allow-list and is answered by the demo org like the
    // other media-specific reads: no scenario is a web chat, so each is Genesys' 404.
    for sc in scenarios(&lens).await {
        let id = sc["conversationId"].as_str().expect("conversationId");
        let r = lens.get(&format!("/api/v2/conversations/chats/{id}")).await;
        assert_eq!(r.status, 404, "{id}: {}", r.body);
        assert_eq!(r.json()["code"], "not.found");
        assert_eq!(
            r.json()["contextId"],
            r.header("inin-correlation-id").unwrap_or("-")
        );
    }
    let w = lens
        .send(
            "DELETE",
            &format!("/api/v2/conversations/chats/{CONV_ID}"),
            &[],
            "",
        )
        .await;
    assert_eq!(w.json()["code"], "lens.not.allowed");
}

#[tokio::test]
async fn the_embedded_demo_org_refuses_forged_hosts_and_cross_origin_requests() {
    // It listens on loopback and serves its clients' secrets: the same guard as the server.
    let lens = embedded().await;
    let demo = lens.demo.as_ref().expect("embedded demo org").addr;
    let ok = raw(demo, "GET", "/demo/clients", &[], "").await;
    assert_eq!(ok.status, 200, "the server and programs still reach it");
    for host in ["evil.example", "127.0.0.1.nip.io:80", "attacker"] {
        let r = raw(demo, "GET", "/demo/clients", &[("Host", host)], "").await;
        assert_eq!(r.status, 421, "{host}");
        assert_eq!(r.json()["code"], "demo.host.rejected");
        assert!(!r.body.contains("secret"), "{}", r.body);
    }
    let x = raw(
        demo,
        "POST",
        "/demo/faults",
        &[JSON, ("Origin", "http://evil.example")],
        r#"{"status":503,"count":1}"#,
    )
    .await;
    assert_eq!(
        (x.status, x.json()["code"].as_str()),
        (403, Some("demo.origin.rejected"))
    );
    let xsite = raw(
        demo,
        "GET",
        "/demo/clients",
        &[("Sec-Fetch-Site", "cross-site")],
        "",
    )
    .await;
    assert_eq!(xsite.status, 403);
    // Nothing was armed: the server's next lookup is not a 503.
    let r = lens.get(&format!("/api/v2/conversations/{CONV_ID}")).await;
    assert_eq!(r.status, 404, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_token_request_for_1000_concurrent_calls_to_the_demo_org() {
    let demo = demo_upstream(DemoConfig {
        rate_limit_per_minute: 1_000_000,
        ..DemoConfig::default()
    })
    .await;
    let lens = lens_for(&demo.base_url).await;
    let mut set = tokio::task::JoinSet::new();
    // In-process callers cost no sockets of their own; each call still goes to the demo org.
    for _ in 0..common::affordable_concurrency(1000) {
        let l = lens.clone();
        set.spawn(async move {
            l.get(&format!("/api/v2/conversations/{CONV_ID}"))
                .await
                .status
        });
    }
    while let Some(r) = set.join_next().await {
        // Unknown id → the demo org's 404: what matters is that each call was authorised.
        assert_eq!(r.expect("join"), 404);
    }
    assert_eq!(lens.state.upstream.tokens.requests(), 1);
}

#[tokio::test]
async fn token_is_refreshed_at_expiry_without_a_401() {
    let demo = demo_upstream(DemoConfig {
        token_ttl_secs: 1,
        ..DemoConfig::default()
    })
    .await;
    let lens = lens_for(&demo.base_url).await;
    let path = format!("/api/v2/conversations/{CONV_ID}");
    assert_eq!(lens.get(&path).await.status, 404);
    tokio::time::sleep(Duration::from_millis(1_100)).await; // past the token's whole life
    assert_eq!(
        lens.get(&path).await.status,
        404,
        "not 401: refreshed first"
    );
    assert_eq!(lens.state.upstream.tokens.requests(), 2);
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
    let lens = Lens::new(cfg).await;
    let r = lens
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(
        r.status, 401,
        "the API's answer is passed through after one retry"
    );
    assert!(r.json()["code"].is_string());
    assert_eq!(
        lens.state.upstream.tokens.requests(),
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
    let lens = lens_for(&demo.base_url).await;
    let path = format!("/api/v2/conversations/{CONV_ID}");
    let mut last = None;
    for _ in 0..3 {
        last = Some(lens.get(&path).await);
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
    let lens = lens_for(&demo.base_url).await;
    let arm = common::client()
        .post(format!("{}/demo/faults", demo.base_url))
        .json(&serde_json::json!({"status": 503, "count": 1}))
        .send()
        .await
        .expect("arm");
    assert!(arm.status().is_success());
    let r = lens
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["code"], "service.unavailable");
}

#[tokio::test]
async fn demo_endpoints_are_404_in_real_mode() {
    let demo = demo_upstream(DemoConfig::default()).await;
    let lens = lens_for(&demo.base_url).await;
    for (m, p) in [
        ("GET", "/api/demo/scenarios"),
        ("GET", "/api/demo/clients"),
        ("POST", "/api/demo/token"),
    ] {
        let r = lens
            .send(
                m,
                p,
                &[("Content-Type", "application/json")],
                r#"{"client":"lens-demo-no-analytics"}"#,
            )
            .await;
        assert_eq!(r.status, 404);
        assert_eq!(r.json()["code"], "lens.demo.only");
    }
    let h = lens.send("GET", "/api/health", &[], "").await;
    assert_eq!(h.json()["mode"], "real");
    assert_eq!(h.json()["region"], "custom");
    assert!(!h.all_text().contains(full_client().1));
}
