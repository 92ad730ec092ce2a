//! A large, deterministic, internally consistent conversation for benchmarks and scale tests
//! (the 50 participants / 2,000 segments). Both sides describe the same events: call
//! timestamps on the real-time side, segments and metrics that add up on the analytics side.

use chrono::{DateTime, Duration, Utc};
use model::analytics::{
    AnalyticsConversationSegment, AnalyticsConversationWithoutAttributes,
    AnalyticsParticipantWithoutAttributes, AnalyticsSession, AnalyticsSessionMetric, MediaType,
    OriginatingDirection, Purpose, SegmentType,
};
use model::conversations::{
    Call, CallDisconnectType, CallState, Conversation, Direction, Participant, Wrapup,
};

/// The pair of bodies for one synthetic conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    pub realtime: Conversation,
    pub analytics: AnalyticsConversationWithoutAttributes,
}

fn uuid(kind: u32, n: usize) -> String {
    format!("{kind:08x}-0000-4000-8000-{n:012x}")
}

const CYCLE: [(SegmentType, &str, i64); 4] = [
    (SegmentType::Interact, "tTalk", 20_000),
    (SegmentType::Hold, "tHeld", 5_000),
    (SegmentType::Interact, "tTalk", 15_000),
    (SegmentType::Hold, "tHeld", 3_000),
];

fn metric(name: &str, value: i64, at: DateTime<Utc>) -> AnalyticsSessionMetric {
    AnalyticsSessionMetric {
        name: Some(name.to_owned()),
        value: Some(value),
        emit_date: Some(at),
    }
}

/// A conversation with `participants` participants and `segments` analytics segments in total,
/// starting at `start`. With `live`, the last segment of every session is left open and no end
/// times are set.
#[must_use]
pub fn conversation(
    participants: usize,
    segments: usize,
    start: DateTime<Utc>,
    live: bool,
) -> Synthetic {
    let participants = participants.max(1);
    let id = uuid(0xc0, 0);
    let mut rt_parts = Vec::with_capacity(participants);
    let mut an_parts = Vec::with_capacity(participants);
    let mut conv_end = start;
    for p in 0..participants {
        // Spread segments evenly; every participant gets at least one.
        let n = (segments / participants + usize::from(p < segments % participants)).max(1);
        let purpose = match p {
            0 => Purpose::Customer,
            1 => Purpose::Ivr,
            2 => Purpose::Acd,
            _ => Purpose::Agent,
        };
        let p_start = start + Duration::milliseconds(i64::try_from(p).unwrap_or(0) * 1_000);
        let mut t = p_start;
        let mut segs = Vec::with_capacity(n);
        let mut metrics = Vec::new();
        let (mut talk, mut held, mut acw) = (0i64, 0i64, 0i64);
        let agent = purpose == Purpose::Agent;
        for i in 0..n {
            let (ty, name, len) = if agent && i == 0 && n > 1 {
                (SegmentType::Alert, "tAlert", 4_000)
            } else if agent && i == n - 1 && n > 2 {
                (SegmentType::Wrapup, "tAcw", 10_000)
            } else if purpose == Purpose::Ivr {
                (SegmentType::Ivr, "tIvr", 7_000)
            } else {
                CYCLE[i % CYCLE.len()].clone()
            };
            let end = t + Duration::milliseconds(len);
            let open = live && i == n - 1;
            segs.push(AnalyticsConversationSegment {
                segment_start: Some(t),
                segment_end: (!open).then_some(end),
                segment_type: Some(ty.clone()),
                queue_id: (purpose != Purpose::Customer).then(|| uuid(0x9e, 1)),
                wrap_up_code: (ty == SegmentType::Wrapup).then(|| uuid(0x3c, 1)),
                ..AnalyticsConversationSegment::default()
            });
            if !open && (agent || purpose == Purpose::Ivr) {
                metrics.push(metric(name, len, end));
                match name {
                    "tTalk" => talk += len,
                    "tHeld" => held += len,
                    "tAcw" => acw += len,
                    _ => {}
                }
            }
            t = end;
        }
        if agent && !live {
            metrics.push(metric("tTalkComplete", talk, t));
            metrics.push(metric("tHeldComplete", held, t));
            metrics.push(metric("tHandle", talk + held + acw, t));
        }
        conv_end = conv_end.max(t);
        let pid = uuid(0x9a, p);
        let sid = uuid(0x5e, p);
        an_parts.push(AnalyticsParticipantWithoutAttributes {
            participant_id: Some(pid.clone()),
            participant_name: Some(format!("{} {p}", purpose.as_str())),
            purpose: Some(purpose.clone()),
            user_id: agent.then(|| uuid(0x05e4, p)),
            sessions: Some(vec![AnalyticsSession {
                session_id: Some(sid.clone()),
                media_type: Some(MediaType::Voice),
                direction: Some(Direction::Inbound),
                segments: Some(segs),
                metrics: Some(metrics),
                ..AnalyticsSession::default()
            }]),
            ..AnalyticsParticipantWithoutAttributes::default()
        });
        rt_parts.push(Participant {
            id: Some(pid),
            name: Some(format!("{} {p}", purpose.as_str())),
            purpose: Some(purpose.as_str().to_owned()),
            user_id: agent.then(|| uuid(0x05e4, p)),
            start_time: Some(p_start),
            end_time: (!live).then_some(t),
            // The same wrap-up code the analytics `wrapup` segment carries.
            wrapup: (agent && n > 2 && !live).then(|| Wrapup {
                code: Some(uuid(0x3c, 1)),
                ..Wrapup::default()
            }),
            calls: Some(vec![Call {
                id: Some(sid),
                state: Some(if live {
                    CallState::Connected
                } else {
                    CallState::Disconnected
                }),
                direction: Some(Direction::Inbound),
                connected_time: Some(p_start),
                disconnected_time: (!live).then_some(t),
                disconnect_type: (!live).then_some(CallDisconnectType::Endpoint),
                ..Call::default()
            }]),
            ..Participant::default()
        });
    }
    Synthetic {
        realtime: Conversation {
            id: Some(id.clone()),
            start_time: Some(start),
            end_time: (!live).then_some(conv_end),
            participants: Some(rt_parts),
            ..Conversation::default()
        },
        analytics: AnalyticsConversationWithoutAttributes {
            conversation_id: Some(id),
            conversation_start: Some(start),
            conversation_end: (!live).then_some(conv_end),
            originating_direction: Some(OriginatingDirection::Inbound),
            participants: Some(an_parts),
            ..AnalyticsConversationWithoutAttributes::default()
        },
    }
}

/// The benchmark size: 50 participants, 2,000 segments, ended.
#[must_use]
pub fn benchmark(start: DateTime<Utc>) -> Synthetic {
    conversation(50, 2_000, start, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> DateTime<Utc> {
        model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default()
    }

    #[test]
    fn sizes_and_determinism() {
        let s = benchmark(start());
        let segs: usize = s
            .analytics
            .participants
            .iter()
            .flatten()
            .flat_map(|p| p.sessions.iter().flatten())
            .map(|x| x.segments.as_ref().map_or(0, Vec::len))
            .sum();
        assert_eq!(segs, 2_000);
        assert_eq!(s.realtime.participants.as_ref().map(Vec::len), Some(50));
        assert_eq!(s, benchmark(start()));
        assert_eq!(
            conversation(0, 0, start(), false)
                .analytics
                .participants
                .map(|p| p.len()),
            Some(1)
        );
    }

    #[test]
    fn round_trips_through_json() {
        let s = conversation(5, 40, start(), true);
        let v = serde_json::to_value(&s.analytics).unwrap_or_default();
        let back: AnalyticsConversationWithoutAttributes =
            serde_json::from_value(v).unwrap_or_default();
        assert_eq!(back, s.analytics);
    }
}
