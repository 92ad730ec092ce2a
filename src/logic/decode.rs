//! Turning one HTTP exchange into what the panels show: the model on success, Genesys'
//! `ErrorBody` on failure, or a plain explanation when the body is neither.

use lens::lookup::{self, Api, ApiResult, LookupError};
use model::ErrorBody;
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde_json::Value;

use super::side::Side;

/// Everything one request produced, as measured in the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    pub side: Side,
    /// The same-origin URL that was called.
    pub url: String,
    /// Status, time, `ININ-Correlation-Id`, `Retry-After` and the body as JSON — the shape the
    /// lens teaching logic reads.
    pub result: ApiResult,
    /// `Server-Timing` added by the companion server (`token;dur=…, upstream;dur=…`).
    pub server_timing: Option<String>,
    /// The body exactly as received, for the Raw JSON view and copy buttons.
    pub raw: String,
    /// The body decoded into the wire model of this side, or why it could not be.
    pub decoded: Decoded,
    /// Fetched now, or opened from a saved file ("Open saved").
    pub origin: Origin,
}

/// Where an exchange's body came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Fetched,
    /// An exported file: status and correlation id were saved, the time was not.
    Export,
    /// A bare body from a file: no status, no time (decoded as a 200).
    Body,
}

impl Exchange {
    /// Build an exchange from what the network gave us; parsing and decoding (via
    /// `lens::lookup`) happen here so the views never deal with serde errors.
    #[must_use]
    pub fn new(
        side: Side,
        id: &str,
        url: String,
        status: u16,
        elapsed_ms: f64,
        raw: String,
    ) -> Self {
        let mut ex = Self::received(side, url, status, elapsed_ms, raw);
        ex.redecode(id);
        ex
    }

    /// The body parsed as JSON but not yet decoded into the model: fill in the headers, then
    /// [`Exchange::redecode`] once (decoding a 2,000-segment body is the costly step).
    #[must_use]
    pub fn received(side: Side, url: String, status: u16, elapsed_ms: f64, raw: String) -> Self {
        let body = if raw.trim().is_empty() {
            Value::Null
        } else {
            crate::timing::span("lens:parse", || {
                serde_json::from_str::<Value>(&raw).unwrap_or_else(|_| Value::String(raw.clone()))
            })
        };
        let result = ApiResult {
            status,
            elapsed_ms,
            correlation_id: None,
            retry_after_secs: None,
            body,
        };
        Self {
            side,
            url,
            result,
            server_timing: None,
            raw,
            decoded: Decoded::Pending,
            origin: Origin::Fetched,
        }
    }

    /// Decode (again) after headers were filled in, so errors carry the correlation id.
    pub fn redecode(&mut self, id: &str) {
        self.decoded = crate::timing::span("lens:decode", || self.decode(id));
    }

    fn decode(&self, id: &str) -> Decoded {
        match self.side {
            Side::Conversations => lookup::decode_conversation(&self.result, Some(id))
                .map(|c| Decoded::Conversation(Box::new(c))),
            Side::Analytics => lookup::decode_analytics(Api::AnalyticsById, &self.result, id)
                .map(|a| Decoded::Analytics(Box::new(a))),
        }
        .unwrap_or_else(Decoded::Failed)
    }

    #[must_use]
    pub fn status(&self) -> u16 {
        self.result.status
    }

    #[must_use]
    pub fn is_success(&self) -> bool {
        self.result.is_success()
    }

    /// The parsed JSON body, when the body was JSON.
    #[must_use]
    pub fn json(&self) -> Option<&Value> {
        match &self.result.body {
            Value::Null | Value::String(_) => None,
            v => Some(v),
        }
    }

    /// The conversation, when this is a successful Conversations API exchange.
    #[must_use]
    pub fn conversation(&self) -> Option<&Conversation> {
        match &self.decoded {
            Decoded::Conversation(c) => Some(c),
            _ => None,
        }
    }

    /// The analytics record, when this is a successful Analytics API exchange.
    #[must_use]
    pub fn analytics(&self) -> Option<&AnalyticsConversationWithoutAttributes> {
        match &self.decoded {
            Decoded::Analytics(a) => Some(a),
            _ => None,
        }
    }

    /// Why there is no model, when there is none.
    #[must_use]
    pub fn error(&self) -> Option<&LookupError> {
        match &self.decoded {
            Decoded::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// The Genesys error body, when the call failed with an error status.
    #[must_use]
    pub fn error_body(&self) -> Option<&ErrorBody> {
        match self.error() {
            Some(LookupError::Http { error, .. }) => Some(error),
            _ => None,
        }
    }
}

/// What the body turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// Only while an [`Exchange`] is being built.
    Pending,
    Conversation(Box<Conversation>),
    Analytics(Box<AnalyticsConversationWithoutAttributes>),
    /// An error status (with Genesys' `ErrorBody`) or a body that is not the promised model.
    Failed(LookupError),
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    #[test]
    fn success_decodes_per_side() {
        let c = Exchange::new(
            Side::Conversations,
            ID,
            "/x".into(),
            200,
            1.0,
            format!(r#"{{"id":"{ID}","participants":[]}}"#),
        );
        assert_eq!(c.conversation().and_then(|c| c.id.as_deref()), Some(ID));
        let a = Exchange::new(
            Side::Analytics,
            ID,
            "/x".into(),
            200,
            1.0,
            format!(r#"{{"conversationId":"{ID}","participants":[]}}"#),
        );
        assert_eq!(
            a.analytics().and_then(|a| a.conversation_id.as_deref()),
            Some(ID)
        );
        assert!(a.json().is_some());
    }

    #[test]
    fn error_body_is_kept() {
        let raw = r#"{"status":404,"code":"not.found","message":"The requested resource was not found.","contextId":"c1"}"#;
        let e = Exchange::new(Side::Analytics, ID, "/x".into(), 404, 1.0, raw.into());
        assert!(!e.is_success());
        assert_eq!(
            e.error_body().and_then(|b| b.code.as_deref()),
            Some("not.found")
        );
        assert!(e.error().is_some_and(LookupError::is_not_found));
    }

    #[test]
    fn unreadable_bodies_explain() {
        let html = Exchange::new(
            Side::Conversations,
            ID,
            "/x".into(),
            502,
            1.0,
            "<html>Bad gateway</html>".into(),
        );
        assert_eq!(
            html.error_body().and_then(|b| b.message.as_deref()),
            Some("<html>Bad gateway</html>")
        );
        assert!(html.json().is_none());
        let empty = Exchange::new(
            Side::Conversations,
            ID,
            "/x".into(),
            200,
            1.0,
            String::new(),
        );
        assert!(matches!(
            empty.error(),
            Some(LookupError::UnexpectedBody { .. })
        ));
        let wrong = Exchange::new(
            Side::Conversations,
            ID,
            "/x".into(),
            200,
            1.0,
            r#"{"participants":"nope"}"#.into(),
        );
        assert!(matches!(
            wrong.error(),
            Some(LookupError::UnexpectedBody { .. })
        ));
    }
}
