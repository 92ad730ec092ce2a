//! Every demo-org scenario, at several instants of its story (before/while live, on hold,
//! wrap-up, analytics lag, after real-time retention), through every lens derivation — as the
//! browser would see it: bodies go through JSON and the tolerant decoders.

use chrono::{DateTime, Duration, Utc};
use demo_org::DemoConfig;
use demo_org::org::{Org, without_attributes};
use demo_org::scenarios::analytics_complete_at;
use lens::errors::{self, Retry};
use lens::glance::{self, Liveness, Severity, Topic};
use lens::lookup::{self, Api, ApiResult, LookupError, Side};
use lens::metrics::{self, Outcome};
use lens::{field_map, region, snippets, timeline};
use serde_json::json;

fn org() -> Org {
    let frozen = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    Org::new(&DemoConfig {
        frozen_at: Some(frozen),
        synthetic_conversations: 10,
        ..DemoConfig::default()
    })
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

/// The instants a scenario is looked at.
fn instants(org: &Org, c: &demo_org::timeline::Conv) -> Vec<(&'static str, DateTime<Utc>)> {
    let (start, end) = (c.start(), c.end());
    let len = end - start;
    let timing = org.timing();
    vec![
        ("before start", start - Duration::seconds(1)),
        ("just started", start + Duration::milliseconds(500)),
        ("a quarter in", start + len / 4),
        ("half way", start + len / 2),
        ("three quarters", start + len * 3 / 4),
        ("just ended", end + Duration::seconds(1)),
        ("after wrap-up", c.acw_end() + Duration::seconds(1)),
        (
            "analytics complete",
            analytics_complete_at(c, timing) + Duration::seconds(1),
        ),
        (
            "after retention",
            end.max(c.acw_end()) + timing.retention + Duration::hours(1),
        ),
    ]
}

#[derive(Default)]
struct Seen {
    topics: Vec<(Topic, Severity)>,
    live_phases: usize,
    realtime_404_with_analytics: usize,
    checks_passed: usize,
}

#[test]
fn every_scenario_in_every_phase() {
    let org = org();
    let mut seen = Seen::default();
    assert!(
        org.all_scenarios().len() >= 10,
        "the demo org should have its scenarios"
    );
    for s in org.all_scenarios() {
        let id = s.conv.id.clone();
        for (phase, now) in instants(&org, &s.conv) {
            let ctx = format!("{} @ {phase}", s.id);
            let rt_res = match org.realtime(&id, now) {
                Some(c) => ApiResult::ok(serde_json::to_value(c).unwrap_or_default()),
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
                assert!(
                    matches!(e, LookupError::Http { status: 404, .. }),
                    "{ctx}: {e}"
                );
                let x = errors::explain_lookup(e);
                assert!(!x.meaning.is_empty() && !x.what_to_do.is_empty(), "{ctx}");
                if e.api() == Api::Conversations {
                    assert_eq!(x.retry, Retry::Never, "{ctx}");
                }
            }

            // At a glance: liveness agrees with the scenario's own story.
            let info = s.info(now, org.timing());
            let g = glance::glance(
                Side::from_result(Some(&rt)),
                Side::from_result(Some(&an)),
                Api::AnalyticsById,
                now,
            );
            if let Some(r) = &g.realtime {
                assert_eq!(
                    r.liveness == Liveness::Live,
                    info.live,
                    "{ctx}: {}",
                    r.how_to_tell.text
                );
                assert!(!r.participants.is_empty(), "{ctx}");
                if info.live {
                    seen.live_phases += 1;
                }
            }
            if let (Some(a), Some(r)) = (&g.analytics, &g.realtime) {
                assert!(
                    !(a.liveness == Liveness::Ended && r.liveness == Liveness::Live),
                    "{ctx}: analytics cannot see the end before the real-time view"
                );
            }
            if rt.is_err() && an.is_ok() {
                seen.realtime_404_with_analytics += 1;
                assert!(
                    g.disagreements
                        .iter()
                        .any(|d| d.topic == Topic::Availability),
                    "{ctx}"
                );
            }
            for d in &g.disagreements {
                assert!(!d.why.is_empty(), "{ctx}: {} has no why", d.title);
                seen.topics.push((d.topic, d.severity));
            }

            // Metrics: every piece of arithmetic holds in every phase.
            if let Ok(a) = &an {
                for c in metrics::checks(a) {
                    assert!(
                        !matches!(c.outcome, Outcome::Fail { .. }),
                        "{ctx}: {} — {} ({})",
                        c.formula,
                        c.arithmetic,
                        c.scope
                    );
                    seen.checks_passed += usize::from(c.outcome == Outcome::Pass);
                }
                for r in metrics::rows(a) {
                    assert!(r.known_name, "{ctx}: unknown metric {}", r.name);
                }
                if let Ok(c) = &rt {
                    for x in metrics::cross_checks(c, a) {
                        assert!(
                            !matches!(x.outcome, Outcome::Fail { .. }),
                            "{ctx}: {}",
                            x.arithmetic
                        );
                    }
                }
            }

            // Timeline: one lane per participant, spans inside the axis, a now line while live.
            let t = timeline::build(rt.as_ref().ok(), an.as_ref().ok(), now);
            let participants: std::collections::BTreeSet<String> = rt
                .as_ref()
                .ok()
                .into_iter()
                .flat_map(|c| c.participants.iter().flatten().filter_map(|p| p.id.clone()))
                .chain(an.as_ref().ok().into_iter().flat_map(|a| {
                    a.participants
                        .iter()
                        .flatten()
                        .filter_map(|p| p.participant_id.clone())
                }))
                .collect();
            assert_eq!(t.lanes.len(), participants.len(), "{ctx}");
            for sp in t.lanes.iter().flat_map(lens::timeline::Lane::spans) {
                assert!(
                    sp.start_ms <= sp.end_ms && sp.start_ms >= t.start_ms && sp.end_ms <= t.end_ms,
                    "{ctx}: {}",
                    sp.detail
                );
            }
            assert_eq!(t.now_ms.is_some(), t.live, "{ctx}");
            if info.live {
                assert!(t.live, "{ctx}");
            }

            // Field map: the start is on both sides once both answer; tutorial fields never appear.
            let rows = field_map::field_map(rt.as_ref().ok(), an.as_ref().ok());
            for r in &rows {
                if r.kind == field_map::RowKind::Misconception {
                    assert!(
                        r.realtime_values.is_empty() && r.analytics_values.is_empty(),
                        "{ctx}: {}",
                        r.concept
                    );
                }
            }
            let start = rows.iter().find(|r| r.concept == "Start");
            assert_eq!(
                start.map(|r| r.realtime_values.len()),
                Some(usize::from(rt.is_ok())),
                "{ctx}"
            );
            assert_eq!(
                start.map(|r| r.analytics_values.len()),
                Some(usize::from(an.is_ok())),
                "{ctx}"
            );

            // Snippets: the interval covers the day the conversation started.
            let started = an
                .as_ref()
                .ok()
                .and_then(|a| a.conversation_start)
                .or(Some(s.conv.start()));
            let sc = snippets::SnippetContext::new(&id, region::US_EAST_1, started, now);
            let day = s.conv.start().format("%Y-%m-%dT00:00:00.000Z").to_string();
            assert!(sc.interval.starts_with(&day), "{ctx}: {}", sc.interval);
            for sn in snippets::all(&sc) {
                assert!(sn.code.contains(&id), "{ctx}: {}", sn.title);
            }
        }
    }
    // The scenarios, across their phases, teach every kind of difference.
    for want in [
        (Topic::Availability, Severity::Differs),
        (Topic::Liveness, Severity::Differs),
        (Topic::Wrapup, Severity::Differs),
    ] {
        assert!(
            seen.topics.contains(&want),
            "no scenario phase shows {want:?}"
        );
    }
    assert!(
        seen.live_phases > 10,
        "live phases seen: {}",
        seen.live_phases
    );
    assert!(seen.realtime_404_with_analytics > 0);
    assert!(
        seen.checks_passed > 50,
        "checks passed: {}",
        seen.checks_passed
    );
}

#[test]
fn scenario_list_matches_the_glance() {
    let org = org();
    let now = org.now();
    for info in org.scenarios(now) {
        let rt = org.realtime(&info.conversation_id, now);
        if let Some(c) = &rt {
            let g = glance::realtime(c, now);
            assert_eq!(g.liveness == Liveness::Live, info.live, "{}", info.id);
            if !g.media_types.is_empty() {
                assert!(
                    g.media_types.contains(&info.media_type),
                    "{}: {:?} vs {}",
                    info.id,
                    g.media_types,
                    info.media_type
                );
            }
        }
    }
}

#[test]
fn demo_org_error_bodies_are_explained_on_every_side() {
    use demo_org::errors::ApiError;
    let errors = [
        ApiError::bad_request("interval is required"),
        ApiError::invalid_date("yesterday"),
        ApiError::authentication_required(),
        ApiError::bad_credentials(),
        ApiError::missing_any_permissions(&[
            "analytics:conversationDetail:view",
            "analytics:agentConversationDetail:view",
        ]),
        ApiError::not_found(),
        ApiError::unsupported_media_type("text/plain"),
        ApiError::too_many_requests(300, 60, 17),
        ApiError::internal(),
        ApiError::service_unavailable(),
        ApiError::request_timeout(),
    ];
    for e in &errors {
        for api in Api::ALL {
            let res = ApiResult {
                status: e.status.as_u16(),
                elapsed_ms: 2.0,
                correlation_id: Some("corr-1".into()),
                retry_after_secs: e.retry_after_secs,
                body: serde_json::to_value(e.body("corr-1")).unwrap_or_default(),
            };
            let err =
                lookup::decode_analytics(api, &res, "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4").err();
            let Some(err) = err else {
                panic!("{e} should be an error")
            };
            let x = errors::explain_lookup(&err);
            let ctx = format!("{e} on {api}");
            assert_eq!(x.code.as_deref(), Some(e.code), "{ctx}");
            assert_eq!(x.correlation_id.as_deref(), Some("corr-1"), "{ctx}");
            assert!(!x.meaning.is_empty() && !x.what_to_do.is_empty(), "{ctx}");
            match e.status.as_u16() {
                400 | 401 | 403 | 415 => assert_eq!(x.retry, Retry::Never, "{ctx}"),
                429 => assert_eq!(x.retry, Retry::AfterSeconds { seconds: 17 }, "{ctx}"),
                s if s >= 500 => assert_eq!(x.retry, Retry::Backoff, "{ctx}"),
                _ => {}
            }
            if e.code == "missing.any.permissions" {
                assert!(
                    x.meaning
                        .iter()
                        .any(|c| c.text.contains("analytics:agentConversationDetail:view")),
                    "{ctx}"
                );
                assert!(
                    x.meaning
                        .iter()
                        .any(|c| c.text.contains("scopes do not apply")),
                    "{ctx}"
                );
            }
        }
    }
    let c = errors::countdown(17, 16_500);
    assert_eq!((c.remaining_secs, c.done), (1, false));
}
