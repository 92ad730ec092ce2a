//! Notification channels: who owns them, what they subscribe to, when they expire, and the
//! pipe each one pushes frames down to its open sockets.
//!
//! Limits (SDK docs of `POST /api/v2/notifications/channels`): 20 channels per user/app
//! combination — "creating a 21st channel will remove the channel with oldest last used date.
//! Channels without an active connection will be removed first." — and 1,000 topics per
//! channel. A client-credentials token has no user, so the demo org counts per OAuth client.

use super::topics::Topic;
use crate::timeline::Time;
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::broadcast;

/// Channels one user/app combination may hold.
pub const MAX_CHANNELS: usize = 20;
/// Topics one channel may subscribe to.
pub const MAX_TOPICS: usize = 1000;
/// Frames buffered per channel for a slow socket; beyond this the oldest are dropped, as the
/// real service gives no delivery guarantee either.
const BUFFER: usize = 256;

/// What a channel pushes to its sockets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Push {
    /// One JSON text frame.
    Text(Arc<str>),
    /// Close the socket (the channel expired or was removed).
    Close,
}

/// Who is asking: the OAuth client and (hashed) the token, for `includechannels=token`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub client_id: &'static str,
    token_key: u64,
}

impl Owner {
    /// The owner for a client and its bearer token (the token is hashed, never kept).
    #[must_use]
    pub fn new(client_id: &'static str, token: &str) -> Self {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        token.hash(&mut h);
        Self {
            client_id,
            token_key: h.finish(),
        }
    }
}

/// A channel as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelInfo {
    pub id: String,
    pub expires: Time,
    /// Created with the asking token (`includechannels=oauthclient` hides the others' ids).
    pub same_token: bool,
}

/// Why a channel call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelError {
    /// No such channel for this client (or it expired).
    NotFound,
    /// More than [`MAX_TOPICS`] topics would be subscribed.
    TooManyTopics(usize),
}

#[derive(Debug)]
struct Channel {
    id: String,
    owner: Owner,
    expires: Time,
    last_used: Time,
    topics: BTreeSet<Topic>,
    tx: broadcast::Sender<Push>,
    sockets: usize,
}

/// Every channel of the org.
#[derive(Debug)]
pub struct Channels {
    ttl: chrono::Duration,
    inner: Mutex<Vec<Channel>>,
}

impl Channels {
    /// A store whose channels live `ttl` on the demo clock.
    #[must_use]
    pub fn new(ttl: chrono::Duration) -> Self {
        Self {
            ttl,
            inner: Mutex::new(Vec::new()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Channel>> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Create a channel for `owner` at `now`, removing one of theirs first when they hold
    /// [`MAX_CHANNELS`] already (unconnected before connected, then the oldest last used).
    pub fn create(&self, owner: Owner, now: Time) -> ChannelInfo {
        let mut all = self.lock();
        all.retain(|c| c.expires > now);
        let theirs = all
            .iter()
            .filter(|c| c.owner.client_id == owner.client_id)
            .count();
        if theirs >= MAX_CHANNELS
            && let Some(i) = all
                .iter()
                .enumerate()
                .filter(|(_, c)| c.owner.client_id == owner.client_id)
                .min_by_key(|(_, c)| (c.sockets > 0, c.last_used))
                .map(|(i, _)| i)
        {
            let evicted = all.remove(i);
            let _ = evicted.tx.send(Push::Close);
        }
        let (tx, _) = broadcast::channel(BUFFER);
        let channel = Channel {
            id: new_channel_id(),
            owner,
            expires: crate::clock::to_millis(now + self.ttl),
            last_used: now,
            topics: BTreeSet::new(),
            tx,
            sockets: 0,
        };
        let info = ChannelInfo {
            id: channel.id.clone(),
            expires: channel.expires,
            same_token: true,
        };
        all.push(channel);
        info
    }

    /// The client's live channels, oldest first.
    #[must_use]
    pub fn list(&self, owner: Owner, now: Time) -> Vec<ChannelInfo> {
        self.lock()
            .iter()
            .filter(|c| c.owner.client_id == owner.client_id && c.expires > now)
            .map(|c| ChannelInfo {
                id: c.id.clone(),
                expires: c.expires,
                same_token: c.owner.token_key == owner.token_key,
            })
            .collect()
    }

    /// Run `f` on the client's live channel `id`.
    fn with_channel<T>(
        &self,
        owner: Owner,
        id: &str,
        now: Time,
        f: impl FnOnce(&mut Channel) -> Result<T, ChannelError>,
    ) -> Result<T, ChannelError> {
        let mut all = self.lock();
        let c = all
            .iter_mut()
            .find(|c| c.id == id && c.owner.client_id == owner.client_id && c.expires > now)
            .ok_or(ChannelError::NotFound)?;
        f(c)
    }

    /// Whether the client's channel `id` exists and has not expired (`HEAD`).
    #[must_use]
    pub fn exists(&self, owner: Owner, id: &str, now: Time) -> bool {
        self.with_channel(owner, id, now, |_| Ok(())).is_ok()
    }

    /// The channel's topics.
    ///
    /// # Errors
    /// [`ChannelError::NotFound`].
    pub fn topics(&self, owner: Owner, id: &str, now: Time) -> Result<Vec<Topic>, ChannelError> {
        self.with_channel(owner, id, now, |c| Ok(c.topics.iter().cloned().collect()))
    }

    /// Add `topics` (`replace`: instead of the current ones) and return the channel's topics.
    ///
    /// # Errors
    /// [`ChannelError::NotFound`], or [`ChannelError::TooManyTopics`] (nothing changes then).
    pub fn subscribe(
        &self,
        owner: Owner,
        id: &str,
        topics: Vec<Topic>,
        replace: bool,
        now: Time,
    ) -> Result<Vec<Topic>, ChannelError> {
        self.with_channel(owner, id, now, |c| {
            let mut next = if replace {
                BTreeSet::new()
            } else {
                c.topics.clone()
            };
            next.extend(topics);
            if next.len() > MAX_TOPICS {
                return Err(ChannelError::TooManyTopics(next.len()));
            }
            c.topics = next;
            c.last_used = now;
            Ok(c.topics.iter().cloned().collect())
        })
    }

    /// Remove every subscription of the channel.
    ///
    /// # Errors
    /// [`ChannelError::NotFound`].
    pub fn unsubscribe_all(&self, owner: Owner, id: &str, now: Time) -> Result<(), ChannelError> {
        self.with_channel(owner, id, now, |c| {
            c.topics.clear();
            c.last_used = now;
            Ok(())
        })
    }

    /// Open a socket on channel `id` (anyone holding the id may: it is the credential, as on
    /// the real streaming host). `None` = no such live channel.
    #[must_use]
    pub fn connect(self: &Arc<Self>, id: &str, now: Time) -> Option<SocketLease> {
        let mut all = self.lock();
        let c = all.iter_mut().find(|c| c.id == id && c.expires > now)?;
        c.sockets += 1;
        c.last_used = now;
        Some(SocketLease {
            channels: Arc::clone(self),
            id: c.id.clone(),
            rx: c.tx.subscribe(),
        })
    }

    /// Push `text` to every channel subscribed to `topic`; returns how many channels took it.
    pub fn publish(&self, topic: &Topic, text: &Arc<str>) -> usize {
        self.lock()
            .iter()
            .filter(|c| c.topics.contains(topic))
            .filter(|c| c.tx.send(Push::Text(Arc::clone(text))).is_ok())
            .count()
    }

    /// Every topic some channel subscribes to (the delivery task skips work nobody listens for).
    #[must_use]
    pub fn subscribed(&self) -> BTreeSet<Topic> {
        self.lock()
            .iter()
            .flat_map(|c| c.topics.iter().cloned())
            .collect()
    }

    /// Remove the channels expired at `now`, after pushing `closing` then a close to them.
    /// Returns how many were removed.
    pub fn expire(&self, now: Time, closing: &Arc<str>) -> usize {
        let mut all = self.lock();
        let before = all.len();
        all.retain(|c| {
            let live = c.expires > now;
            if !live {
                let _ = c.tx.send(Push::Text(Arc::clone(closing)));
                let _ = c.tx.send(Push::Close);
            }
            live
        });
        before - all.len()
    }

    /// Whether any channel exists (the delivery task idles otherwise).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn disconnect(&self, id: &str) {
        if let Some(c) = self.lock().iter_mut().find(|c| c.id == id) {
            c.sockets = c.sockets.saturating_sub(1);
        }
    }
}

/// One open socket's hold on its channel: frames arrive on `rx`; dropping it marks the socket gone.
#[derive(Debug)]
pub struct SocketLease {
    channels: Arc<Channels>,
    pub id: String,
    pub rx: broadcast::Receiver<Push>,
}

impl Drop for SocketLease {
    fn drop(&mut self) {
        self.channels.disconnect(&self.id);
    }
}

/// A fresh channel id. UNVERIFIED: real ids are opaque strings (observed as `streaming-…`); the
/// demo org uses `streaming-0-` and 32 hex digits.
fn new_channel_id() -> String {
    format!("streaming-0-{}", uuid::Uuid::new_v4().simple())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn t0() -> Time {
        Utc.with_ymd_and_hms(2026, 5, 20, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn the_21st_channel_removes_the_oldest_unconnected_one() {
        let store = Arc::new(Channels::new(Duration::hours(24)));
        let me = Owner::new("client-a", "token-1");
        let ids: Vec<String> = (0..MAX_CHANNELS)
            .map(|i| store.create(me, t0() + Duration::seconds(i as i64)).id)
            .collect();
        // The oldest one is connected, so the second oldest goes.
        let lease = store.connect(&ids[0], t0());
        assert!(lease.is_some());
        let other = Owner::new("client-b", "token-2");
        store.create(other, t0());
        store.create(me, t0() + Duration::minutes(1));
        let left: Vec<String> = store.list(me, t0()).into_iter().map(|c| c.id).collect();
        assert_eq!(left.len(), MAX_CHANNELS);
        assert!(left.contains(&ids[0]));
        assert!(!left.contains(&ids[1]));
        assert_eq!(store.list(other, t0()).len(), 1, "counted per client");
    }

    #[test]
    fn topics_are_capped_and_channels_expire() {
        let store = Arc::new(Channels::new(Duration::hours(24)));
        let me = Owner::new("client-a", "token-1");
        let id = store.create(me, t0()).id;
        let many: Vec<Topic> = (0..=MAX_TOPICS)
            .map(|i| Topic::UserConversations(i.to_string()))
            .collect();
        assert_eq!(
            store.subscribe(me, &id, many, false, t0()),
            Err(ChannelError::TooManyTopics(MAX_TOPICS + 1))
        );
        assert_eq!(store.topics(me, &id, t0()), Ok(vec![]));
        let stranger = Owner::new("client-b", "token-2");
        assert_eq!(
            store.topics(stranger, &id, t0()),
            Err(ChannelError::NotFound)
        );
        let later = t0() + Duration::hours(24);
        assert!(store.exists(me, &id, later - Duration::milliseconds(1)));
        assert!(!store.exists(me, &id, later));
        let closing: Arc<str> = Arc::from("closing");
        assert_eq!(store.expire(later, &closing), 1);
        assert!(store.is_empty());
    }
}
