//! Analytics session metrics: what each one means, in human units, and the arithmetic that ties
//! them to each other and to the segments.
//!
//! A session metric is `{name, value, emitDate}`; `t*` values are milliseconds, `n*` counts, and
//! each is emitted on the participant it belongs to when the measured thing completes
//! (reference/api-facts.md §2.3, reference/user-pain-points.md 10). Only some meanings are stated
//! by our sources; the rest carry an UNVERIFIED source so the UI can flag them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use model::analytics::{
    AnalyticsConversationWithoutAttributes, AnalyticsSession,
    ConversationDetailQueryPredicateMetric,
};
use model::conversations::Conversation;
use serde::Serialize;

use crate::duration::{between_ms, human_ms};
use crate::source::Source;
use crate::sources;

/// How a metric's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// `t*`: a duration in milliseconds.
    Milliseconds,
    /// `n*`: a count.
    Count,
    /// `o*`: an observation (a number of things seen).
    Observation,
}

impl Unit {
    /// From the metric name's prefix.
    #[must_use]
    pub fn of(name: &str) -> Self {
        match name.as_bytes().first() {
            Some(b't') => Self::Milliseconds,
            Some(b'o') => Self::Observation,
            _ => Self::Count,
        }
    }

    /// A value in this unit, for people.
    #[must_use]
    pub fn display(self, value: i64) -> String {
        match self {
            Self::Milliseconds => format!("{} ({value} ms)", human_ms(value)),
            Self::Count | Self::Observation => value.to_string(),
        }
    }
}

/// What a metric means and who emits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricInfo {
    pub name: &'static str,
    pub meaning: &'static str,
    /// Participant purposes that emit it, as far as the source says.
    pub emitted_by: &'static str,
    pub source: Source,
}

const fn v(name: &'static str, meaning: &'static str, emitted_by: &'static str) -> MetricInfo {
    MetricInfo {
        name,
        meaning,
        emitted_by,
        source: sources::SESSION_METRICS,
    }
}

/// Meaning not stated by our sources: the name exists (SDK metric enum), the gloss is ours.
const fn u(name: &'static str, meaning: &'static str, emitted_by: &'static str) -> MetricInfo {
    MetricInfo {
        name,
        meaning,
        emitted_by,
        source: UNVERIFIED_MEANING,
    }
}

/// Metric meanings our references do not define.
pub const UNVERIFIED_MEANING: Source = sources::METRIC_MEANING_UNVERIFIED;

/// The metrics the app explains. The first block is stated by a source (the blueprint sample,
/// the handle-time glossary); the rest are glosses of the names, flagged UNVERIFIED.
pub const CATALOGUE: &[MetricInfo] = &[
    v(
        "tAlert",
        "Time the agent's session was alerting (ringing) before it was answered — the `alert` segment.",
        "agent",
    ),
    v(
        "tAnswered",
        "Time from entering the queue until an agent answered (equals the queue's `tAcd` in the blueprint sample).",
        "agent",
    ),
    v(
        "tTalk",
        "Time talking/interacting (the `interact` segment), in ms, emitted when the talking completes. Whether each `interact` period emits its own value is UNVERIFIED (the blueprint sample has one period).",
        "agent",
    ),
    v(
        "tTalkComplete",
        "The completed total of talk time, repeated once the talking is over.",
        "agent",
    ),
    v(
        "tHeld",
        "Time on hold (the `hold` segment), in ms. Whether each `hold` period emits its own value is UNVERIFIED (the blueprint sample has one hold).",
        "agent",
    ),
    v(
        "tHeldComplete",
        "The completed total of hold time.",
        "agent",
    ),
    v(
        "tAcw",
        "After-call work (wrap-up) time — the `wrapup` segment.",
        "agent",
    ),
    MetricInfo {
        name: "tHandle",
        meaning: "Handle time: talk + hold + after-call work, plus dialing and contacting time on outbound and callback sessions.",
        emitted_by: "agent",
        source: sources::HANDLE_TIME,
    },
    v(
        "tAcd",
        "Time waiting in the queue (ACD) — the queue participant's `interact` segment.",
        "acd",
    ),
    v(
        "tIvr",
        "Time spent in the IVR flow — the `ivr` segment.",
        "ivr",
    ),
    v(
        "nOffered",
        "The conversation was offered to a queue (1 per offer).",
        "acd",
    ),
    v(
        "nConnected",
        "The customer's session connected (1).",
        "customer",
    ),
    u(
        "tAbandon",
        "Time in queue before the customer hung up without being answered.",
        "acd",
    ),
    u(
        "tShortAbandon",
        "An abandon shorter than the short-abandon threshold.",
        "acd",
    ),
    u(
        "tVoicemail",
        "Time spent leaving a voicemail.",
        "voicemail, agent",
    ),
    u(
        "nTransferred",
        "The session was transferred (any transfer).",
        "agent, acd",
    ),
    u(
        "nBlindTransferred",
        "The session was blind (unattended) transferred.",
        "agent",
    ),
    u(
        "nConsultTransferred",
        "The session was transferred after a consult.",
        "agent",
    ),
    u("nConsult", "A consult was started.", "agent"),
    MetricInfo {
        name: "tDialing",
        meaning: "Time dialing an outbound call (or the call back of a callback); part of handle time.",
        emitted_by: "agent, outbound",
        source: sources::HANDLE_TIME,
    },
    MetricInfo {
        name: "tContacting",
        meaning: "Time contacting the remote party before it answers; part of handle time.",
        emitted_by: "agent, outbound",
        source: sources::HANDLE_TIME,
    },
    u(
        "tConnected",
        "Time the session was connected.",
        "customer, agent",
    ),
    u(
        "tFirstConnect",
        "Time until the first connection.",
        "customer",
    ),
    u("tFirstDial", "Time until the first dial.", "outbound"),
    u("tFlow", "Time in an Architect flow.", "ivr, botflow"),
    u(
        "tFlowOut",
        "Time in a flow before leaving it towards a queue or party.",
        "ivr",
    ),
    u("nFlow", "A flow was entered.", "ivr, botflow"),
    u(
        "tMonitoring",
        "Time a supervisor monitored the session.",
        "agent",
    ),
    u("tCoaching", "Time a supervisor coached the agent.", "agent"),
    u("tBarging", "Time a supervisor barged in.", "agent"),
    u("tPark", "Time the interaction was parked.", "agent"),
    u(
        "tNotResponding",
        "Time an agent was alerted but did not respond.",
        "agent",
    ),
    u("nError", "An error occurred on the session.", "any"),
    u(
        "nOverSla",
        "The interaction exceeded the queue's service level.",
        "acd",
    ),
    u(
        "nOutbound",
        "An outbound interaction was placed.",
        "agent, outbound",
    ),
    u(
        "tAgentResponseTime",
        "Time the agent took to respond to a message.",
        "agent",
    ),
    u(
        "tUserResponseTime",
        "Time the user took to respond.",
        "agent",
    ),
    u(
        "tConversationDuration",
        "Duration of the whole conversation.",
        "customer",
    ),
];

/// The catalogue entry for `name`, if we explain it.
#[must_use]
pub fn info(name: &str) -> Option<&'static MetricInfo> {
    CATALOGUE.iter().find(|m| m.name == name)
}

/// True when `name` is a detail metric the SDK lists (conversation predicate metrics).
#[must_use]
pub fn is_known_name(name: &str) -> bool {
    ConversationDetailQueryPredicateMetric::from_wire(name).is_known()
}

/// One metric value as the Metrics tab lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricRow {
    pub participant_id: String,
    pub participant_label: String,
    pub purpose: Option<String>,
    pub session_id: Option<String>,
    pub media_type: Option<String>,
    pub name: String,
    pub value: i64,
    pub unit: Unit,
    /// Human reading, e.g. "4m 39.4s (279421 ms)".
    pub display: String,
    pub emit_date: Option<String>,
    /// How long after the conversation start it was emitted, e.g. "+4m 39.4s" — metrics post
    /// when the measured thing completes (reference/user-pain-points.md 10).
    pub emitted_after_start: Option<String>,
    pub meaning: String,
    /// False when the SDK's metric list does not contain the name.
    pub known_name: bool,
    pub source: Source,
    /// JSON path inside the conversation object.
    pub path: String,
}

/// Every metric of every session, in body order.
#[must_use]
pub fn rows(a: &AnalyticsConversationWithoutAttributes) -> Vec<MetricRow> {
    let mut out = Vec::new();
    for (pi, p) in a
        .participants
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let label = p
            .participant_name
            .clone()
            .or_else(|| p.purpose.as_ref().map(|x| x.as_str().to_owned()))
            .unwrap_or_else(|| "participant".to_owned());
        for (si, s) in p.sessions.as_deref().unwrap_or_default().iter().enumerate() {
            for (mi, m) in s.metrics.as_deref().unwrap_or_default().iter().enumerate() {
                let name = m.name.clone().unwrap_or_default();
                let value = m.value.unwrap_or_default();
                let unit = Unit::of(&name);
                let (meaning, source) = match info(&name) {
                    Some(i) => (i.meaning.to_owned(), i.source),
                    None => (
                        "No explanation in our references.".to_owned(),
                        UNVERIFIED_MEANING,
                    ),
                };
                out.push(MetricRow {
                    participant_id: p.participant_id.clone().unwrap_or_default(),
                    participant_label: label.clone(),
                    purpose: p.purpose.as_ref().map(|x| x.as_str().to_owned()),
                    session_id: s.session_id.clone(),
                    media_type: s.media_type.as_ref().map(|x| x.as_str().to_owned()),
                    known_name: is_known_name(&name),
                    display: unit.display(value),
                    unit,
                    emit_date: m.emit_date.as_ref().map(model::time::to_wire),
                    emitted_after_start: match (a.conversation_start, m.emit_date) {
                        (Some(s), Some(e)) => Some(match between_ms(s, e) {
                            d if d >= 0 => format!("+{}", human_ms(d)),
                            d => format!("{} before the start", human_ms(d.saturating_neg())),
                        }),
                        _ => None,
                    },
                    meaning,
                    source,
                    name,
                    value,
                    path: format!("participants[{pi}].sessions[{si}].metrics[{mi}]"),
                });
            }
        }
    }
    out
}

/// Whether a check holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Outcome {
    Pass,
    Fail {
        off_by_ms: i64,
    },
    /// Cannot be checked yet (segments still open, metric not emitted yet).
    NotYet {
        reason: String,
    },
}

/// One piece of arithmetic, shown with its numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub title: String,
    /// Whose numbers: "Jane Agent · session bb30da64…".
    pub scope: String,
    /// The rule, e.g. "tHandle = tTalkComplete + tHeldComplete + tAcw".
    pub formula: String,
    /// The rule with numbers, e.g. "279421 = 203920 + 45500 + 30001".
    pub arithmetic: String,
    pub left: i64,
    pub right: i64,
    pub tolerance_ms: i64,
    pub outcome: Outcome,
    pub explanation: String,
    pub source: Source,
}

fn check(
    title: &str,
    scope: &str,
    formula: &str,
    arithmetic: String,
    left: i64,
    right: i64,
    tolerance_ms: i64,
) -> Check {
    // Saturating: metric values come from the wire and may be absurd.
    let off = left.saturating_sub(right);
    Check {
        title: title.to_owned(),
        scope: scope.to_owned(),
        formula: formula.to_owned(),
        arithmetic,
        left,
        right,
        tolerance_ms,
        outcome: if off.unsigned_abs() <= tolerance_ms.unsigned_abs() {
            Outcome::Pass
        } else {
            Outcome::Fail { off_by_ms: off }
        },
        explanation: String::new(),
        source: sources::SESSION_METRICS,
    }
}

fn sum_metric(s: &AnalyticsSession, name: &str) -> Option<(i64, Vec<i64>)> {
    let vals: Vec<i64> = s
        .metrics
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|m| m.name.as_deref() == Some(name))
        .filter_map(|m| m.value)
        .collect();
    (!vals.is_empty()).then(|| (saturating_sum(&vals), vals))
}

/// Summed durations of the session's segments of one type; `None` if there are none, `Err` if one is open.
fn sum_segments(s: &AnalyticsSession, ty: &str) -> Option<Result<(i64, Vec<i64>), ()>> {
    let segs: Vec<_> = s
        .segments
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|g| g.segment_type.as_ref().is_some_and(|t| t.as_str() == ty))
        .collect();
    if segs.is_empty() {
        return None;
    }
    let mut parts = Vec::with_capacity(segs.len());
    for g in segs {
        match (g.segment_start, g.segment_end) {
            (Some(a), Some(b)) => parts.push(between_ms(a, b)),
            _ => return Some(Err(())),
        }
    }
    Some(Ok((saturating_sum(&parts), parts)))
}

fn saturating_sum(v: &[i64]) -> i64 {
    v.iter().fold(0i64, |acc, x| acc.saturating_add(*x))
}

fn plus(parts: &[i64]) -> String {
    parts
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}

fn short(id: Option<&str>) -> String {
    id.map_or_else(
        || "?".to_owned(),
        |s| format!("{}…", s.chars().take(8).collect::<String>()),
    )
}

/// Metric ↔ segment pairs: the metric should equal the summed segment durations.
const SEGMENT_PAIRS: &[(&str, &str, &str)] = &[
    ("tAlert", "alert", "alerting time is the alert segment"),
    ("tTalk", "interact", "talk time is the interact segments"),
    ("tHeld", "hold", "hold time is the hold segments"),
    ("tAcw", "wrapup", "after-call work is the wrapup segment"),
    ("tIvr", "ivr", "IVR time is the ivr segment"),
    (
        "tAcd",
        "interact",
        "queue time is the queue participant's interact segment",
    ),
];

/// Every check that applies to this conversation.
#[must_use]
pub fn checks(a: &AnalyticsConversationWithoutAttributes) -> Vec<Check> {
    let mut out = Vec::new();
    // (queue id, tAcd) per queue session; (scope, queue id, tAnswered) per answering session.
    let mut queue_waits: Vec<(Option<String>, i64)> = Vec::new();
    let mut answered: Vec<(String, Option<String>, i64)> = Vec::new();
    for p in a.participants.as_deref().unwrap_or_default() {
        let label = p
            .participant_name
            .clone()
            .or_else(|| p.purpose.as_ref().map(|x| x.as_str().to_owned()))
            .unwrap_or_else(|| "participant".to_owned());
        for s in p.sessions.as_deref().unwrap_or_default() {
            let scope = format!("{label} · session {}", short(s.session_id.as_deref()));
            session_checks(s, &scope, &mut out);
            let queue = s
                .segments
                .as_deref()
                .unwrap_or_default()
                .iter()
                .find_map(|g| g.queue_id.clone());
            if let Some((v, _)) = sum_metric(s, "tAcd") {
                queue_waits.push((queue.clone(), v));
            }
            if let Some((v, _)) = sum_metric(s, "tAnswered") {
                answered.push((scope.clone(), queue, v));
            }
        }
    }
    // Pair an answer with the wait in the same queue; with transfers or repeated queues the pairing
    // is ambiguous, so only unambiguous pairs are checked.
    for (scope, queue, v) in answered {
        let same_queue: Vec<i64> = queue_waits
            .iter()
            .filter(|(q, _)| *q == queue)
            .map(|(_, w)| *w)
            .collect();
        let [q] = same_queue.as_slice() else { continue };
        let mut c = check(
            "Answered after the queue wait",
            &scope,
            "tAnswered (agent) = tAcd (queue)",
            format!("{v} = {q}"),
            v,
            *q,
            0,
        );
        c.explanation = "The agent's tAnswered measures the wait from entering the queue to answer, which is the tAcd of the queue participant for the same queue.".to_owned();
        out.push(c);
    }
    out
}

fn session_checks(s: &AnalyticsSession, scope: &str, out: &mut Vec<Check>) {
    let talk = sum_metric(s, "tTalk");
    let held = sum_metric(s, "tHeld");
    let talk_c = sum_metric(s, "tTalkComplete");
    let held_c = sum_metric(s, "tHeldComplete");
    let acw = sum_metric(s, "tAcw");
    if let Some((h, _)) = sum_metric(s, "tHandle") {
        let t = talk_c.as_ref().or(talk.as_ref()).map_or(0, |x| x.0);
        let hd = held_c.as_ref().or(held.as_ref()).map_or(0, |x| x.0);
        let w = acw.as_ref().map_or(0, |x| x.0);
        let dial = sum_metric(s, "tDialing").map_or(0, |x| x.0);
        let contact = sum_metric(s, "tContacting").map_or(0, |x| x.0);
        // Dialing and contacting only exist on outbound and callback sessions: show them when present.
        let (formula, arithmetic) = if dial == 0 && contact == 0 {
            (
                "tHandle = tTalkComplete + tHeldComplete + tAcw",
                format!(
                    "{h} = {t} + {hd} + {w}  ({} = {} + {} + {})",
                    human_ms(h),
                    human_ms(t),
                    human_ms(hd),
                    human_ms(w)
                ),
            )
        } else {
            (
                "tHandle = tTalkComplete + tHeldComplete + tAcw + tDialing + tContacting",
                format!(
                    "{h} = {t} + {hd} + {w} + {dial} + {contact}  ({} = {} + {} + {} + {} + {})",
                    human_ms(h),
                    human_ms(t),
                    human_ms(hd),
                    human_ms(w),
                    human_ms(dial),
                    human_ms(contact)
                ),
            )
        };
        let mut c = check(
            "Handle time adds up",
            scope,
            formula,
            arithmetic,
            h,
            t.saturating_add(hd)
                .saturating_add(w)
                .saturating_add(dial)
                .saturating_add(contact),
            0,
        );
        c.explanation = "Handle time is talk plus hold plus after-call work, plus dialing and contacting time on outbound and callback sessions; a part the session does not have counts as 0.".to_owned();
        c.source = sources::HANDLE_TIME;
        out.push(c);
    }
    for (total, parts, name) in [(&talk_c, &talk, "tTalk"), (&held_c, &held, "tHeld")] {
        if let (Some((tot, _)), Some((sum, vals))) = (total, parts) {
            let mut c = check(
                &format!("{name}Complete is the sum of {name}"),
                scope,
                &format!("{name}Complete = Σ {name}"),
                format!("{tot} = {}", plus(vals)),
                *tot,
                *sum,
                0,
            );
            c.explanation = format!(
                "{name}Complete repeats the completed total; whether {name} is emitted once per period is UNVERIFIED (the blueprint sample has one period)."
            );
            out.push(c);
        }
    }
    for (metric, seg, why) in SEGMENT_PAIRS {
        let Some((mv, _)) = sum_metric(s, metric) else {
            continue;
        };
        // tTalk on an acd session would be odd; tAcd pairs with the acd session's interact segment.
        match sum_segments(s, seg) {
            None => {}
            Some(Err(())) => out.push(Check {
                title: format!("{metric} matches the {seg} segments"),
                scope: scope.to_owned(),
                formula: format!("{metric} = Σ ({seg} segmentEnd − segmentStart)"),
                arithmetic: format!("{mv} = ? (a {seg} segment has no segmentEnd yet)"),
                left: mv,
                right: 0,
                tolerance_ms: 1,
                outcome: Outcome::NotYet {
                    reason: format!("a {seg} segment is still open"),
                },
                explanation: format!(
                    "Metrics are emitted when the measured thing completes; {why}."
                ),
                source: sources::SESSION_METRICS,
            }),
            Some(Ok((sv, parts))) => {
                let mut c = check(
                    &format!("{metric} matches the {seg} segments"),
                    scope,
                    &format!("{metric} = Σ ({seg} segmentEnd − segmentStart)"),
                    format!("{mv} = {}", plus(&parts)),
                    mv,
                    sv,
                    1,
                );
                c.explanation =
                    format!("Metrics are milliseconds; segments are timestamps — {why}.");
                out.push(c);
            }
        }
    }
}

/// Checks between the two APIs: `Wrapup.durationSeconds` (seconds, Conversations API) vs `tAcw` (ms).
#[must_use]
pub fn cross_checks(c: &Conversation, a: &AnalyticsConversationWithoutAttributes) -> Vec<Check> {
    let mut acw_by_participant: BTreeMap<&str, i64> = BTreeMap::new();
    for p in a.participants.as_deref().unwrap_or_default() {
        let Some(id) = p.participant_id.as_deref() else {
            continue;
        };
        for s in p.sessions.as_deref().unwrap_or_default() {
            if let Some((v, _)) = sum_metric(s, "tAcw") {
                let e = acw_by_participant.entry(id).or_default();
                *e = e.saturating_add(v);
            }
        }
    }
    let mut out = Vec::new();
    for p in c.participants.as_deref().unwrap_or_default() {
        let (Some(id), Some(secs)) = (
            p.id.as_deref(),
            p.wrapup.as_ref().and_then(|w| w.duration_seconds),
        ) else {
            continue;
        };
        let Some(&acw) = acw_by_participant.get(id) else {
            continue;
        };
        let label = p.name.clone().unwrap_or_else(|| id.to_owned());
        let mut ch = check(
            "Wrap-up seconds vs tAcw",
            &label,
            "Wrapup.durationSeconds × 1000 ≈ tAcw",
            format!(
                "{secs} s × 1000 = {} ms ≈ {acw} ms",
                secs.saturating_mul(1000)
            ),
            secs.saturating_mul(1000),
            acw,
            999,
        );
        ch.explanation = "The Conversations API gives ACW in whole seconds on the wrap-up; analytics gives milliseconds, so they agree to within a second.".to_owned();
        ch.source = sources::WRAPUP_MODEL;
        out.push(ch);
    }
    out
}

/// When each metric was emitted relative to the conversation start, for "metrics post when the
/// thing completes" (reference/user-pain-points.md 10). Returns `(name, ms after start)`.
#[must_use]
pub fn emit_offsets(a: &AnalyticsConversationWithoutAttributes) -> Vec<(String, i64)> {
    let Some(start) = a.conversation_start else {
        return Vec::new();
    };
    let emitted = |d: Option<DateTime<Utc>>| d.map(|d| between_ms(start, d));
    let mut out = Vec::new();
    for p in a.participants.as_deref().unwrap_or_default() {
        for s in p.sessions.as_deref().unwrap_or_default() {
            for m in s.metrics.as_deref().unwrap_or_default() {
                if let (Some(n), Some(off)) = (&m.name, emitted(m.emit_date)) {
                    out.push((n.clone(), off));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn agent(
        metrics: serde_json::Value,
        segments: serde_json::Value,
    ) -> AnalyticsConversationWithoutAttributes {
        serde_json::from_value(json!({"conversationId": "c", "conversationStart": "2026-05-12T14:02:11.204Z", "participants": [
            {"participantId": "a", "participantName": "Jane", "purpose": "agent",
             "sessions": [{"sessionId": "bb30da64-fece-4d24-a1c4-680cee7c9b0d", "mediaType": "voice", "metrics": metrics, "segments": segments}]}]}))
        .unwrap_or_default()
    }

    #[test]
    fn handle_time_passes_and_fails_with_arithmetic() {
        let ok = agent(
            json!([{"name": "tTalkComplete", "value": 203920}, {"name": "tHeldComplete", "value": 45500},
                   {"name": "tAcw", "value": 30001}, {"name": "tHandle", "value": 279421}]),
            json!([]),
        );
        let c = checks(&ok);
        let h = c.iter().find(|c| c.formula.starts_with("tHandle")).cloned();
        assert_eq!(h.as_ref().map(|c| &c.outcome), Some(&Outcome::Pass));
        assert!(h.is_some_and(|c| c.arithmetic.starts_with("279421 = 203920 + 45500 + 30001")));
        let bad = agent(
            json!([{"name": "tTalkComplete", "value": 1000}, {"name": "tHandle", "value": 5000}]),
            json!([]),
        );
        assert!(
            checks(&bad)
                .iter()
                .any(|c| c.outcome == Outcome::Fail { off_by_ms: 4000 })
        );
    }

    #[test]
    fn outbound_handle_time_counts_dialing_and_contacting() {
        // An outbound session: 4.2 s dialing, 9.8 s contacting, then talk, hold and wrap-up.
        let out = agent(
            json!([{"name": "tDialing", "value": 4200}, {"name": "tContacting", "value": 9800},
                   {"name": "tTalkComplete", "value": 120000}, {"name": "tHeldComplete", "value": 15000},
                   {"name": "tAcw", "value": 20000}, {"name": "tHandle", "value": 169000}]),
            json!([]),
        );
        let c = checks(&out);
        let Some(h) = c.iter().find(|c| c.formula.starts_with("tHandle")) else {
            panic!("no handle-time check");
        };
        assert_eq!(h.outcome, Outcome::Pass);
        assert_eq!(
            h.formula,
            "tHandle = tTalkComplete + tHeldComplete + tAcw + tDialing + tContacting"
        );
        assert!(
            h.arithmetic
                .starts_with("169000 = 120000 + 15000 + 20000 + 4200 + 9800")
        );
        assert_eq!(h.source, sources::HANDLE_TIME);
        // Without the dialing/contacting parts the same numbers would not add up.
        let short = agent(
            json!([{"name": "tTalkComplete", "value": 120000}, {"name": "tHeldComplete", "value": 15000},
                   {"name": "tAcw", "value": 20000}, {"name": "tHandle", "value": 169000}]),
            json!([]),
        );
        assert!(
            checks(&short)
                .iter()
                .any(|c| c.outcome == Outcome::Fail { off_by_ms: 14000 })
        );
    }

    #[test]
    fn metric_vs_segments() {
        let a = agent(
            json!([{"name": "tAlert", "value": 8878}, {"name": "tTalk", "value": 114120}, {"name": "tTalk", "value": 89800},
                   {"name": "tHeld", "value": 45000}]),
            json!([
                {"segmentStart": "2026-05-12T14:02:57.002Z", "segmentEnd": "2026-05-12T14:03:05.880Z", "segmentType": "alert"},
                {"segmentStart": "2026-05-12T14:03:05.880Z", "segmentEnd": "2026-05-12T14:05:00.000Z", "segmentType": "interact"},
                {"segmentStart": "2026-05-12T14:05:00.000Z", "segmentEnd": "2026-05-12T14:05:45.500Z", "segmentType": "hold"},
                {"segmentStart": "2026-05-12T14:05:45.500Z", "segmentEnd": "2026-05-12T14:07:15.300Z", "segmentType": "interact"}]),
        );
        let c = checks(&a);
        let by = |m: &str| {
            c.iter()
                .find(|c| c.formula.starts_with(m))
                .map(|c| c.outcome.clone())
        };
        assert_eq!(by("tAlert"), Some(Outcome::Pass));
        assert_eq!(by("tTalk ="), Some(Outcome::Pass));
        assert_eq!(by("tHeld ="), Some(Outcome::Fail { off_by_ms: -500 }));
    }

    #[test]
    fn open_segment_is_not_yet() {
        let a = agent(
            json!([{"name": "tAlert", "value": 10}]),
            json!([{"segmentStart": "2026-05-12T14:02:57.002Z", "segmentType": "alert"}]),
        );
        assert!(
            checks(&a)
                .iter()
                .any(|c| matches!(c.outcome, Outcome::NotYet { .. }))
        );
    }

    #[test]
    fn rows_have_units_meanings_and_sources() {
        let a = agent(
            json!([{"name": "tHandle", "value": 279421, "emitDate": "2026-05-12T14:07:45.301Z"}, {"name": "nWeird", "value": 2}]),
            json!([]),
        );
        let r = rows(&a);
        assert_eq!(r[0].display, "4m 39.4s (279421 ms)");
        assert_eq!(r[0].emit_date.as_deref(), Some("2026-05-12T14:07:45.301Z"));
        assert_eq!(r[0].emitted_after_start.as_deref(), Some("+5m 34.1s"));
        assert!(r[0].known_name && r[0].source.verified);
        assert!(!r[1].known_name && !r[1].source.verified);
        assert_eq!(r[1].unit, Unit::Count);
    }

    #[test]
    fn catalogue_names_exist_in_the_sdk() {
        for m in CATALOGUE {
            assert!(is_known_name(m.name), "{} is not a detail metric", m.name);
        }
        assert!(
            !is_known_name("tWait"),
            "tWait is aggregates-only (reference/api-facts.md §2.2)"
        );
    }
}
