//! Bad input never panics: every leaf of the reference bodies replaced by garbage, and odd but
//! decodable values (reversed times, far dates, huge numbers), through every derivation.

use lens::lookup::{self, Api, ApiResult, Side};
use lens::{errors, field_map, glance, metrics, snippets, timeline};
use serde_json::{Value, json};

const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                path.push(k.clone());
                leaves(c, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                path.push(i.to_string());
                leaves(c, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn set(v: &mut Value, path: &[String], new: Value) {
    let mut cur = v;
    for p in path {
        cur = match cur {
            Value::Object(m) => match m.get_mut(p) {
                Some(c) => c,
                None => return,
            },
            Value::Array(a) => match p.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(c) => c,
                None => return,
            },
            _ => return,
        };
    }
    *cur = new;
}

fn everything(rt: &ApiResult, an: &ApiResult) {
    let now = model::time::from_wire("2026-05-12T15:00:00.000Z").unwrap_or_default();
    let r = lookup::decode_conversation(rt, Some(ID));
    let a = lookup::decode_analytics(Api::AnalyticsQuery, an, ID);
    let g = glance::glance(
        Side::from_result(Some(&r)),
        Side::from_result(Some(&a)),
        Api::AnalyticsQuery,
        now,
    );
    let _ = lens::guide::suggested(&g);
    let _ = field_map::field_map(r.as_ref().ok(), a.as_ref().ok());
    let _ = field_map::field_map_json(Some(&rt.body), Some(&an.body));
    let t = timeline::build(r.as_ref().ok(), a.as_ref().ok(), now);
    let w = timeline::Window::full(&t);
    for l in &t.lanes {
        for s in l.spans() {
            let _ = timeline::rect(s, &w, 800.0);
        }
    }
    let _ = timeline::ticks(&w, 800.0, 80.0);
    if let Ok(a) = &a {
        let _ = metrics::rows(a);
        let _ = metrics::checks(a);
        let _ = metrics::emit_offsets(a);
        if let Ok(c) = &r {
            let _ = metrics::cross_checks(c, a);
        }
        let ctx =
            snippets::SnippetContext::new(ID, lens::region::US_EAST_1, a.conversation_start, now);
        let _ = snippets::all(&ctx);
    }
    for e in [r.err(), a.err()].into_iter().flatten() {
        let _ = errors::explain_lookup(&e);
    }
}

fn fixtures() -> (Value, Value) {
    let rt = serde_json::from_str(include_str!("fixtures/conversation_ended.json"))
        .unwrap_or(Value::Null);
    let an = serde_json::from_str(include_str!("fixtures/analytics_query_ended.json"))
        .unwrap_or(Value::Null);
    (rt, an)
}

#[test]
fn garbage_in_every_leaf() {
    let (rt, an) = fixtures();
    let garbage = [
        Value::Null,
        json!("garbage"),
        json!(-1),
        json!(1e308),
        json!([]),
        json!({}),
        json!(true),
        json!("2026-13-45T99:99:99Z"),
    ];
    for (body, is_rt) in [(&rt, true), (&an, false)] {
        let mut paths = Vec::new();
        leaves(body, &mut Vec::new(), &mut paths);
        assert!(paths.len() > 50);
        for p in &paths {
            for g in &garbage {
                let mut broken = body.clone();
                set(&mut broken, p, g.clone());
                let (r, a) = if is_rt {
                    (broken, an.clone())
                } else {
                    (rt.clone(), broken)
                };
                everything(&ApiResult::ok(r), &ApiResult::ok(a));
            }
        }
    }
}

#[test]
fn odd_but_valid_values() {
    let (mut rt, mut an) = fixtures();
    // Times reversed, far in the past and future; huge metric values.
    set(
        &mut rt,
        &["startTime".into()],
        json!("9999-12-31T23:59:59.999Z"),
    );
    set(
        &mut rt,
        &["endTime".into()],
        json!("1970-01-01T00:00:00.000Z"),
    );
    let seg = [
        "conversations",
        "0",
        "participants",
        "3",
        "sessions",
        "0",
        "segments",
        "0",
    ]
    .map(String::from);
    let mut start = seg.to_vec();
    start.push("segmentStart".into());
    set(&mut an, &start, json!("2100-01-01T00:00:00.000Z"));
    let metric = [
        "conversations",
        "0",
        "participants",
        "3",
        "sessions",
        "0",
        "metrics",
        "0",
        "value",
    ]
    .map(String::from);
    set(&mut an, &metric, json!(i64::MAX));
    everything(&ApiResult::ok(rt.clone()), &ApiResult::ok(an.clone()));
    // Error statuses with every kind of body.
    for status in [
        0u16, 100, 204, 301, 400, 401, 403, 404, 409, 415, 429, 500, 502, 503, 504, 599, 999,
    ] {
        for body in [
            Value::Null,
            json!("<html>"),
            json!({"code": 5}),
            json!({"code": "lens.token.refused", "message": "no"}),
            json!([1]),
        ] {
            let bad = ApiResult {
                status,
                elapsed_ms: f64::NAN,
                correlation_id: None,
                retry_after_secs: Some(u64::MAX),
                body,
            };
            everything(&bad, &bad);
        }
    }
    let _ = errors::countdown(u64::MAX, u64::MAX);
}
