//! Recognise what a pasted or dropped text is and decode it with the wire models.
//!
//! The shape is told from its keys first (`conversationLensExport`, `conversations`,
//! `conversationId`, `id`, …), then decoded tolerantly with `model`; a known shape that does not
//! hold a conversation (aggregates, a job status, an error body, a query request) gets a message
//! naming what it is and what to save instead.

use serde_json::{Map, Value};

use super::page::{Page, PageKind};
use super::{OpenError, Opened, Saved, SavedSide, export};
use crate::lookup::{self, Api, ApiResult, LookupError};

/// Read `text` (pasted or a dropped file's content).
///
/// # Errors
/// [`OpenError`] saying which shape was expected and what was found; never panics.
pub fn open(text: &str) -> Result<Opened, OpenError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(OpenError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| OpenError::NotJson {
        reason: reason(&e),
        line: e.line(),
        column: e.column(),
    })?;
    match &value {
        Value::Object(o) => object(o, &value),
        Value::Array(items) => array(items),
        other => Err(OpenError::Unrecognised {
            found: format!("{} on its own", kind_of(other)),
        }),
    }
}

/// serde's message without its own " at line … column …" (we say that once).
fn reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn object(o: &Map<String, Value>, value: &Value) -> Result<Opened, OpenError> {
    let has = |k: &str| o.contains_key(k);
    if has(export::MARKER) {
        return export::read(o).map(Opened::Ready);
    }
    if has("conversation") && has("analytics") {
        return both(o.get("conversation"), o.get("analytics")).map(Opened::Ready);
    }
    if has("conversations") {
        return page(o);
    }
    if has("conversationId") {
        return analytics(value).map(|(id, side)| {
            Opened::Ready(Saved {
                conversation_id: id,
                conversations: None,
                analytics: Some(side),
            })
        });
    }
    if has("id") && (has("participants") || has("startTime")) {
        return conversation(value).map(|(id, side)| {
            Opened::Ready(Saved {
                conversation_id: id,
                conversations: Some(side),
                analytics: None,
            })
        });
    }
    Err(other_shape(o))
}

/// Known shapes that hold no conversation, each with what to save instead.
fn other_shape(o: &Map<String, Value>) -> OpenError {
    let has = |k: &str| o.contains_key(k);
    let shape = |what, hint| OpenError::OtherShape { what, hint };
    if has("results") {
        return shape(
            "an analytics *aggregates* response (`results` of groups and metric data: counts and sums, no single conversation)",
            "Aggregates never list conversations: use the details query or the by-id GET for one.",
        );
    }
    if has("jobId") {
        return shape(
            "the answer to creating an async details job (`jobId`)",
            "Wait until the job is FULFILLED, then save a page of GET /api/v2/analytics/conversations/details/jobs/{jobId}/results.",
        );
    }
    if has("state") && (has("submissionDate") || has("expirationDate")) {
        return shape(
            "an async job status (`state`, `submissionDate`)",
            "Save a page of the job's results instead: GET /api/v2/analytics/conversations/details/jobs/{jobId}/results.",
        );
    }
    if has("interval")
        && (has("segmentFilters") || has("conversationFilters") || has("paging") || has("order"))
    {
        return shape(
            "a details-query *request* (the body you POST, with `interval` and filters)",
            "Run the query and save its response.",
        );
    }
    if has("topicName") && has("eventBody") {
        return shape(
            "a notification event (`topicName` + `eventBody`)",
            "Its event body is a different shape from the Conversations API body: save GET /api/v2/conversations/{id} instead.",
        );
    }
    if has("entities") {
        return shape(
            "a list from the Conversations API (`entities`)",
            "Save one conversation of it: GET /api/v2/conversations/{id}.",
        );
    }
    if has("access_token") {
        return shape(
            "an OAuth token response",
            "Do not paste tokens here: a token is a password.",
        );
    }
    if has("status") && (has("code") || has("message")) {
        let body = lookup::error_body(0, &Value::Object(o.clone()));
        let mut summary = format!("HTTP {}", body.status.unwrap_or_default());
        if let Some(c) = &body.code {
            summary.push(' ');
            summary.push_str(c);
        }
        if let Some(m) = &body.message {
            summary.push_str(": ");
            summary.push_str(m);
        }
        return OpenError::ErrorBody { summary };
    }
    let keys: Vec<&str> = o.keys().take(6).map(String::as_str).collect();
    OpenError::Unrecognised {
        found: if keys.is_empty() {
            "an empty object".to_owned()
        } else {
            format!(
                "an object with {}{}",
                keys.join(", "),
                if o.len() > keys.len() { ", …" } else { "" }
            )
        },
    }
}

fn page(o: &Map<String, Value>) -> Result<Opened, OpenError> {
    let kind = if o.contains_key("cursor") || o.contains_key("dataAvailabilityDate") {
        PageKind::JobResults
    } else if o.contains_key("totalHits") || o.contains_key("aggregations") {
        PageKind::DetailsQuery
    } else {
        PageKind::List
    };
    let list = match o.get("conversations") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(a)) => a.as_slice(),
        Some(other) => {
            return Err(OpenError::WrongShape {
                expected: "a page of analytics conversations",
                reason: format!("`conversations` is {}, not a list", kind_of(other)),
            });
        }
    };
    let total = o.get("totalHits").and_then(Value::as_u64);
    let more = o.get("cursor").is_some_and(|c| !c.is_null());
    pick_or_ready(Page::new(kind, list, total, more), list)
}

/// A page with one conversation opens it directly; more ask the user to pick.
fn pick_or_ready(p: Page, list: &[Value]) -> Result<Opened, OpenError> {
    match p.candidates.as_slice() {
        [] if list.is_empty() => Err(OpenError::EmptyPage {
            kind: p.kind.label(),
        }),
        [] => Err(OpenError::WrongShape {
            expected: "a page of analytics conversations",
            reason: "no entry has a `conversationId`".to_owned(),
        }),
        [one] => {
            let id = one.conversation_id.clone();
            p.pick(&id).map(Opened::Ready).ok_or(OpenError::Empty)
        }
        _ => Ok(Opened::Pick(p)),
    }
}

fn array(items: &[Value]) -> Result<Opened, OpenError> {
    let is = |v: &Value, k: &str| v.get(k).is_some();
    let convs: Vec<&Value> = items.iter().filter(|v| is(v, "id")).collect();
    let anas: Vec<&Value> = items.iter().filter(|v| is(v, "conversationId")).collect();
    let known = convs.len() + anas.len() == items.len();
    match (convs.as_slice(), anas.len()) {
        _ if items.is_empty() => Err(OpenError::Unrecognised {
            found: "an empty array".to_owned(),
        }),
        ([c], 1) if known => both(Some(c), anas.first().copied()).map(Opened::Ready),
        ([c], 0) if known => both(Some(c), None).map(Opened::Ready),
        ([], _) if known => pick_or_ready(Page::new(PageKind::List, items, None, false), items),
        _ => Err(OpenError::Unrecognised {
            found: format!(
                "an array of {} item(s): {} with `id`, {} with `conversationId`",
                items.len(),
                convs.len(),
                anas.len()
            ),
        }),
    }
}

/// A Conversation and an analytics record, either of which may be missing or null.
fn both(conv: Option<&Value>, ana: Option<&Value>) -> Result<Saved, OpenError> {
    let conv = conv
        .filter(|v| !v.is_null())
        .map(conversation)
        .transpose()?;
    let ana = ana.filter(|v| !v.is_null()).map(analytics).transpose()?;
    match (conv, ana) {
        (None, None) => Err(OpenError::WrongShape {
            expected: "a Conversation with its analytics record",
            reason: "both are null".to_owned(),
        }),
        (Some((a, _)), Some((b, _))) if !a.eq_ignore_ascii_case(&b) => Err(OpenError::Mismatch {
            conversation: a,
            analytics: b,
        }),
        (c, a) => {
            let id = c
                .as_ref()
                .or(a.as_ref())
                .map(|(id, _)| id.clone())
                .unwrap_or_default();
            Ok(Saved {
                conversation_id: id,
                conversations: c.map(|(_, s)| s),
                analytics: a.map(|(_, s)| s),
            })
        }
    }
}

fn wrong(expected: &'static str, e: LookupError) -> OpenError {
    let reason = match e {
        LookupError::UnexpectedBody { reason, .. } => reason,
        other => other.to_string(),
    };
    OpenError::WrongShape { expected, reason }
}

/// A Conversations API body: its id and the side as from a file.
fn conversation(v: &Value) -> Result<(String, SavedSide), OpenError> {
    const WHAT: &str = "a Conversation (GET /api/v2/conversations/{id})";
    let c =
        lookup::decode_conversation(&ApiResult::ok(v.clone()), None).map_err(|e| wrong(WHAT, e))?;
    let id = c.id.unwrap_or_default();
    Ok((id, SavedSide::from_file(v.clone())))
}

/// An analytics conversation (by-id GET or one entry of a page).
fn analytics(v: &Value) -> Result<(String, SavedSide), OpenError> {
    const WHAT: &str =
        "an analytics conversation (GET /api/v2/analytics/conversations/{id}/details)";
    let Some(id) = v.get("conversationId").and_then(Value::as_str) else {
        return Err(OpenError::WrongShape {
            expected: WHAT,
            reason: "`conversationId` is not a string".to_owned(),
        });
    };
    lookup::decode_analytics(Api::AnalyticsById, &ApiResult::ok(v.clone()), id)
        .map_err(|e| wrong(WHAT, e))?;
    Ok((id.to_owned(), SavedSide::from_file(v.clone())))
}
