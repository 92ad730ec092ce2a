//! Drives `lens::query_lab::jobs::JobTracker`: submit the job, then do what the tracker asks
//! (poll the status at most once a second, read every results page with its cursor) until it
//! is done or stops, writing its progress into a signal. Run as the lab's submit `Action`.

use chrono::{DateTime, Duration, Utc};
use lens::query_lab::jobs::{JobAction, JobTracker};
use leptos::prelude::*;
use model::analytics::{
    AnalyticsConversationAsyncQueryResponse, AsyncQueryResponse, AsyncQueryStatus,
    DataAvailabilityResponse,
};
use serde::Deserialize;
use serde_json::Value;

use crate::api::{UserToken, http};
use crate::clock::sleep_ms;
use crate::logic::route::DETAILS_JOBS_PATH as JOBS_PATH;

/// What the job runner shows: the tracker so far, or why it stopped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JobProgress {
    pub tracker: Option<JobTracker>,
    pub error: Option<String>,
}

/// Submit `body` as a job and follow it to the end. Progress goes to `job`,
/// `dataAvailabilityDate` to `availability`; a closed tab (disposed signals) ends the loop.
pub async fn follow(
    body: Value,
    token: Option<UserToken>,
    job: RwSignal<JobProgress>,
    availability: RwSignal<Option<DateTime<Utc>>>,
) {
    if let Ok(a) = http::get(&format!("{JOBS_PATH}/availability"), token.clone()).await
        && a.ok()
    {
        let d = DataAvailabilityResponse::deserialize(&a.body).unwrap_or_default();
        availability.try_set(d.data_availability_date);
    }
    let fail = |msg: String| {
        job.try_update(|j| j.error = Some(msg));
    };
    let answer = match http::post(JOBS_PATH, &body, token.clone()).await {
        Ok(a) if a.ok() => a,
        Ok(a) => return fail(a.error_line()),
        Err(e) => return fail(e.to_string()),
    };
    let created = AsyncQueryResponse::deserialize(&answer.body).unwrap_or_default();
    let mut tracker =
        match JobTracker::submitted(created.job_id.as_deref(), Utc::now(), Duration::seconds(1)) {
            Ok(t) => t,
            Err(e) => return fail(e.to_string()),
        };
    // Follow the job; every step is one request, at most one a second.
    for _ in 0..600 {
        if job
            .try_update(|j| j.tracker = Some(tracker.clone()))
            .is_none()
        {
            return; // tab closed
        }
        let url_base = format!("{JOBS_PATH}/{}", http::encode(&tracker.job_id));
        match tracker.next_action(Utc::now()) {
            JobAction::PollStatus { .. } => {
                sleep_ms(1_000).await;
                match http::get(&url_base, token.clone()).await {
                    Ok(a) if a.ok() => {
                        let s = AsyncQueryStatus::deserialize(&a.body).unwrap_or_default();
                        tracker.observe_status(&s, Utc::now());
                    }
                    Ok(a) => return fail(a.error_line()),
                    Err(e) => return fail(e.to_string()),
                }
            }
            JobAction::ReadResults { cursor } => {
                let url = match cursor {
                    Some(c) => format!("{url_base}/results?cursor={}", http::encode(&c)),
                    None => format!("{url_base}/results"),
                };
                match http::get(&url, token.clone()).await {
                    Ok(a) if a.ok() => {
                        let page = AnalyticsConversationAsyncQueryResponse::deserialize(&a.body)
                            .unwrap_or_default();
                        if let Err(e) = tracker.observe_results(&page) {
                            return fail(e.to_string());
                        }
                    }
                    Ok(a) => return fail(a.error_line()),
                    Err(e) => return fail(e.to_string()),
                }
            }
            JobAction::Done | JobAction::Stopped { .. } => break,
        }
    }
    job.try_update(|j| j.tracker = Some(tracker));
}
