//! "Open saved" and the exports: every shape a user may paste (the reference examples and the
//! demo org's scenario bodies, as the real API serialises them), the app's own file read back
//! exactly, and bad inputs refused with a message naming what was expected.

use chrono::{DateTime, Duration, Utc};
use demo_org::DemoConfig;
use demo_org::org::{Org, without_attributes};
use lens::saved::markdown::{self, CalledWith, Context};
use lens::saved::{self, OpenError, Opened, PageKind, Saved, SavedSide, export};
use lens::story::Zone;
use serde_json::{Value, json};

const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn rt_body() -> Value {
    fixture(include_str!("fixtures/conversation_ended.json"))
}

/// The details-query response of the reference (one conversation, `totalHits: 1`).
fn query_page() -> Value {
    fixture(include_str!("fixtures/analytics_query_ended.json"))
}

fn an_body() -> Value {
    query_page()["conversations"][0].clone()
}

fn ready(text: &str) -> Saved {
    match saved::open(text) {
        Ok(Opened::Ready(s)) => s,
        other => panic!("expected one conversation, got {other:?}"),
    }
}

fn refused(text: &str) -> OpenError {
    match saved::open(text) {
        Err(e) => e,
        Ok(o) => panic!("expected a refusal, got {o:?}"),
    }
}

fn now() -> DateTime<Utc> {
    model::time::from_wire("2026-05-12T15:00:00.000Z").unwrap_or_default()
}

#[test]
fn a_conversation_body_opens_as_the_conversations_side() {
    let s = ready(&rt_body().to_string());
    assert_eq!(s.conversation_id, ID);
    assert!(s.analytics.is_none());
    let side = s.conversations.as_ref().expect("conversations side");
    assert_eq!(side.status, None, "a file has no HTTP status");
    assert_eq!(side.status_text(), "not fetched: opened from a file");
    assert!(matches!(s.conversation(), Some(Ok(c)) if c.id.as_deref() == Some(ID)));
}

#[test]
fn an_analytics_body_opens_as_the_analytics_side() {
    let s = ready(&serde_json::to_string_pretty(&an_body()).unwrap_or_default());
    assert_eq!(s.conversation_id, ID);
    assert!(s.conversations.is_none());
    assert!(
        matches!(s.analytics_record(), Some(Ok(a)) if a.conversation_id.as_deref() == Some(ID))
    );
}

#[test]
fn both_bodies_open_together_as_an_array_or_an_object() {
    let arr = json!([an_body(), rt_body()]).to_string();
    let obj = json!({"conversation": rt_body(), "analytics": an_body()}).to_string();
    for text in [arr, obj] {
        let s = ready(&text);
        assert_eq!(s.conversation_id, ID);
        assert!(s.conversations.is_some() && s.analytics.is_some());
        assert!(matches!(s.conversation(), Some(Ok(_))));
        assert!(matches!(s.analytics_record(), Some(Ok(_))));
    }
    let half = json!({"conversation": rt_body(), "analytics": null}).to_string();
    assert!(ready(&half).analytics.is_none());
}

#[test]
fn a_page_with_one_conversation_opens_it() {
    let s = ready(&query_page().to_string());
    assert_eq!(s.conversation_id, ID);
    assert_eq!(s.analytics.map(|a| a.body), Some(an_body()));
}

fn demo_org() -> Org {
    Org::new(&DemoConfig {
        frozen_at: Some(now()),
        synthetic_conversations: 0,
        ..DemoConfig::default()
    })
}

/// Every demo scenario's analytics record at `at`, as the API serialises it.
fn demo_records(org: &Org, at: DateTime<Utc>) -> Vec<Value> {
    org.all_scenarios()
        .iter()
        .filter_map(|s| org.analytics(&s.conv.id, at))
        .filter_map(|a| serde_json::to_value(without_attributes(a)).ok())
        .collect()
}

#[test]
fn pages_of_demo_conversations_list_them_to_pick_from() {
    let org = demo_org();
    let at = now() + Duration::days(1);
    let records = demo_records(&org, at);
    assert!(records.len() >= 3, "the demo org has scenarios");
    let pages = [
        (
            json!({"conversations": records, "totalHits": records.len()}),
            PageKind::DetailsQuery,
        ),
        (
            json!({"conversations": records, "cursor": "abc", "dataAvailabilityDate": "2026-05-12T00:00:00.000Z"}),
            PageKind::JobResults,
        ),
        (json!(records), PageKind::List),
    ];
    for (body, kind) in pages {
        let Ok(Opened::Pick(page)) = saved::open(&body.to_string()) else {
            panic!("{kind:?}: expected a list to pick from");
        };
        assert_eq!(page.kind, kind);
        assert_eq!(page.candidates.len(), records.len());
        assert_eq!(page.more, kind == PageKind::JobResults);
        for c in &page.candidates {
            assert!(c.start.is_some(), "{}: start", c.conversation_id);
            assert!(!c.media.is_empty(), "{}: media", c.conversation_id);
            let picked = page.pick(&c.conversation_id).expect("pickable");
            assert_eq!(picked.conversation_id, c.conversation_id);
            assert!(matches!(picked.analytics_record(), Some(Ok(_))));
        }
        assert!(page.pick("00000000-0000-4000-8000-000000000000").is_none());
    }
}

#[test]
fn every_demo_scenario_round_trips_through_the_export() {
    let org = demo_org();
    for s in org.all_scenarios() {
        let id = s.conv.id.clone();
        let at = s.conv.end() + Duration::hours(1);
        let side = |v: Option<Value>, corr: &str| {
            v.map(|body| SavedSide {
                status: Some(200),
                correlation_id: Some(corr.to_owned()),
                body,
            })
        };
        let saved = Saved {
            conversation_id: id.clone(),
            conversations: side(
                org.realtime(&id, at)
                    .and_then(|c| serde_json::to_value(c).ok()),
                "corr-rt",
            ),
            analytics: side(
                org.analytics(&id, at)
                    .and_then(|a| serde_json::to_value(without_attributes(a)).ok()),
                "corr-an",
            ),
        };
        let file = export::to_json(&saved, now());
        assert_eq!(ready(&file), saved, "{}", s.id);
    }
}

#[test]
fn the_export_keeps_error_answers_and_missing_sides() {
    let saved = Saved {
        conversation_id: ID.to_owned(),
        conversations: Some(SavedSide {
            status: Some(404),
            correlation_id: Some("c-404".to_owned()),
            body: json!({"status": 404, "code": "not.found", "message": "The requested resource was not found."}),
        }),
        analytics: Some(SavedSide::from_file(an_body())),
    };
    let file = export::to_json(&saved, now());
    let back = ready(&file);
    assert_eq!(back, saved);
    assert!(matches!(back.conversation(), Some(Err(e)) if e.is_not_found()));
    let none = Saved {
        analytics: None,
        ..saved
    };
    assert_eq!(ready(&export::to_json(&none, now())), none);
}

#[test]
fn bad_inputs_say_what_was_expected() {
    let msg = |text: &str| refused(text).to_string();
    assert_eq!(refused("  \n "), OpenError::Empty);
    let e = refused("{\n  \"id\": \"x\",\n    oops\n}");
    assert!(
        matches!(
            e,
            OpenError::NotJson {
                line: 3,
                column: 5,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("line 3 column 5"), "{e}");
    assert!(e.to_string().contains("Open saved needs a Conversation"));

    let aggregates = json!({"results": [{"group": {"mediaType": "voice"}, "data": []}]});
    assert!(msg(&aggregates.to_string()).contains("*aggregates* response"));
    assert!(
        msg(r#"{"jobId":"46e3ed2e-742d-40cf-bd28-9699a522c3a4"}"#).contains("jobs/{jobId}/results")
    );
    assert!(
        msg(r#"{"state":"FULFILLED","submissionDate":"2026-05-13T09:00:00.000Z"}"#)
            .contains("job status")
    );
    let req = fixture(include_str!("fixtures/details_query_request.json"));
    assert!(msg(&req.to_string()).contains("*request*"));
    let err = fixture(include_str!("fixtures/error_404.json"));
    let m = msg(&err.to_string());
    assert!(
        m.contains("Genesys error body") && m.contains("not.found"),
        "{m}"
    );
    assert!(
        msg(r#"{"topicName":"v2.conversations.x","eventBody":{}}"#).contains("notification event")
    );
    assert!(msg(r#"{"entities":[]}"#).contains("Conversations API"));
    let token = msg(r#"{"access_token":"very-secret-value","token_type":"bearer"}"#);
    assert!(token.contains("OAuth token") && !token.contains("very-secret-value"));
    assert!(msg("42").contains("a number on its own"));
    assert!(msg("[]").contains("an empty array"));
    let keys = msg(r#"{"foo":1,"bar":2}"#);
    assert!(
        keys.contains("an object with") && keys.contains("foo") && keys.contains("bar"),
        "{keys}"
    );
    assert!(msg(r#"{"conversations":[],"totalHits":0}"#).contains("no conversations"));
    assert!(msg(r#"{"conversations":"x","totalHits":0}"#).contains("not a list"));
    assert!(
        msg(&format!(r#"{{"id":"{ID}","participants":"nope"}}"#))
            .contains("looks like a Conversation")
    );
    assert!(msg(r#"{"conversationId":7,"participants":[]}"#).contains("not a string"));
    let other = "11111111-2222-4333-8444-555555555555";
    let mut an_other = an_body();
    an_other["conversationId"] = json!(other);
    assert!(matches!(
        refused(&json!([rt_body(), an_other]).to_string()),
        OpenError::Mismatch { .. }
    ));
    assert_eq!(
        refused(r#"{"conversationLensExport": 9, "conversationId": "x"}"#),
        OpenError::NewerExport { found: 9 }
    );
    assert!(msg(r#"{"conversationLensExport": "one"}"#).contains("not a format number"));
    assert!(msg(r#"{"conversationLensExport": 1}"#).contains("conversationId"));
    assert!(msg("\u{feff}").contains("Nothing to open"));
}

fn ctx(called_with: CalledWith) -> Context {
    Context {
        exported_at: now(),
        zone: Zone::UTC,
        origin: Some("http://127.0.0.1:8080".to_owned()),
        share_url: Some(format!("http://127.0.0.1:8080/c/{ID}?tab=timeline")),
        called_with,
    }
}

#[test]
fn markdown_has_statuses_correlation_ids_story_differences_and_sources() {
    let saved = Saved {
        conversation_id: ID.to_owned(),
        conversations: Some(SavedSide {
            status: Some(200),
            correlation_id: Some("corr-rt-1".to_owned()),
            body: rt_body(),
        }),
        analytics: Some(SavedSide::from_file(an_body())),
    };
    let md = markdown::render(&saved, &ctx(CalledWith::OwnToken));
    assert!(md.starts_with(&format!("# Conversation `{ID}`")), "{md}");
    assert!(
        md.contains("| Conversations API |") && md.contains("| HTTP 200 | `corr-rt-1` |"),
        "{md}"
    );
    assert!(md.contains("not fetched: opened from a file"), "{md}");
    assert!(
        md.contains("## What happened") && md.contains("hung up at"),
        "{md}"
    );
    assert!(md.contains("## Where the two APIs differ"), "{md}");
    assert!(
        md.contains("[Python SDK model `Conversation`](https://github.com/"),
        "{md}"
    );
    assert!(md.contains(&format!("(http://127.0.0.1:8080/c/{ID}?tab=timeline)")));
    assert!(md.contains("own token (not included here)"));
    // Markdown link labels (`[Open in …](…)`) are not bracket tags.
    let prose = md.replace("](", " (");
    assert_eq!(
        lens::source::internal_code(&prose),
        None,
        "no internal codes"
    );
}

#[test]
fn markdown_explains_a_failed_side() {
    let saved = Saved {
        conversation_id: ID.to_owned(),
        conversations: Some(SavedSide {
            status: Some(404),
            correlation_id: Some("c-404".to_owned()),
            body: fixture(include_str!("fixtures/error_404.json")),
        }),
        analytics: Some(SavedSide {
            status: Some(200),
            correlation_id: Some("c-200".to_owned()),
            body: an_body(),
        }),
    };
    let md = markdown::render(&saved, &ctx(CalledWith::ServerClient));
    assert!(md.contains("| HTTP 404 | `c-404` |"), "{md}");
    assert!(md.contains("`not.found`"), "{md}");
    assert!(
        md.contains("Real-time says 404, analytics has the conversation"),
        "{md}"
    );
    assert!(
        md.contains("As the Conversations API tells it\n\nNo body"),
        "{md}"
    );
}
