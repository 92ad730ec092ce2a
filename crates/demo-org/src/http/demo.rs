//! Clearly non-Genesys endpoints under `/demo/`: the demo clients, the scenario list, faults.

use super::json::GcJson;
use super::state::AppState;
use crate::clients::DEMO_CLIENTS;
use crate::errors::ApiError;
use crate::faults::FaultPlan;
use crate::runs::StartedRun;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// `GET /demo/clients`: id, secret, name, permissions, `grantType` (`client_credentials`, or
/// `pkce` for the sign-in client, which has no secret and lists its users) and what each
/// client demonstrates.
pub async fn clients() -> Json<serde_json::Value> {
    let mut list: Vec<serde_json::Value> = DEMO_CLIENTS
        .iter()
        .map(|c| with_grant(c, "client_credentials"))
        .collect();
    let mut pkce = with_grant(&crate::clients::PKCE_CLIENT, "pkce");
    if let Some(o) = pkce.as_object_mut() {
        o.remove("secret");
        o.insert(
            "redirectUris".into(),
            serde_json::json!(["http://127.0.0.1:*", "http://localhost:*"]),
        );
        o.insert(
            "users".into(),
            serde_json::to_value(
                crate::users::DEMO_USERS
                    .iter()
                    .map(|u| {
                        serde_json::json!({"id": u.id(), "name": u.name, "role": u.role,
                            "permissions": u.permissions, "demonstrates": u.demonstrates})
                    })
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_default(),
        );
    }
    list.push(pkce);
    Json(serde_json::Value::Array(list))
}

fn with_grant(c: &crate::clients::DemoClient, grant: &str) -> serde_json::Value {
    let mut v = serde_json::to_value(c).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("grantType".into(), grant.into());
    }
    v
}

/// `GET /demo/scenarios`: `[{id, conversationId, title, teaches, phase: {name, label, until},
/// mediaType, live, conversationStart, runs: [{scenarioId, conversationId, startTime, phase}]}]`
/// now.
pub async fn scenarios(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(state.org.scenarios(state.now()))
}

/// `POST /demo/scenarios/{scenarioId}/start`: the scenario again, live from the demo clock's
/// now, as a new conversation: `201 {conversationId, startTime}`; unknown scenario → 404.
pub async fn start_run(
    State(state): State<AppState>,
    Path(scenario_id): Path<String>,
) -> Result<(StatusCode, Json<StartedRun>), ApiError> {
    state
        .org
        .start_run(&scenario_id, state.now())
        .map(|run| (StatusCode::CREATED, Json(run)))
        .ok_or_else(ApiError::not_found)
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

/// `GET /demo/clock`: the simulated clock (`now`, `origin`, `frozen`, `timeScale`).
pub async fn clock(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(clock_body(&state))
}

fn clock_body(state: &AppState) -> serde_json::Value {
    serde_json::json!({
        "now": model::time::to_wire(&state.now()),
        "origin": model::time::to_wire(&state.clock.origin()),
        "frozen": state.clock.is_frozen(),
        "timeScale": state.cfg.time_scale,
    })
}

/// Body of `POST /demo/clock`: move a frozen clock by `advanceSeconds` or to `at`.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClockMove {
    advance_seconds: Option<f64>,
    at: Option<String>,
}

/// `POST /demo/clock`: move a *frozen* clock (tests, demos, the SDK check). A running clock
/// answers 400: it cannot be moved.
pub async fn clock_move(State(state): State<AppState>, GcJson(m): GcJson<ClockMove>) -> Response {
    let target = match (m.advance_seconds, m.at.as_deref()) {
        (Some(secs), None) if secs.is_finite() => {
            #[allow(clippy::cast_possible_truncation)]
            // bounded by is_finite + chrono's range check
            let ms = (secs * 1000.0) as i64;
            chrono::Duration::try_milliseconds(ms).map(|d| state.now() + d)
        }
        (None, Some(at)) => crate::query::interval::parse_time(at).ok(),
        _ => None,
    };
    let Some(target) = target else {
        return ApiError::bad_request(
            "Send {\"advanceSeconds\": n} or {\"at\": \"2026-05-12T14:00:00.000Z\"}.",
        )
        .into_response();
    };
    if !state.clock.set(target) {
        return ApiError::bad_request(
            "The clock is running; only a frozen clock (demo-org --frozen-at …) can be moved.",
        )
        .into_response();
    }
    Json(clock_body(&state)).into_response()
}
