//! Nothing a user sees may carry an internal citation code (`api-facts §2.3`, `[PY-models]`,
//! `[BP-SQL]`, `pain point 4`, `[HELP 278459]` …): those mean nothing outside this repository.
//! Every source label, every fixed explanation, and everything the lens derives from every demo
//! scenario at several instants is serialised and scanned, string by string.

use chrono::{DateTime, Duration, Utc};
use demo_org::DemoConfig;
use demo_org::org::{Org, without_attributes};
use lens::errors;
use lens::lookup::{self, Api, ApiResult, Side};
use lens::query_lab::levels::{self, Level, Subject};
use lens::query_lab::{interval, jobs, paging, retention};
use lens::snippets::{self, Lang, ServerTarget, SnippetContext};
use lens::source::internal_code;
use lens::{field_map, glance, guide, metrics, region, timeline};
use serde::Serialize;
use serde_json::{Value, json};

/// Every string inside `value` that carries an internal code, with where it was found.
fn offenders(context: &str, value: &impl Serialize) -> Vec<String> {
    fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                if let Some(code) = internal_code(s) {
                    out.push(format!("{path}: “{code}” in {s}"));
                }
            }
            Value::Array(xs) => {
                for (i, x) in xs.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    walk(x, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(value).unwrap_or(Value::Null),
        context,
        &mut out,
    );
    out
}

fn assert_clean(found: &[String]) {
    assert!(
        found.is_empty(),
        "internal codes shown to users:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_detector_catches_what_it_must() {
    // Guards the scan below: a detector that finds nothing would make every test pass.
    assert!(!offenders("x", &json!({"a": ["see api-facts §2.3"]})).is_empty());
    assert!(!offenders("x", &json!({"label": "[PY-models] Conversation.md"})).is_empty());
    assert!(!offenders("x", &json!("pain point 4 · [P5]")).is_empty());
}

#[test]
fn every_source_label_is_readable() {
    let mut found = offenders("sources", &lens::every_source());
    for s in lens::every_source() {
        assert!(
            s.href.starts_with("https://")
                || lens::source::APP_PAGES.contains(&s.href.split('#').next().unwrap_or_default()),
            "{}",
            s.label
        );
    }
    found.extend(offenders(
        "field_map::SESSION_IS_COMMUNICATION",
        &field_map::SESSION_IS_COMMUNICATION,
    ));
    found.extend(offenders(
        "metrics::UNVERIFIED_MEANING",
        &metrics::UNVERIFIED_MEANING,
    ));
    assert_clean(&found);
}

#[test]
fn fixed_explanations_are_readable() {
    let now = Utc::now();
    let mut found = offenders("guide", &guide::all());
    found.extend(offenders("guide::misconceptions", &guide::misconceptions()));
    found.extend(offenders("guide::heading", &guide::misconception_heading()));
    for m in metrics::CATALOGUE {
        found.extend(offenders(m.name, &(m.meaning, m.source)));
    }
    for c in field_map::CONCEPTS {
        found.extend(offenders(c.concept, &(c.concept, c.explanation, c.source)));
    }
    found.extend(offenders(
        "interval::explain_caps",
        &interval::explain_caps(),
    ));
    found.extend(offenders("jobs::lifecycle", &jobs::explain_lifecycle()));
    found.extend(offenders("paging::remedies", &paging::explain_remedies()));
    for (status, body) in [
        (200, json!({"retentionDays": 90})),
        (200, json!({})),
        (
            403,
            json!({"status": 403, "code": "missing.any.permissions"}),
        ),
        (500, json!({})),
    ] {
        let r = retention::Retention::from_answer(status, &body);
        found.extend(offenders("retention", &r.explain(now)));
        found.extend(offenders(
            "retention::interval_warning",
            &retention::interval_warning(
                "2020-01-01T00:00:00.000Z/2020-01-02T00:00:00.000Z",
                &r,
                now,
            ),
        ));
    }
    for (name, subject, level) in [
        ("queueId", Subject::Dimension, Level::Conversation),
        ("conversationId", Subject::Dimension, Level::Segment),
        ("tHandle", Subject::Metric, Level::Segment),
        ("noSuchThing", Subject::Dimension, Level::Conversation),
    ] {
        found.extend(offenders(
            name,
            &levels::check_name(name, subject, level, "conversationFilters[0]"),
        ));
    }
    let start: DateTime<Utc> =
        model::time::from_wire("2026-05-12T23:30:00.000Z").unwrap_or_default();
    for text in [
        "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z",
        "2026-05-14T00:00:00.000Z/2026-05-15T00:00:00.000Z",
    ] {
        if let Ok(iv) = interval::parse(text) {
            found.extend(offenders(
                "interval",
                &interval::explain_start_day(&iv, start),
            ));
            found.extend(offenders("caps", &interval::check_caps(&iv, false, now)));
        }
    }
    for minutes in [0, 120, -300] {
        let Ok(offset) = interval::offset_from_minutes_east(minutes) else {
            panic!("offset {minutes} min");
        };
        found.extend(offenders(
            "local_vs_utc",
            &interval::local_vs_utc(start, offset),
        ));
    }
    for status in [400, 401, 403, 404, 429, 500, 502, 503, 504] {
        for api in [Api::Conversations, Api::AnalyticsById, Api::AnalyticsQuery] {
            found.extend(offenders(
                &format!("errors {status}"),
                &errors::explain(api, status, None, Some(3)),
            ));
        }
    }
    let sctx = SnippetContext::new(
        "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4",
        region::US_EAST_1,
        Some(start),
        now,
    );
    found.extend(offenders("snippets", &snippets::all(&sctx)));
    for lang in Lang::ALL {
        found.extend(offenders(
            lang.label(),
            &snippets::language_notes(lang, &sctx),
        ));
    }
    for target in [
        ServerTarget::Demo,
        ServerTarget::Real("eu_west_1"),
        ServerTarget::Real("custom"),
        ServerTarget::Unknown,
    ] {
        found.extend(offenders("hosts", &snippets::host_choice(target, None).why));
    }
    assert_clean(&found);
}

fn not_found() -> ApiResult {
    ApiResult {
        status: 404,
        elapsed_ms: 1.0,
        correlation_id: Some("corr".into()),
        retry_after_secs: None,
        body: json!({"status": 404, "code": "not.found", "message": "The requested resource was not found."}),
    }
}

#[test]
fn everything_derived_from_the_demo_scenarios_is_readable() {
    let frozen = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    let org = Org::new(&DemoConfig {
        frozen_at: Some(frozen),
        synthetic_conversations: 10,
        ..DemoConfig::default()
    });
    let mut found = Vec::new();
    let mut looked = 0;
    for s in org.all_scenarios() {
        let c = &s.conv;
        let id = c.id.clone();
        let len = c.end() - c.start();
        for now in [
            c.start() + len / 2,
            c.end() + Duration::seconds(1),
            c.acw_end() + Duration::hours(1),
        ] {
            let ctx = format!("{} @ {}", s.id, model::time::to_wire(&now));
            let rt_res = match org.realtime(&id, now) {
                Some(b) => ApiResult::ok(serde_json::to_value(b).unwrap_or_default()),
                None => not_found(),
            };
            let an_res = match org.analytics(&id, now) {
                Some(a) => {
                    ApiResult::ok(serde_json::to_value(without_attributes(a)).unwrap_or_default())
                }
                None => not_found(),
            };
            let rt = lookup::decode_conversation(&rt_res, Some(&id));
            let an = lookup::decode_analytics(Api::AnalyticsById, &an_res, &id);
            for e in [rt.as_ref().err(), an.as_ref().err()].into_iter().flatten() {
                found.extend(offenders(&ctx, &errors::explain_lookup(e)));
            }
            let g = glance::glance(
                Side::from_result(Some(&rt)),
                Side::from_result(Some(&an)),
                Api::AnalyticsById,
                now,
            );
            found.extend(offenders(&format!("{ctx} glance"), &g));
            for goal in guide::suggested(&g) {
                found.extend(offenders(&ctx, &guide::recommend(goal)));
            }
            found.extend(offenders(
                &format!("{ctx} field map"),
                &field_map::field_map(rt.as_ref().ok(), an.as_ref().ok()),
            ));
            found.extend(offenders(
                &format!("{ctx} timeline"),
                &timeline::build(rt.as_ref().ok(), an.as_ref().ok(), now),
            ));
            if let Ok(a) = &an {
                found.extend(offenders(&format!("{ctx} checks"), &metrics::checks(a)));
                found.extend(offenders(&format!("{ctx} metrics"), &metrics::rows(a)));
                if let Ok(r) = &rt {
                    found.extend(offenders(
                        &format!("{ctx} cross-checks"),
                        &metrics::cross_checks(r, a),
                    ));
                }
            }
            looked += 1;
        }
    }
    assert!(looked >= 30, "only {looked} scenario instants looked at");
    assert_clean(&found);
}
