//! Where a conversation's story is at an instant (for the UI picker): a stable `name`, a short
//! human `label` and `until`, the instant this phase ends by itself.

use crate::timeline::{Conv, Media, Role, SegKind, Time};
use crate::timing::Timing;
use serde::Serialize;

/// The phase of one conversation at an instant (`phase` in `GET /demo/scenarios`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phase {
    /// Stable key: `not-started`, `live`, `wrap-up`, `analytics-catching-up`, `ended`,
    /// `realtime-purged`, `past-analytics-retention`.
    pub name: &'static str,
    /// "in IVR", "waiting in queue", "on hold", "wrap-up", "ended", ...
    pub label: &'static str,
    /// When this phase ends by itself (ISO-8601, ms); absent when it never does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

impl Phase {
    fn new(name: &'static str, label: &'static str, until: Option<Time>) -> Self {
        Self {
            name,
            label,
            until: until.map(|t| model::time::to_wire(&t)),
        }
    }
}

/// The phase of `c` at `now`.
#[must_use]
pub fn phase(c: &Conv, now: Time, timing: &Timing) -> Phase {
    if now < c.start() {
        return Phase::new("not-started", "not started yet", Some(c.start()));
    }
    if now < c.end() {
        let (label, until) = live_phase(c, now);
        return Phase::new("live", label, Some(until.min(c.end())));
    }
    let purge_at = c.end() + timing.retention;
    let purged = now >= purge_at;
    let drop_at = timing.analytics_retention.map(|r| c.start() + r);
    if timing.past_analytics_retention(c, now) {
        let label = if purged {
            "ended; past analytics retention (gone from both APIs)"
        } else {
            "ended; past analytics retention (real-time only)"
        };
        return Phase::new(
            "past-analytics-retention",
            label,
            (!purged).then_some(purge_at),
        );
    }
    let complete_at = analytics_complete_at(c, timing);
    if now < c.acw_end() {
        Phase::new("wrap-up", "wrap-up", Some(c.acw_end()))
    } else if now < complete_at {
        Phase::new(
            "analytics-catching-up",
            "ended; analytics catching up",
            Some(complete_at),
        )
    } else if purged {
        Phase::new(
            "realtime-purged",
            "ended; real-time record purged (analytics only)",
            drop_at,
        )
    } else {
        let until = drop_at.map_or(purge_at, |d| d.min(purge_at));
        Phase::new("ended", "ended", Some(until))
    }
}

/// When the analytics record is final (wrap-up included).
#[must_use]
pub fn analytics_complete_at(c: &Conv, timing: &Timing) -> Time {
    let has_wrap = c.sessions().any(|s| s.wrap.is_some());
    let base = c.end().max(c.acw_end()) + timing.lags.analytics;
    if has_wrap {
        base + timing.lags.wrapup
    } else {
        base
    }
}

/// The most telling thing going on at `now`, and when the segment that says so ends.
fn live_phase(c: &Conv, now: Time) -> (&'static str, Time) {
    let mut best: (u8, &'static str, Time) = (0, "connected", c.end());
    let media = c.media();
    for p in &c.parties {
        for s in &p.sessions {
            let Some(g) = s.segs.iter().find(|g| g.start <= now && now < g.end) else {
                continue;
            };
            let candidate = match (p.role, g.kind) {
                (Role::Agent, SegKind::Hold) => (9, "on hold"),
                (Role::Agent | Role::External, SegKind::Interact) if g.conference => {
                    (8, "in conference")
                }
                (Role::Agent, SegKind::Interact) => match media {
                    Media::Message => (7, "messaging with an agent"),
                    Media::Email => (7, "agent working on the email"),
                    Media::Voice | Media::Callback => (7, "talking to an agent"),
                },
                (Role::Agent, SegKind::Alert) => (6, "ringing agent"),
                (_, SegKind::Dialing) => (6, "dialing"),
                (_, SegKind::Contacting) => (6, "contacting customer"),
                (Role::Acd, _) => (5, "waiting in queue"),
                (_, SegKind::Voicemail) => (5, "leaving a voicemail"),
                (Role::Ivr, _) => (4, "in IVR"),
                (_, SegKind::Scheduled) => (3, "callback scheduled"),
                _ => (1, "connected"),
            };
            if candidate.0 > best.0 {
                best = (candidate.0, candidate.1, g.end);
            }
        }
    }
    (best.1, best.2)
}
