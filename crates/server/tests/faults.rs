//! The server under faults (issue 15): stalled and idle clients, a login host that refuses, fails
//! or hangs, absurd numbers and bodies from upstream. Each test fails without its fix. The numbers
//! measured along the way are printed (`cargo test -p server --test faults -- --nocapture`).

mod common;

use common::faulty::{self, Reply, token_json};
use common::{CONV_ID, Lens, raw, real_config, temp_dist};
use server::connections::ConnLimits;
use server::token::{Backoff, TokenSource};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout};

/// Far above every wait below: only a broken server reaches it.
const GIVE_UP: Duration = Duration::from_secs(30);

fn conv_path() -> String {
    format!("/api/v2/conversations/{CONV_ID}")
}

/// Token fine, every API call answered `{}`.
fn healthy(path: &str) -> Reply {
    if path == "/oauth/token" {
        token_json("86400")
    } else {
        Reply::Json(200, "{}".into())
    }
}

async fn server_with_limits(limits: ConnLimits) -> (faulty::Faulty, server::RunningServer) {
    let up = faulty::spawn(healthy).await;
    let mut cfg = real_config(
        &up.base_url,
        common::fake::CLIENT_ID,
        common::fake::SECRET,
        temp_dist("limits"),
    );
    cfg.connections = limits;
    (up, server::start(cfg).await.expect("start"))
}

/// Opens a connection and sends a request line and half a header, never the blank line.
async fn half_sent(addr: std::net::SocketAddr) -> TcpStream {
    let mut c = TcpStream::connect(addr).await.expect("connect");
    c.write_all(format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nX-Never-Ends: ").as_bytes())
        .await
        .expect("write");
    c
}

async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let deadline = Instant::now() + GIVE_UP;
    while !cond() {
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn half_sent_requests_are_closed_and_a_normal_request_still_succeeds() {
    let (_up, s) = server_with_limits(ConnLimits {
        header_timeout: Duration::from_millis(500),
        max_connections: 16,
        drain_timeout: Duration::from_secs(1),
    })
    .await;
    let started = Instant::now();
    let mut stalled = Vec::new();
    for _ in 0..60 {
        stalled.push(half_sent(s.addr).await);
    }
    let ok = timeout(GIVE_UP, raw(s.addr, "GET", "/api/health", &[], ""))
        .await
        .expect("a normal request is served despite 60 stalled connections");
    assert_eq!(ok.status, 200);
    let served_after = started.elapsed();
    assert!(s.connections.count() <= 16, "never above the cap");
    for (i, mut c) in stalled.into_iter().enumerate() {
        let mut buf = Vec::new();
        let closed = timeout(GIVE_UP, c.read_to_end(&mut buf)).await;
        assert!(closed.is_ok(), "stalled connection {i} was never closed");
        assert!(!String::from_utf8_lossy(&buf).contains(" 200 "), "{i}");
    }
    eprintln!(
        "measured: 60 half-sent connections, cap 16, header timeout 0.5 s: normal request served after {served_after:?}, all stalled ones closed after {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let (_up, s) = server_with_limits(ConnLimits {
        header_timeout: Duration::from_millis(300),
        ..ConnLimits::default()
    })
    .await;
    let mut c = TcpStream::connect(s.addr).await.expect("connect");
    c.write_all(format!("GET /api/health HTTP/1.1\r\nHost: {}\r\n\r\n", s.addr).as_bytes())
        .await
        .expect("write");
    // Keep-alive: the answer comes, then the server closes once the connection sat idle.
    let mut buf = Vec::new();
    timeout(GIVE_UP, c.read_to_end(&mut buf))
        .await
        .expect("idle connection closed by the server")
        .expect("read");
    let text = String::from_utf8_lossy(&buf);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    wait_until("the slot to be freed", || s.connections.count() == 0).await;
}

#[tokio::test]
async fn over_the_cap_a_new_connection_waits_for_a_free_slot() {
    let (_up, s) = server_with_limits(ConnLimits {
        header_timeout: Duration::from_secs(60),
        max_connections: 4,
        drain_timeout: Duration::from_secs(1),
    })
    .await;
    let mut stalled = Vec::new();
    for _ in 0..4 {
        stalled.push(half_sent(s.addr).await);
    }
    wait_until("4 open connections", || s.connections.count() == 4).await;
    let addr = s.addr;
    let waiting = tokio::spawn(async move { raw(addr, "GET", "/api/health", &[], "").await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !waiting.is_finished(),
        "a fifth connection was served over the cap"
    );
    assert_eq!(s.connections.count(), 4);
    drop(stalled.pop());
    let r = timeout(GIVE_UP, waiting)
        .await
        .expect("served once a slot freed")
        .expect("join");
    assert_eq!(r.status, 200);
}

/// 50 lookups at once; each answer's status and code.
async fn fifty_lookups(lens: &Lens) -> Vec<(u16, String)> {
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let l = lens.clone();
        set.spawn(async move {
            let r = l.get(&conv_path()).await;
            (
                r.status,
                r.json()["code"].as_str().unwrap_or("").to_string(),
            )
        });
    }
    let mut out = Vec::new();
    while let Some(r) = set.join_next().await {
        out.push(r.expect("join"));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_host_answering_500_gets_one_token_request_for_50_lookups() {
    let up = faulty::spawn(|path| {
        if path == "/oauth/token" {
            Reply::Json(500, r#"{"error":"server_error"}"#.into())
        } else {
            Reply::Json(200, "{}".into())
        }
    })
    .await;
    let lens = Lens::real(&up.base_url, common::fake::SECRET).await;
    let answers = fifty_lookups(&lens).await;
    assert!(
        answers
            .iter()
            .all(|(st, code)| *st == 502 && code == "lens.token.refused"),
        "{answers:?}"
    );
    assert_eq!(up.count("/oauth/token"), 1, "one exchange shared by all 50");
    // Remembered: the next lookup does not ask again.
    assert_eq!(lens.get(&conv_path()).await.status, 502);
    assert_eq!(up.count("/oauth/token"), 1);
    assert_eq!(up.count(&conv_path()), 0, "no API call without a token");
    eprintln!(
        "measured: login host answering 500, 51 lookups -> {} token request(s)",
        up.count("/oauth/token")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_refusing_login_host_gets_one_token_request_for_50_lookups() {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let dead = format!("http://{}", l.local_addr().expect("addr"));
    drop(l); // nothing listens: every connect is refused
    let lens = Lens::real(&dead, common::fake::SECRET).await;
    let answers = fifty_lookups(&lens).await;
    assert!(
        answers
            .iter()
            .all(|(st, code)| *st == 502 && code == "lens.token.unreachable"),
        "{answers:?}"
    );
    assert_eq!(lens.state.upstream.tokens.requests(), 1);
    eprintln!(
        "measured: login host refusing connections, 50 lookups -> {} token request(s)",
        lens.state.upstream.tokens.requests()
    );
}

#[tokio::test]
async fn a_failed_exchange_is_remembered_for_a_growing_while_and_success_resets_it() {
    let healthy_login = Arc::new(AtomicBool::new(false));
    let flag = healthy_login.clone();
    let up = faulty::spawn(move |_| {
        if flag.load(Ordering::SeqCst) {
            token_json("3600")
        } else {
            Reply::Json(503, "{}".into())
        }
    })
    .await;
    let http = server::upstream::http_client(Duration::from_secs(5)).expect("client");
    let creds = server::config::Credentials {
        client_id: "id".into(),
        client_secret: server::secret::Secret::new("secret"),
    };
    let step = Duration::from_millis(400);
    let tokens = TokenSource::with_limits(
        http,
        &up.base_url,
        creds,
        Duration::from_secs(5),
        Backoff {
            first: step,
            max: step * 2,
        },
    );
    let asked = || up.count("/oauth/token");
    assert!(tokens.get().await.is_err());
    assert!(tokens.get().await.is_err());
    assert_eq!(asked(), 1, "remembered");
    tokio::time::sleep(step + step / 4).await;
    assert!(tokens.get().await.is_err());
    assert_eq!(asked(), 2, "asked again once the first back-off ended");
    tokio::time::sleep(step + step / 4).await;
    assert!(tokens.get().await.is_err());
    assert_eq!(asked(), 2, "the second back-off is twice as long");
    tokio::time::sleep(step).await;
    healthy_login.store(true, Ordering::SeqCst);
    assert!(tokens.get().await.is_ok());
    assert_eq!(asked(), 3);
    assert!(tokens.get().await.is_ok());
    assert_eq!(asked(), 3, "a token, cached");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_queued_behind_a_hung_login_get_a_json_504_within_the_timeout() {
    let up = faulty::spawn(|path| {
        if path == "/oauth/token" {
            Reply::Hang
        } else {
            Reply::Json(200, "{}".into())
        }
    })
    .await;
    let mut cfg = real_config(
        &up.base_url,
        common::fake::CLIENT_ID,
        common::fake::SECRET,
        temp_dist("hung"),
    );
    cfg.upstream_timeout = Duration::from_secs(1);
    let lens = Lens::new(cfg).await;
    let started = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..20 {
        let l = lens.clone();
        set.spawn(async move {
            // Arrive one after another while the first exchange hangs.
            tokio::time::sleep(Duration::from_millis(20 * i)).await;
            l.get(&conv_path()).await
        });
    }
    while let Some(r) = set.join_next().await {
        let r = r.expect("join");
        assert_eq!(r.status, 504, "{}", r.body);
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.json()["code"], "lens.token.timeout", "{}", r.body);
        assert!(
            r.json()["message"]
                .as_str()
                .is_some_and(|m| m.contains("try again"))
        );
    }
    let all_answered = started.elapsed();
    assert_eq!(up.count("/oauth/token"), 1, "one hung exchange, shared");
    eprintln!(
        "measured: hung login, upstream timeout 1 s: 20 queued lookups all answered 504 lens.token.timeout after {all_answered:?}, {} token request(s)",
        up.count("/oauth/token")
    );
}

#[tokio::test]
async fn absurd_expires_in_values_never_take_the_server_down() {
    for expires_in in [
        "18446744073709551615",
        "1e300",
        "-1",
        "0",
        "\"3600\"",
        "null",
    ] {
        let up = faulty::spawn(move |path| {
            if path == "/oauth/token" {
                token_json(expires_in)
            } else {
                Reply::Json(200, "{}".into())
            }
        })
        .await;
        let lens = Lens::real(&up.base_url, common::fake::SECRET).await;
        for _ in 0..2 {
            let r = lens.get(&conv_path()).await;
            assert_eq!(r.status, 200, "expires_in {expires_in}: {}", r.body);
        }
    }
}

#[tokio::test]
async fn malformed_token_answers_are_a_clear_502() {
    for body in [
        r#"{"access_token": "#,
        r#"{"access_token": ""}"#,
        r#"{"token": "x"}"#,
        "[1,2,3]",
        r#"{"access_token":"x","expires_in":1e400}"#,
    ] {
        let up = faulty::spawn(move |path| {
            if path == "/oauth/token" {
                Reply::Json(200, body.to_string())
            } else {
                Reply::Json(200, "{}".into())
            }
        })
        .await;
        let lens = Lens::real(&up.base_url, common::fake::SECRET).await;
        let r = lens.get(&conv_path()).await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (502, Some("lens.token.malformed")),
            "{body}"
        );
    }
}

#[tokio::test]
async fn upstream_bodies_over_the_relay_cap_are_a_502_that_explains() {
    let cap = server::body::MAX_RELAYED_BODY_BYTES as u64;
    for (what, reply) in [
        ("declared 1 GiB", Reply::Declared(1 << 30)),
        ("one byte over", Reply::Declared(cap + 1)),
        ("endless chunked", Reply::Endless),
    ] {
        let up = faulty::spawn(move |path| {
            if path == "/oauth/token" {
                token_json("86400")
            } else {
                reply.clone()
            }
        })
        .await;
        let lens = Lens::real(&up.base_url, common::fake::SECRET).await;
        let r = timeout(GIVE_UP, lens.get(&conv_path()))
            .await
            .expect("answered");
        assert_eq!(r.status, 502, "{what}");
        assert_eq!(r.json()["code"], "lens.upstream.too.large", "{what}");
        assert!(
            r.json()["message"]
                .as_str()
                .is_some_and(|m| m.contains("32 MiB") && m.contains("ask for less")),
            "{what}: {}",
            r.body
        );
    }
    // Right at the cap is still relayed.
    let up = faulty::spawn(move |path| {
        if path == "/oauth/token" {
            token_json("86400")
        } else {
            Reply::Declared(cap)
        }
    })
    .await;
    let lens = Lens::real(&up.base_url, common::fake::SECRET).await;
    let r = lens.get(&conv_path()).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body.len() as u64, cap);
}
