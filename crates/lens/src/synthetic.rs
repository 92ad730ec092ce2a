//! A large, deterministic, internally consistent conversation for benchmarks and scale tests
//! (the 50 participants / 2,000 segments). Both sides describe the same events: call
//! timestamps on the real-time side, segments and metrics that add up on the analytics side.
//!
//! Built as JSON bodies (what the APIs send) and decoded into the models: the browser's bench
//! page uses the bodies as they are, so the app needs no `Serialize` code for the wire models.

use chrono::{DateTime, Duration, Utc};
use model::analytics::{
    AnalyticsConversationWithoutAttributes, MediaType, OriginatingDirection, Purpose, SegmentType,
};
use model::conversations::{CallDisconnectType, CallState, Conversation, Direction};
use model::time::to_wire;
use serde_json::{Map, Value, json};

/// The pair of bodies for one synthetic conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    pub realtime: Conversation,
    pub analytics: AnalyticsConversationWithoutAttributes,
}

/// The same conversation as the two JSON bodies the APIs would answer.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticJson {
    pub realtime: Value,
    pub analytics: Value,
}

impl SyntheticJson {
    /// The conversation's ID (the real-time body's `id`; the analytics body carries the same).
    #[must_use]
    pub fn conversation_id(&self) -> &str {
        self.realtime
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// Decode both bodies into the wire models (they always fit: built from the models' names).
    #[must_use]
    pub fn decode(&self) -> Synthetic {
        Synthetic {
            realtime: serde_json::from_value(self.realtime.clone()).unwrap_or_default(),
            analytics: serde_json::from_value(self.analytics.clone()).unwrap_or_default(),
        }
    }
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

fn metric(name: &str, value: i64, at: DateTime<Utc>) -> Value {
    json!({ "name": name, "value": value, "emitDate": to_wire(&at) })
}

/// An object of the given key/value pairs, leaving out the `None` ones (as the APIs do).
fn object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect::<Map<String, Value>>(),
    )
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
    conversation_json(participants, segments, start, live).decode()
}

/// [`conversation`] as the two JSON bodies.
#[must_use]
#[allow(clippy::too_many_lines)] // one generator, both sides side by side
pub fn conversation_json(
    participants: usize,
    segments: usize,
    start: DateTime<Utc>,
    live: bool,
) -> SyntheticJson {
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
            segs.push(object(vec![
                ("segmentStart", Some(json!(to_wire(&t)))),
                ("segmentEnd", (!open).then(|| json!(to_wire(&end)))),
                ("segmentType", Some(json!(ty.as_str()))),
                (
                    "queueId",
                    (purpose != Purpose::Customer).then(|| json!(uuid(0x9e, 1))),
                ),
                (
                    "wrapUpCode",
                    (ty == SegmentType::Wrapup).then(|| json!(uuid(0x3c, 1))),
                ),
            ]));
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
        let name = format!("{} {p}", purpose.as_str());
        let user_id = agent.then(|| json!(uuid(0x05e4, p)));
        an_parts.push(object(vec![
            ("participantId", Some(json!(pid))),
            ("participantName", Some(json!(name))),
            ("purpose", Some(json!(purpose.as_str()))),
            ("userId", user_id.clone()),
            (
                "sessions",
                Some(json!([{
                    "sessionId": sid,
                    "mediaType": MediaType::Voice.as_str(),
                    "direction": Direction::Inbound.as_str(),
                    "segments": segs,
                    "metrics": metrics,
                }])),
            ),
        ]));
        let call = object(vec![
            ("id", Some(json!(sid))),
            (
                "state",
                Some(json!(
                    if live {
                        CallState::Connected
                    } else {
                        CallState::Disconnected
                    }
                    .as_str()
                )),
            ),
            ("direction", Some(json!(Direction::Inbound.as_str()))),
            ("connectedTime", Some(json!(to_wire(&p_start)))),
            ("disconnectedTime", (!live).then(|| json!(to_wire(&t)))),
            (
                "disconnectType",
                (!live).then(|| json!(CallDisconnectType::Endpoint.as_str())),
            ),
        ]);
        rt_parts.push(object(vec![
            ("id", Some(json!(pid))),
            ("name", Some(json!(name))),
            ("purpose", Some(json!(purpose.as_str()))),
            ("userId", user_id),
            ("startTime", Some(json!(to_wire(&p_start)))),
            ("endTime", (!live).then(|| json!(to_wire(&t)))),
            // The same wrap-up code the analytics `wrapup` segment carries.
            (
                "wrapup",
                (agent && n > 2 && !live).then(|| json!({ "code": uuid(0x3c, 1) })),
            ),
            ("calls", Some(json!([call]))),
        ]));
    }
    SyntheticJson {
        realtime: object(vec![
            ("id", Some(json!(id))),
            ("startTime", Some(json!(to_wire(&start)))),
            ("endTime", (!live).then(|| json!(to_wire(&conv_end)))),
            ("participants", Some(Value::Array(rt_parts))),
        ]),
        analytics: object(vec![
            ("conversationId", Some(json!(id))),
            ("conversationStart", Some(json!(to_wire(&start)))),
            (
                "conversationEnd",
                (!live).then(|| json!(to_wire(&conv_end))),
            ),
            (
                "originatingDirection",
                Some(json!(OriginatingDirection::Inbound.as_str())),
            ),
            ("participants", Some(Value::Array(an_parts))),
        ]),
    }
}

/// The benchmark size: 50 participants, 2,000 segments, ended.
#[must_use]
pub fn benchmark(start: DateTime<Utc>) -> Synthetic {
    benchmark_json(start).decode()
}

/// [`benchmark`] as the two JSON bodies.
#[must_use]
pub fn benchmark_json(start: DateTime<Utc>) -> SyntheticJson {
    conversation_json(50, 2_000, start, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> DateTime<Utc> {
        model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default()
    }

    #[test]
    fn both_bodies_name_the_same_conversation() {
        let json = conversation_json(4, 16, start(), false);
        assert_eq!(json.conversation_id(), uuid(0xc0, 0));
        assert_eq!(
            json.analytics.get("conversationId").and_then(Value::as_str),
            Some(json.conversation_id())
        );
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

    /// The bodies hold exactly what the models hold, spelled as the models serialise it.
    #[test]
    fn bodies_are_what_the_models_serialise() {
        for live in [false, true] {
            let j = conversation_json(7, 60, start(), live);
            let s = j.decode();
            assert_eq!(serde_json::to_value(&s.realtime).ok(), Some(j.realtime));
            assert_eq!(serde_json::to_value(&s.analytics).ok(), Some(j.analytics));
        }
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
