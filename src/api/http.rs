//! Same-origin JSON calls for the lab and the freshness view. Non-2xx answers are `Ok`: their
//! status and `ErrorBody` are what the lab explains. The user's own token, if pasted, is sent
//! as `Authorization` (the server forwards it); nothing is stored.

use gloo_net::http::Request;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::api::UserToken;
use crate::error::AppError;

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
        serde_json::from_value(self.body.clone()).ok()
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
    let mut req = Request::get(url).header("Accept", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", &t.header_value());
    }
    finish(req.send().await).await
}

/// `POST url` with a JSON body.
///
/// # Errors
/// As [`get`].
pub async fn post(url: &str, body: &Value, token: Option<UserToken>) -> Result<Answer, AppError> {
    let mut req = Request::post(url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", &t.header_value());
    }
    let req = req
        .body(body.to_string())
        .map_err(|e| AppError::Network(e.to_string()))?;
    finish(req.send().await).await
}

async fn finish(
    sent: Result<gloo_net::http::Response, gloo_net::Error>,
) -> Result<Answer, AppError> {
    let resp = sent.map_err(|e| AppError::Network(e.to_string()))?;
    let text = resp
        .text()
        .await
        .map_err(|e| AppError::Body(e.to_string()))?;
    let body = if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::Null)
    };
    let headers = resp.headers();
    let retry_after_ms = headers
        .get("retry-after")
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(|s| s * 1000);
    Ok(Answer {
        status: resp.status(),
        body,
        retry_after_ms,
        correlation_id: headers.get("inin-correlation-id"),
    })
}

/// `encodeURIComponent`, for cursors and IDs in URLs.
#[must_use]
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s)
        .as_string()
        .unwrap_or_default()
}

/// Resolve after `ms` milliseconds (a `setTimeout` promise).
pub async fn sleep_ms(ms: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let cb: &js_sys::Function = resolve.unchecked_ref();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            cb,
            i32::try_from(ms).unwrap_or(i32::MAX),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `performance.now()` in whole milliseconds (the freshness poller's clock).
#[must_use]
pub fn monotonic_ms() -> u64 {
    let ms = crate::api::now_ms();
    if ms.is_finite() && ms > 0.0 {
        // performance.now() is non-negative and far below 2^53.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = ms as u64;
        whole
    } else {
        0
    }
}
