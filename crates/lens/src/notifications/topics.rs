//! Which topics to subscribe to for one conversation, and what a topic name means.
//!
//! There is no `v2.conversations.{id}` topic. A conversation is watched through the users and
//! queues on it: `v2.users.{userId}.conversations` and `v2.routing.queues.{queueId}.conversations`,
//! keeping only the events whose `eventBody.id` is the conversation.

use serde::Serialize;
use serde_json::Value;

/// What a topic name is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TopicKind {
    /// `v2.users.{userId}.conversations`: every conversation this user is on.
    UserConversations { user_id: String },
    /// `v2.routing.queues.{queueId}.conversations`: every conversation routed through this queue.
    QueueConversations { queue_id: String },
    /// `channel.metadata`: the heartbeat (and the answer to a ping).
    Heartbeat,
    /// `v2.system.socket_closing`: Genesys is about to close this socket.
    SocketClosing,
    /// `v2.system.token_revoked.{id}`: the token the channel was created with was revoked.
    TokenRevoked,
    /// `v2.system.no_longer_subscribed.{id}`: a subscription was dropped by Genesys.
    NoLongerSubscribed,
    /// Any other topic (shown, not interpreted).
    Other,
}

impl TopicKind {
    /// Heartbeat and system messages are about the channel, not about a conversation.
    #[must_use]
    pub fn is_channel_message(&self) -> bool {
        matches!(
            self,
            Self::Heartbeat | Self::SocketClosing | Self::TokenRevoked | Self::NoLongerSubscribed
        )
    }
}

/// Reads a topic name.
#[must_use]
pub fn classify(topic_name: &str) -> TopicKind {
    let parts: Vec<&str> = topic_name.split('.').collect();
    match parts.as_slice() {
        ["channel", "metadata"] => TopicKind::Heartbeat,
        ["v2", "system", "socket_closing"] => TopicKind::SocketClosing,
        ["v2", "system", "token_revoked", ..] => TopicKind::TokenRevoked,
        ["v2", "system", "no_longer_subscribed", ..] => TopicKind::NoLongerSubscribed,
        ["v2", "users", id, "conversations"] if !id.is_empty() => TopicKind::UserConversations {
            user_id: (*id).to_owned(),
        },
        ["v2", "routing", "queues", id, "conversations"] if !id.is_empty() => {
            TopicKind::QueueConversations {
                queue_id: (*id).to_owned(),
            }
        }
        _ => TopicKind::Other,
    }
}

/// One topic to subscribe to, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Topic {
    /// The exact topic name sent to `…/subscriptions` (`[{"id": name}]`).
    pub name: String,
    pub kind: TopicKind,
    /// Plain words: "the agent Ana Silva (user d3264f61…)".
    pub why: String,
}

#[must_use]
pub fn user_topic(user_id: &str) -> String {
    format!("v2.users.{user_id}.conversations")
}

#[must_use]
pub fn queue_topic(queue_id: &str) -> String {
    format!("v2.routing.queues.{queue_id}.conversations")
}

/// Genesys ids in topic names are UUIDs; anything else is not put in a topic name.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// The topics for a conversation: each user and queue found in the snapshot's participants
/// (`userId`, `queueId`) and in the analytics record (participants' `userId`, segments'
/// `queueId`), queues first (a queue sees the call before any agent does), each once.
#[must_use]
pub fn for_conversation(snapshot: Option<&Value>, record: Option<&Value>) -> Vec<Topic> {
    let mut queues: Vec<(String, String)> = Vec::new();
    let mut users: Vec<(String, String)> = Vec::new();
    let push = |list: &mut Vec<(String, String)>, id: Option<&str>, label: String| {
        if let Some(id) = id.filter(|i| is_uuid(i))
            && !list.iter().any(|(have, _)| have.eq_ignore_ascii_case(id))
        {
            list.push((id.to_ascii_lowercase(), label));
        }
    };
    let participants = |v: Option<&Value>| -> Vec<Value> {
        v.and_then(|b| b.get("participants"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for p in participants(snapshot) {
        let name = p.get("name").and_then(Value::as_str);
        let purpose = p
            .get("purpose")
            .and_then(Value::as_str)
            .unwrap_or("participant");
        let queue_name = p.get("queueName").and_then(Value::as_str);
        push(
            &mut queues,
            p.get("queueId").and_then(Value::as_str),
            match queue_name {
                Some(q) => format!("the queue {q}"),
                None => "the queue the call came in on".to_owned(),
            },
        );
        push(
            &mut users,
            p.get("userId").and_then(Value::as_str),
            match name {
                Some(n) => format!("the {purpose} {n}"),
                None => format!("the {purpose}"),
            },
        );
    }
    for p in participants(record) {
        let name = p.get("participantName").and_then(Value::as_str);
        let purpose = p
            .get("purpose")
            .and_then(Value::as_str)
            .unwrap_or("participant");
        push(
            &mut users,
            p.get("userId").and_then(Value::as_str),
            match name {
                Some(n) => format!("the {purpose} {n}"),
                None => format!("the {purpose}"),
            },
        );
        let segments = p
            .get("sessions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|s| s.get("segments").and_then(Value::as_array))
            .flatten();
        for seg in segments {
            push(
                &mut queues,
                seg.get("queueId").and_then(Value::as_str),
                "a queue the call passed through".to_owned(),
            );
        }
    }
    let short = |id: &str| crate::participant_label::short_id(id).to_owned();
    queues
        .into_iter()
        .map(|(id, label)| Topic {
            name: queue_topic(&id),
            why: format!("{label} (queue {}…)", short(&id)),
            kind: TopicKind::QueueConversations { queue_id: id },
        })
        .chain(users.into_iter().map(|(id, label)| Topic {
            name: user_topic(&id),
            why: format!("{label} (user {}…)", short(&id)),
            kind: TopicKind::UserConversations { user_id: id },
        }))
        .collect()
}

/// The subscription body: `[{"id": "<topic>"}, …]`.
#[must_use]
pub fn subscription_body(topics: &[Topic]) -> Value {
    Value::Array(
        topics
            .iter()
            .map(|t| serde_json::json!({ "id": t.name }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const U: &str = "d3264f61-03e7-43fa-9841-528714a1eb12";
    const Q: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    #[test]
    fn topic_names_are_read() {
        assert_eq!(
            classify(&user_topic(U)),
            TopicKind::UserConversations {
                user_id: U.to_owned()
            }
        );
        assert_eq!(
            classify(&queue_topic(Q)),
            TopicKind::QueueConversations {
                queue_id: Q.to_owned()
            }
        );
        assert_eq!(classify("channel.metadata"), TopicKind::Heartbeat);
        assert_eq!(
            classify("v2.system.socket_closing"),
            TopicKind::SocketClosing
        );
        assert_eq!(
            classify("v2.system.token_revoked.abc"),
            TopicKind::TokenRevoked
        );
        assert_eq!(
            classify("v2.system.no_longer_subscribed.abc"),
            TopicKind::NoLongerSubscribed
        );
        // The topic people expect does not exist; it is not mistaken for a conversation topic.
        assert_eq!(classify(&format!("v2.conversations.{U}")), TopicKind::Other);
        assert_eq!(classify("v2.users..conversations"), TopicKind::Other);
        assert_eq!(classify(""), TopicKind::Other);
        assert!(TopicKind::Heartbeat.is_channel_message());
        assert!(!classify(&user_topic(U)).is_channel_message());
    }

    #[test]
    fn topics_come_from_the_participants_queues_first_each_once() {
        let snapshot = json!({"participants": [
            {"purpose": "customer"},
            {"purpose": "acd", "queueId": Q, "queueName": "Support"},
            {"purpose": "agent", "name": "Ana Silva", "userId": U, "queueId": Q},
            {"purpose": "agent", "userId": "not-a-uuid"}
        ]});
        let record = json!({"participants": [
            {"purpose": "agent", "userId": U.to_uppercase(),
             "sessions": [{"segments": [{"queueId": Q}, {"segmentType": "interact"}]}]}
        ]});
        let t = for_conversation(Some(&snapshot), Some(&record));
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec![queue_topic(Q), user_topic(U)]);
        assert!(t[0].why.contains("the queue Support"), "{}", t[0].why);
        assert!(t[1].why.contains("the agent Ana Silva"), "{}", t[1].why);
        assert_eq!(
            subscription_body(&t),
            json!([{"id": queue_topic(Q)}, {"id": user_topic(U)}])
        );
    }

    #[test]
    fn nothing_to_subscribe_to_without_participants() {
        assert!(for_conversation(None, None).is_empty());
        assert!(
            for_conversation(Some(&json!("oops")), Some(&json!({"participants": 3}))).is_empty()
        );
    }
}
