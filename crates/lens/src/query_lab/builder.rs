//! The query form: what the user edits, turned into the exact `ConversationQuery` wire body
//! (reference/api-facts.md §2.2). The form keeps raw text (nothing typed is lost); validation happens when
//! the body is built and comes back as a typed error.

use super::interval::{self, IntervalError};
use super::levels::{self, Level, LevelWarning, Subject};
use crate::conversation_id::{self, ConversationId, IdError};
use chrono::{DateTime, Utc};
use model::analytics::{
    ConversationDetailQueryClauseType as FilterType, ConversationDetailQueryFilter,
    ConversationDetailQueryPredicate, ConversationDetailQueryPredicateDimension as ConvDim,
    ConversationDetailQueryPredicateMetric as ConvMetric,
    ConversationDetailQueryPredicateType as PredicateType, ConversationQuery, NumericRange,
    Operator, Order, OrderBy, PagingSpec, SegmentDetailQueryFilter, SegmentDetailQueryPredicate,
    SegmentDetailQueryPredicateDimension as SegDim, SegmentDetailQueryPredicateMetric as SegMetric,
};
use serde::Serialize;

/// Default page size of the details query ("Default page size is 25", PagingSpec doc).
pub const DEFAULT_PAGE_SIZE: i64 = 25;

/// One extra predicate row of the form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PredicateRow {
    pub level: Level,
    pub subject: Subject,
    /// Dimension or metric name as typed (wire spelling, e.g. `queueId`).
    pub name: String,
    pub operator: Operator,
    /// Right-hand side for `matches`.
    pub value: String,
    /// Right-hand side for metric ranges.
    pub range: Option<NumericRange>,
}

impl PredicateRow {
    #[must_use]
    pub fn dimension(level: Level, name: &str, value: &str) -> Self {
        Self {
            level,
            subject: Subject::Dimension,
            name: name.to_owned(),
            operator: Operator::Matches,
            value: value.to_owned(),
            range: None,
        }
    }
}

/// Why the form cannot produce a body yet. Shown inline next to the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("Interval: {0}")]
    Interval(#[from] IntervalError),
    #[error("Conversation ID: {0}")]
    ConversationId(#[from] IdError),
    #[error("Page size must be a whole number of at least 1 (the default is 25); got {0}.")]
    PageSize(i64),
    #[error("Page number starts at 1; got {0}.")]
    PageNumber(i64),
    #[error("Predicate {0}: choose a dimension or metric name.")]
    EmptyName(usize),
    #[error("Predicate {0}: type a value to match, or choose the operator “exists”.")]
    MissingValue(usize),
    #[error("There is no predicate number {0}.")]
    NoSuchPredicate(usize),
    #[error("The body could not be encoded: {0}")]
    Encode(String),
}

/// Everything the query lab form edits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryForm {
    /// Interval text as typed.
    pub interval: String,
    /// Conversation ID text as typed; empty = no `conversationId` predicate.
    pub conversation_id: String,
    pub predicates: Vec<PredicateRow>,
    pub page_size: i64,
    pub page_number: i64,
    pub order: Option<Order>,
    pub order_by: Option<OrderBy>,
}

impl QueryForm {
    /// The lab's proposal for one conversation: its UTC start day (today's UTC day when the start
    /// is not known yet), a `conversationId` predicate, first page of 25, ascending by start.
    #[must_use]
    pub fn for_conversation(
        id: &ConversationId,
        conversation_start: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            interval: interval::for_conversation_start(conversation_start.unwrap_or(now)).to_wire(),
            conversation_id: id.as_str().to_owned(),
            predicates: Vec::new(),
            page_size: DEFAULT_PAGE_SIZE,
            page_number: 1,
            order: Some(Order::Asc),
            order_by: Some(OrderBy::ConversationStart),
        }
    }

    /// Replace the interval text; returns the parse result so the view can show it inline.
    ///
    /// # Errors
    /// The interval parse error (the text is kept either way).
    pub fn set_interval(&mut self, text: &str) -> Result<interval::Interval, IntervalError> {
        text.clone_into(&mut self.interval);
        interval::parse(text)
    }

    /// Append a predicate; returns its index.
    pub fn add_predicate(&mut self, row: PredicateRow) -> usize {
        self.predicates.push(row);
        self.predicates.len() - 1
    }

    /// # Errors
    /// [`FormError::NoSuchPredicate`].
    pub fn remove_predicate(&mut self, index: usize) -> Result<PredicateRow, FormError> {
        if index >= self.predicates.len() {
            return Err(FormError::NoSuchPredicate(index));
        }
        Ok(self.predicates.remove(index))
    }

    /// # Errors
    /// [`FormError::NoSuchPredicate`].
    pub fn predicate_mut(&mut self, index: usize) -> Result<&mut PredicateRow, FormError> {
        self.predicates
            .get_mut(index)
            .ok_or(FormError::NoSuchPredicate(index))
    }

    /// Move a predicate to the other filter list (the fix for a wrong-level warning).
    ///
    /// # Errors
    /// [`FormError::NoSuchPredicate`].
    pub fn set_level(&mut self, index: usize, level: Level) -> Result<(), FormError> {
        self.predicate_mut(index)?.level = level;
        Ok(())
    }

    /// # Errors
    /// [`FormError::PageSize`] / [`FormError::PageNumber`] (nothing changes then).
    pub fn set_paging(&mut self, page_size: i64, page_number: i64) -> Result<(), FormError> {
        if page_size < 1 {
            return Err(FormError::PageSize(page_size));
        }
        if page_number < 1 {
            return Err(FormError::PageNumber(page_number));
        }
        self.page_size = page_size;
        self.page_number = page_number;
        Ok(())
    }

    /// Toggle the `conversationEnd exists` predicate (excludes conversations still in progress;
    /// the paging remedy from Genesys' 2022 blog).
    pub fn set_require_conversation_end(&mut self, on: bool) {
        let is_it = |r: &PredicateRow| {
            r.level == Level::Conversation
                && r.subject == Subject::Dimension
                && r.name == ConvDim::ConversationEnd.as_str()
                && r.operator == Operator::Exists
        };
        self.predicates.retain(|r| !is_it(r));
        if on {
            self.predicates.push(PredicateRow {
                operator: Operator::Exists,
                ..PredicateRow::dimension(
                    Level::Conversation,
                    ConvDim::ConversationEnd.as_str(),
                    "",
                )
            });
        }
    }

    #[must_use]
    pub fn requires_conversation_end(&self) -> bool {
        self.predicates
            .iter()
            .any(|r| r.name == ConvDim::ConversationEnd.as_str() && r.operator == Operator::Exists)
    }

    /// True when the body will carry at least one filter predicate (the 31-day cap applies).
    #[must_use]
    pub fn has_filter(&self) -> bool {
        !self.conversation_id.trim().is_empty() || !self.predicates.is_empty()
    }

    /// Wrong-level warnings for the current rows, computed even while other fields are invalid.
    #[must_use]
    pub fn level_warnings(&self) -> Vec<LevelWarning> {
        let (conversation_filters, segment_filters) = self.filters(self.conversation_id.trim());
        levels::check_query(&ConversationQuery {
            conversation_filters,
            segment_filters,
            ..ConversationQuery::default()
        })
    }

    /// The wire body.
    ///
    /// # Errors
    /// The first [`FormError`] found, in field order.
    pub fn to_query(&self) -> Result<ConversationQuery, FormError> {
        let interval = interval::parse(&self.interval)?;
        let id = match self.conversation_id.trim() {
            "" => String::new(),
            text => conversation_id::parse(text)?.as_str().to_owned(),
        };
        for (i, row) in self.predicates.iter().enumerate() {
            if row.name.trim().is_empty() {
                return Err(FormError::EmptyName(i));
            }
            if row.operator == Operator::Matches
                && row.value.trim().is_empty()
                && row.range.is_none()
            {
                return Err(FormError::MissingValue(i));
            }
        }
        if self.page_size < 1 {
            return Err(FormError::PageSize(self.page_size));
        }
        if self.page_number < 1 {
            return Err(FormError::PageNumber(self.page_number));
        }
        let (conversation_filters, segment_filters) = self.filters(&id);
        Ok(ConversationQuery {
            interval: Some(interval.to_wire()),
            order: self.order.clone(),
            order_by: self.order_by.clone(),
            paging: Some(PagingSpec {
                page_size: Some(self.page_size),
                page_number: Some(self.page_number),
            }),
            conversation_filters,
            segment_filters,
            ..ConversationQuery::default()
        })
    }

    /// The body as pretty JSON, as the lab shows it live.
    ///
    /// # Errors
    /// As [`Self::to_query`].
    pub fn to_json(&self) -> Result<String, FormError> {
        serde_json::to_string_pretty(&self.to_query()?)
            .map_err(|e| FormError::Encode(e.to_string()))
    }

    /// Both filter lists: one `and` filter per level, the `conversationId` predicate first.
    fn filters(
        &self,
        id: &str,
    ) -> (
        Option<Vec<ConversationDetailQueryFilter>>,
        Option<Vec<SegmentDetailQueryFilter>>,
    ) {
        let mut conv: Vec<ConversationDetailQueryPredicate> = Vec::new();
        if !id.is_empty() {
            conv.push(ConversationDetailQueryPredicate {
                type_: Some(PredicateType::Dimension),
                dimension: Some(ConvDim::ConversationId),
                operator: Some(Operator::Matches),
                value: Some(id.to_owned()),
                ..ConversationDetailQueryPredicate::default()
            });
        }
        let mut seg: Vec<SegmentDetailQueryPredicate> = Vec::new();
        for row in &self.predicates {
            let name = row.name.trim();
            let value = (row.operator == Operator::Matches && !row.value.trim().is_empty())
                .then(|| row.value.trim().to_owned());
            let range = if row.operator == Operator::Matches {
                row.range.clone()
            } else {
                None
            };
            match (row.level, row.subject) {
                (Level::Conversation, subject) => conv.push(ConversationDetailQueryPredicate {
                    type_: Some(predicate_type(subject)),
                    dimension: (subject == Subject::Dimension).then(|| ConvDim::from_wire(name)),
                    metric: (subject == Subject::Metric).then(|| ConvMetric::from_wire(name)),
                    operator: Some(row.operator.clone()),
                    value,
                    range,
                }),
                (Level::Segment, subject) => seg.push(SegmentDetailQueryPredicate {
                    type_: Some(predicate_type(subject)),
                    dimension: (subject == Subject::Dimension).then(|| SegDim::from_wire(name)),
                    metric: (subject == Subject::Metric).then(|| SegMetric::from_wire(name)),
                    operator: Some(row.operator.clone()),
                    value,
                    range,
                    ..SegmentDetailQueryPredicate::default()
                }),
            }
        }
        let conv = (!conv.is_empty()).then(|| {
            vec![ConversationDetailQueryFilter {
                type_: Some(FilterType::And),
                predicates: Some(conv),
                clauses: None,
            }]
        });
        let seg = (!seg.is_empty()).then(|| {
            vec![SegmentDetailQueryFilter {
                type_: Some(FilterType::And),
                predicates: Some(seg),
                clauses: None,
            }]
        });
        (conv, seg)
    }
}

const fn predicate_type(subject: Subject) -> PredicateType {
    match subject {
        Subject::Dimension => PredicateType::Dimension,
        Subject::Metric => PredicateType::Metric,
    }
}
