//! Every error the demo org sends, over real HTTP on loopback: OAuth errors, 401/403/404/415/400,
//! 429 with Retry-After, injected 5xx — each an `ErrorBody` whose `contextId` equals the
//! `ININ-Correlation-Id` header, and which validates against the reference models.

mod http_support;
mod support;

use demo_org::DemoConfig;
use demo_org::clients::DEMO_CLIENTS;
use http_support::*;
use serde_json::{Value, json};
use support::validator::Models;

fn models() -> Models {
    Models::load().unwrap_or_else(|e| panic!("reference models: {e}"))
}

async fn some_conversation_id(demo: &demo_org::RunningDemo) -> String {
    demo_scenarios(demo).await[0]["conversationId"]
        .as_str()
        .unwrap_or_else(|| panic!("no conversationId"))
        .to_owned()
}

#[tokio::test]
async fn oauth_errors_follow_rfc_6749() {
    let demo = spawn(frozen_cfg()).await;
    let url = format!("{}/oauth/token", demo.base_url);
    let full = &DEMO_CLIENTS[0];

    // Wrong secret → 401 invalid_client.
    let r = http()
        .post(&url)
        .basic_auth(full.id, Some("wrong"))
        .form(&[("grant_type", "client_credentials")]);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(g.status, 401);
    assert_eq!(g.body["error"], "invalid_client");
    assert!(
        g.body["error_description"]
            .as_str()
            .is_some_and(|d| !d.is_empty())
    );
    assert!(
        g.correlation.is_some(),
        "correlation header on OAuth responses too"
    );

    // Unknown client in the form.
    let r = http().post(&url).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", "nobody"),
        ("client_secret", "x"),
    ]);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(
        (g.status, g.body["error"].as_str()),
        (401, Some("invalid_client"))
    );

    // Unsupported grant type.
    let r = http()
        .post(&url)
        .basic_auth(full.id, Some(full.secret))
        .form(&[("grant_type", "password")]);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(
        (g.status, g.body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );

    // Credentials in the form work as well as Basic auth.
    let r = http().post(&url).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", full.id),
        ("client_secret", full.secret),
    ]);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(g.status, 200);
    assert_eq!(g.body["token_type"], "bearer");
    assert_eq!(g.body["expires_in"], 86_400);
    demo.shutdown().await;
}

#[tokio::test]
async fn missing_unknown_and_expired_tokens_are_401() {
    let demo = spawn(DemoConfig {
        token_ttl_secs: 0,
        ..frozen_cfg()
    })
    .await;
    let id = some_conversation_id(&demo).await;
    let path = format!("/api/v2/conversations/{id}");
    let m = models();

    let g = got(http()
        .get(format!("{}{path}", demo.base_url))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_error(&g, 401, "authentication.required");
    m.assert_valid("ErrorBody", &g.body, "401 no token");

    let g = get(&demo, "not-a-token", &path).await;
    assert_error(&g, 401, "bad.credentials");

    // token_ttl_secs = 0: the token is expired as soon as it is issued.
    let expired = full_token(&demo).await;
    let g = get(&demo, &expired, &path).await;
    assert_error(&g, 401, "bad.credentials");
    m.assert_valid("ErrorBody", &g.body, "401 expired");
    demo.shutdown().await;
}

#[tokio::test]
async fn missing_permissions_are_403_naming_the_permission() {
    let demo = spawn(frozen_cfg()).await;
    let id = some_conversation_id(&demo).await;
    let no_analytics = token_for(&demo, "lens-demo-no-analytics").await;
    let no_conv = token_for(&demo, "lens-demo-no-conversations").await;
    let agent_only = token_for(&demo, "lens-demo-agent-analytics-only").await;
    let m = models();

    let g = get(&demo, &no_conv, &format!("/api/v2/conversations/{id}")).await;
    assert_error(&g, 403, "missing.any.permissions");
    assert!(
        g.body["message"]
            .as_str()
            .is_some_and(|s| s.contains("conversation:communication:view"))
    );
    m.assert_valid("ErrorBody", &g.body, "403");

    // Media-specific reads list no permission: they work without conversation:communication:view.
    let g = get(
        &demo,
        &no_conv,
        &format!("/api/v2/conversations/calls/{id}"),
    )
    .await;
    assert_eq!(g.status, 200, "{}", g.body);

    for path in [
        format!("/api/v2/analytics/conversations/{id}/details"),
        format!("/api/v2/analytics/conversations/details?id={id}"),
        "/api/v2/analytics/conversations/details/jobs/availability".to_owned(),
    ] {
        let g = get(&demo, &no_analytics, &path).await;
        assert_error(&g, 403, "missing.any.permissions");
        assert!(
            g.body["message"]
                .as_str()
                .is_some_and(|s| s.contains("analytics:conversationDetail:view")),
            "{path}"
        );
    }
    let q = json!({"interval": "2026-05-20T00:00:00.000Z/2026-05-21T00:00:00.000Z"});
    assert_error(
        &post_json(&demo, &no_analytics, QUERY, &q).await,
        403,
        "missing.any.permissions",
    );
    assert_error(
        &post_json(&demo, &no_analytics, JOBS, &q).await,
        403,
        "missing.any.permissions",
    );

    // analytics:agentConversationDetail:view opens the query but not jobs availability.
    assert_eq!(post_json(&demo, &agent_only, QUERY, &q).await.status, 200);
    let g = get(
        &demo,
        &agent_only,
        "/api/v2/analytics/conversations/details/jobs/availability",
    )
    .await;
    assert_error(&g, 403, "missing.any.permissions");
    demo.shutdown().await;
}

#[tokio::test]
async fn not_found_unsupported_media_type_and_bad_requests() {
    let demo = spawn(frozen_cfg()).await;
    let tok = full_token(&demo).await;
    let m = models();

    let g = get(
        &demo,
        &tok,
        "/api/v2/conversations/00000000-0000-4000-8000-000000000000",
    )
    .await;
    assert_error(&g, 404, "not.found");
    m.assert_valid("ErrorBody", &g.body, "404");
    assert_error(
        &get(&demo, &tok, "/api/v2/analytics/conversations/nope/details").await,
        404,
        "not.found",
    );
    assert_error(
        &get(&demo, &tok, "/api/v2/no/such/path").await,
        404,
        "not.found",
    );
    assert_error(
        &get(
            &demo,
            &tok,
            &format!("{JOBS}/00000000-0000-4000-8000-000000000000"),
        )
        .await,
        404,
        "not.found",
    );

    // POST without a JSON content type → 415.
    let r = http()
        .post(format!("{}{QUERY}", demo.base_url))
        .bearer_auth(&tok)
        .header("content-type", "text/plain")
        .body(r#"{"interval":"2026-05-20T00:00:00Z/2026-05-21T00:00:00Z"}"#);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_error(&g, 415, "unsupported.media.type");
    m.assert_valid("ErrorBody", &g.body, "415");

    // Broken JSON → 400 bad.request.
    let r = http()
        .post(format!("{}{QUERY}", demo.base_url))
        .bearer_auth(&tok)
        .header("content-type", "application/json")
        .body("{not json");
    assert_error(
        &got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await,
        400,
        "bad.request",
    );

    // Interval errors.
    assert_error(
        &post_json(&demo, &tok, QUERY, &json!({})).await,
        400,
        "bad.request",
    );
    let g = post_json(&demo, &tok, QUERY, &json!({"interval": "yesterday/today"})).await;
    assert_error(&g, 400, "invalid.date");
    m.assert_valid("ErrorBody", &g.body, "400 invalid.date");
    let g = post_json(
        &demo,
        &tok,
        QUERY,
        &json!({"interval": "2026-05-20T00:00:00Z/2026-05-21T00:00:00Z", "order": "sideways"}),
    )
    .await;
    assert_error(&g, 400, "invalid.value");
    demo.shutdown().await;
}

#[tokio::test]
async fn rate_limit_429_with_retry_after_and_headers() {
    let demo = spawn(DemoConfig {
        rate_limit_per_minute: 3,
        ..frozen_cfg()
    })
    .await;
    let tok = full_token(&demo).await;
    let path = "/api/v2/analytics/conversations/details/jobs/availability";
    for n in 1..=3 {
        let g = get(&demo, &tok, path).await;
        assert_eq!(g.status, 200);
        assert_eq!(
            g.headers
                .get("inin-ratelimit-allowed")
                .and_then(|v| v.to_str().ok()),
            Some("3")
        );
        assert_eq!(
            g.headers
                .get("inin-ratelimit-count")
                .and_then(|v| v.to_str().ok()),
            Some(n.to_string().as_str())
        );
    }
    let g = get(&demo, &tok, path).await;
    assert_error(&g, 429, "too.many.requests");
    assert_eq!(
        g.body["message"],
        "Rate limit exceeded the maximum [3] requests within [60] seconds"
    );
    let retry: u64 = g
        .headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no Retry-After"));
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    models().assert_valid("ErrorBody", &g.body, "429");

    // Another token has its own budget.
    let other = full_token(&demo).await;
    assert_eq!(get(&demo, &other, path).await.status, 200);
    demo.shutdown().await;
}

#[tokio::test]
async fn fault_injection_by_header_and_armed_plan() {
    let demo = spawn(frozen_cfg()).await;
    let tok = full_token(&demo).await;
    let path = "/api/v2/analytics/conversations/details/jobs/availability";

    let r = http()
        .get(format!("{}{path}", demo.base_url))
        .bearer_auth(&tok)
        .header("X-Demo-Fault", "503");
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_error(&g, 503, "service.unavailable");
    models().assert_valid("ErrorBody", &g.body, "503");

    let arm = json!({"status": 500, "count": 2, "pathPrefix": "/api/v2/analytics"});
    let r = http()
        .post(format!("{}/demo/faults", demo.base_url))
        .json(&arm);
    assert_eq!(
        r.send().await.unwrap_or_else(|e| panic!("{e}")).status(),
        201
    );
    assert_error(&get(&demo, &tok, path).await, 500, "internal.server.error");
    assert_error(&get(&demo, &tok, path).await, 500, "internal.server.error");
    assert_eq!(
        get(&demo, &tok, path).await.status,
        200,
        "fault count used up"
    );

    let arm = json!({"status": 504, "count": 5});
    let r = http()
        .post(format!("{}/demo/faults", demo.base_url))
        .json(&arm);
    assert_eq!(
        r.send().await.unwrap_or_else(|e| panic!("{e}")).status(),
        201
    );
    assert_error(&get(&demo, &tok, path).await, 504, "request.timeout");
    let r = http().delete(format!("{}/demo/faults", demo.base_url));
    assert_eq!(
        r.send().await.unwrap_or_else(|e| panic!("{e}")).status(),
        204
    );
    assert_eq!(get(&demo, &tok, path).await.status, 200, "disarmed");

    let bad = json!({"status": 418});
    let r = http()
        .post(format!("{}/demo/faults", demo.base_url))
        .json(&bad);
    assert_error(
        &got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await,
        400,
        "bad.request",
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn every_response_has_a_fresh_correlation_id() {
    let demo = spawn(frozen_cfg()).await;
    let tok = full_token(&demo).await;
    let mut seen = std::collections::HashSet::new();
    for path in [
        "/demo/clients",
        "/demo/scenarios",
        "/api/v2/tokens/me",
        "/nope",
    ] {
        let g = get(&demo, &tok, path).await;
        let id = g
            .correlation
            .unwrap_or_else(|| panic!("no ININ-Correlation-Id on {path}"));
        assert_eq!(id.len(), 36, "UUID-shaped: {id}");
        assert!(seen.insert(id), "ids are unique per request");
    }
    // tokens/me names the client (simplified TokenInfo).
    let g = get(&demo, &tok, "/api/v2/tokens/me").await;
    assert_eq!(g.body["OAuthClient"]["name"], "lens-demo-full");
    let v: Value = g.body;
    assert!(v["organization"]["id"].is_string());
    demo.shutdown().await;
}

#[tokio::test]
async fn wrong_method_and_non_form_token_requests() {
    let demo = spawn(frozen_cfg()).await;
    let tok = full_token(&demo).await;
    let id = some_conversation_id(&demo).await;
    let r = http()
        .put(format!("{}/api/v2/conversations/{id}", demo.base_url))
        .bearer_auth(&tok);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_error(&g, 405, "method.not.allowed");

    // A JSON token request is not an OAuth form: RFC 6749 invalid_request.
    let r = http()
        .post(format!("{}/oauth/token", demo.base_url))
        .json(&json!({"grant_type": "client_credentials"}));
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(
        (g.status, g.body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    // No credentials at all.
    let r = http()
        .post(format!("{}/oauth/token", demo.base_url))
        .form(&[("grant_type", "client_credentials")]);
    let g = got(r.send().await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(
        (g.status, g.body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    demo.shutdown().await;
}
