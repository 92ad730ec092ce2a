//! Demo mode: the demo org's scenarios, each with a line on what it teaches, where its story is
//! now, and "Watch it live": the scenario started again from now as a new conversation, opened.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::{self, Scenario, ScenarioPhase, ScenarioRun};
use crate::logic::route::lookup_href;
use crate::logic::tab::Tab;
use crate::state::scenarios::live_demo_scenarios;

#[component]
pub fn ScenarioPicker() -> impl IntoView {
    // Re-read while shown: the phases move with the demo clock.
    let scenarios = live_demo_scenarios();
    let start = Action::new_local(|scenario_id: &String| {
        let id = scenario_id.clone();
        async move { api::start_scenario(&id).await }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(run)) = start.value().get() {
            navigate(
                &lookup_href(&run.conversation_id, Tab::Glance),
                NavigateOptions::default(),
            );
        }
    });
    view! {
        <Show when=move || scenarios.with(|l| l.is_some())>
            <section class="card scenarios" aria-labelledby="scenarios-title">
                <h2 id="scenarios-title" class="card-title">"Demo scenarios"</h2>
                <p class="muted small">
                    "Conversations the simulated org serves. Each one teaches a difference between the two APIs. "
                    <strong>"Watch it live"</strong>
                    " starts the scenario again, now, as a new conversation: see the Conversations API follow it while analytics catches up."
                </p>
                {move || start.value().get().and_then(Result::err).map(|e| view! {
                    <p class="form-error" role="alert">{format!("Could not start the scenario: {e}")}</p>
                })}
                {move || match scenarios.get() {
                    Some(Ok(list)) => view! {
                        <ul class="scenario-list">
                            {list.into_iter().map(|s| view! { <ScenarioItem s start/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Some(Err(e)) => view! { <p class="muted">{format!("Scenarios unavailable: {e}")}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </section>
        </Show>
    }
}

/// One scenario: title (opens the built-in conversation), phase now, what it teaches, the
/// "Watch it live" button and the runs started so far.
#[component]
fn ScenarioItem(
    s: Scenario,
    start: Action<String, Result<api::StartedRun, crate::error::AppError>>,
) -> impl IntoView {
    let href = lookup_href(&s.conversation_id, Tab::Glance);
    let started = s
        .conversation_start
        .get(..16)
        .map(|t| format!(" · started {} UTC", t.replace('T', " ")))
        .unwrap_or_default();
    let id = s.id.clone();
    let mine = {
        let id = id.clone();
        move || start.pending().get() && start.input().get().as_ref() == Some(&id)
    };
    let busy = mine.clone();
    let for_title = format!(": {}", s.title);
    view! {
        <li class="scenario" data-scenario=s.id.clone()>
            <div class="scenario-head">
                <A href=href attr:class="scenario-link">{s.title}</A>
                <button type="button" class="btn btn-small btn-live"
                    disabled=move || start.pending().get()
                    on:click=move |_| { start.dispatch_local(id.clone()); }>
                    {move || if busy() { "Starting…" } else { "Watch it live" }}
                    <span class="visually-hidden">{for_title}</span>
                </button>
            </div>
            <span class="scenario-meta">
                {s.media_type} " · " <PhaseBadge phase=s.phase/> {started}
            </span>
            <p class="scenario-teaches">{s.teaches}</p>
            {(!s.runs.is_empty()).then(|| view! { <RunList runs=s.runs/> })}
            <span class="visually-hidden" aria-live="polite">{move || mine().then_some("Starting…")}</span>
        </li>
    }
}

/// Where a story is now ("on hold", "ended; analytics catching up"), styled by its stage.
#[component]
fn PhaseBadge(phase: ScenarioPhase) -> impl IntoView {
    let class = format!("phase phase-{}", phase.name);
    view! { <span class=class data-phase=phase.name>{phase.label}</span> }
}

/// The runs started from this scenario (newest first), each a link to its conversation.
#[component]
fn RunList(runs: Vec<ScenarioRun>) -> impl IntoView {
    view! {
        <ul class="scenario-runs" aria-label="Started live">
            {runs.into_iter().map(|r| {
                let at = r.start_time.get(11..19).unwrap_or_default().to_owned();
                view! {
                    <li>
                        <A href=lookup_href(&r.conversation_id, Tab::Glance)>{format!("Started {at} UTC")}</A>
                        " · " <PhaseBadge phase=r.phase/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
