//! `/about`: what the companion server is and does, in plain words: secrets, token exchange,
//! the calls it lets through, the notification relay, the errors it answers itself and its
//! modes. The source every `lens.*` explanation cites (`lens::sources::COMPANION_SERVER`). The
//! content is `lens::companion`; this is markup.

use lens::companion::{self, ALLOWED_CALLS, CODES, MODES};
use lens::notifications::sources as live_sources;
use lens::sources;
use leptos::prelude::*;

use crate::components::claim::{ClaimView, RichText};
use crate::components::source_link::SourceLink;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <div class="page about">
            <section class="card" aria-labelledby="about-title">
                <h1 id="about-title">"About this app and its companion server"</h1>
                <p>
                    "Conversation Lens is two programs. The app runs in your browser and shows one conversation as the Conversations API and the Analytics API each tell it. The "
                    <strong>"companion server"</strong>
                    " is the small program you start with "<code>"cargo xtask run"</code>
                    ": it serves the app on your own machine (loopback only, unless you say otherwise) and is the only thing the app talks to. The browser never calls Genesys Cloud directly."
                </p>
            </section>

            <section class="card" aria-labelledby="about-duties">
                <h2 id="about-duties" class="card-title">"What it does for the app"</h2>
                {companion::duties().into_iter().map(|c| view! { <ClaimView claim=c/> }).collect_view()}
            </section>

            <section class="card" aria-labelledby="about-calls">
                <h2 id="about-calls" class="card-title">"The calls it lets through"</h2>
                <p>
                    "A read-only allow-list. Every other path or method is refused with "
                    <code>"lens.not.allowed"</code>
                    " before anything is sent. IDs must be UUIDs, query parameters are checked one by one, and paths with "
                    <code>".."</code>
                    " or percent-encoding are refused. The only writes are the Query lab's query and job (they read data) and the notification channel calls (they change nothing in the org)."
                </p>
                <div class="table-wrap">
                    <table class="data about-calls">
                        <caption class="visually-hidden">"Calls the companion server forwards"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Call"</th>
                                <th scope="col">"What the app uses it for"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {ALLOWED_CALLS.iter().map(|c| view! {
                                <tr>
                                    <td><code>{c.method} " " {c.path}</code></td>
                                    <td><RichText text=c.what/></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="small">
                    <SourceLink source=sources::CONVERSATIONS_GET/>
                    " "
                    <SourceLink source=sources::ANALYTICS_BY_ID/>
                    " "
                    <SourceLink source=live_sources::NOTIFICATIONS_API/>
                </p>
            </section>

            <section class="card" aria-labelledby="about-errors">
                <h2 id="about-errors" class="card-title">"Errors it answers itself"</h2>
                <p>
                    "An answer whose "<code>"code"</code>" starts with "<code>"lens."</code>
                    " comes from the companion server, not from Genesys Cloud: it is about this app's setup (the allow-list, sign-in, the network), not about your permissions or data. Most are refusals, and then no request reached Genesys at all. The body has Genesys' error shape ("
                    <code>"message"</code>", "<code>"code"</code>", "<code>"status"</code>
                    ") so the app shows it the same way."
                </p>
                <dl class="about-codes">
                    {CODES.iter().map(|c| view! {
                        <div class="about-code" id=c.code>
                            <dt><code>{c.code}</code> " " <span class="muted small">"HTTP " {c.status}</span></dt>
                            <dd>
                                <RichText text=c.meaning/>
                                <span class="about-reached small">{c.reached.describe()}</span>
                            </dd>
                        </div>
                    }).collect_view()}
                </dl>
                <p class="small"><SourceLink source=sources::ERROR_CODES/></p>
            </section>

            <section class="card" aria-labelledby="about-modes">
                <h2 id="about-modes" class="card-title">"Its modes"</h2>
                <dl class="about-modes">
                    {MODES.iter().map(|(name, what)| view! {
                        <dt>{*name}</dt>
                        <dd>{*what}</dd>
                    }).collect_view()}
                </dl>
                <p class="small">
                    <SourceLink source=sources::REGIONS/>
                    " "
                    <SourceLink source=sources::PKCE/>
                </p>
            </section>

            <section class="card" id="live-events" aria-labelledby="about-live">
                <h2 id="about-live" class="card-title">"How the Live events tab works"</h2>
                <p>
                    "The tab creates a notification channel through the server, subscribes it to the conversation's user and queue topics, and opens the channel's WebSocket, which the server relays to the Genesys streaming host (at most 16 sockets at once, frames up to 1 MiB). When the socket closes the tab waits and opens a new channel: 1 s, then twice as long each time up to 30 s, and it stops after 8 attempts. When Genesys announces the close first ("
                    <code>"v2.system.socket_closing"</code>
                    ") it reconnects at once. After a reconnect, and when an event arrives, it reads both REST APIs again, because notifications are not guaranteed to arrive."
                </p>
                <p class="small">
                    <SourceLink source=live_sources::NOTIFICATIONS_API/>
                    " "
                    <SourceLink source=live_sources::NO_GUARANTEE/>
                    " "
                    <SourceLink source=live_sources::BACKFILL/>
                </p>
            </section>
        </div>
    }
}
