//! The async job runner: submit the lab's query as a job, follow its states, read every results
//! page with the cursor, and show `dataAvailabilityDate` and when a job is the better tool.

use chrono::Utc;
use lens::query_lab::builder::QueryForm;
use lens::query_lab::interval;
use lens::query_lab::jobs::{self, JobTracker};
use leptos::prelude::*;
use model::analytics::AsyncConversationQuery;
use serde_json::Value;

use crate::api::UserToken;
use crate::components::explanation::ExplanationView;
use crate::drivers::job::{self as driver, JobProgress};
use crate::state::app_state;

/// The job body: the query's filters, order and interval (jobs take no paging).
fn job_body(form: &QueryForm) -> Option<AsyncConversationQuery> {
    let q = form.to_query().ok()?;
    Some(AsyncConversationQuery {
        conversation_filters: q.conversation_filters,
        segment_filters: q.segment_filters,
        order: q.order,
        order_by: q.order_by,
        interval: q.interval,
        ..AsyncConversationQuery::default()
    })
}

#[component]
pub fn JobRunner(form: RwSignal<QueryForm>) -> impl IntoView {
    let state = app_state();
    let job = RwSignal::new(JobProgress::default());
    let availability = RwSignal::new(None::<chrono::DateTime<Utc>>);
    // Submitting is an `Action` (pending while the job is followed); `drivers::job` does the work.
    let follow = Action::new_local(move |(body, token): &(Value, Option<UserToken>)| {
        driver::follow(body.clone(), token.clone(), job, availability)
    });
    let running = follow.pending();
    let submit = move |_| {
        let Some(body) = form.with_untracked(job_body) else {
            job.set(JobProgress {
                error: Some("The form is not valid; fix the fields above.".into()),
                ..JobProgress::default()
            });
            return;
        };
        let Ok(json) = serde_json::to_value(&body) else {
            return;
        };
        job.set(JobProgress::default());
        follow.dispatch_local((json, state.token.get_untracked()));
    };
    let better = Memo::new(move |_| {
        form.with(|f| {
            interval::parse(&f.interval)
                .map(|iv| jobs::job_is_better(&iv, Utc::now(), None, false))
                .unwrap_or_default()
        })
    });
    view! {
        <details class="card lab-job" data-testid="job-runner">
            <summary>"Async job: the same query, in the background"</summary>
            {jobs::explain_lifecycle().into_iter().map(|e| view! { <ExplanationView e/> }).collect_view()}
            {move || {
                let reasons = better.get();
                if reasons.is_empty() {
                    view! { <p class="muted small">"For this interval the synchronous query is the right tool; a job helps for long or historical ranges, more than 10,000 records (a 2020 tutorial limit; unverified today), or participant attributes."</p> }.into_any()
                } else {
                    reasons.into_iter().map(|e| view! { <ExplanationView e/> }).collect_view().into_any()
                }
            }}
            <button type="button" class="btn" data-testid="job-submit" disabled=running on:click=submit>"Submit as job"</button>
            {move || job.with(|j| j.error.clone()).map(|e| view! { <p class="form-error" role="alert" data-testid="job-error">{e}</p> })}
            {move || job.with(|j| j.tracker.clone()).map(|t| view! { <TrackerView t/> })}
            {move || {
                let avail = availability.get()?;
                let iv = form.with(|f| interval::parse(&f.interval).ok())?;
                Some(view! { <div data-testid="job-availability"><ExplanationView e=jobs::explain_availability(avail, &iv)/></div> })
            }}
        </details>
    }
}

#[component]
fn TrackerView(t: JobTracker) -> impl IntoView {
    let when =
        |d: Option<chrono::DateTime<Utc>>| d.map(|d| model::time::to_wire(&d)).unwrap_or_default();
    let state = t
        .state()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_else(|| "submitted".into());
    view! {
        <div data-testid="job-tracker">
            <p>"Job " <code class="mono">{t.job_id.clone()}</code> ": " <strong data-testid="job-state">{state}</strong></p>
            <div class="table-wrap">
            <table class="table">
                <thead><tr><th scope="col">"state"</th><th scope="col">"seen at"</th><th scope="col">"submissionDate"</th><th scope="col">"completionDate"</th><th scope="col">"expirationDate"</th></tr></thead>
                <tbody>
                    {t.transitions.iter().map(|tr| view! {
                        <tr data-testid="job-transition" class:unexpected=!tr.expected>
                            <td>{tr.state.clone()}{(!tr.expected).then_some(" (unexpected order)")}</td>
                            <td class="mono">{model::time::to_wire(&tr.observed_at)}</td>
                            <td class="mono">{when(tr.submission_date)}</td>
                            <td class="mono">{when(tr.completion_date)}</td>
                            <td class="mono">{when(tr.expiration_date)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <p data-testid="job-results">
                {format!("{} result page(s) read, {} conversation(s)", t.pages_read, t.conversations_read)}
                {t.results_done.then_some(" — all pages read (the last page has no cursor).")}
            </p>
            {t.data_availability_date.map(|d| view! { <p>"dataAvailabilityDate (from results): " <code class="mono">{model::time::to_wire(&d)}</code></p> })}
        </div>
    }
}
