//! The Conversations API view (`GET /api/v2/conversations/{id}`) of a [`Conv`] at an instant.
//!
//! Facts this encodes (reference/api-facts.md §1): no top-level `state` on reads; `endTime` absent while
//! live; communication `state` moves alerting → connected → disconnected; `held` +
//! `startHoldTime` while on hold; `disconnectType` (dotted vocabulary) only once disconnected;
//! wrap-up on the participant, `afterCallWork` pending → complete on the communication;
//! `recordingState` upper-case on the conversation, lower-case on the call.

use crate::catalog::{displayable, home_division};
use crate::timeline::{Conv, Disc, Media, Party, Role, SegKind, Session, Time};
use chrono::Duration;
use model::conversations as rt;
use std::collections::BTreeMap;

/// The conversation as `GET /api/v2/conversations/{id}` returns it at `now`.
/// `None` = 404: not started yet, or purged `retention` after it ended.
#[must_use]
pub fn realtime_view(c: &Conv, now: Time, retention: Duration) -> Option<rt::Conversation> {
    if now < c.start() || is_purged(c, now, retention) {
        return None;
    }
    let ended = c.end() <= now;
    let recording_live = c.sessions().any(|s| is_recording(s, now));
    let division = home_division();
    let mut entities: Vec<rt::DivisionEntityRef> = Vec::new();
    for p in c.parties.iter().filter(|p| p.start() <= now) {
        if let Some(user) = &p.user_id
            && !entities.iter().any(|e| e.id.as_deref() == Some(user))
        {
            entities.push(rt::DivisionEntityRef {
                id: Some(user.clone()),
                self_uri: Some(format!("/api/v2/users/{user}")),
                ..Default::default()
            });
        }
    }
    Some(rt::Conversation {
        id: Some(c.id.clone()),
        start_time: Some(c.start()),
        end_time: ended.then(|| c.end()),
        address: c.address.clone(),
        participants: Some(
            c.parties
                .iter()
                .filter(|p| p.start() <= now)
                .map(|p| participant(p, now))
                .collect(),
        ),
        recording_state: Some(rt::ConversationRecordingState::from_wire(
            if recording_live { "ACTIVE" } else { "NONE" },
        )),
        divisions: Some(vec![rt::ConversationDivisionMembership {
            division: Some(serde_json::json!({
                "id": division.id,
                "name": division.name,
                "selfUri": format!("/api/v2/authorization/divisions/{}", division.id),
            })),
            entities: Some(entities),
        }]),
        recent_transfers: Some(
            c.transfers
                .iter()
                .filter(|t| t.at <= now)
                .map(|t| rt::TransferResponse {
                    id: Some(t.id.clone()),
                    state: Some(rt::TransferResponseState::from_wire("Complete")),
                    date_issued: Some(t.at),
                    initiator: Some(rt::TransferInitiator {
                        user_id: Some(t.initiator_user_id.clone()),
                    }),
                    destination: Some(rt::TransferDestination {
                        user_id: t.destination_user_id.clone(),
                        address: t.destination_address.clone(),
                    }),
                    transfer_type: Some(rt::TransferType::from_wire(if t.attended {
                        "Attended"
                    } else {
                        "Unattended"
                    })),
                    ..Default::default()
                })
                .collect(),
        ),
        secure_pause: Some(false),
        self_uri: Some(format!("/api/v2/conversations/{}", c.id)),
        ..Default::default()
    })
}

/// Whether the Conversations API has forgotten this conversation at `now`.
#[must_use]
pub fn is_purged(c: &Conv, now: Time, retention: Duration) -> bool {
    c.end() <= now && now >= c.end() + retention
}

fn participant(p: &Party, now: Time) -> rt::Participant {
    let visible: Vec<&Session> = p.sessions.iter().filter(|s| s.start() <= now).collect();
    let ended = visible.iter().all(|s| s.end() <= now) && visible.len() == p.sessions.len();
    // Flow and queue legs carry no participant-level connectedTime (reference/api-facts.md §1.6).
    let person = matches!(p.role, Role::Customer | Role::Agent | Role::External);
    let connected = visible
        .iter()
        .filter_map(|s| comm(s, now).connected)
        .min()
        .filter(|_| person);
    let wrap_session = p
        .sessions
        .iter()
        .find(|s| s.wrap.is_some() && s.end() <= now);
    let wrap_done = wrap_session.filter(|s| s.acw_end() <= now);
    let is_agent = p.role == Role::Agent;
    let media =
        |m: Media| -> Vec<&Session> { visible.iter().copied().filter(|s| s.media == m).collect() };
    rt::Participant {
        id: Some(p.id.clone()),
        start_time: Some(p.start()),
        end_time: ended.then(|| p.end()),
        connected_time: connected,
        name: Some(p.name.clone()),
        user_uri: p.user_id.as_ref().map(|u| format!("/api/v2/users/{u}")),
        user_id: p.user_id.clone(),
        queue_id: p.queue.as_ref().map(|q| q.0.clone()),
        queue_name: p.queue.as_ref().map(|q| q.1.clone()),
        purpose: Some(p.role.purpose().to_owned()),
        consult_participant_id: p.consult_participant_id.clone(),
        address: p.address.clone(),
        ani: p.ani.clone(),
        dnis: p.dnis.clone(),
        wrapup_required: Some(p.sessions.iter().any(|s| s.wrap.is_some())),
        wrapup_prompt: is_agent.then(|| rt::WrapupPrompt::from_wire("mandatory")),
        wrapup: wrap_done.and_then(|s| s.wrap.as_ref().map(|w| wrapup(w, s.acw_end()))),
        conversation_routing_data: p
            .queue
            .as_ref()
            .filter(|_| matches!(p.role, Role::Acd | Role::Agent))
            .map(|q| rt::ConversationRoutingData {
                queue: Some(rt::AddressableEntityRef {
                    id: Some(q.0.clone()),
                    self_uri: Some(format!("/api/v2/routing/queues/{}", q.0)),
                }),
                priority: Some(0),
                skills: Some(Vec::new()),
                scored_agents: Some(Vec::new()),
                ..Default::default()
            }),
        alerting_timeout_ms: is_agent.then_some(ALERTING_TIMEOUT_MS),
        attributes: (p.role == Role::Customer || !p.attributes.is_empty())
            .then(|| p.attributes.iter().cloned().collect::<BTreeMap<_, _>>()),
        calls: non_empty(media(Media::Voice))
            .map(|v| v.into_iter().map(|s| call(p, s, now)).collect()),
        callbacks: non_empty(media(Media::Callback))
            .map(|v| v.into_iter().map(|s| callback(s, now)).collect()),
        emails: non_empty(media(Media::Email))
            .map(|v| v.into_iter().map(|s| email(s, now)).collect()),
        messages: non_empty(media(Media::Message))
            .map(|v| v.into_iter().map(|s| message(p, s, now)).collect()),
        start_acw_time: wrap_session.map(Session::end),
        end_acw_time: wrap_done.map(Session::acw_end),
        ..Default::default()
    }
}

/// A recorded communication records only while connected (not while dialing or ringing).
fn is_recording(s: &Session, now: Time) -> bool {
    s.recording
        && now < s.end()
        && s.segs
            .iter()
            .any(|g| g.kind.is_connected() && g.start <= now)
}

/// How long an offered interaction rings an agent before it is redirected (RONA).
pub const ALERTING_TIMEOUT_MS: i64 = 15_000;

fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    (!v.is_empty()).then_some(v)
}

fn wrapup(w: &crate::timeline::Wrap, end: Time) -> rt::Wrapup {
    rt::Wrapup {
        code: Some(w.code_id.clone()),
        name: Some(w.code_name.clone()),
        notes: Some(w.notes.clone()),
        tags: Some(Vec::new()),
        duration_seconds: Some(w.duration_ms / 1000),
        end_time: Some(end),
        provisional: Some(false),
    }
}

/// Media-independent state of one communication at `now`.
struct Comm {
    state: &'static str,
    initial: &'static str,
    alerting: Option<Time>,
    connected: Option<Time>,
    disconnected: Option<Time>,
    disc: Option<Disc>,
    hold_since: Option<Time>,
    segments: Vec<rt::Segment>,
    acw: Option<rt::AfterCallWork>,
}

fn comm(s: &Session, now: Time) -> Comm {
    let ended = s.end() <= now;
    let current = s.segs.iter().find(|g| g.start <= now && now < g.end);
    let last = s.segs.len().saturating_sub(1);
    let acw = s.wrap.as_ref().filter(|_| ended).map(|_| {
        let done = s.acw_end() <= now;
        rt::AfterCallWork {
            start_time: Some(s.end()),
            end_time: done.then(|| s.acw_end()),
            state: Some(rt::AfterCallWorkState::from_wire(if done {
                "complete"
            } else {
                "pending"
            })),
        }
    });
    Comm {
        state: if ended {
            "disconnected"
        } else {
            current.map_or("connected", |g| g.kind.state())
        },
        initial: s.segs.first().map_or("connected", |g| g.kind.state()),
        alerting: s
            .segs
            .iter()
            .find(|g| g.kind == SegKind::Alert && g.start <= now)
            .map(|g| g.start),
        connected: s
            .segs
            .iter()
            .find(|g| g.kind.is_connected() && g.start <= now)
            .map(|g| g.start),
        disconnected: ended.then(|| s.end()),
        disc: ended.then_some(s.disc),
        hold_since: current
            .filter(|g| g.kind == SegKind::Hold && !ended)
            .map(|g| g.start),
        segments: s
            .segs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.start <= now)
            .map(|(i, g)| rt::Segment {
                start_time: Some(g.start),
                end_time: (g.end <= now).then_some(g.end),
                type_: Some(g.kind.analytics().to_owned()),
                how_ended: None,
                disconnect_type: (i == last && ended).then(|| s.disc.realtime().to_owned()),
            })
            .collect(),
        acw,
    }
}

fn address(tel: &str) -> rt::Address {
    rt::Address {
        address_normalized: Some(tel.to_owned()),
        address_displayable: Some(displayable(tel)),
        ..Default::default()
    }
}

fn call(p: &Party, s: &Session, now: Time) -> rt::Call {
    let c = comm(s, now);
    // Flows and queues are system legs: no recording or mute flags on them (reference/api-facts.md §1.6).
    let person = matches!(p.role, Role::Customer | Role::Agent | Role::External);
    let flag = |v: bool| person.then_some(v);
    let (self_addr, other_addr) = match (p.role, s.direction) {
        (Role::Customer | Role::External, crate::timeline::Dir::Inbound) => {
            (s.ani.as_deref(), s.dnis.as_deref())
        }
        (Role::Customer | Role::External, crate::timeline::Dir::Outbound) => {
            (s.dnis.as_deref(), s.ani.as_deref())
        }
        _ => (None, None),
    };
    rt::Call {
        state: Some(rt::CallState::from_wire(c.state)),
        initial_state: Some(rt::CallState::from_wire(c.initial)),
        id: Some(s.id.clone()),
        direction: Some(rt::Direction::from_wire(s.direction.wire())),
        recording: flag(s.recording),
        recording_state: person.then(|| {
            rt::CallRecordingState::from_wire(if is_recording(s, now) {
                "active"
            } else {
                "none"
            })
        }),
        muted: flag(false),
        confined: flag(false),
        held: Some(c.hold_since.is_some()),
        secure_pause: flag(false),
        recording_id: s
            .recording
            .then(|| crate::ids::stable_uuid(&s.id, "recording")),
        segments: Some(c.segments),
        disconnect_type: c
            .disc
            .map(|d| rt::CallDisconnectType::from_wire(d.realtime())),
        start_hold_time: c.hold_since,
        start_alerting_time: c.alerting,
        connected_time: c.connected,
        disconnected_time: c.disconnected,
        provider: Some("Edge".to_owned()),
        peer_id: s.peer_id.clone(),
        self_: self_addr.map(address),
        other: other_addr.map(address),
        after_call_work: c.acw,
        after_call_work_required: flag(s.wrap.is_some()),
        ..Default::default()
    }
}

fn callback(s: &Session, now: Time) -> rt::Callback {
    let c = comm(s, now);
    rt::Callback {
        state: Some(rt::CallbackState::from_wire(c.state)),
        initial_state: Some(rt::CallbackState::from_wire(c.initial)),
        id: Some(s.id.clone()),
        segments: Some(c.segments),
        direction: Some(rt::Direction::from_wire(s.direction.wire())),
        held: Some(c.hold_since.is_some()),
        disconnect_type: c
            .disc
            .map(|d| rt::CallbackDisconnectType::from_wire(d.realtime())),
        start_hold_time: c.hold_since,
        callback_numbers: Some(s.detail.callback_numbers.clone()),
        callback_user_name: s.detail.callback_user_name.clone(),
        external_campaign: Some(false),
        skip_enabled: Some(true),
        start_alerting_time: c.alerting,
        connected_time: c.connected,
        disconnected_time: c.disconnected,
        callback_scheduled_time: s.detail.callback_scheduled,
        provider: Some("PureCloud Callback".to_owned()),
        peer_id: s.peer_id.clone(),
        after_call_work: c.acw,
        after_call_work_required: Some(s.wrap.is_some()),
        ..Default::default()
    }
}

fn email(s: &Session, now: Time) -> rt::Email {
    let c = comm(s, now);
    rt::Email {
        state: Some(rt::EmailState::from_wire(c.state)),
        initial_state: Some(rt::EmailState::from_wire(c.initial)),
        id: Some(s.id.clone()),
        held: Some(c.hold_since.is_some()),
        subject: s.detail.email_subject.clone(),
        messages_sent: s.detail.messages_sent.filter(|_| c.disconnected.is_some()),
        segments: Some(c.segments),
        direction: Some(rt::Direction::from_wire(s.direction.wire())),
        disconnect_type: c
            .disc
            .map(|d| rt::CallbackDisconnectType::from_wire(d.realtime())),
        start_hold_time: c.hold_since,
        start_alerting_time: c.alerting,
        connected_time: c.connected,
        disconnected_time: c.disconnected,
        auto_generated: Some(false),
        provider: Some("PureCloud Email".to_owned()),
        peer_id: s.peer_id.clone(),
        spam: Some(false),
        after_call_work: c.acw,
        after_call_work_required: Some(s.wrap.is_some()),
        ..Default::default()
    }
}

fn message(p: &Party, s: &Session, now: Time) -> rt::Message {
    let c = comm(s, now);
    let status = if p.role == Role::Customer {
        "received"
    } else {
        "sent"
    };
    rt::Message {
        state: Some(rt::MessageState::from_wire(c.state)),
        initial_state: Some(rt::MessageState::from_wire(c.initial)),
        id: Some(s.id.clone()),
        held: Some(c.hold_since.is_some()),
        segments: Some(c.segments),
        direction: Some(rt::Direction::from_wire(s.direction.wire())),
        disconnect_type: c
            .disc
            .map(|d| rt::MessageDisconnectType::from_wire(d.realtime())),
        start_hold_time: c.hold_since,
        start_alerting_time: c.alerting,
        connected_time: c.connected,
        disconnected_time: c.disconnected,
        provider: Some("PureCloud Messaging".to_owned()),
        type_: s.detail.message_type.map(rt::MessageType::from_wire),
        peer_id: s.peer_id.clone(),
        to_address: s.detail.address_to.as_ref().map(|a| rt::Address {
            name: Some(a.clone()),
            ..Default::default()
        }),
        from_address: s.detail.address_from.as_ref().map(|a| rt::Address {
            name: Some(a.clone()),
            ..Default::default()
        }),
        messages: Some(
            s.detail
                .message_times
                .iter()
                .enumerate()
                .filter(|(_, t)| **t <= now)
                .map(|(i, t)| rt::MessageDetails {
                    message_id: Some(crate::ids::stable_uuid(&s.id, &format!("message-{i}"))),
                    message_status: Some(rt::MessageStatus::from_wire(status)),
                    message_segment_count: Some(1),
                    message_time: Some(*t),
                    ..Default::default()
                })
                .collect(),
        ),
        after_call_work: c.acw,
        after_call_work_required: Some(s.wrap.is_some()),
        ..Default::default()
    }
}
