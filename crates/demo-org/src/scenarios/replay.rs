//! A scenario played again from another instant: the same story, shifted in time, under fresh
//! ids (conversation, participants, communications, transfers), so both APIs serve it as a new
//! conversation. Directory ids (users, queues, wrap-up codes, flows, campaign) stay: the same
//! agents work in the same queues.

use crate::ids::stable_uuid;
use crate::timeline::{Conv, Time};
use std::collections::HashMap;

/// `conv` replayed to start at `start`, every conversation-owned id derived from `ns`
/// (same `ns` → same ids, so a run's ids are deterministic).
#[must_use]
pub fn replay(conv: &Conv, ns: &str, start: Time) -> Conv {
    let shift = start - conv.start();
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut fresh = |old: &mut String| {
        let new = ids
            .entry(old.clone())
            .or_insert_with(|| stable_uuid(ns, old))
            .clone();
        *old = new;
    };
    let mut c = conv.clone();
    fresh(&mut c.id);
    for p in &mut c.parties {
        fresh(&mut p.id);
        for s in &mut p.sessions {
            fresh(&mut s.id);
        }
    }
    for t in &mut c.transfers {
        fresh(&mut t.id);
        t.at += shift;
    }
    // References point at participants or communications renamed above.
    let renamed = |old: &mut Option<String>| {
        if let Some(new) = old.as_ref().and_then(|o| ids.get(o)) {
            *old = Some(new.clone());
        }
    };
    c.conference_start = c.conference_start.map(|t| t + shift);
    for p in &mut c.parties {
        renamed(&mut p.consult_participant_id);
        for s in &mut p.sessions {
            renamed(&mut s.peer_id);
            for g in &mut s.segs {
                g.start += shift;
                g.end += shift;
            }
            let d = &mut s.detail;
            d.callback_scheduled = d.callback_scheduled.map(|t| t + shift);
            d.message_times.iter_mut().for_each(|t| *t += shift);
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::Org;
    use crate::scenarios::phase;
    use crate::timing::Timing;
    use chrono::Duration;

    fn org() -> Org {
        let at =
            model::time::from_wire("2026-05-20T12:00:00.000Z").unwrap_or_else(|e| panic!("{e}"));
        Org::new(&crate::DemoConfig {
            frozen_at: Some(at),
            synthetic_conversations: 10,
            ..crate::DemoConfig::default()
        })
    }

    fn all_ids(c: &Conv) -> Vec<String> {
        let mut v = vec![c.id.clone()];
        for p in &c.parties {
            v.push(p.id.clone());
            v.extend(p.sessions.iter().map(|s| s.id.clone()));
        }
        v.extend(c.transfers.iter().map(|t| t.id.clone()));
        v
    }

    #[test]
    fn a_replay_is_the_same_story_shifted_under_fresh_ids() {
        let org = org();
        let timing: &Timing = org.timing();
        for s in org.all_scenarios() {
            let start = org.now() + Duration::minutes(7);
            let r = replay(&s.conv, "run-test", start);
            assert_eq!(r.start(), start, "{}", s.id);
            let shift = start - s.conv.start();
            assert_eq!(r.end(), s.conv.end() + shift, "{}", s.id);
            assert_eq!(r.acw_end(), s.conv.acw_end() + shift, "{}", s.id);
            let (old, new) = (all_ids(&s.conv), all_ids(&r));
            assert!(
                new.iter().all(|id| !old.contains(id)),
                "{}: every id is fresh",
                s.id
            );
            assert_eq!(r, replay(&s.conv, "run-test", start), "deterministic");
            // Every reference points inside the replayed conversation.
            for p in &r.parties {
                for sess in &p.sessions {
                    if let Some(peer) = &sess.peer_id {
                        assert!(new.contains(peer), "{}: peer {peer}", s.id);
                    }
                }
            }
            // Phase by phase, the replay is where the original was at the same offset.
            let mut at = s.conv.start();
            while at < s.conv.end() + Duration::minutes(10) {
                assert_eq!(
                    phase(&r, at + shift, timing).label,
                    phase(&s.conv, at, timing).label,
                    "{} at +{}",
                    s.id,
                    at - s.conv.start()
                );
                at += Duration::seconds(7);
            }
        }
    }
}
