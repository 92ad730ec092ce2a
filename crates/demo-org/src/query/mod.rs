//! The analytics query engine: validate a `ConversationQuery` / `AsyncConversationQuery`, select
//! conversations from an [`OrgView`], filter, sort, page, aggregate. Pure apart from reading the
//! org; `cargo xtask bench` times [`run_details_query`] in-process.

pub mod aggregate;
pub mod filter;
pub mod interval;
pub mod limits;
pub mod order;
pub mod values;

pub use crate::analytics::without_attributes;
use crate::errors::ApiError;
use crate::view::OrgView;
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

/// Run a planned query over candidate conversations (already restricted to the start-day window).
/// Only `(sort key, id)` of each hit is kept; the page's records are fetched again with `fetch`
/// (deterministic at a fixed `now`), so memory stays flat however many conversations match.
///
/// # Errors
/// Only aggregation specs can fail here, and `plan_details` has already checked them.
pub fn execute_details(
    plan: &DetailsPlan,
    candidates: impl Iterator<Item = AnalyticsConversation>,
    fetch: impl Fn(&str) -> Option<AnalyticsConversation>,
) -> Result<AnalyticsConversationQueryResponse, ApiError> {
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
    let total = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    plan.sort.sort(&mut hits);
    let page: Vec<_> = hits
        .iter()
        .skip(plan.page.offset())
        .take(plan.page.size)
        .filter_map(|(_, id, ())| fetch(id))
        .map(without_attributes)
        .collect();
    Ok(AnalyticsConversationQueryResponse {
        // Past the last page the array is absent, not empty (api-facts §2.3).
        conversations: (!page.is_empty()).then_some(page),
        aggregations: (!aggs.is_empty())
            .then(|| aggs.into_iter().map(aggregate::Agg::finish).collect()),
        total_hits: Some(total),
    })
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
    let (from, to) = plan.interval.touched_days();
    match plan.filters.pinned_ids() {
        // Looking a few ids up beats scanning up to 31 days; the window and filters still apply.
        Some(ids) => {
            let mut seen = std::collections::HashSet::new();
            let hits = ids
                .into_iter()
                .filter(|id| seen.insert(id.clone()))
                .filter_map(|id| org.analytics(&id, now))
                .filter(|c| c.conversation_start.is_some_and(|s| s >= from && s < to));
            execute_details(&plan, hits, |id| org.analytics(id, now))
        }
        None => execute_details(&plan, org.analytics_started_in(from, to, now), |id| {
            org.analytics(id, now)
        }),
    }
}
