//! `cargo bench -p lens`: how long the lens takes to derive every view of the synthetic
//! conversation (50 participants, 2,000 segments) natively — the pure-logic part of the render
//! time `cargo xtask bench` measures in the browser. Prints one line per step: median and p90
//! over repeated runs (no assertions: timings are machine-dependent).

use std::hint::black_box;
use std::time::{Duration, Instant};

use lens::lookup::{self, Api, ApiResult, Side};
use lens::{field_map, glance, metrics, synthetic, timeline};

fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    println!(
        "lens {name:<28} median {:>9.3} ms   p90 {:>9.3} ms   ({runs} runs)",
        median.as_secs_f64() * 1e3,
        p90.as_secs_f64() * 1e3
    );
}

fn main() {
    let start = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    let now = start + chrono::Duration::hours(2);
    let s = synthetic::benchmark(start);
    let rt_body = serde_json::to_value(&s.realtime).unwrap_or_default();
    let an_body = serde_json::to_value(&s.analytics).unwrap_or_default();
    let id = s.analytics.conversation_id.clone().unwrap_or_default();
    let rt_text = rt_body.to_string();
    let an_text = an_body.to_string();
    println!(
        "lens synthetic conversation: 50 participants, 2000 segments, bodies {} + {} bytes",
        rt_text.len(),
        an_text.len()
    );
    let runs = 30;
    measure("parse JSON text (both)", runs, || {
        black_box(serde_json::from_str::<serde_json::Value>(&rt_text).ok());
        black_box(serde_json::from_str::<serde_json::Value>(&an_text).ok());
    });
    let rt_res = ApiResult::ok(rt_body.clone());
    let an_res = ApiResult::ok(an_body.clone());
    measure("decode into models (both)", runs, || {
        black_box(lookup::decode_conversation(&rt_res, Some(&id)).ok());
        black_box(lookup::decode_analytics(Api::AnalyticsById, &an_res, &id).ok());
    });
    measure("glance", runs, || {
        black_box(glance::glance(
            Side::Loaded(&s.realtime),
            Side::Loaded(&s.analytics),
            Api::AnalyticsById,
            now,
        ));
    });
    measure("field map", runs, || {
        black_box(field_map::field_map_json(Some(&rt_body), Some(&an_body)));
    });
    measure("timeline build", runs, || {
        black_box(timeline::build(Some(&s.realtime), Some(&s.analytics), now));
    });
    let t = timeline::build(Some(&s.realtime), Some(&s.analytics), now);
    let w = timeline::Window::full(&t);
    measure("timeline geometry (all rects)", runs, || {
        let n: usize = t
            .lanes
            .iter()
            .map(|l| {
                timeline::visible(&l.analytics, &w)
                    .filter_map(|sp| timeline::rect(sp, &w, 1200.0))
                    .count()
            })
            .sum();
        black_box(n);
    });
    measure("metric rows + checks", runs, || {
        black_box(metrics::rows(&s.analytics));
        black_box(metrics::checks(&s.analytics));
    });
    measure("everything", runs, || {
        let r = lookup::decode_conversation(&rt_res, Some(&id));
        let a = lookup::decode_analytics(Api::AnalyticsById, &an_res, &id);
        black_box(glance::glance(
            Side::from_result(Some(&r)),
            Side::from_result(Some(&a)),
            Api::AnalyticsById,
            now,
        ));
        black_box(field_map::field_map_json(Some(&rt_body), Some(&an_body)));
        black_box(timeline::build(r.as_ref().ok(), a.as_ref().ok(), now));
        if let Ok(a) = &a {
            black_box(metrics::rows(a));
            black_box(metrics::checks(a));
        }
    });
}
