//! Every response carries `ININ-Correlation-Id` (a fresh UUID per request), and every error body
//! is a Genesys `ErrorBody` whose `contextId` equals that header (reference/api-facts.md §4.1).

use crate::errors::{ApiError, CORRELATION_HEADER};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// The request's correlation id (also in request extensions for handlers that want it).
#[derive(Debug, Clone)]
pub struct CorrelationId(pub String);

/// Outermost middleware: assign the id, render `ApiError`s, map framework errors to `ErrorBody`.
pub async fn correlate(mut req: Request, next: Next) -> Response {
    let id = uuid::Uuid::new_v4().to_string();
    req.extensions_mut().insert(CorrelationId(id.clone()));
    let mut resp = next.run(req).await;
    let err = match resp.extensions_mut().remove::<ApiError>() {
        Some(e) => Some(e),
        // Errors produced by axum itself (e.g. 405) still get a Genesys-shaped body.
        None if resp.status() == StatusCode::METHOD_NOT_ALLOWED => {
            Some(ApiError::method_not_allowed())
        }
        None if resp.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            Some(ApiError::bad_request("The request body is too large."))
        }
        None => None,
    };
    if let Some(err) = err {
        let body = serde_json::to_vec(&err.body(&id)).unwrap_or_default();
        let mut parts = resp.into_parts().0;
        parts.status = err.status;
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        parts.headers.remove(header::CONTENT_LENGTH);
        resp = Response::from_parts(parts, Body::from(body));
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert(CORRELATION_HEADER, v);
    }
    resp
}
