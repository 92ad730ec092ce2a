//! One change-log entry: poll number, API, what changed (old → new) and any teaching note.

use lens::freshness::log::{LogEntry, LogEvent};
use lens::freshness::poller::Api;
use leptos::prelude::*;

use crate::components::explanation::ExplanationView;

/// Changes shown per entry before "and N more".
const SHOWN: usize = 30;

#[component]
pub fn EntryView(e: LogEntry) -> impl IntoView {
    let api = match e.api {
        Api::Realtime => "Conversations API",
        Api::Analytics => "Analytics API",
    };
    let api_slug = match e.api {
        Api::Realtime => "realtime",
        Api::Analytics => "analytics",
    };
    let (kind, body) = match e.event {
        LogEvent::FirstSeen => ("first", view! { <p>"First answer."</p> }.into_any()),
        LogEvent::Unchanged => ("unchanged", view! { <p class="muted">"No change."</p> }.into_any()),
        LogEvent::Failed { status, code, message } => (
            "failed",
            view! { <p>{format!("HTTP {status} {} {}", code.unwrap_or_default(), message.unwrap_or_default())}</p> }.into_any(),
        ),
        LogEvent::Changed { changes } => {
            let more = changes.len().saturating_sub(SHOWN);
            (
                "changed",
                view! {
                    <ul class="change-list mono">
                        {changes.iter().take(SHOWN).map(|c| view! { <li data-testid="change">{c.describe()}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li class="muted">{format!("… and {more} more")}</li> })}
                    </ul>
                }
                .into_any(),
            )
        }
    };
    view! {
        <li class="log-entry" data-testid="log-entry" data-api=api_slug data-kind=kind>
            <p class="log-head">
                <strong>{format!("Poll {}", e.poll)}</strong>" · "{api}" · "
                <time class="mono">{model::time::to_wire(&e.at)}</time>
            </p>
            {body}
            {e.notes.into_iter().map(|n| view! { <div data-testid="log-note"><ExplanationView e=n/></div> }).collect_view()}
        </li>
    }
}
