//! The HTTP face of the demo org: real Genesys paths and shapes on one base URL that serves both
//! the login host's `POST /oauth/token` and the API host's `/api/v2/...`.
//!
//! | endpoint | answer | permission (ANY of) |
//! |---|---|---|
//! | `POST /oauth/token` | `{access_token, token_type, expires_in}` / RFC 6749 error | — |
//! | `GET /api/v2/conversations/{id}` | `Conversation` | conversation:communication:view |
//! | `GET /api/v2/conversations/{calls,callbacks,chats,emails,messages}/{id}` | `CallConversation` & co. (`chats`: the older web chat) | none (as documented) |
//! | `GET /api/v2/tokens/me` | simplified `TokenInfo` | — |
//! | `GET /api/v2/analytics/conversations/{id}/details` | `AnalyticsConversationWithoutAttributes` | analytics:conversationDetail:view, analytics:agentConversationDetail:view |
//! | `GET /api/v2/analytics/conversations/details?id=a,b` | `{conversations: [...]}` | same |
//! | `POST /api/v2/analytics/conversations/details/query` | `AnalyticsConversationQueryResponse` | same |
//! | `POST /api/v2/analytics/conversations/details/jobs` | 202 `{jobId}` | same |
//! | `GET/DELETE …/details/jobs/{jobId}` | `AsyncQueryStatus` / 202 or 204 | same |
//! | `GET …/details/jobs/{jobId}/results?cursor=&pageSize=` | `AnalyticsConversationAsyncQueryResponse` | same |
//! | `GET …/details/jobs/availability` | `{dataAvailabilityDate}` | analytics:conversationDetail:view |
//! | `GET /api/v2/analytics/dataretention/settings` | `{retentionDays, dateCreated, dateModified}` | analytics:dataRetention:view |
//! | `GET /demo/clients`, `GET /demo/scenarios` | demo-only lists | — |
//! | `POST /demo/scenarios/{scenarioId}/start` | 201 `{conversationId, startTime}`: the scenario again, live now | — |
//! | `GET/POST/DELETE /demo/faults`, `GET/POST /demo/clock` | demo-only fault injection, clock | — |
//! | `POST/GET /api/v2/notifications/channels`, `HEAD …/channels/{id}`, `GET/POST/PUT/DELETE …/channels/{id}/subscriptions`, `GET /api/v2/notifications/availabletopics` | Notifications API ([`crate::notifications`]) | none (topics check their own) |
//! | `GET /channels/{channelId}` (WebSocket) | the channel's events, heartbeats, `v2.system.socket_closing` | — (the channel id is the key) |
//!
//! Layers, outermost first: correlation id + `ErrorBody` rendering ([`correlation`]), on a socket
//! the Host/Origin guard shared with the companion server ([`local_guard`]), fault injection
//! ([`crate::faults`]), then per API route: bearer auth + rate limit ([`auth`]).

pub mod analytics;
pub mod auth;
pub mod channel_socket;
pub mod conversations;
pub mod correlation;
pub mod demo;
pub mod jobs;
pub mod json;
pub mod local_guard;
pub mod media;
pub mod notifications;
pub mod oauth_token;
pub mod retention;
pub mod state;

use crate::errors::ApiError;
use crate::faults::FAULT_HEADER;
use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, head, post};
use local_guard::HostPolicy;
use state::AppState;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::oneshot;

/// The whole demo org as an axum router (in-process tests call it directly; [`serve`] adds the
/// Host/Origin guard a listening socket needs).
pub fn router(state: AppState) -> Router {
    build(state, None)
}

fn build(state: AppState, guard: Option<HostPolicy>) -> Router {
    let api = Router::new()
        .route(
            "/api/v2/conversations/{id}",
            get(conversations::get_conversation),
        )
        .route(
            "/api/v2/conversations/{media}/{id}",
            get(media::get_media_conversation),
        )
        .route("/api/v2/tokens/me", get(conversations::tokens_me))
        .route(
            "/api/v2/analytics/conversations/{id}/details",
            get(analytics::get_details),
        )
        .route(
            "/api/v2/analytics/conversations/details",
            get(analytics::multi_get),
        )
        .route(
            "/api/v2/analytics/conversations/details/query",
            post(analytics::details_query),
        )
        .route(
            "/api/v2/analytics/conversations/details/jobs",
            post(jobs::submit),
        )
        .route(
            "/api/v2/analytics/conversations/details/jobs/availability",
            get(jobs::availability),
        )
        .route(
            "/api/v2/analytics/dataretention/settings",
            get(retention::settings),
        )
        .route(
            "/api/v2/analytics/conversations/details/jobs/{job_id}",
            get(jobs::status).delete(jobs::cancel),
        )
        .route(
            "/api/v2/analytics/conversations/details/jobs/{job_id}/results",
            get(jobs::results),
        )
        .route(
            "/api/v2/notifications/channels",
            post(notifications::create_channel).get(notifications::list_channels),
        )
        .route(
            "/api/v2/notifications/channels/{channel_id}",
            head(notifications::head_channel),
        )
        .route(
            "/api/v2/notifications/channels/{channel_id}/subscriptions",
            get(notifications::get_subscriptions)
                .post(notifications::add_subscriptions)
                .put(notifications::replace_subscriptions)
                .delete(notifications::delete_subscriptions),
        )
        .route(
            "/api/v2/notifications/availabletopics",
            get(notifications::available),
        )
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ));
    let routes = Router::new()
        .merge(api)
        .route("/oauth/token", post(oauth_token::token))
        .route("/channels/{channel_id}", get(channel_socket::connect))
        .route("/demo/clients", get(demo::clients))
        .route("/demo/scenarios", get(demo::scenarios))
        .route("/demo/scenarios/{scenario_id}/start", post(demo::start_run))
        .route("/demo/clock", get(demo::clock).post(demo::clock_move))
        .route(
            "/demo/faults",
            get(demo::faults_list)
                .post(demo::faults_arm)
                .delete(demo::faults_clear),
        )
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), inject_faults));
    let routes = match guard {
        Some(policy) => routes.layer(middleware::from_fn_with_state(
            Arc::new(policy),
            local_guard::guard,
        )),
        None => routes,
    };
    routes
        .layer(middleware::from_fn(correlation::correlate))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// Fail the request with an injected 5xx if a fault is armed or asked for by header.
async fn inject_faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let header = req
        .headers()
        .get(FAULT_HEADER)
        .and_then(|v| v.to_str().ok());
    match state
        .faults
        .take(req.uri().path(), header)
        .and_then(ApiError::for_fault_status)
    {
        Some(err) => err.into_response(),
        None => next.run(req).await,
    }
}

/// A demo org serving on a loopback port.
#[derive(Debug)]
pub struct RunningDemo {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT` — both the login and the API host.
    pub base_url: String,
    /// The state the server runs on (tests move its clock, inspect jobs…).
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl RunningDemo {
    /// Stop serving and wait for the server task to finish.
    pub async fn shutdown(mut self) {
        self.stop();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl Drop for RunningDemo {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Serve `state` on an already-bound listener until `shutdown` resolves. Requests must name this
/// server in `Host` (localhost, loopback, the bind address or one of `allowed_hosts`) and come
/// from no other browser origin ([`local_guard`]).
///
/// # Errors
/// When the server fails (I/O on the listener).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    allowed_hosts: &[String],
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let policy = HostPolicy::new(listener.local_addr()?, allowed_hosts);
    axum::serve(listener, build(state, Some(policy)))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Bind `127.0.0.1:0` and serve `state` in a tokio task.
///
/// # Errors
/// When the port cannot be bound.
pub async fn spawn_with_state(state: AppState) -> std::io::Result<RunningDemo> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let app_state = state.clone();
    let task = tokio::spawn(async move {
        if let Err(e) = serve(listener, app_state, &[], async {
            let _ = rx.await;
        })
        .await
        {
            tracing::error!(error = %e, "demo org server stopped");
        }
    });
    Ok(RunningDemo {
        addr,
        base_url: format!("http://{addr}"),
        state,
        shutdown: Some(tx),
        task: Some(task),
    })
}
