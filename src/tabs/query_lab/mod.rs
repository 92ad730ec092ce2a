//! The "Query lab" tab (issue 7): build the details query for this conversation, see the body
//! live, get warned before running, run it, and find out why it is empty; walk pages; run the
//! same query as an async job. All reasoning lives in `lens::query_lab`; this is the view.

pub mod demo_hint;
pub mod explain;
pub mod form;
pub mod job;
pub mod results;
pub mod retention;
pub mod run_details;
pub mod walk;
pub mod why_empty;

use chrono::{DateTime, Utc};
use lens::conversation_id;
use lens::query_lab::builder::QueryForm;
use lens::query_lab::interval;
use leptos::prelude::*;
use model::analytics::{AnalyticsConversationQueryResponse, ConversationQuery};
use serde::Deserialize;

use crate::api::{UserToken, http};
use crate::components::copy_button::CopyButton;
use crate::components::source_link::SourceLink;
use crate::logic::route::DETAILS_QUERY_PATH;
use crate::state::app_state;
use crate::tabs::TabCtx;

/// The last run of the query.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RunState {
    #[default]
    Idle,
    Running,
    Done {
        sent: Box<ConversationQuery>,
        answer: http::Answer,
    },
    /// No HTTP answer.
    Failed(String),
}

impl RunState {
    /// The decoded response of a successful run.
    #[must_use]
    pub fn response(&self) -> Option<AnalyticsConversationQueryResponse> {
        match self {
            RunState::Done { answer, .. } if answer.ok() => {
                AnalyticsConversationQueryResponse::deserialize(&answer.body).ok()
            }
            _ => None,
        }
    }
}

/// The conversation's start as either API reports it (analytics first: it is what the query
/// matches on).
pub fn conversation_start(ctx: TabCtx) -> Option<DateTime<Utc>> {
    let from_analytics = ctx.lookup.analytics.with(|a| {
        a.exchange()
            .and_then(|e| e.analytics())
            .and_then(|a| a.conversation_start)
    });
    from_analytics.or_else(|| realtime_start(ctx))
}

/// `startTime` from the Conversations API side.
pub fn realtime_start(ctx: TabCtx) -> Option<DateTime<Utc>> {
    ctx.lookup.conversations.with(|c| {
        c.exchange()
            .and_then(|e| e.conversation())
            .and_then(|c| c.start_time)
    })
}

fn initial_form(id: &str, start: Option<DateTime<Utc>>) -> QueryForm {
    match conversation_id::parse(id) {
        Ok(cid) => QueryForm::for_conversation(&cid, start, Utc::now()),
        // Keep the text: building the body then explains what is wrong with it.
        Err(_) => QueryForm {
            interval: interval::for_conversation_start(start.unwrap_or_else(Utc::now)).to_wire(),
            conversation_id: id.to_owned(),
            predicates: Vec::new(),
            page_size: lens::query_lab::builder::DEFAULT_PAGE_SIZE,
            page_number: 1,
            order: Some(model::analytics::Order::Asc),
            order_by: Some(model::analytics::OrderBy::ConversationStart),
        },
    }
}

/// The tab.
#[component]
pub fn QueryLab(ctx: TabCtx) -> impl IntoView {
    let state = app_state();
    let start = Memo::new(move |_| conversation_start(ctx));
    let form = RwSignal::new(initial_form(&ctx.id.get_untracked(), start.get_untracked()));
    // Until the user edits the interval, follow the conversation's start day as lookups arrive.
    let touched = RwSignal::new(false);
    Effect::new(move |_| {
        let s = start.get();
        if !touched.get_untracked()
            && let Some(s) = s
        {
            let day = interval::for_conversation_start(s).to_wire();
            if form.with_untracked(|f| f.interval != day) {
                form.update(|f| f.interval = day);
            }
        }
    });
    // A run is an `Action`: pending while the POST is out, its value the last answer.
    let run_query = Action::new_local(
        |(q, json, token): &(ConversationQuery, serde_json::Value, Option<UserToken>)| {
            let (q, json, token) = (q.clone(), json.clone(), token.clone());
            async move {
                match http::post(DETAILS_QUERY_PATH, &json, token).await {
                    Ok(answer) => RunState::Done {
                        sent: Box::new(q),
                        answer,
                    },
                    Err(e) => RunState::Failed(e.to_string()),
                }
            }
        },
    );
    let run = Memo::new(move |_| {
        if run_query.pending().get() {
            RunState::Running
        } else {
            run_query.value().get().unwrap_or_default()
        }
    });
    let retention = retention::load();
    // Another ID looked up while this tab is open: start over for that conversation.
    Effect::new(move |previous: Option<String>| {
        let id = ctx.id.get();
        if previous.as_ref().is_some_and(|p| *p != id) {
            touched.set(false);
            run_query.clear();
            form.set(initial_form(&id, start.get_untracked()));
        }
        id
    });
    let body = Memo::new(move |_| form.with(QueryForm::to_json));
    let warnings = Memo::new(move |_| form.with(QueryForm::level_warnings));
    let on_run = move |_| {
        let Ok(q) = form.with_untracked(QueryForm::to_query) else {
            return;
        };
        let Ok(json) = serde_json::to_value(&q) else {
            return;
        };
        run_query.dispatch_local((q, json, state.token.get_untracked()));
    };
    view! {
        <div class="query-lab" data-testid="query-lab">
            <p class="muted small">
                "The by-id GET needs no interval. The details query "
                <code>"POST /api/v2/analytics/conversations/details/query"</code>
                {move || if ctx.id.with(String::is_empty) {
                    " does: here is one for today, with no filter yet. Add filters, watch the body change, run it. "
                } else {
                    " does: here it is, built for this conversation. Edit it, watch the body change, run it. "
                }}
                <SourceLink source=lens::query_lab::sources::BY_ID_NO_INTERVAL/> " "
                <SourceLink source=lens::query_lab::sources::QUERY_INTERVAL_DOC/>
            </p>
            <explain::IntervalExplainer form start/>
            <retention::RetentionNote retention/>
            <demo_hint::DemoStartHint ctx form touched/>
            <div class="lab-grid">
                <form::FormControls form touched/>
                <section class="lab-body" aria-labelledby="lab-body-title">
                    <div class="lab-body-head">
                        <h3 id="lab-body-title" class="section-title">"Request body (live)"</h3>
                        <CopyButton text=Callback::new(move |()| body.with_untracked(|b| b.clone().unwrap_or_default())) label="Copy request body"/>
                    </div>
                    {move || match body.get() {
                        Ok(json) => view! { <pre class="json-body mono" data-testid="query-body">{json}</pre> }.into_any(),
                        Err(e) => view! {
                            <p class="form-error" role="alert" data-testid="query-body-error">{e.to_string()}</p>
                        }.into_any(),
                    }}
                </section>
            </div>
            <explain::Warnings warnings=warnings.into() form/>
            <retention::RetentionWarning retention form/>
            <div class="lab-actions">
                <button type="button" class="btn btn-primary" data-testid="run-query"
                    disabled=move || body.with(Result::is_err) || matches!(run.get(), RunState::Running)
                    on:click=on_run>
                    {move || if matches!(run.get(), RunState::Running) { "Running…" } else { "Run query" }}
                </button>
            </div>
            <results::Results run id=ctx.id/>
            <why_empty::WhyEmpty ctx run retention/>
            <walk::PagingWalk form/>
            <job::JobRunner form/>
        </div>
    }
}
