//! `aggregations` of the details query: `termFrequency` on a dimension (conversation or segment
//! level) and `numericRange` on a conversation metric. Facets over *all* matching conversations,
//! not a filter (reference/api-facts.md §2.2). Each conversation counts once per bucket.

use super::values;
use crate::errors::ApiError;
use model::analytics::{
    AggregationResult, AggregationResultEntry, AggregationResultType, AnalyticsConversation,
    AnalyticsQueryAggregation, ConversationDetailQueryPredicateDimension as CD,
    SegmentDetailQueryPredicateDimension as SD,
};
use std::collections::{BTreeMap, BTreeSet};

/// Default number of termFrequency buckets (upstream default UNVERIFIED).
pub const DEFAULT_SIZE: usize = 10;

/// Running counts for one requested aggregation.
#[derive(Debug)]
pub struct Agg {
    spec: AnalyticsQueryAggregation,
    kind: Kind,
    counts: BTreeMap<String, i64>,
    ranges: Vec<i64>,
    seen: i64,
}

#[derive(Debug)]
enum Kind {
    ConvTerm(CD),
    SegTerm(SD),
    MetricRange(String),
    /// Not something this org can aggregate on: reported with no results.
    Unsupported,
}

impl Agg {
    /// # Errors
    /// 400 for a spec without the field its type needs.
    pub fn new(spec: &AnalyticsQueryAggregation) -> Result<Self, ApiError> {
        let kind = match spec.type_.as_ref().map(AggregationResultType::as_str) {
            Some("termFrequency") => {
                let dim = spec.dimension.as_deref().ok_or_else(|| {
                    ApiError::bad_request("A termFrequency aggregation needs a dimension.")
                })?;
                match (CD::from_wire(dim), SD::from_wire(dim)) {
                    (CD::Other(_), SD::Other(_)) => Kind::Unsupported,
                    (CD::Other(_), s) => Kind::SegTerm(s),
                    (c, _) => Kind::ConvTerm(c),
                }
            }
            Some("numericRange") => {
                let metric = spec.metric.as_deref().ok_or_else(|| {
                    ApiError::bad_request(
                        "A numericRange aggregation needs a metric and ranges [{gte, lt}].",
                    )
                })?;
                Kind::MetricRange(metric.to_owned())
            }
            Some(other) => {
                return Err(ApiError::invalid_value(
                    other,
                    "aggregations.type",
                    AggregationResultType::KNOWN,
                ));
            }
            None => {
                return Err(ApiError::bad_request(
                    "An aggregation needs a type (termFrequency or numericRange).",
                ));
            }
        };
        let n = spec.ranges.as_ref().map_or(0, Vec::len);
        Ok(Self {
            spec: spec.clone(),
            kind,
            counts: BTreeMap::new(),
            ranges: vec![0; n],
            seen: 0,
        })
    }

    /// Count one matching conversation.
    pub fn add(&mut self, c: &AnalyticsConversation) {
        match &self.kind {
            Kind::ConvTerm(d) => {
                let keys = values::conversation_dim(d, c)
                    .map(|v| values::bucket_keys(&v))
                    .unwrap_or_default();
                self.bump(keys.into_iter().collect());
            }
            Kind::SegTerm(d) => {
                let keys: BTreeSet<String> = values::segments(c)
                    .filter_map(|x| values::segment_dim(d, x))
                    .flat_map(|v| values::bucket_keys(&v))
                    .collect();
                self.bump(keys);
            }
            Kind::MetricRange(name) => {
                let vals: Vec<f64> = c
                    .participants
                    .iter()
                    .flatten()
                    .flat_map(|p| p.sessions.iter().flatten())
                    .flat_map(|s| s.metrics.iter().flatten())
                    .filter(|m| m.name.as_deref() == Some(name.as_str()))
                    .filter_map(|m| m.value)
                    .map(|v| v as f64)
                    .collect();
                if !vals.is_empty() {
                    self.seen += 1;
                }
                for (i, r) in self.spec.ranges.iter().flatten().enumerate() {
                    let hit = vals
                        .iter()
                        .any(|v| r.gte.is_none_or(|g| *v >= g) && r.lt.is_none_or(|l| *v < l));
                    if hit && let Some(n) = self.ranges.get_mut(i) {
                        *n += 1;
                    }
                }
            }
            Kind::Unsupported => {}
        }
    }

    fn bump(&mut self, keys: BTreeSet<String>) {
        if !keys.is_empty() {
            self.seen += 1;
        }
        for k in keys {
            *self.counts.entry(k).or_insert(0) += 1;
        }
    }

    /// The `AggregationResult`.
    #[must_use]
    pub fn finish(self) -> AggregationResult {
        let results = if matches!(self.kind, Kind::MetricRange(_)) {
            self.spec
                .ranges
                .iter()
                .flatten()
                .zip(&self.ranges)
                .map(|(r, n)| AggregationResultEntry {
                    count: Some(*n),
                    value: None,
                    gte: r.gte,
                    lt: r.lt,
                })
                .collect()
        } else {
            let size = self
                .spec
                .size
                .and_then(|s| usize::try_from(s).ok())
                .filter(|s| *s > 0)
                .unwrap_or(DEFAULT_SIZE);
            let mut buckets: Vec<(String, i64)> = self.counts.into_iter().collect();
            buckets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            buckets
                .into_iter()
                .take(size)
                .map(|(value, n)| AggregationResultEntry {
                    count: Some(n),
                    value: Some(value),
                    gte: None,
                    lt: None,
                })
                .collect()
        };
        AggregationResult {
            type_: self.spec.type_.clone(),
            dimension: self.spec.dimension.clone(),
            metric: self.spec.metric.clone(),
            count: Some(self.seen),
            results: Some(results),
        }
    }
}
