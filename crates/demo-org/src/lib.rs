//! The demo org: a simulated Genesys Cloud organization that the official SDKs, the `gc` CLI and
//! curl cannot tell from the real thing for the endpoints Conversation Lens teaches.
//!
//! * Domain (no HTTP): [`clock`], [`scenarios`], [`runs`], [`synthetic`], [`org`] — conversations that evolve
//!   on a clock and their real-time (`Conversation`) and analytics (`AnalyticsConversation`) views.
//! * HTTP: [`http`] — OAuth, the Conversations and Analytics endpoints, errors, rate limits, jobs;
//!   [`query`] is the analytics query engine, [`jobs`] the async jobs.
//! * Notifications: [`notifications`] — channels, topics and the WebSocket pushing each change of
//!   a live conversation as the clock runs.

pub mod analytics;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod ids;
pub mod org;
pub mod realtime;
pub mod runs;
pub mod scenarios;
pub mod synthetic;
pub mod timeline;
pub mod timing;
pub mod users;

pub mod clients;
pub mod errors;
pub mod faults;
pub mod http;
pub mod jobs;
pub mod notifications;
pub mod oauth;
pub mod oauth_code;
pub mod query;
pub mod ratelimit;
pub mod view;

pub use config::DemoConfig;
pub use http::state::AppState;
pub use http::{RunningDemo, router};
pub use view::OrgView;

/// Start a demo org for `cfg` on `127.0.0.1:0` in a tokio task.
///
/// # Errors
/// When the loopback port cannot be bound.
pub async fn spawn(cfg: DemoConfig) -> std::io::Result<RunningDemo> {
    // Building the synthetic org is CPU work: keep it off the async worker threads.
    let state = tokio::task::spawn_blocking(move || AppState::new(cfg))
        .await
        .map_err(std::io::Error::other)?;
    http::spawn_with_state(state).await
}
