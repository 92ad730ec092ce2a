//! "Timeline": one lane per participant with the real-time communication spans (from the
//! Conversations API timestamps) and the analytics segments overlaid, plus the pure geometry the
//! SVG view needs (time → x for a width and zoom window, ticks, visible-span culling), so the view
//! only draws rectangles.
//!
//! Times are epoch milliseconds (`i64`) in the model and `f64` in the geometry.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde::Serialize;

use crate::comms;
use crate::duration::human_ms;

/// Which API a span comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Layer {
    /// Spans derived from a communication's timestamps (`startAlertingTime`, `connectedTime`, …).
    Realtime,
    /// A communication's own `segments[]` in the Conversations API (`type` is a free string).
    RealtimeSegment,
    /// Analytics `segments[]` (`segmentType` enum).
    Analytics,
}

/// One bar on a lane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub layer: Layer,
    /// Real-time: `alerting`, `connected`, `held`, `acw`, `present`; analytics: the `segmentType`.
    pub kind: String,
    pub start_ms: i64,
    pub end_ms: i64,
    /// Still running: `end_ms` is "now".
    pub open: bool,
    /// Hover text: what, when, how long, and the interesting attributes.
    pub detail: String,
    /// JSON path of the source object inside the conversation body.
    pub path: String,
}

/// One participant's lane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lane {
    pub participant_id: String,
    pub label: String,
    pub purpose: Option<String>,
    /// Sorted by start.
    pub realtime: Vec<Span>,
    /// The Conversations API communications' `segments[]`, sorted by start.
    pub realtime_segments: Vec<Span>,
    /// Sorted by start.
    pub analytics: Vec<Span>,
}

impl Lane {
    /// Every span of the lane, all layers.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        self.realtime
            .iter()
            .chain(&self.realtime_segments)
            .chain(&self.analytics)
    }
}

/// A legend entry for a kind that appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegendEntry {
    pub layer: Layer,
    pub kind: String,
    pub description: &'static str,
    pub css_class: String,
}

/// Everything the timeline view draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub start_ms: i64,
    pub end_ms: i64,
    /// The "now" line, while live.
    pub now_ms: Option<i64>,
    pub live: bool,
    pub lanes: Vec<Lane>,
    pub legend: Vec<LegendEntry>,
    pub span_count: usize,
}

/// CSS class for a span kind (the view maps these to a colour-blind-safe palette).
#[must_use]
pub fn css_class(layer: Layer, kind: &str) -> String {
    let k: String = kind
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    match layer {
        Layer::Realtime => format!("tl-rt-{k}"),
        Layer::RealtimeSegment => format!("tl-rtseg-{k}"),
        Layer::Analytics => format!("tl-seg-{k}"),
    }
}

fn describe(layer: Layer, kind: &str) -> &'static str {
    match (layer, kind) {
        (Layer::Realtime, "alerting") => "Ringing: startAlertingTime → connectedTime",
        (Layer::Realtime, "connected") => "Connected: connectedTime → disconnectedTime",
        (Layer::Realtime, "held") => {
            "On hold now: startHoldTime → now (earlier holds: see segments)"
        }
        (Layer::Realtime, "acw") => "After-call work: startAcwTime → endAcwTime",
        (Layer::Realtime, "present") => "Participant present: startTime → endTime",
        (Layer::RealtimeSegment, _) => {
            "Conversations API communication segment (`segments[].type`)"
        }
        (Layer::Analytics, "ivr") => "IVR flow segment",
        (Layer::Analytics, "alert") => "Alert (ringing) segment",
        (Layer::Analytics, "interact") => "Interact (talking / queue waiting) segment",
        (Layer::Analytics, "hold") => "Hold segment",
        (Layer::Analytics, "wrapup") => "Wrap-up (after-call work) segment",
        (Layer::Analytics, "dialing") => "Dialing segment",
        (Layer::Analytics, "contacting") => "Contacting segment",
        (Layer::Analytics, "voicemail") => "Voicemail segment",
        (Layer::Analytics, "parked") => "Parked segment",
        (Layer::Analytics, "system") => "System segment",
        _ => "Other segment type",
    }
}

fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// `HH:MM:SS.mmm` UTC. Arithmetic instead of `strftime`: it runs for every span (thousands).
fn clock(t_ms: i64) -> String {
    let day_ms = t_ms.rem_euclid(86_400_000);
    let (h, rest) = (day_ms / 3_600_000, day_ms % 3_600_000);
    let (m, rest) = (rest / 60_000, rest % 60_000);
    format!("{h:02}:{m:02}:{:02}.{:03}", rest / 1_000, rest % 1_000)
}

#[allow(clippy::too_many_arguments)]
fn span(
    layer: Layer,
    kind: &str,
    start: i64,
    end: Option<i64>,
    now: i64,
    extra: &str,
    path: String,
) -> Span {
    let (end_ms, open) = match end {
        Some(e) => (e.max(start), false),
        None => (now.max(start), true),
    };
    let how_long = human_ms(end_ms - start);
    let until = if open {
        "now (open)".to_owned()
    } else {
        clock(end_ms)
    };
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(" · {extra}")
    };
    Span {
        layer,
        kind: kind.to_owned(),
        start_ms: start,
        end_ms,
        open,
        detail: format!("{kind} · {} → {until} ({how_long}){extra}", clock(start)),
        path,
    }
}

#[derive(Default)]
struct LaneAcc {
    label: String,
    purpose: Option<String>,
    realtime: Vec<Span>,
    realtime_segments: Vec<Span>,
    analytics: Vec<Span>,
}

fn realtime_spans(c: &Conversation, now: i64, lanes: &mut BTreeMap<String, LaneAcc>) {
    for (pi, p) in c
        .participants
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let id = p.id.clone().unwrap_or_else(|| format!("participant {pi}"));
        let lane = lanes.entry(id).or_default();
        lane.label = p
            .name
            .clone()
            .or_else(|| p.purpose.clone())
            .unwrap_or_else(|| "participant".to_owned());
        lane.purpose.clone_from(&p.purpose);
        let base = format!("participants[{pi}]");
        let cs = comms::of(p);
        let mut any_timed = false;
        for cm in &cs {
            let path = format!("{base}.{}", cm.path());
            let extra = [
                cm.state.map(|s| format!("state {s}")),
                cm.disconnect_type.map(|d| format!("disconnect {d}")),
                p.queue_name.as_ref().map(|q| format!("queue {q}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let connected = cm.connected.map(ms);
            let disconnected = cm.disconnected.map(ms);
            if let Some(a) = cm.start_alerting.map(ms) {
                any_timed = true;
                let end = connected
                    .or(disconnected)
                    .or_else(|| (!cm.is_active()).then_some(a));
                lane.realtime.push(span(
                    Layer::Realtime,
                    "alerting",
                    a,
                    end,
                    now,
                    cm.media_type,
                    path.clone(),
                ));
            }
            if let Some(cn) = connected {
                any_timed = true;
                let end = disconnected.or_else(|| (!cm.is_active()).then_some(cn));
                lane.realtime.push(span(
                    Layer::Realtime,
                    "connected",
                    cn,
                    end,
                    now,
                    &extra,
                    path.clone(),
                ));
            }
            if cm.held == Some(true)
                && let Some(h) = cm.start_hold.map(ms)
            {
                lane.realtime.push(span(
                    Layer::Realtime,
                    "held",
                    h,
                    None,
                    now,
                    "held: true",
                    path.clone(),
                ));
            }
            for (gi, g) in cm.segments.iter().enumerate() {
                let Some(gs) = g.start_time.map(ms) else {
                    continue;
                };
                // An ended communication's unterminated segment ends with the communication.
                let ge = g
                    .end_time
                    .map(ms)
                    .or_else(|| (!cm.is_active()).then(|| disconnected.unwrap_or(gs)));
                let extra = [g.how_ended.as_deref(), g.disconnect_type.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                lane.realtime_segments.push(span(
                    Layer::RealtimeSegment,
                    g.type_.as_deref().unwrap_or("segment"),
                    gs,
                    ge,
                    now,
                    &extra,
                    format!("{path}.segments[{gi}]"),
                ));
            }
            if p.start_acw_time.is_none()
                && let Some(acw) = cm.after_call_work
                && let Some(s) = acw.start_time.map(ms)
            {
                let state = acw
                    .state
                    .as_ref()
                    .map(|s| format!("state {s}"))
                    .unwrap_or_default();
                lane.realtime.push(span(
                    Layer::Realtime,
                    "acw",
                    s,
                    acw.end_time.map(ms),
                    now,
                    &state,
                    format!("{path}.afterCallWork"),
                ));
            }
        }
        if let Some(s) = p.start_acw_time.map(ms) {
            lane.realtime.push(span(
                Layer::Realtime,
                "acw",
                s,
                p.end_acw_time.map(ms),
                now,
                "",
                format!("{base}.startAcwTime"),
            ));
        }
        if !any_timed && let Some(s) = p.start_time.map(ms) {
            lane.realtime.push(span(
                Layer::Realtime,
                "present",
                s,
                p.end_time.map(ms),
                now,
                "",
                base.clone(),
            ));
        }
    }
}

/// Queue id → name, from whatever the bodies say: a Conversations API participant's
/// `queueId` + `queueName`, and an analytics `acd` participant's `participantName` (the queue's
/// name) beside the `queueId` on its segments. Analytics segments carry only the id.
#[must_use]
pub fn queue_names(
    realtime: Option<&Conversation>,
    analytics: Option<&AnalyticsConversationWithoutAttributes>,
) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let named = |n: Option<&String>| n.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    for p in realtime
        .and_then(|c| c.participants.as_deref())
        .unwrap_or_default()
    {
        if let (Some(id), Some(name)) = (p.queue_id.as_ref(), named(p.queue_name.as_ref())) {
            names.insert(id.clone(), name);
        }
    }
    for p in analytics
        .and_then(|a| a.participants.as_deref())
        .unwrap_or_default()
    {
        let acd = p.purpose.as_ref().is_some_and(|x| x.as_str() == "acd");
        let Some(name) = named(p.participant_name.as_ref()).filter(|_| acd) else {
            continue;
        };
        let segments = p
            .sessions
            .iter()
            .flatten()
            .flat_map(|s| s.segments.iter().flatten());
        for g in segments {
            if let Some(q) = &g.queue_id {
                names.entry(q.clone()).or_insert_with(|| name.clone());
            }
        }
    }
    names
}

/// "queue Billing" when the name is known, else "queue" and the id's first 8 characters.
fn queue_text(id: &str, names: &BTreeMap<String, String>) -> String {
    match names.get(id) {
        Some(name) => format!("queue {name}"),
        None => format!("queue {}", crate::participant_label::short_id(id)),
    }
}

fn analytics_spans(
    a: &AnalyticsConversationWithoutAttributes,
    now: i64,
    queues: &BTreeMap<String, String>,
    lanes: &mut BTreeMap<String, LaneAcc>,
) {
    for (pi, p) in a
        .participants
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let id = p
            .participant_id
            .clone()
            .unwrap_or_else(|| format!("participant {pi}"));
        let lane = lanes.entry(id).or_default();
        if lane.label.is_empty() {
            lane.label = p
                .participant_name
                .clone()
                .or_else(|| p.purpose.as_ref().map(|x| x.as_str().to_owned()))
                .unwrap_or_else(|| "participant".to_owned());
        }
        if lane.purpose.is_none() {
            lane.purpose = p.purpose.as_ref().map(|x| x.as_str().to_owned());
        }
        for (si, s) in p.sessions.as_deref().unwrap_or_default().iter().enumerate() {
            let media = s
                .media_type
                .as_ref()
                .map(|m| m.as_str().to_owned())
                .unwrap_or_default();
            for (gi, g) in s.segments.as_deref().unwrap_or_default().iter().enumerate() {
                let Some(start) = g.segment_start.map(ms) else {
                    continue;
                };
                let kind = g.segment_type.as_ref().map_or("unknown", |t| t.as_str());
                let extra = [
                    Some(media.clone()).filter(|m| !m.is_empty()),
                    g.queue_id.as_deref().map(|q| queue_text(q, queues)),
                    g.disconnect_type
                        .as_ref()
                        .map(|d| format!("disconnect {d}")),
                    g.wrap_up_code.as_ref().map(|w| format!("wrap-up {w}")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
                let path = format!("participants[{pi}].sessions[{si}].segments[{gi}]");
                lane.analytics.push(span(
                    Layer::Analytics,
                    kind,
                    start,
                    g.segment_end.map(ms),
                    now,
                    &extra,
                    path,
                ));
            }
        }
    }
}

/// Build the timeline from whatever sides are loaded.
#[must_use]
pub fn build(
    realtime: Option<&Conversation>,
    analytics: Option<&AnalyticsConversationWithoutAttributes>,
    now: DateTime<Utc>,
) -> Timeline {
    let now_ms = ms(now);
    let mut lanes: BTreeMap<String, LaneAcc> = BTreeMap::new();
    if let Some(c) = realtime {
        realtime_spans(c, now_ms, &mut lanes);
    }
    if let Some(a) = analytics {
        analytics_spans(a, now_ms, &queue_names(realtime, analytics), &mut lanes);
    }
    let live = realtime
        .map(|c| c.end_time.is_none())
        .or_else(|| analytics.map(|a| a.conversation_end.is_none()))
        .unwrap_or(false);
    let mut out: Vec<Lane> = lanes
        .into_iter()
        .map(|(participant_id, mut l)| {
            l.realtime.sort_by_key(|s| (s.start_ms, s.end_ms));
            l.realtime_segments.sort_by_key(|s| (s.start_ms, s.end_ms));
            l.analytics.sort_by_key(|s| (s.start_ms, s.end_ms));
            Lane {
                participant_id,
                label: l.label,
                purpose: l.purpose,
                realtime: l.realtime,
                realtime_segments: l.realtime_segments,
                analytics: l.analytics,
            }
        })
        .collect();
    let first = |l: &Lane| l.spans().map(|s| s.start_ms).min().unwrap_or(i64::MAX);
    out.sort_by_cached_key(|l| (first(l), l.participant_id.clone()));
    let all = || out.iter().flat_map(Lane::spans);
    let span_count = all().count();
    let mut start_ms = all().map(|s| s.start_ms).min().unwrap_or(now_ms);
    let mut end_ms = all().map(|s| s.end_ms).max().unwrap_or(now_ms);
    if let Some(s) = realtime
        .and_then(|c| c.start_time)
        .or_else(|| analytics.and_then(|a| a.conversation_start))
    {
        start_ms = start_ms.min(ms(s));
    }
    if live {
        end_ms = end_ms.max(now_ms);
    }
    if end_ms <= start_ms {
        end_ms = start_ms + 1_000;
    }
    let kinds: std::collections::BTreeSet<(Layer, &str)> =
        all().map(|s| (s.layer, s.kind.as_str())).collect();
    let legend = kinds
        .into_iter()
        .map(|(layer, kind)| LegendEntry {
            layer,
            description: describe(layer, kind),
            css_class: css_class(layer, kind),
            kind: kind.to_owned(),
        })
        .collect();
    Timeline {
        start_ms,
        end_ms,
        now_ms: live.then_some(now_ms),
        live,
        lanes: out,
        legend,
        span_count,
    }
}

// ---- geometry --------------------------------------------------------------------------------

/// The visible time range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    pub start_ms: f64,
    pub end_ms: f64,
}

/// Narrowest zoom: 100 ms across the whole width.
pub const MIN_WINDOW_MS: f64 = 100.0;

#[allow(clippy::cast_precision_loss)] // epoch ms fit f64's 53-bit mantissa for millennia
fn f(x: i64) -> f64 {
    x as f64
}

impl Window {
    /// The whole timeline.
    #[must_use]
    pub fn full(t: &Timeline) -> Self {
        Self {
            start_ms: f(t.start_ms),
            end_ms: f(t.end_ms),
        }
    }

    #[must_use]
    pub fn span_ms(&self) -> f64 {
        (self.end_ms - self.start_ms).max(f64::EPSILON)
    }

    /// x (pixels from the left) of a time, for a drawing `width` pixels wide.
    #[must_use]
    pub fn x(&self, t_ms: f64, width: f64) -> f64 {
        (t_ms - self.start_ms) / self.span_ms() * width
    }

    /// The time at pixel `x`.
    #[must_use]
    pub fn t(&self, x: f64, width: f64) -> f64 {
        self.start_ms + x / width.max(f64::EPSILON) * self.span_ms()
    }

    /// Zoom by `factor` (> 1 zooms in) keeping the time at `anchor` (0.0 = left, 1.0 = right)
    /// still, clamped to `bounds` and [`MIN_WINDOW_MS`].
    #[must_use]
    pub fn zoom(&self, factor: f64, anchor: f64, bounds: &Self) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor = if anchor.is_finite() {
            anchor.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let pivot = self.start_ms + anchor * self.span_ms();
        // max/min rather than clamp: clamp panics on NaN or crossed bounds.
        let new_span = (self.span_ms() / factor)
            .max(MIN_WINDOW_MS.min(bounds.span_ms()))
            .min(bounds.span_ms());
        let start = pivot - anchor * new_span;
        Self {
            start_ms: start,
            end_ms: start + new_span,
        }
        .clamp_to(bounds)
    }

    /// Move by `fraction` of the window width (negative = earlier), clamped to `bounds`.
    #[must_use]
    pub fn pan(&self, fraction: f64, bounds: &Self) -> Self {
        let d = if fraction.is_finite() {
            fraction * self.span_ms()
        } else {
            0.0
        };
        Self {
            start_ms: self.start_ms + d,
            end_ms: self.end_ms + d,
        }
        .clamp_to(bounds)
    }

    fn clamp_to(self, b: &Self) -> Self {
        let span = self.span_ms().min(b.span_ms());
        let start = self.start_ms.max(b.start_ms).min(b.end_ms - span);
        Self {
            start_ms: start,
            end_ms: start + span,
        }
    }
}

/// Where to draw a span.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rect {
    pub x: f64,
    pub width: f64,
    /// The span continues beyond the left/right edge.
    pub clipped_left: bool,
    pub clipped_right: bool,
}

/// The rectangle of `span` in `window` at `width` pixels; `None` when it is not visible. Spans
/// are at least 1 px wide so zero-length segments stay visible.
#[must_use]
pub fn rect(span: &Span, window: &Window, width: f64) -> Option<Rect> {
    let (s, e) = (f(span.start_ms), f(span.end_ms));
    if e < window.start_ms || s > window.end_ms {
        return None;
    }
    let x0 = window.x(s.max(window.start_ms), width);
    let x1 = window.x(e.min(window.end_ms), width);
    Some(Rect {
        x: x0,
        width: (x1 - x0).max(1.0),
        clipped_left: s < window.start_ms,
        clipped_right: e > window.end_ms,
    })
}

/// The spans of a start-sorted slice that intersect `window`, found by binary search on the start.
pub fn visible<'a>(spans: &'a [Span], window: &Window) -> impl Iterator<Item = &'a Span> + 'a {
    let end = spans.partition_point(|s| f(s.start_ms) <= window.end_ms);
    let w = *window;
    spans[..end]
        .iter()
        .filter(move |s| f(s.end_ms) >= w.start_ms)
}

/// An axis tick.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tick {
    pub x: f64,
    pub t_ms: i64,
    /// Wall clock UTC, `HH:MM:SS` (with milliseconds when the step is below a second).
    pub label: String,
}

const STEPS_MS: &[i64] = &[
    10, 25, 50, 100, 250, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000,
    300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

/// Round-numbered ticks about `min_px` apart.
#[must_use]
pub fn ticks(window: &Window, width: f64, min_px: f64) -> Vec<Tick> {
    if !(width.is_finite() && width > 0.0) {
        return Vec::new();
    }
    let wanted = window.span_ms() * min_px.max(1.0) / width;
    let step = STEPS_MS
        .iter()
        .copied()
        .find(|s| f(*s) >= wanted)
        .unwrap_or(86_400_000);
    #[allow(clippy::cast_possible_truncation)] // window bounds are epoch ms
    let first = (window.start_ms / f(step)).ceil() as i64 * step;
    let mut out = Vec::new();
    let mut t = first;
    while f(t) <= window.end_ms && out.len() < 1_000 {
        let label = Utc
            .timestamp_millis_opt(t)
            .single()
            .map_or_else(String::new, |d| {
                if step < 1_000 {
                    d.format("%H:%M:%S%.3f").to_string()
                } else {
                    d.format("%H:%M:%S").to_string()
                }
            });
        out.push(Tick {
            x: window.x(f(t), width),
            t_ms: t,
            label,
        });
        t += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        model::time::from_wire("2026-05-12T14:10:00.000Z").unwrap_or_default()
    }

    fn live_rt() -> Conversation {
        serde_json::from_value(json!({"id": "c", "startTime": "2026-05-12T14:02:11.204Z", "participants": [
            {"id": "cust", "purpose": "customer", "calls": [{"id": "s1", "state": "connected", "connectedTime": "2026-05-12T14:02:11.204Z"}]},
            {"id": "agent", "name": "Jane", "purpose": "agent", "calls": [{"id": "s2", "state": "connected", "held": true,
              "startAlertingTime": "2026-05-12T14:02:57.002Z", "connectedTime": "2026-05-12T14:03:05.880Z", "startHoldTime": "2026-05-12T14:05:00.000Z"}]}]}))
        .unwrap_or_default()
    }

    fn an() -> AnalyticsConversationWithoutAttributes {
        serde_json::from_value(json!({"conversationId": "c", "conversationStart": "2026-05-12T14:02:11.204Z", "participants": [
            {"participantId": "agent", "purpose": "agent", "sessions": [{"sessionId": "s2", "segments": [
                {"segmentStart": "2026-05-12T14:02:57.002Z", "segmentEnd": "2026-05-12T14:03:05.880Z", "segmentType": "alert"},
                {"segmentStart": "2026-05-12T14:03:05.880Z", "segmentEnd": "2026-05-12T14:05:00.000Z", "segmentType": "interact"},
                {"segmentStart": "2026-05-12T14:05:00.000Z", "segmentType": "hold"}]}]}]}))
        .unwrap_or_default()
    }

    #[test]
    fn lanes_spans_and_now() {
        let t = build(Some(&live_rt()), Some(&an()), now());
        assert!(t.live);
        assert_eq!(t.now_ms, Some(now().timestamp_millis()));
        assert_eq!(t.lanes.len(), 2);
        assert_eq!(
            t.lanes[0].participant_id, "cust",
            "lanes ordered by first activity"
        );
        let agent = &t.lanes[1];
        let kinds: Vec<_> = agent
            .realtime
            .iter()
            .map(|s| (s.kind.as_str(), s.open))
            .collect();
        assert_eq!(
            kinds,
            vec![("alerting", false), ("connected", true), ("held", true)]
        );
        let segs: Vec<_> = agent
            .analytics
            .iter()
            .map(|s| (s.kind.as_str(), s.open))
            .collect();
        assert_eq!(
            segs,
            vec![("alert", false), ("interact", false), ("hold", true)]
        );
        assert_eq!(agent.analytics[2].end_ms, now().timestamp_millis());
        assert!(
            agent.analytics[1]
                .detail
                .starts_with("interact · 14:03:05.880 → 14:05:00.000 (1m 54.1s)")
        );
        assert_eq!(t.end_ms, now().timestamp_millis());
        assert!(t.legend.iter().any(|l| l.css_class == "tl-seg-interact"));
        assert_eq!(t.span_count, 7);
    }

    #[test]
    fn analytics_segments_name_their_queue_where_a_body_does() {
        let q_rt = "8d0763ba-f083-4708-9cb3-f941ab1b0ca0";
        let q_acd = "11111111-2222-4333-8444-555555555555";
        let q_unknown = "99999999-2222-4333-8444-555555555555";
        let rt: Conversation = serde_json::from_value(json!({"id": "c", "participants": [
            {"id": "acd1", "purpose": "acd", "queueId": q_rt, "queueName": "Billing"}]}))
        .unwrap_or_default();
        let a: AnalyticsConversationWithoutAttributes = serde_json::from_value(json!({"conversationId": "c", "participants": [
            {"participantId": "acd1", "purpose": "acd", "sessions": [{"segments": [
                {"segmentStart": "2026-05-12T14:02:20.000Z", "segmentEnd": "2026-05-12T14:02:57.000Z", "segmentType": "interact", "queueId": q_rt}]}]},
            {"participantId": "acd2", "purpose": "acd", "participantName": "Care", "sessions": [{"segments": [
                {"segmentStart": "2026-05-12T14:03:00.000Z", "segmentEnd": "2026-05-12T14:03:30.000Z", "segmentType": "interact", "queueId": q_acd}]}]},
            {"participantId": "agent", "purpose": "agent", "participantName": "Jane", "sessions": [{"segments": [
                {"segmentStart": "2026-05-12T14:03:30.000Z", "segmentEnd": "2026-05-12T14:04:00.000Z", "segmentType": "interact", "queueId": q_unknown}]}]}]}))
        .unwrap_or_default();
        let names = queue_names(Some(&rt), Some(&a));
        assert_eq!(names.get(q_rt).map(String::as_str), Some("Billing"));
        assert_eq!(names.get(q_acd).map(String::as_str), Some("Care"));
        assert_eq!(
            names.get(q_unknown),
            None,
            "an agent's name is not a queue name"
        );
        let t = build(Some(&rt), Some(&a), now());
        let details: Vec<&str> = t
            .lanes
            .iter()
            .flat_map(|l| l.analytics.iter().map(|s| s.detail.as_str()))
            .collect();
        assert!(
            details.iter().any(|d| d.contains("queue Billing")),
            "{details:?}"
        );
        assert!(
            details.iter().any(|d| d.contains("queue Care")),
            "{details:?}"
        );
        assert!(
            details.iter().any(|d| d.contains("queue 99999999")),
            "{details:?}"
        );
        assert!(
            !details.iter().any(|d| d.contains(q_rt)),
            "no raw ids: {details:?}"
        );
    }

    #[test]
    fn communication_segments_get_their_own_layer() {
        let c: Conversation = serde_json::from_value(json!({"id": "c", "endTime": "2026-05-12T14:05:00.000Z", "participants": [
            {"id": "a", "calls": [{"id": "s", "state": "disconnected", "disconnectedTime": "2026-05-12T14:05:00.000Z", "segments": [
                {"startTime": "2026-05-12T14:03:00.000Z", "endTime": "2026-05-12T14:04:00.000Z", "type": "interact"},
                {"startTime": "2026-05-12T14:04:00.000Z", "type": "hold", "disconnectType": "peer"}]}]}]}))
        .unwrap_or_default();
        let t = build(Some(&c), None, now());
        let segs = &t.lanes[0].realtime_segments;
        assert_eq!(segs.len(), 2);
        assert_eq!(
            (segs[1].kind.as_str(), segs[1].open),
            ("hold", false),
            "ends with its ended communication"
        );
        assert_eq!(segs[1].path, "participants[0].calls[0].segments[1]");
        assert!(t.legend.iter().any(|l| l.css_class == "tl-rtseg-hold"));
    }

    #[test]
    fn clock_matches_chrono() {
        for t in [0i64, 1_778_594_531_204, -1, 86_399_999, -86_400_001] {
            let want = Utc
                .timestamp_millis_opt(t)
                .single()
                .map(|d| d.format("%H:%M:%S%.3f").to_string());
            assert_eq!(Some(clock(t)), want, "{t}");
        }
    }

    #[test]
    fn empty_inputs_give_a_valid_axis() {
        let t = build(None, None, now());
        assert!(t.end_ms > t.start_ms && t.lanes.is_empty() && !t.live);
    }

    #[test]
    fn geometry() {
        let w = Window {
            start_ms: 1_000.0,
            end_ms: 2_000.0,
        };
        assert!((w.x(1_500.0, 800.0) - 400.0).abs() < 1e-9);
        assert!((w.t(400.0, 800.0) - 1_500.0).abs() < 1e-9);
        let z = w.zoom(2.0, 0.5, &w);
        assert!((z.start_ms - 1_250.0).abs() < 1e-9 && (z.end_ms - 1_750.0).abs() < 1e-9);
        let out = z.zoom(0.1, 0.5, &w);
        assert_eq!(out, w, "zooming out stops at the bounds");
        let p = z.pan(10.0, &w);
        assert!(
            (p.end_ms - 2_000.0).abs() < 1e-9,
            "panning stops at the bounds"
        );
        let deep = w.zoom(1e9, 0.0, &w);
        assert!((deep.span_ms() - MIN_WINDOW_MS).abs() < 1e-9);
        let s = Span {
            layer: Layer::Analytics,
            kind: "hold".into(),
            start_ms: 500,
            end_ms: 1_500,
            open: false,
            detail: String::new(),
            path: String::new(),
        };
        let r = rect(&s, &w, 800.0);
        assert_eq!(r.map(|r| (r.x, r.clipped_left)), Some((0.0, true)));
        let gone = Span {
            start_ms: 3_000,
            end_ms: 4_000,
            ..s.clone()
        };
        assert_eq!(rect(&gone, &w, 800.0), None);
        let zero = Span {
            start_ms: 1_200,
            end_ms: 1_200,
            ..s
        };
        assert_eq!(rect(&zero, &w, 800.0).map(|r| r.width), Some(1.0));
        assert!(w.zoom(f64::NAN, f64::NAN, &w).span_ms().is_finite());
    }

    #[test]
    fn ticks_are_round_and_inside() {
        let start = model::time::from_wire("2026-05-12T14:02:11.204Z")
            .map(|t| t.timestamp_millis())
            .unwrap_or_default();
        #[allow(clippy::cast_precision_loss)]
        let w = Window {
            start_ms: start as f64,
            end_ms: (start + 300_000) as f64,
        };
        let t = ticks(&w, 1000.0, 80.0);
        assert!(!t.is_empty());
        assert!(t.iter().all(|k| k.x >= 0.0 && k.x <= 1000.0));
        assert!(
            t.iter().all(|k| k.t_ms % 30_000 == 0),
            "{:?}",
            t.iter().map(|k| &k.label).collect::<Vec<_>>()
        );
        assert_eq!(t[0].label, "14:02:30");
        assert!(ticks(&w, 0.0, 80.0).is_empty());
    }

    #[test]
    fn visible_uses_the_sorted_order() {
        let mk = |s: i64, e: i64| Span {
            layer: Layer::Analytics,
            kind: "x".into(),
            start_ms: s,
            end_ms: e,
            open: false,
            detail: String::new(),
            path: String::new(),
        };
        let spans = vec![mk(0, 10), mk(5, 100), mk(20, 30), mk(200, 300)];
        let w = Window {
            start_ms: 25.0,
            end_ms: 150.0,
        };
        let got: Vec<_> = visible(&spans, &w).map(|s| s.start_ms).collect();
        assert_eq!(got, vec![5, 20]);
    }
}
