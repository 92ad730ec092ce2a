//! Paging walk accounting. While an interval still receives traffic, `totalHits` moves between
//! calls and records shift between pages, so a naive walk double-counts some conversations and
//! skips others. We de-duplicate by ID and report the drift; the two remedies Genesys gives
//! ("end the interval a minute ago", "filter on conversationEnd") are computed here.

use super::Explanation;
use super::interval::{Interval, IntervalError};
use super::sources::PAGING_BEHAVIOR_BLOG;
use chrono::{DateTime, Duration, DurationRound, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// One page as fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// 1-based, as sent in `paging.pageNumber`.
    pub page_number: i64,
    /// `totalHits` of this response.
    pub total_hits: Option<i64>,
    /// `conversations[].conversationId` in response order (absent array = past the end = empty).
    pub ids: Vec<String>,
}

/// Accounting for one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageReport {
    pub page_number: i64,
    pub returned: usize,
    /// IDs seen for the first time on this page.
    pub new_ids: usize,
    /// IDs already seen on an earlier page (records that shifted forward).
    pub repeated: Vec<Repeat>,
    pub total_hits: Option<i64>,
    /// `totalHits` minus the previous page's `totalHits`.
    pub drift: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repeat {
    pub conversation_id: String,
    pub first_page: i64,
}

/// The whole walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalkReport {
    pub pages: Vec<PageReport>,
    /// Distinct IDs in first-seen order.
    pub unique_ids: Vec<String>,
    pub rows_fetched: usize,
    pub duplicates: usize,
    pub first_total_hits: Option<i64>,
    pub last_total_hits: Option<i64>,
    /// `last_total_hits - unique_ids.len()` when positive: records the walk probably skipped
    /// because earlier rows shifted backwards past a page boundary.
    pub possibly_missed: i64,
    pub stable: bool,
    pub explanations: Vec<Explanation>,
}

/// Account for a walk over `pages` (in fetch order).
#[must_use]
pub fn account(pages: &[Page]) -> WalkReport {
    let mut first_seen: HashMap<&str, i64> = HashMap::new();
    let mut unique_ids = Vec::new();
    let mut reports = Vec::new();
    let mut previous_hits: Option<i64> = None;
    let mut rows_fetched = 0;
    let mut duplicates = 0;
    for page in pages {
        let mut new_ids = 0;
        let mut repeated = Vec::new();
        for id in &page.ids {
            rows_fetched += 1;
            match first_seen.get(id.as_str()) {
                Some(first) => {
                    duplicates += 1;
                    repeated.push(Repeat {
                        conversation_id: id.clone(),
                        first_page: *first,
                    });
                }
                None => {
                    first_seen.insert(id, page.page_number);
                    unique_ids.push(id.clone());
                    new_ids += 1;
                }
            }
        }
        let drift = match (previous_hits, page.total_hits) {
            (Some(p), Some(t)) => Some(t - p),
            _ => None,
        };
        if page.total_hits.is_some() {
            previous_hits = page.total_hits;
        }
        reports.push(PageReport {
            page_number: page.page_number,
            returned: page.ids.len(),
            new_ids,
            repeated,
            total_hits: page.total_hits,
            drift,
        });
    }
    let first_total_hits = pages.iter().find_map(|p| p.total_hits);
    let last_total_hits = pages.iter().rev().find_map(|p| p.total_hits);
    let unique = i64::try_from(unique_ids.len()).unwrap_or(i64::MAX);
    let possibly_missed = last_total_hits.map_or(0, |t| (t - unique).max(0));
    let drifted = reports.iter().any(|r| r.drift.is_some_and(|d| d != 0));
    let stable = !drifted && duplicates == 0 && possibly_missed == 0;
    let mut explanations = Vec::new();
    if drifted {
        explanations.push(Explanation::new(
            format!(
                "totalHits moved from {} to {} during the walk",
                first_total_hits.unwrap_or_default(),
                last_total_hits.unwrap_or_default()
            ),
            "totalHits is approximate and changes while the interval still receives traffic; each page is \
             computed against the data as it is at that moment.",
            PAGING_BEHAVIOR_BLOG,
        ));
    }
    if duplicates > 0 {
        explanations.push(Explanation::new(
            format!("{duplicates} record(s) came back twice — counted once"),
            "New conversations sorted in ahead of the current page push earlier rows onto the next page. \
             Always de-duplicate by conversationId when paging.",
            PAGING_BEHAVIOR_BLOG,
        ));
    }
    if possibly_missed > 0 {
        explanations.push(Explanation::new(
            format!("{possibly_missed} record(s) were probably skipped"),
            format!(
                "The last response reports {} hits but the walk saw {} distinct conversations. End the \
                 interval a minute before now and require conversationEnd so the result set stops moving.",
                last_total_hits.unwrap_or_default(),
                unique_ids.len()
            ),
            PAGING_BEHAVIOR_BLOG,
        ));
    }
    WalkReport {
        pages: reports,
        unique_ids,
        rows_fetched,
        duplicates,
        first_total_hits,
        last_total_hits,
        possibly_missed,
        stable,
        explanations,
    }
}

/// Should the walk fetch another page after `page` (with the page size sent)?
/// Genesys omits `conversations` past the end; a short page also ends the walk.
#[must_use]
pub fn has_more(page: &Page, page_size: i64) -> bool {
    i64::try_from(page.ids.len()).is_ok_and(|n| n >= page_size && n > 0)
}

/// Remedy: end the interval a minute before `now` (whole seconds), keeping an earlier end.
///
/// # Errors
/// [`IntervalError::EndNotAfterStart`] when the interval starts less than a minute ago.
pub fn end_a_minute_ago(
    interval: &Interval,
    now: DateTime<Utc>,
) -> Result<Interval, IntervalError> {
    let cutoff = now - Duration::minutes(1);
    let cutoff = cutoff
        .duration_trunc(Duration::seconds(1))
        .unwrap_or(cutoff);
    Interval::new(interval.start, interval.end.min(cutoff))
}

/// Why the remedies work, for the toggles' help text.
#[must_use]
pub fn explain_remedies() -> Vec<Explanation> {
    vec![
        Explanation::new(
            "End the interval a minute ago",
            "Avoid \"now\" as the interval end: the last minute is still being written, so totals and page \
             contents move under you.",
            PAGING_BEHAVIOR_BLOG,
        ),
        Explanation::new(
            "Require conversationEnd",
            "A conversationFilters predicate {dimension: conversationEnd, operator: exists} excludes \
             conversations still in progress, whose records keep changing.",
            PAGING_BEHAVIOR_BLOG,
        ),
    ]
}
