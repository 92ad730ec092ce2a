//! The state of one lookup: the two sides, each an async resource keyed on what is asked
//! (conversation ID, which ask, the user's token).
//!
//! Each side is an [`AsyncDerived`] over the [`LookupKey`] signal, so the two calls start
//! together and settle on their own. `reactive_graph` awaits one future per resource at a time
//! and starts the next only once it has finished, so a request whose key was replaced races
//! against the key changing (or the page going away): it then stops, its `AbortController` is
//! dropped (which aborts the fetch), and its answer, tagged with its old key, is never shown.
//! A refresh keeps the current answer on screen until the new one arrives.

use std::pin::pin;
use std::sync::Arc;

use futures::StreamExt;
use futures::future::{Either, select};
use leptos::prelude::*;
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use web_sys::{AbortController, AbortSignal};

use crate::api::{self, UserToken};
use crate::error::AppError;
use crate::logic::decode::Exchange;
use crate::logic::side::Side;
use crate::timing;

/// What one side shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SideState {
    /// No lookup yet.
    #[default]
    Idle,
    Loading,
    /// An HTTP answer (any status).
    Done(Arc<Exchange>),
    /// No HTTP answer.
    Failed(AppError),
}

impl SideState {
    #[must_use]
    pub fn exchange(&self) -> Option<&Arc<Exchange>> {
        match self {
            SideState::Done(e) => Some(e),
            _ => None,
        }
    }

    /// The Conversations side as the lens logic reads it (no answer yet = loading).
    #[must_use]
    pub fn lens_conversation(&self) -> lens::lookup::Side<'_, Conversation> {
        self.lens_side(Exchange::conversation)
    }

    /// The Analytics side as the lens logic reads it.
    #[must_use]
    pub fn lens_analytics(&self) -> lens::lookup::Side<'_, AnalyticsConversationWithoutAttributes> {
        self.lens_side(Exchange::analytics)
    }

    /// The decoded body (`decoded`), else the error body, else loading.
    fn lens_side<'a, T>(
        &'a self,
        decoded: impl FnOnce(&'a Exchange) -> Option<&'a T>,
    ) -> lens::lookup::Side<'a, T> {
        let Some(ex) = self.exchange() else {
            return lens::lookup::Side::Loading;
        };
        match (decoded(ex), ex.error()) {
            (Some(body), _) => lens::lookup::Side::Loaded(body),
            (None, Some(e)) => lens::lookup::Side::Failed(e),
            (None, None) => lens::lookup::Side::Loading,
        }
    }

    /// True when this side says the conversation is still going.
    #[must_use]
    pub fn is_live(&self) -> bool {
        self.exchange().is_some_and(|ex| {
            ex.conversation().is_some_and(|c| c.end_time.is_none())
                || ex.analytics().is_some_and(|a| a.conversation_end.is_none())
        })
    }

    /// Same state without comparing bodies: an answer is the same only if it is the same `Arc`
    /// (a 2,000-segment body is never walked to decide whether to re-render).
    fn same(&self, other: &SideState) -> bool {
        match (self, other) {
            (SideState::Done(a), SideState::Done(b)) => Arc::ptr_eq(a, b),
            (SideState::Idle, SideState::Idle) | (SideState::Loading, SideState::Loading) => true,
            (SideState::Failed(a), SideState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// What a lookup asks. Every start and every refresh makes a new key (`ask` counts them), so
/// asking the same conversation again is a change the resources see. No `Debug`: it holds the
/// user's token.
#[derive(Clone, PartialEq)]
struct LookupKey {
    id: String,
    token: Option<UserToken>,
    ask: u32,
    /// A refresh keeps showing the current answers until the new ones arrive.
    refresh: bool,
}

impl LookupKey {
    /// Answers for `self` may stand in for answers to `other` while those load.
    fn same_question(&self, other: &LookupKey) -> bool {
        self.id == other.id && self.token == other.token
    }
}

/// One side's latest answer and the key it answers.
#[derive(Clone)]
struct Answer {
    key: Option<LookupKey>,
    state: SideState,
}

/// What one side shows, with the key it belongs to (so a refresh knows what it may keep).
#[derive(Clone)]
struct Shown {
    key: Option<LookupKey>,
    state: SideState,
}

/// The two sides of the current lookup.
#[derive(Clone, Copy)]
pub struct Lookup {
    /// What is asked now; `None` when nothing is (no ID, navigated away, opened from a file).
    key: RwSignal<Option<LookupKey>>,
    /// How many times anything was asked: every key is new, even after a cancel.
    asks: StoredValue<u32>,
    /// Answers put in place without the network ([`Lookup::place`]); each stands for the key it
    /// was placed under, before any fetched answer to that key.
    placed: [RwSignal<Option<Answer>>; 2],
    pub conversations: Signal<SideState>,
    pub analytics: Signal<SideState>,
}

impl Default for Lookup {
    fn default() -> Self {
        Self::new()
    }
}

impl Lookup {
    /// Two idle sides. Create it in the component that owns the lookup: leaving that component
    /// cancels whatever is in flight.
    #[must_use]
    pub fn new() -> Self {
        let key = RwSignal::new(None::<LookupKey>);
        let answers = Side::BOTH.map(|side| side_resource(side, key));
        let placed = Side::BOTH.map(|_| RwSignal::new(None::<Answer>));
        let [conversations, analytics] = [0, 1].map(|i| shown(key, answers[i], placed[i]));
        // Both answers for the key now asked are in: the bench's `lens-lookup` measure ends here.
        Effect::new(move |was_settled: Option<bool>| {
            let settled = key.with(|want| {
                want.is_some()
                    && answers.iter().zip(&placed).all(|(a, p)| {
                        a.with(|a| answered(a, want)) || p.with(|p| answered(p, want))
                    })
            });
            if settled && was_settled == Some(false) {
                timing::both_views();
            }
            settled
        });
        Self {
            key,
            asks: StoredValue::new(0),
            placed,
            conversations,
            analytics,
        }
    }

    #[must_use]
    pub fn side(&self, side: Side) -> Signal<SideState> {
        match side {
            Side::Conversations => self.conversations,
            Side::Analytics => self.analytics,
        }
    }

    /// Stop asking: what is in flight is aborted and both sides go idle.
    pub fn cancel(&self) {
        self.key.try_set(None);
    }

    /// Start both calls concurrently; each side settles on its own and shows loading until then.
    pub fn start(&self, id: &str, token: Option<UserToken>) {
        self.ask(id, token, false);
    }

    /// Ask both APIs again but keep showing the current answers until the new ones arrive (no
    /// skeleton flash while a live conversation is polled).
    pub fn refresh(&self, id: &str, token: Option<UserToken>) {
        self.ask(id, token, true);
    }

    fn ask(&self, id: &str, token: Option<UserToken>, refresh: bool) {
        let ask = self.asks.get_value().wrapping_add(1);
        self.asks.set_value(ask);
        timing::started();
        self.key.set(Some(LookupKey {
            id: id.to_owned(),
            token,
            ask,
            refresh,
        }));
    }

    /// Put a finished exchange in place (tests, the bench and the live back-fill use this to
    /// skip the network). A request still in flight for that side no longer shows.
    pub fn set_exchange(&self, ex: Exchange) {
        self.place(ex.side, SideState::Done(Arc::new(ex)));
    }

    /// Show `state` on `side` as the answer to what is asked now (until something else is
    /// asked); a request for the same key still in flight no longer shows.
    pub fn place(&self, side: Side, state: SideState) {
        let key = self.key.get_untracked();
        self.placed[side_index(side)].set(Some(Answer { key, state }));
    }
}

fn side_index(side: Side) -> usize {
    match side {
        Side::Conversations => 0,
        Side::Analytics => 1,
    }
}

/// `answer` is the answer to `want` (not to an older or replaced key).
fn answered(answer: &Option<Answer>, want: &Option<LookupKey>) -> bool {
    answer.as_ref().is_some_and(|a| &a.key == want)
}

/// One side as a resource of the key: idle with no key, else that side's call for the key.
fn side_resource(
    side: Side,
    key: RwSignal<Option<LookupKey>>,
) -> AsyncDerived<Answer, LocalStorage> {
    AsyncDerived::new_unsync(move || {
        let asked = key.get();
        // Ends when the key moves on or this resource's owner is cleaned up (page left).
        let changes = asked.is_some().then(|| key_changes(key));
        async move {
            let (Some(k), Some(changes)) = (asked, changes) else {
                return Answer {
                    key: None,
                    state: SideState::Idle,
                };
            };
            let state = {
                let abort = AbortOnDrop::new();
                let call = pin!(api::fetch_side(
                    side,
                    &k.id,
                    k.token.clone(),
                    abort.signal()
                ));
                match select(call, pin!(superseded(changes, &k))).await {
                    Either::Left((Ok(ex), _)) => SideState::Done(Arc::new(ex)),
                    Either::Left((Err(e), _)) => SideState::Failed(e),
                    // The unfinished call is dropped here, then `abort` aborts its request.
                    Either::Right(((), _)) => SideState::Failed(AppError::Aborted),
                }
            };
            Answer {
                key: Some(k),
                state,
            }
        }
    })
}

/// Every value the key takes from now on (the current one first), until the owner running this
/// (the resource's, renewed per request and cleaned up with the page) is cleaned up.
/// `ToStream::to_stream` does the same but its stream borrows the signal handle.
fn key_changes(
    key: RwSignal<Option<LookupKey>>,
) -> futures::channel::mpsc::UnboundedReceiver<Option<LookupKey>> {
    let (tx, rx) = futures::channel::mpsc::unbounded();
    let close = tx.clone();
    Owner::on_cleanup(move || close.close_channel());
    Effect::new(move |_| {
        if let Some(k) = key.try_get() {
            let _ = tx.unbounded_send(k);
        }
    });
    rx
}

/// Resolves once the key is no longer `mine` or the stream ends (its owner was cleaned up).
async fn superseded(
    mut changes: impl futures::Stream<Item = Option<LookupKey>> + Unpin,
    mine: &LookupKey,
) {
    while let Some(now) = changes.next().await {
        if now.as_ref() != Some(mine) {
            return;
        }
    }
}

/// What one side shows: the answer to the key asked (a placed one first), else (while it loads) the previous answer
/// of a refresh of the same conversation with the same token, else loading.
fn shown(
    key: RwSignal<Option<LookupKey>>,
    answer: AsyncDerived<Answer, LocalStorage>,
    placed: RwSignal<Option<Answer>>,
) -> Signal<SideState> {
    let shown = Memo::new_with_compare(
        move |prev: Option<&Shown>| {
            let want = key.get();
            let matching = |a: &Option<Answer>| a.clone().filter(|a| a.key == want);
            if let Some(a) = placed.with(matching).or_else(|| answer.with(matching)) {
                return Shown {
                    key: a.key,
                    state: a.state,
                };
            }
            let Some(w) = want else {
                return Shown {
                    key: None,
                    state: SideState::Idle,
                };
            };
            match prev {
                Some(p)
                    if w.refresh
                        && matches!(p.state, SideState::Done(_))
                        && p.key.as_ref().is_some_and(|k| k.same_question(&w)) =>
                {
                    p.clone()
                }
                _ => Shown {
                    key: Some(w),
                    state: SideState::Loading,
                },
            }
        },
        |a, b| match (a, b) {
            (Some(a), Some(b)) => !a.state.same(&b.state),
            _ => true,
        },
    );
    let state = Memo::new_with_compare(
        move |_| shown.with(|s| s.state.clone()),
        |a: Option<&SideState>, b: Option<&SideState>| match (a, b) {
            (Some(a), Some(b)) => !a.same(b),
            _ => true,
        },
    );
    state.into()
}

/// An `AbortController` that aborts its request when dropped (the request's future was dropped
/// or finished; aborting a finished request does nothing).
struct AbortOnDrop(Option<AbortController>);

impl AbortOnDrop {
    fn new() -> Self {
        Self(AbortController::new().ok())
    }

    fn signal(&self) -> Option<AbortSignal> {
        self.0.as_ref().map(AbortController::signal)
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}
