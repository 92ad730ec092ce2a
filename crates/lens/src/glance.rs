//! "At a glance": what each API says about the conversation right now, and where they disagree.
//!
//! Neither API has a conversation state on reads: the Conversations API is live while `endTime` is
//! absent (state lives on each communication), analytics while `conversationEnd` is absent (open
//! segments have no `segmentEnd`). The two also spell disconnect types differently and fill some
//! fields (wrap-up) at different times, which is what the disagreements explain.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use model::analytics::{
    AnalyticsConversationWithoutAttributes, AnalyticsParticipantWithoutAttributes, AnalyticsSession,
};
use model::conversations::{Conversation, Participant};
use serde::Serialize;

mod per_participant;

use crate::comms::{self, Comm};
use crate::duration::{between_ms, human_ms, span_text};
use crate::lookup::{Api, LookupError, Side};
use crate::source::Claim;
use crate::sources;

/// Live or ended, as one API tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Liveness {
    Live,
    Ended,
}

/// What one API says about the conversation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SideGlance {
    pub api: Api,
    pub conversation_id: String,
    pub liveness: Liveness,
    /// Which fields tell live from ended, with the values seen.
    pub how_to_tell: Claim,
    /// Wire timestamps (`startTime`/`endTime` or `conversationStart`/`conversationEnd`).
    pub start: Option<String>,
    pub end: Option<String>,
    /// Human duration; "… so far" while live.
    pub duration: Option<String>,
    /// Distinct media, in analytics spelling (`voice`, `email`, …).
    pub media_types: Vec<String>,
    pub participants: Vec<ParticipantGlance>,
    pub wrapups: Vec<WrapupGlance>,
    pub disconnects: Vec<DisconnectGlance>,
    /// Other things worth knowing about this side (ACW in progress, open segments, …).
    pub notes: Vec<Claim>,
}

/// One participant as one API describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantGlance {
    pub participant_id: String,
    /// `name` / `participantName`, falling back to the purpose.
    pub label: String,
    pub purpose: Option<String>,
    pub user_id: Option<String>,
    pub queue_id: Option<String>,
    pub media_types: Vec<String>,
    /// Communication states (`connected`, `disconnected`, …) or, for analytics, the open segment type.
    pub state: String,
    pub live: bool,
    pub start: Option<String>,
    pub end: Option<String>,
    pub duration: Option<String>,
}

/// A wrap-up as one API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WrapupGlance {
    pub participant_id: String,
    pub participant_label: String,
    /// Wrap-up code id.
    pub code: Option<String>,
    /// Only the Conversations API carries the code's name.
    pub name: Option<String>,
    pub notes: Option<String>,
    /// e.g. "ACW 30 s (`durationSeconds`)" or "wrapup segment 30.0s".
    pub detail: String,
    /// JSON path inside the conversation object.
    pub path: String,
}

/// A disconnect type as one API spells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisconnectGlance {
    pub participant_id: String,
    pub participant_label: String,
    /// Communication id (Conversations API) = session id (analytics).
    pub communication_id: Option<String>,
    pub disconnect_type: String,
    pub path: String,
}

/// How serious a difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Same fact, different spelling or shape.
    Note,
    /// The two APIs currently say different things.
    Differs,
}

/// What a disagreement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Topic {
    Availability,
    Liveness,
    Start,
    End,
    Participants,
    Wrapup,
    DisconnectType,
    /// How long each API says a participant took part.
    ParticipantTime,
    /// How many holds each API saw.
    Holds,
}

/// A place where the two APIs differ, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    pub topic: Topic,
    pub severity: Severity,
    pub title: String,
    /// What the Conversations API says.
    pub realtime: String,
    /// What analytics says.
    pub analytics: String,
    pub why: Vec<Claim>,
}

/// Both sides and their differences.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Glance {
    pub realtime: Option<SideGlance>,
    pub analytics: Option<SideGlance>,
    pub disagreements: Vec<Disagreement>,
}

fn wire(t: Option<DateTime<Utc>>) -> Option<String> {
    t.as_ref().map(model::time::to_wire)
}

fn label_rt(p: &Participant) -> String {
    crate::participant_label::of_realtime(p)
}

fn label_an(p: &AnalyticsParticipantWithoutAttributes) -> String {
    crate::participant_label::of_analytics(p)
}

fn sorted_unique(it: impl IntoIterator<Item = String>) -> Vec<String> {
    it.into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The Conversations API side.
#[must_use]
pub fn realtime(c: &Conversation, now: DateTime<Utc>) -> SideGlance {
    let participants = c.participants.as_deref().unwrap_or_default();
    let mut all_comms: Vec<(usize, Comm<'_>)> = Vec::new();
    let mut out_participants = Vec::with_capacity(participants.len());
    let mut wrapups = Vec::new();
    let mut disconnects = Vec::new();
    let mut notes = Vec::new();
    for (pi, p) in participants.iter().enumerate() {
        let comms = comms::of(p);
        let label = label_rt(p);
        let pid = p.id.clone().unwrap_or_default();
        let live = p.end_time.is_none() && (comms.is_empty() || comms.iter().any(Comm::is_active));
        let states = sorted_unique(comms.iter().filter_map(|c| c.state.map(str::to_owned)));
        out_participants.push(ParticipantGlance {
            participant_id: pid.clone(),
            label: label.clone(),
            purpose: p.purpose.clone(),
            user_id: p.user_id.clone(),
            queue_id: p.queue_id.clone(),
            media_types: sorted_unique(comms.iter().map(|c| c.media_type.to_owned())),
            state: if states.is_empty() {
                "no communications".to_owned()
            } else {
                states.join(", ")
            },
            live,
            start: wire(p.start_time),
            end: wire(p.end_time),
            duration: span_text(p.start_time, p.end_time, now),
        });
        if let Some(w) = &p.wrapup {
            wrapups.push(WrapupGlance {
                participant_id: pid.clone(),
                participant_label: label.clone(),
                code: w.code.clone(),
                name: w.name.clone(),
                notes: w.notes.clone().filter(|n| !n.is_empty()),
                detail: w.duration_seconds.map_or_else(
                    || "no durationSeconds".to_owned(),
                    |s| format!("ACW {s} s (`durationSeconds`)"),
                ),
                path: format!("participants[{pi}].wrapup"),
            });
        }
        for cm in &comms {
            if let Some(w) = cm.wrapup {
                wrapups.push(WrapupGlance {
                    participant_id: pid.clone(),
                    participant_label: label.clone(),
                    code: w.code.clone(),
                    name: w.name.clone(),
                    notes: w.notes.clone().filter(|n| !n.is_empty()),
                    detail: w
                        .duration_seconds
                        .map_or_else(String::new, |s| format!("ACW {s} s (`durationSeconds`)")),
                    path: format!("participants[{pi}].{}.wrapup", cm.path()),
                });
            }
            if let Some(d) = cm.disconnect_type {
                disconnects.push(DisconnectGlance {
                    participant_id: pid.clone(),
                    participant_label: label.clone(),
                    communication_id: cm.id.map(str::to_owned),
                    disconnect_type: d.to_owned(),
                    path: format!("participants[{pi}].{}.disconnectType", cm.path()),
                });
            }
            let acw_pending = cm
                .after_call_work
                .is_some_and(|a| a.state.as_ref().is_some_and(|s| s.as_str() == "pending"));
            if acw_pending {
                notes.push(Claim::new(
                    format!("{label} is in after-call work (`afterCallWork.state` = pending): the wrap-up may still change."),
                    sources::CALL_MODEL,
                ));
            }
            if cm.held == Some(true) {
                let since = cm
                    .start_hold
                    .map(|t| format!(" since {}", model::time::to_wire(&t)))
                    .unwrap_or_default();
                notes.push(Claim::new(
                    format!("{label} is on hold{since} (`held: true`, `startHoldTime`). `held`/`startHoldTime` only describe the current hold; earlier holds are segments."),
                    sources::CALL_MODEL,
                ));
            }
        }
        all_comms.extend(comms.into_iter().map(|cm| (pi, cm)));
    }
    let active = all_comms.iter().filter(|(_, cm)| cm.is_active()).count();
    let liveness = if c.end_time.is_none() {
        Liveness::Live
    } else {
        Liveness::Ended
    };
    let how = match liveness {
        Liveness::Live => format!(
            "No `endTime` yet, and {active} of {} communications are not `disconnected`. A read Conversation never has a `state` — you judge by `endTime` and each communication's `state`.",
            all_comms.len()
        ),
        Liveness::Ended => format!(
            "`endTime` is {} and {} of {} communications are `disconnected`/`terminated`. A read Conversation never has a `state`.",
            wire(c.end_time).unwrap_or_default(),
            all_comms.len() - active,
            all_comms.len()
        ),
    };
    if c.state.is_some() {
        notes.push(Claim::new(
            "This body has a top-level `state`; the model says it is never present when reading — treat it as suspect.",
            sources::CONVERSATION_MODEL,
        ));
    }
    SideGlance {
        api: Api::Conversations,
        conversation_id: c.id.clone().unwrap_or_default(),
        liveness,
        how_to_tell: Claim::new(how, sources::STATE_ENUMS),
        start: wire(c.start_time),
        end: wire(c.end_time),
        duration: span_text(c.start_time, c.end_time, now),
        media_types: sorted_unique(all_comms.iter().map(|(_, cm)| cm.media_type.to_owned())),
        participants: out_participants,
        wrapups,
        disconnects,
        notes,
    }
}

fn session_bounds(s: &AnalyticsSession) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>, bool) {
    let segs = s.segments.as_deref().unwrap_or_default();
    let start = segs.iter().filter_map(|g| g.segment_start).min();
    let open = segs.iter().any(|g| g.segment_end.is_none());
    let end = if open {
        None
    } else {
        segs.iter().filter_map(|g| g.segment_end).max()
    };
    (start, end, open)
}

/// The analytics side (`api` says which analytics endpoint answered).
#[must_use]
pub fn analytics(
    a: &AnalyticsConversationWithoutAttributes,
    api: Api,
    now: DateTime<Utc>,
) -> SideGlance {
    let participants = a.participants.as_deref().unwrap_or_default();
    let mut out_participants = Vec::with_capacity(participants.len());
    let mut wrapups = Vec::new();
    let mut disconnects = Vec::new();
    let mut media = Vec::new();
    let mut open_segments = 0usize;
    for (pi, p) in participants.iter().enumerate() {
        let label = label_an(p);
        let pid = p.participant_id.clone().unwrap_or_default();
        let sessions = p.sessions.as_deref().unwrap_or_default();
        let mut start: Option<DateTime<Utc>> = None;
        let mut end: Option<DateTime<Utc>> = None;
        let mut any_open = false;
        let mut open_types = Vec::new();
        let mut queue = None;
        let mut pm = Vec::new();
        for (si, s) in sessions.iter().enumerate() {
            if let Some(m) = &s.media_type {
                pm.push(m.as_str().to_owned());
            }
            let (ss, se, open) = session_bounds(s);
            start = match (start, ss) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            end = match (end, se) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            any_open |= open;
            for (gi, g) in s.segments.as_deref().unwrap_or_default().iter().enumerate() {
                let path = format!("participants[{pi}].sessions[{si}].segments[{gi}]");
                if g.segment_end.is_none() {
                    open_segments += 1;
                    if let Some(t) = &g.segment_type {
                        open_types.push(t.as_str().to_owned());
                    }
                }
                if queue.is_none() {
                    queue.clone_from(&g.queue_id);
                }
                if g.wrap_up_code.is_some()
                    || g.segment_type
                        .as_ref()
                        .is_some_and(|t| t.as_str() == "wrapup")
                {
                    wrapups.push(WrapupGlance {
                        participant_id: pid.clone(),
                        participant_label: label.clone(),
                        code: g.wrap_up_code.clone(),
                        name: None,
                        notes: g.wrap_up_note.clone().filter(|n| !n.is_empty()),
                        detail: match (g.segment_start, g.segment_end) {
                            (Some(a), Some(b)) => {
                                format!("wrapup segment {}", human_ms(between_ms(a, b)))
                            }
                            _ => "wrapup segment still open".to_owned(),
                        },
                        path: format!("{path}.wrapUpCode"),
                    });
                }
                if let Some(d) = &g.disconnect_type {
                    disconnects.push(DisconnectGlance {
                        participant_id: pid.clone(),
                        participant_label: label.clone(),
                        communication_id: s.session_id.clone(),
                        disconnect_type: d.as_str().to_owned(),
                        path: format!("{path}.disconnectType"),
                    });
                }
            }
        }
        media.extend(pm.iter().cloned());
        let state = if open_types.is_empty() {
            if any_open {
                "open segment".to_owned()
            } else {
                "all segments ended".to_owned()
            }
        } else {
            format!("open {} segment", sorted_unique(open_types).join("/"))
        };
        out_participants.push(ParticipantGlance {
            participant_id: pid,
            label,
            purpose: p.purpose.as_ref().map(|x| x.as_str().to_owned()),
            user_id: p.user_id.clone(),
            queue_id: queue,
            media_types: sorted_unique(pm),
            state,
            live: any_open,
            start: wire(start),
            end: if any_open { None } else { wire(end) },
            duration: span_text(start, if any_open { None } else { end }, now),
        });
    }
    let liveness = if a.conversation_end.is_none() {
        Liveness::Live
    } else {
        Liveness::Ended
    };
    let how = match liveness {
        Liveness::Live => format!(
            "No `conversationEnd` yet ({open_segments} segment(s) without `segmentEnd`). Analytics has no state field: absence of `conversationEnd` means in progress."
        ),
        Liveness::Ended => format!(
            "`conversationEnd` is {} ({open_segments} segment(s) still without `segmentEnd`).",
            wire(a.conversation_end).unwrap_or_default()
        ),
    };
    let mut notes = vec![Claim::new(
        "The durations above are computed from timestamps; analytics itself reports talk, hold and handle time as millisecond metrics per session (`tTalk`, `tHandle`, …) — see Metrics.",
        sources::SESSION_METRICS,
    )];
    if liveness == Liveness::Ended && open_segments > 0 {
        notes.push(Claim::new(
            "The conversation has ended but some segments are still open — typically after-call work (`wrapup`). Whether `conversationEnd` precedes the wrap-up end is UNVERIFIED.",
            sources::ANALYTICS_LAG,
        ));
    }
    SideGlance {
        api,
        conversation_id: a.conversation_id.clone().unwrap_or_default(),
        liveness,
        how_to_tell: Claim::new(how, sources::ANALYTICS_MODEL),
        start: wire(a.conversation_start),
        end: wire(a.conversation_end),
        duration: span_text(a.conversation_start, a.conversation_end, now),
        media_types: sorted_unique(media),
        participants: out_participants,
        wrapups,
        disconnects,
        notes,
    }
}

/// Both sides plus their disagreements. `analytics_api` says which analytics call answered.
#[must_use]
pub fn glance(
    rt: Side<'_, Conversation>,
    an: Side<'_, AnalyticsConversationWithoutAttributes>,
    analytics_api: Api,
    now: DateTime<Utc>,
) -> Glance {
    let realtime_glance = rt.loaded().map(|c| realtime(c, now));
    let analytics_glance = an.loaded().map(|a| analytics(a, analytics_api, now));
    let mut disagreements = availability(
        rt.failed(),
        an.failed(),
        realtime_glance.as_ref(),
        analytics_glance.as_ref(),
    );
    if let (Some(r), Some(a)) = (&realtime_glance, &analytics_glance) {
        disagreements.extend(compare(r, a));
    }
    if let (Some(c), Some(a)) = (rt.loaded(), an.loaded()) {
        disagreements.extend(per_participant::differences(c, a));
    }
    Glance {
        realtime: realtime_glance,
        analytics: analytics_glance,
        disagreements,
    }
}

fn availability(
    rt_err: Option<&LookupError>,
    an_err: Option<&LookupError>,
    r: Option<&SideGlance>,
    a: Option<&SideGlance>,
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    if let (Some(e), Some(a)) = (rt_err, a)
        && e.is_not_found()
    {
        out.push(Disagreement {
            topic: Topic::Availability,
            severity: Severity::Differs,
            title: "Real-time says 404, analytics has the conversation".to_owned(),
            realtime: "404 not.found".to_owned(),
            analytics: format!("found ({})", if a.liveness == Liveness::Live { "in progress" } else { "ended" }),
            why: vec![
                Claim::new(
                    "The Conversations API serves ended conversations only for a while; how long is not documented in any source we have (UNVERIFIED).",
                    sources::REALTIME_RETENTION,
                ),
                Claim::new(
                    "Analytics detail data is kept for the contract lifetime, or 90 days to 5 years when a retention is configured — use analytics for past conversations.",
                    sources::ANALYTICS_RETENTION,
                ),
            ],
        });
    }
    if let (Some(e), Some(r)) = (an_err, r)
        && e.is_not_found()
    {
        let mut why = Vec::new();
        if matches!(
            e,
            LookupError::NotInResults {
                api: Api::AnalyticsQuery,
                ..
            }
        ) {
            why.push(Claim::new(
                "The details query only returns conversations that started on a day touched by `interval`; check the interval covers the day of the start time.",
                sources::PAIN_INTERVAL,
            ));
        }
        if matches!(
            e,
            LookupError::NotInResults {
                api: Api::AnalyticsJob,
                ..
            }
        ) {
            why.push(Claim::new(
                "Async jobs read the datalake, which can be up to 24 hours behind (`dataAvailabilityDate`).",
                sources::ASYNC_JOBS,
            ));
        }
        why.push(Claim::new(
            "Analytics details are near-real-time, including in-progress conversations, but records can arrive or change after the fact; the delay is not documented (UNVERIFIED). Retry in a few seconds; don't retry in a tight loop.",
            sources::ANALYTICS_LAG,
        ));
        out.push(Disagreement {
            topic: Topic::Availability,
            severity: Severity::Differs,
            title: "Real-time has the conversation, analytics does not (yet)".to_owned(),
            realtime: format!(
                "found ({})",
                if r.liveness == Liveness::Live {
                    "live"
                } else {
                    "ended"
                }
            ),
            analytics: e.to_string(),
            why,
        });
    }
    out
}

fn compare(r: &SideGlance, a: &SideGlance) -> Vec<Disagreement> {
    let mut out = Vec::new();
    if r.liveness != a.liveness {
        let (title, why) = if r.liveness == Liveness::Ended {
            (
                "Real-time says ended, analytics still in progress",
                Claim::new(
                    "Analytics is fed continuously but lags the real-time view; the end (and wrap-up) reach it later. The lag is not documented (UNVERIFIED).",
                    sources::ANALYTICS_LAG,
                ),
            )
        } else {
            (
                "Analytics says ended, real-time still live",
                Claim::new(
                    "A communication is still open in the Conversations API (e.g. a lingering leg) while analytics closed the conversation; compare each communication's `state`.",
                    sources::STATE_ENUMS,
                ),
            )
        };
        out.push(Disagreement {
            topic: Topic::Liveness,
            severity: Severity::Differs,
            title: title.to_owned(),
            realtime: format!("{:?}", r.liveness).to_lowercase(),
            analytics: format!("{:?}", a.liveness).to_lowercase(),
            why: vec![why],
        });
    }
    for (topic, name, rv, av) in [
        (Topic::Start, "start", &r.start, &a.start),
        (Topic::End, "end", &r.end, &a.end),
    ] {
        if let (Some(x), Some(y)) = (rv, av)
            && x != y
        {
            out.push(Disagreement {
                topic,
                severity: Severity::Differs,
                title: format!("Different {name} times"),
                realtime: x.clone(),
                analytics: y.clone(),
                why: vec![Claim::new(
                    "The two APIs record times independently (`startTime`/`endTime` vs `conversationStart`/`conversationEnd`); small differences are normal, large ones mean one side is not up to date.",
                    sources::ANALYTICS_LAG,
                )],
            });
        }
    }
    let rp: BTreeSet<&str> = r
        .participants
        .iter()
        .map(|p| p.participant_id.as_str())
        .collect();
    let ap: BTreeSet<&str> = a
        .participants
        .iter()
        .map(|p| p.participant_id.as_str())
        .collect();
    // Name (purpose) first, the id secondary: people recognise participants by name.
    let named = |side: &SideGlance, id: &str| {
        side.participants
            .iter()
            .find(|p| p.participant_id == id)
            .map_or_else(
                || format!("`{id}`"),
                // A label without a name already starts with the purpose ("voicemail · 3f2a9c1d").
                |p| match &p.purpose {
                    Some(purpose) if !p.label.starts_with(purpose.as_str()) => {
                        format!("{} ({purpose}) `{id}`", p.label)
                    }
                    _ => format!("{} `{id}`", p.label),
                },
            )
    };
    let only_rt: Vec<String> = rp.difference(&ap).map(|id| named(r, id)).collect();
    let only_an: Vec<String> = ap.difference(&rp).map(|id| named(a, id)).collect();
    if !only_rt.is_empty() || !only_an.is_empty() {
        out.push(Disagreement {
            topic: Topic::Participants,
            severity: Severity::Differs,
            title: format!("{} participant(s) in real-time, {} in analytics", rp.len(), ap.len()),
            realtime: if only_rt.is_empty() { "—".to_owned() } else { format!("only here: {}", only_rt.join(", ")) },
            analytics: if only_an.is_empty() { "—".to_owned() } else { format!("only here: {}", only_an.join(", ")) },
            why: vec![Claim::new(
                "Both APIs appear to use the same participant ids (no Genesys document states it — UNVERIFIED); a participant missing on the analytics side has usually not been processed yet.",
                sources::ANALYTICS_LAG,
            )],
        });
    }
    compare_wrapups(r, a, &mut out);
    compare_disconnects(r, a, &mut out);
    out
}

fn compare_wrapups(r: &SideGlance, a: &SideGlance, out: &mut Vec<Disagreement>) {
    let an_codes: BTreeMap<&str, Option<&str>> = a
        .wrapups
        .iter()
        .map(|w| (w.participant_id.as_str(), w.code.as_deref()))
        .collect();
    for w in &r.wrapups {
        let Some(code) = w.code.as_deref() else {
            continue;
        };
        match an_codes.get(w.participant_id.as_str()) {
            Some(Some(c)) if *c == code => {}
            Some(Some(c)) => out.push(Disagreement {
                topic: Topic::Wrapup,
                severity: Severity::Differs,
                title: format!("Different wrap-up codes for {}", w.participant_label),
                realtime: code.to_owned(),
                analytics: (*c).to_owned(),
                why: vec![Claim::new(
                    "A wrap-up can be changed after the fact; analytics records can be updated later.",
                    sources::PAIN_LATE_DATA,
                )],
            }),
            _ => out.push(Disagreement {
                topic: Topic::Wrapup,
                severity: Severity::Differs,
                title: format!("Wrap-up for {} not in analytics yet", w.participant_label),
                realtime: format!("{code}{}", w.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default()),
                analytics: "no wrapup segment / wrapUpCode".to_owned(),
                why: vec![
                    Claim::new(
                        "Wrap-up segments reach analytics later than the call itself (re-running a query later adds them).",
                        sources::PAIN_LATE_DATA,
                    ),
                    Claim::new("How late is not documented (UNVERIFIED).", sources::ANALYTICS_LAG),
                ],
            }),
        }
    }
}

fn compare_disconnects(r: &SideGlance, a: &SideGlance, out: &mut Vec<Disagreement>) {
    // Analytics puts the disconnect type on the session's last segment; compare per session id.
    let mut an_by_session: BTreeMap<&str, &str> = BTreeMap::new();
    for d in &a.disconnects {
        if let Some(id) = d.communication_id.as_deref() {
            an_by_session.insert(id, d.disconnect_type.as_str());
        }
    }
    for d in &r.disconnects {
        let Some(id) = d.communication_id.as_deref() else {
            continue;
        };
        let Some(&camel) = an_by_session.get(id) else {
            continue;
        };
        let expected = comms::analytics_disconnect_type(&d.disconnect_type);
        if expected == camel {
            if d.disconnect_type != camel {
                out.push(Disagreement {
                    topic: Topic::DisconnectType,
                    severity: Severity::Note,
                    title: format!("Same disconnect, two spellings ({})", d.participant_label),
                    realtime: d.disconnect_type.clone(),
                    analytics: camel.to_owned(),
                    why: vec![Claim::new(
                        "The Conversations API uses dotted names (`transfer.consult`), analytics camelCase (`consultTransfer`); the pairing is by name.",
                        sources::DISCONNECT_PAIRING,
                    )],
                });
            }
        } else {
            out.push(Disagreement {
                topic: Topic::DisconnectType,
                severity: Severity::Differs,
                title: format!("Different disconnect types for {}", d.participant_label),
                realtime: d.disconnect_type.clone(),
                analytics: camel.to_owned(),
                why: vec![Claim::new(
                    format!("`{}` would read `{expected}` in analytics; the sides recorded different reasons.", d.disconnect_type),
                    sources::DISCONNECT_PAIRING,
                )],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookup::{ApiResult, decode_analytics, decode_conversation};
    use serde_json::json;

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    fn now() -> DateTime<Utc> {
        model::time::from_wire("2026-05-12T14:10:00.000Z").unwrap_or_default()
    }

    fn rt(body: serde_json::Value) -> Conversation {
        decode_conversation(&ApiResult::ok(body), None).unwrap_or_default()
    }

    fn an(body: serde_json::Value) -> AnalyticsConversationWithoutAttributes {
        decode_analytics(Api::AnalyticsById, &ApiResult::ok(body), ID).unwrap_or_default()
    }

    #[test]
    fn live_vs_ended_and_how_to_tell() {
        let live = rt(json!({"id": ID, "startTime": "2026-05-12T14:02:11.204Z",
            "participants": [{"id": "p1", "purpose": "customer", "calls": [{"id": "c1", "state": "connected"}]}]}));
        let g = realtime(&live, now());
        assert_eq!(g.liveness, Liveness::Live);
        assert!(g.how_to_tell.text.contains("No `endTime`"));
        assert_eq!(g.duration.as_deref(), Some("7m 48.8s so far"));
        assert_eq!(g.media_types, vec!["voice"]);
        let ended = an(
            json!({"conversationId": ID, "conversationStart": "2026-05-12T14:02:11.204Z", "conversationEnd": "2026-05-12T14:07:15.300Z", "participants": []}),
        );
        let g = analytics(&ended, Api::AnalyticsById, now());
        assert_eq!(
            (g.liveness, g.duration.as_deref()),
            (Liveness::Ended, Some("5m 4.1s"))
        );
    }

    #[test]
    fn disconnect_vocabulary_and_late_wrapup() {
        let r = rt(
            json!({"id": ID, "endTime": "2026-05-12T14:07:15.300Z", "participants": [
            {"id": "a", "name": "Jane", "purpose": "agent", "wrapup": {"code": "w1", "name": "Billing"},
             "calls": [{"id": "s1", "state": "disconnected", "disconnectType": "transfer.consult"}]}]}),
        );
        let a = an(
            json!({"conversationId": ID, "participants": [{"participantId": "a", "purpose": "agent", "sessions": [
            {"sessionId": "s1", "mediaType": "voice", "segments": [{"segmentStart": "2026-05-12T14:03:00.000Z", "segmentType": "interact", "disconnectType": "consultTransfer"}]}]}]}),
        );
        let g = glance(
            Side::Loaded(&r),
            Side::Loaded(&a),
            Api::AnalyticsById,
            now(),
        );
        let topics: Vec<_> = g
            .disagreements
            .iter()
            .map(|d| (d.topic, d.severity))
            .collect();
        assert!(
            topics.contains(&(Topic::DisconnectType, Severity::Note)),
            "{topics:?}"
        );
        assert!(
            topics.contains(&(Topic::Wrapup, Severity::Differs)),
            "{topics:?}"
        );
        assert!(
            topics.contains(&(Topic::Liveness, Severity::Differs)),
            "{topics:?}"
        );
        assert!(g.disagreements.iter().all(|d| !d.why.is_empty()));
    }

    #[test]
    fn participant_only_on_one_side_is_named_with_its_purpose() {
        let r = rt(json!({"id": ID, "participants": [
            {"id": "p-cust", "name": "Chris", "purpose": "customer", "calls": [{"id": "c1", "state": "connected"}]},
            {"id": "p-agent", "name": "Omar", "purpose": "agent", "calls": [{"id": "c2", "state": "connected"}]}]}));
        let a = an(
            json!({"conversationId": ID, "participants": [{"participantId": "p-cust", "participantName": "Chris", "purpose": "customer"}]}),
        );
        let g = glance(
            Side::Loaded(&r),
            Side::Loaded(&a),
            Api::AnalyticsById,
            now(),
        );
        let d = g
            .disagreements
            .iter()
            .find(|d| d.topic == Topic::Participants)
            .expect("participants differ");
        assert_eq!(d.realtime, "only here: Omar (agent) `p-agent`");
        assert_eq!(d.analytics, "—");
    }

    #[test]
    fn realtime_404_with_analytics_is_retention() {
        let a = an(json!({"conversationId": ID, "conversationEnd": "2026-05-12T14:07:15.300Z"}));
        let e = LookupError::Http {
            api: Api::Conversations,
            status: 404,
            error: Box::default(),
            retry_after_secs: None,
            correlation_id: None,
        };
        let g = glance(
            Side::Failed(&e),
            Side::Loaded(&a),
            Api::AnalyticsById,
            now(),
        );
        assert_eq!(g.disagreements.len(), 1);
        assert_eq!(g.disagreements[0].topic, Topic::Availability);
        assert!(
            g.disagreements[0].why.iter().any(|c| !c.source.verified),
            "retention duration must be flagged UNVERIFIED"
        );
    }
}
