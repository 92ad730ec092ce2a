//! The freshness change log: one entry per poll per API, built with the structural diff, plus
//! notes on the moments that teach something (real time ends, analytics catches up, wrap-up
//! arrives late).

use super::poller::{Api, Millis, ResponseReport};
use crate::diff::{self, Change, ChangeKind};
use crate::query_lab::Explanation;
use crate::query_lab::sources::{ANALYTICS_END, DATA_CAN_CHANGE, DETAILS_LATENCY, REALTIME_END};
use chrono::{DateTime, Utc};
use model::ErrorBody;
use serde::Serialize;
use serde_json::Value;

/// What one request of a poll returned.
#[derive(Debug, Clone, PartialEq)]
pub enum PollResult {
    Body(Value),
    Status {
        status: u16,
        error: Option<Box<ErrorBody>>,
        retry_after_ms: Option<Millis>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "camelCase")]
pub enum LogEvent {
    /// First body seen for this API.
    FirstSeen,
    Changed {
        changes: Vec<Change>,
    },
    Unchanged,
    Failed {
        status: u16,
        code: Option<String>,
        message: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogEntry {
    pub poll: u32,
    pub at: DateTime<Utc>,
    pub api: Api,
    pub event: LogEvent,
    /// Teaching notes triggered by this entry.
    pub notes: Vec<Explanation>,
}

impl LogEntry {
    /// An answer identical to the previous one, with nothing to teach: what the changes-only
    /// view folds into a counter (polling a quiet live call otherwise buries the changes).
    #[must_use]
    pub fn is_quiet(&self) -> bool {
        matches!(self.event, LogEvent::Unchanged) && self.notes.is_empty()
    }
}

/// Has the real-time view ended? A read `Conversation` has no `state`; `endTime` is the sign.
#[must_use]
pub fn realtime_ended(body: &Value) -> bool {
    body.get("endTime").is_some_and(|v| !v.is_null())
}

/// Has the analytics view ended? `conversationEnd` is absent while the conversation is active.
#[must_use]
pub fn analytics_ended(body: &Value) -> bool {
    body.get("conversationEnd").is_some_and(|v| !v.is_null())
}

/// The log and the last body of each API.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ChangeLog {
    pub entries: Vec<LogEntry>,
    last_realtime: Option<Value>,
    last_analytics: Option<Value>,
    realtime_ended_at: Option<DateTime<Utc>>,
    analytics_ended_at: Option<DateTime<Utc>>,
    wrapup_seen: bool,
}

impl ChangeLog {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// When the real-time view was first seen ended.
    #[must_use]
    pub fn realtime_ended_at(&self) -> Option<DateTime<Utc>> {
        self.realtime_ended_at
    }

    /// When the analytics view was first seen with `conversationEnd`.
    #[must_use]
    pub fn analytics_ended_at(&self) -> Option<DateTime<Utc>> {
        self.analytics_ended_at
    }

    /// Record one response; returns what the poller needs to know.
    pub fn record(
        &mut self,
        poll: u32,
        at: DateTime<Utc>,
        api: Api,
        result: PollResult,
    ) -> ResponseReport {
        let (body, retry_after_ms) = match result {
            PollResult::Body(b) => (b, None),
            PollResult::Status {
                status,
                error,
                retry_after_ms,
            } => {
                let notes = failure_notes(api, status);
                self.entries.push(LogEntry {
                    poll,
                    at,
                    api,
                    event: LogEvent::Failed {
                        status,
                        code: error.as_ref().and_then(|e| e.code.clone()),
                        message: error.and_then(|e| e.message),
                    },
                    notes,
                });
                let ended = match api {
                    Api::Realtime => self.realtime_ended_at.is_some(),
                    Api::Analytics => self.analytics_ended_at.is_some(),
                };
                let awaiting_more = api == Api::Analytics && self.awaiting_wrapup();
                return ResponseReport {
                    ended,
                    changed: false,
                    retry_after_ms,
                    awaiting_more,
                };
            }
        };
        let previous = match api {
            Api::Realtime => self.last_realtime.take(),
            Api::Analytics => self.last_analytics.take(),
        };
        let (event, changed) = match &previous {
            None => (LogEvent::FirstSeen, true),
            Some(old) => {
                let changes = diff::diff(old, &body);
                if changes.is_empty() {
                    (LogEvent::Unchanged, false)
                } else {
                    (LogEvent::Changed { changes }, true)
                }
            }
        };
        let mut notes = Vec::new();
        let ended = match api {
            Api::Realtime => {
                let ended = realtime_ended(&body);
                if ended && self.realtime_ended_at.is_none() {
                    self.realtime_ended_at = Some(at);
                    notes.push(Explanation::new(
                        "The real-time view shows the conversation ended",
                        "GET /api/v2/conversations/{id} now carries endTime. Analytics may still be catching up: \
                         conversationEnd and the wrap-up can arrive later.",
                        REALTIME_END,
                    ));
                }
                ended
            }
            Api::Analytics => {
                let ended = analytics_ended(&body);
                if ended && self.analytics_ended_at.is_none() {
                    self.analytics_ended_at = Some(at);
                    notes.push(Explanation::new(
                        "Analytics now reports conversationEnd",
                        lag_text("conversationEnd", self.realtime_ended_at, at),
                        ANALYTICS_END,
                    ));
                }
                if !self.wrapup_seen && has_wrapup(&body) {
                    self.wrapup_seen = true;
                    notes.push(Explanation::new(
                        "The wrap-up arrived in analytics",
                        lag_text("the wrapup segment", self.realtime_ended_at, at),
                        DATA_CAN_CHANGE,
                    ));
                }
                ended
            }
        };
        if let LogEvent::Changed { changes } = &event
            && api == Api::Analytics
            && self.realtime_ended_at.is_some_and(|t| t < at)
            && changes
                .iter()
                .any(|c| !matches!(c.kind, ChangeKind::Changed { .. }))
            && notes.is_empty()
        {
            notes.push(Explanation::new(
                "Analytics changed after the call ended",
                "Analytics detail records keep filling in after real time has ended; never treat the first \
                 read after the end as final.",
                DATA_CAN_CHANGE,
            ));
        }
        match api {
            Api::Realtime => self.last_realtime = Some(body),
            Api::Analytics => self.last_analytics = Some(body),
        }
        self.entries.push(LogEntry {
            poll,
            at,
            api,
            event,
            notes,
        });
        let awaiting_more = api == Api::Analytics && self.awaiting_wrapup();
        ResponseReport {
            ended,
            changed,
            retry_after_ms,
            awaiting_more,
        }
    }

    /// How many entries [`LogEntry::is_quiet`] (the changes-only view's counter).
    #[must_use]
    pub fn quiet_count(&self) -> usize {
        self.entries.iter().filter(|e| e.is_quiet()).count()
    }

    /// The entries to list, newest first: all of them, or only those that are not quiet.
    #[must_use]
    pub fn newest_first(&self, changes_only: bool) -> Vec<LogEntry> {
        self.entries
            .iter()
            .rev()
            .filter(|e| !changes_only || !e.is_quiet())
            .cloned()
            .collect()
    }

    /// True while the last analytics body has an agent participant but no wrap-up segment yet.
    /// Wrap-up arrives after conversationEnd (reference/user-pain-points.md 4), so a quiet body is not final then.
    /// Not every agent wraps up; the poller bounds the wait (`max_settle_ms`).
    #[must_use]
    pub fn awaiting_wrapup(&self) -> bool {
        !self.wrapup_seen && self.last_analytics.as_ref().is_some_and(has_agent)
    }
}

fn has_agent(body: &Value) -> bool {
    body.get("participants")
        .and_then(Value::as_array)
        .is_some_and(|ps| {
            ps.iter()
                .any(|p| p.get("purpose").and_then(Value::as_str) == Some("agent"))
        })
}

fn lag_text(what: &str, realtime_end: Option<DateTime<Utc>>, at: DateTime<Utc>) -> String {
    match realtime_end {
        Some(end) => format!(
            "Analytics showed {what} {} s after the real-time view first showed the end. Details are near \
             real time; some fields, wrap-up among them, populate later.",
            (at - end).num_seconds().max(0)
        ),
        None => format!(
            "Analytics showed {what}. Details are near real time; some fields populate later."
        ),
    }
}

fn has_wrapup(body: &Value) -> bool {
    let Some(participants) = body.get("participants").and_then(Value::as_array) else {
        return false;
    };
    participants
        .iter()
        .filter_map(|p| p.get("sessions").and_then(Value::as_array))
        .flatten()
        .filter_map(|s| s.get("segments").and_then(Value::as_array))
        .flatten()
        .any(|seg| seg.get("segmentType").and_then(Value::as_str) == Some("wrapup"))
}

fn failure_notes(api: Api, status: u16) -> Vec<Explanation> {
    match (api, status) {
        (Api::Analytics, 404) => vec![Explanation::new(
            "Analytics does not have it yet",
            "A 404 from the analytics by-id GET right after the conversation started usually means it is not \
             indexed yet; keep polling.",
            DETAILS_LATENCY,
        )],
        _ => Vec::new(),
    }
}
