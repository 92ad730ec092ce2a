//! The driver of the "Live events" tab: opens a notification channel through the companion
//! server, subscribes to the conversation's user and queue topics, reads the WebSocket, and
//! reconnects with back-off (a new channel each time) and back-fills from the REST APIs. The
//! view (`crate::tabs::live_events`) only reads [`LiveFeed`]'s signals.
//!
//! Nothing shown is ever removed: the event log and the time axis only grow; a reconnect adds a
//! note and carries on.

pub mod channel;

use chrono::{DateTime, Utc};
use lens::notifications::backoff::{Backoff, Next};
use lens::notifications::explain;
use lens::notifications::lag::{Source3, TimeAxis};
use lens::notifications::log::{EventLog, Received};
use lens::notifications::topics::{self, Topic};
use lens::source::Claim;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

use crate::api::{self, UserToken};
use crate::clock::sleep_ms;
use crate::logic::side::Side;
use crate::state::Lookup;

/// Where the feed is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Idle,
    /// Creating the channel / opening the socket (attempt 1, 2, …).
    Connecting {
        attempt: u32,
    },
    Open,
    /// Waiting before the next attempt.
    Waiting {
        seconds: u32,
        attempt: u32,
    },
    /// Too many failures in a row: the user may press Reconnect.
    GaveUp,
    /// No user or queue to listen to.
    NoTopics,
    /// Stopped by the user.
    Stopped,
}

impl Status {
    /// For tests and styling (`data-status`).
    #[must_use]
    pub const fn slug(&self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Connecting { .. } => "connecting",
            Self::Open => "open",
            Self::Waiting { .. } => "waiting",
            Self::GaveUp => "gave-up",
            Self::NoTopics => "no-topics",
            Self::Stopped => "stopped",
        }
    }
}

/// A topic and what Genesys said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicState {
    pub topic: Topic,
    /// `None` until subscribed; `Some(true)` permitted, `Some(false)` rejected.
    pub permitted: Option<bool>,
}

/// Something that happened to the channel, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: DateTime<Utc>,
    pub title: String,
    pub claim: Claim,
}

/// The open socket and its handlers (dropped together).
struct Socket {
    ws: WebSocket,
    _on_open: Closure<dyn FnMut()>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
}

impl Socket {
    fn shut(&self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}

/// Everything the Live events view reads, plus the driver's own bookkeeping.
#[derive(Clone, Copy)]
pub struct LiveFeed {
    pub log: RwSignal<EventLog>,
    pub axis: RwSignal<TimeAxis>,
    pub status: RwSignal<Status>,
    pub topics: RwSignal<Vec<TopicState>>,
    pub notes: RwSignal<Vec<Note>>,
    /// The channel now in use: id and `expires`.
    pub channel: RwSignal<Option<(String, Option<String>)>>,
    /// Back-fills done (REST reads after events and reconnects).
    pub backfills: RwSignal<u32>,
    lookup: Lookup,
    conversation_id: StoredValue<String>,
    token: StoredValue<Option<UserToken>>,
    generation: StoredValue<u64>,
    failures: StoredValue<u32>,
    announced: StoredValue<bool>,
    backfilling: StoredValue<(bool, bool)>,
    socket: StoredValue<Option<Socket>, LocalStorage>,
}

const BACKOFF: Backoff = Backoff {
    first_ms: 1_000,
    max_ms: 30_000,
    max_attempts: 8,
};

impl LiveFeed {
    /// A feed for `conversation_id`; nothing happens until [`LiveFeed::start`].
    #[must_use]
    pub fn new(conversation_id: &str, lookup: Lookup) -> Self {
        Self {
            log: RwSignal::new(EventLog::new(conversation_id)),
            axis: RwSignal::new(TimeAxis::new()),
            status: RwSignal::new(Status::Idle),
            topics: RwSignal::new(Vec::new()),
            notes: RwSignal::new(Vec::new()),
            channel: RwSignal::new(None),
            backfills: RwSignal::new(0),
            lookup,
            conversation_id: StoredValue::new(conversation_id.to_owned()),
            token: StoredValue::new(None),
            generation: StoredValue::new(0),
            failures: StoredValue::new(0),
            announced: StoredValue::new(false),
            backfilling: StoredValue::new((false, false)),
            socket: StoredValue::new_local(None),
        }
    }

    /// The schedule the view explains.
    #[must_use]
    pub const fn backoff() -> Backoff {
        BACKOFF
    }

    /// Subscribes to `topics` and keeps the feed going until [`LiveFeed::stop`].
    pub fn start(&self, topics: Vec<Topic>, token: Option<UserToken>) {
        let generation = self.next_generation();
        self.token.set_value(token);
        self.failures.set_value(0);
        self.topics.set(
            topics
                .into_iter()
                .map(|topic| TopicState {
                    topic,
                    permitted: None,
                })
                .collect(),
        );
        if self.topics.with_untracked(Vec::is_empty) {
            self.status.set(Status::NoTopics);
            self.note("Nothing to listen to", explain::no_topics());
            return;
        }
        self.connect(generation);
    }

    /// Adds topics found later; an open channel is subscribed to the whole list again (PUT).
    pub fn add_topics(&self, found: Vec<Topic>) {
        let known: Vec<String> = self
            .topics
            .with_untracked(|t| t.iter().map(|s| s.topic.name.clone()).collect());
        let new: Vec<Topic> = found
            .into_iter()
            .filter(|t| !known.contains(&t.name))
            .collect();
        if new.is_empty() {
            return;
        }
        self.topics.update(|list| {
            list.extend(new.into_iter().map(|topic| TopicState {
                topic,
                permitted: None,
            }));
        });
        if self.status.get_untracked() == Status::Open
            && let Some((channel_id, _)) = self.channel.get_untracked()
        {
            self.subscribe(self.generation.get_value(), channel_id);
        }
    }

    /// Closes the socket and stops reconnecting; what was shown stays.
    pub fn stop(&self) {
        self.next_generation();
        self.drop_socket();
        self.status.set(Status::Stopped);
    }

    /// Leaving the tab: like stop, but safe when the signals are already gone.
    pub fn dispose(&self) {
        self.generation.try_update_value(|g| *g += 1);
        self.socket.try_update_value(|s| {
            if let Some(s) = s.take() {
                s.shut();
            }
        });
    }

    fn next_generation(&self) -> u64 {
        self.generation
            .try_update_value(|g| {
                *g += 1;
                *g
            })
            .unwrap_or(0)
    }

    fn current(&self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn drop_socket(&self) {
        self.socket.try_update_value(|s| {
            if let Some(s) = s.take() {
                s.shut();
            }
        });
    }

    fn note(&self, title: &str, claim: Claim) {
        self.notes.try_update(|n| {
            n.push(Note {
                at: Utc::now(),
                title: title.to_owned(),
                claim,
            });
        });
    }

    /// One attempt: a new channel, the socket, then the subscriptions once it is open.
    fn connect(&self, generation: u64) {
        let feed = *self;
        let attempt = self.failures.get_value() + 1;
        self.status.set(Status::Connecting { attempt });
        self.announced.set_value(false);
        self.drop_socket();
        spawn_local(async move {
            let token = feed.token.try_get_value().flatten();
            let created = channel::create(token.as_ref()).await;
            if !feed.current(generation) {
                return;
            }
            let ch = match created {
                Ok(ch) => ch,
                Err(e) => {
                    feed.note(
                        "Could not open a channel",
                        call_claim("Creating the channel", &e),
                    );
                    feed.retry_later(generation);
                    return;
                }
            };
            feed.channel.set(Some((ch.id.clone(), ch.expires.clone())));
            feed.open_socket(generation, &ch);
        });
    }

    fn open_socket(&self, generation: u64, ch: &channel::Channel) {
        let https = web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p == "https:");
        let url = channel::socket_url(&ch.connect_uri, https);
        let ws = match WebSocket::new(&url) {
            Ok(ws) => ws,
            Err(_) => {
                self.note(
                    "Could not open the socket",
                    explain::socket_closed(1006, "the browser refused the address", false),
                );
                self.retry_later(generation);
                return;
            }
        };
        let feed = *self;
        let channel_id = ch.id.clone();
        let on_open = Closure::<dyn FnMut()>::new(move || {
            if !feed.current(generation) {
                return;
            }
            feed.failures.set_value(0);
            feed.status.set(Status::Open);
            feed.subscribe(generation, channel_id.clone());
        });
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if !feed.current(generation) {
                return;
            }
            if let Some(text) = e.data().as_string() {
                feed.on_text(&text);
            }
        });
        let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |e: CloseEvent| {
            if !feed.current(generation) {
                return;
            }
            let announced = feed.announced.get_value();
            feed.note(
                if announced {
                    "Channel closing"
                } else {
                    "Socket closed"
                },
                explain::socket_closed(e.code(), &e.reason(), announced),
            );
            feed.retry_later(generation);
        });
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        self.socket.set_value(Some(Socket {
            ws,
            _on_open: on_open,
            _on_message: on_message,
            _on_close: on_close,
        }));
    }

    fn subscribe(&self, generation: u64, channel_id: String) {
        let feed = *self;
        spawn_local(async move {
            let body = feed.topics.with_untracked(|t| {
                topics::subscription_body(&t.iter().map(|s| s.topic.clone()).collect::<Vec<_>>())
            });
            let token = feed.token.try_get_value().flatten();
            let answer = channel::subscribe(&channel_id, &body, token.as_ref()).await;
            if !feed.current(generation) {
                return;
            }
            match answer {
                Ok(answers) => {
                    for a in &answers {
                        if !a.permitted {
                            feed.note(
                                "Topic rejected",
                                explain::topic_rejected(
                                    &a.id,
                                    a.rejection_reason.as_deref(),
                                    &a.missing_permissions,
                                ),
                            );
                        }
                    }
                    feed.topics.update(|list| {
                        for t in list.iter_mut() {
                            if let Some(a) = answers.iter().find(|a| a.id == t.topic.name) {
                                t.permitted = Some(a.permitted);
                            }
                        }
                    });
                    // Events sent before the socket opened are not sent again: read the REST
                    // APIs now (the back-fill), and after every event.
                    feed.backfill();
                }
                Err(e) => {
                    feed.note(
                        "Could not subscribe",
                        call_claim("Subscribing to the topics", &e),
                    );
                    feed.drop_socket();
                    feed.retry_later(generation);
                }
            }
        });
    }

    fn on_text(&self, text: &str) {
        let now = Utc::now();
        let Some(received) = self.log.try_update(|l| l.receive(now, text)) else {
            return;
        };
        match received {
            Received::Event { .. } => {
                if let Some(body) = self.log.with_untracked(|l| l.latest().cloned()) {
                    self.axis.update(|a| a.observe(Source3::Event, now, &body));
                }
                self.backfill();
            }
            Received::SocketClosing => self.announced.set_value(true),
            Received::Unreadable(e) => {
                // Said once per kind of fault, not once per message.
                let seen = self.log.with_untracked(|l| l.unreadable.len());
                if seen <= 1 {
                    self.note("A message could not be read", explain::unreadable(&e));
                }
            }
            Received::System { topic_name } => {
                self.note(
                    "System message",
                    Claim::new(
                        format!("Genesys sent {topic_name}: the subscriptions may be gone; this tab reconnects if the socket closes."),
                        lens::notifications::sources::TOPIC_LIST,
                    ),
                );
            }
            Received::Heartbeat | Received::OtherConversation | Received::Other { .. } => {}
        }
    }

    /// Reads both REST APIs (at most one read per side in flight; one more is queued).
    fn backfill(&self) {
        for side in Side::BOTH {
            let busy = self.backfilling.get_value();
            let flag = matches!(side, Side::Conversations);
            let in_flight = if flag { busy.0 } else { busy.1 };
            if in_flight {
                continue;
            }
            self.backfilling.update_value(|b| {
                if flag {
                    b.0 = true;
                } else {
                    b.1 = true;
                }
            });
            let feed = *self;
            spawn_local(async move {
                let Some(id) = feed.conversation_id.try_get_value() else {
                    return;
                };
                let token = feed.token.try_get_value().flatten();
                let result = api::fetch_side(side, &id, token, None).await;
                feed.backfilling.try_update_value(|b| {
                    if flag {
                        b.0 = false;
                    } else {
                        b.1 = false;
                    }
                });
                let Ok(ex) = result else { return };
                if ex.result.status == 200 {
                    let source = if flag {
                        Source3::Snapshot
                    } else {
                        Source3::Record
                    };
                    feed.axis
                        .try_update(|a| a.observe(source, Utc::now(), &ex.result.body));
                }
                feed.backfills.try_update(|n| *n += 1);
                // The other tabs show the newest answers too.
                feed.lookup.set_exchange(ex);
            });
        }
    }

    fn retry_later(&self, generation: u64) {
        self.drop_socket();
        let failures = self.failures.get_value();
        match BACKOFF.next(failures, self.announced.get_value()) {
            Next::GiveUp { .. } => self.status.set(Status::GaveUp),
            Next::Retry { after_ms, attempt } => {
                self.failures.set_value(failures + 1);
                self.status.set(Status::Waiting {
                    seconds: after_ms.div_ceil(1000),
                    attempt,
                });
                let feed = *self;
                spawn_local(async move {
                    sleep_ms(after_ms).await;
                    if feed.current(generation) {
                        feed.connect(generation);
                    }
                });
            }
        }
    }
}

fn call_claim(what: &str, e: &channel::CallError) -> Claim {
    match e {
        channel::CallError::Status { status, message } => {
            explain::request_failed(what, *status, message.as_deref())
        }
        channel::CallError::Network(_) => {
            explain::request_failed(what, 0, Some("no answer from the companion server"))
        }
        channel::CallError::Unexpected => explain::request_failed(
            what,
            200,
            Some("the answer had no channel id or connectUri"),
        ),
    }
}
