//! The "Whole conversation" window of the timeline: every span of both APIs plus a small margin,
//! so a bar that ends last (typically after-call work running past the conversation end) is seen
//! to end instead of running into the right edge.

use lens::timeline::{Timeline, Window};

/// Share of the covered range added on each side.
const MARGIN: f64 = 0.02;
/// At least this much margin (ms), so very short conversations still get a visible gap.
const MIN_MARGIN_MS: f64 = 250.0;

/// The window that shows every span with a margin; also the bounds for zoom and pan.
#[must_use]
pub fn whole(t: &Timeline) -> Window {
    let mut w = Window::full(t);
    // The lens bounds already cover every span; take the max again here so the view stays
    // correct even if a span is added after the bounds were computed.
    for s in t.lanes.iter().flat_map(lens::timeline::Lane::spans) {
        #[allow(clippy::cast_precision_loss)] // epoch ms fit f64's mantissa
        {
            w.start_ms = w.start_ms.min(s.start_ms as f64);
            w.end_ms = w.end_ms.max(s.end_ms as f64);
        }
    }
    let pad = (w.span_ms() * MARGIN).max(MIN_MARGIN_MS);
    Window {
        start_ms: w.start_ms - pad,
        end_ms: w.end_ms + pad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration, Utc};
    use lens::timeline;
    use model::analytics::AnalyticsConversationWithoutAttributes;
    use serde_json::json;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-01-05T10:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default()
    }

    /// Analytics body whose agent wrap-up ends 60 s after `conversationEnd`.
    fn acw_past_end() -> AnalyticsConversationWithoutAttributes {
        let at = |s: i64| (t0() + Duration::seconds(s)).to_rfc3339();
        serde_json::from_value(json!({
            "conversationId": "c1",
            "conversationStart": at(0),
            "conversationEnd": at(120),
            "participants": [
                {"participantId": "p-cust", "purpose": "customer", "sessions": [{"mediaType": "voice",
                    "segments": [{"segmentType": "interact", "segmentStart": at(0), "segmentEnd": at(120)}]}]},
                {"participantId": "p-agent", "purpose": "agent", "sessions": [{"mediaType": "voice",
                    "segments": [
                        {"segmentType": "interact", "segmentStart": at(10), "segmentEnd": at(120)},
                        {"segmentType": "wrapup", "segmentStart": at(120), "segmentEnd": at(180)}
                    ]}]}
            ]
        }))
        .unwrap_or_default()
    }

    #[test]
    fn wrapup_past_the_conversation_end_is_inside_the_window() {
        let a = acw_past_end();
        let t = timeline::build(None, Some(&a), t0() + Duration::seconds(600));
        assert!(!t.live);
        let w = whole(&t);
        let mut seen = 0;
        for s in t.lanes.iter().flat_map(timeline::Lane::spans) {
            let r = timeline::rect(s, &w, 1000.0).expect("visible");
            assert!(!r.clipped_left && !r.clipped_right, "{} clipped", s.detail);
            assert!(
                r.x > 0.0 && r.x + r.width < 1000.0,
                "{} touches an edge",
                s.detail
            );
            seen += 1;
        }
        assert!(seen >= 3, "the wrap-up span is drawn ({seen} spans)");
    }

    #[test]
    fn zoom_and_pan_stay_within_the_whole_window() {
        let a = acw_past_end();
        let t = timeline::build(None, Some(&a), t0() + Duration::seconds(600));
        let w = whole(&t);
        let out = w.zoom(0.5, 0.5, &w);
        assert_eq!(out, w);
        let later = w.zoom(4.0, 0.5, &w).pan(10.0, &w);
        assert!(later.end_ms <= w.end_ms);
    }
}
