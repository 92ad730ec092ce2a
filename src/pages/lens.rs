//! The page: input, then the comparison (`comparison.rs`). The URL is the source of truth for the ID
//! and the open tab, so reload, share links and back/forward all work.

use lens::conversation_id::{self, ConversationId};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::comparison::Comparison;
use crate::components::guide_table::{GuideTable, LAB_HREF};
use crate::components::lookup_form::LookupForm;
use crate::components::recent_list::RecentList;
use crate::components::scenario_picker::ScenarioPicker;
use crate::components::source_link::SourceList;
use crate::logic::recent;
use crate::logic::route::{lookup_href, replaces_history};
use crate::logic::tab::Tab;
use crate::state::{Lookup, app_state};

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
