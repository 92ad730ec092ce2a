//! The scale case: 50 participants / 2,000 segments through every derivation.

use lens::lookup::{Api, Side};
use lens::metrics::Outcome;
use lens::{field_map, glance, metrics, synthetic, timeline};

fn start() -> chrono::DateTime<chrono::Utc> {
    model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default()
}

#[test]
fn benchmark_conversation_flows_through_everything() {
    let s = synthetic::benchmark(start());
    let now = start() + chrono::Duration::hours(2);
    let t = timeline::build(Some(&s.realtime), Some(&s.analytics), now);
    assert_eq!(t.lanes.len(), 50);
    assert_eq!(
        t.lanes.iter().map(|l| l.analytics.len()).sum::<usize>(),
        2_000
    );
    assert!(!t.live);
    let w = timeline::Window::full(&t);
    let drawn: usize = t
        .lanes
        .iter()
        .map(|l| {
            timeline::visible(&l.analytics, &w)
                .filter_map(|sp| timeline::rect(sp, &w, 1200.0))
                .count()
        })
        .sum();
    assert_eq!(drawn, 2_000);

    let checks = metrics::checks(&s.analytics);
    assert!(checks.len() > 100);
    let failed: Vec<_> = checks
        .iter()
        .filter(|c| c.outcome != Outcome::Pass)
        .map(|c| (&c.scope, &c.arithmetic))
        .collect();
    assert!(failed.is_empty(), "{failed:?}");

    let rows = field_map::field_map(Some(&s.realtime), Some(&s.analytics));
    assert!(
        rows.iter().any(|r| r.truncated),
        "large bodies are capped per row"
    );

    let g = glance::glance(
        Side::Loaded(&s.realtime),
        Side::Loaded(&s.analytics),
        Api::AnalyticsById,
        now,
    );
    assert!(
        g.disagreements
            .iter()
            .all(|d| d.severity == glance::Severity::Note),
        "{:?}",
        g.disagreements
    );
}

#[test]
fn live_synthetic_has_open_segments_and_a_now_line() {
    let s = synthetic::conversation(10, 200, start(), true);
    let now = start() + chrono::Duration::minutes(30);
    let t = timeline::build(Some(&s.realtime), Some(&s.analytics), now);
    assert!(t.live && t.now_ms == Some(now.timestamp_millis()));
    assert!(
        t.lanes
            .iter()
            .all(|l| l.analytics.last().is_some_and(|sp| sp.open))
    );
    assert!(
        metrics::checks(&s.analytics)
            .iter()
            .all(|c| !matches!(c.outcome, Outcome::Fail { .. }))
    );
}
