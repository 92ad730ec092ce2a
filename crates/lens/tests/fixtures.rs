//! The constructed examples of `reference/api-facts.md` (§1.6 Conversation, §2.4 query response,
//! §2.2 request, §4.1 errors) through every derivation: an ended call where both APIs agree and
//! every sum adds up.

use lens::errors::{self, Retry};
use lens::glance::{self, Liveness, Severity, Topic};
use lens::lookup::{self, Api, ApiResult, LookupError, Side};
use lens::metrics::{self, Outcome};
use lens::{field_map, region, snippets, timeline};
use serde_json::Value;

const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn rt_body() -> Value {
    json(include_str!("fixtures/conversation_ended.json"))
}

fn an_body() -> Value {
    json(include_str!("fixtures/analytics_query_ended.json"))
}

fn now() -> chrono::DateTime<chrono::Utc> {
    model::time::from_wire("2026-05-12T15:00:00.000Z").unwrap_or_default()
}

fn decoded() -> (
    model::conversations::Conversation,
    model::analytics::AnalyticsConversationWithoutAttributes,
) {
    let rt = lookup::decode_conversation(&ApiResult::ok(rt_body()), Some(ID));
    let an = lookup::decode_analytics(Api::AnalyticsQuery, &ApiResult::ok(an_body()), ID);
    assert!(rt.is_ok() && an.is_ok(), "{rt:?} {an:?}");
    (rt.unwrap_or_default(), an.unwrap_or_default())
}

#[test]
fn ended_call_both_sides_agree() {
    let (rt, an) = decoded();
    let g = glance::glance(
        Side::Loaded(&rt),
        Side::Loaded(&an),
        Api::AnalyticsQuery,
        now(),
    );
    let (r, a) = (g.realtime.as_ref(), g.analytics.as_ref());
    assert_eq!(r.map(|s| s.liveness), Some(Liveness::Ended));
    assert_eq!(a.map(|s| s.liveness), Some(Liveness::Ended));
    assert_eq!(
        r.and_then(|s| s.duration.clone()).as_deref(),
        Some("5m 4.1s")
    );
    assert_eq!(r.map(|s| s.participants.len()), Some(4));
    assert_eq!(
        r.map(|s| s.media_types.clone()),
        Some(vec!["voice".to_owned()])
    );
    let purposes: Vec<_> = a
        .map(|s| {
            s.participants
                .iter()
                .filter_map(|p| p.purpose.clone())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(purposes, vec!["customer", "ivr", "acd", "agent"]);
    assert_eq!(
        r.map(|s| s.wrapups[0].name.clone()),
        Some(Some("Billing question".to_owned()))
    );
    // Same call, same facts: only spelling notes, and the agent's time, which analytics runs to
    // the end of the wrap-up.
    for d in &g.disagreements {
        let acw = d.topic == Topic::ParticipantTime && d.analytics.contains("of wrap-up included");
        assert!(d.severity == Severity::Note || acw, "{d:#?}");
    }
    assert!(
        g.disagreements
            .iter()
            .any(|d| d.topic == Topic::ParticipantTime && d.title.starts_with("Jane Agent")),
        "{:#?}",
        g.disagreements
    );
}

#[test]
fn while_live_the_sides_disagree_on_liveness() {
    let mut body = rt_body();
    if let Some(o) = body.as_object_mut() {
        o.remove("endTime");
    }
    if let Some(ps) = body["participants"].as_array_mut() {
        for p in ps {
            if let Some(o) = p.as_object_mut() {
                o.remove("endTime");
            }
            if let Some(calls) = p["calls"].as_array_mut() {
                for c in calls {
                    c["state"] = Value::from("connected");
                    if let Some(o) = c.as_object_mut() {
                        o.remove("disconnectType");
                        o.remove("disconnectedTime");
                    }
                }
            }
        }
    }
    let rt = lookup::decode_conversation(&ApiResult::ok(body), Some(ID)).unwrap_or_default();
    let (_, an) = decoded();
    let g = glance::glance(
        Side::Loaded(&rt),
        Side::Loaded(&an),
        Api::AnalyticsQuery,
        now(),
    );
    assert_eq!(g.realtime.map(|s| s.liveness), Some(Liveness::Live));
    assert!(
        g.disagreements
            .iter()
            .any(|d| d.topic == Topic::Liveness && d.severity == Severity::Differs)
    );
}

#[test]
fn every_metric_sum_holds() {
    let (rt, an) = decoded();
    let checks = metrics::checks(&an);
    let failed: Vec<_> = checks
        .iter()
        .filter(|c| c.outcome != Outcome::Pass)
        .map(|c| format!("{}: {}", c.formula, c.arithmetic))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let formulas: Vec<&str> = checks.iter().map(|c| c.formula.as_str()).collect();
    for must in [
        "tHandle = tTalkComplete + tHeldComplete + tAcw",
        "tAnswered (agent) = tAcd (queue)",
        "tIvr = Σ (ivr segmentEnd − segmentStart)",
    ] {
        assert!(formulas.contains(&must), "missing check {must}");
    }
    let handle = checks
        .iter()
        .find(|c| c.formula.starts_with("tHandle"))
        .map(|c| c.arithmetic.clone())
        .unwrap_or_default();
    assert!(
        handle.starts_with("279421 = 203920 + 45500 + 30001"),
        "{handle}"
    );
    let cross = metrics::cross_checks(&rt, &an);
    assert_eq!(cross.len(), 1);
    assert_eq!(cross[0].outcome, Outcome::Pass);
    let rows = metrics::rows(&an);
    assert_eq!(rows.len(), 13);
    assert!(rows.iter().all(|r| r.known_name && r.emit_date.is_some()));
}

#[test]
fn field_map_shows_both_vocabularies() {
    let (rt, an) = decoded();
    let rows = field_map::field_map(Some(&rt), Some(&an));
    let get = |c: &str| rows.iter().find(|r| r.concept == c);
    let mos = get("Call quality (MOS)").map(|r| r.analytics_values[0].value.clone());
    assert_eq!(mos.as_deref(), Some("4.88"));
    let media = get("Media type").map(|r| (r.realtime_values.len(), r.analytics_values.len()));
    assert_eq!(media, Some((4, 4)));
    let queue = get("Queue").map(|r| r.realtime_values.iter().any(|v| v.value == "Billing"));
    assert_eq!(queue, Some(true));
    assert!(
        rows.iter()
            .filter(|r| r.kind == field_map::RowKind::Misconception)
            .all(|r| r.realtime_values.is_empty())
    );
}

#[test]
fn timeline_overlays_segments_on_communications() {
    let (rt, an) = decoded();
    let t = timeline::build(Some(&rt), Some(&an), now());
    assert!(!t.live && t.now_ms.is_none());
    assert_eq!(t.lanes.len(), 4);
    let agent = t
        .lanes
        .iter()
        .find(|l| l.purpose.as_deref() == Some("agent"));
    let kinds: Vec<String> = agent
        .map(|l| l.analytics.iter().map(|s| s.kind.clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        kinds,
        vec!["alert", "interact", "hold", "interact", "wrapup"]
    );
    let rtk: Vec<String> = agent
        .map(|l| l.realtime.iter().map(|s| s.kind.clone()).collect())
        .unwrap_or_default();
    assert_eq!(rtk, vec!["alerting", "connected", "acw"]);
    assert_eq!(
        model::time::from_wire("2026-05-12T14:02:11.204Z")
            .map(|t| t.timestamp_millis())
            .ok(),
        Some(t.start_ms)
    );
}

#[test]
fn error_fixtures_are_explained() {
    let r429 = ApiResult {
        status: 429,
        elapsed_ms: 3.0,
        correlation_id: None,
        retry_after_secs: Some(60),
        body: json(include_str!("fixtures/error_429.json")),
    };
    let e = lookup::decode_analytics(Api::AnalyticsById, &r429, ID).err();
    let x = e.as_ref().map(errors::explain_lookup);
    assert_eq!(
        x.as_ref().map(|x| x.retry.clone()),
        Some(Retry::AfterSeconds { seconds: 60 })
    );
    assert_eq!(
        x.and_then(|x| x.correlation_id),
        Some("5f0c7e0e-2b1a-4a6e-9f39-0d7d1c1b9a11".to_owned())
    );
    let r404 = ApiResult {
        status: 404,
        retry_after_secs: None,
        body: json(include_str!("fixtures/error_404.json")),
        ..r429
    };
    let e = lookup::decode_conversation(&r404, Some(ID)).err();
    assert!(matches!(e, Some(LookupError::Http { status: 404, .. })));
    let (_, an) = decoded();
    if let Some(e) = &e {
        let g = glance::glance(
            Side::Failed(e),
            Side::Loaded(&an),
            Api::AnalyticsById,
            now(),
        );
        assert_eq!(
            g.disagreements.first().map(|d| d.topic),
            Some(Topic::Availability)
        );
    }
}

#[test]
fn snippet_query_matches_the_reference_request() {
    let (_, an) = decoded();
    let ctx = snippets::SnippetContext::new(ID, region::US_EAST_1, an.conversation_start, now());
    let mine = serde_json::to_value(snippets::details_query(&ctx)).unwrap_or_default();
    let reference = json(include_str!("fixtures/details_query_request.json"));
    for key in [
        "interval",
        "order",
        "orderBy",
        "paging",
        "conversationFilters",
    ] {
        assert_eq!(mine[key], reference[key], "{key}");
    }
}
