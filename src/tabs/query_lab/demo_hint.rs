//! Demo org only: when neither API still knows the conversation (so nothing dates it), the
//! scenario list does. Offer its start day as the interval, so a learner can see what an old
//! conversation's query says. A real org has no such list; the lab says so.

use lens::query_lab::builder::QueryForm;
use lens::query_lab::interval;
use leptos::prelude::*;

use crate::state::scenarios::demo_scenarios;
use crate::tabs::TabCtx;

/// The demo scenario's start for this ID, once both lookups answered without a start.
#[component]
pub fn DemoStartHint(
    ctx: TabCtx,
    form: RwSignal<QueryForm>,
    touched: RwSignal<bool>,
) -> impl IntoView {
    let undated = Memo::new(move |_| {
        let settled = ctx.lookup.analytics.with(|a| a.exchange().is_some())
            && ctx.lookup.conversations.with(|c| c.exchange().is_some());
        settled && super::conversation_start(ctx).is_none()
    });
    // Asked only for an undated conversation; start times never change, so a list the picker
    // already loaded will do.
    let scenarios = demo_scenarios(move || undated.get());
    let start = Memo::new(move |_| {
        let id = ctx.id.get();
        scenarios.with(|l| {
            l?.as_ref()
                .ok()?
                .iter()
                .find(|s| s.conversation_id == id)
                .and_then(|s| model::time::from_wire(&s.conversation_start).ok())
        })
    });
    move || {
        (undated.get()).then(|| start.get()).flatten().map(|s| {
            let day = interval::for_conversation_start(s).to_wire();
            let use_it = day.clone();
            view! {
                <div class="demo-hint" data-testid="demo-start-hint">
                    <p class="small">
                        <strong>"Demo org hint: "</strong>
                        "neither API returns this conversation any more, so nothing here dates it. The demo's scenario list says it started "
                        <code>{model::time::to_wire(&s)}</code>
                        ". (A real org has no such list: you would take the date from your own records.)"
                    </p>
                    <button type="button" class="btn btn-small" data-testid="use-demo-start"
                        on:click=move |_| {
                            touched.set(true);
                            form.update(|f| f.interval = use_it.clone());
                        }>
                        {format!("Use its start day ({})", &day[..10])}
                    </button>
                </div>
            }
        })
    }
}
