//! Test helpers: the server's router called in-process ([`Lens`], `tower::ServiceExt::oneshot`),
//! the server on 127.0.0.1:0 with raw HTTP over TCP for what needs a socket (forged `Host`,
//! paths sent byte-for-byte without a client normalising `..` or `%2e`, connection limits), a
//! scriptable fake Genesys, and a fault-injecting one for what a well-behaved upstream never does.

#![allow(dead_code)]

pub mod fake;
pub mod faulty;

use axum::body::Body;
use axum::http::Request;
use server::config::{Config, Credentials, DemoKnobs, Mode, RealUpstream};
use server::connections::ConnLimits;
use server::secret::Secret;
use server::state::AppState;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt as _;

pub const CONV_ID: &str = "cdbfad55-6a1e-4d6f-9b3a-1f2e3d4c5b6a";

/// A config pointing the server at `base` (login and API on one host, like the demo org).
pub fn real_config(base: &str, client_id: &str, secret: &str, dist: PathBuf) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().expect("addr"),
        dist,
        allowed_hosts: vec!["lens.test".into()],
        allowed_origins: vec![],
        upstream_timeout: Duration::from_secs(5),
        mode: Mode::Real(RealUpstream {
            api_url: base.to_string(),
            login_url: base.to_string(),
            region_label: "custom".into(),
            credentials: Some(Credentials {
                client_id: client_id.to_string(),
                client_secret: Secret::new(secret),
            }),
        }),
        connections: ConnLimits::default(),
        notes: vec![],
    }
}

/// The embedded demo org configuration (no credentials).
pub fn demo_config(dist: PathBuf) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().expect("addr"),
        dist,
        allowed_hosts: vec![],
        allowed_origins: vec![],
        upstream_timeout: Duration::from_secs(10),
        mode: Mode::Demo(DemoKnobs::default()),
        connections: ConnLimits::default(),
        notes: vec![],
    }
}

/// The server's router, called in-process: no socket, no port. Clones share one server.
#[derive(Clone)]
pub struct Lens {
    pub app: axum::Router,
    pub state: Arc<AppState>,
    /// The embedded demo org (demo mode), kept running while any clone lives.
    pub demo: Option<Arc<demo_org::RunningDemo>>,
}

impl Lens {
    pub async fn new(config: Config) -> Lens {
        let a = server::server::assemble(&config).await.expect("assemble");
        Lens {
            app: a.app,
            state: a.state,
            demo: a.demo.map(Arc::new),
        }
    }

    /// A server against `base` with the fake's credentials.
    pub async fn real(base: &str, secret: &str) -> Lens {
        Lens::new(real_config(
            base,
            fake::CLIENT_ID,
            secret,
            temp_dist("lens"),
        ))
        .await
    }

    pub async fn get(&self, path: &str) -> RawResponse {
        self.send("GET", path, &[], "").await
    }

    /// One request as a browser on `localhost` would send it (`Host` unless given).
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> RawResponse {
        let mut req = Request::builder().method(method).uri(path);
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req = req.header("host", "localhost");
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if !body.is_empty() || method == "POST" {
            req = req.header("content-length", body.len());
        }
        let req = req.body(Body::from(body.to_string())).expect("request");
        let resp = self.app.clone().oneshot(req).await.expect("infallible");
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).to_string(),
                )
            })
            .collect();
        let bytes = axum::body::to_bytes(resp.into_body(), 64 << 20)
            .await
            .expect("body");
        RawResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).to_string(),
        }
    }
}

/// A throw-away `dist/` with an index.html that has a Trunk-like inline loader.
pub fn temp_dist(name: &str) -> PathBuf {
    // Unique per call: tests run in parallel and must not rewrite each other's index.html.
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "lens-server-test-{name}-{}-{n}",
        std::process::id()
    ));
    let _ = std::fs::create_dir_all(&dir);
    let index = "<!DOCTYPE html><html><head><script type=\"module\">import init from '/app-0123456789abcdef.js';await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });</script></head><body></body></html>";
    std::fs::write(dir.join("index.html"), index).expect("write index");
    std::fs::write(
        dir.join("app-0123456789abcdef.js"),
        "export default function init() {}",
    )
    .expect("write js");
    dir
}

#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// Everything the browser would see, for "never contains the secret" checks.
    pub fn all_text(&self) -> String {
        let mut s = format!("{}\n", self.status);
        for (k, v) in &self.headers {
            s.push_str(&format!("{k}: {v}\n"));
        }
        s.push_str(&self.body);
        s
    }
}

/// Sends one HTTP/1.1 request exactly as written (`path` is not normalised).
pub async fn raw(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> RawResponse {
    let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.write_all(req.as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).await.expect("read");
    parse_response(&buf)
}

fn parse_response(buf: &[u8]) -> RawResponse {
    let text = String::from_utf8_lossy(buf).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    RawResponse {
        status,
        headers,
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A plain GET through reqwest (for the many-concurrent-calls tests).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .expect("client")
}

/// How many concurrent HTTP calls this process can afford: each one costs a client socket, a
/// server socket and an upstream socket. 1000 when the open-file limit allows (it does on CI
/// machines with the usual 1M hard / raised soft limit), fewer under a 1024 soft limit.
pub fn affordable_concurrency(wanted: usize) -> usize {
    let soft = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("Max open files"))
                .and_then(|l| l.split_whitespace().nth(3).map(str::to_string))
        })
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1024);
    let fit = soft.saturating_sub(200) / 3;
    if fit < wanted {
        eprintln!(
            "open-file limit {soft}: running {fit} concurrent HTTP calls instead of {wanted}"
        );
    }
    wanted.min(fit).max(1)
}
