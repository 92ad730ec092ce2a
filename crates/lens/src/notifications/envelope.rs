//! One WebSocket message from a notification channel, read into a typed [`Frame`].
//!
//! The envelope is `{"topicName", "version", "eventBody", "metadata": {"CorrelationId"}}`. A
//! message that is not JSON, not an object or has no `topicName` is a [`FrameError`] the view
//! shows ("a message could not be read"), never a panic.

use serde::Serialize;
use serde_json::Value;

use super::topics::{TopicKind, classify};

/// Largest message read (the server relays at most 1 MiB; this guards the app on its own).
pub const MAX_FRAME_CHARS: usize = 1024 * 1024;

/// One message, classified.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Frame {
    pub topic_name: String,
    pub kind: TopicKind,
    /// `version` as sent (a string in Genesys' envelope; a number is kept as its text).
    pub version: Option<String>,
    /// `eventBody`, or `Null` when absent.
    pub body: Value,
    /// `metadata.CorrelationId`.
    pub correlation_id: Option<String>,
}

impl Frame {
    /// `eventBody.id`: the conversation a conversation event is about.
    #[must_use]
    pub fn conversation_id(&self) -> Option<&str> {
        match self.kind {
            TopicKind::UserConversations { .. } | TopicKind::QueueConversations { .. } => {
                self.body.get("id").and_then(Value::as_str)
            }
            _ => None,
        }
    }

    /// Is this an event about `conversation_id` (ids compared case-insensitively)?
    #[must_use]
    pub fn is_about(&self, conversation_id: &str) -> bool {
        self.conversation_id()
            .is_some_and(|id| id.eq_ignore_ascii_case(conversation_id.trim()))
    }

    /// The heartbeat's text (`"WebSocket Heartbeat"`, or `"pong"` after a ping).
    #[must_use]
    pub fn heartbeat_message(&self) -> Option<&str> {
        (self.kind == TopicKind::Heartbeat)
            .then(|| self.body.get("message").and_then(Value::as_str))
            .flatten()
    }
}

/// Why a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FrameError {
    #[error("the message is not JSON (at line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("the message is JSON but not an object with a topicName")]
    NoTopic,
    #[error("the message is longer than {limit} characters and was not read")]
    TooLong { limit: usize },
}

/// Reads one text message.
///
/// # Errors
/// [`FrameError`] when the text is not a notification envelope.
pub fn parse(text: &str) -> Result<Frame, FrameError> {
    if text.len() > MAX_FRAME_CHARS {
        return Err(FrameError::TooLong {
            limit: MAX_FRAME_CHARS,
        });
    }
    let v: Value = serde_json::from_str(text).map_err(|e| FrameError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let obj = v.as_object().ok_or(FrameError::NoTopic)?;
    let topic_name = obj
        .get("topicName")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .ok_or(FrameError::NoTopic)?
        .to_owned();
    let version = match obj.get("version") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let correlation_id = obj
        .get("metadata")
        .and_then(|m| m.get("CorrelationId"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Frame {
        kind: classify(&topic_name),
        topic_name,
        version,
        body: obj.get("eventBody").cloned().unwrap_or(Value::Null),
        correlation_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONV: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    #[test]
    fn the_documented_example_event_is_read() {
        let text = r#"{ "topicName": "v2.users.d3264f61-03e7-43fa-9841-528714a1eb12.conversations",
          "version": "2",
          "eventBody": { "id": "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4", "participants": [] },
          "metadata": { "CorrelationId": "7c9d7a2e-3f7b-4c8e-9a53-2c1b8a4f0d11" } }"#;
        let f = parse(text).expect("read");
        assert!(matches!(f.kind, TopicKind::UserConversations { .. }));
        assert_eq!(f.version.as_deref(), Some("2"));
        assert_eq!(f.conversation_id(), Some(CONV));
        assert!(f.is_about(&CONV.to_uppercase()));
        assert!(!f.is_about("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assert_eq!(
            f.correlation_id.as_deref(),
            Some("7c9d7a2e-3f7b-4c8e-9a53-2c1b8a4f0d11")
        );
    }

    #[test]
    fn heartbeat_and_system_messages_are_not_conversation_events() {
        let beat = parse(
            r#"{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}"#,
        )
        .expect("read");
        assert_eq!(beat.heartbeat_message(), Some("WebSocket Heartbeat"));
        assert_eq!(beat.conversation_id(), None);
        let closing = parse(r#"{"topicName":"v2.system.socket_closing","eventBody":{"id":"x"}}"#)
            .expect("read");
        assert_eq!(closing.kind, TopicKind::SocketClosing);
        assert!(!closing.is_about("x"), "a system message is never an event");
    }

    #[test]
    fn malformed_messages_are_typed_errors() {
        assert!(matches!(parse("not json"), Err(FrameError::NotJson { .. })));
        assert!(matches!(
            parse("{\"topicName\":"),
            Err(FrameError::NotJson { .. })
        ));
        assert_eq!(parse("[1,2]"), Err(FrameError::NoTopic));
        assert_eq!(parse("{}"), Err(FrameError::NoTopic));
        assert_eq!(parse(r#"{"topicName": 3}"#), Err(FrameError::NoTopic));
        assert_eq!(parse(r#"{"topicName": "  "}"#), Err(FrameError::NoTopic));
        assert!(matches!(
            parse(&"x".repeat(MAX_FRAME_CHARS + 1)),
            Err(FrameError::TooLong { .. })
        ));
        // Odd but readable: no body, numeric version, body of the wrong type.
        let f = parse(r#"{"topicName":"v2.users.u.conversations","version":2,"eventBody":"?"}"#)
            .expect("read");
        assert_eq!(f.version.as_deref(), Some("2"));
        assert_eq!(f.conversation_id(), None);
    }
}
