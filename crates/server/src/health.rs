//! `GET /api/health`: is the server up, which mode and region. Never secrets: the body is built
//! from an explicit list of harmless fields, not from the configuration.

use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    pub status: &'static str,
    /// `demo` (embedded demo org) or `real` (a Genesys Cloud region, or URL overrides).
    pub mode: &'static str,
    /// Whether the server has a token of its own (demo org, or configured client credentials).
    /// `false` = sign-in only: every lookup needs the user's own token (signed in or pasted).
    pub server_token: bool,
    /// Region key (`eu_west_1`), `demo`, or `custom` for `--api-url`.
    pub region: String,
    pub version: &'static str,
    /// Token requests sent since start (shows the cache working; used by the bench).
    pub token_requests: u64,
    /// Where "Sign in" sends the browser (`<loginUrl>/oauth/authorize`): `https://login.<domain>`,
    /// or the embedded demo org's loopback URL in demo mode.
    pub login_url: String,
    /// Demo mode: the demo org's sign-in (PKCE) client id, so "Sign in" works with no setup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_in_client_id: Option<&'static str>,
}

pub async fn health(State(state): State<Arc<AppState>>) -> Json<Health> {
    Json(Health {
        status: "ok",
        mode: if state.is_demo() { "demo" } else { "real" },
        server_token: state.upstream.tokens.has_credentials(),
        region: state.region().to_string(),
        version: env!("CARGO_PKG_VERSION"),
        token_requests: state.upstream.tokens.requests(),
        login_url: state.upstream.tokens.login_url().to_owned(),
        sign_in_client_id: state.is_demo().then_some(demo_org::clients::PKCE_CLIENT.id),
    })
}
