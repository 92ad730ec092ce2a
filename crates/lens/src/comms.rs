//! A participant's communications, whatever the media, read through one shape.
//!
//! In the Conversations API a participant has no state of its own: state, timestamps and disconnect
//! type live on each entry of its media arrays (`calls[]`, `emails[]`, `messages[]`, …), and each
//! media type has its own state enum (reference/api-facts.md §1.3–1.4). Flattening them here keeps the glance,
//! field map and timeline free of eleven near-identical branches.

use chrono::{DateTime, Utc};
use model::conversations::{AfterCallWork, Participant, Segment, Wrapup};

/// One communication (a `calls[]`, `emails[]`, … entry) of one participant.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Comm<'a> {
    /// The JSON array it came from: `calls`, `emails`, …
    pub array: &'static str,
    /// The analytics `session.mediaType` that corresponds (by name), e.g. `calls` → `voice`.
    pub media_type: &'static str,
    /// Index in its array (for JSON paths).
    pub index: usize,
    /// Communication id = the analytics `sessionId` of the same leg.
    pub id: Option<&'a str>,
    pub state: Option<&'a str>,
    pub direction: Option<&'a str>,
    pub held: Option<bool>,
    pub recording: Option<bool>,
    pub start_alerting: Option<DateTime<Utc>>,
    pub connected: Option<DateTime<Utc>>,
    pub disconnected: Option<DateTime<Utc>>,
    pub start_hold: Option<DateTime<Utc>>,
    pub disconnect_type: Option<&'a str>,
    pub peer_id: Option<&'a str>,
    pub wrapup: Option<&'a Wrapup>,
    pub after_call_work: Option<&'a AfterCallWork>,
    pub segments: &'a [Segment],
}

impl Comm<'_> {
    /// Still going: not `disconnected`/`terminated` (an absent state counts as going only when
    /// there is no `disconnectedTime` either).
    #[must_use]
    pub fn is_active(&self) -> bool {
        match self.state {
            Some(s) => !matches!(s, "disconnected" | "terminated"),
            None => self.disconnected.is_none(),
        }
    }

    /// JSON path of this communication inside its participant, e.g. `calls[0]`.
    #[must_use]
    pub fn path(&self) -> String {
        format!("{}[{}]", self.array, self.index)
    }
}

fn each<'a, T>(
    out: &mut Vec<Comm<'a>>,
    items: Option<&'a Vec<T>>,
    array: &'static str,
    media_type: &'static str,
    f: impl Fn(&'a T) -> Comm<'a>,
) {
    for (index, item) in items.into_iter().flatten().enumerate() {
        out.push(Comm {
            array,
            media_type,
            index,
            ..f(item)
        });
    }
}

/// Builds a [`Comm`] from a media entry, reading only the listed fields. Each media model of the
/// reference has its own subset of the communication fields (a video has no `held`, a screen
/// monitoring no `wrapup`), so every media lists its own; the accessor for a field is written once.
macro_rules! comm {
    ($c:ident: $($field:ident),* $(,)?) => {
        Comm { $($field: comm!(@get $c, $field),)* ..Comm::default() }
    };
    (@get $c:ident, id) => { $c.id.as_deref() };
    (@get $c:ident, state) => { $c.state.as_ref().map(|s| s.as_str()) };
    (@get $c:ident, direction) => { $c.direction.as_ref().map(|d| d.as_str()) };
    (@get $c:ident, held) => { $c.held };
    (@get $c:ident, recording) => { $c.recording };
    (@get $c:ident, start_alerting) => { $c.start_alerting_time };
    (@get $c:ident, connected) => { $c.connected_time };
    (@get $c:ident, disconnected) => { $c.disconnected_time };
    (@get $c:ident, start_hold) => { $c.start_hold_time };
    (@get $c:ident, disconnect_type) => { $c.disconnect_type.as_ref().map(|d| d.as_str()) };
    (@get $c:ident, peer_id) => { $c.peer_id.as_deref() };
    (@get $c:ident, wrapup) => { $c.wrapup.as_ref() };
    (@get $c:ident, after_call_work) => { $c.after_call_work.as_ref() };
    (@get $c:ident, segments) => { $c.segments.as_deref().unwrap_or_default() };
}

/// Every communication of `p`, in the order of the media arrays in the model.
#[must_use]
pub fn of(p: &Participant) -> Vec<Comm<'_>> {
    let mut out = Vec::new();
    each(&mut out, p.calls.as_ref(), "calls", "voice", |c| {
        comm!(c: id, state, direction, held, recording, start_alerting, connected, disconnected,
            start_hold, disconnect_type, peer_id, wrapup, after_call_work, segments)
    });
    each(
        &mut out,
        p.callbacks.as_ref(),
        "callbacks",
        "callback",
        |c| {
            comm!(c: id, state, direction, held, start_alerting, connected, disconnected, start_hold,
            disconnect_type, peer_id, wrapup, after_call_work, segments)
        },
    );
    each(&mut out, p.chats.as_ref(), "chats", "chat", |c| {
        comm!(c: id, state, direction, held, start_alerting, connected, disconnected, start_hold,
            disconnect_type, peer_id, wrapup, after_call_work, segments)
    });
    each(
        &mut out,
        p.cobrowsesessions.as_ref(),
        "cobrowsesessions",
        "cobrowse",
        |c| {
            comm!(c: id, state, start_alerting, connected, disconnected, disconnect_type, peer_id,
            wrapup, after_call_work, segments)
        },
    );
    each(&mut out, p.emails.as_ref(), "emails", "email", |c| {
        comm!(c: id, state, direction, held, start_alerting, connected, disconnected, start_hold,
            disconnect_type, peer_id, wrapup, after_call_work, segments)
    });
    each(&mut out, p.messages.as_ref(), "messages", "message", |c| {
        comm!(c: id, state, direction, held, start_alerting, connected, disconnected, start_hold,
            disconnect_type, peer_id, wrapup, after_call_work, segments)
    });
    each(
        &mut out,
        p.internal_messages.as_ref(),
        "internalMessages",
        "internalmessage",
        |c| comm!(c: id, state, start_alerting, connected, disconnected, disconnect_type, peer_id, segments),
    );
    each(
        &mut out,
        p.screen_monitorings.as_ref(),
        "screenMonitorings",
        "screenmonitoring",
        |c| comm!(c: id, state, connected, disconnected, disconnect_type, segments),
    );
    each(
        &mut out,
        p.screenshares.as_ref(),
        "screenshares",
        "screenshare",
        |c| {
            comm!(c: id, state, start_alerting, connected, disconnected, disconnect_type, peer_id,
            wrapup, after_call_work, segments)
        },
    );
    each(
        &mut out,
        p.social_expressions.as_ref(),
        "socialExpressions",
        "unknown",
        |c| {
            comm!(c: id, state, held, start_alerting, connected, disconnected, start_hold,
            disconnect_type, peer_id, wrapup, after_call_work, segments)
        },
    );
    each(&mut out, p.videos.as_ref(), "videos", "video", |c| {
        comm!(c: id, state, start_alerting, connected, disconnected, disconnect_type, peer_id,
            wrapup, after_call_work)
    });
    out
}

/// The analytics spelling of a Conversations-API disconnect type (`transfer.consult` →
/// `consultTransfer`). The pairing is by name (see `sources::DISCONNECT_PAIRING`); unknown
/// values come back unchanged.
#[must_use]
pub fn analytics_disconnect_type(dotted: &str) -> &str {
    match dotted {
        "endpoint.donotdisturb" | "endpoint.dnd" => "dndEndpoint",
        "transfer.conference" => "conferenceTransfer",
        "transfer.consult" => "consultTransfer",
        "transfer.donotdisturb" | "transfer.dnd" => "dndTransfer",
        "transfer.forward" => "forwardTransfer",
        "transfer.noanswer" => "noAnswerTransfer",
        "transfer.notavailable" => "notAvailableTransfer",
        "transport.failure" => "transportFailure",
        "session.expired" => "sessionExpired",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_every_media_array() {
        let p: Participant = serde_json::from_value(json!({
            "id": "p",
            "calls": [{"id": "c1", "state": "connected", "held": true, "direction": "inbound"}],
            "emails": [{"id": "e1", "state": "parked"}],
            "messages": [{"id": "m1", "state": "disconnected", "disconnectType": "session.expired"}],
            "videos": [{"id": "v1", "state": "alerting"}]
        }))
        .unwrap_or_default();
        let comms = of(&p);
        let arrays: Vec<_> = comms
            .iter()
            .map(|c| (c.array, c.media_type, c.id))
            .collect();
        assert_eq!(
            arrays,
            vec![
                ("calls", "voice", Some("c1")),
                ("emails", "email", Some("e1")),
                ("messages", "message", Some("m1")),
                ("videos", "video", Some("v1"))
            ]
        );
        assert!(comms[0].is_active() && comms[1].is_active() && !comms[2].is_active());
        assert_eq!(comms[0].held, Some(true));
        assert_eq!(comms[2].path(), "messages[0]");
        assert_eq!(
            analytics_disconnect_type(comms[2].disconnect_type.unwrap_or_default()),
            "sessionExpired"
        );
    }

    #[test]
    fn disconnect_pairing_covers_the_dotted_enum() {
        use model::analytics::AnalyticsConversationSegmentDisconnectType as A;
        use model::conversations::CallDisconnectType as C;
        for dotted in C::KNOWN {
            let camel = analytics_disconnect_type(dotted);
            assert!(
                A::from_wire(camel).is_known(),
                "{dotted} → {camel} is not an analytics value"
            );
        }
    }
}
