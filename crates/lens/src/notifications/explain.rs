//! What the Live events tab says: how notifications work in plain words, what people get wrong,
//! and what each fault (closed or expired channel, rejected topic, dropped socket, unreadable
//! message) means and what happens next. Every sentence carries its source.

use serde::Serialize;

use super::backoff::Backoff;
use super::envelope::FrameError;
use super::sources;
use crate::source::{Claim, Source};

/// A belief and what is true instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pitfall {
    pub belief: &'static str,
    pub truth: &'static str,
    pub source: Source,
}

/// How it works, plain words first.
#[must_use]
pub fn how_it_works() -> Vec<Claim> {
    vec![
        Claim::new(
            "Genesys pushes a message when something changes, instead of you asking again and again: create a channel (POST /api/v2/notifications/channels), open its WebSocket (connectUri), then subscribe to topics (POST …/channels/{channelId}/subscriptions with [{\"id\": \"<topic>\"}]).",
            sources::NOTIFICATIONS_API,
        ),
        Claim::new(
            "Each message is an envelope: topicName (which topic), version, eventBody (for conversation topics, the whole conversation as it is now) and metadata.CorrelationId.",
            sources::ENVELOPE,
        ),
        Claim::new(
            "This tab subscribes to the users and queues on this conversation and keeps only the events whose eventBody.id is this conversation.",
            sources::TOPIC_LIST,
        ),
        Claim::new(
            "Each event's body has the fields of ConversationEventTopicConversation: participants, their calls with state and held — the same shape as the Conversations API snapshot.",
            sources::CONVERSATION_EVENT_MODEL,
        ),
    ]
}

/// What users get wrong about notifications.
#[must_use]
pub fn pitfalls() -> Vec<Pitfall> {
    vec![
        Pitfall {
            belief: "Subscribe to v2.conversations.{id} to watch one conversation.",
            truth: "There is no plain v2.conversations.{id} topic. Subscribe to v2.users.{userId}.conversations or v2.routing.queues.{queueId}.conversations and keep the events whose eventBody.id is your conversation.",
            source: sources::TOPIC_LIST,
        },
        Pitfall {
            belief: "Every change arrives, so the events are the full history.",
            truth: "A WebSocket has no delivery guarantee: messages sent while it was down are lost. After every reconnect, back-fill from the Conversations API (and analytics for the record).",
            source: sources::NO_GUARANTEE,
        },
        Pitfall {
            belief: "Open a new channel whenever you need one.",
            truth: "At most 20 channels per app and user; creating a 21st replaces the oldest unused one. At most 1,000 topics per channel, one WebSocket per channel.",
            source: sources::NOTIFICATIONS_API,
        },
        Pitfall {
            belief: "A channel lives as long as the socket is open.",
            truth: "A channel expires (its expires field; 24 hours unless you subscribe again). Genesys sends v2.system.socket_closing before it closes a socket: open a new channel and subscribe again.",
            source: sources::CHANNEL_MODEL,
        },
    ]
}

/// Why the socket closed, and what happens next.
#[must_use]
pub fn socket_closed(code: u16, reason: &str, announced: bool) -> Claim {
    let reason = reason.trim();
    let said = if reason.is_empty() {
        String::new()
    } else {
        format!(" It said: “{reason}”.")
    };
    let next = "This tab opens a new channel, subscribes again and fetches the conversation again to fill the gap; nothing already shown is removed.";
    if announced {
        return Claim::new(
            format!(
                "Genesys announced v2.system.socket_closing and closed the socket (code {code}): channels do not live forever.{said} {next}"
            ),
            sources::TOPIC_LIST,
        );
    }
    match code {
        1000 => Claim::new(
            format!(
                "The channel was closed (code 1000, normal closure) — usually because it expired or another socket took it over.{said} {next}"
            ),
            sources::CHANNEL_MODEL,
        ),
        1006 => Claim::new(
            format!(
                "The connection dropped without a goodbye (code 1006: network, sleep, server restart). Events sent meanwhile are lost — there is no delivery guarantee. {next}"
            ),
            sources::NO_GUARANTEE,
        ),
        1009 => Claim::new(
            format!("A message was larger than the relay accepts (code 1009).{said} {next}"),
            sources::CLOSE_CODES,
        ),
        1011 => Claim::new(
            format!("The channel's socket could not be reached (code 1011).{said} {next}"),
            sources::CLOSE_CODES,
        ),
        _ => Claim::new(
            format!("The socket closed (code {code}).{said} {next}"),
            sources::CLOSE_CODES,
        ),
    }
}

/// Why subscribing to `topic` was refused.
#[must_use]
pub fn topic_rejected(topic: &str, reason: Option<&str>, missing: &[String]) -> Claim {
    let why = match (
        reason.map(str::trim).filter(|r| !r.is_empty()),
        missing.is_empty(),
    ) {
        (Some(r), true) => format!(" Genesys said: “{r}”."),
        (Some(r), false) => format!(
            " Genesys said: “{r}”; missing permissions: {}.",
            missing.join(", ")
        ),
        (None, false) => format!(" Missing permissions: {}.", missing.join(", ")),
        (None, true) => String::new(),
    };
    Claim::new(
        format!(
            "Genesys rejected the topic {topic} (state Rejected), so no events come from it.{why} Give the OAuth client (or your user) the permission, or rely on the other topics — one permitted topic is enough to see this conversation's changes."
        ),
        sources::CHANNEL_TOPIC_MODEL,
    )
}

/// A message that could not be read.
#[must_use]
pub fn unreadable(e: &FrameError) -> Claim {
    Claim::new(
        format!(
            "A message could not be read ({e}); it is counted and skipped, and the events already shown stay."
        ),
        sources::ENVELOPE,
    )
}

/// Creating the channel or subscribing failed with an HTTP answer.
#[must_use]
pub fn request_failed(what: &str, status: u16, message: Option<&str>) -> Claim {
    let said = message
        .map(|m| format!(" It said: “{m}”."))
        .unwrap_or_default();
    let hint = match status {
        401 => " The token is missing or expired: sign in again or check the server's credentials.",
        403 => " The token lacks a permission this call needs.",
        404 => {
            " The channel is gone (expired or replaced by a newer one): a new channel is opened on the next try."
        }
        429 => " Too many requests: the next try waits.",
        _ => "",
    };
    Claim::new(
        format!("{what} failed with HTTP {status}.{said}{hint}"),
        sources::NOTIFICATIONS_API,
    )
}

/// The reconnect schedule in words ("1 s, 2 s, 4 s, … up to 30 s; 8 tries").
#[must_use]
pub fn reconnect_schedule(b: &Backoff) -> Claim {
    let steps: Vec<String> = b
        .schedule()
        .iter()
        .take(5)
        .map(|ms| format!("{} s", ms / 1000))
        .collect();
    Claim::new(
        format!(
            "After a drop this tab waits {}, … up to {} s between tries, and stops after {} failed tries in a row (press Reconnect to start again). Each try opens a new channel and back-fills from the REST APIs.",
            steps.join(", "),
            b.max_ms / 1000,
            b.max_attempts
        ),
        sources::THIS_APP,
    )
}

/// Nothing to subscribe to: no user or queue found on the conversation yet.
#[must_use]
pub fn no_topics() -> Claim {
    Claim::new(
        "No user or queue is on this conversation in the snapshot or the record yet, so there is no topic to listen to (there is no per-conversation topic). Look it up again once it has been routed.",
        sources::TOPIC_LIST,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::internal_code;

    #[test]
    fn the_four_pitfalls_are_taught() {
        let p = pitfalls();
        let all: String = p.iter().map(|p| p.truth).collect::<Vec<_>>().join(" ");
        assert!(all.contains("no plain v2.conversations.{id} topic"));
        assert!(all.contains("no delivery guarantee"));
        assert!(all.contains("20 channels per app and user"));
        assert!(all.contains("expires"));
    }

    #[test]
    fn every_fault_is_explained_with_what_happens_next() {
        for (code, announced) in [
            (1000, false),
            (1006, false),
            (1009, false),
            (1011, false),
            (4000, false),
            (1000, true),
        ] {
            let c = socket_closed(code, "channel expired", announced);
            assert!(
                c.text.contains("nothing already shown is removed"),
                "{}",
                c.text
            );
        }
        assert!(
            socket_closed(1006, "", false)
                .text
                .contains("no delivery guarantee")
        );
        let r = topic_rejected(
            "v2.routing.queues.q.conversations",
            Some("Missing permission"),
            &["routing:queue:view".to_owned()],
        );
        assert!(r.text.contains("routing:queue:view") && r.text.contains("Rejected"));
        assert!(
            request_failed("Creating the channel", 404, None)
                .text
                .contains("new channel")
        );
        assert!(
            reconnect_schedule(&Backoff::default())
                .text
                .starts_with("After a drop this tab waits 1 s, 2 s, 4 s")
        );
        assert!(unreadable(&FrameError::NoTopic).text.contains("stay"));
    }

    #[test]
    fn no_internal_codes_in_anything_said() {
        let mut texts: Vec<String> = how_it_works().into_iter().map(|c| c.text).collect();
        texts.extend(
            pitfalls()
                .iter()
                .flat_map(|p| [p.belief.to_owned(), p.truth.to_owned()]),
        );
        texts.push(no_topics().text);
        for t in texts {
            assert_eq!(internal_code(&t), None, "{t}");
        }
    }
}
