//! The event list: one row per event of this conversation, in arrival order, with the time it
//! was received, its topic name and what changed since the previous event.

use leptos::prelude::*;

use super::clock;
use crate::drivers::live::LiveFeed;

#[component]
pub fn EventList(feed: LiveFeed) -> impl IntoView {
    view! {
        <section class="live-list" aria-label="Events">
            <h4 class="sub-title">"Events of this conversation"</h4>
            <Show when=move || feed.log.with(|l| l.entries.is_empty())>
                <p class="muted">"No event yet. Events come when something changes on the call (ringing, answered, hold, transfer, hang-up, wrap-up)."</p>
            </Show>
            <ol class="live-event-list">
                {move || feed.log.with(|l| l.entries.iter().map(|entry| view! {
                    <li class="live-event" data-seq=entry.seq>
                        <p class="live-event-head">
                            <span class="live-time">{clock(entry.received_at)}</span>
                            " "
                            <code class="live-topic">{entry.topic_name.clone()}</code>
                        </p>
                        <ul class="live-changes">
                            {entry.what_changed().into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                        </ul>
                    </li>
                }).collect_view())}
            </ol>
        </section>
    }
}
