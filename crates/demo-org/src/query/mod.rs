//! The analytics query engine: validate a `ConversationQuery` / `AsyncConversationQuery`, select
//! conversations from an [`OrgView`], filter, sort, page, aggregate. Pure apart from reading the
//! org; `cargo xtask bench` times [`run_details_query`] in-process.

pub mod aggregate;
pub mod cache;
pub mod filter;
pub mod interval;
pub mod limits;
pub mod order;
pub mod values;
pub mod window;

pub use crate::analytics::without_attributes;
use crate::errors::ApiError;
use crate::view::{ConvRef, OrgView};
use chrono::{DateTime, Utc};
use filter::Filters;
use interval::Interval;
use limits::Page;
use model::analytics::{
    AnalyticsConversation, AnalyticsConversationQueryResponse, ConversationQuery,
};
use order::Sort;

/// A validated synchronous details query.
#[derive(Debug, Clone)]
pub struct DetailsPlan {
    pub interval: Interval,
    pub filters: Filters,
    pub sort: Sort,
    pub page: Page,
    pub aggregations: Vec<model::analytics::AnalyticsQueryAggregation>,
}

fn other_filters_given(q: &ConversationQuery) -> bool {
    q.evaluation_filters.as_ref().is_some_and(|v| !v.is_empty())
        || q.survey_filters.as_ref().is_some_and(|v| !v.is_empty())
        || q.resolution_filters.as_ref().is_some_and(|v| !v.is_empty())
}

/// Validate a details query at `now`.
///
/// # Errors
/// 400 `bad.request` / `invalid.date` / `invalid.value` saying what to fix.
pub fn plan_details(q: &ConversationQuery, now: DateTime<Utc>) -> Result<DetailsPlan, ApiError> {
    let interval = Interval::parse(q.interval.as_deref())?;
    let filters = Filters::compile(
        q.conversation_filters.as_deref(),
        q.segment_filters.as_deref(),
        other_filters_given(q),
    )?;
    // The cap counts filters as sent (a wrong-level filter is still "a filter" to the API).
    let has_filter = q
        .conversation_filters
        .as_ref()
        .is_some_and(|v| !v.is_empty())
        || q.segment_filters.as_ref().is_some_and(|v| !v.is_empty())
        || other_filters_given(q);
    limits::check_interval(&interval, has_filter, now)?;
    let sort = Sort::parse(q.order.as_ref(), q.order_by.as_ref())?;
    let page = Page::parse(q.paging.as_ref())?;
    let aggregations = q.aggregations.clone().unwrap_or_default();
    for a in &aggregations {
        aggregate::Agg::new(a)?;
    }
    Ok(DetailsPlan {
        interval,
        filters,
        sort,
        page,
        aggregations,
    })
}

/// The matching conversations of a query, before paging: handles in result order,
/// aggregations and the total. Only handles are kept; a page's records are built again
/// (deterministic at a fixed `now`), so memory stays flat however many conversations match.
#[derive(Debug, Clone)]
pub struct Hits {
    ids: Vec<ConvRef>,
    aggregations: Option<Vec<model::analytics::AggregationResult>>,
}

impl Hits {
    /// `totalHits`.
    #[must_use]
    pub fn total(&self) -> i64 {
        i64::try_from(self.ids.len()).unwrap_or(i64::MAX)
    }
}

/// Filter, aggregate and sort candidate conversations (already restricted to the start-day window).
///
/// # Errors
/// Only aggregation specs can fail here, and `plan_details` has already checked them.
pub fn collect_hits(
    plan: &DetailsPlan,
    candidates: impl Iterator<Item = AnalyticsConversation>,
) -> Result<Hits, ApiError> {
    let mut aggs = plan
        .aggregations
        .iter()
        .map(aggregate::Agg::new)
        .collect::<Result<Vec<_>, _>>()?;
    let mut hits: Vec<(Option<DateTime<Utc>>, String, ())> = Vec::new();
    for c in candidates {
        if !plan.filters.matches(&c) {
            continue;
        }
        for a in &mut aggs {
            a.add(&c);
        }
        hits.push((plan.sort.key(&c), c.conversation_id.unwrap_or_default(), ()));
    }
    plan.sort.sort(&mut hits);
    Ok(Hits {
        ids: hits
            .into_iter()
            .map(|(_, id, ())| ConvRef::Id(id))
            .collect(),
        aggregations: (!aggs.is_empty())
            .then(|| aggs.into_iter().map(aggregate::Agg::finish).collect()),
    })
}

/// One page of `hits` as the response body.
pub fn page_of(
    plan: &DetailsPlan,
    hits: &Hits,
    fetch: impl Fn(&ConvRef) -> Option<AnalyticsConversation>,
) -> AnalyticsConversationQueryResponse {
    let page: Vec<_> = hits
        .ids
        .iter()
        .skip(plan.page.offset())
        .take(plan.page.size)
        .filter_map(&fetch)
        .map(without_attributes)
        .collect();
    AnalyticsConversationQueryResponse {
        // Past the last page the array is absent, not empty (reference/api-facts.md §2.3).
        conversations: (!page.is_empty()).then_some(page),
        aggregations: hits.aggregations.clone(),
        total_hits: Some(hits.total()),
    }
}

/// Candidates, then hits, of a planned query at `now`.
fn hits_at(org: &dyn OrgView, plan: &DetailsPlan, now: DateTime<Utc>) -> Result<Hits, ApiError> {
    let (from, to) = plan.interval.touched_days();
    match plan.filters.pinned_ids() {
        // Looking a few ids up beats scanning up to 31 days; the window and filters still apply.
        Some(ids) => {
            let mut seen = std::collections::HashSet::new();
            let found = ids
                .into_iter()
                .filter(|id| seen.insert(id.clone()))
                .filter_map(|id| org.analytics(&id, now))
                .filter(|c| c.conversation_start.is_some_and(|s| s >= from && s < to));
            collect_hits(plan, found)
        }
        None => match window::indexed_hits(org, plan, from, to, now) {
            // The index decides the hits: no record is built until the page is.
            Some(ids) => Ok(Hits {
                ids,
                aggregations: None,
            }),
            None => collect_hits(plan, org.analytics_started_in(from, to, now)),
        },
    }
}

/// `POST /api/v2/analytics/conversations/details/query` against `org` at `now`.
///
/// # Errors
/// 400s from [`plan_details`].
pub fn run_details_query(
    org: &dyn OrgView,
    q: &ConversationQuery,
    now: DateTime<Utc>,
) -> Result<AnalyticsConversationQueryResponse, ApiError> {
    let plan = plan_details(q, now)?;
    let hits = hits_at(org, &plan, now)?;
    Ok(page_of(&plan, &hits, |r| org.analytics_by_ref(r, now)))
}

/// [`run_details_query`] with a cache of hit lists for *settled* windows: when every conversation
/// that started in the query's start-day window had finished and reached analytics before
/// `settled_before`, the hits cannot change any more, so paging through them (page 2, 3, …)
/// reuses the hit list instead of re-reading the window.
///
/// # Errors
/// 400s from [`plan_details`].
pub fn run_details_query_cached(
    org: &dyn OrgView,
    q: &ConversationQuery,
    now: DateTime<Utc>,
    cache: &cache::HitCache,
    settled_before: DateTime<Utc>,
) -> Result<AnalyticsConversationQueryResponse, ApiError> {
    let plan = plan_details(q, now)?;
    let (_, to) = plan.interval.touched_days();
    let hits = if to <= settled_before {
        let key = cache::key(q);
        if let Some(h) = cache.get(&key) {
            h
        } else {
            let h = std::sync::Arc::new(hits_at(org, &plan, now)?);
            cache.put(key, std::sync::Arc::clone(&h));
            h
        }
    } else {
        std::sync::Arc::new(hits_at(org, &plan, now)?)
    };
    Ok(page_of(&plan, &hits, |r| org.analytics_by_ref(r, now)))
}
