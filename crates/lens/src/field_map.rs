//! "Field map": for each concept, where it lives in each API, the values from this conversation,
//! and a one-line explanation — including the fields the seed tutorial invents.
//!
//! Paths use [`crate::json_path`] syntax and are relative to the conversation object (for a query
//! or multi-get response, prefix `conversations[i].`).

use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde::Serialize;
use serde_json::Value;

use crate::json_path::{self, Found};
use crate::source::Source;
use crate::sources;

/// Where a concept lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RowKind {
    Both,
    RealtimeOnly,
    AnalyticsOnly,
    /// Something the seed tutorial uses that does not exist.
    Misconception,
}

/// The static description of one concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Concept {
    pub concept: &'static str,
    pub kind: RowKind,
    pub realtime_paths: &'static [&'static str],
    pub analytics_paths: &'static [&'static str],
    pub explanation: &'static str,
    pub source: Source,
}

/// One row of the field map with this conversation's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRow {
    pub concept: &'static str,
    pub kind: RowKind,
    pub realtime_paths: &'static [&'static str],
    pub analytics_paths: &'static [&'static str],
    pub realtime_values: Vec<Found>,
    pub analytics_values: Vec<Found>,
    /// Values not listed because of the per-row cap.
    pub truncated: bool,
    pub explanation: &'static str,
    pub source: Source,
}

/// Communication id = analytics session id: shown by the reference's constructed examples, not stated by a source.
pub const SESSION_IS_COMMUNICATION: Source = sources::SAME_IDS;

const fn c(
    concept: &'static str,
    kind: RowKind,
    realtime_paths: &'static [&'static str],
    analytics_paths: &'static [&'static str],
    explanation: &'static str,
    source: Source,
) -> Concept {
    Concept {
        concept,
        kind,
        realtime_paths,
        analytics_paths,
        explanation,
        source,
    }
}

use RowKind::{AnalyticsOnly, Both, Misconception};

/// Every concept, in display order.
pub const CONCEPTS: &[Concept] = &[
    c(
        "Conversation id",
        Both,
        &["id"],
        &["conversationId"],
        "The same UUID on both sides; analytics spells the field `conversationId`.",
        sources::ANALYTICS_MODEL,
    ),
    c(
        "Start",
        Both,
        &["startTime"],
        &["conversationStart"],
        "Both are ISO-8601 UTC timestamps; `startTime` is required on a Conversation.",
        sources::CONVERSATION_MODEL,
    ),
    c(
        "End",
        Both,
        &["endTime"],
        &["conversationEnd"],
        "Absent while the conversation is live — on both sides this absence, not a state field, tells you it is ongoing.",
        sources::STATE_ENUMS,
    ),
    c(
        "Live state",
        Both,
        &["participants[].{media}[].state"],
        &["participants[].sessions[].segments[].segmentEnd"],
        "Real-time state is per communication (`connected`, `disconnected`, …), never per conversation or participant; analytics has no state — a segment without `segmentEnd` is still open.",
        sources::STATE_ENUMS,
    ),
    c(
        "Direction",
        Both,
        &["participants[].{media}[].direction"],
        &[
            "originatingDirection",
            "participants[].sessions[].direction",
        ],
        "Per communication in real-time; analytics adds a conversation-level `originatingDirection`.",
        sources::ANALYTICS_MODEL,
    ),
    c(
        "Media type",
        Both,
        &["participants[].{media}"],
        &["participants[].sessions[].mediaType"],
        "A Conversation has no `type`/`mediaType`: the media is which array a participant carries (`calls` = voice); analytics names it per session (`mediaType`).",
        sources::CONVERSATION_MODEL,
    ),
    c(
        "Participant & purpose",
        Both,
        &["participants[].purpose", "participants[].name"],
        &["participants[].purpose", "participants[].participantName"],
        "Purpose is a free string in the Conversations API and an enum in analytics (customer, ivr, acd, agent, …).",
        sources::PARTICIPANT_MODEL,
    ),
    c(
        "Participant id",
        Both,
        &["participants[].id"],
        &["participants[].participantId"],
        "The participant's id within this conversation — not a user id. (The two APIs appear to use the same value; no Genesys document states it — UNVERIFIED.)",
        sources::PAIN_IDS,
    ),
    c(
        "Agent (user)",
        Both,
        // Names only of agent/user participants: customer, IVR and queue participants have names too.
        &[
            "participants[].userId",
            "participants[purpose=agent].name",
            "participants[purpose=user].name",
        ],
        &[
            "participants[].userId",
            "participants[].sessions[].selectedAgentId",
        ],
        "`userId` is the Genesys user; the same agent gets a new participant id in every conversation.",
        sources::PAIN_IDS,
    ),
    c(
        "Communication / session id",
        Both,
        &["participants[].{media}[].id"],
        &[
            "participants[].sessions[].sessionId",
            "participants[].sessions[].peerId",
        ],
        "A communication (`calls[].id`) corresponds to an analytics session (`sessionId`); `peerId` points at the other leg.",
        SESSION_IS_COMMUNICATION,
    ),
    c(
        "Queue",
        Both,
        &[
            "participants[].queueId",
            "participants[].queueName",
            "participants[].conversationRoutingData.queue.id",
        ],
        &["participants[].sessions[].segments[].queueId"],
        "Only the Conversations API has a `queueName` field; analytics puts `queueId` on each segment.",
        sources::ANALYTICS_MODEL,
    ),
    c(
        "Alerting (ringing)",
        Both,
        &["participants[].{media}[].startAlertingTime"],
        &[
            "participants[].sessions[].segments[segmentType=alert].segmentStart",
            "participants[].sessions[].metrics[name=tAlert].value",
        ],
        "A timestamp in real-time; an `alert` segment and the `tAlert` metric (milliseconds) in analytics.",
        sources::SESSION_METRICS,
    ),
    c(
        "Answered / connected",
        Both,
        &[
            "participants[].{media}[].connectedTime",
            "participants[].connectedTime",
        ],
        &[
            "participants[].sessions[].metrics[name=tAnswered].value",
            "participants[].sessions[].segments[segmentType=interact].segmentStart",
        ],
        "There is no `answered_time`: use `connectedTime` (real-time) or `tAnswered` / the first agent `interact` segment (analytics).",
        sources::TUTORIAL_VS_REALITY,
    ),
    c(
        "Talk time",
        Both,
        &[
            "participants[].{media}[].connectedTime",
            "participants[].{media}[].disconnectedTime",
        ],
        &[
            "participants[].sessions[].metrics[name=tTalk].value",
            "participants[].sessions[].metrics[name=tTalkComplete].value",
        ],
        "Real-time has only timestamps; analytics has millisecond metrics, each emitted when the period ends.",
        sources::SESSION_METRICS,
    ),
    c(
        "Hold",
        Both,
        &[
            "participants[].{media}[].held",
            "participants[].{media}[].startHoldTime",
            "participants[].{media}[].segments[type=hold].startTime",
        ],
        &[
            "participants[].sessions[].segments[segmentType=hold].segmentStart",
            "participants[].sessions[].metrics[name=tHeld].value",
        ],
        "`held` and `startHoldTime` only describe a hold in progress; completed holds are segments — the communication's `segments[]` (if present) and analytics `hold` segments with `tHeld`.",
        sources::CALL_MODEL,
    ),
    c(
        "After-call work",
        Both,
        &[
            "participants[].startAcwTime",
            "participants[].endAcwTime",
            "participants[].{media}[].afterCallWork.state",
            "participants[].wrapup.durationSeconds",
        ],
        &[
            "participants[].sessions[].segments[segmentType=wrapup].segmentStart",
            "participants[].sessions[].metrics[name=tAcw].value",
        ],
        "`Wrapup.durationSeconds` is ACW in seconds; analytics has the `wrapup` segment and `tAcw` in milliseconds.",
        sources::WRAPUP_MODEL,
    ),
    c(
        "Segments",
        Both,
        &["participants[].{media}[].segments[].type"],
        &["participants[].sessions[].segments[].segmentType"],
        "Both list segments per communication/session; the Conversations API's `Segment.type` is a free string, analytics `segmentType` an enum (alert, interact, hold, wrapup, …).",
        sources::CALL_MODEL,
    ),
    c(
        "Handle time",
        AnalyticsOnly,
        &[],
        &["participants[].sessions[].metrics[name=tHandle].value"],
        "Only analytics computes handle time, in milliseconds, per session: talk + hold + after-call work, plus dialing and contacting time on outbound and callback calls.",
        sources::HANDLE_TIME,
    ),
    c(
        "Wrap-up code",
        Both,
        &[
            "participants[].wrapup.code",
            "participants[].wrapup.name",
            "participants[].{media}[].wrapup.code",
        ],
        &["participants[].sessions[].segments[].wrapUpCode"],
        "The code's name is only in the Conversations API; analytics has the code id on the `wrapup` segment, often later than the call.",
        sources::PAIN_LATE_DATA,
    ),
    c(
        "Wrap-up notes",
        Both,
        &["participants[].wrapup.notes"],
        &["participants[].sessions[].segments[].wrapUpNote"],
        "Free text on both sides.",
        sources::WRAPUP_MODEL,
    ),
    c(
        "Disconnect type",
        Both,
        &["participants[].{media}[].disconnectType"],
        &["participants[].sessions[].segments[].disconnectType"],
        "Dotted names in the Conversations API (`transfer.consult`), camelCase in analytics (`consultTransfer`); null until the communication disconnects.",
        sources::CALL_MODEL,
    ),
    c(
        "Disconnect reasons",
        Both,
        &["participants[].calls[].disconnectReasons"],
        &[
            "participants[].sessions[].segments[].q850ResponseCodes",
            "participants[].sessions[].segments[].sipResponseCodes",
        ],
        "Q.850/SIP codes: `disconnectReasons[{type, code, phrase}]` vs code lists on segments.",
        sources::CALL_MODEL,
    ),
    c(
        "Recording",
        Both,
        &[
            "recordingState",
            "participants[].calls[].recording",
            "participants[].calls[].recordingState",
        ],
        &["participants[].sessions[].recording"],
        "Upper-case `ACTIVE|PAUSED|NONE` on the Conversation, lower-case on a Call; analytics has a per-session boolean.",
        sources::CALL_MODEL,
    ),
    c(
        "Call quality (MOS)",
        AnalyticsOnly,
        &[],
        &[
            "mediaStatsMinConversationMos",
            "mediaStatsMinConversationRFactor",
            "participants[].sessions[].mediaEndpointStats[].minMos",
        ],
        "Only analytics has MOS / R-factor.",
        sources::ANALYTICS_MODEL,
    ),
    c(
        "ANI / DNIS",
        Both,
        &["address", "participants[].ani", "participants[].dnis"],
        &[
            "participants[].sessions[].ani",
            "participants[].sessions[].dnis",
            "participants[].sessions[].sessionDnis",
        ],
        "`Conversation.address` is the DNIS of an inbound call and the ANI of an outbound one.",
        sources::CONVERSATION_MODEL,
    ),
    c(
        "Transfer",
        Both,
        &["recentTransfers[].transferType", "recentTransfers[].state"],
        &[
            "participants[].sessions[].flow.transferType",
            "participants[].sessions[].metrics[name=nTransferred].value",
        ],
        "Real-time keeps the last 20 transfer commands; analytics records transfers as disconnect types, flow exits and counts.",
        sources::CONVERSATION_MODEL,
    ),
    c(
        "IVR / flow",
        Both,
        &["participants[purpose=ivr].name"],
        &[
            "participants[].sessions[].flow.flowName",
            "participants[].sessions[].metrics[name=tIvr].value",
        ],
        "Only analytics has a `flow` object (flowId, flowName, flowType, exitReason); the Conversations API only shows the ivr participant's `name`.",
        sources::ANALYTICS_MODEL,
    ),
    c(
        "Division",
        Both,
        &["divisions[].division.id"],
        &["divisionIds"],
        "Divisions limit who may see the conversation.",
        sources::PAIN_PERMISSIONS,
    ),
    // ---- fields the seed tutorial invents (shown as "common misconception") ------------
    c(
        "`type` (common misconception)",
        Misconception,
        &["type"],
        &["type"],
        "Does not exist: no `type` on a Conversation; the media is the participants' arrays or analytics `session.mediaType`.",
        sources::TUTORIAL_VS_REALITY,
    ),
    c(
        "`created_time` (common misconception)",
        Misconception,
        &["created_time", "createdTime"],
        &["created_time"],
        "Does not exist: use `startTime` (Conversations) / `conversationStart` (analytics).",
        sources::TUTORIAL_VS_REALITY,
    ),
    c(
        "`state` on Conversation (common misconception)",
        Misconception,
        &["state"],
        &["state"],
        "\"When reading conversations, this field will never have a value present\"; analytics has no state either.",
        sources::CONVERSATION_MODEL,
    ),
    c(
        "`entities` (common misconception)",
        Misconception,
        &["entities"],
        &["entities"],
        "The details query answers `conversations` + `totalHits`; `entities` belongs to GET /api/v2/conversations (the user's active conversations).",
        sources::QUERY_RESPONSE,
    ),
    c(
        "`duration_seconds` (common misconception)",
        Misconception,
        &["duration_seconds"],
        &["duration_seconds"],
        "Does not exist on either; durations are millisecond metrics (`tTalk`, `tHandle`). Only `Wrapup.durationSeconds` (ACW) exists.",
        sources::TUTORIAL_VS_REALITY,
    ),
    c(
        "`answered_time` (common misconception)",
        Misconception,
        &["answered_time"],
        &["answered_time"],
        "Does not exist: use the `tAnswered` metric or `connectedTime`.",
        sources::TUTORIAL_VS_REALITY,
    ),
];

/// Values shown per side and row before truncating.
pub const MAX_VALUES: usize = 60;

fn values(body: Option<&Value>, paths: &[&str]) -> (Vec<Found>, bool) {
    let Some(body) = body else {
        return (Vec::new(), false);
    };
    let mut out = Vec::new();
    for p in paths {
        out.extend(json_path::select(
            body,
            p,
            MAX_VALUES + 1 - out.len().min(MAX_VALUES),
        ));
        if out.len() > MAX_VALUES {
            break;
        }
    }
    let truncated = out.len() > MAX_VALUES;
    out.truncate(MAX_VALUES);
    (out, truncated)
}

/// The field map over raw JSON bodies (each the conversation object, or `None` when not loaded).
#[must_use]
pub fn field_map_json(realtime: Option<&Value>, analytics: Option<&Value>) -> Vec<FieldRow> {
    CONCEPTS
        .iter()
        .map(|k| {
            let (realtime_values, t1) = values(realtime, k.realtime_paths);
            let (analytics_values, t2) = values(analytics, k.analytics_paths);
            FieldRow {
                concept: k.concept,
                kind: k.kind,
                realtime_paths: k.realtime_paths,
                analytics_paths: k.analytics_paths,
                realtime_values,
                analytics_values,
                truncated: t1 || t2,
                explanation: k.explanation,
                source: k.source,
            }
        })
        .collect()
}

/// The field map over decoded models (re-serialised, so only fields the model knows appear).
#[must_use]
pub fn field_map(
    realtime: Option<&Conversation>,
    analytics: Option<&AnalyticsConversationWithoutAttributes>,
) -> Vec<FieldRow> {
    let r = realtime.and_then(|c| serde_json::to_value(c).ok());
    let a = analytics.and_then(|c| serde_json::to_value(c).ok());
    field_map_json(r.as_ref(), a.as_ref())
}

/// For a field hovered in one raw-JSON panel (`concrete_path` relative to the conversation
/// object), the concrete paths of its counterparts in the other body.
#[must_use]
pub fn counterpart_paths(from_realtime: bool, concrete_path: &str, other: &Value) -> Vec<String> {
    let pattern = json_path::generalise(concrete_path);
    let mut out = Vec::new();
    for k in CONCEPTS.iter().filter(|k| k.kind != RowKind::Misconception) {
        let (mine, theirs) = if from_realtime {
            (k.realtime_paths, k.analytics_paths)
        } else {
            (k.analytics_paths, k.realtime_paths)
        };
        if mine.iter().any(|p| json_path::loosen(p) == pattern) {
            for p in theirs {
                for f in json_path::select(other, p, MAX_VALUES) {
                    if !out.contains(&f.path) {
                        out.push(f.path);
                    }
                }
            }
        }
    }
    out
}

/// Like [`counterpart_paths`], but narrowed to the same participant (matched by participant id)
/// and, for communication-level fields, the same leg (communication id = session id), using the
/// hovered body `this` to read those ids. Conversation-level counterparts are always kept; when
/// nothing matches the narrower scope, the wider one is used.
#[must_use]
pub fn counterpart_paths_scoped(
    from_realtime: bool,
    concrete_path: &str,
    this: &Value,
    other: &Value,
) -> Vec<String> {
    let all = counterpart_paths(from_realtime, concrete_path, other);
    let Some((pi, leg)) = participant_and_leg(concrete_path) else {
        return all;
    };
    let this_p = this.get("participants").and_then(|p| p.get(pi));
    let pid_key = |rt: bool| if rt { "id" } else { "participantId" };
    let Some(pid) = this_p
        .and_then(|p| p.get(pid_key(from_realtime)))
        .and_then(Value::as_str)
    else {
        return all;
    };
    let other_ps = other
        .get("participants")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let Some(pj) = other_ps
        .iter()
        .position(|p| p.get(pid_key(!from_realtime)).and_then(Value::as_str) == Some(pid))
    else {
        return all;
    };
    let p_prefix = format!("participants[{pj}]");
    // The leg: a media array entry (real-time) or a session (analytics) of the hovered participant.
    let leg_id = leg
        .and_then(|(array, k)| this_p.and_then(|p| p.get(array)).and_then(|a| a.get(k)))
        .and_then(|l| {
            l.get(if from_realtime { "id" } else { "sessionId" })
                .and_then(Value::as_str)
        });
    let leg_prefix = leg_id.and_then(|id| {
        let op = &other_ps[pj];
        if from_realtime {
            let sessions = op.get("sessions").and_then(Value::as_array)?;
            let m = sessions
                .iter()
                .position(|s| s.get("sessionId").and_then(Value::as_str) == Some(id))?;
            Some(format!("{p_prefix}.sessions[{m}]"))
        } else {
            json_path::MEDIA_ARRAYS.iter().find_map(|array| {
                let legs = op.get(*array).and_then(Value::as_array)?;
                let m = legs
                    .iter()
                    .position(|l| l.get("id").and_then(Value::as_str) == Some(id))?;
                Some(format!("{p_prefix}.{array}[{m}]"))
            })
        }
    });
    let under = |path: &str, prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
    };
    let top_level: Vec<String> = all
        .iter()
        .filter(|p| !p.starts_with("participants["))
        .cloned()
        .collect();
    for prefix in leg_prefix.iter().chain(std::iter::once(&p_prefix)) {
        let scoped: Vec<String> = all.iter().filter(|p| under(p, prefix)).cloned().collect();
        if !scoped.is_empty() {
            return top_level.into_iter().chain(scoped).collect();
        }
    }
    if top_level.is_empty() { all } else { top_level }
}

/// `participants[i]` and, when the path goes into a leg, `(array, k)` of `participants[i].array[k]`.
fn participant_and_leg(path: &str) -> Option<(usize, Option<(&str, usize)>)> {
    let rest = path.strip_prefix("participants[")?;
    let (i, rest) = rest.split_once(']')?;
    let i = i.parse().ok()?;
    let leg = rest.strip_prefix('.').and_then(|r| {
        let (array, after) = r.split_once('[')?;
        let (k, _) = after.split_once(']')?;
        let is_leg = array == "sessions" || json_path::MEDIA_ARRAYS.contains(&array);
        is_leg.then_some((array, k.parse().ok()?))
    });
    Some((i, leg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rt() -> Value {
        json!({"id": "c", "startTime": "2026-05-12T14:02:11.204Z", "participants": [
            {"id": "p", "purpose": "agent", "userId": "u", "wrapup": {"code": "w", "durationSeconds": 30},
             "calls": [{"id": "s", "state": "disconnected", "disconnectType": "transfer.consult"}]}]})
    }

    fn an() -> Value {
        json!({"conversationId": "c", "conversationStart": "2026-05-12T14:02:11.204Z", "participants": [
            {"participantId": "p", "purpose": "agent", "userId": "u", "sessions": [{"sessionId": "s", "mediaType": "voice",
              "segments": [{"segmentType": "wrapup", "wrapUpCode": "w", "disconnectType": "consultTransfer"}],
              "metrics": [{"name": "tAcw", "value": 30001}, {"name": "tHandle", "value": 90000}]}]}]})
    }

    fn row<'a>(rows: &'a [FieldRow], concept: &str) -> &'a FieldRow {
        rows.iter()
            .find(|r| r.concept == concept)
            .unwrap_or(&rows[0])
    }

    #[test]
    fn agent_row_names_only_agent_and_user_participants() {
        let rt = json!({"participants": [
            {"purpose": "customer", "name": "Chris"},
            {"purpose": "ivr", "name": "Main IVR"},
            {"purpose": "acd", "name": "Support"},
            {"purpose": "agent", "name": "Omar", "userId": "u1"},
            {"purpose": "user", "name": "Ana", "userId": "u2"}]});
        let rows = field_map_json(Some(&rt), None);
        let names: Vec<&str> = row(&rows, "Agent (user)")
            .realtime_values
            .iter()
            .map(|f| f.value.as_str())
            .collect();
        assert_eq!(names, ["u1", "u2", "Omar", "Ana"]);
    }

    #[test]
    fn values_come_from_the_bodies() {
        let rows = field_map_json(Some(&rt()), Some(&an()));
        let m = row(&rows, "Media type");
        assert_eq!(m.realtime_values[0].value, "calls");
        assert_eq!(m.analytics_values[0].value, "voice");
        let d = row(&rows, "Disconnect type");
        assert_eq!(
            (
                d.realtime_values[0].value.as_str(),
                d.analytics_values[0].value.as_str()
            ),
            ("transfer.consult", "consultTransfer")
        );
        assert_eq!(row(&rows, "Handle time").analytics_values[0].value, "90000");
        let acw = row(&rows, "After-call work");
        assert!(
            acw.realtime_values
                .iter()
                .any(|f| f.path == "participants[0].wrapup.durationSeconds" && f.value == "30")
        );
    }

    #[test]
    fn tutorial_fields_are_absent_and_flagged() {
        let rows = field_map_json(Some(&rt()), Some(&an()));
        let mis: Vec<_> = rows
            .iter()
            .filter(|r| r.kind == RowKind::Misconception)
            .collect();
        assert_eq!(mis.len(), 6);
        for r in mis {
            assert!(
                r.realtime_values.is_empty() && r.analytics_values.is_empty(),
                "{} has values",
                r.concept
            );
        }
    }

    #[test]
    fn every_row_has_a_source_and_paths() {
        for k in CONCEPTS {
            assert!(
                !k.realtime_paths.is_empty() || !k.analytics_paths.is_empty(),
                "{}",
                k.concept
            );
            assert!(!k.explanation.is_empty());
        }
    }

    #[test]
    fn counterparts_link_the_panels() {
        let paths = counterpart_paths(true, "participants[0].calls[0].disconnectType", &an());
        assert_eq!(
            paths,
            vec!["participants[0].sessions[0].segments[0].disconnectType"]
        );
        let back = counterpart_paths(false, "participants[0].participantId", &rt());
        assert_eq!(back, vec!["participants[0].id"]);
    }

    #[test]
    fn scoped_counterparts_stay_on_the_same_participant_and_leg() {
        let rt = json!({"participants": [
            {"id": "p0", "purpose": "customer", "calls": [{"id": "s0", "state": "disconnected"}]},
            {"id": "p1", "purpose": "agent", "calls": [{"id": "s1a", "state": "disconnected"}, {"id": "s1b", "state": "connected"}]}]});
        let an = json!({"participants": [
            {"participantId": "p1", "purpose": "agent", "sessions": [
                {"sessionId": "s1b", "segments": [{"segmentEnd": "x"}]}, {"sessionId": "s1a", "segments": [{"segmentEnd": "y"}]}]},
            {"participantId": "p0", "purpose": "customer", "sessions": [{"sessionId": "s0", "segments": [{"segmentEnd": "z"}]}]}]});
        assert_eq!(
            counterpart_paths_scoped(true, "participants[1].purpose", &rt, &an),
            vec!["participants[0].purpose"]
        );
        assert_eq!(
            counterpart_paths_scoped(true, "participants[1].calls[0].state", &rt, &an),
            vec!["participants[0].sessions[1].segments[0].segmentEnd"]
        );
        assert_eq!(
            counterpart_paths_scoped(false, "participants[0].sessions[0].sessionId", &an, &rt),
            vec!["participants[1].calls[1].id"]
        );
        assert_eq!(
            counterpart_paths_scoped(true, "startTime", &rt, &an),
            counterpart_paths(true, "startTime", &an)
        );
        let _ = counterpart_paths_scoped(true, "participants[99].calls[5].x", &rt, &an);
        let _ = counterpart_paths_scoped(true, "participants[x", &json!(null), &json!(3));
    }

    /// Walk `path` through the reference models' field docs; `{media}` must resolve via some media array.
    fn resolves(model_name: &str, path: &str) -> bool {
        let mut models = vec![model_name.to_owned()];
        for part in json_path::loosen(path).split('.') {
            let key = part.split('[').next().unwrap_or_default();
            let keys: Vec<&str> = if key == "{media}" {
                json_path::MEDIA_ARRAYS.to_vec()
            } else {
                vec![key]
            };
            // A type the reference does not model (e.g. `DomainEntityRef`) is opaque: accept below it.
            if models
                .iter()
                .any(|m| !m.is_empty() && model::docs::fields_of(m).next().is_none())
            {
                return true;
            }
            let mut next = Vec::new();
            for m in &models {
                for k in &keys {
                    if let Some(doc) = model::docs::field(m, k) {
                        next.push(model::docs::nested_model(doc.ty).unwrap_or("").to_owned());
                    }
                }
            }
            if next.is_empty() {
                return false;
            }
            models = next;
        }
        true
    }

    #[test]
    fn paths_resolve_in_the_wire_models() {
        for k in CONCEPTS.iter().filter(|k| k.kind != RowKind::Misconception) {
            for p in k.realtime_paths {
                assert!(
                    resolves("Conversation", p),
                    "{p} ({}) is not a Conversation path",
                    k.concept
                );
            }
            for p in k.analytics_paths {
                assert!(
                    resolves("AnalyticsConversationWithoutAttributes", p),
                    "{p} ({}) is not an analytics path",
                    k.concept
                );
            }
        }
        for k in CONCEPTS.iter().filter(|k| k.kind == RowKind::Misconception) {
            for p in k.analytics_paths {
                assert!(
                    !resolves("AnalyticsConversationWithoutAttributes", p),
                    "{p} exists in analytics"
                );
                assert!(
                    !resolves("AnalyticsConversationQueryResponse", p),
                    "{p} exists on the query response"
                );
            }
            for p in k.realtime_paths.iter().filter(|p| **p != "state") {
                assert!(!resolves("Conversation", p), "{p} exists on Conversation");
            }
        }
    }
}
