#![allow(clippy::unwrap_used)]
//! The async job state machine, cursor iteration and availability explanations.

use chrono::{DateTime, Duration, Utc};
use lens::query_lab::interval;
use lens::query_lab::jobs::{self, JobAction, JobError, JobTracker};
use model::analytics::{
    AnalyticsConversation, AnalyticsConversationAsyncQueryResponse, AsyncQueryStatus,
    AsyncQueryStatusState as S,
};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn status(state: S) -> AsyncQueryStatus {
    AsyncQueryStatus {
        state: Some(state),
        submission_date: Some(t("2026-05-13T09:00:00Z")),
        completion_date: Some(t("2026-05-13T09:00:42.118Z")),
        expiration_date: Some(t("2026-05-14T09:00:42.118Z")),
        error_message: None,
    }
}

fn results(n: usize, cursor: Option<&str>) -> AnalyticsConversationAsyncQueryResponse {
    AnalyticsConversationAsyncQueryResponse {
        conversations: Some(vec![AnalyticsConversation::default(); n]),
        cursor: cursor.map(str::to_owned),
        data_availability_date: Some(t("2026-05-13T03:00:00Z")),
    }
}

#[test]
fn a_job_runs_to_fulfilled_and_reads_every_page() {
    let now = t("2026-05-13T09:00:00Z");
    let mut job = JobTracker::submitted(
        Some("46e3ed2e-742d-40cf-bd28-9699a522c3a4"),
        now,
        Duration::seconds(2),
    )
    .unwrap();
    assert_eq!(
        job.next_action(now),
        JobAction::PollStatus {
            at: t("2026-05-13T09:00:02Z")
        }
    );
    assert!(job.observe_status(&status(S::Queued), t("2026-05-13T09:00:02Z")));
    assert!(
        !job.observe_status(&status(S::Queued), t("2026-05-13T09:00:04Z")),
        "no change, no transition"
    );
    assert!(job.observe_status(&status(S::Pending), t("2026-05-13T09:00:06Z")));
    assert!(matches!(
        job.next_action(t("2026-05-13T09:00:06Z")),
        JobAction::PollStatus { .. }
    ));
    assert!(job.observe_status(&status(S::Fulfilled), t("2026-05-13T09:00:44Z")));
    assert_eq!(
        job.transitions
            .iter()
            .map(|t| t.state.as_str())
            .collect::<Vec<_>>(),
        ["QUEUED", "PENDING", "FULFILLED"]
    );
    assert!(job.transitions.iter().all(|t| t.expected));
    assert_eq!(
        job.reported_run_time(),
        Some(Duration::milliseconds(42_118))
    );
    assert_eq!(
        job.next_action(t("2026-05-13T09:00:44Z")),
        JobAction::ReadResults { cursor: None }
    );
    job.observe_results(&results(3, Some("c1"))).unwrap();
    assert_eq!(
        job.next_action(t("2026-05-13T09:00:45Z")),
        JobAction::ReadResults {
            cursor: Some("c1".into())
        }
    );
    job.observe_results(&results(2, None)).unwrap();
    assert_eq!(job.next_action(t("2026-05-13T09:00:46Z")), JobAction::Done);
    assert_eq!((job.pages_read, job.conversations_read), (2, 5));
    assert_eq!(job.data_availability_date, Some(t("2026-05-13T03:00:00Z")));
    assert_eq!(
        job.observe_results(&results(1, None)),
        Err(JobError::AlreadyDone)
    );
}

#[test]
fn failures_and_odd_transitions_are_shown() {
    let now = t("2026-05-13T09:00:00Z");
    assert_eq!(
        JobTracker::submitted(None, now, Duration::seconds(1)).unwrap_err(),
        JobError::NoJobId
    );
    assert_eq!(
        JobTracker::submitted(Some(" "), now, Duration::seconds(1)).unwrap_err(),
        JobError::NoJobId
    );
    let mut job = JobTracker::submitted(Some("j"), now, Duration::seconds(1)).unwrap();
    assert!(matches!(
        job.observe_results(&results(1, None)),
        Err(JobError::NotFulfilled(_))
    ));
    job.observe_status(&status(S::Fulfilled), now);
    job.observe_status(&status(S::Pending), now);
    assert!(
        !job.transitions[1].expected,
        "FULFILLED → PENDING is not our reading of the lifecycle"
    );
    let mut failed = status(S::Failed);
    failed.error_message = Some("interval too long".into());
    job.observe_status(&failed, now);
    assert_eq!(
        job.next_action(now),
        JobAction::Stopped {
            state: "FAILED".into(),
            message: Some("interval too long".into())
        }
    );
    let mut expired = JobTracker::submitted(Some("k"), now, Duration::seconds(1)).unwrap();
    expired.observe_status(&status(S::Fulfilled), now);
    expired.observe_status(&status(S::Expired), now);
    assert!(expired.transitions[1].expected);
    assert!(matches!(
        expired.next_action(now),
        JobAction::Stopped { .. }
    ));
    assert!(jobs::explain_lifecycle().iter().any(|e| !e.source.verified));
}

#[test]
fn availability_date_against_the_interval() {
    let iv = interval::parse("2026-05-12T00:00:00Z/2026-05-13T00:00:00Z").unwrap();
    let covered = jobs::explain_availability(t("2026-05-13T03:00:00Z"), &iv);
    assert!(covered.headline.contains("whole interval"));
    let partial = jobs::explain_availability(t("2026-05-12T18:00:00Z"), &iv);
    assert!(partial.headline.contains("may be missing"));
    assert!(partial.detail.contains("24 hours"));
}

#[test]
fn when_a_job_is_the_better_tool() {
    let now = t("2026-05-13T09:00:00Z");
    let day = interval::parse("2026-05-12T00:00:00Z/P1D").unwrap();
    assert!(jobs::job_is_better(&day, now, Some(10), false).is_empty());
    assert_eq!(jobs::job_is_better(&day, now, Some(20_000), true).len(), 2);
    let long = interval::parse("2026-01-01T00:00:00Z/P60D").unwrap();
    assert_eq!(jobs::job_is_better(&long, now, None, false).len(), 2);
}
