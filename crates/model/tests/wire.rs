//! The generated wire types against the reference: examples decode, re-encode to the same JSON,
//! unknown fields and enum values are tolerated, and timestamps keep Genesys' millisecond form.

use model::ErrorBody;
use model::analytics::{AnalyticsConversationQueryResponse, ConversationQuery, SegmentType};
use model::conversations::{CallDisconnectType, CallState, Conversation};
use serde_json::{Value, json};

fn conversation_example() -> Value {
    json!({
      "id": "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4",
      "startTime": "2026-05-12T14:02:11.204Z",
      "endTime": "2026-05-12T14:07:15.300Z",
      "address": "tel:+13175550100",
      "participants": [{
        "id": "0f1d4211-3ad0-42d6-87e7-ee4fcf107009",
        "startTime": "2026-05-12T14:02:57.002Z",
        "purpose": "agent",
        "wrapupRequired": true,
        "wrapupPrompt": "mandatory",
        "wrapup": { "code": "e3cbeb21-47cc-47ec-a5d0-d2557a66f8dc", "name": "Billing question", "tags": [], "durationSeconds": 30, "provisional": false },
        "attributes": {},
        "calls": [{
          "state": "disconnected", "initialState": "alerting", "id": "bb30da64-fece-4d24-a1c4-680cee7c9b0d",
          "direction": "inbound", "recording": true, "recordingState": "none", "held": false,
          "disconnectType": "transfer.consult",
          "connectedTime": "2026-05-12T14:03:05.880Z",
          "afterCallWork": { "startTime": "2026-05-12T14:07:15.300Z", "endTime": "2026-05-12T14:07:45.301Z", "state": "complete" },
          "afterCallWorkRequired": true
        }]
      }],
      "recordingState": "NONE",
      "divisions": [{ "division": { "id": "c8b574b2-6d81-4990-875b-12ddfc69192b", "name": "Home", "selfUri": "/api/v2/authorization/divisions/c8b574b2-6d81-4990-875b-12ddfc69192b" }, "entities": [] }],
      "recentTransfers": [],
      "securePause": false,
      "selfUri": "/api/v2/conversations/cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4"
    })
}

#[test]
fn conversation_round_trips_exactly() {
    let v = conversation_example();
    let c: Conversation = serde_json::from_value(v.clone()).expect("decodes");
    let call = &c.participants.as_ref().expect("participants")[0]
        .calls
        .as_ref()
        .expect("calls")[0];
    assert_eq!(call.state, Some(CallState::Disconnected));
    assert_eq!(call.initial_state, Some(CallState::Alerting));
    assert_eq!(
        call.disconnect_type,
        Some(CallDisconnectType::TransferConsult)
    );
    assert_eq!(c.state, None, "reads never carry a conversation state");
    assert_eq!(
        serde_json::to_value(&c).expect("encodes"),
        v,
        "re-encoding must give the same JSON"
    );
}

#[test]
fn unknown_fields_and_enum_values_are_tolerated_and_kept() {
    let mut v = conversation_example();
    v["brandNewField"] = json!({"x": 1});
    v["participants"][0]["calls"][0]["state"] = json!("teleporting");
    let c: Conversation = serde_json::from_value(v).expect("decodes despite unknowns");
    let call = &c.participants.as_ref().expect("participants")[0]
        .calls
        .as_ref()
        .expect("calls")[0];
    assert_eq!(call.state, Some(CallState::Other("teleporting".into())));
    assert!(!call.state.as_ref().is_some_and(CallState::is_known));
    let back = serde_json::to_value(&c).expect("encodes");
    assert_eq!(back["participants"][0]["calls"][0]["state"], "teleporting");
}

#[test]
fn timestamps_are_written_with_milliseconds() {
    let c: Conversation =
        serde_json::from_value(json!({"startTime": "2026-05-12T14:02:11Z"})).expect("decodes");
    assert_eq!(
        serde_json::to_value(&c).expect("encodes")["startTime"],
        "2026-05-12T14:02:11.000Z"
    );
    let offset: Conversation =
        serde_json::from_value(json!({"startTime": "2026-05-12T16:02:11.5+02:00"}))
            .expect("decodes offsets");
    assert_eq!(
        serde_json::to_value(&offset).expect("encodes")["startTime"],
        "2026-05-12T14:02:11.500Z"
    );
    assert!(serde_json::from_value::<Conversation>(json!({"startTime": "yesterday"})).is_err());
}

#[test]
fn analytics_query_response_and_request_decode() {
    let resp: AnalyticsConversationQueryResponse = serde_json::from_value(json!({
        "conversations": [{
            "conversationId": "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4",
            "conversationStart": "2026-05-12T14:02:11.204Z",
            "originatingDirection": "inbound",
            "participants": [{ "participantId": "p", "purpose": "agent", "sessions": [{
                "sessionId": "s", "mediaType": "voice",
                "segments": [{ "segmentStart": "2026-05-12T14:02:57.002Z", "segmentEnd": "2026-05-12T14:03:05.880Z", "segmentType": "alert", "disconnectType": "consultTransfer" }],
                "metrics": [{ "name": "tAlert", "value": 8878, "emitDate": "2026-05-12T14:03:05.880Z" }]
            }]}]
        }],
        "totalHits": 1
    })).expect("decodes");
    let conv = &resp.conversations.as_ref().expect("conversations")[0];
    let seg = &conv.participants.as_ref().expect("p")[0]
        .sessions
        .as_ref()
        .expect("s")[0]
        .segments
        .as_ref()
        .expect("seg")[0];
    assert_eq!(seg.segment_type, Some(SegmentType::Alert));
    assert_eq!(resp.total_hits, Some(1));

    let q: ConversationQuery = serde_json::from_value(json!({
        "interval": "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z",
        "order": "asc", "orderBy": "conversationStart",
        "paging": { "pageSize": 25, "pageNumber": 1 },
        "conversationFilters": [{ "type": "and", "predicates": [{ "type": "dimension", "dimension": "conversationId", "operator": "matches", "value": "x" }] }],
        "segmentFilters": [{ "type": "or", "predicates": [{ "type": "dimension", "dimension": "mediaType", "value": "voice" }] }]
    })).expect("decodes");
    let back = serde_json::to_value(&q).expect("encodes");
    assert_eq!(
        back["conversationFilters"][0]["predicates"][0]["dimension"],
        "conversationId"
    );
    assert!(back.get("entities").is_none());
}

#[test]
fn error_body_decodes() {
    let e: ErrorBody = serde_json::from_value(json!({
        "status": 404, "code": "not.found", "message": "The requested operation failed with status 404",
        "contextId": "d11bd3b3-ab7e-4fd4-9687-d04af9f30a63", "details": [], "errors": []
    })).expect("decodes");
    assert_eq!(e.status, Some(404));
    assert_eq!(e.code.as_deref(), Some("not.found"));
}

/// Every field of every reference model must exist on the generated struct: build an object with
/// all fields set to a value of the right JSON type, decode it, re-encode it, and compare key sets.
#[test]
fn generated_structs_cover_every_reference_field() {
    for name in [
        "Conversation",
        "Participant",
        "Call",
        "Wrapup",
        "AfterCallWork",
        "ErrorBody",
        "Email",
        "Message",
        "Callback",
    ] {
        let sample = sample_object(name);
        let decoded: Value = match name {
            "Conversation" => roundtrip::<Conversation>(&sample),
            "Participant" => roundtrip::<model::conversations::Participant>(&sample),
            "Call" => roundtrip::<model::conversations::Call>(&sample),
            "Wrapup" => roundtrip::<model::conversations::Wrapup>(&sample),
            "AfterCallWork" => roundtrip::<model::conversations::AfterCallWork>(&sample),
            "ErrorBody" => roundtrip::<ErrorBody>(&sample),
            "Email" => roundtrip::<model::conversations::Email>(&sample),
            "Message" => roundtrip::<model::conversations::Message>(&sample),
            _ => roundtrip::<model::conversations::Callback>(&sample),
        };
        let want: Vec<_> = sample
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        let got: Vec<_> = decoded
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            got, want,
            "{name}: generated struct drops or renames fields"
        );
    }
    for name in [
        "AnalyticsConversation",
        "AnalyticsSession",
        "AnalyticsConversationSegment",
        "ConversationQuery",
        "AsyncQueryStatus",
    ] {
        let sample = sample_object(name);
        let decoded: Value = match name {
            "AnalyticsConversation" => {
                roundtrip::<model::analytics::AnalyticsConversation>(&sample)
            }
            "AnalyticsSession" => roundtrip::<model::analytics::AnalyticsSession>(&sample),
            "AnalyticsConversationSegment" => {
                roundtrip::<model::analytics::AnalyticsConversationSegment>(&sample)
            }
            "ConversationQuery" => roundtrip::<ConversationQuery>(&sample),
            _ => roundtrip::<model::analytics::AsyncQueryStatus>(&sample),
        };
        let want: Vec<_> = sample
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        let got: Vec<_> = decoded
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            got, want,
            "{name}: generated struct drops or renames fields"
        );
    }
}

fn roundtrip<T: serde::de::DeserializeOwned + serde::Serialize>(v: &Value) -> Value {
    let t: T = serde_json::from_value(v.clone()).expect("sample decodes");
    serde_json::to_value(t).expect("encodes")
}

/// A flat sample of `model` with every field present (nested models left as empty objects/lists).
fn sample_object(model_name: &str) -> Value {
    let mut obj = serde_json::Map::new();
    for f in model::docs::fields_of(model_name) {
        let v = if let Some(first) = f.values.first() {
            if f.ty.starts_with("list[") {
                json!([first])
            } else {
                json!(first)
            }
        } else {
            match f.ty {
                "str" => json!("x"),
                "int" => json!(1),
                "float" => json!(1.5),
                "bool" => json!(true),
                "datetime" => json!("2026-05-12T14:02:11.204Z"),
                "list[str]" => json!(["x"]),
                "list[int]" => json!([1]),
                t if t.starts_with("list[") => json!([]),
                t if t.starts_with("dict(") => json!({}),
                _ => json!({}),
            }
        };
        obj.insert(f.field.to_owned(), v);
    }
    assert!(!obj.is_empty(), "{model_name} not in the reference");
    Value::Object(obj)
}
