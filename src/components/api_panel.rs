//! One side of the comparison: which call, its status, time, correlation id, and — when it
//! failed — Genesys' own error body with the explanation.

use leptos::prelude::*;

use crate::logic::decode::{Exchange, Origin};
use crate::logic::format;
use crate::logic::headers::server_timing;
use crate::logic::side::Side;
use crate::state::SideState;

/// A region named after its API ("Conversations API" / "Analytics API").
#[component]
pub fn ApiPanel(
    side: Side,
    #[prop(into)] state: Signal<SideState>,
    /// Extra content under the summary (error explainer, live badge…), given the exchange.
    #[prop(optional)]
    extra: Option<Callback<std::sync::Arc<Exchange>, AnyView>>,
) -> impl IntoView {
    let heading_id = format!("panel-{}-title", side.key());
    let labelled_by = heading_id.clone();
    view! {
        <section class=format!("panel panel-{}", side.key()) aria-labelledby=labelled_by data-side=side.key()>
            <header class="panel-head">
                <h2 id=heading_id class="panel-title">
                    <span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>
                    {side.title()}
                </h2>
                <code class="panel-endpoint">{side.endpoint()}</code>
            </header>
            <div class="panel-body" aria-live="polite" aria-busy=move || if matches!(state.get(), SideState::Loading) { "true" } else { "false" }>
                {move || match state.get() {
                    SideState::Idle => view! { <p class="muted">"Waiting for a conversation ID."</p> }.into_any(),
                    SideState::Loading => view! {
                        <div class="skeleton-group" aria-label="Loading">
                            <span class="status-badge status-loading">"Loading…"</span>
                            <span class="skeleton skeleton-line"></span>
                            <span class="skeleton skeleton-line short"></span>
                        </div>
                    }.into_any(),
                    SideState::Failed(e) => view! {
                        <span class="status-badge status-error">"No answer"</span>
                        <p class="panel-error">{e.to_string()}</p>
                    }.into_any(),
                    SideState::Done(ex) => {
                        let extra_view = extra.map(|cb| cb.run(ex.clone()));
                        view! { <ExchangeSummary ex=ex/> {extra_view} }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// Status badge, time, correlation id, server timing and body size of one answer.
#[component]
pub fn ExchangeSummary(ex: std::sync::Arc<Exchange>) -> impl IntoView {
    let status = ex.status();
    let class = match status {
        200..=299 => "status-badge status-ok",
        400..=499 => "status-badge status-warn",
        _ => "status-badge status-error",
    };
    let timings = ex
        .server_timing
        .as_deref()
        .map(server_timing)
        .unwrap_or_default();
    let timing_text = timings
        .iter()
        .map(|t| match t.dur_ms {
            Some(d) => format!("{} {}", t.name, format::elapsed(d)),
            None => t.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let error = ex.error_body().cloned();
    let unexpected = match ex.error() {
        Some(e @ lens::lookup::LookupError::UnexpectedBody { .. }) => Some(e.to_string()),
        _ => None,
    };
    view! {
        <div class="summary">
            // Opened from a saved file: nothing was called, so no status or time to show.
            {match ex.origin {
                Origin::Body => view! { <span class="status-badge status-file">"Opened from a file"</span> }.into_any(),
                Origin::Export => view! { <span class=class>{format!("HTTP {status} (saved)")}</span> }.into_any(),
                Origin::Fetched => view! { <span class=class>{format!("HTTP {status}")}</span> }.into_any(),
            }}
            <dl class="facts">
                {(ex.origin == Origin::Fetched).then(|| view! { <div><dt>"Time"</dt><dd class="mono">{format::elapsed(ex.result.elapsed_ms)}</dd></div> })}
                {(!timing_text.is_empty()).then(|| view! { <div><dt>"Server timing"</dt><dd class="mono">{timing_text}</dd></div> })}
                <div><dt>"Size"</dt><dd class="mono">{format::bytes(ex.raw.len())}</dd></div>
                <div class="fact-wide"><dt>"Correlation ID"</dt><dd class="mono">{ex.result.correlation_id.clone().unwrap_or_else(|| "— (no ININ-Correlation-Id header)".to_owned())}</dd></div>
            </dl>
        </div>
        {error.map(|e| view! {
            <div class="error-body">
                <p class="error-code">
                    <code>{e.code.clone().unwrap_or_else(|| "(no code)".to_owned())}</code>
                </p>
                <p class="error-message">{e.message.clone().unwrap_or_default()}</p>
            </div>
        })}
        {unexpected.map(|m| view! { <p class="panel-error">{m}</p> })}
    }
}
