//! Errors explained: for each side that failed, what it means here and what to do — plus a
//! catalogue of every status both calls can answer.

use std::sync::Arc;

use lens::errors::{self, Explanation, Retry};
use lens::lookup::Api;
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::ClaimList;
use crate::components::source_link::SourceLink;
use crate::logic::decode::Exchange;
use crate::logic::side::Side;
use crate::state::SideState;

fn api_of(side: Side) -> Api {
    match side {
        Side::Conversations => Api::Conversations,
        Side::Analytics => Api::AnalyticsById,
    }
}

#[component]
pub fn ErrorsTab(ctx: TabCtx) -> impl IntoView {
    let (catalogue_status, set_catalogue_status) = signal(404u16);
    view! {
        <section aria-labelledby="errors-now-title">
            <h3 id="errors-now-title" class="section-title">"This lookup"</h3>
            <div class="two-col">
                {Side::BOTH.into_iter().map(|side| {
                    let st = ctx.lookup.side(side);
                    view! {
                        <div class="explain-col">
                            <h4 class="sub-title"><span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>{side.title()}</h4>
                            {move || match st.get() {
                                SideState::Done(ex) => match ex.error() {
                                    Some(e) => view! { <ExplanationCard x=errors::explain_lookup(e) ex=ex.clone()/> }.into_any(),
                                    None => view! { <p class="muted">{format!("HTTP {}: no error to explain.", ex.status())}</p> }.into_any(),
                                },
                                SideState::Failed(e) => view! { <p class="panel-error">{e.to_string()}</p> }.into_any(),
                                _ => view! { <p class="muted">"Waiting for the answer…"</p> }.into_any(),
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
        <section aria-labelledby="errors-cat-title" class="catalogue">
            <h3 id="errors-cat-title" class="section-title">"Every status, for both calls"</h3>
            <div class="chips" role="group" aria-label="Status to explain">
                {errors::DOCUMENTED_STATUSES.iter().copied().map(|s| view! {
                    <button type="button" class="btn btn-small" aria-pressed=move || if catalogue_status.get() == s { "true" } else { "false" }
                        on:click=move |_| set_catalogue_status.set(s)>{s.to_string()}</button>
                }).collect_view()}
            </div>
            <div class="two-col">
                {move || Side::BOTH.into_iter().map(|side| {
                    let x = errors::explain(api_of(side), catalogue_status.get(), None, None);
                    view! {
                        <div class="explain-col">
                            <h4 class="sub-title"><span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>{side.title()}</h4>
                            <ExplanationBody x/>
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

/// The explanation of an actual failed answer, with its server message and correlation id.
#[component]
fn ExplanationCard(x: Explanation, ex: Arc<Exchange>) -> impl IntoView {
    let server = x.server_message.clone();
    let code = x.code.clone();
    let corr = x.correlation_id.clone();
    let retry = x.retry.clone();
    view! {
        <div class="explain-card" role="group" aria-label=format!("{} error explained", ex.side.title())>
            <p class="explain-status"><span class="status-badge status-warn">{format!("HTTP {}", x.status)}</span> " " {code.map(|c| view! { <code>{c}</code> })}</p>
            {server.map(|m| view! { <blockquote class="server-message">{m}</blockquote> })}
            <ExplanationBody x/>
            {corr.map(|c| view! { <p class="small">"Quote this to Genesys support: " <code>{c}</code> " (ININ-Correlation-Id)"</p> })}
            {match retry {
                Retry::AfterSeconds { seconds } => view! { <RetryCountdown seconds/> }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

#[component]
fn ExplanationBody(x: Explanation) -> impl IntoView {
    let retry_text = match &x.retry {
        Retry::Never => "Do not retry: the same request gets the same answer.".to_owned(),
        Retry::AfterSeconds { seconds } => format!("Retry once after {seconds} s (Retry-After)."),
        Retry::Backoff => "Retry later with growing pauses.".to_owned(),
        Retry::Later => "Retry after a short wait: the data may not exist yet.".to_owned(),
    };
    let perms = x.permissions.clone();
    let api = x.api;
    view! {
        <p class="explain-title"><strong>{x.title}</strong></p>
        <h5 class="mini-title">"What it means"</h5>
        <ClaimList claims=x.meaning/>
        <h5 class="mini-title">"What to do"</h5>
        <ClaimList claims=x.what_to_do/>
        <p class="small"><strong>"Retry: "</strong>{retry_text}</p>
        {(!perms.is_empty()).then(|| view! {
            <p class="small">
                <strong>"Permission this call needs (any of): "</strong>
                {perms.into_iter().map(|p| view! { <code class="perm">{p}</code> " " }).collect_view()}
                <SourceLink source=errors::permission_source(api)/>
            </p>
        })}
    }
}

/// Counts down a `Retry-After` once a second.
#[component]
fn RetryCountdown(seconds: u64) -> impl IntoView {
    let started = crate::api::now_ms();
    let (elapsed, set_elapsed) = signal(0u64);
    let handle = set_interval_with_handle(
        move || {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // non-negative ms
            set_elapsed.set((crate::api::now_ms() - started).max(0.0) as u64);
        },
        std::time::Duration::from_millis(250),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let c = move || errors::countdown(seconds, elapsed.get());
    view! {
        <div class="countdown" role="timer" aria-live="off">
            <progress max="100" value=move || format!("{:.0}", c().progress * 100.0) aria-label="Retry-After countdown"></progress>
            <span>{move || if c().done { "You may retry now.".to_owned() } else { format!("Retry in {} s", c().remaining_secs) }}</span>
        </div>
    }
}
