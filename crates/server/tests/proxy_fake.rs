//! Proxy behaviour against a scriptable fake Genesys (faults on demand): single-flight token,
//! refresh at expiry, 401 retry, 429 handling, 502/504, pass-through headers, the user's token.

mod common;

use common::fake::{self, CLIENT_ID, SECRET};
use common::{CONV_ID, Lens, real_config, temp_dist};
use std::sync::atomic::Ordering;
use std::time::Duration;

async fn start(base: &str, secret: &str) -> Lens {
    Lens::real(base, secret).await
}

fn conv_path() -> String {
    format!("/api/v2/conversations/{CONV_ID}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_token_request_for_1000_concurrent_calls() {
    let f = fake::spawn().await;
    // A slow token endpoint makes every caller arrive while the first fetch is in flight.
    f.script.token_delay_ms.store(200, Ordering::SeqCst);
    let s = start(&f.base_url, SECRET).await;
    let n = common::affordable_concurrency(1000);
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..n {
        let l = s.clone();
        set.spawn(async move { l.get(&conv_path()).await.status });
    }
    let mut ok = 0;
    while let Some(r) = set.join_next().await {
        if r.expect("join") == 200 {
            ok += 1;
        }
    }
    assert_eq!(ok, n);
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 1);
    assert_eq!(s.state.upstream.tokens.requests(), 1);
    assert_eq!(f.script.api_requests.load(Ordering::SeqCst), n as u64);
}

/// The same property without sockets per caller: 1000 concurrent `get()`s on one token source.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn token_source_single_flight_for_1000_concurrent_callers() {
    let f = fake::spawn().await;
    f.script.token_delay_ms.store(200, Ordering::SeqCst);
    let http = server::upstream::http_client(Duration::from_secs(5)).expect("client");
    let creds = server::config::Credentials {
        client_id: CLIENT_ID.into(),
        client_secret: server::secret::Secret::new(SECRET),
    };
    let tokens = std::sync::Arc::new(server::token::TokenSource::new(http, &f.base_url, creds));
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..1000 {
        let t = tokens.clone();
        set.spawn(async move { t.get().await.map(|s| s.expose().to_string()) });
    }
    let mut got = std::collections::HashSet::new();
    while let Some(r) = set.join_next().await {
        got.insert(r.expect("join").expect("token"));
    }
    assert_eq!(got.len(), 1, "everyone got the same token");
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 1);
    assert_eq!(tokens.requests(), 1);
}

#[tokio::test]
async fn token_is_refreshed_before_expiry() {
    let f = fake::spawn().await;
    f.script.token_ttl_secs.store(1, Ordering::SeqCst); // refresh margin = half = 0.5 s
    let s = start(&f.base_url, SECRET).await;
    assert_eq!(s.get(&conv_path()).await.status, 200);
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 1);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(s.get(&conv_path()).await.status, 200);
    assert_eq!(
        f.script.token_requests.load(Ordering::SeqCst),
        2,
        "a new token after the refresh point"
    );
    // The old token was never sent after its refresh point, so no 401 happened.
    assert!(
        f.script
            .seen_auth
            .lock()
            .expect("lock")
            .iter()
            .all(|a| a.starts_with("Bearer fake-token-"))
    );
}

#[tokio::test]
async fn upstream_401_clears_the_cache_and_retries_once() {
    let f = fake::spawn().await;
    let s = start(&f.base_url, SECRET).await;
    assert_eq!(s.get(&conv_path()).await.status, 200);
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 1);

    // Revoked once: new token, retried, success.
    f.script.fail_401.store(1, Ordering::SeqCst);
    let before = f.script.api_requests.load(Ordering::SeqCst);
    assert_eq!(s.get(&conv_path()).await.status, 200);
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 2);
    assert_eq!(f.script.api_requests.load(Ordering::SeqCst) - before, 2);

    // Still 401 after the retry: passed through unchanged, no loop.
    f.script.fail_401.store(5, Ordering::SeqCst);
    let before = f.script.api_requests.load(Ordering::SeqCst);
    let r = s
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["code"], "bad.credentials");
    assert_eq!(r.header("inin-correlation-id"), Some("ctx-1"));
    assert_eq!(
        f.script.api_requests.load(Ordering::SeqCst) - before,
        2,
        "exactly one retry"
    );
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn short_429_is_waited_out_once_long_one_passes_through() {
    let f = fake::spawn().await;
    let s = start(&f.base_url, SECRET).await;
    let path = format!("/api/v2/conversations/{CONV_ID}");

    f.script.fail_429.store(1, Ordering::SeqCst);
    f.script.retry_after_secs.store(1, Ordering::SeqCst);
    let r = s.send("GET", &path, &[], "").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-lens-retried-after-ms"), Some("1000"));
    assert_eq!(f.script.api_requests.load(Ordering::SeqCst), 2);

    f.script.fail_429.store(1, Ordering::SeqCst);
    f.script.retry_after_secs.store(30, Ordering::SeqCst);
    let r = s.send("GET", &path, &[], "").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.json()["code"], "too.many.requests");
    assert_eq!(r.header("retry-after"), Some("30"));
    assert_eq!(r.header("x-lens-retry-after-secs"), Some("30"));
    assert_eq!(
        f.script.api_requests.load(Ordering::SeqCst),
        3,
        "no retry for a long wait"
    );

    // Two short 429s in a row: one wait, then the second 429 goes to the app.
    f.script.fail_429.store(2, Ordering::SeqCst);
    f.script.retry_after_secs.store(0, Ordering::SeqCst);
    let r = s.send("GET", &path, &[], "").await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn teaching_headers_pass_others_do_not() {
    let f = fake::spawn().await;
    let s = start(&f.base_url, SECRET).await;
    let r = s
        .send(
            "GET",
            &format!("/api/v2/conversations/{CONV_ID}"),
            &[("Cookie", "a=b")],
            "",
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["id"], CONV_ID);
    assert_eq!(r.header("inin-correlation-id"), Some("corr-42"));
    assert_eq!(r.header("inin-ratelimit-count"), Some("1"));
    assert_eq!(r.header("set-cookie"), None);
    assert_eq!(r.header("access-control-allow-origin"), None);
    assert_eq!(r.header("x-lens-auth"), Some("server-token"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let timing = r.header("server-timing").expect("server-timing");
    assert!(
        timing.starts_with("token;dur=") && timing.contains(", upstream;dur="),
        "{timing}"
    );
    let seen = f.script.seen_headers.lock().expect("lock");
    assert!(
        seen.iter().all(|h| !h.contains_key("cookie")),
        "browser cookies are not forwarded"
    );
}

#[tokio::test]
async fn the_users_own_token_is_forwarded_instead() {
    let f = fake::spawn().await;
    let s = start(&f.base_url, SECRET).await;
    let r = s
        .send(
            "GET",
            "/api/v2/tokens/me",
            &[("Authorization", "Bearer user-secret-token")],
            "",
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-lens-auth"), Some("your-token"));
    assert_eq!(
        f.script.token_requests.load(Ordering::SeqCst),
        0,
        "no server token needed"
    );
    assert_eq!(
        f.script.seen_auth.lock().expect("lock").as_slice(),
        ["Bearer user-secret-token"]
    );
    assert!(!r.all_text().contains("user-secret-token"));

    let r = s
        .send(
            "GET",
            "/api/v2/tokens/me",
            &[("Authorization", "Basic Zm9vOmJhcg==")],
            "",
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["code"], "lens.authorization.invalid");
}

#[tokio::test]
async fn json_bodies_are_checked_and_forwarded_unchanged() {
    let f = fake::spawn().await;
    let s = start(&f.base_url, SECRET).await;
    let p = "/api/v2/analytics/conversations/details/query";
    let body = r#"{"interval":"2026-05-13T00:00:00.000Z/2026-05-14T00:00:00.000Z"}"#;
    let json = [("Content-Type", "application/json; charset=utf-8")];
    let r = s.send("POST", p, &json, body).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["received"], body.len());
    assert_eq!(r.json()["contentType"], "application/json");

    let r = s
        .send("POST", p, &[("Content-Type", "text/plain")], body)
        .await;
    assert_eq!(
        (r.status, r.json()["code"].as_str()),
        (415, Some("lens.unsupported.media.type"))
    );
    let r = s.send("POST", p, &json, "{not json").await;
    assert_eq!(
        (r.status, r.json()["code"].as_str()),
        (400, Some("lens.body.invalid"))
    );
    let r = s.send("POST", p, &json, "[1,2]").await;
    assert_eq!(r.status, 400);
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(70 * 1024));
    let r = s.send("POST", p, &json, &big).await;
    assert_eq!(
        (r.status, r.json()["code"].as_str()),
        (413, Some("lens.body.too.large"))
    );
    assert_eq!(
        f.script.api_requests.load(Ordering::SeqCst),
        1,
        "refused bodies never reach upstream"
    );
}

#[tokio::test]
async fn unreachable_upstream_is_502_and_timeout_is_504() {
    // A port that was free a moment ago: nothing listens there.
    let l = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let dead = format!("http://{}", l.local_addr().expect("addr"));
    drop(l);
    let s = start(&dead, SECRET).await;
    let r = s
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(r.status, 502);
    assert_eq!(r.json()["code"], "lens.token.unreachable");
    assert!(
        !r.body.contains(&dead[7..]),
        "no internal addresses in the message: {}",
        r.body
    );

    // Token fine, API host down: 502 lens.upstream.unreachable.
    let f = fake::spawn().await;
    let mut cfg = real_config(&dead, CLIENT_ID, SECRET, temp_dist("api-down"));
    if let server::config::Mode::Real(up) = &mut cfg.mode {
        up.login_url = f.base_url.clone();
    }
    let s = Lens::new(cfg).await;
    let r = s
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(r.status, 502);
    assert_eq!(r.json()["code"], "lens.upstream.unreachable");
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 1);

    f.script.api_delay_ms.store(3_000, Ordering::SeqCst);
    let mut cfg = real_config(&f.base_url, CLIENT_ID, SECRET, temp_dist("timeout"));
    cfg.upstream_timeout = Duration::from_secs(1);
    let s = Lens::new(cfg).await;
    let r = s
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(r.status, 504);
    assert_eq!(r.json()["code"], "lens.upstream.timeout");
}

#[tokio::test]
async fn refused_credentials_are_a_clear_502_without_the_secret() {
    let f = fake::spawn().await;
    let s = start(&f.base_url, "wrong-secret-value").await;
    let r = s
        .send("GET", &format!("/api/v2/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(r.status, 502);
    assert_eq!(r.json()["code"], "lens.token.refused");
    assert!(
        r.json()["message"]
            .as_str()
            .unwrap_or("")
            .contains("HTTP 401")
    );
    assert!(!r.all_text().contains("wrong-secret-value"));
    let h = s.send("GET", "/api/health", &[], "").await;
    assert_eq!(h.json()["mode"], "real");
    assert!(!h.all_text().contains("wrong-secret-value"));
    assert!(!h.all_text().contains(CLIENT_ID) || h.json().get("clientId").is_none());
}
