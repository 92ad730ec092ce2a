//! The Authorization Code grant with PKCE (RFC 6749 §4.1, RFC 7636): checking an authorize
//! request, the codes it issues, and redeeming one at `POST /oauth/token`.
//!
//! A code is single-use and short-lived ([`CODE_TTL`]). It is consumed by the first redemption
//! that names it, right or wrong (a wrong verifier burns it: the person signs in again), and a
//! second redemption also revokes the token the first one got (RFC 6749 §4.1.2 "SHOULD"). Only
//! `S256` challenges are accepted. The exact Genesys error wording is UNVERIFIED; the error
//! codes and statuses are RFC 6749's.

use crate::clients::{self, DemoClient, PKCE_CLIENT};
use crate::oauth::OAuthError;
use crate::users::{self, DemoUser};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a code may wait for its redemption.
pub const CODE_TTL: Duration = Duration::from_secs(60);
/// Most codes kept at once (used ones are kept until they expire, to spot a replay).
const MAX_CODES: usize = 10_000;

/// True for a redirect URI the demo PKCE client accepts: `http://127.0.0.1[:port][/path]` or
/// `http://localhost[:port][/path]`, no user info, no fragment.
#[must_use]
pub fn redirect_allowed(uri: &str) -> bool {
    let Some(rest) = uri.strip_prefix("http://") else {
        return false;
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host_ok = match authority.split_once(':') {
        Some((host, port)) => {
            matches!(host, "127.0.0.1" | "localhost")
                && !port.is_empty()
                && port.len() <= 5
                && port.bytes().all(|b| b.is_ascii_digit())
        }
        None => matches!(authority, "127.0.0.1" | "localhost"),
    };
    host_ok && !tail.contains('#') && !tail.bytes().any(|b| b.is_ascii_whitespace())
}

/// An authorize request (query of `GET /oauth/authorize`, form of the sign-in page's POST).
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct AuthorizeParams {
    pub response_type: Option<String>,
    pub client_id: Option<String>,
    pub redirect_uri: Option<String>,
    pub code_challenge: Option<String>,
    pub code_challenge_method: Option<String>,
    pub state: Option<String>,
}

/// Why an authorize request fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizeError {
    /// Unknown client or unusable redirect URI: show an error page, never redirect (RFC 6749
    /// §4.1.2.1 — an unchecked redirect would be an open redirector).
    Page(String),
    /// Anything else: redirect back to the (valid) redirect URI with `error`.
    Redirect {
        redirect_uri: String,
        error: &'static str,
        description: String,
        state: Option<String>,
    },
}

/// A checked authorize request.
#[derive(Debug, Clone)]
pub struct Authorization {
    pub client: &'static DemoClient,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub state: Option<String>,
}

/// Check an authorize request in RFC 6749 §4.1.2.1 order: client and redirect URI first.
///
/// # Errors
/// [`AuthorizeError::Page`] or [`AuthorizeError::Redirect`].
pub fn check_authorize(p: &AuthorizeParams) -> Result<Authorization, AuthorizeError> {
    let client_id = p.client_id.as_deref().map(str::trim).unwrap_or("");
    if client_id.is_empty() {
        return Err(AuthorizeError::Page(
            "The request has no client_id. The app that sent you here must name its OAuth client."
                .into(),
        ));
    }
    let client = if client_id == PKCE_CLIENT.id {
        &PKCE_CLIENT
    } else if let Some(c) = clients::find(client_id) {
        c
    } else {
        return Err(AuthorizeError::Page(format!(
            "Unknown client_id {client_id:?}: no OAuth client of this org has that id. The demo org's sign-in client is {} ({}).",
            PKCE_CLIENT.id, PKCE_CLIENT.name
        )));
    };
    let redirect_uri = p.redirect_uri.as_deref().unwrap_or("");
    if !redirect_allowed(redirect_uri) {
        return Err(AuthorizeError::Page(format!(
            "The redirect_uri {redirect_uri:?} is not registered for client {}: it accepts http://127.0.0.1:<port>/… and http://localhost:<port>/… only. You were not sent anywhere.",
            client.name
        )));
    }
    let fail = |error: &'static str, description: String| AuthorizeError::Redirect {
        redirect_uri: redirect_uri.to_owned(),
        error,
        description,
        state: p.state.clone(),
    };
    if p.response_type.as_deref() != Some("code") {
        return Err(fail(
            "unsupported_response_type",
            "response_type must be code (Authorization Code grant).".into(),
        ));
    }
    if client.id != PKCE_CLIENT.id {
        return Err(fail(
            "unauthorized_client",
            format!(
                "Client {} may only use the client credentials grant.",
                client.name
            ),
        ));
    }
    let challenge = p.code_challenge.as_deref().unwrap_or("");
    if challenge.is_empty() {
        return Err(fail(
            "invalid_request",
            "code_challenge is required (PKCE).".into(),
        ));
    }
    if p.code_challenge_method.as_deref() != Some("S256") {
        return Err(fail(
            "invalid_request",
            "code_challenge_method must be S256; plain is not supported.".into(),
        ));
    }
    let is_s256 = challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !is_s256 {
        return Err(fail(
            "invalid_request",
            "code_challenge must be BASE64URL(SHA256(code_verifier)) without padding (43 characters).".into(),
        ));
    }
    Ok(Authorization {
        client,
        redirect_uri: redirect_uri.to_owned(),
        code_challenge: challenge.to_owned(),
        state: p.state.clone(),
    })
}

/// What a redeemed code stands for.
#[derive(Debug, Clone, Copy)]
pub struct Grant {
    pub client: &'static DemoClient,
    pub user: &'static DemoUser,
}

struct Entry {
    grant: Grant,
    redirect_uri: String,
    challenge: String,
    expires_at: Instant,
    /// Consumed; the token the first redemption got (revoked if the code comes back).
    used: Option<Option<String>>,
}

/// A `POST /oauth/token` with `grant_type=authorization_code`. `Debug` leaves the code and the
/// verifier out: together they are redeemable for a token.
#[derive(Default)]
pub struct Redemption<'a> {
    pub client_id: Option<&'a str>,
    pub code: Option<&'a str>,
    pub code_verifier: Option<&'a str>,
    pub redirect_uri: Option<&'a str>,
}

impl std::fmt::Debug for Redemption<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redacted = |v: Option<&str>| v.map(|_| "[redacted]");
        f.debug_struct("Redemption")
            .field("client_id", &self.client_id)
            .field("code", &redacted(self.code))
            .field("code_verifier", &redacted(self.code_verifier))
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// A refused redemption; `revoke` is a token to revoke (the code was replayed). `Debug` leaves
/// the token out.
pub struct RedeemError {
    pub error: OAuthError,
    pub revoke: Option<String>,
}

impl std::fmt::Debug for RedeemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedeemError")
            .field("error", &self.error)
            .field("revoke", &self.revoke.as_ref().map(|_| "[redacted]"))
            .finish()
    }
}

/// Codes issued by the sign-in page (in memory).
#[derive(Default)]
pub struct CodeStore {
    codes: Mutex<HashMap<String, Entry>>,
}

impl std::fmt::Debug for CodeStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.codes.lock().map_or(0, |c| c.len());
        f.debug_struct("CodeStore").field("codes", &n).finish()
    }
}

impl CodeStore {
    /// A new code for `user` signing in through `auth`, valid until `now + CODE_TTL`.
    ///
    /// # Errors
    /// `temporarily_unavailable` when too many codes are outstanding.
    pub fn issue(
        &self,
        auth: &Authorization,
        user: &'static DemoUser,
        now: Instant,
    ) -> Result<String, OAuthError> {
        let mut codes = self.codes.lock().unwrap_or_else(PoisonError::into_inner);
        codes.retain(|_, e| e.expires_at > now);
        if codes.len() >= MAX_CODES {
            return Err(OAuthError {
                error: "temporarily_unavailable",
                error_description: "Too many sign-ins in progress; try again in a minute.".into(),
                status: 503,
            });
        }
        let code = new_code();
        codes.insert(
            code.clone(),
            Entry {
                grant: Grant {
                    client: auth.client,
                    user,
                },
                redirect_uri: auth.redirect_uri.clone(),
                challenge: auth.code_challenge.clone(),
                expires_at: now + CODE_TTL,
                used: None,
            },
        );
        Ok(code)
    }

    /// Redeem a code (consuming it), checking client, redirect URI and verifier.
    ///
    /// # Errors
    /// `invalid_request` (a field missing), `invalid_client` (unknown client),
    /// `invalid_grant` (unknown, expired, used, other client, other redirect URI, wrong verifier).
    pub fn redeem(&self, r: &Redemption<'_>, now: Instant) -> Result<Grant, RedeemError> {
        let refuse = |error: OAuthError| RedeemError {
            error,
            revoke: None,
        };
        let client_id = required(r.client_id, "client_id").map_err(refuse)?;
        if client_id != PKCE_CLIENT.id && clients::find(client_id).is_none() {
            return Err(refuse(oauth_error(
                "invalid_client",
                401,
                "Unknown client_id.",
            )));
        }
        let code = required(r.code, "code").map_err(refuse)?;
        let redirect_uri = required(r.redirect_uri, "redirect_uri").map_err(refuse)?;
        let verifier = required(r.code_verifier, "code_verifier").map_err(refuse)?;
        let mut codes = self.codes.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(entry) = codes.get_mut(code) else {
            return Err(refuse(invalid_grant("Invalid authorization code.")));
        };
        if let Some(token) = &entry.used {
            return Err(RedeemError {
                error: invalid_grant(
                    "Authorization code already used; the token it gave has been revoked.",
                ),
                revoke: token.clone(),
            });
        }
        entry.used = Some(None);
        if now >= entry.expires_at {
            return Err(refuse(invalid_grant("Authorization code expired.")));
        }
        if entry.grant.client.id != client_id {
            return Err(refuse(invalid_grant(
                "Authorization code was issued to another client.",
            )));
        }
        if entry.redirect_uri != redirect_uri {
            return Err(refuse(invalid_grant(
                "redirect_uri does not match the one the authorization code was issued to.",
            )));
        }
        if !verifier_matches(verifier, &entry.challenge) {
            return Err(refuse(invalid_grant(
                "code_verifier does not match the code_challenge (S256).",
            )));
        }
        Ok(entry.grant)
    }

    /// Remember the token a code gave, so a replay of the code can revoke it.
    pub fn record_token(&self, code: &str, token: &str) {
        let mut codes = self.codes.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = codes.get_mut(code) {
            e.used = Some(Some(token.to_owned()));
        }
    }
}

fn required<'a>(v: Option<&'a str>, name: &str) -> Result<&'a str, OAuthError> {
    v.map(str::trim).filter(|v| !v.is_empty()).ok_or_else(|| {
        oauth_error(
            "invalid_request",
            400,
            &format!("Missing {name}. Send grant_type=authorization_code, code, code_verifier, client_id and redirect_uri."),
        )
    })
}

fn oauth_error(error: &'static str, status: u16, description: &str) -> OAuthError {
    OAuthError {
        error,
        error_description: description.to_owned(),
        status,
    }
}

fn invalid_grant(description: &str) -> OAuthError {
    oauth_error("invalid_grant", 400, description)
}

/// RFC 7636 §4.6: `BASE64URL(SHA256(verifier)) == challenge`, verifier 43-128 unreserved chars.
fn verifier_matches(verifier: &str, challenge: &str) -> bool {
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(Sha256::digest(verifier.as_bytes()));
    well_formed && computed == challenge
}

/// An opaque one-time code.
fn new_code() -> String {
    let mut bytes = Vec::with_capacity(32);
    for _ in 0..2 {
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The user a sign-in page button names.
#[must_use]
pub fn user(id: &str) -> Option<&'static DemoUser> {
    users::find(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 7636 appendix B.
    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    const REDIRECT: &str = "http://127.0.0.1:8080/auth/callback";

    fn params() -> AuthorizeParams {
        AuthorizeParams {
            response_type: Some("code".into()),
            client_id: Some(PKCE_CLIENT.id.into()),
            redirect_uri: Some(REDIRECT.into()),
            code_challenge: Some(CHALLENGE.into()),
            code_challenge_method: Some("S256".into()),
            state: Some("st".into()),
        }
    }

    fn redemption<'a>(code: &'a str, verifier: &'a str) -> Redemption<'a> {
        Redemption {
            client_id: Some(PKCE_CLIENT.id),
            code: Some(code),
            code_verifier: Some(verifier),
            redirect_uri: Some(REDIRECT),
        }
    }

    #[test]
    fn debug_leaves_codes_verifiers_and_tokens_out() {
        let r = format!("{:?}", redemption("the-code-1234", VERIFIER));
        assert!(!r.contains("the-code-1234") && !r.contains(VERIFIER), "{r}");
        assert!(r.contains(PKCE_CLIENT.id), "{r}");
        let e = RedeemError {
            error: OAuthError {
                error: "invalid_grant",
                error_description: "replayed".into(),
                status: 400,
            },
            revoke: Some("token-to-revoke".into()),
        };
        assert!(!format!("{e:?}").contains("token-to-revoke"));
    }

    #[test]
    fn loopback_redirects_only() {
        for ok in [
            REDIRECT,
            "http://localhost:3000/",
            "http://127.0.0.1",
            "http://localhost:1/x?y=1",
        ] {
            assert!(redirect_allowed(ok), "{ok}");
        }
        for bad in [
            "https://127.0.0.1:8080/",
            "http://127.0.0.1.evil.example/",
            "http://127.0.0.1:8080@evil.example/",
            "http://evil.example/?http://127.0.0.1:1",
            "http://localhost:/",
            "http://localhost:80a/",
            "http://127.0.0.1:8080/#frag",
            "",
        ] {
            assert!(!redirect_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn authorize_errors_page_before_redirect() {
        let mut p = params();
        p.client_id = Some("nope".into());
        assert!(matches!(check_authorize(&p), Err(AuthorizeError::Page(_))));
        let mut p = params();
        p.redirect_uri = Some("https://evil.example/cb".into());
        p.response_type = Some("token".into());
        assert!(matches!(check_authorize(&p), Err(AuthorizeError::Page(_))));
        let mut p = params();
        p.response_type = Some("token".into());
        assert!(matches!(
            check_authorize(&p),
            Err(AuthorizeError::Redirect {
                error: "unsupported_response_type",
                ..
            })
        ));
        let mut p = params();
        p.code_challenge_method = None;
        assert!(matches!(
            check_authorize(&p),
            Err(AuthorizeError::Redirect { error: "invalid_request", state: Some(s), .. }) if s == "st"
        ));
        let mut p = params();
        p.client_id = Some(clients::DEMO_CLIENTS[0].id.into());
        assert!(matches!(
            check_authorize(&p),
            Err(AuthorizeError::Redirect {
                error: "unauthorized_client",
                ..
            })
        ));
        assert!(check_authorize(&params()).is_ok());
    }

    fn issue(store: &CodeStore, now: Instant) -> String {
        let auth = check_authorize(&params()).expect("valid");
        store
            .issue(&auth, &users::DEMO_USERS[1], now)
            .expect("issued")
    }

    #[test]
    fn happy_path_then_reuse_is_refused_and_revokes() {
        let store = CodeStore::default();
        let now = Instant::now();
        let code = issue(&store, now);
        let g = store.redeem(&redemption(&code, VERIFIER), now).expect("ok");
        assert_eq!(g.user.name, "Omar Haddad");
        store.record_token(&code, "tok");
        let again = store
            .redeem(&redemption(&code, VERIFIER), now)
            .expect_err("reused");
        assert_eq!(
            (again.error.error, again.error.status),
            ("invalid_grant", 400)
        );
        assert_eq!(again.revoke.as_deref(), Some("tok"));
    }

    #[test]
    fn wrong_verifier_wrong_redirect_expired_unknown() {
        let store = CodeStore::default();
        let now = Instant::now();
        let code = issue(&store, now);
        let e = store
            .redeem(&redemption(&code, &"x".repeat(43)), now)
            .expect_err("wrong verifier");
        assert_eq!(e.error.error, "invalid_grant");
        assert!(e.error.error_description.contains("code_verifier"));
        // The attempt consumed the code.
        assert!(store.redeem(&redemption(&code, VERIFIER), now).is_err());

        let code = issue(&store, now);
        let mut r = redemption(&code, VERIFIER);
        r.redirect_uri = Some("http://127.0.0.1:9999/auth/callback");
        let e = store.redeem(&r, now).expect_err("wrong redirect");
        assert!(e.error.error_description.contains("redirect_uri"));

        let code = issue(&store, now);
        let e = store
            .redeem(&redemption(&code, VERIFIER), now + CODE_TTL)
            .expect_err("expired");
        assert!(e.error.error_description.contains("expired"));

        let e = store
            .redeem(&redemption("made-up", VERIFIER), now)
            .expect_err("unknown");
        assert_eq!(e.error.error, "invalid_grant");

        let mut r = redemption("x", VERIFIER);
        r.code_verifier = None;
        let e = store.redeem(&r, now).expect_err("missing");
        assert_eq!((e.error.error, e.error.status), ("invalid_request", 400));
        let mut r = redemption("x", VERIFIER);
        r.client_id = Some("who");
        let e = store.redeem(&r, now).expect_err("client");
        assert_eq!((e.error.error, e.error.status), ("invalid_client", 401));
    }
}
