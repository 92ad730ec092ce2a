//! The companion server's own endpoints: health (demo or real org), the demo scenarios and
//! starting one again live.

use gloo_net::http::Request;
use serde::Deserialize;

use super::http;
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
    /// Where "Sign in" sends the browser (`<loginUrl>/oauth/authorize`).
    #[serde(default, rename = "loginUrl")]
    pub login_url: Option<String>,
    /// Demo mode: the demo org's sign-in client id.
    #[serde(default, rename = "signInClientId")]
    pub sign_in_client_id: Option<String>,
    /// Whether the server has a token of its own; `false` = sign-in only (every lookup needs the
    /// user's token). An older server does not say, and always had one.
    #[serde(default = "has_server_token", rename = "serverToken")]
    pub server_token: bool,
}

fn has_server_token() -> bool {
    true
}

impl Health {
    #[must_use]
    pub fn is_demo(&self) -> bool {
        self.mode == "demo"
    }

    /// A real org with no server credentials: nothing can be read until the user signs in (or
    /// pastes a token).
    #[must_use]
    pub fn needs_sign_in(&self) -> bool {
        !self.is_demo() && !self.server_token
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
    /// Where the built-in conversation's story is now.
    #[serde(default)]
    pub phase: ScenarioPhase,
    #[serde(default)]
    pub media_type: String,
    #[serde(default)]
    pub live: bool,
    /// ISO-8601; empty from an older server.
    #[serde(default)]
    pub conversation_start: String,
    /// Runs of this scenario started on demand ("Watch it live"), newest first.
    #[serde(default)]
    pub runs: Vec<ScenarioRun>,
}

/// `phase` of a scenario or run: where its story is at the moment.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct ScenarioPhase {
    /// Stable key: `not-started`, `live`, `wrap-up`, `analytics-catching-up`, `ended`, …
    #[serde(default)]
    pub name: String,
    /// "in IVR", "on hold", "ended; analytics catching up", …
    #[serde(default)]
    pub label: String,
    /// When this phase ends by itself (ISO-8601).
    #[serde(default)]
    pub until: Option<String>,
}

/// A run of a scenario started on demand.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioRun {
    pub conversation_id: String,
    #[serde(default)]
    pub start_time: String,
    #[serde(default)]
    pub phase: ScenarioPhase,
}

/// `201` of `POST /api/demo/scenarios/{id}/start`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartedRun {
    pub conversation_id: String,
    #[serde(default)]
    pub start_time: String,
}

/// Start demo scenario `scenario_id` again, live from now, as a new conversation.
///
/// # Errors
/// When the server is unreachable or refuses (unknown scenario, real mode: its JSON `message`).
pub async fn start_scenario(scenario_id: &str) -> Result<StartedRun, AppError> {
    let url = format!("/api/demo/scenarios/{scenario_id}/start");
    let resp = http::send(Request::post(&url)).await?;
    let text = http::text(&resp).await?;
    if !resp.ok() {
        let message = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["message"].as_str().map(str::to_owned))
            .unwrap_or_default();
        return Err(AppError::Refused {
            url,
            status: resp.status(),
            message,
        });
    }
    serde_json::from_str(&text).map_err(|e| AppError::Decode {
        url,
        detail: e.to_string(),
    })
}

/// # Errors
/// When the server is unreachable or answers something else than the health JSON.
pub async fn health() -> Result<Health, AppError> {
    http::get_json("/api/health", None).await
}

/// # Errors
/// When the server is unreachable, not in demo mode (404) or answers an unexpected shape.
pub async fn scenarios() -> Result<Vec<Scenario>, AppError> {
    http::get_json("/api/demo/scenarios", None).await
}
