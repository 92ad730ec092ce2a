//! A scriptable fake of the Genesys login + API hosts, for faults the demo org can't produce on
//! demand (a revoked token, a short `Retry-After`, an upstream that hangs).

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const CLIENT_ID: &str = "fake-client-id";
pub const SECRET: &str = "fake-client-secret-DO-NOT-LEAK";

#[derive(Default)]
pub struct Script {
    pub token_requests: AtomicU64,
    pub api_requests: AtomicU64,
    /// The next N API calls answer 401 (as if the token had been revoked).
    pub fail_401: AtomicU32,
    /// The next N API calls answer 429 with `Retry-After: retry_after_secs`.
    pub fail_429: AtomicU32,
    pub retry_after_secs: AtomicU64,
    /// API calls sleep this long (ms) before answering.
    pub api_delay_ms: AtomicU64,
    /// Token issuance sleeps this long (ms): makes concurrent callers overlap.
    pub token_delay_ms: AtomicU64,
    pub token_ttl_secs: AtomicU64,
    pub valid: Mutex<HashSet<String>>,
    /// Authorization header values seen by the API (to check which token was forwarded).
    pub seen_auth: Mutex<Vec<String>>,
    pub seen_headers: Mutex<Vec<HeaderMap>>,
}

pub struct Fake {
    pub addr: SocketAddr,
    pub base_url: String,
    pub script: Arc<Script>,
}

pub async fn spawn() -> Fake {
    let script = Arc::new(Script::default());
    script.token_ttl_secs.store(86_400, Ordering::SeqCst);
    let app = Router::new()
        .route("/oauth/token", post(token))
        .route("/api/v2/conversations/{id}", get(conversation))
        .route("/api/v2/tokens/me", get(tokens_me))
        .route("/api/v2/analytics/conversations/details/query", post(query))
        .with_state(script.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Fake {
        addr,
        base_url: format!("http://{addr}"),
        script,
    }
}

async fn token(State(s): State<Arc<Script>>, headers: HeaderMap, body: String) -> Response {
    let n = s.token_requests.fetch_add(1, Ordering::SeqCst) + 1;
    let delay = s.token_delay_ms.load(Ordering::SeqCst);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    use base64::Engine as _;
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{SECRET}"))
    );
    let auth_ok =
        headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(expected.as_str());
    if !auth_ok || body != "grant_type=client_credentials" {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    let tok = format!("fake-token-{n}-SECRET");
    s.valid.lock().expect("lock").insert(tok.clone());
    axum::Json(json!({"access_token": tok, "token_type": "bearer", "expires_in": s.token_ttl_secs.load(Ordering::SeqCst)}))
        .into_response()
}

fn check(s: &Script, headers: &HeaderMap) -> Option<Response> {
    s.api_requests.fetch_add(1, Ordering::SeqCst);
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    s.seen_auth.lock().expect("lock").push(auth.clone());
    s.seen_headers.lock().expect("lock").push(headers.clone());
    if s.fail_401.load(Ordering::SeqCst) > 0 {
        s.fail_401.fetch_sub(1, Ordering::SeqCst);
        return Some(err(401, "bad.credentials", "Invalid login credentials."));
    }
    if s.fail_429.load(Ordering::SeqCst) > 0 {
        s.fail_429.fetch_sub(1, Ordering::SeqCst);
        let mut r = err(
            429,
            "too.many.requests",
            "Rate limit exceeded the maximum [300] requests within [60] seconds",
        );
        let ra = s.retry_after_secs.load(Ordering::SeqCst).to_string();
        r.headers_mut()
            .insert("retry-after", ra.parse().expect("hv"));
        return Some(r);
    }
    let token = auth.strip_prefix("Bearer ").unwrap_or("");
    let user_token = token.starts_with("user-");
    if !user_token && !s.valid.lock().expect("lock").contains(token) {
        return Some(err(401, "bad.credentials", "Invalid login credentials."));
    }
    None
}

fn err(status: u16, code: &str, message: &str) -> Response {
    let st = StatusCode::from_u16(status).expect("status");
    let mut r = (
        st,
        axum::Json(json!({"message": message, "code": code, "status": status, "contextId": "ctx-1", "details": [], "errors": []})),
    )
        .into_response();
    r.headers_mut()
        .insert("inin-correlation-id", "ctx-1".parse().expect("hv"));
    r
}

async fn conversation(
    State(s): State<Arc<Script>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(r) = check(&s, &headers) {
        return r;
    }
    let delay = s.api_delay_ms.load(Ordering::SeqCst);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let mut r = axum::Json(json!({"id": id, "participants": []})).into_response();
    let h = r.headers_mut();
    h.insert("inin-correlation-id", "corr-42".parse().expect("hv"));
    h.insert("inin-ratelimit-count", "1".parse().expect("hv"));
    h.insert("set-cookie", "upstream=1".parse().expect("hv"));
    h.insert("access-control-allow-origin", "*".parse().expect("hv"));
    r
}

async fn tokens_me(State(s): State<Arc<Script>>, headers: HeaderMap) -> Response {
    if let Some(r) = check(&s, &headers) {
        return r;
    }
    axum::Json(json!({"name": "fake", "organization": {"id": "org"}})).into_response()
}

async fn query(State(s): State<Arc<Script>>, headers: HeaderMap, body: String) -> Response {
    if let Some(r) = check(&s, &headers) {
        return r;
    }
    axum::Json(json!({"received": body.len(), "contentType": headers.get("content-type").and_then(|v| v.to_str().ok())})).into_response()
}
