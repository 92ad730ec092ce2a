//! Router assembly: `/api/health`, demo endpoints, the `/api/v2/...` proxy, the built app; then
//! the layers every request passes (outermost first): security headers, access log, Host/Origin
//! guard, panic catcher, request timeout.

use crate::error::LensError;
use crate::security::{self, HostPolicy};
use crate::state::AppState;
use crate::{access_log, demo, health, notify, proxy, static_files};
use axum::Router;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::ServeDir;

/// Upper bound for any request, above the upstream timeout plus one bounded 429 wait.
pub fn request_timeout(upstream: Duration) -> Duration {
    upstream * 2 + Duration::from_secs(5)
}

pub fn router(state: Arc<AppState>, policy: HostPolicy) -> Router {
    let timeout = request_timeout(state.upstream.timeout);
    let spa = static_files::spa_fallback.with_state(state.clone());
    let assets = Router::new()
        .route("/", get(static_files::index))
        .route("/index.html", get(static_files::index))
        .fallback_service(
            // The build writes `.br`/`.gz` beside each file (scripts/precompress.mjs); the
            // browser's Accept-Encoding picks one, the raw file otherwise.
            ServeDir::new(&state.dist)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(spa),
        )
        .layer(from_fn(static_files::cache_headers));
    let routes = Router::new()
        .route("/api/health", get(health::health))
        .route("/api/demo/scenarios", get(demo::scenarios))
        .route("/api/demo/clients", get(demo::clients))
        .route("/api/demo/token", post(demo::token))
        .route(
            "/api/demo/scenarios/{scenario_id}/start",
            post(demo::start_run),
        )
        .route("/api/oauth/token", post(crate::signin::exchange))
        .route("/api/v2/{*rest}", any(proxy::proxy))
        .route(
            "/api/notifications/socket/{channel_id}",
            get(notify::relay::socket),
        )
        .route("/api/{*rest}", any(api_not_allowed))
        .route("/api", any(api_not_allowed))
        .merge(assets)
        .with_state(state);
    with_layers(routes, policy, timeout)
}

/// The layers around every route (split out so tests can wrap routes of their own).
pub fn with_layers(routes: Router, policy: HostPolicy, timeout: Duration) -> Router {
    routes
        .layer(from_fn_with_state(timeout, answer_within))
        .layer(CatchPanicLayer::custom(panicked))
        .layer(from_fn_with_state(Arc::new(policy), security::guard))
        .layer(from_fn(access_log::access_log))
        .layer(from_fn(security::headers))
}

/// Middleware: a request still running after `timeout` is answered with a JSON 504 in the usual
/// error shape (and its work dropped), never an empty body.
async fn answer_within(State(timeout): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => {
            tracing::warn!(secs = timeout.as_secs(), "request timed out");
            LensError::RequestTimeout {
                secs: timeout.as_secs(),
            }
            .into_response()
        }
    }
}

/// A handler that panicked answers 500 `lens.internal`; the server and every other request go
/// on. The panic payload is not echoed (it could quote request data).
fn panicked(_payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked; answered 500");
    LensError::Internal.into_response()
}

async fn api_not_allowed(req: Request) -> Response {
    LensError::NotAllowed {
        method: req.method().to_string(),
        path: crate::error::clip(req.uri().path()),
    }
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::StatusCode;
    use tower::ServiceExt as _;

    // `/boom` is a handler bug on purpose: clippy sees a literal None unwrapped.
    #[allow(clippy::unnecessary_literal_unwrap)]
    fn test_app(timeout: Duration) -> Router {
        let routes = Router::new()
            .route(
                "/boom",
                get(|| async {
                    let n: Option<&'static str> = None;
                    n.expect("a bug in a handler")
                }),
            )
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    "late"
                }),
            )
            .route("/ok", get(|| async { "ok" }));
        let policy = HostPolicy::new("127.0.0.1:8080".parse().expect("addr"), &[]);
        with_layers(routes, policy, timeout)
    }

    fn get_req(path: &str) -> Request {
        Request::builder()
            .uri(path)
            .header("host", "127.0.0.1:8080")
            .body(Body::empty())
            .expect("request")
    }

    async fn json_of(resp: Response) -> serde_json::Value {
        let bytes = axum::body::to_bytes(resp.into_body(), 1 << 20)
            .await
            .expect("body");
        serde_json::from_slice(&bytes).expect("json")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_json_and_the_app_goes_on() {
        let app = test_app(Duration::from_secs(30));
        let resp = app.clone().oneshot(get_req("/boom")).await.expect("served");
        assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            resp.headers()
                .get("x-content-type-options")
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "outer layers still run"
        );
        let body = json_of(resp).await;
        assert_eq!(body["code"], "lens.internal");
        assert!(!body.to_string().contains("a bug in a handler"));
        let ok = app.oneshot(get_req("/ok")).await.expect("served");
        assert_eq!(ok.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_request_past_the_timeout_gets_a_json_504_not_an_empty_408() {
        let app = test_app(Duration::from_secs(1));
        let resp = app.oneshot(get_req("/slow")).await.expect("served");
        assert_eq!(resp.status(), StatusCode::GATEWAY_TIMEOUT);
        let body = json_of(resp).await;
        assert_eq!(body["code"], "lens.request.timeout");
        assert_eq!(body["status"], 504);
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("after 1 s") && m.contains("try again")),
            "{body}"
        );
    }
}
