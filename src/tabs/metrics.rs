//! Metrics: every analytics metric per participant/session with meaning, unit, emitDate and who
//! emits it, then the arithmetic that ties them together, shown and checked.

use std::sync::Arc;

use lens::metrics::{self, Check, MetricRow, Outcome};
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::RichText;
use crate::components::lazy_details::LazyDetails;
use crate::components::paged::{Pages, ShowMore};
use crate::components::source_link::SourceLink;

#[component]
pub fn MetricsTab(ctx: TabCtx) -> impl IntoView {
    // Both bodies are read in place (never cloned); the result is shared, not copied, by the view.
    let data = Memo::new(move |_| {
        ctx.lookup.conversations.with(|c| {
            let conv = c.exchange().and_then(|e| e.conversation());
            ctx.lookup.analytics.with(|a| {
                a.exchange().and_then(|e| e.analytics()).map(|a| {
                    crate::timing::span("lens:tab metrics", || {
                        let mut checks = metrics::checks(a);
                        if let Some(c) = conv {
                            checks.extend(metrics::cross_checks(c, a));
                        }
                        (Arc::new(metrics::rows(a)), Arc::new(checks))
                    })
                })
            })
        })
    });
    view! {
        <p class="muted small">
            "Metrics exist only in the Analytics API. " <code>"t*"</code> " values are milliseconds, " <code>"n*"</code>
            " are counts; each is emitted on the participant/session it belongs to, with its own emitDate (when the measured thing completed). "
            <SourceLink source=lens::sources::SESSION_METRICS/> " " <SourceLink source=lens::sources::PAIN_METRICS/>
        </p>
        {move || match data.get() {
            None => view! { <p class="muted">"No analytics record to read metrics from (see the Analytics API panel)."</p> }.into_any(),
            Some((rows, checks)) => {
                let failing = checks.iter().filter(|c| !matches!(c.outcome, Outcome::Pass)).count();
                let total = checks.len();
                let open = failing > 0;
                view! {
                <section aria-labelledby="metric-rows-title">
                    <h3 id="metric-rows-title" class="section-title">{format!("All metrics ({})", rows.len())}</h3>
                    <MetricTable rows/>
                </section>
                <section aria-labelledby="checks-title" data-testid="metric-checks">
                    <h3 id="checks-title" class="section-title">"The arithmetic, checked"</h3>
                    {if checks.is_empty() {
                        view! { <p class="muted">"No checks apply to this conversation."</p> }.into_any()
                    } else {
                        // All holding is the expected case: fold them away. Anything off stays open.
                        // Folded, the list is built when first opened (a 2,000-segment
                        // conversation has hundreds of checks nobody sees until they ask).
                        view! {
                            <LazyDetails class="check-details" testid="check-details" open=open summary=check_summary(total, failing) summary_testid="check-summary">
                                <CheckList checks=Arc::clone(&checks)/>
                            </LazyDetails>
                        }.into_any()
                    }}
                </section>
                }.into_any()
            }
        }}
    }
}

/// "All 18 checks hold" or "2 of 18 checks do not hold (yet)".
fn check_summary(total: usize, not_holding: usize) -> String {
    match (total, not_holding) {
        (1, 0) => "The 1 check holds".to_owned(),
        (t, 0) => format!("All {t} checks hold"),
        (t, n) => format!("{n} of {t} checks do not hold (yet)"),
    }
}

/// The checks a page at a time, like the metric table.
#[component]
fn CheckList(checks: Arc<Vec<Check>>) -> impl IntoView {
    let total = checks.len();
    let pages = RwSignal::new(1_usize);
    view! {
        <ul class="check-list">
            <Pages items=checks pages item=|c| view! { <CheckView c/> }/>
        </ul>
        <ShowMore total pages noun="checks" testid="check-more"/>
    }
}

#[component]
fn CheckView(c: Check) -> impl IntoView {
    let (class, verdict) = match &c.outcome {
        Outcome::Pass => ("check check-pass", "✓ holds".to_owned()),
        Outcome::Fail { off_by_ms } => ("check check-fail", format!("✗ off by {off_by_ms} ms")),
        Outcome::NotYet { reason } => ("check check-notyet", format!("… not yet: {reason}")),
    };
    view! {
        <li class=class>
            <p class="check-head"><strong>{c.title}</strong> " " <span class="check-verdict">{verdict}</span></p>
            <p class="muted small">{c.scope}</p>
            <p><code>{c.formula}</code></p>
            <p><code>{c.arithmetic}</code></p>
            <p class="small"><RichText text=c.explanation/> " " <SourceLink source=c.source/></p>
        </li>
    }
}

/// The metric rows a page at a time (a 2,000-segment conversation has about as many metrics).
#[component]
fn MetricTable(rows: Arc<Vec<MetricRow>>) -> impl IntoView {
    let total = rows.len();
    let pages = RwSignal::new(1_usize);
    view! {
        <table class="data stack metric-table" data-testid="metric-table">
            <thead>
                <tr><th scope="col">"Participant / session"</th><th scope="col">"Metric"</th><th scope="col">"Value"</th><th scope="col">"emitDate"</th><th scope="col">"Meaning"</th></tr>
            </thead>
            <tbody>
                <Pages items=rows pages item=metric_row/>
            </tbody>
        </table>
        <ShowMore total pages noun="metrics" testid="metric-more"/>
    }
}

fn metric_row(r: MetricRow) -> impl IntoView {
    let who = format!(
        "{}{}",
        r.participant_label,
        r.purpose
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default()
    );
    let session = r
        .session_id
        .clone()
        .map(|s| format!("session {}", s.chars().take(8).collect::<String>()))
        .unwrap_or_default();
    view! {
        <tr>
            <td data-label="Participant">{who}<br/><span class="muted small mono">{session}</span></td>
            <td data-label="Metric"><code>{r.name.clone()}</code>{(!r.known_name).then(|| view! { " " <span class="badge badge-unverified">"not in SDK list"</span> })}</td>
            <td data-label="Value">{r.display}</td>
            <td data-label="emitDate" class="mono small">{r.emit_date.unwrap_or_else(|| "—".into())}</td>
            <td data-label="Meaning"><RichText text=r.meaning/> " " <SourceLink source=r.source/></td>
        </tr>
    }
}
