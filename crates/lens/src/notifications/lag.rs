//! One time axis for the three sources — event received, snapshot fetched, analytics record —
//! and how far behind each was: "the analytics record showed the hold 6.2 s after the event".
//!
//! Each source is reduced to the *milestones* it shows (alerting, connected, on hold, ended,
//! wrap-up). A milestone's lag is when a source first showed it minus when the first event that
//! showed it was received, all on the browser's clock (passed in).

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// Something that happens on a call that every source can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Milestone {
    Alerting,
    Connected,
    Held,
    Ended,
    WrapUp,
}

impl Milestone {
    /// As the sentence says it: "showed *the hold*".
    #[must_use]
    pub const fn phrase(self) -> &'static str {
        match self {
            Self::Alerting => "the agent's phone ringing",
            Self::Connected => "the agent connected",
            Self::Held => "the hold",
            Self::Ended => "the end of the call",
            Self::WrapUp => "the wrap-up code",
        }
    }
}

/// The three ways to read a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source3 {
    /// A notification event, when the browser received it.
    Event,
    /// `GET /api/v2/conversations/{id}`, when its answer arrived.
    Snapshot,
    /// `GET /api/v2/analytics/conversations/{id}/details`, when its answer arrived.
    Record,
}

impl Source3 {
    pub const ALL: [Self; 3] = [Self::Event, Self::Snapshot, Self::Record];

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Event => "event received",
            Self::Snapshot => "snapshot fetched",
            Self::Record => "analytics record",
        }
    }

    /// The subject of a lag sentence.
    #[must_use]
    pub const fn subject(self) -> &'static str {
        match self {
            Self::Event => "the event",
            Self::Snapshot => "the Conversations API snapshot",
            Self::Record => "the analytics record",
        }
    }
}

fn array<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Milestones of a live-shaped body: a `v2.users/queues…conversations` event body or a
/// Conversations API snapshot (both: `participants[].calls[]` with `state`, `held`; `wrapup`).
#[must_use]
pub fn of_live(body: &Value) -> BTreeSet<Milestone> {
    let mut out = BTreeSet::new();
    for p in array(body, "participants") {
        let agent = str_of(p, "purpose").is_some_and(|x| x == "agent" || x == "user");
        if p.get("wrapup").is_some_and(|w| !w.is_null()) {
            out.insert(Milestone::WrapUp);
        }
        for c in array(p, "calls") {
            let state = str_of(c, "state").unwrap_or("");
            if agent && state == "alerting" {
                out.insert(Milestone::Alerting);
            }
            if agent && matches!(state, "connected" | "disconnected" | "terminated") {
                out.insert(Milestone::Connected);
            }
            if c.get("held").and_then(Value::as_bool) == Some(true) {
                out.insert(Milestone::Held);
            }
            if agent && matches!(state, "disconnected" | "terminated") {
                out.insert(Milestone::Ended);
            }
        }
    }
    if str_of(body, "endTime").is_some() {
        out.insert(Milestone::Ended);
    }
    out
}

/// Milestones of an analytics record (`participants[].sessions[].segments[].segmentType`,
/// `conversationEnd`). A past hold stays shown: the record keeps its `hold` segment.
#[must_use]
pub fn of_record(body: &Value) -> BTreeSet<Milestone> {
    let mut out = BTreeSet::new();
    for p in array(body, "participants") {
        let agent = str_of(p, "purpose").is_some_and(|x| x == "agent" || x == "user");
        for s in array(p, "sessions") {
            for seg in array(s, "segments") {
                match str_of(seg, "segmentType").unwrap_or("") {
                    "alert" if agent => {
                        out.insert(Milestone::Alerting);
                    }
                    "interact" if agent => {
                        out.insert(Milestone::Connected);
                    }
                    "hold" => {
                        out.insert(Milestone::Held);
                    }
                    "wrapup" if str_of(seg, "wrapUpCode").is_some() => {
                        out.insert(Milestone::WrapUp);
                    }
                    _ => {}
                }
            }
        }
    }
    if str_of(body, "conversationEnd").is_some() {
        out.insert(Milestone::Ended);
    }
    out
}

/// What one source showed at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub source: Source3,
    pub at: DateTime<Utc>,
    pub shows: BTreeSet<Milestone>,
}

/// How far one source was from the event for one milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Gap {
    /// First shown this many milliseconds after the event arrived.
    After { ms: i64 },
    /// Already shown this many milliseconds before the event arrived.
    Before { ms: i64 },
    /// Not shown by any answer fetched since.
    NotYet,
}

/// One milestone the event stream showed, and when the other two sources showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lag {
    pub milestone: Milestone,
    pub event_at: DateTime<Utc>,
    pub snapshot: Gap,
    pub record: Gap,
}

fn seconds(ms: i64) -> String {
    format!("{:.1} s", ms as f64 / 1000.0)
}

impl Lag {
    /// "the analytics record showed the hold 6.2 s after the event".
    #[must_use]
    pub fn sentence(&self, source: Source3) -> String {
        let gap = match source {
            Source3::Snapshot => self.snapshot,
            Source3::Record => self.record,
            Source3::Event => return format!("the event showed {}", self.milestone.phrase()),
        };
        let (subject, what) = (source.subject(), self.milestone.phrase());
        match gap {
            Gap::After { ms } => format!("{subject} showed {what} {} after the event", seconds(ms)),
            Gap::Before { ms } => format!(
                "{subject} already showed {what} {} before the event arrived",
                seconds(ms)
            ),
            Gap::NotYet => format!("{subject} does not show {what} yet"),
        }
    }
}

/// A point on the axis, placed between the first and last observation (0.0 … 1.0).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mark {
    pub source: Source3,
    pub at: DateTime<Utc>,
    pub offset: f64,
    /// Milestones this observation showed for the first time from its source.
    pub new: Vec<Milestone>,
}

/// Observations of all three sources, in arrival order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TimeAxis {
    observations: Vec<Observation>,
}

/// Observations kept (a long call polled on every event stays bounded; the oldest go first but
/// the first sighting of each milestone per source is what lags use, and those are kept).
pub const MAX_OBSERVATIONS: usize = 600;

impl TimeAxis {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Records what `source` showed at `at` (an event body, a snapshot or a record body).
    pub fn observe(&mut self, source: Source3, at: DateTime<Utc>, body: &Value) {
        let shows = match source {
            Source3::Event | Source3::Snapshot => of_live(body),
            Source3::Record => of_record(body),
        };
        self.observations.push(Observation { source, at, shows });
        if self.observations.len() > MAX_OBSERVATIONS {
            // Drop the oldest observation that introduced nothing new for its source.
            let firsts = self.first_sightings();
            if let Some(i) = (0..self.observations.len()).find(|i| !firsts.contains(i)) {
                self.observations.remove(i);
            }
        }
    }

    #[must_use]
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// Indexes of observations that showed a milestone first for their source.
    fn first_sightings(&self) -> BTreeSet<usize> {
        let mut seen: BTreeSet<(Source3, Milestone)> = BTreeSet::new();
        let mut out = BTreeSet::new();
        for (i, o) in self.observations.iter().enumerate() {
            for m in &o.shows {
                if seen.insert((o.source, *m)) {
                    out.insert(i);
                }
            }
        }
        out
    }

    /// When `source` first showed `milestone`.
    #[must_use]
    pub fn first_seen(&self, source: Source3, milestone: Milestone) -> Option<DateTime<Utc>> {
        self.observations
            .iter()
            .filter(|o| o.source == source && o.shows.contains(&milestone))
            .map(|o| o.at)
            .min()
    }

    /// Every milestone the events showed, with the other sources' gaps, in milestone order.
    #[must_use]
    pub fn lags(&self) -> Vec<Lag> {
        let event_milestones: BTreeSet<Milestone> = self
            .observations
            .iter()
            .filter(|o| o.source == Source3::Event)
            .flat_map(|o| o.shows.iter().copied())
            .collect();
        event_milestones
            .into_iter()
            .filter_map(|m| {
                let event_at = self.first_seen(Source3::Event, m)?;
                let gap = |s: Source3| match self.first_seen(s, m) {
                    Some(t) if t >= event_at => Gap::After {
                        ms: (t - event_at).num_milliseconds(),
                    },
                    Some(t) => Gap::Before {
                        ms: (event_at - t).num_milliseconds(),
                    },
                    None => Gap::NotYet,
                };
                Some(Lag {
                    milestone: m,
                    event_at,
                    snapshot: gap(Source3::Snapshot),
                    record: gap(Source3::Record),
                })
            })
            .collect()
    }

    /// The points to draw: every observation placed on one axis from the first to the last.
    #[must_use]
    pub fn marks(&self) -> Vec<Mark> {
        let (Some(first), Some(last)) = (
            self.observations.iter().map(|o| o.at).min(),
            self.observations.iter().map(|o| o.at).max(),
        ) else {
            return Vec::new();
        };
        let span = (last - first).num_milliseconds().max(1) as f64;
        let mut seen: BTreeSet<(Source3, Milestone)> = BTreeSet::new();
        self.observations
            .iter()
            .map(|o| Mark {
                source: o.source,
                at: o.at,
                offset: (o.at - first).num_milliseconds() as f64 / span,
                new: o
                    .shows
                    .iter()
                    .copied()
                    .filter(|m| seen.insert((o.source, *m)))
                    .collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;
    use serde_json::json;

    fn t(ms: i64) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(1_800_000_000_000 + ms)
            .single()
            .expect("time")
    }

    fn live(state: &str, held: bool) -> Value {
        json!({"participants": [
            {"purpose": "customer", "calls": [{"state": "connected"}]},
            {"purpose": "agent", "calls": [{"state": state, "held": held}]}
        ]})
    }

    #[test]
    fn live_bodies_and_records_name_the_same_milestones() {
        assert_eq!(
            of_live(&live("alerting", false)),
            BTreeSet::from([Milestone::Alerting])
        );
        assert_eq!(
            of_live(&live("connected", true)),
            BTreeSet::from([Milestone::Connected, Milestone::Held])
        );
        let record = json!({"conversationEnd": "2026-01-01T00:00:00Z", "participants": [
            {"purpose": "agent", "sessions": [{"segments": [
                {"segmentType": "alert"}, {"segmentType": "interact"}, {"segmentType": "hold"},
                {"segmentType": "wrapup", "wrapUpCode": "c1"}
            ]}]}
        ]});
        assert_eq!(of_record(&record).len(), 5);
        assert!(of_live(&json!("garbage")).is_empty());
        assert!(of_record(&json!({"participants": "x"})).is_empty());
    }

    #[test]
    fn the_hold_is_measured_from_the_event_to_each_source() {
        let mut axis = TimeAxis::new();
        axis.observe(Source3::Snapshot, t(0), &live("connected", false));
        axis.observe(Source3::Event, t(1_000), &live("connected", true));
        axis.observe(Source3::Snapshot, t(1_300), &live("connected", true));
        axis.observe(Source3::Record, t(1_400), &json!({"participants": []}));
        axis.observe(
            Source3::Record,
            t(7_200),
            &json!({"participants": [{"purpose": "agent", "sessions": [{"segments": [{"segmentType": "hold"}]}]}]}),
        );
        let lags = axis.lags();
        let hold = lags
            .iter()
            .find(|l| l.milestone == Milestone::Held)
            .expect("hold");
        assert_eq!(hold.snapshot, Gap::After { ms: 300 });
        assert_eq!(hold.record, Gap::After { ms: 6_200 });
        assert_eq!(
            hold.sentence(Source3::Record),
            "the analytics record showed the hold 6.2 s after the event"
        );
        // The snapshot fetched before the event already showed the agent connected.
        let connected = lags
            .iter()
            .find(|l| l.milestone == Milestone::Connected)
            .expect("connected");
        assert_eq!(connected.snapshot, Gap::Before { ms: 1_000 });
        assert_eq!(connected.record, Gap::NotYet);
        assert_eq!(
            connected.sentence(Source3::Record),
            "the analytics record does not show the agent connected yet"
        );
        let marks = axis.marks();
        assert_eq!(marks.len(), 5);
        assert!((marks[0].offset - 0.0).abs() < f64::EPSILON);
        assert!((marks[4].offset - 1.0).abs() < f64::EPSILON);
        assert_eq!(marks[4].new, vec![Milestone::Held]);
    }

    #[test]
    fn the_axis_stays_bounded_and_keeps_first_sightings() {
        let mut axis = TimeAxis::new();
        axis.observe(Source3::Event, t(0), &live("connected", true));
        for i in 1..(MAX_OBSERVATIONS as i64 + 50) {
            axis.observe(Source3::Snapshot, t(i), &live("connected", false));
        }
        assert!(axis.observations().len() <= MAX_OBSERVATIONS);
        assert_eq!(axis.first_seen(Source3::Event, Milestone::Held), Some(t(0)));
        assert_eq!(
            axis.first_seen(Source3::Snapshot, Milestone::Connected),
            Some(t(1))
        );
        assert!(TimeAxis::new().marks().is_empty());
    }
}
