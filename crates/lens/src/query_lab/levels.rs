//! The wrong-level check: a dimension that belongs to segments, placed in `conversationFilters`
//! (or the reverse). We check against the official enums of both predicate models, so the lists
//! are exact. What Genesys does with a misplaced predicate is not documented: a community project
//! saw it silently ignored, practitioners' notes report an empty result (UNVERIFIED either way).

use super::Explanation;
use super::sources::{PREDICATE_DIMENSIONS, WRONG_LEVEL_IGNORED};
use model::analytics::{
    ConversationDetailQueryPredicate, ConversationDetailQueryPredicateDimension as ConvDim,
    ConversationDetailQueryPredicateMetric as ConvMetric, ConversationQuery,
    SegmentDetailQueryPredicate, SegmentDetailQueryPredicateDimension as SegDim,
    SegmentDetailQueryPredicateMetric as SegMetric,
};
use serde::Serialize;

/// Where a predicate sits in the query body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Level {
    /// `conversationFilters` — `ConversationDetailQueryPredicate`.
    Conversation,
    /// `segmentFilters` — `SegmentDetailQueryPredicate`.
    Segment,
}

impl Level {
    /// The body field holding filters of this level.
    #[must_use]
    pub const fn filters_field(self) -> &'static str {
        match self {
            Self::Conversation => "conversationFilters",
            Self::Segment => "segmentFilters",
        }
    }

    #[must_use]
    pub const fn other(self) -> Self {
        match self {
            Self::Conversation => Self::Segment,
            Self::Segment => Self::Conversation,
        }
    }
}

/// Whether a predicate names a dimension or a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Subject {
    Dimension,
    Metric,
}

/// Levels at which `name` is a valid dimension (empty = neither model lists it).
#[must_use]
pub fn dimension_levels(name: &str) -> Vec<Level> {
    let mut out = Vec::new();
    if ConvDim::from_wire(name).is_known() {
        out.push(Level::Conversation);
    }
    if SegDim::from_wire(name).is_known() {
        out.push(Level::Segment);
    }
    out
}

/// Levels at which `name` is a valid metric.
#[must_use]
pub fn metric_levels(name: &str) -> Vec<Level> {
    let mut out = Vec::new();
    if ConvMetric::from_wire(name).is_known() {
        out.push(Level::Conversation);
    }
    if SegMetric::from_wire(name).is_known() {
        out.push(Level::Segment);
    }
    out
}

/// Names valid at `level`, in model order (for pickers).
#[must_use]
pub fn known_names(level: Level, subject: Subject) -> &'static [&'static str] {
    match (level, subject) {
        (Level::Conversation, Subject::Dimension) => ConvDim::KNOWN,
        (Level::Conversation, Subject::Metric) => ConvMetric::KNOWN,
        (Level::Segment, Subject::Dimension) => SegDim::KNOWN,
        (Level::Segment, Subject::Metric) => SegMetric::KNOWN,
    }
}

/// A predicate at a level where its dimension/metric does not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelWarning {
    /// JSON path of the offending name, e.g. `conversationFilters[0].predicates[1].dimension`.
    pub path: String,
    pub name: String,
    pub subject: Subject,
    pub placed_at: Level,
    /// Where it belongs; `None` when neither model lists it.
    pub belongs_at: Option<Level>,
    pub explanation: Explanation,
}

/// Where `name` belongs if not at `placed_at`; `Ok(())` when it is valid where it is.
fn misplaced(name: &str, subject: Subject, placed_at: Level) -> Result<(), Option<Level>> {
    let levels = match subject {
        Subject::Dimension => dimension_levels(name),
        Subject::Metric => metric_levels(name),
    };
    if levels.contains(&placed_at) {
        Ok(())
    } else {
        Err(levels.first().copied())
    }
}

/// Check one predicate name at one level.
#[must_use]
pub fn check_name(
    name: &str,
    subject: Subject,
    placed_at: Level,
    path: &str,
) -> Option<LevelWarning> {
    let belongs_at = misplaced(name, subject, placed_at).err()?;
    let what = match subject {
        Subject::Dimension => "dimension",
        Subject::Metric => "metric",
    };
    let here = placed_at.filters_field();
    let explanation = match belongs_at {
        Some(there) => Explanation::new(
            format!("Move {name} to {}", there.filters_field()),
            format!(
                "“{name}” is a {} {what}, not a {} one. What Genesys does with it in {here} is not \
                 documented: a community project found such predicates silently ignored (UNVERIFIED). \
                 Move it to {} (the {} predicate model lists it).",
                level_word(there),
                level_word(placed_at),
                there.filters_field(),
                level_word(there)
            ),
            WRONG_LEVEL_IGNORED,
        ),
        None => Explanation::new(
            format!("“{name}” is not a {what} at either level"),
            format!(
                "Neither ConversationDetailQueryPredicate nor SegmentDetailQueryPredicate lists the {what} \
                 “{name}” (check spelling and case: names are camelCase, e.g. queueId, mediaType). What \
                 Genesys does with an unknown name is UNVERIFIED — expect a 400 or an ignored predicate."
            ),
            PREDICATE_DIMENSIONS,
        ),
    };
    Some(LevelWarning {
        path: path.to_owned(),
        name: name.to_owned(),
        subject,
        placed_at,
        belongs_at,
        explanation,
    })
}

const fn level_word(level: Level) -> &'static str {
    match level {
        Level::Conversation => "conversation-level",
        Level::Segment => "segment-level",
    }
}

/// Every wrong-level predicate in a query body (both filter lists, predicates and clauses).
#[must_use]
pub fn check_query(query: &ConversationQuery) -> Vec<LevelWarning> {
    let mut out = Vec::new();
    for (fi, filter) in query.conversation_filters.iter().flatten().enumerate() {
        let base = format!("conversationFilters[{fi}]");
        for (pi, p) in filter.predicates.iter().flatten().enumerate() {
            check_conversation_predicate(p, &format!("{base}.predicates[{pi}]"), &mut out);
        }
        for (ci, clause) in filter.clauses.iter().flatten().enumerate() {
            for (pi, p) in clause.predicates.iter().flatten().enumerate() {
                check_conversation_predicate(
                    p,
                    &format!("{base}.clauses[{ci}].predicates[{pi}]"),
                    &mut out,
                );
            }
        }
    }
    for (fi, filter) in query.segment_filters.iter().flatten().enumerate() {
        let base = format!("segmentFilters[{fi}]");
        for (pi, p) in filter.predicates.iter().flatten().enumerate() {
            check_segment_predicate(p, &format!("{base}.predicates[{pi}]"), &mut out);
        }
        for (ci, clause) in filter.clauses.iter().flatten().enumerate() {
            for (pi, p) in clause.predicates.iter().flatten().enumerate() {
                check_segment_predicate(
                    p,
                    &format!("{base}.clauses[{ci}].predicates[{pi}]"),
                    &mut out,
                );
            }
        }
    }
    out
}

fn check_conversation_predicate(
    p: &ConversationDetailQueryPredicate,
    path: &str,
    out: &mut Vec<LevelWarning>,
) {
    if let Some(d) = &p.dimension {
        out.extend(check_name(
            d.as_str(),
            Subject::Dimension,
            Level::Conversation,
            &format!("{path}.dimension"),
        ));
    }
    if let Some(m) = &p.metric {
        out.extend(check_name(
            m.as_str(),
            Subject::Metric,
            Level::Conversation,
            &format!("{path}.metric"),
        ));
    }
}

fn check_segment_predicate(
    p: &SegmentDetailQueryPredicate,
    path: &str,
    out: &mut Vec<LevelWarning>,
) {
    if let Some(d) = &p.dimension {
        out.extend(check_name(
            d.as_str(),
            Subject::Dimension,
            Level::Segment,
            &format!("{path}.dimension"),
        ));
    }
    if let Some(m) = &p.metric {
        out.extend(check_name(
            m.as_str(),
            Subject::Metric,
            Level::Segment,
            &format!("{path}.metric"),
        ));
    }
}
