//! The client secret and every token (the server's and the user's) never appear in a log line,
//! even at TRACE level for every crate (hyper, reqwest, axum included). Own test binary because
//! it installs a global subscriber.

mod common;

use common::fake::{self, CLIENT_ID, SECRET};
use common::{CONV_ID, raw, real_config, temp_dist};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_and_tokens_never_reach_logs_or_responses() {
    let capture = Capture::default();
    let writer = capture.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let f = fake::spawn().await;
    let s = server::start(real_config(
        &f.base_url,
        CLIENT_ID,
        SECRET,
        temp_dist("logs"),
    ))
    .await
    .expect("start");
    let mut seen = String::new();
    let conv = format!("/api/v2/conversations/{CONV_ID}");
    for (method, path, headers, body) in [
        ("GET", conv.as_str(), vec![], ""),
        (
            "GET",
            "/api/v2/tokens/me",
            vec![("Authorization", "Bearer user-TOPSECRET-token")],
            "",
        ),
        (
            "GET",
            "/api/v2/tokens/me",
            vec![("Authorization", "Basic dXNlci1UT1BTRUNSRVQ=")],
            "",
        ),
        ("GET", "/api/health", vec![], ""),
        ("GET", "/api/v2/users/me", vec![], ""),
        (
            "POST",
            "/api/v2/analytics/conversations/details/query",
            vec![("Content-Type", "application/json")],
            "{}",
        ),
        ("GET", conv.as_str(), vec![("Host", "evil.example")], ""),
    ] {
        let r = raw(s.addr, method, path, &headers, body).await;
        seen.push_str(&r.all_text());
    }
    // 401 → refresh → retry: a second server token is minted and used.
    f.script
        .fail_401
        .store(1, std::sync::atomic::Ordering::SeqCst);
    seen.push_str(&raw(s.addr, "GET", &conv, &[], "").await.all_text());
    assert_eq!(s.state.upstream.tokens.requests(), 2);

    // A server whose secret is refused.
    let bad = server::start(real_config(
        &f.base_url,
        CLIENT_ID,
        "WRONG-SECRET-xyz",
        temp_dist("logs2"),
    ))
    .await
    .expect("start");
    seen.push_str(&raw(bad.addr, "GET", &conv, &[], "").await.all_text());
    seen.push_str(&format!("{:?} {:?}", s.state, bad.state));

    let logs = String::from_utf8_lossy(&capture.0.lock().expect("lock")).to_string();
    assert!(logs.contains("proxied"), "the capture works: {logs}");
    assert!(logs.contains("obtained an access token"));
    let tokens_issued: Vec<String> = f
        .script
        .valid
        .lock()
        .expect("lock")
        .iter()
        .cloned()
        .collect();
    assert_eq!(tokens_issued.len(), 2);
    for needle in [
        SECRET,
        "WRONG-SECRET-xyz",
        "user-TOPSECRET-token",
        "dXNlci1UT1BTRUNSRVQ",
        "fake-token-",
    ]
    .into_iter()
    .chain(tokens_issued.iter().map(String::as_str))
    {
        assert!(!logs.contains(needle), "log contains {needle:?}");
        assert!(
            !seen.contains(needle),
            "a response or Debug output contains {needle:?}"
        );
    }
    // The Basic header the server sends to the login host (base64 of id:secret) is absent too.
    use base64::Engine as _;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{SECRET}"));
    assert!(!logs.contains(&basic));
}
