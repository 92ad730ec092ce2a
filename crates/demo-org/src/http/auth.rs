//! Bearer-token check, per-token rate limit and `inin-ratelimit-*` headers for `/api/v2/**`.
//! Permission checks are per endpoint (handlers call [`Authed::require_any`]).

use super::state::AppState;
use crate::errors::ApiError;
use crate::oauth::Caller;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

/// The authenticated caller, put in request extensions by [`authenticate`].
#[derive(Debug, Clone)]
pub struct Authed {
    pub caller: Caller,
    /// The bearer token itself (for `GET /api/v2/tokens/me`; never logged).
    pub token: String,
}

impl Authed {
    /// 403 `missing.any.permissions` unless the caller (the signed-in user, else the client)
    /// holds one of `permissions`.
    ///
    /// # Errors
    /// When the client lacks every listed permission.
    pub fn require_any(&self, permissions: &[&str]) -> Result<(), ApiError> {
        if self.caller.has_any(permissions) {
            Ok(())
        } else {
            Err(ApiError::missing_any_permissions(permissions))
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Self>()
            .cloned()
            .ok_or_else(ApiError::authentication_required)
    }
}

/// The bearer token of a request: `None` = no usable `Authorization: Bearer` header.
fn bearer(req: &Request) -> Option<&str> {
    let v = req
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    let (scheme, token) = v.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Route middleware: 401 without/with a bad token, 429 past the budget, rate headers otherwise.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(token) = bearer(&req).map(str::to_owned) else {
        return ApiError::authentication_required().into_response();
    };
    let Some(caller) = state.tokens.lookup(&token) else {
        return ApiError::bad_credentials().into_response();
    };
    let budget = state.limiter.hit(&token, Instant::now());
    let mut resp = if budget.exceeded() {
        ApiError::too_many_requests(
            budget.allowed,
            crate::ratelimit::WINDOW.as_secs(),
            budget.reset_secs,
        )
        .into_response()
    } else {
        req.extensions_mut().insert(Authed { caller, token });
        next.run(req).await
    };
    // Seen on real responses (reference/api-facts.md §4.2); not documented today, so informative only.
    let h = resp.headers_mut();
    for (name, value) in [
        ("inin-ratelimit-allowed", budget.allowed.to_string()),
        (
            "inin-ratelimit-count",
            budget.count.min(budget.allowed).to_string(),
        ),
        ("inin-ratelimit-reset", budget.reset_secs.to_string()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    resp
}
