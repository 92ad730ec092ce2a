//! Which notification channels this server created, where their upstream sockets are, and how
//! many relays are open: the rewrite of the channel answer and the limits of the relay.

use crate::error::LensError;
use axum::body::Bytes;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Where the browser connects: this prefix + the channel id.
pub const SOCKET_PATH_PREFIX: &str = "/api/notifications/socket/";
/// Channels remembered at once. Genesys keeps at most 20 per app and user (reference/api-facts.md
/// §4.3), so this holds several users' worth; the oldest is forgotten first.
pub const MAX_REMEMBERED: usize = 64;
/// Relayed sockets open at once (each is two sockets and a task); above it the upgrade is refused.
pub const MAX_OPEN_SOCKETS: usize = 16;
/// Largest frame or message relayed in either direction. Conversation events are a few KiB; this
/// leaves a wide margin while a hostile peer cannot make the server buffer without bound.
pub const MAX_FRAME_BYTES: usize = 1024 * 1024;

#[derive(Debug)]
struct Remembered {
    id: String,
    upstream: String,
}

/// The relay's handle on [`Sockets`], extracted from the server state (`FromRef`), so this
/// module need not know the state type.
#[derive(Debug, Clone)]
pub struct SharedSockets(pub Arc<Sockets>);

/// The channels this server created and the open-relay limit.
#[derive(Debug)]
pub struct Sockets {
    remembered: Mutex<VecDeque<Remembered>>,
    open: Arc<Semaphore>,
    limit: usize,
}

impl Default for Sockets {
    fn default() -> Self {
        Sockets::with_limit(MAX_OPEN_SOCKETS)
    }
}

impl Sockets {
    pub fn with_limit(limit: usize) -> Self {
        Sockets {
            remembered: Mutex::new(VecDeque::new()),
            open: Arc::new(Semaphore::new(limit)),
            limit,
        }
    }

    /// Remembers `id` → `upstream` (a re-created id replaces its old entry).
    pub fn remember(&self, id: &str, upstream: &str) {
        let mut list = self
            .remembered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        list.retain(|r| r.id != id);
        list.push_back(Remembered {
            id: id.to_string(),
            upstream: upstream.to_string(),
        });
        while list.len() > MAX_REMEMBERED {
            list.pop_front();
        }
    }

    /// The upstream `connectUri` of a channel this server created.
    pub fn upstream_for(&self, id: &str) -> Option<String> {
        self.remembered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.upstream.clone())
    }

    /// A slot for one relay, held until the relay ends.
    pub fn try_open(&self) -> Result<OwnedSemaphorePermit, LensError> {
        self.open
            .clone()
            .try_acquire_owned()
            .map_err(|_| LensError::TooManySockets { limit: self.limit })
    }

    /// Relays open right now.
    pub fn open_count(&self) -> usize {
        self.limit - self.open.available_permits()
    }
}

/// May the server dial `connect_uri` for a channel created at `api_base`? Only the region's
/// streaming host (`https://api.<domain>` → `wss://streaming.<domain>/`) or, for the demo org and
/// URL overrides, the API host itself over `ws`/`wss`. Anything else in an answer is refused, so
/// a tampered or unexpected answer cannot make the server connect elsewhere.
pub fn upstream_allowed(api_base: &str, connect_uri: &str) -> bool {
    let Some((scheme, authority)) = api_base.trim_end_matches('/').split_once("://") else {
        return false;
    };
    let ws_scheme = if scheme == "https" { "wss" } else { "ws" };
    let mut allowed = vec![format!("{ws_scheme}://{authority}/")];
    if let Some(domain) = authority.strip_prefix("api.") {
        allowed.push(format!("wss://streaming.{domain}/"));
    }
    let ok_chars = connect_uri
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'\\' && b != b'@');
    ok_chars
        && !connect_uri.contains("/../")
        && allowed.iter().any(|p| connect_uri.starts_with(p.as_str()))
}

/// The channel answer with `connectUri` pointing at this server, plus what to remember.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub body: Bytes,
    pub id: String,
    pub upstream: String,
}

/// Rewrites a `Channel {connectUri, id, expires}` answer: `connectUri` becomes
/// `ws://<host>/api/notifications/socket/<id>`; every other field is kept as Genesys sent it.
pub fn rewrite_channel(body: &[u8], api_base: &str, host: &str) -> Result<Rewritten, LensError> {
    let mut v: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| LensError::ChannelUnexpected)?;
    let id = v
        .get("id")
        .and_then(|i| i.as_str())
        .filter(|i| is_channel_id(i))
        .ok_or(LensError::ChannelUnexpected)?
        .to_string();
    let upstream = v
        .get("connectUri")
        .and_then(|u| u.as_str())
        .filter(|u| upstream_allowed(api_base, u))
        .ok_or(LensError::ChannelUnexpected)?
        .to_string();
    let local = format!("ws://{host}{SOCKET_PATH_PREFIX}{id}");
    if let Some(obj) = v.as_object_mut() {
        obj.insert("connectUri".into(), serde_json::Value::String(local));
    }
    let body = serde_json::to_vec(&v).map_err(|_| LensError::ChannelUnexpected)?;
    Ok(Rewritten {
        body: body.into(),
        id,
        upstream,
    })
}

/// Longest channel id accepted (real ones are about 40 characters).
pub const MAX_CHANNEL_ID_LEN: usize = 128;

/// A notification channel id as `POST /api/v2/notifications/channels` returns it: letters, digits
/// and hyphens (Genesys' `streaming-0-…`, or the demo org's own), bounded in length.
pub fn is_channel_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_CHANNEL_ID_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_regions_streaming_host_or_the_api_host_is_dialled() {
        let real = "https://api.mypurecloud.ie";
        for (uri, ok) in [
            (
                "wss://streaming.mypurecloud.ie/channels/streaming-0-abc",
                true,
            ),
            ("wss://api.mypurecloud.ie/channels/x", true),
            ("ws://streaming.mypurecloud.ie/channels/x", false),
            ("wss://streaming.mypurecloud.com/channels/x", false),
            ("wss://streaming.mypurecloud.ie.evil.example/x", false),
            ("wss://streaming.mypurecloud.ie@evil.example/x", false),
            ("wss://streaming.mypurecloud.ie/../x", false),
            ("http://streaming.mypurecloud.ie/x", false),
        ] {
            assert_eq!(upstream_allowed(real, uri), ok, "{uri}");
        }
        let demo = "http://127.0.0.1:4567";
        assert!(upstream_allowed(demo, "ws://127.0.0.1:4567/channels/c1"));
        assert!(!upstream_allowed(demo, "ws://127.0.0.1:4568/channels/c1"));
        assert!(!upstream_allowed(demo, "wss://127.0.0.1:4567/channels/c1"));
        assert!(!upstream_allowed("not a url", "ws://x/"));
    }

    #[test]
    fn the_channel_answer_points_at_this_server_and_keeps_every_other_field() {
        let body = br#"{"connectUri":"wss://streaming.mypurecloud.ie/channels/streaming-0-abc","id":"streaming-0-abc","expires":"2026-11-30T13:00:00Z"}"#;
        let r = rewrite_channel(body, "https://api.mypurecloud.ie", "localhost:8080")
            .expect("rewritten");
        assert_eq!(r.id, "streaming-0-abc");
        assert_eq!(
            r.upstream,
            "wss://streaming.mypurecloud.ie/channels/streaming-0-abc"
        );
        let v: serde_json::Value = serde_json::from_slice(&r.body).expect("json");
        assert_eq!(
            v["connectUri"],
            "ws://localhost:8080/api/notifications/socket/streaming-0-abc"
        );
        assert_eq!(v["expires"], "2026-11-30T13:00:00Z");
    }

    #[test]
    fn an_unexpected_channel_answer_is_refused_not_relayed() {
        let base = "https://api.mypurecloud.ie";
        for body in [
            &b"not json"[..],
            br#"{"id":"c1"}"#,
            br#"{"id":"../x","connectUri":"wss://streaming.mypurecloud.ie/channels/x"}"#,
            br#"{"id":"c1","connectUri":"wss://evil.example/channels/c1"}"#,
        ] {
            assert_eq!(
                rewrite_channel(body, base, "localhost"),
                Err(LensError::ChannelUnexpected)
            );
        }
    }

    #[test]
    fn remembered_channels_are_bounded_and_relays_capped() {
        let s = Sockets::with_limit(2);
        for n in 0..(MAX_REMEMBERED + 5) {
            s.remember(&format!("c{n}"), &format!("ws://h/channels/c{n}"));
        }
        assert_eq!(s.upstream_for("c0"), None, "the oldest is forgotten");
        assert_eq!(
            s.upstream_for(&format!("c{}", MAX_REMEMBERED + 4))
                .as_deref(),
            Some(format!("ws://h/channels/c{}", MAX_REMEMBERED + 4).as_str())
        );
        s.remember("c5", "ws://h/new");
        assert_eq!(s.upstream_for("c5").as_deref(), Some("ws://h/new"));
        let a = s.try_open().expect("first");
        let _b = s.try_open().expect("second");
        assert_eq!(s.open_count(), 2);
        assert_eq!(
            s.try_open().err(),
            Some(LensError::TooManySockets { limit: 2 })
        );
        drop(a);
        assert!(s.try_open().is_ok(), "a closed relay frees its slot");
    }
}
