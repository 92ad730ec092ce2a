//! The event schedule of a conversation, computed purely: which changes happen in a window of
//! simulated time, what the topic body says at each, and which user and queue topics hear it.
//!
//! A change is any instant a communication starts alerting/dialing, connects, goes on or off
//! hold, is transferred or disconnects, an agent finishes wrap-up, or a transfer is issued. Several
//! changes at the same millisecond make one event (the body shows them all).

use super::topic_body::topic_conversation;
use super::topics::Topic;
use crate::realtime::realtime_view;
use crate::timeline::{Conv, Disc, SegKind, Time};
use chrono::Duration;
use serde_json::Value;
use std::collections::BTreeSet;

/// What changed (for logs and tests; the wire carries only the new state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Alerting,
    Dialing,
    Scheduled,
    Connected,
    Held,
    Unheld,
    Transferred,
    Disconnected,
    WrapUp,
}

/// One event of one conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub at: Time,
    pub kinds: BTreeSet<ChangeKind>,
    /// `ConversationEventTopicConversation` (= the queue topic's body) at `at`.
    pub body: Value,
    /// The user and queue topics that hear it.
    pub topics: BTreeSet<Topic>,
}

/// Every change instant of `conv`, in time order (unsorted duplicates merged by the caller).
#[must_use]
pub fn change_points(conv: &Conv) -> Vec<(Time, ChangeKind)> {
    let mut points = Vec::new();
    for s in conv.sessions() {
        let mut prev: Option<SegKind> = None;
        for g in &s.segs {
            let kind = match g.kind {
                SegKind::Alert => ChangeKind::Alerting,
                SegKind::Dialing | SegKind::Contacting => ChangeKind::Dialing,
                SegKind::Scheduled => ChangeKind::Scheduled,
                SegKind::Hold => ChangeKind::Held,
                _ if prev == Some(SegKind::Hold) => ChangeKind::Unheld,
                _ => ChangeKind::Connected,
            };
            // A connected stretch following another connected one (e.g. IVR → queue music on
            // the same leg) changes nothing a subscriber sees on the communication.
            let same_state = prev.is_some_and(|p| p.state() == g.kind.state())
                && !matches!(kind, ChangeKind::Held | ChangeKind::Unheld);
            if !same_state {
                points.push((g.start, kind));
            }
            prev = Some(g.kind);
        }
        if !s.segs.is_empty() {
            let end = match s.disc {
                Disc::Transfer
                | Disc::ConsultTransfer
                | Disc::ConferenceTransfer
                | Disc::NoAnswerTransfer => ChangeKind::Transferred,
                _ => ChangeKind::Disconnected,
            };
            points.push((s.end(), end));
            if s.wrap.is_some() {
                points.push((s.acw_end(), ChangeKind::WrapUp));
            }
        }
    }
    for t in &conv.transfers {
        points.push((t.at, ChangeKind::Transferred));
    }
    points.sort();
    points
}

/// The events of `conv` that happen in `[from, to)`, as the Conversations API (which forgets a
/// conversation `retention` after it ends) shows it at each instant.
#[must_use]
pub fn changes_in(conv: &Conv, from: Time, to: Time, retention: Duration) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for (at, kind) in change_points(conv)
        .into_iter()
        .filter(|(t, _)| *t >= from && *t < to)
    {
        if let Some(last) = out.last_mut()
            && last.at == at
        {
            last.kinds.insert(kind);
            continue;
        }
        let Some(view) = realtime_view(conv, at, retention) else {
            continue;
        };
        let Ok(rest) = serde_json::to_value(view) else {
            continue;
        };
        out.push(Change {
            at,
            kinds: BTreeSet::from([kind]),
            body: topic_conversation(rest),
            topics: topics_at(conv, at),
        });
    }
    out
}

/// The user and queue topics of the participants present at `at`.
#[must_use]
pub fn topics_at(conv: &Conv, at: Time) -> BTreeSet<Topic> {
    let mut topics = BTreeSet::new();
    for p in conv.parties.iter().filter(|p| p.start() <= at) {
        if let Some(u) = &p.user_id {
            topics.insert(Topic::UserConversations(u.clone()));
        }
        if let Some((q, _)) = &p.queue {
            topics.insert(Topic::QueueConversations(q.clone()));
        }
    }
    topics
}
