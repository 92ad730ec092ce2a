//! `POST /oauth/token` (the login host's endpoint; the demo org serves it on the same base URL):
//! `grant_type=client_credentials` ([`crate::oauth`]) or `grant_type=authorization_code` with a
//! PKCE `code_verifier` ([`crate::oauth_code`]).

use super::state::AppState;
use crate::oauth::{OAuthError, TokenRequest, TokenResponse};
use crate::oauth_code::Redemption;
use axum::Form;
use axum::Json;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::time::Instant;

/// The form fields of a token request (anything else is ignored).
#[derive(Debug, Default, Deserialize)]
pub struct TokenForm {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    code: Option<String>,
    code_verifier: Option<String>,
    redirect_uri: Option<String>,
}

pub async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return oauth_error(&OAuthError {
            error: "invalid_request",
            error_description:
                "Send the token request as application/x-www-form-urlencoded with grant_type=client_credentials."
                    .to_owned(),
            status: 400,
        });
    };
    if form.grant_type.as_deref().map(str::trim) == Some("authorization_code") {
        return redeem_code(&state, &form);
    }
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let req = TokenRequest {
        authorization,
        grant_type: form.grant_type.as_deref(),
        client_id: form.client_id.as_deref(),
        client_secret: form.client_secret.as_deref(),
    };
    match state.tokens.issue(&req, state.cfg.token_ttl_secs) {
        Ok(tok) => token_response(&tok),
        Err(e) => oauth_error(&e),
    }
}

/// `grant_type=authorization_code`: redeem the code for a token of the signed-in user.
fn redeem_code(state: &AppState, form: &TokenForm) -> Response {
    let r = Redemption {
        client_id: form.client_id.as_deref(),
        code: form.code.as_deref(),
        code_verifier: form.code_verifier.as_deref(),
        redirect_uri: form.redirect_uri.as_deref(),
    };
    match state.codes.redeem(&r, Instant::now()) {
        Ok(grant) => {
            let tok =
                state
                    .tokens
                    .issue_for_user(grant.client, grant.user, state.cfg.token_ttl_secs);
            if let Some(code) = r.code {
                state.codes.record_token(code.trim(), &tok.access_token);
            }
            token_response(&tok)
        }
        Err(refused) => {
            if let Some(t) = refused.revoke {
                state.tokens.revoke(&t);
            }
            oauth_error(&refused.error)
        }
    }
}

fn token_response(tok: &TokenResponse) -> Response {
    // RFC 6749 §5.1: token responses must not be cached.
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(tok),
    )
        .into_response()
}

pub(crate) fn oauth_error(e: &OAuthError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    let mut resp = (status, Json(e)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        // RFC 6749 §5.2: a 401 for invalid_client carries WWW-Authenticate.
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Basic realm=\"oauth\""),
        );
    }
    resp
}
