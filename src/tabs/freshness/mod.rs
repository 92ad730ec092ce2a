//! The "Freshness" tab (issue 7): poll both APIs for this conversation at a user-set period and
//! keep a change log per poll per API. Scheduling is `lens::freshness::poller` (pure, tested
//! with a frozen clock), driven by `crate::drivers::freshness` (`performance.now()`, the
//! requests it asks for, `document.hidden` on every tick); this is the view.

pub mod entry;

use lens::freshness::log::ChangeLog;
use lens::freshness::poller::{Phase, StopReason};
use lens::query_lab::Explanation;
use leptos::prelude::*;

use crate::components::explanation::ExplanationView;
use crate::components::source_link::SourceLink;
use crate::drivers::freshness::PollDriver;
use crate::logic::ended;
use crate::state::app_state;
use crate::tabs::TabCtx;

#[component]
pub fn Freshness(ctx: TabCtx) -> impl IntoView {
    let state = app_state();
    let driver = PollDriver::new();
    let (poller, log) = (driver.poller, driver.log);
    let period_secs = RwSignal::new("5".to_owned());
    let clamp_note = RwSignal::new(None::<Explanation>);
    // Changes-only by default: a quiet live call would otherwise list "No change." every poll.
    let show_unchanged = RwSignal::new(false);
    let quiet = Memo::new(move |_| log.with(ChangeLog::quiet_count));
    // Another ID looked up while this tab is open: stop, and start a fresh log for it.
    Effect::new(move |previous: Option<String>| {
        let id = ctx.id.get();
        if previous.as_ref().is_some_and(|p| *p != id) {
            driver.reset();
        }
        id
    });

    let start = move |_| driver.start(ctx.id.get_untracked(), state.token.get_untracked());
    let stop = move |_| driver.stop();
    let apply_period = move |text: String| {
        let secs: f64 = text.trim().replace(',', ".").parse().unwrap_or(5.0);
        let ms = if secs.is_finite() && secs > 0.0 {
            // Bounded by the clamp below; the cast only drops sub-millisecond digits.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let ms = (secs * 1000.0).min(1.0e9) as u64;
            ms
        } else {
            5_000
        };
        clamp_note.set(poller.try_update(|p| p.set_period(ms)).flatten());
        period_secs.set(text);
    };
    let status = move || {
        poller.with(|p| match p.phase() {
            Phase::Idle => "Not polling. Press Start to watch both APIs.".to_owned(),
            Phase::Stopped(StopReason::Settled) => {
                "Stopped by itself: both APIs report the conversation ended and analytics stopped changing.".to_owned()
            }
            Phase::Stopped(_) => "Stopped.".to_owned(),
            _ if p.is_hidden() => "Paused while this browser tab is hidden.".to_owned(),
            Phase::InFlight { poll, .. } => format!("Poll {poll}: waiting for both answers…"),
            Phase::Waiting { .. } if p.stable_polls() > 0 && log.with(ChangeLog::awaiting_wrapup) => {
                "Both APIs report the end; waiting for the agent's wrap-up to reach analytics…".to_owned()
            }
            Phase::Waiting { .. } => format!("Polling every {:.1} s ({} polls so far).", p.period_ms() as f64 / 1000.0, p.polls_started()),
        })
    };
    let running = move || {
        poller.with(|p| matches!(p.phase(), Phase::InFlight { .. } | Phase::Waiting { .. }))
    };
    let ended_on_both = Memo::new(move |_| {
        ctx.lookup.conversations.with(|c| {
            ctx.lookup.analytics.with(|a| {
                ended::on_both(
                    c.exchange().and_then(|e| e.conversation()),
                    a.exchange().and_then(|e| e.analytics()),
                )
            })
        })
    });
    view! {
        <div class="freshness" data-testid="freshness">
            <p class="muted small">
                "Real time changes at once; analytics catches up (conversationEnd, then wrap-up, arrive later). "
                "Both APIs are polled at the period you set — never overlapping, never over the rate budget, paused while this tab is hidden — "
                "and each poll's changes are listed, matched by participant, session and communication IDs. "
                <SourceLink source=lens::query_lab::sources::DETAILS_LATENCY/> " "
                <SourceLink source=lens::query_lab::sources::DATA_CAN_CHANGE/> " "
                <SourceLink source=lens::sources::RATE_LIMITS/>
            </p>
            <div class="field-row">
                <label class="field field-small">
                    <span>"Period (seconds)"</span>
                    <input type="number" min="0.8" step="0.1" data-testid="poll-period"
                        prop:value=move || period_secs.get()
                        on:change:target=move |ev| apply_period(ev.target().value())/>
                </label>
                <button type="button" class="btn btn-primary" data-testid="poll-start" disabled=running on:click=start
                    aria-describedby=move || ended_on_both.get().then_some("poll-ended-hint")>"Start"</button>
                <button type="button" class="btn" data-testid="poll-stop" disabled=move || !running() on:click=stop>"Stop"</button>
            </div>
            <Show when=move || ended_on_both.get()>
                // Settling is the poller's stop rule (`StopReason::Settled`); say it before Start.
                <p id="poll-ended-hint" class="hint" data-testid="poll-ended-hint">
                    "This conversation has ended on both APIs; polling will stop after it confirms analytics is stable."
                </p>
            </Show>
            {move || clamp_note.get().map(|e| view! { <div class="warning"><ExplanationView e/></div> })}
            <p class="poll-status" aria-live="polite" data-testid="poll-status">{status}</p>
            <div class="field-row log-filter">
                <label class="check">
                    <input type="checkbox" data-testid="show-unchanged"
                        prop:checked=move || show_unchanged.get()
                        on:change:target=move |ev| show_unchanged.set(ev.target().checked())/>
                    " Show unchanged answers"
                </label>
                <span class="muted small" data-testid="unchanged-count" aria-live="polite">
                    {move || quiet_text(quiet.get(), show_unchanged.get())}
                </span>
            </div>
            <ol class="change-log" data-testid="change-log">
                {move || {
                    let changes_only = !show_unchanged.get();
                    log.with(|l| l.newest_first(changes_only)).into_iter().map(|e| view! { <entry::EntryView e/> }).collect_view()
                }}
            </ol>
        </div>
    }
}

/// The counter beside the "Show unchanged answers" box.
fn quiet_text(quiet: usize, shown: bool) -> String {
    let answers = if quiet == 1 { "answer" } else { "answers" };
    match (quiet, shown) {
        (0, _) => "No unchanged answers yet.".to_owned(),
        (n, false) => {
            format!("{n} unchanged {answers} hidden (no change since the previous poll).")
        }
        (n, true) => format!("{n} unchanged {answers} listed."),
    }
}
