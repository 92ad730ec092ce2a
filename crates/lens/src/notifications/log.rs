//! The events of one conversation as they arrive, each with what changed since the previous one
//! (the app's structural diff, [`crate::diff`]). Everything received is kept: a reconnect or a
//! bad message never removes what was already shown.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::envelope::{self, Frame, FrameError};
use super::topics::TopicKind;
use crate::diff::{self, Change};

/// One event of this conversation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// 1, 2, 3… in arrival order.
    pub seq: usize,
    pub received_at: DateTime<Utc>,
    pub topic_name: String,
    pub kind: TopicKind,
    /// Differences from the previous event of this conversation (any topic).
    pub changes: Vec<Change>,
    /// The first event: nothing to compare with.
    pub first: bool,
    pub correlation_id: Option<String>,
    pub body: Value,
}

impl Entry {
    /// What changed, in plain words first: one line per change, or why there is none.
    #[must_use]
    pub fn what_changed(&self) -> Vec<String> {
        if self.first {
            return vec!["First event: the conversation as it is now.".to_owned()];
        }
        if self.changes.is_empty() {
            return vec![
                "Nothing changed: the same state again, delivered on another topic (each user and queue topic sends its own copy).".to_owned(),
            ];
        }
        self.changes.iter().map(Change::describe).collect()
    }
}

/// What one message turned out to be.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Received {
    /// An event of this conversation, now entry `seq`.
    Event { seq: usize },
    /// An event of another conversation of the same user or queue (not shown).
    OtherConversation,
    /// `channel.metadata`.
    Heartbeat,
    /// `v2.system.socket_closing`: reconnect with a new channel.
    SocketClosing,
    /// Another system topic (token revoked, no longer subscribed).
    System { topic_name: String },
    /// A topic this view does not interpret.
    Other { topic_name: String },
    /// Not an envelope.
    Unreadable(FrameError),
}

/// The log of one conversation's events and the channel messages around them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventLog {
    pub conversation_id: String,
    pub entries: Vec<Entry>,
    pub heartbeats: usize,
    pub last_heartbeat: Option<DateTime<Utc>>,
    /// Events of other conversations seen on the same topics (filtered out).
    pub other_conversations: usize,
    /// Messages that could not be read, with when.
    pub unreadable: Vec<(DateTime<Utc>, FrameError)>,
    /// System messages, with when (`v2.system.…`).
    pub system: Vec<(DateTime<Utc>, String)>,
}

/// Unreadable messages kept for display (the count keeps going).
pub const MAX_UNREADABLE: usize = 20;

impl EventLog {
    #[must_use]
    pub fn new(conversation_id: &str) -> Self {
        Self {
            conversation_id: conversation_id.trim().to_owned(),
            entries: Vec::new(),
            heartbeats: 0,
            last_heartbeat: None,
            other_conversations: 0,
            unreadable: Vec::new(),
            system: Vec::new(),
        }
    }

    /// Reads one WebSocket text message received at `at`.
    pub fn receive(&mut self, at: DateTime<Utc>, text: &str) -> Received {
        match envelope::parse(text) {
            Ok(frame) => self.receive_frame(at, frame),
            Err(e) => {
                if self.unreadable.len() < MAX_UNREADABLE {
                    self.unreadable.push((at, e.clone()));
                }
                Received::Unreadable(e)
            }
        }
    }

    /// Files an already-parsed frame.
    pub fn receive_frame(&mut self, at: DateTime<Utc>, frame: Frame) -> Received {
        match &frame.kind {
            TopicKind::Heartbeat => {
                self.heartbeats += 1;
                self.last_heartbeat = Some(at);
                Received::Heartbeat
            }
            TopicKind::SocketClosing => {
                self.system.push((at, frame.topic_name.clone()));
                Received::SocketClosing
            }
            TopicKind::TokenRevoked | TopicKind::NoLongerSubscribed => {
                self.system.push((at, frame.topic_name.clone()));
                Received::System {
                    topic_name: frame.topic_name,
                }
            }
            TopicKind::Other => Received::Other {
                topic_name: frame.topic_name,
            },
            TopicKind::UserConversations { .. } | TopicKind::QueueConversations { .. } => {
                if !frame.is_about(&self.conversation_id) {
                    self.other_conversations += 1;
                    return Received::OtherConversation;
                }
                let previous = self.entries.last().map(|e| &e.body);
                let changes = previous.map_or_else(Vec::new, |p| diff::diff(p, &frame.body));
                let seq = self.entries.len() + 1;
                self.entries.push(Entry {
                    seq,
                    received_at: at,
                    first: previous.is_none(),
                    topic_name: frame.topic_name,
                    kind: frame.kind,
                    changes,
                    correlation_id: frame.correlation_id,
                    body: frame.body,
                });
                Received::Event { seq }
            }
        }
    }

    /// The latest event body (what the stream says the conversation is now).
    #[must_use]
    pub fn latest(&self) -> Option<&Value> {
        self.entries.last().map(|e| &e.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;
    use serde_json::json;

    const CONV: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
    const USER: &str = "d3264f61-03e7-43fa-9841-528714a1eb12";

    fn t(s: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000 + s, 0)
            .single()
            .expect("time")
    }

    fn event(topic: &str, conv: &str, held: bool) -> String {
        json!({
            "topicName": topic, "version": "2",
            "eventBody": {"id": conv, "participants": [
                {"id": "p1", "purpose": "agent", "calls": [{"id": "c1", "state": "connected", "held": held}]}
            ]},
            "metadata": {"CorrelationId": "x"}
        })
        .to_string()
    }

    #[test]
    fn events_of_this_conversation_are_kept_with_what_changed() {
        let user_topic = format!("v2.users.{USER}.conversations");
        let mut log = EventLog::new(CONV);
        assert_eq!(
            log.receive(t(0), &event(&user_topic, CONV, false)),
            Received::Event { seq: 1 }
        );
        assert_eq!(
            log.receive(t(1), &event(&user_topic, CONV, true)),
            Received::Event { seq: 2 }
        );
        assert_eq!(log.entries[0].what_changed().len(), 1);
        assert!(log.entries[0].what_changed()[0].starts_with("First event"));
        let second = log.entries[1].what_changed();
        assert_eq!(second.len(), 1, "{second:?}");
        assert!(
            second[0].contains("held") && second[0].contains("false → true"),
            "{second:?}"
        );
        // The same state again on the queue topic: shown, and said to be a copy.
        let queue_topic = "v2.routing.queues.0f8fad5b-d9cb-469f-a165-70867728950e.conversations";
        log.receive(t(2), &event(queue_topic, CONV, true));
        assert!(log.entries[2].what_changed()[0].starts_with("Nothing changed"));
        assert_eq!(log.entries[2].topic_name, queue_topic);
    }

    #[test]
    fn other_conversations_heartbeats_and_bad_messages_never_touch_the_entries() {
        let user_topic = format!("v2.users.{USER}.conversations");
        let mut log = EventLog::new(CONV);
        log.receive(t(0), &event(&user_topic, CONV, false));
        let before = log.entries.clone();
        assert_eq!(
            log.receive(
                t(1),
                &event(&user_topic, "0f8fad5b-d9cb-469f-a165-70867728950e", true)
            ),
            Received::OtherConversation
        );
        assert_eq!(
            log.receive(
                t(2),
                r#"{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}"#
            ),
            Received::Heartbeat
        );
        assert!(matches!(log.receive(t(3), "}{"), Received::Unreadable(_)));
        assert_eq!(
            log.receive(t(4), r#"{"topicName":"v2.system.socket_closing"}"#),
            Received::SocketClosing
        );
        assert_eq!(log.entries, before);
        assert_eq!(
            (
                log.other_conversations,
                log.heartbeats,
                log.unreadable.len(),
                log.system.len()
            ),
            (1, 1, 1, 1)
        );
        for _ in 0..(MAX_UNREADABLE + 5) {
            log.receive(t(5), "nope");
        }
        assert_eq!(log.unreadable.len(), MAX_UNREADABLE);
    }
}
