//! The Analytics conversation-details view of a [`Conv`] at an instant.
//!
//! Facts this encodes (reference/api-facts.md §2.3/§2.4/§6): participants → sessions → segments + metrics;
//! `conversationEnd` absent while live; disconnect types in the camelCase vocabulary; `t*`
//! metrics in milliseconds, each emitted (with `emitDate`) when the measured thing completed;
//! details are near-real-time but lag a little, and wrap-up data arrives later still.

use crate::timeline::{Conv, Disc, Media, Party, Role, SegKind, Session, Time};
use chrono::Duration;
use model::analytics as an;
use model::conversations::Direction;

/// How far analytics trails the conversation.
#[derive(Debug, Clone, Copy)]
pub struct Lags {
    /// Anything that happened at `t` shows from `t + analytics`.
    pub analytics: Duration,
    /// Wrap-up (segment, `tAcw`, `tHandle`) shows `wrapup` later still.
    pub wrapup: Duration,
}

impl Lags {
    #[must_use]
    pub fn from_config(cfg: &crate::DemoConfig) -> Self {
        Self {
            analytics: to_chrono(cfg.analytics_lag),
            wrapup: to_chrono(cfg.wrapup_lag),
        }
    }
}

/// `std::time::Duration` → `chrono::Duration`, capped at 100 years so that adding it to any
/// timestamp of the org can never overflow (a config of "forever" must not panic).
#[must_use]
pub fn to_chrono(d: std::time::Duration) -> Duration {
    let cap = Duration::days(36_500);
    Duration::from_std(d).map_or(cap, |d| d.min(cap))
}

/// The analytics record at `now` (with participant attributes, as async jobs return it).
/// `None` = the conversation has not reached analytics yet (404).
#[must_use]
pub fn analytics_view(c: &Conv, now: Time, lags: Lags) -> Option<an::AnalyticsConversation> {
    let vis = now - lags.analytics;
    let wvis = vis - lags.wrapup;
    if c.start() > vis {
        return None;
    }
    let ended = c.end() <= vis;
    Some(an::AnalyticsConversation {
        conversation_id: Some(c.id.clone()),
        conversation_start: Some(c.start()),
        conversation_end: ended.then(|| c.end()),
        conference_start: c.conference_start.filter(|t| *t <= vis),
        originating_direction: Some(an::OriginatingDirection::from_wire(
            c.originating_direction.wire(),
        )),
        conversation_initiator: (c.media() == Media::Message)
            .then(|| an::ConversationInitiator::from_wire("customer")),
        customer_participation: (c.media() == Media::Message).then_some(true),
        self_served: c.self_served.then_some(true).filter(|_| ended),
        division_ids: Some(vec![c.division_id.clone()]),
        media_stats_min_conversation_mos: c.mos.filter(|_| ended),
        media_stats_min_conversation_r_factor: c.mos.filter(|_| ended).map(r_factor),
        participants: Some(
            c.parties
                .iter()
                .filter(|p| p.start() <= vis)
                .map(|p| participant(p, vis, wvis))
                .collect(),
        ),
        ..Default::default()
    })
}

/// An R-factor consistent with a MOS (inverse of the E-model's MOS curve, close enough to look real).
fn r_factor(mos: f64) -> f64 {
    (((mos - 1.0) / 3.5) * 93.2 * 100.0).round() / 100.0
}

/// The same record without participant attributes (by-id GET, multi-get, sync query).
#[must_use]
pub fn without_attributes(
    c: an::AnalyticsConversation,
) -> an::AnalyticsConversationWithoutAttributes {
    let participants = c.participants.map(|ps| {
        ps.into_iter()
            .map(|p| an::AnalyticsParticipantWithoutAttributes {
                external_contact_id: p.external_contact_id,
                external_organization_id: p.external_organization_id,
                flagged_reason: p.flagged_reason,
                participant_id: p.participant_id,
                participant_name: p.participant_name,
                purpose: p.purpose,
                screen_recording: p.screen_recording,
                team_id: p.team_id,
                user_id: p.user_id,
                sessions: p.sessions,
            })
            .collect()
    });
    an::AnalyticsConversationWithoutAttributes {
        access_attributes: c.access_attributes,
        associated_conversation_id: c.associated_conversation_id,
        conference_start: c.conference_start,
        consultation_conversation_ids: c.consultation_conversation_ids,
        conversation_end: c.conversation_end,
        conversation_id: c.conversation_id,
        conversation_initiator: c.conversation_initiator,
        conversation_start: c.conversation_start,
        customer_participation: c.customer_participation,
        division_ids: c.division_ids,
        external_tag: c.external_tag,
        inactivity_timeout: c.inactivity_timeout,
        knowledge_base_ids: c.knowledge_base_ids,
        media_stats_min_conversation_mos: c.media_stats_min_conversation_mos,
        media_stats_min_conversation_r_factor: c.media_stats_min_conversation_r_factor,
        originating_direction: c.originating_direction,
        originating_social_media_public: c.originating_social_media_public,
        self_served: c.self_served,
        evaluations: c.evaluations,
        surveys: c.surveys,
        resolutions: c.resolutions,
        participants,
    }
}

fn participant(p: &Party, vis: Time, wvis: Time) -> an::AnalyticsParticipant {
    an::AnalyticsParticipant {
        participant_id: Some(p.id.clone()),
        participant_name: Some(p.name.clone()),
        purpose: Some(an::Purpose::from_wire(p.role.purpose())),
        user_id: p.user_id.clone(),
        sessions: Some(
            p.sessions
                .iter()
                .filter(|s| s.start() <= vis)
                .map(|s| session(p, s, vis, wvis))
                .collect(),
        ),
        attributes: (!p.attributes.is_empty()).then(|| p.attributes.iter().cloned().collect()),
        ..Default::default()
    }
}

fn session(p: &Party, s: &Session, vis: Time, wvis: Time) -> an::AnalyticsSession {
    let ended = s.end() <= vis;
    let routed = s.routed.then(|| vec!["Standard".to_owned()]);
    let is_voice = s.media == Media::Voice;
    let customer_side = matches!(p.role, Role::Customer | Role::External);
    an::AnalyticsSession {
        session_id: Some(s.id.clone()),
        media_type: Some(an::MediaType::from_wire(s.media.analytics())),
        direction: Some(Direction::from_wire(s.direction.wire())),
        ani: s.ani.clone(),
        dnis: s.dnis.clone(),
        session_dnis: s.dnis.clone().filter(|_| is_voice && customer_side),
        address_from: s.detail.address_from.clone(),
        address_to: s.detail.address_to.clone(),
        remote: (p.role == Role::Agent).then(|| s.ani.clone()).flatten(),
        provider: is_voice.then(|| "Edge".to_owned()),
        peer_id: s.peer_id.clone(),
        recording: s.recording.then_some(true),
        requested_routings: routed,
        used_routing: s.routed.then(|| an::UsedRouting::from_wire("Standard")),
        selected_agent_id: s.selected_agent_id.clone().filter(|_| ended),
        message_type: s.detail.message_type.map(str::to_owned),
        callback_numbers: (!s.detail.callback_numbers.is_empty())
            .then(|| s.detail.callback_numbers.clone()),
        callback_scheduled_time: s.detail.callback_scheduled,
        callback_user_name: s.detail.callback_user_name.clone(),
        outbound_campaign_id: s.detail.outbound_campaign.as_ref().map(|c| c.0.clone()),
        outbound_contact_list_id: s.detail.outbound_campaign.as_ref().map(|c| c.1.clone()),
        outbound_contact_id: s.detail.outbound_campaign.as_ref().map(|c| c.2.clone()),
        flow: s.flow.as_ref().map(|f| {
            let exit = s.flow_exit.as_ref().filter(|_| ended);
            an::AnalyticsFlow {
                flow_id: Some(f.id.clone()),
                flow_name: Some(f.name.to_owned()),
                flow_type: Some(an::FlowType::from_wire(f.flow_type)),
                flow_version: Some(f.version.to_owned()),
                entry_type: Some(an::EntryType::from_wire("dnis")),
                entry_reason: s.dnis.clone(),
                exit_reason: exit.map(|e| e.reason.to_owned()),
                transfer_type: exit.and_then(|e| e.transfer_type.map(str::to_owned)),
                transfer_target_name: exit.and_then(|e| e.target_name.clone()),
                transfer_target_address: exit.and_then(|e| e.target_address.clone()),
                ..Default::default()
            }
        }),
        metrics: Some(metrics(p, s, vis, wvis)),
        segments: Some(segments(s, vis, wvis)),
        ..Default::default()
    }
}

fn segments(s: &Session, vis: Time, wvis: Time) -> Vec<an::AnalyticsConversationSegment> {
    let last = s.segs.len().saturating_sub(1);
    let subject = s.detail.email_subject.clone();
    let mut out: Vec<an::AnalyticsConversationSegment> = s
        .segs
        .iter()
        .enumerate()
        .filter(|(_, g)| g.start <= vis)
        .map(|(i, g)| an::AnalyticsConversationSegment {
            segment_start: Some(g.start),
            segment_end: (g.end <= vis).then_some(g.end),
            segment_type: Some(an::SegmentType::from_wire(g.kind.analytics())),
            queue_id: s.queue_id.clone(),
            disconnect_type: (i == last && g.end <= vis).then(|| {
                an::AnalyticsConversationSegmentDisconnectType::from_wire(s.disc.analytics())
            }),
            conference: Some(g.conference),
            subject: subject.clone(),
            ..Default::default()
        })
        .collect();
    if let Some(w) = s.wrap.as_ref().filter(|_| s.acw_end() <= wvis) {
        out.push(an::AnalyticsConversationSegment {
            segment_start: Some(s.end()),
            segment_end: Some(s.acw_end()),
            segment_type: Some(an::SegmentType::Wrapup),
            queue_id: s.queue_id.clone(),
            wrap_up_code: Some(w.code_id.clone()),
            wrap_up_note: Some(w.notes.clone()),
            conference: Some(false),
            ..Default::default()
        });
    }
    out
}

/// Which `t*` metric a completed segment feeds, on a participant with this role.
#[must_use]
pub fn metric_for(role: Role, kind: SegKind) -> Option<&'static str> {
    match (role, kind) {
        (Role::Ivr, SegKind::Ivr) => Some("tIvr"),
        (Role::Acd, SegKind::Interact) => Some("tAcd"),
        (Role::Agent, SegKind::Alert) => Some("tAlert"),
        (Role::Agent | Role::External, SegKind::Interact) => Some("tTalk"),
        (Role::Agent | Role::External, SegKind::Hold) => Some("tHeld"),
        (_, SegKind::Dialing) => Some("tDialing"),
        (_, SegKind::Contacting) => Some("tContacting"),
        (_, SegKind::Voicemail) => Some("tVoicemail"),
        _ => None,
    }
}

fn metric(name: &str, value: i64, at: Time) -> an::AnalyticsSessionMetric {
    an::AnalyticsSessionMetric {
        name: Some(name.to_owned()),
        value: Some(value),
        emit_date: Some(at),
    }
}

fn ms(a: Time, b: Time) -> i64 {
    (b - a).num_milliseconds()
}

fn metrics(p: &Party, s: &Session, vis: Time, wvis: Time) -> Vec<an::AnalyticsSessionMetric> {
    let mut out = Vec::new();
    let start = s.start();
    // Counters emitted when the session starts/connects.
    match p.role {
        Role::Customer => {
            if let Some(g) = s.segs.iter().find(|g| g.kind.is_connected()) {
                out.push(metric("nConnected", 1, g.start));
            }
        }
        Role::Acd => out.push(metric("nOffered", 1, start)),
        _ => {}
    }
    if s.segs.first().is_some_and(|g| g.kind == SegKind::Dialing) {
        out.push(metric("nOutbound", 1, start));
    }
    if p.role == Role::Agent
        && let (Some(wait), Some(g)) = (
            s.answered_after_ms,
            s.segs.iter().find(|g| g.kind == SegKind::Interact),
        )
    {
        out.push(metric("tAnswered", wait, g.start));
    }
    // One duration per completed segment. Handle time = talk + hold + ACW + dialing + contacting
    // (Resource Center glossary "handle time"; dialing/contacting exist on outbound and callback calls).
    let (mut talk, mut held, mut reach) = (0, 0, 0);
    let last = s.segs.len().saturating_sub(1);
    for (i, g) in s.segs.iter().enumerate() {
        let d = ms(g.start, g.end);
        if let Some(name) = metric_for(p.role, g.kind) {
            out.push(metric(name, d, g.end));
        }
        match (p.role, g.kind) {
            (Role::Agent, SegKind::Interact) => talk += d,
            (Role::Agent, SegKind::Hold) => held += d,
            (Role::Agent, SegKind::Dialing | SegKind::Contacting) => reach += d,
            (Role::Agent, SegKind::Alert) if i == last && s.disc == Disc::NoAnswerTransfer => {
                out.push(metric("tNotResponding", d, g.end));
            }
            _ => {}
        }
    }
    if p.role == Role::Acd && s.abandoned {
        out.push(metric("tAbandon", ms(start, s.end()), s.end()));
    }
    if p.role == Role::Agent && talk > 0 {
        let end = s.end();
        out.push(metric("tTalkComplete", talk, end));
        if held > 0 {
            out.push(metric("tHeldComplete", held, end));
        }
        let transfer = match s.disc {
            Disc::Transfer => Some("nBlindTransferred"),
            Disc::ConsultTransfer => Some("nConsultTransferred"),
            _ => None,
        };
        if let Some(kind) = transfer {
            out.push(metric("nTransferred", 1, end));
            out.push(metric(kind, 1, end));
        }
        match &s.wrap {
            Some(w) => {
                let done = s.acw_end();
                out.push(metric("tAcw", w.duration_ms, done));
                out.push(metric("tHandle", talk + held + reach + w.duration_ms, done));
            }
            None => out.push(metric("tHandle", talk + held + reach, end)),
        }
    }
    // Only what completed by the visibility horizon; wrap-up metrics trail further.
    out.retain(|m| {
        let at = m.emit_date.unwrap_or(Time::UNIX_EPOCH);
        let horizon = if matches!(m.name.as_deref(), Some("tAcw" | "tHandle")) && s.wrap.is_some() {
            wvis
        } else {
            vis
        };
        at <= horizon
    });
    out.sort_by_key(|m| m.emit_date);
    out
}
