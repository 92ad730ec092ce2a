//! Async details jobs as a state machine the view can follow: submit → poll the status until a
//! terminal state → read results page by page with the cursor. Also: what `dataAvailabilityDate`
//! means for the interval, and when a job is the better tool than the synchronous query.

use super::Explanation;
use super::interval::{Interval, MAX_DAYS_BACK, MAX_DAYS_FILTERED, MAX_RECORDS, MAX_RECORDS_TEXT};
use super::sources::{ASYNC_JOB_ORDER_UNVERIFIED, ASYNC_JOBS, TUTORIAL_2020_LIMITS};
use chrono::{DateTime, Duration, Utc};
use model::analytics::{
    AnalyticsConversationAsyncQueryResponse, AsyncQueryStatus, AsyncQueryStatusState as State,
};
use serde::Serialize;

/// One observed state change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transition {
    pub state: String,
    /// When we saw it (our clock).
    pub observed_at: DateTime<Utc>,
    pub submission_date: Option<DateTime<Utc>>,
    pub completion_date: Option<DateTime<Utc>>,
    pub expiration_date: Option<DateTime<Utc>>,
    pub error_message: Option<String>,
    /// False when the move is not one we expect (e.g. FULFILLED → PENDING). Shown, not rejected.
    pub expected: bool,
}

/// What the view should do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum JobAction {
    /// `GET …/jobs/{id}` again at this time.
    PollStatus { at: DateTime<Utc> },
    /// `GET …/jobs/{id}/results` (with `?cursor=` when present).
    ReadResults { cursor: Option<String> },
    /// All pages read.
    Done,
    /// The job ended without results (FAILED, CANCELLED, EXPIRED).
    Stopped {
        state: String,
        message: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    #[error("The job answer has no jobId; the job cannot be followed.")]
    NoJobId,
    #[error("Results were read before the job was FULFILLED (state {0}).")]
    NotFulfilled(String),
    #[error("All result pages were already read; there is no cursor to continue with.")]
    AlreadyDone,
}

/// A job being followed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobTracker {
    pub job_id: String,
    pub submitted_at: DateTime<Utc>,
    pub transitions: Vec<Transition>,
    /// Cursor for the next results page; `None` before the first page and after the last.
    pub cursor: Option<String>,
    pub pages_read: usize,
    pub conversations_read: usize,
    pub results_done: bool,
    pub data_availability_date: Option<DateTime<Utc>>,
    pub poll_every: Duration,
}

impl JobTracker {
    /// Start following a job from the `POST …/jobs` answer (`{ "jobId": … }`, HTTP 202).
    ///
    /// # Errors
    /// [`JobError::NoJobId`].
    pub fn submitted(
        job_id: Option<&str>,
        now: DateTime<Utc>,
        poll_every: Duration,
    ) -> Result<Self, JobError> {
        let job_id = job_id
            .filter(|s| !s.trim().is_empty())
            .ok_or(JobError::NoJobId)?;
        Ok(Self {
            job_id: job_id.to_owned(),
            submitted_at: now,
            transitions: Vec::new(),
            cursor: None,
            pages_read: 0,
            conversations_read: 0,
            results_done: false,
            data_availability_date: None,
            poll_every,
        })
    }

    /// The last state seen.
    #[must_use]
    pub fn state(&self) -> Option<State> {
        self.transitions.last().map(|t| State::from_wire(&t.state))
    }

    /// Record a status answer; only changes are kept as transitions. Returns true on a change.
    pub fn observe_status(&mut self, status: &AsyncQueryStatus, now: DateTime<Utc>) -> bool {
        let Some(state) = &status.state else {
            return false;
        };
        let previous = self.state();
        if previous.as_ref() == Some(state) {
            return false;
        }
        self.transitions.push(Transition {
            state: state.as_str().to_owned(),
            observed_at: now,
            submission_date: status.submission_date,
            completion_date: status.completion_date,
            expiration_date: status.expiration_date,
            error_message: status.error_message.clone(),
            expected: is_expected(previous.as_ref(), state),
        });
        true
    }

    /// Record a results page.
    ///
    /// # Errors
    /// [`JobError::NotFulfilled`] / [`JobError::AlreadyDone`].
    pub fn observe_results(
        &mut self,
        page: &AnalyticsConversationAsyncQueryResponse,
    ) -> Result<(), JobError> {
        match self.state() {
            Some(State::Fulfilled) => {}
            other => {
                return Err(JobError::NotFulfilled(
                    other.map_or_else(|| "unknown".into(), |s| s.as_str().to_owned()),
                ));
            }
        }
        if self.results_done {
            return Err(JobError::AlreadyDone);
        }
        self.pages_read += 1;
        self.conversations_read += page.conversations.as_ref().map_or(0, Vec::len);
        if page.data_availability_date.is_some() {
            self.data_availability_date = page.data_availability_date;
        }
        self.cursor = page.cursor.clone().filter(|c| !c.is_empty());
        self.results_done = self.cursor.is_none();
        Ok(())
    }

    /// What to do next, given the clock.
    #[must_use]
    pub fn next_action(&self, now: DateTime<Utc>) -> JobAction {
        match self.state() {
            None | Some(State::Queued | State::Pending | State::Other(_)) => {
                let last = self
                    .transitions
                    .last()
                    .map_or(self.submitted_at, |t| t.observed_at);
                JobAction::PollStatus {
                    at: (last + self.poll_every).max(now),
                }
            }
            Some(State::Fulfilled) if self.results_done => JobAction::Done,
            Some(State::Fulfilled) => JobAction::ReadResults {
                cursor: self.cursor.clone(),
            },
            Some(s @ (State::Failed | State::Cancelled | State::Expired)) => JobAction::Stopped {
                state: s.as_str().to_owned(),
                message: self
                    .transitions
                    .last()
                    .and_then(|t| t.error_message.clone()),
            },
        }
    }

    /// Time from submission to completion as Genesys reports it, when known.
    #[must_use]
    pub fn reported_run_time(&self) -> Option<Duration> {
        let t = self
            .transitions
            .iter()
            .rev()
            .find(|t| t.completion_date.is_some())?;
        Some(t.completion_date? - t.submission_date?)
    }
}

/// Our reading of the lifecycle: QUEUED → PENDING → FULFILLED | FAILED; CANCELLED after a DELETE;
/// EXPIRED once `expirationDate` passes. The names are official, the order is not documented.
fn is_expected(from: Option<&State>, to: &State) -> bool {
    matches!(
        (from, to),
        (_, State::Cancelled)
            | (None, _)
            | (
                Some(State::Queued),
                State::Pending | State::Fulfilled | State::Failed
            )
            | (Some(State::Pending), State::Fulfilled | State::Failed)
            | (Some(State::Fulfilled), State::Expired)
    )
}

/// Explain the lifecycle the view draws.
#[must_use]
pub fn explain_lifecycle() -> Vec<Explanation> {
    vec![
        Explanation::new(
            "POST …/details/jobs answers 202 with a jobId at once",
            "The job runs in the background: poll GET …/jobs/{jobId} until state is FULFILLED, then read \
             GET …/jobs/{jobId}/results, passing ?cursor= from each page until a page has no cursor.",
            ASYNC_JOBS,
        ),
        Explanation::new(
            "States: QUEUED, PENDING, FULFILLED, FAILED, CANCELLED, EXPIRED",
            "The names come from AsyncQueryStatus; the order we draw (QUEUED → PENDING → FULFILLED or \
             FAILED, CANCELLED after DELETE, EXPIRED after expirationDate) is our reading, not documented.",
            ASYNC_JOB_ORDER_UNVERIFIED,
        ),
    ]
}

/// What `dataAvailabilityDate` means for this interval.
#[must_use]
pub fn explain_availability(availability: DateTime<Utc>, interval: &Interval) -> Explanation {
    let avail = model::time::to_wire(&availability);
    if interval.end <= availability {
        Explanation::new(
            format!("The whole interval is before dataAvailabilityDate ({avail})"),
            "dataAvailabilityDate is the date and time before which data is guaranteed to be available in \
             the datalake the jobs read; this interval lies entirely before it, so a job sees all of it.",
            ASYNC_JOBS,
        )
    } else {
        Explanation::new(
            format!("Data after {avail} may be missing from job results"),
            format!(
                "Jobs read the datalake, which \"can be up to 24 hours old\". The interval runs until {}, \
                 after dataAvailabilityDate, so conversations in the last part may be absent from the job \
                 even though the synchronous query returns them. Use the query for recent data.",
                model::time::to_wire(&interval.end)
            ),
            ASYNC_JOBS,
        )
    }
}

/// Is a job the better tool for this interval? Returns the reasons that apply (empty = the
/// synchronous query is fine).
#[must_use]
pub fn job_is_better(
    interval: &Interval,
    now: DateTime<Utc>,
    expected_hits: Option<i64>,
    need_attributes: bool,
) -> Vec<Explanation> {
    let mut out = Vec::new();
    if interval.length() > Duration::days(MAX_DAYS_FILTERED) {
        out.push(Explanation::new(
            "The interval is longer than the synchronous query accepts",
            format!("Over {MAX_DAYS_FILTERED} days: submit a job instead of splitting the range by hand."),
            ASYNC_JOBS,
        ));
    }
    if (now.date_naive() - interval.start.date_naive()).num_days() >= MAX_DAYS_BACK {
        out.push(Explanation::new(
            "Historical range",
            format!(
                "The interval starts more than {MAX_DAYS_BACK} days back; Genesys recommends jobs for historical \
                 queries (2020 tutorial statement)."
            ),
            TUTORIAL_2020_LIMITS,
        ));
    }
    if expected_hits.is_some_and(|h| h > i64::from(MAX_RECORDS)) {
        out.push(Explanation::new(
            format!("More than {MAX_RECORDS_TEXT} records"),
            format!("The synchronous query returns at most {MAX_RECORDS_TEXT} records (2020 tutorial statement); a job has no such page walk."),
            TUTORIAL_2020_LIMITS,
        ));
    }
    if need_attributes {
        out.push(Explanation::new(
            "You need participant attributes",
            "Job results are AnalyticsConversation records whose participants include attributes; the \
             synchronous query does not bring them back.",
            ASYNC_JOBS,
        ));
    }
    out
}
