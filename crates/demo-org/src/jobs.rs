//! Async conversation-detail jobs (reference/api-facts.md §2.5) on the simulated clock.
//!
//! * Submission returns a job id at once; the job is QUEUED for the first half of `job_delay`,
//!   PENDING for the second half, then FULFILLED. A query that does not validate (missing or bad
//!   interval, bad predicate) is accepted and then FAILED with `errorMessage` (how upstream splits
//!   400s from FAILED jobs is UNVERIFIED). DELETE cancels (CANCELLED). Results expire
//!   [`RESULT_LIFETIME`] after completion (EXPIRED; upstream lifetime UNVERIFIED — the example
//!   in reference/api-facts.md shows one day).
//! * Jobs read the "datalake": the org as it was at the data availability date of submission
//!   (`now − availability_lag`), so very recent conversations are missing, as upstream.
//! * Interval semantics differ from the sync query: "had activity during the interval", unless
//!   `startOfDayIntervalMatching` asks for start-day matching.

use crate::errors::ApiError;
use crate::query::filter::Filters;
use crate::query::interval::Interval;
use crate::query::order::Sort;
use crate::view::OrgView;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use model::analytics::{
    AnalyticsConversationAsyncQueryResponse, AsyncConversationQuery, AsyncQueryStatus,
    AsyncQueryStatusState,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// How long FULFILLED results stay readable.
pub const RESULT_LIFETIME: Duration = Duration::days(1);
/// Default and maximum `pageSize` of job results (upstream values UNVERIFIED).
pub const DEFAULT_RESULTS_PAGE: usize = 100;
pub const MAX_RESULTS_PAGE: usize = 1_000;

/// `std::time::Duration` → `chrono::Duration` (saturating).
#[must_use]
pub fn to_chrono(d: std::time::Duration) -> Duration {
    Duration::from_std(d).unwrap_or(Duration::MAX)
}

/// A validated async query.
#[derive(Debug, Clone)]
struct JobPlan {
    interval: Interval,
    filters: Filters,
    sort: Sort,
    limit: Option<usize>,
    start_of_day: bool,
}

fn plan(q: &AsyncConversationQuery) -> Result<JobPlan, ApiError> {
    let interval = Interval::parse(q.interval.as_deref())?;
    let other = q.evaluation_filters.as_ref().is_some_and(|v| !v.is_empty())
        || q.survey_filters.as_ref().is_some_and(|v| !v.is_empty())
        || q.resolution_filters.as_ref().is_some_and(|v| !v.is_empty());
    let filters = Filters::compile(
        q.conversation_filters.as_deref(),
        q.segment_filters.as_deref(),
        other,
    )?;
    let sort = Sort::parse(q.order.as_ref(), q.order_by.as_ref())?;
    let limit = match q.limit {
        None => None,
        Some(n) if n >= 1 => usize::try_from(n).ok(),
        Some(n) => {
            return Err(ApiError::bad_request(format!(
                "limit must be at least 1 (got {n})."
            )));
        }
    };
    Ok(JobPlan {
        interval,
        filters,
        sort,
        limit,
        start_of_day: q.start_of_day_interval_matching.unwrap_or(false),
    })
}

#[derive(Debug)]
struct Job {
    submitted: DateTime<Utc>,
    fulfil_at: DateTime<Utc>,
    /// The datalake snapshot the job reads.
    data_as_of: DateTime<Utc>,
    plan: Result<JobPlan, String>,
    cancelled_at: Option<DateTime<Utc>>,
    /// Conversation ids in result order, computed once when first needed.
    results: Option<Arc<Vec<String>>>,
}

impl Job {
    fn state(&self, now: DateTime<Utc>) -> AsyncQueryStatusState {
        if self.plan.is_err() {
            AsyncQueryStatusState::Failed
        } else if self.cancelled_at.is_some() {
            AsyncQueryStatusState::Cancelled
        } else if now >= self.fulfil_at + RESULT_LIFETIME {
            AsyncQueryStatusState::Expired
        } else if now >= self.fulfil_at {
            AsyncQueryStatusState::Fulfilled
        } else if now >= self.submitted + (self.fulfil_at - self.submitted) / 2 {
            AsyncQueryStatusState::Pending
        } else {
            AsyncQueryStatusState::Queued
        }
    }

    fn status(&self, now: DateTime<Utc>) -> AsyncQueryStatus {
        let state = self.state(now);
        let completion = match state {
            AsyncQueryStatusState::Failed => Some(self.submitted),
            AsyncQueryStatusState::Cancelled => self.cancelled_at,
            AsyncQueryStatusState::Fulfilled | AsyncQueryStatusState::Expired => {
                Some(self.fulfil_at)
            }
            _ => None,
        };
        AsyncQueryStatus {
            error_message: self.plan.as_ref().err().cloned(),
            submission_date: Some(self.submitted),
            completion_date: completion,
            expiration_date: matches!(
                state,
                AsyncQueryStatusState::Fulfilled | AsyncQueryStatusState::Expired
            )
            .then(|| self.fulfil_at + RESULT_LIFETIME),
            state: Some(state),
        }
    }
}

/// Every job of one running org.
#[derive(Debug, Default)]
pub struct JobStore {
    jobs: Mutex<HashMap<String, Job>>,
}

/// Outcome of `DELETE …/jobs/{id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    /// It was still running: cancellation accepted (202).
    Cancelled,
    /// It had finished; its results are gone (204).
    Removed,
}

impl JobStore {
    /// Accept a job at `now`; returns its id.
    pub fn submit(
        &self,
        q: &AsyncConversationQuery,
        now: DateTime<Utc>,
        job_delay: Duration,
        availability_lag: Duration,
    ) -> String {
        let id = uuid::Uuid::new_v4().to_string();
        let job = Job {
            submitted: now,
            fulfil_at: now + job_delay,
            data_as_of: now - availability_lag,
            plan: plan(q).map_err(|e| e.message),
            cancelled_at: None,
            results: None,
        };
        self.lock().insert(id.clone(), job);
        id
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Job>> {
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `AsyncQueryStatus` at `now`; `None` = unknown job (404).
    #[must_use]
    pub fn status(&self, id: &str, now: DateTime<Utc>) -> Option<AsyncQueryStatus> {
        self.lock().get(id).map(|j| j.status(now))
    }

    /// Cancel / delete a job; `None` = unknown job.
    pub fn delete(&self, id: &str, now: DateTime<Utc>) -> Option<Deleted> {
        let mut jobs = self.lock();
        let job = jobs.get_mut(id)?;
        let was_running = matches!(
            job.state(now),
            AsyncQueryStatusState::Queued | AsyncQueryStatusState::Pending
        );
        if job.cancelled_at.is_none() {
            job.cancelled_at = Some(now);
        }
        job.results = None;
        Some(if was_running {
            Deleted::Cancelled
        } else {
            Deleted::Removed
        })
    }

    /// One page of results.
    ///
    /// # Errors
    /// 404 unknown job; 400 when the job is not FULFILLED, or the cursor/pageSize is invalid.
    pub fn results(
        &self,
        org: &dyn OrgView,
        id: &str,
        cursor: Option<&str>,
        page_size: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<AnalyticsConversationAsyncQueryResponse, ApiError> {
        // Read what is needed under the lock; the (possibly long) scan runs without it.
        let (cached, plan, as_of) = {
            let jobs = self.lock();
            let job = jobs.get(id).ok_or_else(ApiError::not_found)?;
            let state = job.state(now);
            if state != AsyncQueryStatusState::Fulfilled {
                return Err(ApiError::bad_request(format!(
                    "Job {id} is {}; results can be read only while it is FULFILLED. Poll GET …/details/jobs/{id} first.",
                    state.as_str()
                )));
            }
            (
                job.results.clone(),
                job.plan.clone().map_err(|_| ApiError::internal())?,
                job.data_as_of,
            )
        };
        let ids = match cached {
            Some(ids) => ids,
            None => {
                let ids = Arc::new(select(org, &plan, as_of));
                if let Some(job) = self.lock().get_mut(id) {
                    job.results.get_or_insert_with(|| Arc::clone(&ids));
                }
                ids
            }
        };
        let size = page_size.unwrap_or(DEFAULT_RESULTS_PAGE);
        if !(1..=MAX_RESULTS_PAGE).contains(&size) {
            return Err(ApiError::bad_request(format!(
                "pageSize must be between 1 and {MAX_RESULTS_PAGE}."
            )));
        }
        let offset = match cursor.filter(|c| !c.is_empty()) {
            None => 0,
            Some(c) => decode_cursor(c).ok_or_else(|| {
                ApiError::bad_request("The cursor is not one this job returned; pass the cursor of the previous page as-is.")
            })?,
        };
        let end = (offset + size).min(ids.len());
        let conversations: Vec<_> = ids
            .get(offset..end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|cid| org.analytics(cid, as_of))
            .collect();
        Ok(AnalyticsConversationAsyncQueryResponse {
            conversations: Some(conversations),
            // Absent on the last page.
            cursor: (end < ids.len()).then(|| encode_cursor(end)),
            data_availability_date: Some(as_of),
        })
    }
}

/// The conversation ids a job returns, in order.
fn select(org: &dyn OrgView, plan: &JobPlan, as_of: DateTime<Utc>) -> Vec<String> {
    let (start, end) = (plan.interval.start, plan.interval.end);
    let candidates = if plan.start_of_day {
        let (from, to) = plan.interval.touched_days();
        org.analytics_started_in(from, to, as_of)
    } else {
        org.analytics_active_in(start, end, as_of)
    };
    let mut hits: Vec<_> = candidates
        .filter(|c| {
            // Activity as the datalake saw it at `as_of` (a conversation live then has no end).
            plan.start_of_day
                || (c.conversation_start.is_some_and(|s| s < end)
                    && c.conversation_end.is_none_or(|e| e >= start))
        })
        .filter(|c| plan.filters.matches(c))
        .map(|c| {
            (
                plan.sort.key(&c),
                c.conversation_id.clone().unwrap_or_default(),
                (),
            )
        })
        .collect();
    plan.sort.sort(&mut hits);
    let limit = plan.limit.unwrap_or(usize::MAX);
    hits.into_iter().take(limit).map(|(_, id, ())| id).collect()
}

fn encode_cursor(offset: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("demo-cursor:{offset}"))
}

fn decode_cursor(c: &str) -> Option<usize> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim())
        .ok()?;
    String::from_utf8(raw)
        .ok()?
        .strip_prefix("demo-cursor:")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        model::time::from_wire(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn states_follow_the_clock() {
        let store = JobStore::default();
        let now = t("2026-05-20T12:00:00Z");
        let q = AsyncConversationQuery {
            interval: Some("2026-05-19T00:00:00Z/2026-05-20T00:00:00Z".into()),
            ..Default::default()
        };
        let id = store.submit(&q, now, Duration::seconds(10), Duration::hours(1));
        let st = |at: DateTime<Utc>| store.status(&id, at).and_then(|s| s.state);
        assert_eq!(st(now), Some(AsyncQueryStatusState::Queued));
        assert_eq!(
            st(now + Duration::seconds(5)),
            Some(AsyncQueryStatusState::Pending)
        );
        assert_eq!(
            st(now + Duration::seconds(10)),
            Some(AsyncQueryStatusState::Fulfilled)
        );
        assert_eq!(
            st(now + Duration::seconds(10) + RESULT_LIFETIME),
            Some(AsyncQueryStatusState::Expired)
        );
        assert_eq!(store.delete(&id, now), Some(Deleted::Cancelled));
        assert_eq!(
            st(now + Duration::seconds(10)),
            Some(AsyncQueryStatusState::Cancelled)
        );
        assert!(store.status("nope", now).is_none());
    }

    #[test]
    fn invalid_query_fails_with_message() {
        let store = JobStore::default();
        let now = t("2026-05-20T12:00:00Z");
        let id = store.submit(
            &AsyncConversationQuery::default(),
            now,
            Duration::seconds(10),
            Duration::hours(1),
        );
        let s = store.status(&id, now);
        assert_eq!(
            s.as_ref().and_then(|s| s.state.clone()),
            Some(AsyncQueryStatusState::Failed)
        );
        assert!(
            s.and_then(|s| s.error_message)
                .is_some_and(|m| m.contains("interval"))
        );
    }

    #[test]
    fn cursor_round_trip() {
        assert_eq!(decode_cursor(&encode_cursor(200)), Some(200));
        assert_eq!(decode_cursor("garbage"), None);
    }
}
