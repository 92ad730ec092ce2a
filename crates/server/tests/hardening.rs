//! Everything the proxy must refuse, and the headers/static behaviour the browser relies on.
//! The fake upstream counts calls, proving refused requests never reach Genesys. Encoding tricks
//! and forged `Host` headers go over a raw socket (byte-for-byte); the rest is in-process.

mod common;

use common::fake::{self, CLIENT_ID, SECRET};
use common::{CONV_ID, Lens, RawResponse, raw, real_config, temp_dist};
use std::sync::atomic::Ordering;

async fn setup() -> (fake::Fake, server::RunningServer) {
    let f = fake::spawn().await;
    let s = server::start(real_config(
        &f.base_url,
        CLIENT_ID,
        SECRET,
        temp_dist("hardening"),
    ))
    .await
    .expect("start");
    (f, s)
}

async fn setup_lens() -> (fake::Fake, Lens) {
    let f = fake::spawn().await;
    let lens = Lens::real(&f.base_url, SECRET).await;
    (f, lens)
}

fn assert_security_headers(r: &RawResponse, what: &str) {
    assert_eq!(
        r.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{what}");
    assert_eq!(r.header("x-frame-options"), Some("DENY"), "{what}");
    assert!(
        r.header("content-security-policy")
            .is_some_and(|c| c.contains("frame-ancestors 'none'")),
        "{what}"
    );
    assert_eq!(
        r.header("access-control-allow-origin"),
        None,
        "{what}: no CORS"
    );
    assert!(
        r.header("permissions-policy")
            .is_some_and(|p| p.contains("camera=()") && p.contains("geolocation=()")),
        "{what}: powerful features off"
    );
}

#[tokio::test]
async fn disallowed_paths_methods_and_encoding_tricks_are_refused() {
    let (f, s) = setup().await;
    let cases: Vec<(&str, String, u16)> = vec![
        ("GET", "/api/v2/users".into(), 404),
        ("POST", "/api/v2/users/me".into(), 404),
        ("GET", "/api/v2/conversations".into(), 404),
        ("GET", "/api/v2/conversations/calls".into(), 404),
        ("GET", "/api/v2/oauth/clients".into(), 404),
        (
            "GET",
            "/api/v2/analytics/conversations/details/query".into(),
            404,
        ),
        ("GET", "/api/v3/conversations".into(), 404),
        ("GET", "/api/whatever".into(), 404),
        ("POST", "/oauth/token".into(), 405),
        ("PUT", format!("/api/v2/conversations/{CONV_ID}"), 404),
        ("PATCH", format!("/api/v2/conversations/{CONV_ID}"), 404),
        ("DELETE", format!("/api/v2/conversations/{CONV_ID}"), 404),
        ("POST", format!("/api/v2/conversations/{CONV_ID}"), 404),
        ("OPTIONS", format!("/api/v2/conversations/{CONV_ID}"), 404),
        ("TRACE", format!("/api/v2/conversations/{CONV_ID}"), 404),
        (
            "DELETE",
            "/api/v2/analytics/conversations/details/jobs/availability".into(),
            404,
        ),
        (
            "GET",
            format!("/api/v2/conversations/{CONV_ID}/../../users/me"),
            400,
        ),
        ("GET", "/api/v2/conversations/../users/me".into(), 400),
        ("GET", "/api/v2/conversations/%2e%2e/users/me".into(), 400),
        (
            "GET",
            "/api/v2/conversations/%2E%2E%2fusers%2fme".into(),
            400,
        ),
        ("GET", format!("/api/v2/conversations%2f{CONV_ID}"), 400),
        ("GET", format!("/api/v2//conversations/{CONV_ID}"), 400),
        ("GET", format!("/api/v2/conversations//{CONV_ID}"), 400),
        ("GET", format!("/api/v2/conversations/{CONV_ID}/"), 400),
        ("GET", format!("/api/v2/conversations/./{CONV_ID}"), 400),
        ("GET", format!("/api/v2/conversations/{CONV_ID}%00"), 400),
        (
            "GET",
            format!("/api/v2/conversations/{CONV_ID};jsessionid=x"),
            400,
        ),
        ("GET", "/api/v2/conversations/123".into(), 400),
        ("GET", "/api/v2/conversations/not-a-uuid".into(), 400),
        (
            "GET",
            "/api/v2/analytics/conversations/x/details".into(),
            400,
        ),
        (
            "GET",
            "/api/v2/analytics/conversations/details?id=1,2".into(),
            400,
        ),
        ("GET", "/api/v2/analytics/conversations/details".into(), 400),
        (
            "GET",
            format!("/api/v2/conversations/{CONV_ID}?expand=all"),
            400,
        ),
        (
            "GET",
            format!("/api/v2/analytics/conversations/details/jobs/{CONV_ID}/results?pageSize=-1"),
            400,
        ),
        (
            "GET",
            format!("/api/v2/analytics/conversations/details/jobs/{CONV_ID}/results?url=http://x"),
            400,
        ),
    ];
    for (method, path, want) in &cases {
        let r = raw(s.addr, method, path, &[], "").await;
        assert_eq!(r.status, *want, "{method} {path}: {}", r.body);
        if *want != 405 {
            let code = r.json()["code"].as_str().unwrap_or("").to_string();
            assert!(code.starts_with("lens."), "{method} {path}: {code}");
        }
        assert_security_headers(&r, path);
    }
    let r = raw(s.addr, "GET", "/api/v2/users", &[], "").await;
    assert_eq!(
        r.json()["message"],
        "GET /api/v2/users is not allowed by Conversation Lens (read-only allow-list)"
    );
    assert_eq!(r.json()["code"], "lens.not.allowed");
    assert_eq!(
        f.script.api_requests.load(Ordering::SeqCst),
        0,
        "nothing refused reached upstream"
    );
    assert_eq!(
        f.script.token_requests.load(Ordering::SeqCst),
        0,
        "no token spent on refusals"
    );
}

#[tokio::test]
async fn forged_host_is_refused() {
    let (f, s) = setup().await;
    let path = format!("/api/v2/conversations/{CONV_ID}");
    for host in [
        "evil.example",
        "evil.example:8080",
        "127.0.0.1.nip.io",
        "localhost.evil.example",
        "attacker",
    ] {
        let r = raw(s.addr, "GET", &path, &[("Host", host)], "").await;
        assert_eq!(r.status, 421, "{host}");
        assert_eq!(r.json()["code"], "lens.host.rejected");
        assert_security_headers(&r, host);
        // The app page is refused too: a rebinding page must not even load.
        assert_eq!(
            raw(s.addr, "GET", "/", &[("Host", host)], "").await.status,
            421
        );
    }
    let port = s.addr.port();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("lens.test:{port}"),
    ] {
        assert_eq!(
            raw(s.addr, "GET", &path, &[("Host", host.as_str())], "")
                .await
                .status,
            200,
            "{host}"
        );
    }
    assert_eq!(f.script.api_requests.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn cross_origin_writes_are_refused() {
    let (f, s) = setup_lens().await;
    let q = "/api/v2/analytics/conversations/details/query";
    let del = format!("/api/v2/analytics/conversations/details/jobs/{CONV_ID}");
    let json = ("Content-Type", "application/json");
    for origin in [
        "http://evil.example",
        "null",
        "http://localhost:1",
        "https://127.0.0.1.nip.io",
    ] {
        let r = s.send("POST", q, &[json, ("Origin", origin)], "{}").await;
        assert_eq!(r.status, 403, "{origin}");
        assert_eq!(r.json()["code"], "lens.origin.rejected");
        let r = s.send("DELETE", &del, &[("Origin", origin)], "").await;
        assert_eq!(r.status, 403, "{origin}");
    }
    let r = s
        .send("POST", q, &[json, ("Sec-Fetch-Site", "cross-site")], "{}")
        .await;
    assert_eq!(r.status, 403);
    let r = s
        .send(
            "GET",
            &format!("/api/v2/conversations/{CONV_ID}"),
            &[("Sec-Fetch-Site", "cross-site")],
            "",
        )
        .await;
    assert_eq!(
        r.status, 403,
        "cross-site GETs would spend the org's rate limit"
    );
    assert_eq!(f.script.api_requests.load(Ordering::SeqCst), 0);

    let same = "http://localhost".to_string();
    let r = s
        .send(
            "POST",
            q,
            &[
                json,
                ("Origin", same.as_str()),
                ("Sec-Fetch-Site", "same-origin"),
            ],
            "{}",
        )
        .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn app_is_served_with_fallback_cache_headers_and_csp() {
    let (_f, s) = setup_lens().await;
    let index = s.send("GET", "/", &[], "").await;
    assert_eq!(index.status, 200);
    assert!(index.body.contains("<script type=\"module\">"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    let csp = index.header("content-security-policy").expect("csp");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
    assert_security_headers(&index, "index");

    let deep = s
        .send("GET", &format!("/conversations/{CONV_ID}"), &[], "")
        .await;
    assert_eq!(deep.status, 200, "deep links get the app, not 404");
    assert_eq!(deep.body, index.body);

    let asset = s.send("GET", "/app-0123456789abcdef.js", &[], "").await;
    assert_eq!(asset.status, 200);
    assert_eq!(
        asset.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_security_headers(&asset, "asset");

    let missing = s.send("GET", "/missing-file.js", &[], "").await;
    assert_eq!(missing.status, 404);

    let health = s.send("GET", "/api/health", &[], "").await;
    assert_security_headers(&health, "health");
    assert_eq!(health.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn static_files_never_leave_dist() {
    let (_f, s) = setup().await;
    let traversal = raw(s.addr, "GET", "/../../etc/passwd", &[], "").await;
    assert!(
        !traversal.body.contains("root:"),
        "at most the app shell, never a file outside dist/"
    );
    let enc = raw(s.addr, "GET", "/%2e%2e/%2e%2e/etc/passwd", &[], "").await;
    assert!(!enc.body.contains("root:"));
}

#[tokio::test]
async fn missing_dist_explains_how_to_build() {
    let f = fake::spawn().await;
    let nowhere = std::env::temp_dir().join(format!("lens-no-dist-{}", std::process::id()));
    let s = Lens::new(real_config(&f.base_url, CLIENT_ID, SECRET, nowhere)).await;
    let r = s.send("GET", "/", &[], "").await;
    assert_eq!(r.status, 503);
    assert!(r.body.contains("cargo xtask run"));
    assert_security_headers(&r, "not built");
    let deep = s.send("GET", "/conversations/x", &[], "").await;
    assert!(deep.body.contains("cargo xtask run"));
    assert_eq!(s.send("GET", "/api/health", &[], "").await.status, 200);
}
