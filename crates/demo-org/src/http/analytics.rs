//! Analytics conversation-details reads (reference/api-facts.md §2.1): by-id GET, multi-get, details query.
//! None of them returns participant attributes.

use super::auth::Authed;
use super::json::GcJson;
use super::state::AppState;
use crate::clients::{PERM_ANALYTICS_AGENT_DETAIL_VIEW, PERM_ANALYTICS_DETAIL_VIEW};
use crate::errors::ApiError;
use crate::query;
use axum::Json;
use axum::extract::{Path, Query, State};
use model::analytics::{
    AnalyticsConversationQueryResponse, AnalyticsConversationWithoutAttributes,
    AnalyticsConversationWithoutAttributesMultiGetResponse, ConversationQuery,
};
use serde::Deserialize;

/// The permissions every details endpoint accepts (ANY of), except jobs availability.
pub const DETAIL_PERMS: &[&str] = &[PERM_ANALYTICS_DETAIL_VIEW, PERM_ANALYTICS_AGENT_DETAIL_VIEW];

/// Most ids one multi-get accepts (upstream limit UNVERIFIED; keeps one request bounded).
pub const MULTI_GET_MAX_IDS: usize = 100;

/// `GET /api/v2/analytics/conversations/{conversationId}/details` — no interval needed.
pub async fn get_details(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<Json<AnalyticsConversationWithoutAttributes>, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    let c = state
        .org
        .analytics(&id, state.now())
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(query::without_attributes(c)))
}

#[derive(Debug, Deserialize)]
pub struct IdsParam {
    id: Option<String>,
}

/// `GET /api/v2/analytics/conversations/details?id=a,b,c` → `{conversations:[…]}`; unknown ids
/// are left out (the response has no per-id error slot).
pub async fn multi_get(
    State(state): State<AppState>,
    auth: Authed,
    Query(params): Query<IdsParam>,
) -> Result<Json<AnalyticsConversationWithoutAttributesMultiGetResponse>, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    let raw = params.id.unwrap_or_default();
    let ids: Vec<&str> = raw
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        return Err(ApiError::bad_request(
            "The id query parameter is required: a comma-separated list of conversation ids, e.g. ?id=a,b.",
        ));
    }
    if ids.len() > MULTI_GET_MAX_IDS {
        return Err(ApiError::bad_request(format!(
            "Too many ids ({}); the demo org accepts at most {MULTI_GET_MAX_IDS} per request.",
            ids.len()
        )));
    }
    let now = state.now();
    let conversations = ids
        .iter()
        .filter_map(|id| state.org.analytics(id, now))
        .map(query::without_attributes)
        .collect();
    Ok(Json(
        AnalyticsConversationWithoutAttributesMultiGetResponse {
            conversations: Some(conversations),
        },
    ))
}

/// `POST /api/v2/analytics/conversations/details/query`.
pub async fn details_query(
    State(state): State<AppState>,
    auth: Authed,
    GcJson(body): GcJson<ConversationQuery>,
) -> Result<Json<AnalyticsConversationQueryResponse>, ApiError> {
    auth.require_any(DETAIL_PERMS)?;
    // Scanning up to 31 days is CPU work: keep it off the async worker threads.
    let work = state.clone();
    tokio::task::spawn_blocking(move || {
        query::run_details_query_cached(
            work.org.as_ref(),
            &body,
            work.now(),
            &work.query_cache,
            work.settled_before(),
        )
    })
    .await
    .map_err(|_| ApiError::internal())?
    .map(Json)
}
