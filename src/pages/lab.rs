//! `/lab`: the Query lab without a conversation id — find conversations by interval and filters
//! (the details query and async jobs), the way you would when you do not know an id yet.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::Lookup;
use crate::tabs::TabCtx;
use crate::tabs::query_lab::QueryLab;

#[component]
pub fn LabPage() -> impl IntoView {
    // No conversation: nothing is looked up, so both sides stay idle and the lab starts from
    // today's interval with no conversation filter.
    let lookup = Lookup::new();
    let ctx = TabCtx {
        id: Signal::derive(String::new),
        lookup,
        now: Signal::derive(chrono::Utc::now),
    };
    view! {
        <div class="page">
            <section class="card lab-intro" aria-labelledby="lab-title">
                <h1 id="lab-title" class="lookup-title">"Query lab"</h1>
                <p>
                    "No conversation ID yet? The Analytics details query finds conversations by time interval and filters (queue, agent, media…). Build one here, run it, page through it, or run it as an async job. "
                    <A href="/">"← Back to the start page"</A>
                </p>
            </section>
            <div class="tabpanel">
                <QueryLab ctx/>
            </div>
        </div>
    }
}
