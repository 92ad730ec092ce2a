//! What travels down the WebSocket: the event envelope, the heartbeat, the pong and the
//! closing notice.
//!
//! Envelope `{topicName, version, eventBody, metadata: {CorrelationId}}` (.NET SDK
//! `NotificationData`, reference/api-facts.md §7); heartbeat `{"topicName": "channel.metadata",
//! "eventBody": {"message": "WebSocket Heartbeat"}}`; `v2.system.socket_closing` before the
//! service closes a socket (SDK `notificationMappings.json`).

use serde_json::{Value, json};

/// `version` of the conversation topics' envelope. UNVERIFIED (the reference's example calls
/// its value illustrative).
pub const EVENT_VERSION: &str = "2";

/// Topic of heartbeats and pongs.
pub const METADATA_TOPIC: &str = "channel.metadata";
/// Topic of the notice sent before the service closes a socket.
pub const SOCKET_CLOSING_TOPIC: &str = "v2.system.socket_closing";

/// One event as a JSON text frame.
#[must_use]
pub fn event(topic_name: &str, body: &Value) -> String {
    json!({
        "topicName": topic_name,
        "version": EVENT_VERSION,
        "eventBody": body,
        "metadata": { "CorrelationId": uuid::Uuid::new_v4().to_string() },
    })
    .to_string()
}

/// The periodic heartbeat.
#[must_use]
pub fn heartbeat() -> String {
    metadata("WebSocket Heartbeat")
}

/// The answer to a client's `{"message": "ping"}`. UNVERIFIED: the reference does not document
/// client pings; Genesys developer material shows this exchange.
#[must_use]
pub fn pong() -> String {
    metadata("pong")
}

fn metadata(message: &str) -> String {
    json!({ "topicName": METADATA_TOPIC, "eventBody": { "message": message } }).to_string()
}

/// The notice sent before a channel's socket is closed. Its body is UNVERIFIED: the SDKs map the
/// topic to `SystemMessageSystemMessage`, which the reference does not define; the demo org sends
/// only a `message` saying why.
#[must_use]
pub fn socket_closing(reason: &str) -> String {
    json!({
        "topicName": SOCKET_CLOSING_TOPIC,
        "version": EVENT_VERSION,
        "eventBody": { "message": reason },
        "metadata": { "CorrelationId": uuid::Uuid::new_v4().to_string() },
    })
    .to_string()
}

/// Whether a text frame from the client is a ping (`{"message": "ping"}`).
#[must_use]
pub fn is_ping(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .is_ok_and(|v| v.get("message").and_then(Value::as_str) == Some("ping"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_have_the_documented_shape() {
        let hb: Value = serde_json::from_str(&heartbeat()).unwrap_or_default();
        assert_eq!(hb["topicName"], "channel.metadata");
        assert_eq!(hb["eventBody"]["message"], "WebSocket Heartbeat");
        let ev: Value = serde_json::from_str(&event("t", &json!({"id": "x"}))).unwrap_or_default();
        assert_eq!(ev["eventBody"]["id"], "x");
        assert!(ev["metadata"]["CorrelationId"].as_str().is_some());
        assert!(is_ping(r#"{"message":"ping"}"#));
        assert!(!is_ping("ping"));
    }
}
