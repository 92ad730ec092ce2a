#![allow(clippy::unwrap_used)]
//! The structural diff matches array elements by identity.

use lens::diff::{ChangeKind, diff};
use serde_json::json;

#[test]
fn equal_bodies_have_no_changes_even_when_reordered() {
    let a = json!({ "participants": [ { "id": "p1", "purpose": "customer" }, { "id": "p2", "purpose": "agent" } ] });
    let b = json!({ "participants": [ { "id": "p2", "purpose": "agent" }, { "id": "p1", "purpose": "customer" } ] });
    assert!(diff(&a, &a).is_empty());
    assert!(
        diff(&a, &b).is_empty(),
        "order does not matter when elements have ids"
    );
}

#[test]
fn realtime_changes_are_matched_by_participant_and_communication_id() {
    let old = json!({ "id": "c", "participants": [
        { "id": "p1", "calls": [ { "id": "k1", "state": "connected", "held": false } ] } ] });
    let new = json!({ "id": "c", "endTime": "2026-05-12T14:07:15.300Z", "participants": [
        { "id": "p2", "calls": [ { "id": "k2", "state": "alerting" } ] },
        { "id": "p1", "calls": [ { "id": "k1", "state": "disconnected", "held": false, "disconnectType": "endpoint" } ] } ] });
    let changes = diff(&old, &new);
    let lines: Vec<String> = changes.iter().map(lens::diff::Change::describe).collect();
    assert!(
        lines.contains(
            &"participants[id=p1].calls[id=k1].state: \"connected\" → \"disconnected\"".to_owned()
        ),
        "{lines:#?}"
    );
    assert!(
        lines.contains(
            &"+ participants[id=p1].calls[id=k1].disconnectType = \"endpoint\"".to_owned()
        ),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"+ participants[id=p2] = {…2 fields}".to_owned()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"+ endTime = \"2026-05-12T14:07:15.300Z\"".to_owned()),
        "{lines:#?}"
    );
    assert_eq!(changes.len(), 4);
}

#[test]
fn analytics_sessions_segments_and_metrics_have_identities() {
    let seg = |t: &str, s: &str| json!({ "segmentType": t, "segmentStart": s });
    let old = json!({ "participants": [ { "participantId": "a", "sessions": [ { "sessionId": "s1",
        "segments": [ seg("interact", "2026-05-12T14:03:05.880Z") ],
        "metrics": [ { "name": "tTalk", "value": 114120, "emitDate": "2026-05-12T14:05:00.000Z" } ] } ] } ] });
    let mut with_end = seg("interact", "2026-05-12T14:03:05.880Z");
    with_end["segmentEnd"] = json!("2026-05-12T14:07:15.300Z");
    let new = json!({ "conversationEnd": "2026-05-12T14:07:15.300Z", "participants": [ { "participantId": "a", "sessions": [ { "sessionId": "s1",
        "segments": [ with_end, seg("wrapup", "2026-05-12T14:07:15.300Z") ],
        "metrics": [ { "name": "tTalk", "value": 114120, "emitDate": "2026-05-12T14:05:00.000Z" },
                     { "name": "tAcw", "value": 30001, "emitDate": "2026-05-12T14:07:45.301Z" } ] } ] } ] });
    let changes = diff(&old, &new);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    let base = "participants[participantId=a].sessions[sessionId=s1]";
    assert!(
        paths.contains(
            &format!("{base}.segments[interact@2026-05-12T14:03:05.880Z].segmentEnd").as_str()
        ),
        "{paths:#?}"
    );
    assert!(
        paths.contains(&format!("{base}.segments[wrapup@2026-05-12T14:07:15.300Z]").as_str()),
        "{paths:#?}"
    );
    assert!(
        paths.contains(&format!("{base}.metrics[tAcw@2026-05-12T14:07:45.301Z]").as_str()),
        "{paths:#?}"
    );
    assert!(paths.contains(&"conversationEnd"));
    assert_eq!(changes.len(), 4);
    assert!(
        changes
            .iter()
            .all(|c| matches!(c.kind, ChangeKind::Added { .. }))
    );
}

#[test]
fn removed_fields_and_positional_arrays() {
    let old = json!({ "divisionIds": ["d1", "d2"], "recordingState": "active" });
    let new = json!({ "divisionIds": ["d1", "d3", "d4"] });
    let changes = diff(&old, &new);
    let lines: Vec<String> = changes.iter().map(lens::diff::Change::describe).collect();
    assert_eq!(
        lines,
        vec![
            "divisionIds[1]: \"d2\" → \"d3\"".to_owned(),
            "+ divisionIds[2] = \"d4\"".to_owned(),
            "− recordingState (was \"active\")".to_owned(),
        ]
    );
}

#[test]
fn duplicate_identities_fall_back_to_positions() {
    let old = json!([ { "id": "x", "v": 1 }, { "id": "x", "v": 2 } ]);
    let new = json!([ { "id": "x", "v": 1 }, { "id": "x", "v": 3 } ]);
    let changes = diff(&old, &new);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].path, "[1].v");
}
