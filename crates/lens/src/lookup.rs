//! What came back from each API, decoded into the wire models — tolerant of anything.
//!
//! The UI hands us status, time taken, correlation ID and the JSON body of each call. A non-2xx
//! becomes [`LookupError::Http`] with the `ErrorBody` (or what we could salvage of it); a 2xx
//! body that is not the promised model becomes [`LookupError::UnexpectedBody`]. Nothing here
//! panics, whatever the body holds.
//!
//! Models are decoded from the parsed body in place (`T::deserialize(&Value)`): no copy of a
//! megabyte body first, and one deserializer type for every model the app decodes (each
//! deserializer type instantiates the models' generated visitors again, in the wasm).

use std::fmt;

use model::ErrorBody;
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which call produced a result. Each has its own permissions, errors and snippets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Api {
    /// `GET /api/v2/conversations/{conversationId}` — the real-time view.
    Conversations,
    /// `GET /api/v2/analytics/conversations/{conversationId}/details` — one conversation, no interval.
    AnalyticsById,
    /// `GET /api/v2/analytics/conversations/details?id=…` — several conversations by id.
    AnalyticsMultiGet,
    /// `POST /api/v2/analytics/conversations/details/query` — filter + interval.
    AnalyticsQuery,
    /// `POST /api/v2/analytics/conversations/details/jobs` and its status/results — async, datalake.
    AnalyticsJob,
}

impl Api {
    pub const ALL: [Self; 5] = [
        Self::Conversations,
        Self::AnalyticsById,
        Self::AnalyticsMultiGet,
        Self::AnalyticsQuery,
        Self::AnalyticsJob,
    ];

    /// Short name for headings.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Conversations => "Conversations API",
            Self::AnalyticsById => "Analytics details (by id)",
            Self::AnalyticsMultiGet => "Analytics details (multi-get)",
            Self::AnalyticsQuery => "Analytics details query",
            Self::AnalyticsJob => "Analytics details job",
        }
    }

    /// Method and path template as the reference writes it.
    #[must_use]
    pub const fn endpoint(self) -> &'static str {
        match self {
            Self::Conversations => "GET /api/v2/conversations/{conversationId}",
            Self::AnalyticsById => "GET /api/v2/analytics/conversations/{conversationId}/details",
            Self::AnalyticsMultiGet => "GET /api/v2/analytics/conversations/details?id={id1},{id2}",
            Self::AnalyticsQuery => "POST /api/v2/analytics/conversations/details/query",
            Self::AnalyticsJob => "POST /api/v2/analytics/conversations/details/jobs",
        }
    }

    /// True for the real-time side.
    #[must_use]
    pub const fn is_realtime(self) -> bool {
        matches!(self, Self::Conversations)
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One HTTP answer as the UI received it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiResult {
    pub status: u16,
    /// Wall time the browser measured for the call.
    pub elapsed_ms: f64,
    /// `ININ-Correlation-Id` response header, quoted when asking Genesys support.
    pub correlation_id: Option<String>,
    /// `Retry-After` header in seconds (429 and sometimes 503).
    pub retry_after_secs: Option<u64>,
    /// The body; `Value::Null` when empty, `Value::String` when it was not JSON.
    pub body: Value,
}

impl ApiResult {
    #[must_use]
    pub fn ok(body: Value) -> Self {
        Self {
            status: 200,
            elapsed_ms: 0.0,
            correlation_id: None,
            retry_after_secs: None,
            body,
        }
    }

    #[must_use]
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why a side has no data to show. `Display` is a one-line summary; `errors::explain` says more.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LookupError {
    /// The API answered with an error status.
    #[error("{api} answered HTTP {status}{}", error.code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default())]
    Http {
        api: Api,
        status: u16,
        /// The `ErrorBody`; when the body was not one, `message` holds what it said.
        error: Box<ErrorBody>,
        retry_after_secs: Option<u64>,
        correlation_id: Option<String>,
    },
    /// A success status with a body that is not the promised model.
    #[error(
        "{api} answered HTTP {status} but the body is not what this endpoint returns: {reason}"
    )]
    UnexpectedBody {
        api: Api,
        status: u16,
        reason: String,
    },
    /// A list endpoint answered, but the conversation is not in the list.
    #[error("{api} answered, but conversation {id} is not among its {count} result(s)")]
    NotInResults { api: Api, id: String, count: usize },
}

impl LookupError {
    /// HTTP status (200 for a bad body / missing result).
    #[must_use]
    pub const fn status(&self) -> u16 {
        match self {
            Self::Http { status, .. } | Self::UnexpectedBody { status, .. } => *status,
            Self::NotInResults { .. } => 200,
        }
    }

    #[must_use]
    pub const fn api(&self) -> Api {
        match self {
            Self::Http { api, .. }
            | Self::UnexpectedBody { api, .. }
            | Self::NotInResults { api, .. } => *api,
        }
    }

    /// True for "we asked and it is not there" (HTTP 404 or absent from a list).
    #[must_use]
    pub const fn is_not_found(&self) -> bool {
        matches!(
            self,
            Self::Http { status: 404, .. } | Self::NotInResults { .. }
        )
    }
}

/// The state of one side while the page is open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Side<'a, T> {
    Loading,
    Loaded(&'a T),
    Failed(&'a LookupError),
}

impl<'a, T> Side<'a, T> {
    /// `None` = still loading.
    #[must_use]
    pub fn from_result(r: Option<&'a Result<T, LookupError>>) -> Self {
        match r {
            None => Self::Loading,
            Some(Ok(t)) => Self::Loaded(t),
            Some(Err(e)) => Self::Failed(e),
        }
    }

    #[must_use]
    pub const fn loaded(&self) -> Option<&'a T> {
        match self {
            Self::Loaded(t) => Some(t),
            _ => None,
        }
    }

    #[must_use]
    pub const fn failed(&self) -> Option<&'a LookupError> {
        match self {
            Self::Failed(e) => Some(e),
            _ => None,
        }
    }
}

/// Read an `ErrorBody` out of whatever an error response carried.
#[must_use]
pub fn error_body(status: u16, body: &Value) -> ErrorBody {
    let parsed = ErrorBody::deserialize(body).ok();
    let mut e = parsed
        .filter(|e| e.message.is_some() || e.code.is_some())
        .unwrap_or_default();
    if e.message.is_none() && e.code.is_none() {
        e.message = match body {
            Value::Null => None,
            Value::String(s) => Some(clip(s, 300)),
            other => Some(clip(&other.to_string(), 300)),
        };
    }
    if e.status.is_none() {
        e.status = Some(i64::from(status));
    }
    e
}

fn http_error(api: Api, r: &ApiResult) -> LookupError {
    LookupError::Http {
        api,
        status: r.status,
        error: Box::new(error_body(r.status, &r.body)),
        retry_after_secs: r.retry_after_secs,
        correlation_id: r.correlation_id.clone(),
    }
}

fn unexpected(api: Api, status: u16, reason: impl Into<String>) -> LookupError {
    LookupError::UnexpectedBody {
        api,
        status,
        reason: reason.into(),
    }
}

/// Decode a `GET /api/v2/conversations/{id}` answer.
///
/// # Errors
/// [`LookupError::Http`] for an error status, [`LookupError::UnexpectedBody`] when a 2xx body is
/// not a `Conversation` with an `id` (or is for another conversation than `expected_id`).
pub fn decode_conversation(
    r: &ApiResult,
    expected_id: Option<&str>,
) -> Result<Conversation, LookupError> {
    let api = Api::Conversations;
    if !r.is_success() {
        return Err(http_error(api, r));
    }
    if !r.body.is_object() {
        return Err(unexpected(
            api,
            r.status,
            format!("expected a JSON object, got {}", kind_of(&r.body)),
        ));
    }
    let c = Conversation::deserialize(&r.body)
        .map_err(|e| unexpected(api, r.status, clip(&e.to_string(), 200)))?;
    match (&c.id, expected_id) {
        (None, _) => Err(unexpected(
            api,
            r.status,
            "the object has no `id`, so it is not a Conversation",
        )),
        (Some(got), Some(want)) if !got.eq_ignore_ascii_case(want) => Err(unexpected(
            api,
            r.status,
            format!("it describes conversation {got}, not {want}"),
        )),
        _ => Ok(c),
    }
}

/// Decode an analytics answer for one conversation, whichever analytics endpoint produced it:
/// the by-id object, or the `conversations` list of the multi-get, query or job results.
///
/// # Errors
/// [`LookupError::Http`], [`LookupError::UnexpectedBody`], or [`LookupError::NotInResults`] when a
/// list answer does not contain `id`.
pub fn decode_analytics(
    api: Api,
    r: &ApiResult,
    id: &str,
) -> Result<AnalyticsConversationWithoutAttributes, LookupError> {
    if !r.is_success() {
        return Err(http_error(api, r));
    }
    let Value::Object(obj) = &r.body else {
        return Err(unexpected(
            api,
            r.status,
            format!("expected a JSON object, got {}", kind_of(&r.body)),
        ));
    };
    let one = |v: &Value| -> Result<AnalyticsConversationWithoutAttributes, LookupError> {
        AnalyticsConversationWithoutAttributes::deserialize(v)
            .map_err(|e| unexpected(api, r.status, clip(&e.to_string(), 200)))
    };
    match api {
        Api::AnalyticsById | Api::Conversations => {
            let c = one(&r.body)?;
            match c.conversation_id.as_deref() {
                None => Err(unexpected(
                    api,
                    r.status,
                    "the object has no `conversationId`",
                )),
                Some(got) if !got.eq_ignore_ascii_case(id) => Err(unexpected(
                    api,
                    r.status,
                    format!("it describes conversation {got}, not {id}"),
                )),
                Some(_) => Ok(c),
            }
        }
        Api::AnalyticsMultiGet | Api::AnalyticsQuery | Api::AnalyticsJob => {
            // Past the last page the `conversations` array is absent (reference/api-facts.md §2.3), so absent = empty.
            let list = match obj.get("conversations") {
                None | Some(Value::Null) => &[][..],
                Some(Value::Array(a)) => a.as_slice(),
                Some(other) => {
                    return Err(unexpected(
                        api,
                        r.status,
                        format!("`conversations` is {}, not a list", kind_of(other)),
                    ));
                }
            };
            let hit = list.iter().find(|v| {
                v.get("conversationId")
                    .and_then(Value::as_str)
                    .is_some_and(|got| got.eq_ignore_ascii_case(id))
            });
            match hit {
                Some(v) => one(v),
                None => Err(LookupError::NotInResults {
                    api,
                    id: id.to_owned(),
                    count: list.len(),
                }),
            }
        }
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (empty body)",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    #[test]
    fn conversation_ok_and_garbage() {
        let ok = ApiResult::ok(json!({"id": ID, "participants": []}));
        assert!(decode_conversation(&ok, Some(ID)).is_ok());
        for body in [
            json!(null),
            json!("<html>"),
            json!([1, 2]),
            json!({}),
            json!({"id": 5}),
            json!({"id": ID, "participants": "x"}),
        ] {
            let r = ApiResult::ok(body.clone());
            assert!(
                matches!(
                    decode_conversation(&r, Some(ID)),
                    Err(LookupError::UnexpectedBody { .. })
                ),
                "{body} should be an unexpected body"
            );
        }
        let other = ApiResult::ok(json!({"id": "11111111-2222-4333-8444-555555555555"}));
        assert!(matches!(
            decode_conversation(&other, Some(ID)),
            Err(LookupError::UnexpectedBody { .. })
        ));
    }

    #[test]
    fn error_statuses_keep_the_error_body() {
        let r = ApiResult {
            status: 403,
            elapsed_ms: 12.0,
            correlation_id: Some("abc".into()),
            retry_after_secs: None,
            body: json!({"status": 403, "code": "missing.any.permissions", "message": "You must have at least one of the following permissions assigned: conversation:communication:view"}),
        };
        let Err(LookupError::Http {
            status,
            error,
            correlation_id,
            ..
        }) = decode_conversation(&r, Some(ID))
        else {
            panic!("expected an HTTP error");
        };
        assert_eq!(
            (status, error.code.as_deref(), correlation_id.as_deref()),
            (403, Some("missing.any.permissions"), Some("abc"))
        );
        let html = ApiResult {
            status: 502,
            body: json!("<html>Bad gateway</html>"),
            ..r
        };
        let e = decode_conversation(&html, None).err();
        assert!(
            matches!(e, Some(LookupError::Http { ref error, .. }) if error.message.as_deref() == Some("<html>Bad gateway</html>"))
        );
        assert_eq!(e.map(|e| e.status()), Some(502));
    }

    #[test]
    fn analytics_shapes() {
        let conv = json!({"conversationId": ID, "participants": []});
        assert!(decode_analytics(Api::AnalyticsById, &ApiResult::ok(conv.clone()), ID).is_ok());
        let list = ApiResult::ok(json!({"conversations": [conv], "totalHits": 1}));
        assert!(decode_analytics(Api::AnalyticsQuery, &list, ID).is_ok());
        assert!(decode_analytics(Api::AnalyticsMultiGet, &list, ID).is_ok());
        let empty = ApiResult::ok(json!({"totalHits": 0}));
        assert!(matches!(
            decode_analytics(Api::AnalyticsQuery, &empty, ID),
            Err(LookupError::NotInResults { count: 0, .. })
        ));
        let wrong = ApiResult::ok(json!({"conversations": 3}));
        assert!(matches!(
            decode_analytics(Api::AnalyticsQuery, &wrong, ID),
            Err(LookupError::UnexpectedBody { .. })
        ));
        let entities = ApiResult::ok(json!({"entities": []}));
        assert!(matches!(
            decode_analytics(Api::AnalyticsById, &entities, ID),
            Err(LookupError::UnexpectedBody { .. })
        ));
        assert!(decode_analytics(Api::AnalyticsById, &ApiResult::ok(json!([])), ID).is_err());
    }

    #[test]
    fn error_body_salvage() {
        assert_eq!(error_body(500, &Value::Null).status, Some(500));
        assert_eq!(
            error_body(500, &json!({"weird": 1})).message.as_deref(),
            Some("{\"weird\":1}")
        );
        assert_eq!(
            error_body(404, &json!({"code": "not.found"}))
                .code
                .as_deref(),
            Some("not.found")
        );
    }
}
