//! The server's own access token: client-credentials exchange (reference/api-facts.md §3.1), cached,
//! refreshed before expiry, single-flight.
//!
//! Single-flight comes from holding one `tokio::sync::Mutex` across the refresh: the first caller
//! that finds no valid token fetches while every other caller waits on the lock and then reuses
//! the result, so N concurrent requests cause exactly one `POST /oauth/token`.

use crate::config::Credentials;
use crate::error::LensError;
use crate::secret::Secret;
use serde::Deserialize;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// How long the token request may take before we give up with 504.
pub const TOKEN_TIMEOUT: Duration = Duration::from_secs(10);
/// Refresh this long before `expires_in` runs out (capped at half the lifetime for short tokens).
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// If the login host omits `expires_in`, assume a short life rather than the 24 h default.
const FALLBACK_TTL: Duration = Duration::from_secs(600);

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

struct Cached {
    token: Secret,
    refresh_at: Instant,
}

/// Fetches and caches the server's token. `Debug` shows neither the secret nor the token.
pub struct TokenSource {
    http: reqwest::Client,
    token_url: String,
    credentials: Credentials,
    cache: Mutex<Option<Cached>>,
    requests: AtomicU64,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSource")
            .field("token_url", &self.token_url)
            .field("client_id", &self.credentials.client_id)
            .field("requests", &self.requests())
            .finish_non_exhaustive()
    }
}

impl TokenSource {
    /// `login_url` is the login base (`https://login.<domain>`); the token endpoint is `/oauth/token` on it.
    pub fn new(http: reqwest::Client, login_url: &str, credentials: Credentials) -> Self {
        TokenSource {
            http,
            token_url: format!("{}/oauth/token", login_url.trim_end_matches('/')),
            credentials,
            cache: Mutex::new(None),
            requests: AtomicU64::new(0),
        }
    }

    /// The OAuth client this source authenticates as (not secret).
    pub fn client_id(&self) -> &str {
        &self.credentials.client_id
    }

    /// How many token requests have been sent (for tests, health and the bench).
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// A valid token, fetching one if the cache is empty or due for refresh.
    pub async fn get(&self) -> Result<Secret, LensError> {
        let mut cache = self.cache.lock().await;
        if let Some(c) = cache.as_ref()
            && Instant::now() < c.refresh_at
        {
            return Ok(c.token.clone());
        }
        let fresh = self.fetch().await?;
        let token = fresh.token.clone();
        *cache = Some(fresh);
        Ok(token)
    }

    /// Drops `stale` after the API rejected it with 401. A token fetched meanwhile by another
    /// request is kept, so a burst of 401s still causes only one new token request.
    pub async fn invalidate(&self, stale: &Secret) {
        let mut cache = self.cache.lock().await;
        if cache.as_ref().is_some_and(|c| &c.token == stale) {
            *cache = None;
        }
    }

    async fn fetch(&self) -> Result<Cached, LensError> {
        let started = Instant::now();
        self.requests.fetch_add(1, Ordering::Relaxed);
        let resp = self
            .http
            .post(&self.token_url)
            .basic_auth(
                &self.credentials.client_id,
                Some(self.credentials.client_secret.expose()),
            )
            .form(&[("grant_type", "client_credentials")])
            .timeout(TOKEN_TIMEOUT)
            .send()
            .await
            .map_err(|e| {
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
            })?;
        let status = resp.status();
        if !status.is_success() {
            tracing::warn!(status = status.as_u16(), "token request refused");
            return Err(LensError::TokenRefused {
                status: status.as_u16(),
            });
        }
        let body: TokenResponse = resp.json().await.map_err(|_| {
            tracing::warn!("token response was not the expected JSON");
            LensError::TokenMalformed
        })?;
        if body.access_token.is_empty() {
            return Err(LensError::TokenMalformed);
        }
        let ttl = body
            .expires_in
            .map(Duration::from_secs)
            .unwrap_or(FALLBACK_TTL);
        let margin = REFRESH_MARGIN.min(ttl / 2);
        tracing::info!(
            expires_in_s = ttl.as_secs(),
            "obtained an access token (client credentials)"
        );
        Ok(Cached {
            token: Secret::new(body.access_token),
            // Measured from before the request was sent, so we never overestimate the lifetime.
            refresh_at: started + ttl - margin,
        })
    }
}
