//! One structured log line per request: method, path, status, duration. Never headers or
//! bodies (they carry tokens and org data); query strings are left out too.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tokio::time::Instant;

pub async fn access_log(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = crate::error::clip(req.uri().path());
    let started = Instant::now();
    let resp = next.run(req).await;
    tracing::info!(
        %method,
        path,
        status = resp.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    resp
}
