//! The fast path of the details query: when the start index alone decides the hits (no filter,
//! or only `conversationEnd exists`; ordered by conversationStart; no aggregations), the hit list
//! is the index's window in result order and only the returned page's records are built.

use super::DetailsPlan;
use super::order::SortKey;
use crate::view::{ConvRef, OrgView};
use chrono::{DateTime, Utc};

/// The hits of `plan` over `[from, to)` from the org's start index, in result order; `None`
/// when the plan needs the records (filters, aggregations, another order) or the org has no
/// index.
pub fn indexed_hits(
    org: &dyn OrgView,
    plan: &DetailsPlan,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Vec<ConvRef>> {
    if !plan.aggregations.is_empty() || plan.sort.by != SortKey::ConversationStart {
        return None;
    }
    let ended_only = plan.filters.start_index_filter()?;
    let index = org.started_index(from, to, now, ended_only)?;
    Some(in_result_order(index, plan.sort.desc))
}

/// `(start, ref)` pairs sorted by `(start, id)` → refs in the query's order. Descending order
/// reverses the starts but, like [`super::order::Sort::sort`], keeps equal starts by id ascending.
#[must_use]
pub fn in_result_order(mut index: Vec<(DateTime<Utc>, ConvRef)>, desc: bool) -> Vec<ConvRef> {
    if desc {
        index.reverse();
        for run in index.chunk_by_mut(|a, b| a.0 == b.0) {
            run.reverse();
        }
    }
    index.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        model::time::from_wire(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn id(s: &str) -> ConvRef {
        ConvRef::Id(s.to_owned())
    }

    #[test]
    fn desc_reverses_starts_but_keeps_ties_by_id() {
        let index = vec![
            (t("2026-05-12T10:00:00Z"), id("a")),
            (t("2026-05-12T11:00:00Z"), id("b")),
            (t("2026-05-12T11:00:00Z"), id("c")),
            (t("2026-05-12T12:00:00Z"), id("d")),
        ];
        assert_eq!(
            in_result_order(index.clone(), false),
            [id("a"), id("b"), id("c"), id("d")]
        );
        assert_eq!(
            in_result_order(index, true),
            [id("d"), id("b"), id("c"), id("a")]
        );
    }
}
