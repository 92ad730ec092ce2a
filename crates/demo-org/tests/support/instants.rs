//! Interesting instants of a scenario: start-up, mid-story, just after the end, after the
//! analytics and wrap-up lags, after real-time retention.

use chrono::{DateTime, Duration, Utc};
use demo_org::org::Timing;
use demo_org::timeline::Conv;

/// (label, instant) pairs worth checking for `c` in an org started at `origin`.
#[must_use]
pub fn instants(c: &Conv, origin: DateTime<Utc>, t: &Timing) -> Vec<(String, DateTime<Utc>)> {
    let start = c.start();
    let end = c.end();
    let mid = start + (end - start) / 2;
    let lag = t.lags.analytics;
    let mut out = vec![
        ("start-up".to_owned(), origin),
        (
            "just after start".to_owned(),
            start + Duration::milliseconds(1),
        ),
        ("start + analytics lag".to_owned(), start + lag),
        ("mid".to_owned(), mid),
        ("mid + analytics lag".to_owned(), mid + lag),
        ("at end".to_owned(), end),
        ("end + analytics lag".to_owned(), end + lag),
        ("acw end".to_owned(), c.acw_end()),
        (
            "after wrap-up lag".to_owned(),
            c.acw_end() + lag + t.lags.wrapup,
        ),
        (
            "just before purge".to_owned(),
            end + t.retention - Duration::milliseconds(1),
        ),
        (
            "after retention".to_owned(),
            end + t.retention + Duration::seconds(1),
        ),
    ];
    // A sweep across the whole story (about 60 samples).
    let last = c.acw_end() + lag + t.lags.wrapup + Duration::seconds(30);
    let first = start - Duration::seconds(30);
    let step = ((last - first) / 60).max(Duration::seconds(1));
    let mut at = first;
    while at <= last {
        out.push((format!("sweep {at}"), at));
        at += step;
    }
    // Every segment boundary too: states flip exactly there.
    for s in c.sessions() {
        for g in &s.segs {
            out.push((format!("segment {} start", g.kind.analytics()), g.start));
            out.push((
                format!("segment {} start + lag", g.kind.analytics()),
                g.start + lag,
            ));
        }
    }
    out
}
