//! Differences per participant that need the bodies themselves: how long each API says a
//! participant took part (and why they differ), how many holds each saw, and wrap-ups only one
//! side has. Read through the story's neutral [`Leg`]s so both APIs are measured the same way.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;

use super::{Disagreement, Severity, Topic};
use crate::duration::{between_ms, human_ms};
use crate::source::Claim;
use crate::sources;
use crate::story::legs::Leg;
use crate::story::{from_analytics, from_realtime};

/// Below this, two participant times are the same time recorded twice (the APIs stamp
/// independently); above it, something was counted differently.
const SAME_TIME_MS: i64 = 1_000;

/// Every per-participant difference between the two bodies.
#[must_use]
pub fn differences(
    c: &Conversation,
    a: &AnalyticsConversationWithoutAttributes,
) -> Vec<Disagreement> {
    let rt = from_realtime::told(c);
    let an = from_analytics::told(a);
    let an_by: BTreeMap<&str, &Leg> = an
        .legs
        .iter()
        .map(|l| (l.participant_id.as_str(), l))
        .collect();
    let mut out = Vec::new();
    let mut names_only_here = 0usize;
    for r in &rt.legs {
        let Some(a) = an_by.get(r.participant_id.as_str()) else {
            continue;
        };
        if let Some(d) = time(r, a) {
            out.push(d);
        }
        if let Some(d) = holds(r, a) {
            out.push(d);
        }
        if let Some(d) = wrapup_only_in_analytics(r, a) {
            out.push(d);
        }
        let named_here = r.wrapup.as_ref().is_some_and(|w| w.name.is_some());
        if named_here && a.wrapup.as_ref().is_some_and(|w| w.code.is_some()) {
            names_only_here += 1;
        }
    }
    if names_only_here > 0 {
        out.push(Disagreement {
            topic: Topic::Wrapup,
            severity: Severity::Note,
            title: "Wrap-up names only in the Conversations API".to_owned(),
            realtime: format!("code and name (`wrapup.code`, `wrapup.name`) for {names_only_here} participant(s)"),
            analytics: "the code only (`wrapUpCode`), no name".to_owned(),
            why: vec![
                Claim::new("The Conversations API's `Wrapup` carries `code`, `name`, `notes` and `durationSeconds`.", sources::WRAPUP_MODEL),
                Claim::new("An analytics segment carries `wrapUpCode`, `wrapUpNote` and `wrapUpTags` — no name.", sources::ANALYTICS_MODEL),
            ],
        });
    }
    out
}

fn span(l: &Leg) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    Some((l.start?, l.end?))
}

/// Participant time: the Conversations API's `startTime`→`endTime` vs analytics' first segment
/// start → last segment end. Only when both sides have ended the participant.
fn time(r: &Leg, a: &Leg) -> Option<Disagreement> {
    let (rs, re) = span(r)?;
    let (as_, ae) = span(a)?;
    let (rt_ms, an_ms) = (between_ms(rs, re), between_ms(as_, ae));
    if (rt_ms - an_ms).abs() < SAME_TIME_MS {
        return None;
    }
    let acw = a
        .wrapup
        .as_ref()
        .and_then(|w| Some(between_ms(w.start?, w.end?)))
        .filter(|_| ae > re);
    let mut why = Vec::new();
    let analytics_text = match acw {
        Some(acw) => {
            why.push(Claim::new(
                format!("Analytics counts after-call work: {}'s last analytics segment is the `wrapup` segment ({}), so its time runs to the end of the wrap-up.", r.label, human_ms(acw)),
                sources::ANALYTICS_MODEL,
            ));
            why.push(Claim::new(
                "In the Conversations API a participant's `endTime` is when its communication disconnected; the after-call work is reported beside it (`startAcwTime`, `endAcwTime`, `wrapup.durationSeconds`).",
                sources::PARTICIPANT_MODEL,
            ));
            why.push(Claim::new(
                "Analytics handle time counts it too: per session `tHandle = tTalkComplete + tHeldComplete + tAcw + tDialing + tContacting`.",
                sources::SESSION_METRICS,
            ));
            format!(
                "{} (first `segmentStart` → last `segmentEnd`, {} of wrap-up included)",
                human_ms(an_ms),
                human_ms(acw)
            )
        }
        None => {
            why.push(Claim::new(
                "The two APIs time a participant differently: the Conversations API from `startTime` to `endTime`, analytics from its first `segmentStart` to its last `segmentEnd`. Compare the segments in the Timeline tab to see which part differs.",
                sources::ANALYTICS_MODEL,
            ));
            format!(
                "{} (first `segmentStart` → last `segmentEnd`)",
                human_ms(an_ms)
            )
        }
    };
    Some(Disagreement {
        topic: Topic::ParticipantTime,
        severity: Severity::Differs,
        title: format!(
            "{}: {} in the Conversations API, {} in analytics",
            r.label,
            human_ms(rt_ms),
            human_ms(an_ms)
        ),
        realtime: format!(
            "{} (`startTime` → `endTime`, ends at disconnect)",
            human_ms(rt_ms)
        ),
        analytics: analytics_text,
        why,
    })
}

fn holds(r: &Leg, a: &Leg) -> Option<Disagreement> {
    let (rn, an) = (r.holds()?, a.holds()?);
    if rn == an {
        return None;
    }
    let mut why = vec![Claim::new(
        "The Conversations API lists every hold as a `hold` segment of the communication; `held`/`startHoldTime` only describe the current one.",
        sources::CALL_MODEL,
    )];
    why.push(if an < rn {
        Claim::new(
            "Analytics adds a `hold` segment as it processes the call, so a recent hold can be missing for a while; how long is not documented (UNVERIFIED).",
            sources::ANALYTICS_LAG,
        )
    } else {
        Claim::new(
            "Analytics has a hold the Conversations API does not list; the sides recorded different segments (UNVERIFIED why).",
            sources::ANALYTICS_LAG,
        )
    });
    Some(Disagreement {
        topic: Topic::Holds,
        severity: Severity::Differs,
        title: format!(
            "Holds on {}'s leg: {rn} in the Conversations API, {an} in analytics",
            r.label
        ),
        realtime: format!("{rn} `hold` segment(s)"),
        analytics: format!("{an} `hold` segment(s)"),
        why,
    })
}

fn wrapup_only_in_analytics(r: &Leg, a: &Leg) -> Option<Disagreement> {
    let code = a.wrapup.as_ref()?.code.as_deref()?;
    if r.wrapup.as_ref().is_some_and(|w| w.code.is_some()) {
        return None;
    }
    Some(Disagreement {
        topic: Topic::Wrapup,
        severity: Severity::Differs,
        title: format!("Wrap-up code for {} only in analytics", r.label),
        realtime: "no `wrapup` on the participant or its communications".to_owned(),
        analytics: format!("`wrapUpCode` {code}"),
        why: vec![Claim::new(
            "Analytics keeps the wrap-up as a `wrapup` segment; the Conversations API shows it as `wrapup` once the agent has chosen it. Why one side lacks it here is not documented (UNVERIFIED).",
            sources::ANALYTICS_LAG,
        )],
    })
}
