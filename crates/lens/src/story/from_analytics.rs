//! The analytics body as [`Told`]: participants → sessions → segments, with the wrap-up read
//! from the `wrapup` segment (`wrapUpCode`; analytics carries no wrap-up name).

use model::analytics::{
    AnalyticsConversationWithoutAttributes, AnalyticsParticipantWithoutAttributes, AnalyticsSession,
};

use super::legs::{
    Activity, Ending, Leg, Role, Session, Span, Told, WrapupFact, present, sort_legs,
};
use crate::participant_label;

/// What analytics says happened.
#[must_use]
pub fn told(a: &AnalyticsConversationWithoutAttributes) -> Told {
    let mut legs: Vec<Leg> = a.participants.iter().flatten().map(leg).collect();
    sort_legs(&mut legs);
    let direction = a
        .originating_direction
        .as_ref()
        .map(|d| d.as_str().to_owned())
        .or_else(|| {
            legs.iter()
                .find(|l| l.role == Role::Customer)
                .and_then(|l| l.sessions.first())
                .and_then(|s| s.direction.clone())
        });
    Told {
        start: a.conversation_start,
        end: a.conversation_end,
        direction,
        legs,
    }
}

fn leg(p: &AnalyticsParticipantWithoutAttributes) -> Leg {
    let role = Role::of(p.purpose.as_ref().map(|x| x.as_str()));
    let raw = p.sessions.as_deref().unwrap_or_default();
    let sessions: Vec<Session> = raw.iter().map(session).collect();
    let wrapup = raw.iter().find_map(wrapup);
    let start = sessions.iter().filter_map(Session::first_start).min();
    // The participant's analytics time runs to its last segment, the wrap-up included.
    let open = sessions.iter().any(Session::is_open) || wrapup.as_ref().is_some_and(|w| w.pending);
    let end = if open {
        None
    } else {
        sessions
            .iter()
            .filter_map(Session::last_end)
            .chain(wrapup.as_ref().and_then(|w| w.end))
            .max()
    };
    Leg {
        participant_id: p.participant_id.clone().unwrap_or_default(),
        label: participant_label::of_analytics(p),
        name: present(p.participant_name.as_deref()),
        purpose: p.purpose.as_ref().map(|x| x.as_str().to_owned()),
        role,
        // For an `acd` participant, analytics puts the queue's name in `participantName`.
        queue_name: (role == Role::Queue)
            .then(|| p.participant_name.clone())
            .flatten(),
        flow_name: raw
            .iter()
            .find_map(|s| s.flow.as_ref().and_then(|f| f.flow_name.clone())),
        sessions,
        wrapup,
        start,
        end,
    }
}

fn session(s: &AnalyticsSession) -> Session {
    let segs = s.segments.as_deref().unwrap_or_default();
    let spans = segs
        .iter()
        // The wrap-up is told once per participant (see `wrapup`), not as session activity.
        .filter(|g| {
            g.segment_type
                .as_ref()
                .is_none_or(|t| t.as_str() != "wrapup")
        })
        .map(|g| Span {
            activity: Activity::of(g.segment_type.as_ref().map_or("", |t| t.as_str())),
            start: g.segment_start,
            end: g.segment_end,
        })
        .collect();
    let ending = segs
        .iter()
        .rev()
        .find_map(|g| g.disconnect_type.as_ref())
        .map(|d| Ending::of(d.as_str()));
    Session {
        id: s.session_id.clone(),
        media: s
            .media_type
            .as_ref()
            .map_or_else(|| "unknown".to_owned(), |m| m.as_str().to_owned()),
        direction: s.direction.as_ref().map(|d| d.as_str().to_owned()),
        spans,
        ending,
        segmented: true,
    }
}

fn wrapup(s: &AnalyticsSession) -> Option<WrapupFact> {
    let g = s.segments.as_deref().unwrap_or_default().iter().find(|g| {
        g.wrap_up_code.is_some()
            || g.segment_type
                .as_ref()
                .is_some_and(|t| t.as_str() == "wrapup")
    })?;
    Some(WrapupFact {
        code: g.wrap_up_code.clone(),
        name: None,
        start: g.segment_start,
        end: g.segment_end,
        pending: g.segment_end.is_none(),
    })
}
