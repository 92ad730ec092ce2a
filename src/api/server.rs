//! The companion server's own endpoints: health (demo or real org) and the demo scenarios.

use gloo_net::http::Request;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Health {
    #[serde(default)]
    pub status: String,
    /// `demo` or `real`.
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
}

impl Health {
    #[must_use]
    pub fn is_demo(&self) -> bool {
        self.mode == "demo"
    }
}

/// One entry of `GET /api/demo/scenarios` (demo mode only).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    pub id: String,
    pub conversation_id: String,
    pub title: String,
    #[serde(default)]
    pub teaches: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub media_type: String,
    #[serde(default)]
    pub live: bool,
    /// ISO-8601; empty from an older server.
    #[serde(default)]
    pub conversation_start: String,
}

/// # Errors
/// When the server is unreachable or answers something else than the health JSON.
pub async fn health() -> Result<Health, AppError> {
    get_json("/api/health").await
}

/// # Errors
/// When the server is unreachable, not in demo mode (404) or answers an unexpected shape.
pub async fn scenarios() -> Result<Vec<Scenario>, AppError> {
    get_json("/api/demo/scenarios").await
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, AppError> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| AppError::Network(e.to_string()))?;
    if !resp.ok() {
        return Err(AppError::Status {
            url: url.to_owned(),
            status: resp.status(),
        });
    }
    let text = resp
        .text()
        .await
        .map_err(|e| AppError::Body(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| AppError::Decode {
        url: url.to_owned(),
        detail: e.to_string(),
    })
}
