//! Where each filter dimension lives in an analytics record, and how a value is tested.
//!
//! Conversation dimensions read the conversation; segment dimensions read one segment *with its
//! session and participant* (mediaType, ani, direction… are session fields, purpose/userId are
//! participant fields, queueId/segmentType are segment fields — all "segment dimensions" upstream).

use super::interval::parse_time;
use chrono::{DateTime, Utc};
use model::analytics::{
    AnalyticsConversation, AnalyticsConversationSegment, AnalyticsParticipant, AnalyticsSession,
    NumericRange,
};
use model::analytics::{
    ConversationDetailQueryPredicateDimension as CD, SegmentDetailQueryPredicateDimension as SD,
};

/// A field's value as a filter sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Val<'a> {
    Absent,
    Str(&'a str),
    Owned(String),
    Bool(bool),
    Time(DateTime<Utc>),
    Num(f64),
    List(&'a [String]),
}

/// What a predicate asks of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Matches(String),
    Range(NumericRange),
    Exists,
    NotExists,
}

fn opt_str(v: Option<&String>) -> Val<'_> {
    v.map_or(Val::Absent, |s| Val::Str(s))
}
fn opt_enum<T: AsStrLike>(v: Option<&T>) -> Val<'_> {
    v.map_or(Val::Absent, |e| Val::Str(e.wire()))
}
fn opt_bool(v: Option<bool>) -> Val<'static> {
    v.map_or(Val::Absent, Val::Bool)
}
fn opt_time(v: Option<DateTime<Utc>>) -> Val<'static> {
    v.map_or(Val::Absent, Val::Time)
}
fn opt_list(v: Option<&Vec<String>>) -> Val<'_> {
    v.map_or(Val::Absent, |l| Val::List(l))
}

/// The open enums of the model all have `as_str`; this lets one helper read any of them.
pub trait AsStrLike {
    fn wire(&self) -> &str;
}

macro_rules! as_str_like {
    ($($t:path),*) => { $(impl AsStrLike for $t { fn wire(&self) -> &str { self.as_str() } })* };
}
as_str_like!(
    model::analytics::OriginatingDirection,
    model::analytics::ConversationInitiator,
    model::analytics::Purpose,
    model::analytics::MediaType,
    model::analytics::UsedRouting,
    model::analytics::SegmentType,
    model::analytics::AnalyticsConversationSegmentDisconnectType,
    model::analytics::DeliveryStatus,
    model::conversations::Direction,
    model::conversations::FlaggedReason,
    model::conversations::EngagementSource
);

/// A conversation dimension's value; `None` = not a conversation dimension (ignored upstream).
#[must_use]
pub fn conversation_dim<'a>(dim: &CD, c: &'a AnalyticsConversation) -> Option<Val<'a>> {
    Some(match dim {
        CD::ConversationId => opt_str(c.conversation_id.as_ref()),
        CD::ConversationStart => opt_time(c.conversation_start),
        CD::ConversationEnd => opt_time(c.conversation_end),
        CD::OriginatingDirection => opt_enum(c.originating_direction.as_ref()),
        CD::ConversationInitiator => opt_enum(c.conversation_initiator.as_ref()),
        CD::CustomerParticipation => opt_bool(c.customer_participation),
        CD::DivisionId => opt_list(c.division_ids.as_ref()),
        CD::ExternalTag => opt_str(c.external_tag.as_ref()),
        CD::MediaStatsMinConversationMos => c
            .media_stats_min_conversation_mos
            .map_or(Val::Absent, Val::Num),
        CD::OriginatingSocialMediaPublic => opt_bool(c.originating_social_media_public),
        CD::AccessAttribute => opt_list(c.access_attributes.as_ref()),
        CD::Other(_) => return None,
    })
}

/// One segment with the session and participant it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct SegCtx<'a> {
    pub participant: &'a AnalyticsParticipant,
    pub session: &'a AnalyticsSession,
    pub segment: &'a AnalyticsConversationSegment,
}

/// Every segment of a conversation, with context.
pub fn segments(c: &AnalyticsConversation) -> impl Iterator<Item = SegCtx<'_>> {
    c.participants.iter().flatten().flat_map(|p| {
        p.sessions.iter().flatten().flat_map(move |s| {
            s.segments.iter().flatten().map(move |g| SegCtx {
                participant: p,
                session: s,
                segment: g,
            })
        })
    })
}

/// A segment dimension's value; `None` = not a segment dimension (ignored upstream).
#[must_use]
#[allow(clippy::too_many_lines)] // one arm per upstream dimension reads best as one table
pub fn segment_dim<'a>(dim: &SD, x: SegCtx<'a>) -> Option<Val<'a>> {
    let (p, s, g) = (x.participant, x.session, x.segment);
    let flow = s.flow.as_ref();
    Some(match dim {
        // participant level
        SD::Purpose => opt_enum(p.purpose.as_ref()),
        SD::UserId => opt_str(p.user_id.as_ref()),
        SD::ParticipantName => opt_str(p.participant_name.as_ref()),
        SD::TeamId => opt_str(p.team_id.as_ref()),
        SD::ExternalContactId => opt_str(p.external_contact_id.as_ref()),
        SD::ExternalOrganizationId => opt_str(p.external_organization_id.as_ref()),
        SD::FlaggedReason => opt_enum(p.flagged_reason.as_ref()),
        SD::ScreenRecording => opt_bool(p.screen_recording),
        // session level
        SD::MediaType => opt_enum(s.media_type.as_ref()),
        SD::Direction => opt_enum(s.direction.as_ref()),
        SD::Ani => opt_str(s.ani.as_ref()),
        SD::Dnis => opt_str(s.dnis.as_ref()),
        SD::SessionDnis => opt_str(s.session_dnis.as_ref()),
        SD::AddressFrom => opt_str(s.address_from.as_ref()),
        SD::AddressTo => opt_str(s.address_to.as_ref()),
        SD::Remote => opt_str(s.remote.as_ref()),
        SD::RemoteNameDisplayable => opt_str(s.remote_name_displayable.as_ref()),
        SD::EdgeId => opt_str(s.edge_id.as_ref()),
        SD::ProtocolCallId => opt_str(s.protocol_call_id.as_ref()),
        SD::Provider => opt_str(s.provider.as_ref()),
        SD::Recording => opt_bool(s.recording),
        SD::MessageType => opt_str(s.message_type.as_ref()),
        SD::UsedRouting => opt_enum(s.used_routing.as_ref()),
        SD::RequestedRouting => opt_list(s.requested_routings.as_ref()),
        SD::OutboundCampaignId => opt_str(s.outbound_campaign_id.as_ref()),
        SD::OutboundContactId => opt_str(s.outbound_contact_id.as_ref()),
        SD::OutboundContactListId => opt_str(s.outbound_contact_list_id.as_ref()),
        SD::ScriptId => opt_str(s.script_id.as_ref()),
        SD::CallbackNumber => opt_list(s.callback_numbers.as_ref()),
        SD::CallbackScheduledTime => opt_time(s.callback_scheduled_time),
        SD::MonitoredParticipantId => opt_str(s.monitored_participant_id.as_ref()),
        SD::CoachedParticipantId => opt_str(s.coached_participant_id.as_ref()),
        SD::BargedParticipantId => opt_str(s.barged_participant_id.as_ref()),
        SD::DeliveryStatus => opt_enum(s.delivery_status.as_ref()),
        SD::DeliveryPushed => opt_bool(s.delivery_pushed),
        SD::ExtendedDeliveryStatus => opt_str(s.extended_delivery_status.as_ref()),
        SD::AgentAssistantId => opt_str(s.agent_assistant_id.as_ref()),
        SD::AgentOwned => opt_bool(s.agent_owned),
        SD::Authenticated => opt_bool(s.authenticated),
        SD::Cleared => opt_bool(s.cleared),
        SD::SnippetRecording => opt_bool(s.snippet_recording),
        SD::DetectedSpeechStart => opt_time(s.detected_speech_start),
        SD::DetectedSpeechEnd => opt_time(s.detected_speech_end),
        SD::EngagementSource => opt_enum(s.engagement_source.as_ref()),
        SD::ScreenMonitoredUserId => opt_str(s.screen_monitored_user_id.as_ref()),
        SD::SkillExpressionId => opt_str(s.skill_expression_id.as_ref()),
        SD::MediaCount => s.media_count.map_or(Val::Absent, |n| Val::Num(n as f64)),
        SD::JourneyActionId => opt_str(s.journey_action_id.as_ref()),
        SD::JourneyActionMapId => opt_str(s.journey_action_map_id.as_ref()),
        SD::JourneyCustomerId => opt_str(s.journey_customer_id.as_ref()),
        SD::JourneyCustomerIdType => opt_str(s.journey_customer_id_type.as_ref()),
        SD::JourneyCustomerSessionId => opt_str(s.journey_customer_session_id.as_ref()),
        SD::FlowOutType => opt_str(s.flow_out_type.as_ref()),
        SD::DestinationAddress => opt_list(s.destination_addresses.as_ref()),
        // session.flow
        SD::FlowId => opt_str(flow.and_then(|f| f.flow_id.as_ref())),
        SD::FlowName => opt_str(flow.and_then(|f| f.flow_name.as_ref())),
        SD::FlowVersion => opt_str(flow.and_then(|f| f.flow_version.as_ref())),
        SD::ExitReason => opt_str(flow.and_then(|f| f.exit_reason.as_ref())),
        SD::TransferType => opt_str(flow.and_then(|f| f.transfer_type.as_ref())),
        SD::TransferTargetName => opt_str(flow.and_then(|f| f.transfer_target_name.as_ref())),
        SD::TransferTargetAddress => opt_str(flow.and_then(|f| f.transfer_target_address.as_ref())),
        // segment level
        SD::SegmentType => opt_enum(g.segment_type.as_ref()),
        SD::QueueId => opt_str(g.queue_id.as_ref()),
        SD::GroupId => opt_str(g.group_id.as_ref()),
        SD::DisconnectType => opt_enum(g.disconnect_type.as_ref()),
        SD::ErrorCode => opt_str(g.error_code.as_ref()),
        SD::Conference => opt_bool(g.conference),
        SD::WrapUpCode => opt_str(g.wrap_up_code.as_ref()),
        SD::WrapUpNote => opt_str(g.wrap_up_note.as_ref()),
        SD::Subject => opt_str(g.subject.as_ref()),
        SD::SegmentEnd => opt_time(g.segment_end),
        SD::RequestedRoutingSkillId => opt_list(g.requested_routing_skill_ids.as_ref()),
        SD::RequestedLanguageId => opt_str(g.requested_language_id.as_ref()),
        SD::DestinationConversationId => opt_str(g.destination_conversation_id.as_ref()),
        SD::SipResponseCode => g.sip_response_codes.as_ref().map_or(Val::Absent, |codes| {
            Val::Owned(
                codes
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            )
        }),
        SD::ScoredAgentId => g
            .scored_agents
            .as_ref()
            .and_then(|a| a.first())
            .and_then(|a| a.scored_agent_id.as_ref())
            .map_or(Val::Absent, |s| Val::Str(s)),
        // Known upstream, but nothing in the analytics record carries it: never present.
        SD::CanonicalExternalContactId
        | SD::FlowOutcome
        | SD::FlowOutcomeId
        | SD::FlowOutcomeValue => Val::Absent,
        SD::Other(_) => return None,
    })
}

/// `tSegmentDuration` of a segment in ms (absent while the segment is open).
#[must_use]
pub fn segment_duration(g: &AnalyticsConversationSegment) -> Val<'static> {
    match (g.segment_start, g.segment_end) {
        (Some(a), Some(b)) => Val::Num((b - a).num_milliseconds() as f64),
        _ => Val::Absent,
    }
}

/// A segment property's value (`properties[].property == name`).
#[must_use]
pub fn segment_property<'a>(name: &str, g: &'a AnalyticsConversationSegment) -> Val<'a> {
    g.properties
        .iter()
        .flatten()
        .find(|p| p.property.as_deref() == Some(name))
        .and_then(|p| p.value.as_deref())
        .map_or(Val::Absent, Val::Str)
}

fn in_range(x: f64, r: &NumericRange) -> bool {
    r.gt.is_none_or(|v| x > v)
        && r.gte.is_none_or(|v| x >= v)
        && r.lt.is_none_or(|v| x < v)
        && r.lte.is_none_or(|v| x <= v)
}

/// Does `val` pass `test`?
#[must_use]
pub fn passes(val: &Val<'_>, test: &Test) -> bool {
    match test {
        Test::Exists => !is_absent(val),
        Test::NotExists => is_absent(val),
        Test::Matches(want) => match val {
            Val::Absent => false,
            Val::Str(s) => *s == want,
            Val::Owned(s) => s == want || s.split(',').any(|part| part == want),
            Val::Bool(b) => want.eq_ignore_ascii_case(if *b { "true" } else { "false" }),
            Val::Time(t) => parse_time(want).is_ok_and(|w| w == *t),
            Val::Num(n) => want
                .trim()
                .parse::<f64>()
                .is_ok_and(|w| (w - n).abs() < f64::EPSILON),
            Val::List(l) => l.iter().any(|x| x == want),
        },
        Test::Range(r) => match val {
            Val::Num(n) => in_range(*n, r),
            Val::Time(t) => in_range(t.timestamp_millis() as f64, r),
            Val::Str(s) => s.trim().parse::<f64>().is_ok_and(|n| in_range(n, r)),
            Val::Owned(s) => s.trim().parse::<f64>().is_ok_and(|n| in_range(n, r)),
            Val::List(l) => l
                .iter()
                .any(|s| s.trim().parse::<f64>().is_ok_and(|n| in_range(n, r))),
            Val::Absent | Val::Bool(_) => false,
        },
    }
}

fn is_absent(val: &Val<'_>) -> bool {
    match val {
        Val::Absent => true,
        Val::List(l) => l.is_empty(),
        _ => false,
    }
}

/// The value as aggregation bucket keys.
#[must_use]
pub fn bucket_keys(val: &Val<'_>) -> Vec<String> {
    match val {
        Val::Absent => Vec::new(),
        Val::Str(s) => vec![(*s).to_owned()],
        Val::Owned(s) => vec![s.clone()],
        Val::Bool(b) => vec![b.to_string()],
        Val::Time(t) => vec![model::time::to_wire(t)],
        Val::Num(n) => vec![n.to_string()],
        Val::List(l) => l.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_on_values() {
        let r = NumericRange {
            gte: Some(10.0),
            lt: Some(20.0),
            ..Default::default()
        };
        assert!(passes(&Val::Num(10.0), &Test::Range(r.clone())));
        assert!(!passes(&Val::Num(20.0), &Test::Range(r.clone())));
        let gt = NumericRange {
            gt: Some(10.0),
            lte: Some(20.0),
            ..Default::default()
        };
        assert!(!passes(&Val::Num(10.0), &Test::Range(gt.clone())));
        assert!(passes(&Val::Num(20.0), &Test::Range(gt)));
        assert!(!passes(&Val::Absent, &Test::Range(r)));
        assert!(passes(&Val::Str("voice"), &Test::Matches("voice".into())));
        assert!(!passes(&Val::Str("voice"), &Test::Matches("email".into())));
        assert!(passes(&Val::Bool(true), &Test::Matches("TRUE".into())));
        let l = vec!["a".to_owned(), "b".to_owned()];
        assert!(passes(&Val::List(&l), &Test::Matches("b".into())));
        assert!(passes(&Val::List(&[]), &Test::NotExists));
        assert!(passes(&Val::Absent, &Test::NotExists));
        assert!(!passes(&Val::Absent, &Test::Exists));
    }
}
