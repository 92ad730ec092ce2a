//! A short human label of where a conversation's story is at an instant (for the UI picker).

use crate::org::Timing;
use crate::timeline::{Conv, Media, Role, SegKind, Time};

/// "in IVR", "waiting in queue", "ringing agent", "on hold", "wrap-up", "ended", ...
#[must_use]
pub fn phase(c: &Conv, now: Time, timing: &Timing) -> String {
    if now < c.start() {
        return "not started yet".to_owned();
    }
    if now < c.end() {
        return live_phase(c, now).to_owned();
    }
    let purged = crate::realtime::is_purged(c, now, timing.retention);
    let label = if timing.past_analytics_retention(c, now) {
        if purged {
            "ended; past analytics retention (gone from both APIs)"
        } else {
            "ended; past analytics retention (real-time only)"
        }
    } else if now < c.acw_end() {
        "wrap-up"
    } else if now < analytics_complete_at(c, timing) {
        "ended; analytics catching up"
    } else if purged {
        "ended; real-time record purged (analytics only)"
    } else {
        "ended"
    };
    label.to_owned()
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

fn live_phase(c: &Conv, now: Time) -> &'static str {
    let mut best: (u8, &'static str) = (0, "connected");
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
                best = candidate;
            }
        }
    }
    best.1
}
