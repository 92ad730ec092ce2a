//! `GcJson<T>`: a JSON body extractor that fails the Genesys way — 415 `unsupported.media.type`
//! without a JSON content type, 400 `bad.request` naming the problem for a body that does not parse.

use crate::errors::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;

/// A request body decoded from `application/json`.
#[derive(Debug)]
pub struct GcJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for GcJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let ct = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let mime = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if mime != "application/json" && !mime.ends_with("+json") {
            return Err(ApiError::unsupported_media_type(if ct.is_empty() {
                "none"
            } else {
                &ct
            }));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::bad_request("The request body could not be read."))?;
        serde_json::from_slice(&bytes).map(GcJson).map_err(|e| {
            ApiError::bad_request(format!(
                "The request body is not valid JSON for this endpoint: {e}"
            ))
        })
    }
}
