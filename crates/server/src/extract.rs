//! Extractors shared by the handlers; each rejects with a [`LensError`], so handlers only see
//! requests that passed.

use crate::error::{LensError, clip};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use std::sync::Arc;

/// Largest JSON body accepted (the query/job POSTs, the demo token request).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A JSON object body, as the exact bytes the browser sent (so a proxied body reaches Genesys
/// unchanged): `Content-Type: application/json`, at most [`MAX_BODY_BYTES`], an object.
#[derive(Debug, Clone)]
pub struct JsonObject(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = LensError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, LensError> {
        let (bytes, value) = read_json(req).await?;
        match value {
            v if v.is_object() => Ok(JsonObject(bytes)),
            _ => Err(LensError::BadJson(
                "expected an object like {\"interval\": ...}".into(),
            )),
        }
    }
}

/// A JSON array body of objects (the subscription calls' `[{"id": "<topic>"}]`), as the exact
/// bytes the browser sent, under the same header and size rules as [`JsonObject`].
#[derive(Debug, Clone)]
pub struct JsonArray(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonArray {
    type Rejection = LensError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, LensError> {
        let (bytes, value) = read_json(req).await?;
        match value {
            serde_json::Value::Array(items) if items.iter().all(|i| i.is_object()) => {
                Ok(JsonArray(bytes))
            }
            _ => Err(LensError::BadJson(
                "expected an array like [{\"id\": \"v2.users.<userId>.conversations\"}]".into(),
            )),
        }
    }
}

/// A JSON body under the header and size rules: its exact bytes and what they parse to.
async fn read_json(req: Request) -> Result<(Bytes, serde_json::Value), LensError> {
    let (parts, body) = req.into_parts();
    check_json_headers(&parts.headers)?;
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| LensError::BodyTooLarge {
            limit: MAX_BODY_BYTES,
        })?;
    let value = serde_json::from_slice(&bytes)
        .map_err(|e| LensError::BadJson(format!("line {} column {}", e.line(), e.column())))?;
    Ok((bytes, value))
}

/// The media type, and a declared length over the limit before reading anything.
fn check_json_headers(headers: &HeaderMap) -> Result<(), LensError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(LensError::UnsupportedMediaType);
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(LensError::BodyTooLarge {
            limit: MAX_BODY_BYTES,
        });
    }
    Ok(())
}

/// Only in demo mode: elsewhere the route answers 404 `lens.demo.only` naming the request.
#[derive(Debug, Clone, Copy)]
pub struct DemoMode;

impl FromRequestParts<Arc<AppState>> for DemoMode {
    type Rejection = LensError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, LensError> {
        if state.is_demo() {
            Ok(DemoMode)
        } else {
            Err(LensError::DemoOnly(format!(
                "{} {}",
                parts.method,
                clip(parts.uri.path())
            )))
        }
    }
}
