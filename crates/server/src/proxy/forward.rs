//! The proxy handler: checks a browser request against the allow-list, forwards it with a bearer
//! token and returns Genesys' status and body unchanged, plus the headers that teach.

use super::allow_list::{self, Allowed, BodyKind};
use super::headers::{self, X_LENS_AUTH, X_LENS_RETRIED_AFTER_MS, X_LENS_RETRY_AFTER_SECS};
use crate::body::{MAX_RELAYED_BODY_BYTES, read_capped, transport_error};
use crate::error::LensError;
use crate::extract::{JsonArray, JsonObject};
use crate::secret::Secret;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

/// A 429 whose `Retry-After` is at most this long is waited out once; longer ones go to the app.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(2);

/// A browser request the proxy may forward: on the allow-list, with at most the browser's own
/// bearer token, and a checked JSON object body where the route takes one.
#[derive(Debug)]
pub struct ProxyCall {
    pub method: Method,
    pub allowed: Allowed,
    /// The user's own token (`Authorization: Bearer`), used instead of the server's.
    pub user_token: Option<Secret>,
    pub json: Option<Bytes>,
    /// The `Host` the browser used (checked by the guard), for the rewritten `connectUri`.
    pub host: String,
}

impl<S: Send + Sync> FromRequest<S> for ProxyCall {
    type Rejection = LensError;

    async fn from_request(req: Request, state: &S) -> Result<Self, LensError> {
        let allowed = allow_list::check(req.method(), req.uri().path(), req.uri().query())?;
        let user_token = headers::browser_bearer(req.headers())?;
        let method = req.method().clone();
        let host = req
            .headers()
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost")
            .to_string();
        let json = match allowed.body {
            BodyKind::Json => Some(JsonObject::from_request(req, state).await?.0),
            BodyKind::JsonArray => Some(JsonArray::from_request(req, state).await?.0),
            BodyKind::None => None,
        };
        Ok(ProxyCall {
            method,
            allowed,
            user_token,
            json,
            host,
        })
    }
}

/// `ANY /api/v2/{*rest}`: forwards with a bearer token and returns Genesys' status and body
/// unchanged, plus the headers that teach.
pub async fn proxy(
    State(state): State<Arc<AppState>>,
    call: ProxyCall,
) -> Result<Response, LensError> {
    let ProxyCall {
        method,
        allowed,
        user_token,
        json,
        host,
    } = call;
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
        let resp = send(&state, &method, &allowed, &token, json.as_ref()).await?;
        let status = resp.status();
        if status == StatusCode::UNAUTHORIZED && user_token.is_none() && !retried_401 {
            // Our cached token was revoked or expired early: drop it and try once with a new one.
            drop(resp);
            upstream_time += t1.elapsed();
            tracing::info!(
                route = allowed.route,
                "upstream 401 with the server token; refreshing once"
            );
            up.tokens.invalidate(&token);
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
        let body = read_capped(resp, MAX_RELAYED_BODY_BYTES)
            .await
            .map_err(|e| e.into_lens(up.timeout))?;
        upstream_time += t1.elapsed();
        let body = if allowed.route == allow_list::CHANNEL_CREATE && status.is_success() {
            // The browser connects to this server, which relays to the socket Genesys named.
            let r = crate::notify::channels::rewrite_channel(&body, &up.api_base, &host)?;
            state.sockets.remember(&r.id, &r.upstream);
            r.body
        } else {
            body
        };

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
    method: &Method,
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
    rb.send().await.map_err(|e| transport_error(&e, up.timeout))
}
