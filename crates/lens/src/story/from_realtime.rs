//! The Conversations API body as [`Told`]: each participant's communications and their
//! `segments`, falling back to the communication's own timestamps when a body has no segments.

use model::conversations::{Conversation, Participant};

use super::legs::{
    Activity, Ending, Leg, Role, Session, Span, Told, WrapupFact, present, sort_legs,
};
use crate::comms::{self, Comm};
use crate::participant_label;

/// What the Conversations API says happened.
#[must_use]
pub fn told(c: &Conversation) -> Told {
    let mut legs: Vec<Leg> = c.participants.iter().flatten().map(leg).collect();
    sort_legs(&mut legs);
    let direction = legs
        .iter()
        .find(|l| l.role == Role::Customer)
        .and_then(|l| l.sessions.first())
        .and_then(|s| s.direction.clone());
    Told {
        start: c.start_time,
        end: c.end_time,
        direction,
        legs,
    }
}

fn leg(p: &Participant) -> Leg {
    let comms = comms::of(p);
    Leg {
        participant_id: p.id.clone().unwrap_or_default(),
        label: participant_label::of_realtime(p),
        name: present(p.name.as_deref()),
        purpose: p.purpose.clone(),
        role: Role::of(p.purpose.as_deref()),
        queue_name: p.queue_name.clone(),
        flow_name: None,
        sessions: comms.iter().map(session).collect(),
        wrapup: wrapup(p, &comms),
        start: p.start_time,
        end: p.end_time,
    }
}

fn session(cm: &Comm<'_>) -> Session {
    let mut spans: Vec<Span> = cm
        .segments
        .iter()
        .map(|s| Span {
            activity: Activity::of(s.type_.as_deref().unwrap_or_default()),
            start: s.start_time,
            end: s.end_time,
        })
        .collect();
    let segmented = !spans.is_empty();
    if !segmented {
        spans = from_timestamps(cm);
    }
    let ending = cm
        .disconnect_type
        .or_else(|| {
            cm.segments
                .iter()
                .rev()
                .find_map(|s| s.disconnect_type.as_deref())
        })
        .map(Ending::of);
    Session {
        id: cm.id.map(str::to_owned),
        media: cm.media_type.to_owned(),
        direction: cm.direction.map(str::to_owned),
        spans,
        ending,
        segmented,
    }
}

/// Without `segments`: alerting until connected, connected until disconnected, and the current
/// hold (`startHoldTime`) — all a communication's own fields can tell.
fn from_timestamps(cm: &Comm<'_>) -> Vec<Span> {
    let mut spans = Vec::new();
    if let Some(alert) = cm.start_alerting {
        spans.push(Span {
            activity: Activity::Alert,
            start: Some(alert),
            end: cm.connected.or(cm.disconnected),
        });
    }
    let on_hold = cm.held == Some(true) && cm.disconnected.is_none();
    if let Some(connected) = cm.connected {
        spans.push(Span {
            activity: Activity::Interact,
            start: Some(connected),
            // Talk pauses while the current hold lasts.
            end: cm.disconnected.or(cm.start_hold.filter(|_| on_hold)),
        });
    }
    if on_hold {
        spans.push(Span {
            activity: Activity::Hold,
            start: cm.start_hold,
            end: None,
        });
    }
    spans
}

/// The participant's wrap-up (or a communication's) plus its after-call work times.
fn wrapup(p: &Participant, comms: &[Comm<'_>]) -> Option<WrapupFact> {
    let w = p
        .wrapup
        .as_ref()
        .or_else(|| comms.iter().find_map(|c| c.wrapup));
    let acw = comms.iter().find_map(|c| c.after_call_work);
    let start = p.start_acw_time.or_else(|| acw.and_then(|a| a.start_time));
    let end = p
        .end_acw_time
        .or_else(|| acw.and_then(|a| a.end_time))
        .or_else(|| w.and_then(|w| w.end_time));
    let pending = acw.is_some_and(|a| a.state.as_ref().is_some_and(|s| s.as_str() == "pending"))
        || (start.is_some() && end.is_none());
    if w.is_none() && start.is_none() {
        return None;
    }
    Some(WrapupFact {
        code: w.and_then(|w| w.code.clone()),
        name: w.and_then(|w| w.name.clone()),
        start,
        end,
        pending,
    })
}
