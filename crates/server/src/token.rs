//! The server's own access token: client-credentials exchange (reference/api-facts.md §3.1), cached,
//! refreshed before expiry, one exchange in flight at a time whatever its outcome.
//!
//! Every caller that finds no usable token joins the one exchange in flight (a spawned task, so a
//! caller that gives up or disconnects does not cancel it for the others). A failure is remembered
//! for a short, growing back-off, so a login host that refuses or hangs sees one request per
//! back-off period however many lookups are waiting, and never a burst (a login rate-limit risk).
//! Each caller waits at most the token timeout, so nobody queues behind a hung login.
//!
//! In sign-in-only mode (a region but no client credentials) the source holds nothing: every
//! [`TokenSource::get`] answers [`LensError::SignInRequired`] at once, without a request.

use crate::body::{BodyError, read_capped};
use crate::config::Credentials;
use crate::error::LensError;
use crate::secret::Secret;
use serde::Deserialize;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;

/// Longest a token request may take before we give up with 504 (the upstream timeout, if shorter).
pub const TOKEN_TIMEOUT: Duration = Duration::from_secs(10);
/// Refresh this long before `expires_in` runs out (capped at half the lifetime for short tokens).
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// If the login host omits `expires_in`, assume a short life rather than the 24 h default.
const FALLBACK_TTL: Duration = Duration::from_secs(600);
/// `expires_in` is clamped to this range: Genesys tokens live at most 48 h, and a number beyond
/// that is a broken login host, not a reason to overflow the clock.
const MIN_TTL: Duration = Duration::from_secs(1);
const MAX_TTL: Duration = Duration::from_secs(48 * 3600);
/// A token response is a few hundred bytes.
const MAX_TOKEN_BODY_BYTES: usize = 64 * 1024;

/// How long failures are remembered: `first` after one failure, doubling per further failure up to
/// `max`. Any success resets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            first: Duration::from_secs(2),
            max: Duration::from_secs(30),
        }
    }
}

impl Backoff {
    /// The wait after `failures` consecutive failures (≥ 1).
    pub fn after(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(16);
        self.first
            .checked_mul(1 << doublings)
            .unwrap_or(self.max)
            .min(self.max)
    }
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
}

/// What one exchange produces, shared with everyone who waited for it.
type Outcome = Result<Secret, LensError>;

enum Slot {
    Empty,
    Valid { token: Secret, refresh_at: Instant },
    Fetching(watch::Receiver<Option<Outcome>>),
    Failed { error: LensError, retry_at: Instant },
}

struct Cache {
    slot: Slot,
    /// Consecutive failed exchanges (drives the back-off).
    failures: u32,
}

struct Inner {
    http: reqwest::Client,
    token_url: String,
    /// `None`: sign-in only, no token of the server's own.
    credentials: Option<Credentials>,
    timeout: Duration,
    backoff: Backoff,
    cache: Mutex<Cache>,
    requests: AtomicU64,
}

/// Fetches and caches the server's token. Cheap to clone (shared inside). `Debug` shows neither
/// the secret nor the token.
#[derive(Clone)]
pub struct TokenSource {
    inner: Arc<Inner>,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSource")
            .field("token_url", &self.inner.token_url)
            .field("client_id", &self.client_id())
            .field("requests", &self.requests())
            .finish_non_exhaustive()
    }
}

enum Step {
    Done(Outcome),
    Wait(watch::Receiver<Option<Outcome>>),
}

impl TokenSource {
    /// `login_url` is the login base (`https://login.<domain>`); the token endpoint is `/oauth/token` on it.
    pub fn new(http: reqwest::Client, login_url: &str, credentials: Credentials) -> Self {
        Self::with_limits(
            http,
            login_url,
            credentials,
            TOKEN_TIMEOUT,
            Backoff::default(),
        )
    }

    /// Like [`TokenSource::new`] with an explicit timeout (per exchange and per caller's wait)
    /// and failure back-off.
    pub fn with_limits(
        http: reqwest::Client,
        login_url: &str,
        credentials: Credentials,
        timeout: Duration,
        backoff: Backoff,
    ) -> Self {
        Self::build(http, login_url, Some(credentials), timeout, backoff)
    }

    /// Sign-in only: no credentials, so no token of the server's own; [`TokenSource::get`]
    /// always answers [`LensError::SignInRequired`]. The login URL still serves the PKCE
    /// exchange.
    pub fn without_credentials(http: reqwest::Client, login_url: &str) -> Self {
        Self::build(http, login_url, None, TOKEN_TIMEOUT, Backoff::default())
    }

    fn build(
        http: reqwest::Client,
        login_url: &str,
        credentials: Option<Credentials>,
        timeout: Duration,
        backoff: Backoff,
    ) -> Self {
        TokenSource {
            inner: Arc::new(Inner {
                http,
                token_url: format!("{}/oauth/token", login_url.trim_end_matches('/')),
                credentials,
                timeout,
                backoff,
                cache: Mutex::new(Cache {
                    slot: Slot::Empty,
                    failures: 0,
                }),
                requests: AtomicU64::new(0),
            }),
        }
    }

    /// The OAuth client this source authenticates as (not secret); `None` in sign-in-only mode.
    pub fn client_id(&self) -> Option<&str> {
        self.inner
            .credentials
            .as_ref()
            .map(|c| c.client_id.as_str())
    }

    /// Whether the server has a token of its own to fall back on (false: sign-in only).
    pub fn has_credentials(&self) -> bool {
        self.inner.credentials.is_some()
    }

    /// The login base (`https://login.<domain>`): where `/oauth/authorize` and `/oauth/token` live.
    pub fn login_url(&self) -> &str {
        let url = &self.inner.token_url;
        url.strip_suffix("/oauth/token").unwrap_or(url)
    }

    /// How many token requests have been sent (for tests, health and the bench).
    pub fn requests(&self) -> u64 {
        self.inner.requests.load(Ordering::Relaxed)
    }

    /// A valid token: the cached one, the result of the exchange in flight, a remembered recent
    /// failure, or a new exchange. Waits at most the token timeout.
    pub async fn get(&self) -> Result<Secret, LensError> {
        if self.inner.credentials.is_none() {
            return Err(LensError::SignInRequired);
        }
        let rx = match self.step() {
            Step::Done(outcome) => return outcome,
            Step::Wait(rx) => rx,
        };
        tokio::time::timeout(self.inner.timeout, wait_for(rx))
            .await
            .unwrap_or(Err(LensError::TokenTimeout))
    }

    /// Drops `stale` after the API rejected it with 401. A token fetched meanwhile by another
    /// request is kept, so a burst of 401s still causes only one new token request.
    pub fn invalidate(&self, stale: &Secret) {
        let mut cache = self.inner.lock();
        if matches!(&cache.slot, Slot::Valid { token, .. } if token == stale) {
            cache.slot = Slot::Empty;
        }
    }

    fn step(&self) -> Step {
        let now = Instant::now();
        let mut cache = self.inner.lock();
        match &cache.slot {
            Slot::Valid { token, refresh_at } if now < *refresh_at => {
                return Step::Done(Ok(token.clone()));
            }
            Slot::Failed { error, retry_at } if now < *retry_at => {
                return Step::Done(Err(error.clone()));
            }
            // A live exchange: join it. (A dead one, whose task ended without answering, is
            // replaced below.)
            Slot::Fetching(rx) if rx.has_changed().is_ok() => return Step::Wait(rx.clone()),
            _ => {}
        }
        let (tx, rx) = watch::channel(None);
        cache.slot = Slot::Fetching(rx.clone());
        drop(cache);
        self.inner.requests.fetch_add(1, Ordering::Relaxed);
        let inner = self.inner.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            let fetched = tokio::time::timeout(inner.timeout, inner.fetch(started))
                .await
                .unwrap_or(Err(LensError::TokenTimeout));
            let outcome = inner.settle(fetched);
            let _ = tx.send(Some(outcome));
        });
        Step::Wait(rx)
    }
}

async fn wait_for(mut rx: watch::Receiver<Option<Outcome>>) -> Outcome {
    loop {
        if let Some(outcome) = rx.borrow_and_update().clone() {
            return outcome;
        }
        if rx.changed().await.is_err() {
            // The exchange task ended without an answer (it cannot, short of a panic).
            return Err(LensError::TokenUnreachable);
        }
    }
}

/// A token and when to replace it.
struct Fresh {
    token: Secret,
    refresh_at: Instant,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, Cache> {
        // Nothing panics while holding the lock; if something ever did, the cache is still valid.
        self.cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Stores the exchange's result for everyone: the token, or the failure until its back-off ends.
    fn settle(&self, fetched: Result<Fresh, LensError>) -> Outcome {
        let mut cache = self.lock();
        match fetched {
            Ok(fresh) => {
                cache.failures = 0;
                let token = fresh.token.clone();
                cache.slot = Slot::Valid {
                    token: fresh.token,
                    refresh_at: fresh.refresh_at,
                };
                Ok(token)
            }
            Err(error) => {
                cache.failures = cache.failures.saturating_add(1);
                let wait = self.backoff.after(cache.failures);
                let now = Instant::now();
                tracing::warn!(
                    code = error.code(),
                    retry_in_ms = wait.as_millis() as u64,
                    "token exchange failed; remembering the failure"
                );
                cache.slot = Slot::Failed {
                    error: error.clone(),
                    retry_at: now.checked_add(wait).unwrap_or(now),
                };
                Err(error)
            }
        }
    }

    async fn fetch(&self, started: Instant) -> Result<Fresh, LensError> {
        let credentials = self.credentials.as_ref().ok_or(LensError::SignInRequired)?;
        let transport = |e: reqwest::Error| {
            tracing::warn!(
                timeout = e.is_timeout(),
                connect = e.is_connect(),
                "token request failed"
            );
            if e.is_timeout() {
                LensError::TokenTimeout
            } else {
                LensError::TokenUnreachable
            }
        };
        let resp = self
            .http
            .post(&self.token_url)
            .basic_auth(
                &credentials.client_id,
                Some(credentials.client_secret.expose()),
            )
            .form(&[("grant_type", "client_credentials")])
            .timeout(self.timeout)
            .send()
            .await
            .map_err(transport)?;
        let status = resp.status();
        if !status.is_success() {
            tracing::warn!(status = status.as_u16(), "token request refused");
            return Err(LensError::TokenRefused {
                status: status.as_u16(),
            });
        }
        let bytes = read_capped(resp, MAX_TOKEN_BODY_BYTES)
            .await
            .map_err(|e| match e {
                BodyError::TooLarge => LensError::TokenMalformed,
                BodyError::Transport(e) => transport(e),
            })?;
        let body: TokenResponse = serde_json::from_slice(&bytes).map_err(|_| {
            tracing::warn!("token response was not the expected JSON");
            LensError::TokenMalformed
        })?;
        if body.access_token.is_empty() {
            return Err(LensError::TokenMalformed);
        }
        let ttl = lifetime(body.expires_in.as_ref());
        let margin = REFRESH_MARGIN.min(ttl / 2);
        tracing::info!(
            expires_in_s = ttl.as_secs(),
            "obtained an access token (client credentials)"
        );
        Ok(Fresh {
            token: Secret::new(body.access_token),
            // Measured from before the request was sent, so we never overestimate the lifetime.
            refresh_at: started.checked_add(ttl - margin).unwrap_or(started),
        })
    }
}

/// `expires_in` as a lifetime: whole or fractional seconds, clamped to what a Genesys token can
/// live; absent or not a number → the short fallback.
fn lifetime(expires_in: Option<&serde_json::Value>) -> Duration {
    let secs = match expires_in.and_then(serde_json::Value::as_number) {
        None => return FALLBACK_TTL,
        Some(n) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.is_finite())
                    .map(|f| f.max(0.0) as u64)
            })
            .unwrap_or(0),
    };
    Duration::from_secs(secs.min(MAX_TTL.as_secs())).max(MIN_TTL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lifetimes_are_clamped_never_overflowing() {
        assert_eq!(lifetime(Some(&json!(3600))), Duration::from_secs(3600));
        assert_eq!(lifetime(Some(&json!(u64::MAX))), MAX_TTL);
        assert_eq!(lifetime(Some(&json!(1e300))), MAX_TTL);
        assert_eq!(lifetime(Some(&json!(-5))), MIN_TTL);
        assert_eq!(lifetime(Some(&json!(0))), MIN_TTL);
        assert_eq!(lifetime(Some(&json!("3600"))), FALLBACK_TTL);
        assert_eq!(lifetime(None), FALLBACK_TTL);
        // The refresh point is computable from any instant for every clamped lifetime.
        let now = Instant::now();
        for v in [json!(u64::MAX), json!(i64::MIN), json!(1.5)] {
            let ttl = lifetime(Some(&v));
            assert!(now.checked_add(ttl - REFRESH_MARGIN.min(ttl / 2)).is_some());
        }
    }

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let b = Backoff::default();
        assert_eq!(b.after(1), Duration::from_secs(2));
        assert_eq!(b.after(2), Duration::from_secs(4));
        assert_eq!(b.after(5), Duration::from_secs(30));
        assert_eq!(b.after(u32::MAX), Duration::from_secs(30));
    }
}
