//! The topics the demo org publishes, how a topic name is parsed, who may subscribe to it, and
//! their `GET /api/v2/notifications/availabletopics` entries.
//!
//! Facts (reference/api-facts.md §7, SDK `notificationMappings.json`): conversation state reaches a
//! WebSocket through `v2.users.{id}.conversations` (body `ConversationEventTopicConversation`) and
//! `v2.routing.queues.{id}.conversations` (`QueueConversationEventTopicConversation`). There is no
//! plain `v2.conversations.{id}` topic.
//!
//! Left out on purpose: `v2.analytics.conversation.{id}.metrics` and
//! `v2.detail.events.conversation.{id}.*`. They exist, but the reference cannot confirm that they
//! are delivered over a WebSocket (their `transports` may be EventBridge only), so the demo org
//! rejects them with a reason instead of inventing a stream.

use crate::clients::{DemoClient, PERM_CONVERSATION_VIEW};
use serde_json::{Value, json};

/// A topic the demo org publishes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    /// `v2.users.{userId}.conversations`
    UserConversations(String),
    /// `v2.routing.queues.{queueId}.conversations`
    QueueConversations(String),
}

/// Why a topic name cannot be subscribed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicError {
    /// Not a topic the demo org knows at all.
    Unknown,
    /// A real Genesys topic the demo org does not publish (see the module comment).
    NotPublished,
}

impl TopicError {
    /// The `rejectionReason` / error message for `name`.
    #[must_use]
    pub fn reason(&self, name: &str) -> String {
        match self {
            Self::Unknown => format!(
                "{name} is not a valid topic. Topics the demo org publishes: v2.users.{{id}}.conversations and v2.routing.queues.{{id}}.conversations (see GET /api/v2/notifications/availabletopics)."
            ),
            Self::NotPublished => format!(
                "{name} is a Genesys Cloud topic the demo org does not publish: its WebSocket transport is UNVERIFIED. Subscribe to v2.users.{{id}}.conversations or v2.routing.queues.{{id}}.conversations and filter on eventBody.id."
            ),
        }
    }
}

/// Permissions a topic requires. UNVERIFIED: the reference does not list the
/// `requiresPermissions` of these topics; the demo org asks for the permission that reads a
/// conversation (`conversation:communication:view`), so a client that cannot `GET` a conversation
/// cannot watch it either. Client-credentials tokens have no user, so the "current user" shortcut
/// (`requiresCurrentUserOrPermission`) never applies to them.
pub const TOPIC_PERMISSIONS: &[&str] = &[PERM_CONVERSATION_VIEW];

impl Topic {
    /// Parse a topic name (`v2.users.<id>.conversations`, `v2.routing.queues.<id>.conversations`).
    ///
    /// # Errors
    /// [`TopicError::NotPublished`] for a real topic the demo org leaves out,
    /// [`TopicError::Unknown`] for anything else.
    pub fn parse(name: &str) -> Result<Self, TopicError> {
        if let Some(id) = middle(name, "v2.users.", ".conversations") {
            return Ok(Self::UserConversations(id.to_owned()));
        }
        if let Some(id) = middle(name, "v2.routing.queues.", ".conversations") {
            return Ok(Self::QueueConversations(id.to_owned()));
        }
        if name.starts_with("v2.analytics.conversation.")
            || name.starts_with("v2.detail.events.conversation.")
        {
            return Err(TopicError::NotPublished);
        }
        Err(TopicError::Unknown)
    }

    /// The topic's name on the wire (`topicName`).
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Self::UserConversations(id) => format!("v2.users.{id}.conversations"),
            Self::QueueConversations(id) => format!("v2.routing.queues.{id}.conversations"),
        }
    }

    /// The permissions of [`TOPIC_PERMISSIONS`] the client lacks (empty = permitted).
    #[must_use]
    pub fn missing_permissions(&self, client: &DemoClient) -> Vec<&'static str> {
        if client.has_any(TOPIC_PERMISSIONS) {
            Vec::new()
        } else {
            TOPIC_PERMISSIONS.to_vec()
        }
    }
}

/// `prefix<id>suffix` → `id`, when `id` is one non-empty, dot-free path segment.
fn middle<'a>(name: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let id = name.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!id.is_empty() && !id.contains('.')).then_some(id)
}

/// Values of `expand` that `GET /api/v2/notifications/availabletopics` accepts (SDK docs).
pub const EXPAND_VALUES: &[&str] = &[
    "description",
    "enforced",
    "schema",
    "visibility",
    "transports",
    "publicApiTemplateUriPaths",
    "requiresPermissions",
    "permissionDetails",
    "topicParameters",
];

/// The `AvailableTopic` entries, each with `id` and `description` plus the `expand`ed fields.
/// `schema` is accepted but not sent: the demo org has no JSON schema of its own to offer
/// (the bodies are the SDK models named in the description).
#[must_use]
pub fn available_topics(expand: &[String]) -> Vec<Value> {
    let want = |f: &str| expand.iter().any(|e| e == f);
    let topics = [
        (
            "v2.users.{id}.conversations",
            "A user's conversations: every change of a conversation the user takes part in (body: ConversationEventTopicConversation).",
            "/api/v2/users/{id}",
            true,
            false,
        ),
        (
            "v2.routing.queues.{id}.conversations",
            "A queue's conversations: every change of a conversation routed through the queue (body: QueueConversationEventTopicConversation).",
            "/api/v2/routing/queues/{id}",
            false,
            true,
        ),
    ];
    topics
        .iter()
        .map(|(id, description, uri, current_user, division)| {
            let mut t = json!({ "id": id, "description": description });
            let mut put = |k: &str, v: Value| {
                if want(k) {
                    t[k] = v;
                }
            };
            put("enforced", json!(true));
            put("visibility", json!("Public"));
            // UNVERIFIED: "All" = every transport (the SDK's TransportsEnum: All, Websocket, EventBridge).
            put("transports", json!(["All"]));
            put("publicApiTemplateUriPaths", json!([uri]));
            put("requiresPermissions", json!(TOPIC_PERMISSIONS));
            put(
                "permissionDetails",
                json!([{
                    "type": "requiresPermissions",
                    "permissions": TOPIC_PERMISSIONS,
                    "enforced": true,
                }]),
            );
            put("topicParameters", json!(["id"]));
            if want("requiresPermissions") {
                t["requiresCurrentUserOrPermission"] = json!(current_user);
                t["requiresDivisionPermissions"] = json!(division);
            }
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_two_conversation_topics_and_nothing_looser() {
        assert_eq!(
            Topic::parse("v2.users.abc.conversations"),
            Ok(Topic::UserConversations("abc".into()))
        );
        assert_eq!(
            Topic::parse("v2.routing.queues.q1.conversations").map(|t| t.name()),
            Ok("v2.routing.queues.q1.conversations".into())
        );
        for bad in [
            "v2.users..conversations",
            "v2.users.a.b.conversations",
            "v2.users.abc.conversations.calls",
            "v2.conversations.abc",
            "",
        ] {
            assert_eq!(Topic::parse(bad), Err(TopicError::Unknown), "{bad}");
        }
        assert_eq!(
            Topic::parse("v2.analytics.conversation.abc.metrics"),
            Err(TopicError::NotPublished)
        );
    }

    #[test]
    fn expand_adds_only_what_was_asked() {
        let plain = available_topics(&[]);
        assert_eq!(plain.len(), 2);
        assert!(plain[0].get("transports").is_none());
        let full = available_topics(&["transports".into(), "requiresPermissions".into()]);
        assert_eq!(full[0]["transports"], json!(["All"]));
        assert_eq!(full[1]["requiresPermissions"], json!(TOPIC_PERMISSIONS));
    }
}
