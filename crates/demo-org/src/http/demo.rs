//! Clearly non-Genesys endpoints under `/demo/`: the demo clients, the scenario list, faults.

use super::json::GcJson;
use super::state::AppState;
use crate::clients::DEMO_CLIENTS;
use crate::errors::ApiError;
use crate::faults::FaultPlan;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// `GET /demo/clients`: id, secret, name, permissions and what each client demonstrates.
pub async fn clients() -> Json<serde_json::Value> {
    Json(serde_json::to_value(DEMO_CLIENTS).unwrap_or_default())
}

/// `GET /demo/scenarios`: `[{id, conversationId, title, teaches, phase, mediaType, live}]` now.
pub async fn scenarios(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(state.org.scenarios(state.now()))
}

/// `GET /demo/faults`: what is armed.
pub async fn faults_list(State(state): State<AppState>) -> Json<Vec<FaultPlan>> {
    Json(state.faults.list())
}

/// `POST /demo/faults`: arm a fault plan (`{"status":503,"count":3,"pathPrefix":"/api/v2/"}`).
pub async fn faults_arm(
    State(state): State<AppState>,
    GcJson(plan): GcJson<FaultPlan>,
) -> Response {
    match state.faults.arm(plan) {
        Ok(()) => (StatusCode::CREATED, Json(state.faults.list())).into_response(),
        Err(msg) => ApiError::bad_request(msg).into_response(),
    }
}

/// `DELETE /demo/faults`: disarm everything.
pub async fn faults_clear(State(state): State<AppState>) -> StatusCode {
    state.faults.clear();
    StatusCode::NO_CONTENT
}
