//! "Why is it empty?": feeds what both APIs said into `lens::query_lab::why_empty` and lists
//! the causes that apply.

use chrono::Utc;
use lens::query_lab::why_empty::{
    self, ByIdLookup, Cause, Confidence, EmptyCheck, Hints, QueryOutcome,
};
use leptos::prelude::*;

use super::{RunState, realtime_start};
use crate::components::source_link::SourceLink;
use crate::tabs::TabCtx;

/// What the by-id GET said, from the comparison's analytics side.
fn by_id(ctx: TabCtx) -> ByIdLookup {
    ctx.lookup.analytics.with(|side| match side.exchange() {
        None => ByIdLookup::NotRun,
        Some(ex) => match (ex.status(), ex.analytics()) {
            (_, Some(a)) => ByIdLookup::Found {
                conversation_start: a.conversation_start,
                conversation_end: a.conversation_end,
            },
            (404, None) => ByIdLookup::NotFound,
            (status, None) => ByIdLookup::Failed {
                status,
                error: ex.error_body().cloned().map(Box::new),
            },
        },
    })
}

/// `Some(false)` when the Conversations API has the conversation and shows no `endTime`.
fn realtime_ended(ctx: TabCtx) -> Option<bool> {
    ctx.lookup.conversations.with(|c| {
        c.exchange()
            .and_then(|e| e.conversation())
            .map(|c| c.end_time.is_some())
    })
}

#[component]
pub fn WhyEmpty(
    ctx: TabCtx,
    run: Memo<RunState>,
    retention: super::retention::RetentionSignal,
) -> impl IntoView {
    let diagnosis = Memo::new(move |_| {
        let RunState::Done { sent, answer } = run.get() else {
            return None;
        };
        let id = ctx.id.get();
        // The lab without a conversation (`/lab`): there is no "it" to look for.
        if id.is_empty() {
            return None;
        }
        let outcome = if answer.ok() {
            let resp = run.with(RunState::response).unwrap_or_default();
            let contains = resp
                .conversations
                .iter()
                .flatten()
                .any(|c| c.conversation_id.as_deref() == Some(id.as_str()));
            QueryOutcome::Returned {
                total_hits: resp.total_hits,
                contains_conversation: contains,
            }
        } else {
            QueryOutcome::Failed {
                status: answer.status,
                error: answer.error_body().map(Box::new),
            }
        };
        let lookup = by_id(ctx);
        let hints = Hints {
            realtime_start: realtime_start(ctx),
            retention_days: retention.with(|r| r.as_ref().and_then(|r| r.days())),
            realtime_ended: realtime_ended(ctx),
            ..Hints::default()
        };
        Some(why_empty::diagnose(&EmptyCheck {
            lookup: &lookup,
            query: &sent,
            outcome: &outcome,
            now: Utc::now(),
            hints: &hints,
        }))
    });
    view! {
        {move || diagnosis.get().filter(|d| !d.query_found_it).map(|d| view! {
            <section class="card why-empty" aria-labelledby="why-empty-title" data-testid="why-empty">
                <h3 id="why-empty-title" class="section-title">"Why is it empty?"</h3>
                <p class="muted small">"The query did not return this conversation. What applies, most certain first:"</p>
                <ul class="cause-list">
                    {d.causes.into_iter().map(|c| view! { <CauseView c/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn CauseView(c: Cause) -> impl IntoView {
    let badge = match c.confidence {
        Confidence::Certain => "certain",
        Confidence::Likely => "likely",
        Confidence::Possible => "possible",
    };
    view! {
        <li class="cause" data-testid="cause" data-kind=format!("{:?}", c.kind)>
            <p><span class=format!("badge badge-{badge}")>{badge}</span> " " <strong>{c.headline}</strong></p>
            <p><span class="muted">"Evidence: "</span>{c.evidence}</p>
            <p><span class="muted">"Fix: "</span>{c.fix}</p>
            <SourceLink source=c.source/>
        </li>
    }
}
