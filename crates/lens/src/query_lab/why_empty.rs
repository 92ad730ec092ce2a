//! "Why is it empty?": given what the by-id lookup, the details query and the Conversations API
//! said about one conversation, list the causes that apply — each with the evidence from this
//! conversation, the fix, and a source.

use super::interval::{self, CapIssue};
use super::levels;
use super::sources::{
    ANALYTICS_END, BY_ID_NO_INTERVAL, DETAILS_LATENCY, DETAILS_PERMISSIONS, QUERY_INTERVAL_DOC,
    RETENTION_HELP,
};
use crate::source::Source;
use chrono::{DateTime, Duration, Utc};
use model::ErrorBody;
use model::analytics::{
    ConversationDetailQueryClauseType, ConversationDetailQueryPredicateDimension,
    ConversationQuery, Operator,
};
use serde::Serialize;

/// When no lag hint is given we treat a conversation younger than this as possibly not indexed
/// yet. Genesys gives no number ("near real time"), so this is our assumption, said as such.
pub const DEFAULT_LAG_ASSUMPTION: Duration = Duration::seconds(60);

/// What `GET /api/v2/analytics/conversations/{id}/details` said.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ByIdLookup {
    #[default]
    NotRun,
    Found {
        conversation_start: Option<DateTime<Utc>>,
        conversation_end: Option<DateTime<Utc>>,
    },
    /// 404 `not.found`.
    NotFound,
    /// Any other non-2xx answer.
    Failed {
        status: u16,
        error: Option<Box<ErrorBody>>,
    },
}

/// What `POST /api/v2/analytics/conversations/details/query` said.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryOutcome {
    Returned {
        total_hits: Option<i64>,
        contains_conversation: bool,
    },
    Failed {
        status: u16,
        error: Option<Box<ErrorBody>>,
    },
}

/// Outside knowledge that sharpens the diagnosis. All optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hints {
    /// How long analytics trails real time (demo org: its configured lag).
    pub analytics_lag: Option<Duration>,
    /// `startTime` from `GET /api/v2/conversations/{id}` when that API has the conversation.
    pub realtime_start: Option<DateTime<Utc>>,
    /// `retentionDays` from `GET /api/v2/analytics/dataretention/settings`, if readable.
    pub retention_days: Option<i64>,
    /// Whether `GET /api/v2/conversations/{id}` shows an `endTime`: `Some(false)` = that API has
    /// the conversation and it is still in progress; `None` = not known (not loaded, refused).
    pub realtime_ended: Option<bool>,
}

/// Everything the checker looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct EmptyCheck<'a> {
    pub lookup: &'a ByIdLookup,
    pub query: &'a ConversationQuery,
    pub outcome: &'a QueryOutcome,
    pub now: DateTime<Utc>,
    pub hints: &'a Hints,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum CauseKind {
    IntervalMissesStartDay,
    IntervalTooLong,
    IntervalStartsTooFarBack,
    WrongFilterLevel,
    /// The query requires `conversationEnd` and the conversation has none yet (still in
    /// progress, or ended but analytics has not recorded the end).
    InProgressExcludedByEndFilter,
    TooNew,
    PastRetention,
    MissingPermission,
    /// 400: Genesys rejected the body itself.
    RejectedBody,
    /// Neither analytics nor real time know the ID.
    UnknownId,
    /// The query is empty but no known cause applies.
    NoKnownCause,
}

/// How sure the checker is that a cause applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Confidence {
    /// The evidence proves it (e.g. the interval does not touch the start day).
    Certain,
    /// Consistent with the evidence and the usual reason in this situation.
    Likely,
    /// One of several explanations.
    Possible,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    pub kind: CauseKind,
    pub confidence: Confidence,
    pub headline: String,
    /// The values from this conversation that show it.
    pub evidence: String,
    /// What to do.
    pub fix: String,
    pub source: Source,
}

/// The checker's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// True when the query did return the conversation: nothing to explain.
    pub query_found_it: bool,
    /// Causes, most certain first.
    pub causes: Vec<Cause>,
}

impl Diagnosis {
    #[must_use]
    pub fn has(&self, kind: CauseKind) -> bool {
        self.causes.iter().any(|c| c.kind == kind)
    }
}

/// Run every check that applies.
#[must_use]
pub fn diagnose(input: &EmptyCheck<'_>) -> Diagnosis {
    if matches!(
        input.outcome,
        QueryOutcome::Returned {
            contains_conversation: true,
            ..
        }
    ) {
        return Diagnosis {
            query_found_it: true,
            causes: Vec::new(),
        };
    }
    let mut causes = Vec::new();
    permission(input, &mut causes);
    // Past retention first: when it applies, no other fix brings the conversation back.
    retention(input, &mut causes);
    rejected(input, &mut causes);
    interval_checks(input, &mut causes);
    wrong_level(input, &mut causes);
    in_progress_excluded(input, &mut causes);
    too_new(input, &mut causes);
    unknown_id(input, &mut causes);
    if causes.is_empty() {
        causes.push(Cause {
            kind: CauseKind::NoKnownCause,
            confidence: Confidence::Possible,
            headline: "None of the known causes applies".into(),
            evidence: "The interval touches the start day, every predicate is at a valid level, the \
                       conversation is neither too new nor past retention, and no call was refused."
                .into(),
            fix: "Compare the body with the by-id result field by field (values are case-sensitive); \
                  the by-id GET needs no interval and is the reliable way to read one conversation."
                .into(),
            source: BY_ID_NO_INTERVAL,
        });
    }
    point_rejection_at_interval(&mut causes);
    causes.sort_by_key(|c| c.confidence);
    Diagnosis {
        query_found_it: false,
        causes,
    }
}

/// The conversation's start as the by-id GET or the Conversations API report it.
fn known_start(input: &EmptyCheck<'_>) -> Option<DateTime<Utc>> {
    match input.lookup {
        ByIdLookup::Found {
            conversation_start: Some(s),
            ..
        } => Some(*s),
        _ => input.hints.realtime_start,
    }
}

fn status_text(status: u16, error: Option<&ErrorBody>) -> String {
    match error {
        Some(e) => format!(
            "HTTP {status} {}: {}",
            e.code.as_deref().unwrap_or("(no code)"),
            e.message.as_deref().unwrap_or("(no message)")
        ),
        None => format!("HTTP {status}"),
    }
}

fn permission(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    let mut refused = Vec::new();
    if let ByIdLookup::Failed { status: 403, error } = input.lookup {
        refused.push(format!(
            "GET …/analytics/conversations/{{id}}/details answered {}",
            status_text(403, error.as_deref())
        ));
    }
    if let QueryOutcome::Failed { status: 403, error } = input.outcome {
        refused.push(format!(
            "POST …/details/query answered {}",
            status_text(403, error.as_deref())
        ));
    }
    if refused.is_empty() {
        return;
    }
    out.push(Cause {
        kind: CauseKind::MissingPermission,
        confidence: Confidence::Certain,
        headline: "Missing permission: analytics refused the call (403)".into(),
        evidence: refused.join("; "),
        fix: "Grant a role with analytics:conversationDetail:view (or analytics:agentConversationDetail:view) \
              to the user — or, for a client-credentials client, to the OAuth client's roles — and get a new \
              token. Division membership can still hide conversations."
            .into(),
        source: DETAILS_PERMISSIONS,
    });
}

fn rejected(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    if let QueryOutcome::Failed { status: 400, error } = input.outcome {
        out.push(Cause {
            kind: CauseKind::RejectedBody,
            confidence: Confidence::Certain,
            headline: "Genesys rejected the query body (400)".into(),
            evidence: status_text(400, error.as_deref()),
            fix: "Read the message: invalid.date means the interval is not ISO-8601 \
                  (yyyy-MM-ddTHH:mm:ss.SSSZ); invalid.value names the field and the allowed values."
                .into(),
            source: QUERY_INTERVAL_DOC,
        });
    }
}

/// A 400 next to an interval cause is that cause: say so instead of leaving the generic advice.
fn point_rejection_at_interval(causes: &mut [Cause]) {
    let interval_cause = causes.iter().find_map(|c| match c.kind {
        CauseKind::IntervalTooLong | CauseKind::IntervalStartsTooFarBack => {
            Some(c.headline.clone())
        }
        _ => None,
    });
    if let (Some(headline), Some(rejected)) = (
        interval_cause,
        causes
            .iter_mut()
            .find(|c| c.kind == CauseKind::RejectedBody),
    ) {
        rejected.fix = format!(
            "The interval breaks a limit of the synchronous query (\"{headline}\"): see that cause for the fix."
        );
    }
}

fn query_has_filter(q: &ConversationQuery) -> bool {
    let conv = q.conversation_filters.iter().flatten().any(|f| {
        f.predicates.as_ref().is_some_and(|p| !p.is_empty())
            || f.clauses.as_ref().is_some_and(|c| !c.is_empty())
    });
    let seg = q.segment_filters.iter().flatten().any(|f| {
        f.predicates.as_ref().is_some_and(|p| !p.is_empty())
            || f.clauses.as_ref().is_some_and(|c| !c.is_empty())
    });
    conv || seg
}

fn interval_checks(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    let Some(text) = input.query.interval.as_deref() else {
        return;
    };
    let Ok(iv) = interval::parse(text) else {
        return;
    };
    if let Some(start) = known_start(input)
        && !iv.touches_start_day_of(start)
    {
        let e = interval::explain_start_day(&iv, start);
        out.push(Cause {
            kind: CauseKind::IntervalMissesStartDay,
            confidence: Confidence::Certain,
            headline: e.headline,
            evidence: e.detail,
            fix: format!(
                "Set the interval to the conversation's UTC start day: {}",
                interval::for_conversation_start(start)
            ),
            source: e.source,
        });
    }
    for finding in interval::check_caps(&iv, query_has_filter(input.query), input.now) {
        let (kind, fix) = match finding.issue {
            CapIssue::TooLong { cap_days, .. } => (
                CauseKind::IntervalTooLong,
                format!(
                    "Shorten the interval to at most {cap_days} days (for one conversation: its UTC start day), or \
                     submit an async job for long ranges."
                ),
            ),
            CapIssue::StartsTooFarBack { .. } => (
                CauseKind::IntervalStartsTooFarBack,
                "Use the by-id GET (no interval) for one conversation, or an async job for history.".to_owned(),
            ),
        };
        out.push(Cause {
            kind,
            confidence: Confidence::Likely,
            headline: finding.explanation.headline,
            evidence: format!("interval {iv} ({} hours)", iv.length().num_hours()),
            fix,
            source: finding.explanation.source,
        });
    }
}

fn wrong_level(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    let warnings = levels::check_query(input.query);
    let Some(first) = warnings.first() else {
        return;
    };
    let evidence = warnings
        .iter()
        .map(|w| format!("{} = {} at {}", w.path, w.name, w.placed_at.filters_field()))
        .collect::<Vec<_>>()
        .join("; ");
    let fix = warnings
        .iter()
        .map(|w| w.explanation.headline.clone())
        .collect::<Vec<_>>()
        .join("; ");
    out.push(Cause {
        kind: CauseKind::WrongFilterLevel,
        confidence: Confidence::Likely,
        headline: "A filter sits at a level where Genesys silently ignores it".into(),
        evidence,
        fix,
        source: first.explanation.source,
    });
}

/// Does the body keep only conversations with a `conversationEnd` (a `conversationEnd exists`
/// predicate in an `and` filter, or alone in its filter)?
#[must_use]
pub fn requires_conversation_end(q: &ConversationQuery) -> bool {
    q.conversation_filters.iter().flatten().any(|f| {
        let preds = f.predicates.as_deref().unwrap_or_default();
        let binding = preds.len() == 1 || f.type_ != Some(ConversationDetailQueryClauseType::Or);
        binding
            && preds.iter().any(|p| {
                p.dimension == Some(ConversationDetailQueryPredicateDimension::ConversationEnd)
                    && p.operator == Some(Operator::Exists)
            })
    })
}

/// The query requires `conversationEnd`, and this conversation has none yet: the filter itself
/// removes it. The usual surprise when the lab's "Require conversationEnd" box is ticked on a
/// live call.
fn in_progress_excluded(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    if matches!(input.outcome, QueryOutcome::Failed { .. })
        || !requires_conversation_end(input.query)
    {
        return;
    }
    let analytics_open = matches!(
        input.lookup,
        ByIdLookup::Found {
            conversation_end: None,
            ..
        }
    );
    let analytics_ended = matches!(
        input.lookup,
        ByIdLookup::Found {
            conversation_end: Some(_),
            ..
        }
    );
    let realtime = match input.hints.realtime_ended {
        Some(false) => {
            Some("the Conversations API shows no endTime: the conversation is still in progress")
        }
        Some(true) => Some("the Conversations API already shows an endTime"),
        None => None,
    };
    let analytics = if analytics_open {
        Some("the analytics by-id GET has no conversationEnd")
    } else {
        None
    };
    let (headline, confidence) = match (analytics_open, input.hints.realtime_ended) {
        _ if analytics_ended => return,
        (true, Some(true)) => (
            "Ended, but analytics has not recorded conversationEnd yet — and the query requires it",
            Confidence::Certain,
        ),
        (true, _) => (
            "Still in progress: the query's conversationEnd requirement excludes it",
            Confidence::Certain,
        ),
        (false, Some(false)) => (
            "Still in progress: the query's conversationEnd requirement excludes it",
            Confidence::Likely,
        ),
        (false, _) => return,
    };
    let seen = [realtime, analytics]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ");
    out.push(Cause {
        kind: CauseKind::InProgressExcludedByEndFilter,
        confidence,
        headline: headline.into(),
        evidence: format!(
            "The body has conversationFilters: conversationEnd exists (the \"Require conversationEnd\" box), \
             which keeps only conversations that have ended in analytics; {seen}."
        ),
        fix: "To include conversations in progress, untick \"Require conversationEnd\" (remove the \
              conversationEnd exists predicate) and run again; or wait until the conversation ends and analytics \
              records conversationEnd. For one live conversation, GET /api/v2/conversations/{id} is the \
              real-time view."
            .into(),
        source: ANALYTICS_END,
    });
}

fn too_new(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    // A refused query (400/403/…) is not empty because of lag; other causes explain it.
    if matches!(input.outcome, QueryOutcome::Failed { .. }) {
        return;
    }
    let Some(start) = known_start(input) else {
        return;
    };
    let (lag, lag_note) = match input.hints.analytics_lag {
        Some(l) => (
            l,
            format!("the expected analytics lag here is {} s", l.num_seconds()),
        ),
        None => (
            DEFAULT_LAG_ASSUMPTION,
            format!(
                "Genesys gives no number; we assume up to {} s",
                DEFAULT_LAG_ASSUMPTION.num_seconds()
            ),
        ),
    };
    let age = input.now - start;
    if age >= lag {
        return;
    }
    let (confidence, seen) = match input.lookup {
        ByIdLookup::NotFound => (
            Confidence::Likely,
            "the by-id GET answered 404 while the Conversations API has it",
        ),
        ByIdLookup::Found { .. } => (
            Confidence::Possible,
            "the by-id GET already has it but the query does not yet",
        ),
        _ => (Confidence::Possible, "the Conversations API has it"),
    };
    out.push(Cause {
        kind: CauseKind::TooNew,
        confidence,
        headline: "Too new: analytics has not caught up yet".into(),
        evidence: format!(
            "The conversation started {} s ago ({}); {seen}; {lag_note}.",
            age.num_seconds().max(0),
            model::time::to_wire(&start)
        ),
        fix: "Wait a few seconds and run again. Details are near real time, not instant; wrap-up and some \
              fields arrive later still."
            .into(),
        source: DETAILS_LATENCY,
    });
}

fn retention(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    let Some(days) = input.hints.retention_days else {
        return;
    };
    let cutoff = input.now - Duration::days(days);
    let start = known_start(input);
    let interval_start = input
        .query
        .interval
        .as_deref()
        .and_then(|t| interval::parse(t).ok())
        .map(|i| i.start);
    let evidence = match (start, interval_start) {
        (Some(s), _) if s < cutoff => format!(
            "The conversation started {} — more than the {days} retention days ago (cutoff {}).",
            model::time::to_wire(&s),
            model::time::to_wire(&cutoff)
        ),
        (None, Some(is)) if is < cutoff && matches!(input.lookup, ByIdLookup::NotFound) => format!(
            "The by-id GET answered 404 and the interval starts {}, before the retention cutoff {} ({days} days).",
            model::time::to_wire(&is),
            model::time::to_wire(&cutoff)
        ),
        _ => return,
    };
    out.push(Cause {
        kind: CauseKind::PastRetention,
        confidence: Confidence::Certain,
        headline: "Past retention: analytics no longer holds this conversation".into(),
        evidence,
        fix: "Nothing to fix in the query: detail data older than the org's retention setting is gone from \
              every analytics endpoint, the by-id GET and async jobs included. Use your own export of older \
              data, if you kept one. GET /api/v2/analytics/dataretention/settings shows retentionDays (90 days \
              to 5 years when set)."
            .into(),
        source: RETENTION_HELP,
    });
}

fn unknown_id(input: &EmptyCheck<'_>, out: &mut Vec<Cause>) {
    let analytics_missing = matches!(input.lookup, ByIdLookup::NotFound);
    let already = out
        .iter()
        .any(|c| matches!(c.kind, CauseKind::TooNew | CauseKind::PastRetention));
    if analytics_missing && input.hints.realtime_start.is_none() && !already {
        out.push(Cause {
            kind: CauseKind::UnknownId,
            confidence: Confidence::Possible,
            headline: "Neither API knows this ID here".into(),
            evidence: "The analytics by-id GET answered 404 and the Conversations API did not return it.".into(),
            fix: "Check the ID, the org and the region (each region is a separate cloud); it may also be past \
                  retention, or in a division your role cannot see."
                .into(),
            source: BY_ID_NO_INTERVAL,
        });
    }
}
