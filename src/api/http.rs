//! Same-origin JSON calls (the one HTTP client of the app: the lab, the freshness poller, the
//! comparison's two sides and the server's own endpoints build on it). Non-2xx answers are `Ok`: their
//! status and `ErrorBody` are what the lab explains. The user's own token, if pasted, is sent
//! as `Authorization` (the server forwards it); nothing is stored.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Deserialize;
use serde_json::Value;

use super::UserToken;
use crate::error::AppError;
use crate::logic::headers;

/// One HTTP answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    /// The body as JSON (`Null` when empty or not JSON).
    pub body: Value,
    pub retry_after_ms: Option<u64>,
    pub correlation_id: Option<String>,
}

impl Answer {
    #[must_use]
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Genesys' `ErrorBody`, when the answer is an error with a JSON body.
    #[must_use]
    pub fn error_body(&self) -> Option<model::ErrorBody> {
        if self.ok() {
            return None;
        }
        model::ErrorBody::deserialize(&self.body).ok()
    }

    /// One line: `HTTP 403 missing.any.permissions: …`.
    #[must_use]
    pub fn error_line(&self) -> String {
        match self.error_body() {
            Some(e) => format!(
                "HTTP {} {}: {}",
                self.status,
                e.code.unwrap_or_default(),
                e.message.unwrap_or_default()
            ),
            None => format!("HTTP {}", self.status),
        }
    }
}

/// `GET url`.
///
/// # Errors
/// [`AppError::Network`] / [`AppError::Body`] when no answer could be read.
pub async fn get(url: &str, token: Option<UserToken>) -> Result<Answer, AppError> {
    let req = authorized(Request::get(url), token.as_ref());
    finish(send(req).await?).await
}

/// `POST url` with a JSON body.
///
/// # Errors
/// As [`get`].
pub async fn post(url: &str, body: &Value, token: Option<UserToken>) -> Result<Answer, AppError> {
    let req = authorized(Request::post(url), token.as_ref())
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .map_err(|e| AppError::Network(e.to_string()))?;
    finish(
        req.send()
            .await
            .map_err(|e| AppError::Network(e.to_string()))?,
    )
    .await
}

/// A JSON request, with the user's own token as `Authorization` when one is pasted.
pub(super) fn authorized(req: RequestBuilder, token: Option<&UserToken>) -> RequestBuilder {
    let req = req.header("Accept", "application/json");
    match token {
        Some(t) => req.header("Authorization", &t.header_value()),
        None => req,
    }
}

/// `GET url` decoded as `T` (the companion server's own JSON, `users/me`): a non-2xx answer is
/// [`AppError::Status`], another shape [`AppError::Decode`].
pub(super) async fn get_json<T: serde::de::DeserializeOwned>(
    url: &str,
    token: Option<&UserToken>,
) -> Result<T, AppError> {
    let resp = send(authorized(Request::get(url), token)).await?;
    if !resp.ok() {
        return Err(AppError::Status {
            url: url.to_owned(),
            status: resp.status(),
        });
    }
    let text = text(&resp).await?;
    serde_json::from_str(&text).map_err(|e| AppError::Decode {
        url: url.to_owned(),
        detail: e.to_string(),
    })
}

/// Send; no answer at all is [`AppError::Network`].
pub(super) async fn send(req: RequestBuilder) -> Result<Response, AppError> {
    req.send()
        .await
        .map_err(|e| AppError::Network(e.to_string()))
}

/// The body as text; an unreadable one is [`AppError::Body`].
pub(super) async fn text(resp: &Response) -> Result<String, AppError> {
    resp.text().await.map_err(|e| AppError::Body(e.to_string()))
}

/// `Retry-After` in milliseconds (the one parser: [`headers::retry_after_secs`]).
pub(super) fn retry_after_secs(resp: &Response) -> Option<u64> {
    resp.headers()
        .get("retry-after")
        .as_deref()
        .and_then(headers::retry_after_secs)
}

async fn finish(resp: Response) -> Result<Answer, AppError> {
    let text = text(&resp).await?;
    let body = if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::Null)
    };
    Ok(Answer {
        status: resp.status(),
        body,
        retry_after_ms: retry_after_secs(&resp).map(|s| s * 1000),
        correlation_id: resp.headers().get("inin-correlation-id"),
    })
}

/// `encodeURIComponent`, for cursors and IDs in URLs.
#[must_use]
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s)
        .as_string()
        .unwrap_or_default()
}
