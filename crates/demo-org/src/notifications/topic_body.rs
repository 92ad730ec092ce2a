//! The event body of the conversation topics, made from the Conversations API view.
//!
//! `ConversationEventTopicConversation` (user topic) and `QueueConversationEventTopicConversation`
//! (queue topic) have the same fields, a subset of the REST `Conversation` with a few spelled
//! differently (reference/notifications-api-models.json against conversations-api-models.json):
//! no `startTime`/`endTime`/`selfUri` on the conversation; no `startTime`, `ani`, `dnis`,
//! `queueName`, `userUri` on participants; no `segments`, `startAlertingTime`, `recordingId` on
//! communications; routing queue refs are `{id, name}`; `recentTransfers` states and types are
//! lower-case (`complete`, `attended`). Building the body from the REST view keeps the two from
//! ever disagreeing about what happened.

use serde_json::{Map, Value};

/// Fields the REST `Conversation` has and the topic conversation lacks.
const CONVERSATION_DROP: &[&str] = &[
    "startTime",
    "endTime",
    "selfUri",
    "state",
    "conversationIds",
    "name",
];
/// Fields the REST `Participant` has and the topic participant lacks.
const PARTICIPANT_DROP: &[&str] = &[
    "startTime",
    "ani",
    "aniName",
    "dnis",
    "evaluations",
    "locale",
    "participantType",
    "queueName",
    "userUri",
    "wrapupSkipped",
];
/// Fields REST communications (calls, callbacks, emails, messages…) have and topic ones lack.
const COMMUNICATION_DROP: &[&str] = &[
    "segments",
    "startAlertingTime",
    "recordingId",
    "clientIpAddress",
    "authenticated",
];
/// Communication arrays of a participant.
const MEDIA: &[&str] = &[
    "calls",
    "callbacks",
    "chats",
    "cobrowsesessions",
    "emails",
    "messages",
    "screenshares",
    "socialExpressions",
    "videos",
];

/// The topic body for a REST `Conversation` JSON (anything not an object comes back unchanged).
#[must_use]
pub fn topic_conversation(rest: Value) -> Value {
    let Value::Object(mut c) = rest else {
        return rest;
    };
    drop_keys(&mut c, CONVERSATION_DROP);
    if let Some(Value::Array(ps)) = c.get_mut("participants") {
        for p in ps.iter_mut().filter_map(Value::as_object_mut) {
            participant(p);
        }
    }
    if let Some(Value::Array(ts)) = c.get_mut("recentTransfers") {
        for t in ts.iter_mut().filter_map(Value::as_object_mut) {
            for key in ["state", "transferType"] {
                lower(t, key);
            }
        }
    }
    if let Some(Value::Array(ds)) = c.get_mut("divisions") {
        for d in ds.iter_mut().filter_map(Value::as_object_mut) {
            // Topic division refs are `{id, selfUri}`.
            if let Some(Value::Object(div)) = d.get_mut("division") {
                drop_keys(div, &["name"]);
            }
            if let Some(Value::Array(es)) = d.get_mut("entities") {
                for e in es.iter_mut().filter_map(Value::as_object_mut) {
                    drop_keys(e, &["name"]);
                }
            }
        }
    }
    Value::Object(c)
}

fn participant(p: &mut Map<String, Value>) {
    drop_keys(p, PARTICIPANT_DROP);
    if let Some(Value::Object(w)) = p.get_mut("wrapup") {
        drop_keys(w, &["name", "provisional"]);
    }
    if let Some(Value::Object(r)) = p.get_mut("conversationRoutingData") {
        drop_keys(r, &["label", "skillExpression"]);
        // Topic refs here are `ConversationEventTopicUriReference {id, name}`.
        for key in ["queue", "language"] {
            if let Some(Value::Object(q)) = r.get_mut(key) {
                drop_keys(q, &["selfUri"]);
            }
        }
        if let Some(Value::Array(skills)) = r.get_mut("skills") {
            for s in skills.iter_mut().filter_map(Value::as_object_mut) {
                drop_keys(s, &["selfUri"]);
            }
        }
    }
    for media in MEDIA {
        if let Some(Value::Array(items)) = p.get_mut(*media) {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                drop_keys(item, COMMUNICATION_DROP);
                if let Some(Value::Array(ms)) = item.get_mut("messages") {
                    for m in ms.iter_mut().filter_map(Value::as_object_mut) {
                        drop_keys(m, &["messageURI"]);
                    }
                }
            }
        }
    }
}

fn drop_keys(obj: &mut Map<String, Value>, keys: &[&str]) {
    for k in keys {
        obj.remove(*k);
    }
}

fn lower(obj: &mut Map<String, Value>, key: &str) {
    if let Some(Value::String(s)) = obj.get_mut(key) {
        *s = s.to_ascii_lowercase();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rest_only_fields_go_and_transfer_words_are_lower_case() {
        let rest = json!({
            "id": "c1", "startTime": "2026-05-12T14:00:00.000Z", "selfUri": "/x",
            "participants": [{
                "id": "p1", "startTime": "x", "queueName": "Support", "userId": "u1",
                "conversationRoutingData": {"queue": {"id": "q1", "selfUri": "/q"}},
                "wrapup": {"code": "w", "name": "Resolved", "provisional": false},
                "calls": [{"id": "k1", "state": "connected", "segments": [], "recordingId": "r"}]
            }],
            "recentTransfers": [{"state": "Complete", "transferType": "Attended"}]
        });
        let t = topic_conversation(rest);
        assert_eq!(
            t,
            json!({
                "id": "c1",
                "participants": [{
                    "id": "p1", "userId": "u1",
                    "conversationRoutingData": {"queue": {"id": "q1"}},
                    "wrapup": {"code": "w"},
                    "calls": [{"id": "k1", "state": "connected"}]
                }],
                "recentTransfers": [{"state": "complete", "transferType": "attended"}]
            })
        );
    }
}
