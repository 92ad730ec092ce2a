//! `POST /api/oauth/token`: the sign-in code exchange (Authorization Code grant with PKCE),
//! forwarded to the login host this server talks to (`https://login.<domain>`, or the embedded
//! demo org). Only the five fields of that grant pass (`grant_type=authorization_code`, `code`,
//! `code_verifier`, `client_id`, `redirect_uri`; never a secret), the answer comes back
//! unchanged with `Cache-Control: no-store`, and nothing of either is logged or kept.
//!
//! Why through the server: the app's CSP allows only its own origin (`connect-src 'self'`), and
//! the demo org refuses other browser origins. The server adds nothing to the form.

use crate::body::{MAX_RELAYED_BODY_BYTES, read_capped, transport_error};
use crate::error::LensError;
use crate::state::AppState;
use axum::Form;
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;

/// The form of a PKCE code exchange. No `Debug`: it holds a code and a verifier.
#[derive(Deserialize)]
pub struct ExchangeForm {
    grant_type: Option<String>,
    code: Option<String>,
    code_verifier: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
}

/// Forward the exchange; RFC 6749 `invalid_request` / `unsupported_grant_type` bodies for a form
/// that is not one, like the login host would answer.
pub async fn exchange(
    State(state): State<Arc<AppState>>,
    form: Result<Form<ExchangeForm>, FormRejection>,
) -> Result<Response, LensError> {
    let Ok(Form(form)) = form else {
        return Ok(oauth_error(
            "invalid_request",
            "Send the code exchange as application/x-www-form-urlencoded: grant_type=authorization_code, code, code_verifier, client_id, redirect_uri.",
        ));
    };
    if form.grant_type.as_deref() != Some("authorization_code") {
        return Ok(oauth_error(
            "unsupported_grant_type",
            "This endpoint only exchanges sign-in codes: grant_type=authorization_code.",
        ));
    }
    let fields = [
        ("grant_type", form.grant_type.as_deref()),
        ("code", form.code.as_deref()),
        ("code_verifier", form.code_verifier.as_deref()),
        ("client_id", form.client_id.as_deref()),
        ("redirect_uri", form.redirect_uri.as_deref()),
    ];
    let present: Vec<(&str, &str)> = fields
        .iter()
        .filter_map(|(k, v)| v.map(|v| (*k, v)))
        .collect();
    let up = &state.upstream;
    let resp = up
        .http
        .post(format!("{}/oauth/token", up.tokens.login_url()))
        .form(&present)
        .send()
        .await
        .map_err(|e| transport_error(&e, up.timeout))?;
    let status = resp.status();
    let bytes = read_capped(resp, MAX_RELAYED_BODY_BYTES)
        .await
        .map_err(|e| e.into_lens(up.timeout))?;
    let mut out = Response::new(Body::from(bytes));
    *out.status_mut() = status;
    let h = out.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    Ok(out)
}

fn oauth_error(error: &str, description: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::CACHE_CONTROL, "no-store")],
        Json(serde_json::json!({ "error": error, "error_description": description })),
    )
        .into_response()
}
