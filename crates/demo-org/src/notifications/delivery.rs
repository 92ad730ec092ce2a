//! The small task that turns the pure event schedule ([`super::schedule`]) into frames: every
//! tick it reads the demo clock, pushes the changes of `[last tick, now)` to the channels
//! subscribed to their topics (in time order), and expires channels whose time is up.
//!
//! Driven by the demo clock, not by timers per event: moving a frozen clock
//! (`POST /demo/clock`) delivers everything in between at the next tick, so tests never sleep
//! through a call. The task holds only weak references and ends when the org is dropped.

use super::envelope;
use super::hub::Notifications;
use super::schedule::{Change, changes_in};
use super::topics::Topic;
use crate::clock::Clock;
use crate::timeline::Time;
use crate::view::OrgView;
use std::collections::BTreeSet;
use std::sync::{Arc, Weak};

/// Every event of the org's live conversations in `[from, to)` for the `wanted` topics, in time
/// order: `(topic, envelope text)`. Pure apart from the envelopes' fresh correlation ids.
#[must_use]
pub fn frames_between(
    org: &dyn OrgView,
    from: Time,
    to: Time,
    retention: chrono::Duration,
    wanted: &BTreeSet<Topic>,
) -> Vec<(Topic, Arc<str>)> {
    let mut changes: Vec<Change> = org
        .timelines_active_in(from, to)
        .iter()
        .flat_map(|c| changes_in(c, from, to, retention))
        .collect();
    changes.sort_by_key(|c| c.at);
    changes
        .into_iter()
        .flat_map(|c| {
            c.topics
                .intersection(wanted)
                .map(|t| (t.clone(), Arc::from(envelope::event(&t.name(), &c.body))))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Start the delivery task (once per org; later calls do nothing).
pub fn ensure_running(
    hub: &Arc<Notifications>,
    org: &Arc<dyn OrgView>,
    clock: &Clock,
    retention: chrono::Duration,
) {
    if hub.delivery_started() {
        return;
    }
    let hub = Arc::downgrade(hub);
    let org = Arc::downgrade(org);
    let clock = clock.clone();
    tokio::spawn(run(hub, org, clock, retention));
}

async fn run(
    hub: Weak<Notifications>,
    org: Weak<dyn OrgView>,
    clock: Clock,
    retention: chrono::Duration,
) {
    let Some(tick) = hub.upgrade().map(|h| h.cfg.tick) else {
        return;
    };
    let mut interval = tokio::time::interval(tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last = clock.now();
    loop {
        interval.tick().await;
        let (Some(hub), Some(org)) = (hub.upgrade(), org.upgrade()) else {
            return;
        };
        let now = clock.now();
        if now < last {
            // A frozen clock was set back: start over from there, replaying nothing.
            last = now;
            continue;
        }
        let closing: Arc<str> = Arc::from(envelope::socket_closing(
            "The channel expired. Create a new channel and subscribe again.",
        ));
        hub.channels.expire(now, &closing);
        let wanted = hub.channels.subscribed();
        if now > last && !wanted.is_empty() {
            // Building views is CPU work; keep it off the async workers.
            let frames = tokio::task::spawn_blocking(move || {
                frames_between(org.as_ref(), last, now, retention, &wanted)
            })
            .await
            .unwrap_or_default();
            for (topic, text) in &frames {
                hub.channels.publish(topic, text);
            }
        }
        last = now;
    }
}
