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
    /// `demo` (embedded demo org) or `real` (configured credentials).
    pub mode: &'static str,
    /// Region key (`eu_west_1`), `demo`, or `custom` for `--api-url`.
    pub region: String,
    pub version: &'static str,
    /// Token requests sent since start (shows the cache working; used by the bench).
    pub token_requests: u64,
}

pub async fn health(State(state): State<Arc<AppState>>) -> Json<Health> {
    Json(Health {
        status: "ok",
        mode: if state.is_demo() { "demo" } else { "real" },
        region: state.region().to_string(),
        version: env!("CARGO_PKG_VERSION"),
        token_requests: state.upstream.tokens.requests(),
    })
}
