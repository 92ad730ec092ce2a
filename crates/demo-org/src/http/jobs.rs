//! Async detail jobs over HTTP (reference/api-facts.md §2.1/§2.5).

use super::analytics::DETAIL_PERMS;
use super::auth::Authed;
use super::json::GcJson;
use super::state::AppState;
use crate::clients::PERM_ANALYTICS_DETAIL_VIEW;
use crate::errors::ApiError;
use crate::jobs::Deleted;
use crate::jobs::to_chrono;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::analytics::{
    AnalyticsConversationAsyncQueryResponse, AsyncConversationQuery, AsyncQueryResponse,
    AsyncQueryStatus, DataAvailabilityResponse,
};
use serde::Deserialize;

/// `POST …/details/jobs` → 202 `{jobId}`.
pub async fn submit(
    State(state): State<AppState>,
    auth: Authed,
    GcJson(q): GcJson<AsyncConversationQuery>,
) -> Result<Response, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    let id = state.jobs.submit(
        &q,
        state.now(),
        to_chrono(state.cfg.job_delay),
        to_chrono(state.cfg.availability_lag),
    );
    Ok((
        StatusCode::ACCEPTED,
        Json(AsyncQueryResponse { job_id: Some(id) }),
    )
        .into_response())
}

/// `GET …/details/jobs/{jobId}` → `AsyncQueryStatus`.
pub async fn status(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<Json<AsyncQueryStatus>, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    state
        .jobs
        .status(&id, state.now())
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// `DELETE …/details/jobs/{jobId}`: 202 while running (cancelled), 204 once finished.
pub async fn cancel(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    match state.jobs.delete(&id, state.now()) {
        Some(Deleted::Cancelled) => Ok(StatusCode::ACCEPTED),
        Some(Deleted::Removed) => Ok(StatusCode::NO_CONTENT),
        None => Err(ApiError::not_found()),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultsParams {
    cursor: Option<String>,
    page_size: Option<String>,
}

/// `GET …/details/jobs/{jobId}/results?cursor=&pageSize=`.
pub async fn results(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    Query(p): Query<ResultsParams>,
) -> Result<Json<AnalyticsConversationAsyncQueryResponse>, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    let page_size = match p
        .page_size
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(s) => Some(
            s.parse::<usize>()
                .map_err(|_| ApiError::invalid_value(s, "integer", &["1..1000"]))?,
        ),
    };
    // The first read of a job scans its interval: CPU work, off the async worker threads.
    tokio::task::spawn_blocking(move || {
        state.jobs.results(
            state.org.as_ref(),
            &id,
            p.cursor.as_deref(),
            page_size,
            state.now(),
        )
    })
    .await
    .map_err(|_| ApiError::internal())?
    .map(Json)
}

/// `GET …/details/jobs/availability` → `dataAvailabilityDate` = now − availability lag.
/// Requires `analytics:conversationDetail:view` only (reference/api-facts.md §2.1).
pub async fn availability(
    State(state): State<AppState>,
    auth: Authed,
) -> Result<Json<DataAvailabilityResponse>, ApiError> {
    auth.require_any(&[PERM_ANALYTICS_DETAIL_VIEW])?;
    let at = state.now() - to_chrono(state.cfg.availability_lag);
    Ok(Json(DataAvailabilityResponse {
        data_availability_date: Some(at),
    }))
}
