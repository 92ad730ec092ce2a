//! The page: input, both API panels, and the tabs. The URL is the source of truth for the ID
//! and the open tab, so reload, share links and back/forward all work.

use lens::conversation_id::{self, ConversationId};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::components::api_panel::ApiPanel;
use crate::components::claim::ClaimView;
use crate::components::guide_table::{GuideTable, LAB_HREF};
use crate::components::lookup_form::LookupForm;
use crate::components::recent_list::RecentList;
use crate::components::scenario_picker::ScenarioPicker;
use crate::components::source_link::SourceList;
use crate::components::tab_bar::TabBar;
use crate::logic::recent;
use crate::logic::route::{lookup_href, replaces_history};
use crate::logic::side::Side;
use crate::logic::tab::Tab;
use crate::state::{Lookup, SideState, app_state};
use crate::tabs::{self, TabCtx};

#[component]
pub fn LensPage() -> impl IntoView {
    let state = app_state();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();

    let raw_id = Memo::new(move |_| params.with(|p| p.get("id")));
    // A hand-edited or truncated link is refused the same way as typed text.
    let parsed = Memo::new(move |_| {
        raw_id.get().map(|s| {
            conversation_id::parse(&s)
                .map(|i| i.to_string())
                .map_err(|e| e.to_string())
        })
    });
    let valid_id = Memo::new(move |_| parsed.get().and_then(Result::ok));
    let tab = Memo::new(move |_| Tab::from_slug(query.with(|q| q.get("tab")).as_deref()));

    let lookup = Lookup::new();
    // A new ID, or a new token (a demo client chosen, a token pasted or forgotten in the drawer),
    // runs the lookup again: the panels always show what *this* token sees.
    Effect::new(move |_| {
        let token = state.token.get();
        match valid_id.get() {
            Some(id) => {
                lookup.start(&id, token);
                state.remember(&id);
            }
            None => lookup.cancel(),
        }
    });
    // Once an API answers, the recent list learns what the conversation was.
    Effect::new(move |_| {
        let Some(id) = valid_id.get() else { return };
        let conv = lookup.conversations.get();
        let ana = lookup.analytics.get();
        let about = recent::about(
            &id,
            conv.exchange().and_then(|e| e.conversation()),
            ana.exchange().and_then(|e| e.analytics()),
        );
        if let Some(about) = about {
            state.describe_recent(&id, about);
        }
    });
    on_cleanup(move || lookup.cancel());

    // One history entry per conversation: a tab switch replaces it, another ID pushes one.
    let go = move |id: &str, t: Tab| {
        let replace = replaces_history(valid_id.get_untracked().as_deref(), id);
        navigate(
            &lookup_href(id, t),
            NavigateOptions {
                replace,
                scroll: !replace,
                ..NavigateOptions::default()
            },
        );
    };
    let go_tab = go.clone();
    let on_lookup = Callback::new(move |id: ConversationId| {
        if valid_id.get_untracked().as_deref() == Some(id.as_str()) {
            // Same ID again: refresh in place (a live conversation changes between lookups).
            lookup.start(id.as_str(), state.token.get_untracked());
        } else {
            go(id.as_str(), tab.get_untracked());
        }
    });
    let on_tab = Callback::new(move |t: Tab| {
        if let Some(id) = valid_id.get_untracked() {
            go_tab(&id, t);
        }
    });

    view! {
        <div class="page">
            <LookupForm current=Signal::derive(move || valid_id.get()) on_lookup/>
            {move || match parsed.get() {
                None => view! { <Intro/> }.into_any(),
                Some(Err(msg)) => view! {
                    <div class="card" role="alert">
                        <p>"The address names an ID that is not a conversation ID."</p>
                        <p class="muted">{msg}</p>
                    </div>
                }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <Show when=move || valid_id.with(Option::is_some)>
                <Comparison id=Signal::derive(move || valid_id.get().unwrap_or_default()) lookup tab=tab.into() on_tab/>
            </Show>
        </div>
    }
}

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

/// What the page shows before any lookup.
#[component]
fn Intro() -> impl IntoView {
    // The first lookup of a visit should not wait for its code to be compiled.
    super::prewarm::when_idle();
    view! {
        <section class="intro card" aria-labelledby="intro-title">
            <h1 id="intro-title" class="intro-title">"One conversation, two APIs"</h1>
            <p>
                "Genesys Cloud answers “what happened in this conversation?” twice: the "
                <strong>"Conversations API"</strong>
                " gives the real-time state of each participant's communications, the "
                <strong>"Analytics API"</strong>
                " gives the analytics record — sessions, segments and millisecond metrics. Paste an ID to see both, side by side, with what each field means and which one to use for what."
                " "
                <SourceList sources=vec![lens::sources::CONVERSATION_MODEL, lens::sources::ANALYTICS_MODEL, lens::sources::ANALYTICS_NEAR_REAL_TIME]/>
            </p>
            <p class="intro-actions">
                <A href=LAB_HREF attr:class="btn">"Open the Query lab"</A>
                <span class="muted small">" Find conversations by time and filters — no conversation ID needed."</span>
            </p>
            <p class="intro-actions">
                <A href=crate::saved::HREF attr:class="btn">"Open saved JSON"</A>
                <span class="muted small">" Paste or drop a body you already have (or a file exported here) — nothing is uploaded."</span>
            </p>
        </section>
        <GuideTable/>
        <div class="intro-grid">
            <ScenarioPicker/>
            <RecentList/>
        </div>
    }
}
