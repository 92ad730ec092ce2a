//! What came back from one run, as the wire shows it: HTTP status, `ININ-Correlation-Id` (what
//! Genesys support asks for) and the raw response body, folded away until asked for.

use leptos::prelude::*;

use crate::api::http::Answer;
use crate::components::copy_button::CopyButton;

#[component]
pub fn RunDetails(answer: Answer) -> impl IntoView {
    let raw = serde_json::to_string_pretty(&answer.body).unwrap_or_default();
    let raw_for_copy = raw.clone();
    let status_class = if answer.ok() {
        "badge badge-ok"
    } else {
        "badge badge-error"
    };
    view! {
        <div class="run-details" data-testid="run-details">
            <p class="run-meta">
                <span class=status_class data-testid="run-status">{format!("HTTP {}", answer.status)}</span>
                " "
                <span class="muted small">"ININ-Correlation-Id: "</span>
                <code class="small" data-testid="run-correlation-id">
                    {answer.correlation_id.clone().unwrap_or_else(|| "(not sent)".to_owned())}
                </code>
            </p>
            <details class="run-raw" data-testid="run-raw">
                <summary>"Raw response body"</summary>
                <CopyButton text=Callback::new(move |()| raw_for_copy.clone()) label="Copy raw response body"/>
                <pre class="json-body mono" tabindex="0" role="region" aria-label="Raw response body">{raw}</pre>
            </details>
        </div>
    }
}
