//! `GET /api/v2/users/me`: the signed-in person. A client-credentials token has no user, so it
//! gets a 400: Genesys' Resource Center says such a client "will not be able to access
//! user-specific APIs (e.g GET /v2/users/me)"; the message below is the start of what a real org
//! was seen to answer, the rest and the `code` are UNVERIFIED.

use super::auth::Authed;
use crate::catalog::home_division;
use crate::errors::ApiError;
use axum::Json;

/// Message of the 400 for a token without a user.
pub const NO_USER_MESSAGE: &str = "This request requires a user context. Client credentials cannot be used for requests to this resource.";

/// A subset of the `UserMe` fields an app reads (`id`, `name`, `email`, `division`, `state`, …).
pub async fn users_me(auth: Authed) -> Result<Json<serde_json::Value>, ApiError> {
    let Some(user) = auth.caller.user else {
        return Err(ApiError::bad_request(NO_USER_MESSAGE));
    };
    let id = user.id();
    let division = home_division();
    Ok(Json(serde_json::json!({
        "id": id,
        "name": user.name,
        "division": {
            "id": division.id,
            "name": division.name,
            "selfUri": format!("/api/v2/authorization/divisions/{}", division.id),
        },
        "email": user.email,
        "state": "active",
        "username": user.email,
        "version": 1,
        "acdAutoAnswer": false,
        "selfUri": format!("/api/v2/users/{id}"),
    })))
}
