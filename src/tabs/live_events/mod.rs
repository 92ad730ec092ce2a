//! The "Live events" tab (issue 13): the conversation's notification events as they arrive,
//! beside the snapshot and the record on one time axis. View only — the socket, channel and
//! reconnects are `crate::drivers::live::LiveFeed`; what is said is `lens::notifications`.

mod axis;
mod events;

use chrono::{DateTime, FixedOffset, Utc};
use lens::notifications::{explain, topics};
use leptos::prelude::*;

use crate::components::claim::{ClaimList, ClaimView, RichText};
use crate::components::source_link::SourceLink;
use crate::drivers::live::{LiveFeed, Status};
use crate::state::app_state;
use crate::tabs::TabCtx;

/// `14:03:05.880` in the browser's time zone.
pub(crate) fn clock(t: DateTime<Utc>) -> String {
    match FixedOffset::east_opt(crate::logic::local_zone::minutes_east() * 60) {
        Some(offset) => t.with_timezone(&offset).format("%H:%M:%S%.3f").to_string(),
        None => t.format("%H:%M:%S%.3f UTC").to_string(),
    }
}

#[component]
pub fn LiveEventsTab(ctx: TabCtx) -> impl IntoView {
    // A new conversation id gets a fresh feed (the old one is closed by its cleanup).
    move || {
        let id = ctx.id.get();
        view! { <LiveFor id ctx/> }
    }
}

#[component]
fn LiveFor(id: String, ctx: TabCtx) -> impl IntoView {
    let state = app_state();
    let feed = LiveFeed::new(&id, ctx.lookup);
    on_cleanup(move || feed.dispose());
    let found = Memo::new(move |_| {
        let body = |s: Signal<crate::state::SideState>| {
            s.with(|s| {
                s.exchange()
                    .filter(|e| e.result.status == 200)
                    .map(|e| e.result.body.clone())
            })
        };
        topics::for_conversation(
            body(ctx.lookup.conversations).as_ref(),
            body(ctx.lookup.analytics).as_ref(),
        )
    });
    // Start by itself once the lookup has named the users and queues.
    // Later lookups may name more (the agent once the call is answered): subscribe to those too.
    Effect::new(move |_| {
        let t = found.get();
        match feed.status.get_untracked() {
            Status::Idle | Status::NoTopics if !t.is_empty() => {
                feed.start(t, state.token.get_untracked());
            }
            _ => feed.add_topics(t),
        }
    });
    let restart = move |_| feed.start(found.get_untracked(), state.token.get_untracked());
    let stop = move |_| feed.stop();
    let status_text = move || match feed.status.get() {
        Status::Idle => {
            "Waiting for the lookup to name the users and queues on this conversation…".to_owned()
        }
        Status::Connecting { attempt: 1 } => "Opening a channel…".to_owned(),
        Status::Connecting { attempt } => format!("Opening a new channel (try {attempt})…"),
        Status::Open => "Listening: events appear below as Genesys sends them.".to_owned(),
        Status::Waiting { seconds, attempt } => {
            format!("Socket closed; trying again in {seconds} s (try {attempt}).")
        }
        Status::GaveUp => {
            "Stopped after several failed tries. Press Reconnect to try again.".to_owned()
        }
        Status::NoTopics => "No user or queue to listen to yet.".to_owned(),
        Status::Stopped => {
            "Stopped. Press Reconnect to listen again; the events below stay.".to_owned()
        }
    };
    let running = move || {
        matches!(
            feed.status.get(),
            Status::Open | Status::Connecting { .. } | Status::Waiting { .. }
        )
    };
    let counts = move || {
        feed.log.with(|l| {
            format!(
                "{} events · {} heartbeats · {} events of other conversations filtered out · {} unreadable · {} back-fills",
                l.entries.len(),
                l.heartbeats,
                l.other_conversations,
                l.unreadable.len(),
                feed.backfills.get()
            )
        })
    };
    view! {
        <section class="live-events" aria-label="Live events">
            <div class="live-intro">
                <h3 class="section-title">"Be told when it changes"</h3>
                <ClaimList claims=explain::how_it_works()/>
            </div>
            <div class="live-controls" role="group" aria-label="Live events connection">
                <p class="live-status" role="status" data-status=move || feed.status.get().slug()>{status_text}</p>
                <Show when=running fallback=move || view! { <button type="button" class="btn btn-small" on:click=restart>"Reconnect"</button> }>
                    <button type="button" class="btn btn-small" on:click=stop>"Stop"</button>
                </Show>
                <p class="muted small">{counts}</p>
                {move || feed.channel.get().map(|(id, expires)| view! {
                    <p class="muted small">"Channel " <code>{id}</code>
                        {expires.map(|e| view! { " · expires " <code>{e}</code> })}
                    </p>
                })}
            </div>
            <section class="live-topics" aria-label="Topics">
                <h4 class="sub-title">"Topics this tab listens to"</h4>
                <ul class="plain-list">
                    {move || feed.topics.get().into_iter().map(|t| {
                        let (class, label) = match t.permitted {
                            None => ("badge", "pending"),
                            Some(true) => ("badge badge-ok", "permitted"),
                            Some(false) => ("badge badge-error", "rejected"),
                        };
                        view! { <li><code>{t.topic.name}</code> " " <span class=class>{label}</span> <span class="muted small">" — " {t.topic.why}</span></li> }
                    }).collect_view()}
                </ul>
            </section>
            <events::EventList feed/>
            <axis::TimeAxisView feed/>
            {move || {
                let notes = feed.notes.get();
                (!notes.is_empty()).then(|| view! {
                    <section class="live-notes" aria-label="What happened to the channel">
                        <h4 class="sub-title">"What happened to the channel"</h4>
                        <ul class="plain-list">
                            {notes.into_iter().map(|n| view! {
                                <li class="note note-warn"><strong>{clock(n.at)} " " {n.title}</strong><ClaimView claim=n.claim/></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <details class="live-pitfalls" open>
                <summary>"What people get wrong about notifications"</summary>
                <ul class="plain-list">
                    {explain::pitfalls().into_iter().map(|p| view! {
                        <li><p><strong>"Belief: "</strong><RichText text=p.belief/></p>
                            <p><strong>"In fact: "</strong><RichText text=p.truth/> " " <SourceLink source=p.source/></p></li>
                    }).collect_view()}
                </ul>
                <ClaimView claim=explain::reconnect_schedule(&LiveFeed::backoff())/>
            </details>
        </section>
    }
}
