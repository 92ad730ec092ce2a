//! Router assembly: `/api/health`, demo endpoints, the `/api/v2/...` proxy, the built app; then
//! the layers every request passes (outermost first): security headers, access log, Host/Origin
//! guard, request timeout.

use crate::security::{self, HostPolicy};
use crate::state::AppState;
use crate::{access_log, demo, health, proxy, static_files};
use axum::Router;
use axum::extract::Request;
use axum::handler::Handler;
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use std::sync::Arc;
use std::time::Duration;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

/// Upper bound for any request, above the upstream timeout plus one bounded 429 wait.
pub fn request_timeout(upstream: Duration) -> Duration {
    upstream * 2 + Duration::from_secs(5)
}

pub fn router(state: AppState, policy: HostPolicy) -> Router {
    let spa = static_files::spa_fallback.with_state(state.clone());
    let assets = Router::new()
        .route("/", get(static_files::index))
        .route("/index.html", get(static_files::index))
        .fallback_service(ServeDir::new(&state.dist).fallback(spa))
        .layer(from_fn(static_files::cache_headers));
    Router::new()
        .route("/api/health", get(health::health))
        .route("/api/demo/scenarios", get(demo::scenarios))
        .route("/api/demo/clients", get(demo::clients))
        .route("/api/demo/token", post(demo::token))
        .route(
            "/api/demo/scenarios/{scenario_id}/start",
            post(demo::start_run),
        )
        .route("/api/v2/{*rest}", any(proxy::proxy))
        .route("/api/{*rest}", any(api_not_allowed))
        .route("/api", any(api_not_allowed))
        .merge(assets)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            request_timeout(state.upstream.timeout),
        ))
        .layer(from_fn_with_state(Arc::new(policy), security::guard))
        .layer(from_fn(access_log::access_log))
        .layer(from_fn(security::headers))
        .with_state(state)
}

async fn api_not_allowed(req: Request) -> Response {
    crate::error::LensError::NotAllowed {
        method: req.method().to_string(),
        path: crate::error::clip(req.uri().path()),
    }
    .into_response()
}
