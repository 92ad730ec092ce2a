//! The proxy handler: checks a browser request against the allow-list, forwards it with a bearer
//! token and returns Genesys' status and body unchanged, plus the headers that teach.

use super::allow_list::{self, Allowed, BodyKind};
use super::headers::{self, X_LENS_AUTH, X_LENS_RETRIED_AFTER_MS, X_LENS_RETRY_AFTER_SECS};
use crate::error::LensError;
use crate::secret::Secret;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use tokio::time::Instant;

/// Largest JSON body accepted for the query/job POSTs.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// A 429 whose `Retry-After` is at most this long is waited out once; longer ones go to the app.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(2);

/// `ANY /api/v2/{*rest}`.
pub async fn proxy(State(state): State<AppState>, req: Request) -> Response {
    match forward(&state, req).await {
        Ok(resp) => resp,
        Err(e) => e.into_response(),
    }
}

async fn forward(state: &AppState, req: Request) -> Result<Response, LensError> {
    let (parts, body) = req.into_parts();
    let allowed = allow_list::check(&parts.method, parts.uri.path(), parts.uri.query())?;
    let user_token = headers::browser_bearer(&parts.headers)?;
    let json = match allowed.body {
        BodyKind::Json => Some(read_json_body(&parts.headers, body).await?),
        BodyKind::None => None,
    };
    let up = &state.upstream;
    let mut token_time = Duration::ZERO;
    let mut upstream_time = Duration::ZERO;
    let mut retried_401 = false;
    let mut waited: Option<Duration> = None;
    loop {
        let t0 = Instant::now();
        let token = match &user_token {
            Some(t) => t.clone(),
            None => up.tokens.get().await?,
        };
        token_time += t0.elapsed();

        let t1 = Instant::now();
        let resp = send(state, &parts.method, &allowed, &token, json.as_ref()).await?;
        let status = resp.status();
        if status == StatusCode::UNAUTHORIZED && user_token.is_none() && !retried_401 {
            // Our cached token was revoked or expired early: drop it and try once with a new one.
            drop(resp);
            upstream_time += t1.elapsed();
            tracing::info!(
                route = allowed.route,
                "upstream 401 with the server token; refreshing once"
            );
            up.tokens.invalidate(&token).await;
            retried_401 = true;
            continue;
        }
        if status == StatusCode::TOO_MANY_REQUESTS && waited.is_none() {
            let wait = headers::retry_after(resp.headers());
            if let Some(wait) = wait.filter(|w| *w <= MAX_RETRY_WAIT) {
                drop(resp);
                upstream_time += t1.elapsed();
                tracing::info!(
                    route = allowed.route,
                    wait_ms = wait.as_millis() as u64,
                    "upstream 429; waiting once"
                );
                tokio::time::sleep(wait).await;
                waited = Some(wait);
                continue;
            }
        }
        let mut out_headers = HeaderMap::new();
        headers::copy_upstream(resp.headers(), &mut out_headers);
        let body = resp
            .bytes()
            .await
            .map_err(|e| super::upstream::transport_error(&e, up.timeout))?;
        upstream_time += t1.elapsed();

        tracing::info!(route = allowed.route, status = status.as_u16(), "proxied");
        out_headers.insert(
            "server-timing",
            headers::server_timing(token_time, upstream_time),
        );
        out_headers.insert(
            X_LENS_AUTH,
            HeaderValue::from_static(if user_token.is_some() {
                "your-token"
            } else {
                "server-token"
            }),
        );
        if let Some(w) = waited {
            out_headers.insert(
                X_LENS_RETRIED_AFTER_MS,
                HeaderValue::from(w.as_millis() as u64),
            );
        }
        if status == StatusCode::TOO_MANY_REQUESTS
            && let Some(secs) = headers::retry_after(&out_headers)
        {
            out_headers.insert(X_LENS_RETRY_AFTER_SECS, HeaderValue::from(secs.as_secs()));
        }
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        *response.headers_mut() = out_headers;
        return Ok(response);
    }
}

async fn send(
    state: &AppState,
    method: &axum::http::Method,
    allowed: &Allowed,
    token: &Secret,
    json: Option<&Bytes>,
) -> Result<reqwest::Response, LensError> {
    let up = &state.upstream;
    let mut rb = up
        .http
        .request(method.clone(), format!("{}{}", up.api_base, allowed.path))
        .bearer_auth(token.expose())
        .header(reqwest::header::ACCEPT, "application/json");
    if !allowed.query.is_empty() {
        rb = rb.query(&allowed.query);
    }
    if let Some(body) = json {
        rb = rb
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.clone());
    }
    rb.send()
        .await
        .map_err(|e| super::upstream::transport_error(&e, up.timeout))
}

/// Checks `Content-Type: application/json`, the size limit and that the body is a JSON object.
/// The original bytes are forwarded, so Genesys sees exactly what the app sent.
pub async fn read_json_body(headers: &HeaderMap, body: Body) -> Result<Bytes, LensError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(LensError::UnsupportedMediaType);
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(LensError::BodyTooLarge {
            limit: MAX_BODY_BYTES,
        });
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| LensError::BodyTooLarge {
            limit: MAX_BODY_BYTES,
        })?;
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(v) if v.is_object() => Ok(bytes),
        Ok(_) => Err(LensError::BadJson(
            "expected an object like {\"interval\": ...}".into(),
        )),
        Err(e) => Err(LensError::BadJson(format!(
            "line {} column {}",
            e.line(),
            e.column()
        ))),
    }
}
