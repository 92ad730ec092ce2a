//! The comparison of one conversation: both API panels, the live re-ask, then the tabs. Shown
//! by a lookup (`lens.rs`), an opened file (`saved.rs`), the render bench and the idle warm-up.

use leptos::prelude::*;

use crate::components::api_panel::ApiPanel;
use crate::components::claim::ClaimView;
use crate::components::tab_bar::TabBar;
use crate::logic::side::Side;
use crate::logic::tab::Tab;
use crate::state::{Lookup, SideState, app_state};
use crate::tabs::{self, TabCtx};

/// How often a live conversation is looked up again.
const AUTO_REFRESH_SECS: u32 = 5;

/// Both panels, then the tabs.
#[component]
pub fn Comparison(
    id: Signal<String>,
    lookup: Lookup,
    tab: Signal<Tab>,
    on_tab: Callback<Tab>,
    /// The sides came from a saved file ("Open saved"): never ask the APIs again.
    #[prop(optional)]
    saved: bool,
) -> impl IntoView {
    // Read here, with the component's context: click and interval callbacks have none.
    let state = app_state();
    // One clock for every view; it only moves while a side says the conversation is live.
    let now = RwSignal::new(chrono::Utc::now());
    let auto_refresh = RwSignal::new(true);
    let live = Memo::new(move |_| {
        lookup.conversations.with(SideState::is_live) || lookup.analytics.with(SideState::is_live)
    });
    let seconds = StoredValue::new(0u32);
    let ticker = set_interval_with_handle(
        move || {
            if !live.get_untracked() {
                return;
            }
            now.set(chrono::Utc::now());
            // While live, ask both APIs again every few seconds to watch them change.
            let n = seconds.get_value() + 1;
            seconds.set_value(n);
            if n.is_multiple_of(AUTO_REFRESH_SECS) && auto_refresh.get_untracked() && !saved {
                lookup.refresh(&id.get_untracked(), state.token.get_untracked());
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = ticker {
            t.clear();
        }
    });
    let ctx = TabCtx {
        id,
        lookup,
        now: now.into(),
    };
    let error_link = Callback::new(move |ex: std::sync::Arc<crate::logic::decode::Exchange>| {
        match ex.error() {
            None => ().into_any(),
            Some(e) => {
                let x = lens::errors::explain_lookup(e);
                let first = x.meaning.into_iter().next();
                view! {
                <div class="panel-explain">
                    <p class="panel-explain-title"><strong>{x.title}</strong></p>
                    {first.map(|c| view! { <ClaimView claim=c/> })}
                    <button type="button" class="btn btn-link" on:click=move |_| on_tab.run(Tab::Errors)>
                        "What this error means and what to do →"
                    </button>
                </div>
            }
            .into_any()
            }
        }
    });
    let any_loading = move || {
        matches!(lookup.conversations.get(), SideState::Loading)
            || matches!(lookup.analytics.get(), SideState::Loading)
    };
    view! {
        <div class="lookup-bar">
            <h1 class="lookup-title">
                "Conversation " <code class="mono">{move || id.get()}</code>
                {saved.then_some(" (from a saved file)")}
            </h1>
            <div class="lookup-actions">
                <Show when=move || live.get() && !saved>
                    <label class="auto-refresh">
                        <input type="checkbox" prop:checked=move || auto_refresh.get() on:change:target=move |ev| auto_refresh.set(ev.target().checked())/>
                        {format!(" Re-ask both APIs every {AUTO_REFRESH_SECS} s while live")}
                    </label>
                </Show>
                <Show when=move || !saved>
                    <button type="button" class="btn" disabled=any_loading on:click=move |_| {
                        let token = state.token.get_untracked();
                        lookup.refresh(&id.get_untracked(), token);
                    }>"Refresh both"</button>
                </Show>
                <crate::saved::export_bar::ExportBar id lookup tab/>
            </div>
        </div>
        <div class="panels">
            {Side::BOTH.into_iter().map(|side| view! {
                <ApiPanel side state=lookup.side(side) extra=error_link/>
            }).collect_view()}
        </div>
        <TabBar selected=tab on_select=on_tab label="Comparison views"/>
        {move || {
            let t = tab.get();
            view! {
                <div class="tabpanel" role="tabpanel" id=t.panel_id() aria-labelledby=t.button_id() tabindex="0">
                    {tabs::render(t, ctx)}
                </div>
            }
        }}
    }
}
