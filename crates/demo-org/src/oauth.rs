//! `POST /oauth/token` (client-credentials grant) and the bearer tokens it issues.
//!
//! Shape from reference/api-facts.md §3.1: Basic auth (or `client_id`/`client_secret` in the form, which RFC 6749
//! §2.3.1 also allows), form `grant_type=client_credentials`, answer
//! `{access_token, token_type, expires_in}`. Failures use RFC 6749 §5.2 bodies
//! (`{"error":"invalid_client","error_description":…}`), not Genesys `ErrorBody`: the login host
//! speaks OAuth. Exact upstream error wording is UNVERIFIED.
//!
//! Token lifetimes run on real time (not the simulated clock): clients cache tokens by
//! `expires_in` seconds of their own wall clock.

use crate::clients::{self, DemoClient};
use base64::Engine as _;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Successful token response (RFC 6749 §5.1 field names, as Genesys samples read them).
#[derive(Clone, Serialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub token_type: &'static str,
    pub expires_in: u64,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &"****")
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// RFC 6749 §5.2 error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OAuthError {
    pub error: &'static str,
    pub error_description: String,
    /// HTTP status: 401 for `invalid_client`, 400 otherwise.
    #[serde(skip)]
    pub status: u16,
}

impl OAuthError {
    fn invalid_client(desc: &str) -> Self {
        Self {
            error: "invalid_client",
            error_description: desc.to_owned(),
            status: 401,
        }
    }
    fn invalid_request(desc: &str) -> Self {
        Self {
            error: "invalid_request",
            error_description: desc.to_owned(),
            status: 400,
        }
    }
    fn unsupported_grant_type(grant: &str) -> Self {
        Self {
            error: "unsupported_grant_type",
            error_description: format!(
                "Grant type [{grant}] is not supported here; the demo org issues tokens for grant_type=client_credentials and grant_type=authorization_code (with PKCE)."
            ),
            status: 400,
        }
    }
}

/// What a valid token stands for.
#[derive(Debug, Clone, Copy)]
pub struct Caller {
    pub client: &'static DemoClient,
    /// The signed-in person (Authorization Code grant); `None` for client credentials.
    pub user: Option<&'static crate::users::DemoUser>,
}

impl Caller {
    /// True when the token may use an endpoint needing ANY of `permissions`: a user token has its
    /// user's permissions, a client-credentials token its client's role permissions.
    #[must_use]
    pub fn has_any(&self, permissions: &[&str]) -> bool {
        match self.user {
            Some(u) => u.has_any(permissions),
            None => self.client.has_any(permissions),
        }
    }
}

#[derive(Clone, Copy)]
struct Issued {
    client: &'static DemoClient,
    user: Option<&'static crate::users::DemoUser>,
    expires_at: Instant,
}

/// Tokens issued by this org (in memory; a restart forgets them, like a revocation).
#[derive(Default)]
pub struct TokenStore {
    tokens: Mutex<HashMap<String, Issued>>,
}

impl std::fmt::Debug for TokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.tokens.lock().map_or(0, |t| t.len());
        f.debug_struct("TokenStore").field("tokens", &n).finish()
    }
}

/// Who is asking for a token: the `Authorization` header and the form fields.
#[derive(Default)]
pub struct TokenRequest<'a> {
    pub authorization: Option<&'a str>,
    pub grant_type: Option<&'a str>,
    pub client_id: Option<&'a str>,
    pub client_secret: Option<&'a str>,
}

impl TokenStore {
    /// Validate a token request and issue a token valid for `ttl_secs`.
    ///
    /// # Errors
    /// RFC 6749 errors: `invalid_client` (unknown id, wrong secret, no credentials),
    /// `invalid_request` (no grant type), `unsupported_grant_type`.
    pub fn issue(
        &self,
        req: &TokenRequest<'_>,
        ttl_secs: u64,
    ) -> Result<TokenResponse, OAuthError> {
        let (id, secret) = credentials(req)?;
        let client = clients::find(&id).filter(|c| c.secret_matches(&secret)).ok_or_else(|| {
            OAuthError::invalid_client(
                "Client authentication failed: unknown client_id or wrong client_secret. GET /demo/clients lists the demo clients.",
            )
        })?;
        match req.grant_type.map(str::trim) {
            None | Some("") => {
                return Err(OAuthError::invalid_request(
                    "Missing grant_type. Send grant_type=client_credentials as application/x-www-form-urlencoded.",
                ));
            }
            Some("client_credentials") => {}
            Some(other) => return Err(OAuthError::unsupported_grant_type(other)),
        }
        Ok(self.remember(client, None, ttl_secs))
    }

    /// The caller behind a bearer token; `None` when unknown or expired.
    #[must_use]
    pub fn lookup(&self, token: &str) -> Option<Caller> {
        let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        let issued = *tokens.get(token)?;
        if Instant::now() >= issued.expires_at {
            tokens.remove(token);
            return None;
        }
        Some(Caller {
            client: issued.client,
            user: issued.user,
        })
    }

    /// A token for `user` signed in through `client` (Authorization Code grant), valid `ttl_secs`.
    pub fn issue_for_user(
        &self,
        client: &'static DemoClient,
        user: &'static crate::users::DemoUser,
        ttl_secs: u64,
    ) -> TokenResponse {
        self.remember(client, Some(user), ttl_secs)
    }

    /// Remembers a new token for `client` (and the signed-in `user`, if any) for `ttl_secs`.
    fn remember(
        &self,
        client: &'static DemoClient,
        user: Option<&'static crate::users::DemoUser>,
        ttl_secs: u64,
    ) -> TokenResponse {
        let token = new_token();
        let expires_at = Instant::now() + Duration::from_secs(ttl_secs);
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(
                token.clone(),
                Issued {
                    client,
                    user,
                    expires_at,
                },
            );
        TokenResponse {
            access_token: token,
            token_type: "bearer",
            expires_in: ttl_secs,
        }
    }

    /// Forget a token (a replayed authorization code revokes what it gave).
    pub fn revoke(&self, token: &str) {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(token);
    }

    /// Seconds the token has left (for `GET /api/v2/tokens/me`).
    #[must_use]
    pub fn remaining_secs(&self, token: &str) -> Option<u64> {
        let tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        tokens.get(token).map(|t| {
            t.expires_at
                .saturating_duration_since(Instant::now())
                .as_secs()
        })
    }
}

/// Client id + secret from Basic auth, else from the form (RFC 6749 §2.3.1).
fn credentials(req: &TokenRequest<'_>) -> Result<(String, String), OAuthError> {
    if let Some(auth) = req.authorization {
        let Some(b64) = auth
            .strip_prefix("Basic ")
            .or_else(|| auth.strip_prefix("basic "))
        else {
            return Err(OAuthError::invalid_client(
                "Unsupported Authorization scheme. Use Basic base64(client_id:client_secret).",
            ));
        };
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| {
                OAuthError::invalid_client(
                    "The Basic credentials are not valid base64 of client_id:client_secret.",
                )
            })?;
        let (id, secret) = decoded.split_once(':').ok_or_else(|| {
            OAuthError::invalid_client("The Basic credentials must be client_id:client_secret.")
        })?;
        return Ok((id.to_owned(), secret.to_owned()));
    }
    match (req.client_id, req.client_secret) {
        (Some(id), Some(secret)) => Ok((id.to_owned(), secret.to_owned())),
        _ => Err(OAuthError::invalid_client(
            "No client credentials. Send Authorization: Basic base64(client_id:client_secret) or client_id and client_secret form fields.",
        )),
    }
}

/// An opaque random token (looks like Genesys': URL-safe base64, ~86 chars).
fn new_token() -> String {
    let mut bytes = Vec::with_capacity(64);
    for _ in 0..4 {
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic(id: &str, secret: &str) -> String {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"))
        )
    }

    #[test]
    fn basic_auth_and_form_credentials_both_work() {
        let store = TokenStore::default();
        let c = &clients::DEMO_CLIENTS[0];
        let auth = basic(c.id, c.secret);
        let r = store.issue(
            &TokenRequest {
                authorization: Some(&auth),
                grant_type: Some("client_credentials"),
                ..Default::default()
            },
            60,
        );
        let Ok(tok) = r else {
            panic!("basic auth rejected: {r:?}")
        };
        assert_eq!(tok.expires_in, 60);
        assert!(store.lookup(&tok.access_token).is_some());
        let r = store.issue(
            &TokenRequest {
                grant_type: Some("client_credentials"),
                client_id: Some(c.id),
                client_secret: Some(c.secret),
                ..Default::default()
            },
            60,
        );
        assert!(r.is_ok());
    }

    #[test]
    fn wrong_secret_unknown_client_and_bad_grant() {
        let store = TokenStore::default();
        let c = &clients::DEMO_CLIENTS[0];
        let auth = basic(c.id, "nope");
        let r = store.issue(
            &TokenRequest {
                authorization: Some(&auth),
                grant_type: Some("client_credentials"),
                ..Default::default()
            },
            60,
        );
        assert_eq!(
            r.map(|_| ()).map_err(|e| (e.error, e.status)),
            Err(("invalid_client", 401))
        );
        let auth = basic("who", "nope");
        let r = store.issue(
            &TokenRequest {
                authorization: Some(&auth),
                grant_type: Some("client_credentials"),
                ..Default::default()
            },
            60,
        );
        assert_eq!(r.map(|_| ()).map_err(|e| e.error), Err("invalid_client"));
        let auth = basic(c.id, c.secret);
        let r = store.issue(
            &TokenRequest {
                authorization: Some(&auth),
                grant_type: Some("password"),
                ..Default::default()
            },
            60,
        );
        assert_eq!(
            r.map(|_| ()).map_err(|e| (e.error, e.status)),
            Err(("unsupported_grant_type", 400))
        );
    }

    #[test]
    fn zero_ttl_token_is_already_expired() {
        let store = TokenStore::default();
        let c = &clients::DEMO_CLIENTS[0];
        let auth = basic(c.id, c.secret);
        let r = store.issue(
            &TokenRequest {
                authorization: Some(&auth),
                grant_type: Some("client_credentials"),
                ..Default::default()
            },
            0,
        );
        let Ok(tok) = r else { panic!("rejected") };
        assert!(store.lookup(&tok.access_token).is_none());
        assert!(store.lookup("made-up").is_none());
    }
}
