//! `GET /api/v2/conversations/{conversationId}` → `Conversation` (reference/api-facts.md §1), and
//! `GET /api/v2/tokens/me`.

use super::auth::Authed;
use super::state::AppState;
use crate::clients::PERM_CONVERSATION_VIEW;
use crate::errors::ApiError;
use axum::Json;
use axum::extract::{Path, State};
use model::conversations::Conversation;

pub async fn get_conversation(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<Json<Conversation>, ApiError> {
    auth.require_any(&[PERM_CONVERSATION_VIEW])?;
    state
        .org
        .realtime(&id, state.now())
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// `GET /api/v2/tokens/me`: a SIMPLIFIED `TokenInfo` (organization, homeOrganization, OAuthClient,
/// authorizedScope). Client-credentials tokens carry no scopes (reference/api-facts.md §3.1), so the list is empty.
pub async fn tokens_me(auth: Authed) -> Json<serde_json::Value> {
    let org = serde_json::json!({
        "id": DEMO_ORG_ID,
        "name": DEMO_ORG_NAME,
    });
    Json(serde_json::json!({
        "organization": org,
        "homeOrganization": org,
        "authorizedScope": [],
        "OAuthClient": {
            "id": auth.caller.client.id,
            "name": auth.caller.client.name,
            "organization": { "id": DEMO_ORG_ID, "name": DEMO_ORG_NAME },
        },
    }))
}

/// The demo org's name.
pub const DEMO_ORG_NAME: &str = "Conversation Lens Demo Org";
/// The demo org's organization id (stable).
pub const DEMO_ORG_ID: &str = "9f2a6c1e-3b7d-4e8f-a0c4-5d6e7f8a9b0c";
