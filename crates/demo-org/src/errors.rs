//! Errors exactly as Genesys Cloud sends them: an `ErrorBody` JSON (`message, code, status,
//! messageParams, contextId, details, errors`) whose `contextId` equals the `ININ-Correlation-Id`
//! response header.
//!
//! Codes and message templates come from the swagger `x-inin-error-codes` quoted in
//! reference/api-facts.md §4.1. A handler returns an [`ApiError`]; the correlation middleware
//! (`http::correlation`) renders the body, because only it knows the request's correlation id.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::ErrorBody;
use std::collections::BTreeMap;

/// `ININ-Correlation-Id`, sent on every response (reference/api-facts.md §4.1/§4.2).
pub const CORRELATION_HEADER: &str = "ININ-Correlation-Id";

/// A Genesys-shaped error, waiting for its correlation id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// Genesys error code, e.g. `not.found`.
    pub code: &'static str,
    pub message: String,
    pub message_params: BTreeMap<String, String>,
    /// Seconds for `Retry-After` (429 only).
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            message_params: BTreeMap::new(),
            retry_after_secs: None,
        }
    }

    fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.message_params.insert(key.to_owned(), value.into());
        self
    }

    /// 400 `bad.request` with a message saying what is wrong and what to do.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad.request", message)
    }

    /// 400 `invalid.date` (template from the swagger error codes).
    pub fn invalid_date(value: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "invalid.date",
            "Dates must be specified as ISO-8601 strings. For example: yyyy-MM-ddTHH:mm:ss.SSSZ",
        )
        .param("value", value)
    }

    /// 400 `invalid.value`: "Value [%s] is not valid for field type [%s]. Allowable values are: %s".
    pub fn invalid_value(value: &str, field_type: &str, allowed: &[&str]) -> Self {
        let allowed = allowed.join(", ");
        Self::new(
            StatusCode::BAD_REQUEST,
            "invalid.value",
            format!(
                "Value [{value}] is not valid for field type [{field_type}]. Allowable values are: {allowed}"
            ),
        )
        .param("value", value)
        .param("fieldType", field_type)
        .param("allowableValues", allowed)
    }

    /// 401 `authentication.required`: no bearer token at all.
    #[must_use]
    pub fn authentication_required() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "authentication.required",
            "No authentication bearer token specified in authorization header.",
        )
    }

    /// 401 `bad.credentials`: unknown or expired token.
    #[must_use]
    pub fn bad_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "bad.credentials",
            "Invalid login credentials.",
        )
    }

    /// 403 `missing.any.permissions`, naming the permissions the endpoint accepts.
    ///
    /// The template's tail is from the swagger error codes; its opening words ("Unable to perform
    /// the requested action.") are not in the reference and are the demo org's wording.
    pub fn missing_any_permissions(permissions: &[&str]) -> Self {
        let list = format!("[{}]", permissions.join(", "));
        Self::new(
            StatusCode::FORBIDDEN,
            "missing.any.permissions",
            format!(
                "Unable to perform the requested action. You must have at least one of the following permissions assigned: {list}"
            ),
        )
        .param("permissions", list)
    }

    /// 404 `not.found`.
    #[must_use]
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not.found",
            "The requested resource was not found.",
        )
    }

    /// 405 for a known path with the wrong method (the reference lists no code; demo wording).
    #[must_use]
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method.not.allowed",
            "HTTP method not allowed for this resource.",
        )
    }

    /// 415 `unsupported.media.type` (POST bodies must be `application/json`).
    pub fn unsupported_media_type(content_type: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported.media.type",
            format!(
                "Content-Type [{content_type}] is not supported. Send the body as application/json."
            ),
        )
        .param("contentType", content_type)
    }

    /// 429 `too.many.requests` with `Retry-After`.
    #[must_use]
    pub fn too_many_requests(limit: u32, window_secs: u64, retry_after_secs: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too.many.requests",
            format!(
                "Rate limit exceeded the maximum [{limit}] requests within [{window_secs}] seconds"
            ),
        );
        e.retry_after_secs = Some(retry_after_secs);
        e
    }

    /// 500 `internal.server.error`.
    #[must_use]
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal.server.error",
            "The server encountered an unexpected condition which prevented it from fulfilling the request.",
        )
    }

    /// 503 `service.unavailable`.
    #[must_use]
    pub fn service_unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "service.unavailable",
            "Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).",
        )
    }

    /// 504 `request.timeout`.
    #[must_use]
    pub fn request_timeout() -> Self {
        Self::new(
            StatusCode::GATEWAY_TIMEOUT,
            "request.timeout",
            "The request timed out.",
        )
    }

    /// The 5xx error a fault-injection status stands for (`None` for anything else).
    #[must_use]
    pub fn for_fault_status(status: u16) -> Option<Self> {
        match status {
            500 => Some(Self::internal()),
            503 => Some(Self::service_unavailable()),
            504 => Some(Self::request_timeout()),
            _ => None,
        }
    }

    /// The wire body for this error with the request's correlation id.
    #[must_use]
    pub fn body(&self, context_id: &str) -> ErrorBody {
        ErrorBody {
            message: Some(self.message.clone()),
            code: Some(self.code.to_owned()),
            status: Some(i64::from(self.status.as_u16())),
            message_params: (!self.message_params.is_empty()).then(|| self.message_params.clone()),
            context_id: Some(context_id.to_owned()),
            details: Some(Vec::new()),
            errors: Some(Vec::new()),
            ..ErrorBody::default()
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    /// Status + headers now; the correlation middleware turns the extension into the JSON body.
    fn into_response(self) -> Response {
        let mut resp = self.status.into_response();
        if let Some(secs) = self.retry_after_secs
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        resp.extensions_mut().insert(self);
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_carries_context_id_and_empty_lists() {
        let b = ApiError::not_found().body("abc");
        assert_eq!(b.context_id.as_deref(), Some("abc"));
        assert_eq!(b.status, Some(404));
        assert_eq!(b.code.as_deref(), Some("not.found"));
        assert_eq!(b.details, Some(vec![]));
        assert!(b.message_params.is_none());
    }

    #[test]
    fn permission_error_names_permissions() {
        let e = ApiError::missing_any_permissions(&["a:b:c", "d:e:f"]);
        assert!(e.message.ends_with("[a:b:c, d:e:f]"));
        assert_eq!(
            e.message_params.get("permissions").map(String::as_str),
            Some("[a:b:c, d:e:f]")
        );
    }

    #[test]
    fn rate_limit_message_matches_template() {
        let e = ApiError::too_many_requests(300, 60, 12);
        assert_eq!(
            e.message,
            "Rate limit exceeded the maximum [300] requests within [60] seconds"
        );
        assert_eq!(e.retry_after_secs, Some(12));
    }
}
