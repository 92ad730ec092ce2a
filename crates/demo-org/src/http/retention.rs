//! `GET /api/v2/analytics/dataretention/settings` (reference/api-facts.md §2.1, §6): the org's analytics
//! retention. Read-only here; the real API also has a PUT, which the demo does not model.

use super::auth::Authed;
use super::state::AppState;
use crate::clients::PERM_ANALYTICS_RETENTION_VIEW;
use crate::errors::ApiError;
use axum::Json;
use axum::extract::State;
use chrono::Duration;
use model::retention::AnalyticsDataRetentionResponse;

/// The setting's `retentionDays` and, when it is set, fixed creation/modification dates (a year
/// and a half and a year before the org's start-up). With no setting the demo answers `{}`: what
/// a real org that never set one answers is UNVERIFIED.
pub async fn settings(
    State(state): State<AppState>,
    auth: Authed,
) -> Result<Json<AnalyticsDataRetentionResponse>, ApiError> {
    auth.require_any(&[PERM_ANALYTICS_RETENTION_VIEW])?;
    let origin = state.clock.origin();
    Ok(Json(match state.cfg.analytics_retention_days {
        Some(days) => AnalyticsDataRetentionResponse {
            retention_days: Some(i32::try_from(days).unwrap_or(i32::MAX)),
            date_created: Some(origin - Duration::days(548)),
            date_modified: Some(origin - Duration::days(365)),
        },
        None => AnalyticsDataRetentionResponse::default(),
    }))
}
