//! Conversation and segment filters: compile (validate) the request's filter trees, then
//! evaluate them against analytics records. Pure functions.
//!
//! Semantics (reference/api-facts.md §2.2, reference/user-pain-points.md 2):
//! * Filter `{type and|or, clauses[], predicates[]}`, clause `{type, predicates[]}`; the entries of
//!   one `…Filters` array must all hold (AND).
//! * Predicate type `dimension|metric|property` (inferred when absent), operator
//!   `matches` (default; `value` or numeric `range` gt/gte/lt/lte) / `exists` / `notExists`.
//! * A dimension at the wrong level (e.g. `queueId` in `conversationFilters`, `conversationId` in
//!   `segmentFilters`) is not a dimension of that level: upstream ignores such a predicate
//!   silently, and so does this engine — the predicate simply drops out (a filter left with no
//!   predicates filters nothing).
//! * A segment filter holds when one segment (with its session and participant) satisfies the whole
//!   filter; separate segment filters may be satisfied by different segments.
//! * A conversation metric predicate holds when any emitted session metric of that name passes
//!   (how upstream aggregates repeated metrics such as per-segment `tTalk` is UNVERIFIED).

use super::values::{self, SegCtx, Test, Val};
use crate::errors::ApiError;
use model::analytics::{
    AnalyticsConversation, ConversationDetailQueryClause, ConversationDetailQueryFilter,
    ConversationDetailQueryPredicate, ConversationDetailQueryPredicateDimension as CD,
    ConversationDetailQueryPredicateMetric as CM, ConversationDetailQueryPredicateType as PT,
    NumericRange, Operator, SegmentDetailQueryClause, SegmentDetailQueryFilter,
    SegmentDetailQueryPredicate, SegmentDetailQueryPredicateDimension as SD,
    SegmentDetailQueryPredicateMetric as SM,
};

/// What one compiled predicate reads.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    ConvDim(CD),
    ConvMetric(String),
    SegDim(SD),
    SegDuration,
    SegProperty(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Pred {
    target: Target,
    test: Test,
}

/// A compiled `and`/`or` group (a filter or a clause).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    and: bool,
    preds: Vec<Pred>,
    clauses: Vec<Group>,
}

impl Group {
    /// True when nothing is left to test (every predicate ignored).
    #[must_use]
    pub fn is_vacuous(&self) -> bool {
        self.preds.is_empty() && self.clauses.iter().all(Group::is_vacuous)
    }
}

/// All filters of a query, compiled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    conversation: Vec<Group>,
    segment: Vec<Group>,
    /// Evaluation/survey/resolution filters were given: the demo org has no such data, so
    /// nothing matches.
    unsatisfiable: bool,
}

fn is_and(
    t: Option<&model::analytics::ConversationDetailQueryClauseType>,
    what: &str,
) -> Result<bool, ApiError> {
    match t.map(|t| t.as_str()) {
        None | Some("and") => Ok(true),
        Some("or") => Ok(false),
        Some(other) => Err(ApiError::invalid_value(
            other,
            &format!("{what}.type"),
            &["and", "or"],
        )),
    }
}

/// Shared predicate fields of the conversation and segment predicate models.
struct RawPred<'a> {
    type_: Option<&'a PT>,
    has_dimension: bool,
    has_metric: bool,
    has_property: bool,
    operator: Option<&'a Operator>,
    value: Option<&'a String>,
    range: Option<&'a NumericRange>,
    label: String,
}

fn kind_of(p: &RawPred<'_>) -> Result<&'static str, ApiError> {
    let kind = match p.type_.map(PT::as_str) {
        Some("dimension") => "dimension",
        Some("metric") => "metric",
        Some("property") => "property",
        Some(other) => {
            return Err(ApiError::invalid_value(
                other,
                "predicate.type",
                &["dimension", "metric", "property"],
            ));
        }
        None if p.has_dimension => "dimension",
        None if p.has_metric => "metric",
        None if p.has_property => "property",
        None => {
            return Err(ApiError::bad_request(
                "A predicate needs a dimension, a metric or a property (e.g. {\"dimension\":\"conversationId\",\"value\":\"…\"}).",
            ));
        }
    };
    let present = match kind {
        "dimension" => p.has_dimension,
        "metric" => p.has_metric,
        _ => p.has_property,
    };
    if present {
        Ok(kind)
    } else {
        Err(ApiError::bad_request(format!(
            "A predicate of type {kind} must name its {kind}."
        )))
    }
}

fn test_of(p: &RawPred<'_>) -> Result<Test, ApiError> {
    match p.operator.map(Operator::as_str) {
        Some("exists") => Ok(Test::Exists),
        Some("notExists") => Ok(Test::NotExists),
        None | Some("matches") => match (p.value, p.range) {
            (_, Some(r))
                if r.gt.is_some() || r.gte.is_some() || r.lt.is_some() || r.lte.is_some() =>
            {
                Ok(Test::Range(r.clone()))
            }
            (Some(v), _) => Ok(Test::Matches(v.clone())),
            _ => Err(ApiError::bad_request(format!(
                "The predicate on {} uses operator matches but has no value and no range (gt/gte/lt/lte).",
                p.label
            ))),
        },
        Some(other) => Err(ApiError::invalid_value(
            other,
            "predicate.operator",
            &["matches", "exists", "notExists"],
        )),
    }
}

fn conv_pred(p: &ConversationDetailQueryPredicate) -> Result<Option<Pred>, ApiError> {
    let raw = RawPred {
        type_: p.type_.as_ref(),
        has_dimension: p.dimension.is_some(),
        has_metric: p.metric.is_some(),
        has_property: false,
        operator: p.operator.as_ref(),
        value: p.value.as_ref(),
        range: p.range.as_ref(),
        label: p
            .dimension
            .as_ref()
            .map(|d| d.as_str().to_owned())
            .or_else(|| p.metric.as_ref().map(|m| m.as_str().to_owned()))
            .unwrap_or_default(),
    };
    let kind = kind_of(&raw)?;
    let test = test_of(&raw)?;
    let target = match (kind, &p.dimension, &p.metric) {
        // Not a conversation-level dimension: silently ignored, as upstream.
        ("dimension", Some(CD::Other(_)), _) => return Ok(None),
        ("dimension", Some(d), _) => Target::ConvDim(d.clone()),
        ("metric", _, Some(CM::Other(_))) => return Ok(None),
        ("metric", _, Some(m)) => Target::ConvMetric(m.as_str().to_owned()),
        _ => return Ok(None),
    };
    Ok(Some(Pred { target, test }))
}

fn seg_pred(p: &SegmentDetailQueryPredicate) -> Result<Option<Pred>, ApiError> {
    let raw = RawPred {
        type_: p.type_.as_ref(),
        has_dimension: p.dimension.is_some(),
        has_metric: p.metric.is_some(),
        has_property: p.property.is_some(),
        operator: p.operator.as_ref(),
        value: p.value.as_ref(),
        range: p.range.as_ref(),
        label: p
            .dimension
            .as_ref()
            .map(|d| d.as_str().to_owned())
            .or_else(|| p.metric.as_ref().map(|m| m.as_str().to_owned()))
            .or_else(|| p.property.clone())
            .unwrap_or_default(),
    };
    let kind = kind_of(&raw)?;
    let test = test_of(&raw)?;
    let target = match kind {
        "dimension" => match &p.dimension {
            Some(SD::Other(_)) | None => return Ok(None),
            Some(d) => Target::SegDim(d.clone()),
        },
        "metric" => match &p.metric {
            Some(SM::TSegmentDuration) => Target::SegDuration,
            _ => return Ok(None),
        },
        _ => match &p.property {
            Some(name) => Target::SegProperty(name.clone()),
            None => return Ok(None),
        },
    };
    Ok(Some(Pred { target, test }))
}

fn conv_group(
    type_: Option<&model::analytics::ConversationDetailQueryClauseType>,
    clauses: &[ConversationDetailQueryClause],
    preds: &[ConversationDetailQueryPredicate],
    what: &str,
) -> Result<Group, ApiError> {
    let mut g = Group {
        and: is_and(type_, what)?,
        preds: Vec::new(),
        clauses: Vec::new(),
    };
    for c in clauses {
        g.clauses.push(conv_group(
            c.type_.as_ref(),
            &[],
            c.predicates.as_deref().unwrap_or(&[]),
            "clause",
        )?);
    }
    for p in preds {
        g.preds.extend(conv_pred(p)?);
    }
    Ok(g)
}

fn seg_group(
    type_: Option<&model::analytics::ConversationDetailQueryClauseType>,
    clauses: &[SegmentDetailQueryClause],
    preds: &[SegmentDetailQueryPredicate],
    what: &str,
) -> Result<Group, ApiError> {
    let mut g = Group {
        and: is_and(type_, what)?,
        preds: Vec::new(),
        clauses: Vec::new(),
    };
    for c in clauses {
        g.clauses.push(seg_group(
            c.type_.as_ref(),
            &[],
            c.predicates.as_deref().unwrap_or(&[]),
            "clause",
        )?);
    }
    for p in preds {
        g.preds.extend(seg_pred(p)?);
    }
    Ok(g)
}

impl Filters {
    /// Compile the filter arrays of a query.
    ///
    /// # Errors
    /// 400 `bad.request` / `invalid.value` for malformed predicates (no value, unknown operator…).
    pub fn compile(
        conversation: Option<&[ConversationDetailQueryFilter]>,
        segment: Option<&[SegmentDetailQueryFilter]>,
        other_filters_given: bool,
    ) -> Result<Self, ApiError> {
        let mut f = Self {
            unsatisfiable: other_filters_given,
            ..Self::default()
        };
        for cf in conversation.unwrap_or(&[]) {
            f.conversation.push(conv_group(
                cf.type_.as_ref(),
                cf.clauses.as_deref().unwrap_or(&[]),
                cf.predicates.as_deref().unwrap_or(&[]),
                "conversationFilters",
            )?);
        }
        for sf in segment.unwrap_or(&[]) {
            f.segment.push(seg_group(
                sf.type_.as_ref(),
                sf.clauses.as_deref().unwrap_or(&[]),
                sf.predicates.as_deref().unwrap_or(&[]),
                "segmentFilters",
            )?);
        }
        f.conversation.retain(|g| !g.is_vacuous());
        f.segment.retain(|g| !g.is_vacuous());
        Ok(f)
    }

    /// Does the conversation pass every filter?
    #[must_use]
    pub fn matches(&self, c: &AnalyticsConversation) -> bool {
        if self.unsatisfiable {
            return false;
        }
        self.conversation
            .iter()
            .all(|g| eval(g, &|p| conv_pred_holds(p, c)))
            && self
                .segment
                .iter()
                .all(|g| values::segments(c).any(|x| eval(g, &|p| seg_pred_holds(p, x))))
    }

    /// Conversation ids the conversation filters pin the result to, if they do: an `and` filter
    /// with a `conversationId` matches predicate, or an `or` filter made only of those. Lets the
    /// engine look the ids up instead of scanning days (same result: every filter still runs).
    #[must_use]
    pub fn pinned_ids(&self) -> Option<Vec<String>> {
        let id_of = |p: &Pred| match (&p.target, &p.test) {
            (Target::ConvDim(CD::ConversationId), Test::Matches(v)) => Some(v.clone()),
            _ => None,
        };
        self.conversation.iter().find_map(|g| {
            if g.and {
                g.preds.iter().find_map(id_of).map(|id| vec![id])
            } else if g.clauses.is_empty() && !g.preds.is_empty() {
                g.preds.iter().map(id_of).collect()
            } else {
                None
            }
        })
    }

    /// What the org's start index can answer without building records: `Some(false)` when no
    /// filter is left, `Some(true)` when every filter is only `conversationEnd exists` (the
    /// query lab's "Require conversationEnd"), `None` for anything else.
    #[must_use]
    pub fn start_index_filter(&self) -> Option<bool> {
        if self.unsatisfiable || !self.segment.is_empty() {
            return None;
        }
        let end_exists =
            |p: &Pred| p.target == Target::ConvDim(CD::ConversationEnd) && p.test == Test::Exists;
        let only_end_exists = |g: &Group| {
            !g.preds.is_empty()
                && g.preds.iter().all(end_exists)
                && g.clauses.iter().all(Group::is_vacuous)
        };
        if self.conversation.is_empty() {
            Some(false)
        } else if self.conversation.iter().all(only_end_exists) {
            Some(true)
        } else {
            None
        }
    }

    /// True when no filter is left after ignoring wrong-level predicates.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.conversation.is_empty() && self.segment.is_empty() && !self.unsatisfiable
    }
}

/// `and`: every remaining test holds; `or`: at least one does. Vacuous clauses are skipped.
fn eval(g: &Group, holds: &dyn Fn(&Pred) -> bool) -> bool {
    let clauses = g.clauses.iter().filter(|c| !c.is_vacuous());
    if g.and {
        g.preds.iter().all(holds) && clauses.into_iter().all(|c| eval(c, holds))
    } else {
        let mut any_test = false;
        for p in &g.preds {
            any_test = true;
            if holds(p) {
                return true;
            }
        }
        for c in clauses {
            any_test = true;
            if eval(c, holds) {
                return true;
            }
        }
        !any_test
    }
}

fn conv_pred_holds(p: &Pred, c: &AnalyticsConversation) -> bool {
    match &p.target {
        Target::ConvDim(d) => {
            values::conversation_dim(d, c).is_some_and(|v| values::passes(&v, &p.test))
        }
        Target::ConvMetric(name) => metric_holds(c, name, &p.test),
        _ => true,
    }
}

/// Metric predicates: exists/notExists on presence; matches/range on any emitted value.
fn metric_holds(c: &AnalyticsConversation, name: &str, test: &Test) -> bool {
    let mut vals = c
        .participants
        .iter()
        .flatten()
        .flat_map(|p| p.sessions.iter().flatten())
        .flat_map(|s| s.metrics.iter().flatten())
        .filter(|m| m.name.as_deref() == Some(name))
        .filter_map(|m| m.value);
    match test {
        Test::Exists => vals.next().is_some(),
        Test::NotExists => vals.next().is_none(),
        _ => vals.any(|v| values::passes(&Val::Num(v as f64), test)),
    }
}

fn seg_pred_holds(p: &Pred, x: SegCtx<'_>) -> bool {
    let v = match &p.target {
        Target::SegDim(d) => match values::segment_dim(d, x) {
            Some(v) => v,
            None => return true,
        },
        Target::SegDuration => values::segment_duration(x.segment),
        Target::SegProperty(name) => values::segment_property(name, x.segment),
        _ => return true,
    };
    values::passes(&v, &p.test)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::analytics::{
        AnalyticsConversationSegment as Seg, AnalyticsParticipant as Part,
        AnalyticsSession as Sess, AnalyticsSessionMetric as Metric,
        ConversationDetailQueryClauseType as CT, MediaType, Purpose,
    };

    fn conv(
        id: &str,
        queue: &str,
        media: MediaType,
        t_handle: Option<i64>,
    ) -> AnalyticsConversation {
        AnalyticsConversation {
            conversation_id: Some(id.into()),
            participants: Some(vec![Part {
                purpose: Some(Purpose::Agent),
                user_id: Some(format!("user-{id}")),
                sessions: Some(vec![Sess {
                    media_type: Some(media),
                    segments: Some(vec![Seg {
                        queue_id: Some(queue.into()),
                        ..Default::default()
                    }]),
                    metrics: t_handle.map(|v| {
                        vec![Metric {
                            name: Some("tHandle".into()),
                            value: Some(v),
                            emit_date: None,
                        }]
                    }),
                    ..Default::default()
                }]),
                ..Default::default()
            }]),
            ..Default::default()
        }
    }

    fn cpred(dim: &str, value: &str) -> ConversationDetailQueryPredicate {
        ConversationDetailQueryPredicate {
            dimension: Some(CD::from_wire(dim)),
            value: Some(value.into()),
            ..Default::default()
        }
    }

    fn spred(dim: &str, value: &str) -> SegmentDetailQueryPredicate {
        SegmentDetailQueryPredicate {
            dimension: Some(SD::from_wire(dim)),
            value: Some(value.into()),
            ..Default::default()
        }
    }

    fn cfilter(
        and: bool,
        preds: Vec<ConversationDetailQueryPredicate>,
    ) -> ConversationDetailQueryFilter {
        ConversationDetailQueryFilter {
            type_: Some(if and { CT::And } else { CT::Or }),
            predicates: Some(preds),
            clauses: None,
        }
    }

    fn sfilter(and: bool, preds: Vec<SegmentDetailQueryPredicate>) -> SegmentDetailQueryFilter {
        SegmentDetailQueryFilter {
            type_: Some(if and { CT::And } else { CT::Or }),
            predicates: Some(preds),
            clauses: None,
        }
    }

    fn compile(c: &[ConversationDetailQueryFilter], s: &[SegmentDetailQueryFilter]) -> Filters {
        Filters::compile(Some(c), Some(s), false).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn conversation_id_matches_and_or() {
        let a = conv("a", "q1", MediaType::Voice, None);
        let b = conv("b", "q2", MediaType::Email, None);
        let f = compile(&[cfilter(true, vec![cpred("conversationId", "a")])], &[]);
        assert!(f.matches(&a) && !f.matches(&b));
        let f = compile(
            &[cfilter(
                false,
                vec![cpred("conversationId", "a"), cpred("conversationId", "b")],
            )],
            &[],
        );
        assert!(f.matches(&a) && f.matches(&b));
        let f = compile(
            &[cfilter(
                true,
                vec![cpred("conversationId", "a"), cpred("conversationId", "b")],
            )],
            &[],
        );
        assert!(!f.matches(&a) && !f.matches(&b));
    }

    #[test]
    fn wrong_level_dimensions_are_ignored() {
        let a = conv("a", "q1", MediaType::Voice, None);
        // queueId is a segment dimension: in conversationFilters it is dropped → filter matches all.
        let f = compile(&[cfilter(true, vec![cpred("queueId", "nope")])], &[]);
        assert!(f.is_empty() && f.matches(&a));
        // conversationId is not a segment dimension.
        let f = compile(&[], &[sfilter(true, vec![spred("conversationId", "nope")])]);
        assert!(f.matches(&a));
        // Mixed: the ignored predicate does not rescue an `or`.
        let f = compile(
            &[cfilter(
                false,
                vec![cpred("queueId", "q1"), cpred("conversationId", "zzz")],
            )],
            &[],
        );
        assert!(!f.matches(&a));
    }

    #[test]
    fn segment_filters_see_session_and_participant_fields() {
        let a = conv("a", "q1", MediaType::Voice, None);
        let f = compile(
            &[],
            &[sfilter(
                true,
                vec![
                    spred("queueId", "q1"),
                    spred("mediaType", "voice"),
                    spred("purpose", "agent"),
                ],
            )],
        );
        assert!(f.matches(&a));
        let f = compile(
            &[],
            &[sfilter(
                true,
                vec![spred("queueId", "q1"), spred("mediaType", "email")],
            )],
        );
        assert!(!f.matches(&a));
    }

    #[test]
    fn metric_ranges_and_exists() {
        let a = conv("a", "q1", MediaType::Voice, Some(70_000));
        let b = conv("b", "q1", MediaType::Voice, None);
        let range = |gte: f64| ConversationDetailQueryPredicate {
            type_: Some(PT::Metric),
            metric: Some(CM::THandle),
            range: Some(NumericRange {
                gte: Some(gte),
                ..Default::default()
            }),
            ..Default::default()
        };
        let f = compile(&[cfilter(true, vec![range(60_000.0)])], &[]);
        assert!(f.matches(&a) && !f.matches(&b));
        let f = compile(&[cfilter(true, vec![range(80_000.0)])], &[]);
        assert!(!f.matches(&a));
        let exists = |op: Operator| ConversationDetailQueryPredicate {
            metric: Some(CM::THandle),
            operator: Some(op),
            ..Default::default()
        };
        let f = compile(&[cfilter(true, vec![exists(Operator::NotExists)])], &[]);
        assert!(!f.matches(&a) && f.matches(&b));
        let f = compile(&[cfilter(true, vec![exists(Operator::Exists)])], &[]);
        assert!(f.matches(&a) && !f.matches(&b));
    }

    #[test]
    fn clauses_combine() {
        let a = conv("a", "q1", MediaType::Voice, None);
        let b = conv("b", "q2", MediaType::Email, None);
        let clause = |v: &str| ConversationDetailQueryClause {
            type_: Some(CT::And),
            predicates: Some(vec![cpred("conversationId", v)]),
        };
        let f = ConversationDetailQueryFilter {
            type_: Some(CT::Or),
            clauses: Some(vec![clause("a"), clause("b")]),
            predicates: None,
        };
        let f = compile(&[f], &[]);
        assert!(f.matches(&a) && f.matches(&b));
    }

    #[test]
    fn pinned_ids_only_when_the_filter_forces_them() {
        let f = compile(
            &[cfilter(
                true,
                vec![cpred("conversationId", "a"), cpred("externalTag", "x")],
            )],
            &[],
        );
        assert_eq!(f.pinned_ids(), Some(vec!["a".to_owned()]));
        let f = compile(
            &[cfilter(
                false,
                vec![cpred("conversationId", "a"), cpred("conversationId", "b")],
            )],
            &[],
        );
        assert_eq!(f.pinned_ids(), Some(vec!["a".to_owned(), "b".to_owned()]));
        let f = compile(
            &[cfilter(
                false,
                vec![cpred("conversationId", "a"), cpred("externalTag", "x")],
            )],
            &[],
        );
        assert_eq!(f.pinned_ids(), None);
        assert_eq!(compile(&[], &[]).pinned_ids(), None);
    }

    #[test]
    fn malformed_predicates_are_400() {
        let no_value = ConversationDetailQueryPredicate {
            dimension: Some(CD::ConversationId),
            ..Default::default()
        };
        let r = Filters::compile(Some(&[cfilter(true, vec![no_value])]), None, false);
        assert_eq!(r.map_err(|e| e.code), Err("bad.request"));
        let bad_op = ConversationDetailQueryPredicate {
            dimension: Some(CD::ConversationId),
            operator: Some(Operator::from_wire("contains")),
            value: Some("x".into()),
            ..Default::default()
        };
        let r = Filters::compile(Some(&[cfilter(true, vec![bad_op])]), None, false);
        assert_eq!(r.map_err(|e| e.code), Err("invalid.value"));
    }
}
