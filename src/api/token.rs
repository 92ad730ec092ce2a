//! A user-pasted access token, or one of a demo client. Kept in memory only (a signal; never
//! localStorage), sent as `Authorization: Bearer` on each request and forwarded by the server,
//! never stored there.

use std::fmt;

use gloo_net::http::Request;
use leptos::prelude::{ArcRwSignal, Get, Set};
use serde::Deserialize;

use crate::error::AppError;

/// An access token of the user's. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct UserToken {
    value: String,
    /// The demo client it was issued to, when it came from the drawer's demo choices.
    demo_client: Option<&'static str>,
    /// Who signed in (PKCE sign-in), when it came from "Sign in".
    signed_in: Option<SignedIn>,
}

/// The person a signed-in token belongs to, and whether Genesys has since refused it (401).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub name: String,
    expired: ArcRwSignal<bool>,
}

impl UserToken {
    /// Accept a pasted token, with or without a `Bearer ` prefix. Empty input means "no token".
    #[must_use]
    pub fn parse(text: &str) -> Option<UserToken> {
        let t = text.trim();
        let t = t
            .strip_prefix("Bearer ")
            .or_else(|| t.strip_prefix("bearer "))
            .unwrap_or(t)
            .trim();
        (!t.is_empty()).then(|| UserToken {
            value: t.to_owned(),
            demo_client: None,
            signed_in: None,
        })
    }

    /// The token of a finished sign-in, for `name` (from `GET /api/v2/users/me`).
    #[must_use]
    pub fn signed_in(value: String, name: String) -> UserToken {
        UserToken {
            value,
            demo_client: None,
            signed_in: Some(SignedIn {
                name,
                expired: ArcRwSignal::new(false),
            }),
        }
    }

    /// Who signed in, for a token from "Sign in".
    #[must_use]
    pub fn signed_in_as(&self) -> Option<&str> {
        self.signed_in.as_ref().map(|s| s.name.as_str())
    }

    /// True once an API call with this signed-in token answered 401 (reactive).
    #[must_use]
    pub fn expired(&self) -> bool {
        self.signed_in.as_ref().is_some_and(|s| s.expired.get())
    }

    /// Record a 401 for this token (only signed-in tokens show the "sign in again" prompt).
    pub fn mark_expired(&self) {
        if let Some(s) = &self.signed_in {
            s.expired.set(true);
        }
    }

    /// The `Authorization` header value.
    #[must_use]
    pub fn header_value(&self) -> String {
        format!("Bearer {}", self.value)
    }

    /// The demo client this token belongs to (`None` for a pasted token).
    #[must_use]
    pub fn demo_client(&self) -> Option<&'static str> {
        self.demo_client
    }
}

impl fmt::Debug for UserToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserToken")
            .field("value", &"****")
            .field("demo_client", &self.demo_client)
            .field("signed_in", &self.signed_in_as())
            .finish()
    }
}

/// The part of the OAuth token response the app keeps. No `Debug`: it holds the token.
#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
}

/// `POST /api/demo/token {"client": …}`: a token of one of the demo org's clients (demo mode
/// only; the server exchanges that client's credentials with the demo org).
///
/// # Errors
/// When the server is unreachable, refuses (not demo mode, unknown client) or answers no token.
/// No error text ever contains the token.
pub async fn demo_client_token(client: &'static str) -> Result<UserToken, AppError> {
    const URL: &str = "/api/demo/token";
    let resp = Request::post(URL)
        .header("Content-Type", "application/json")
        .body(serde_json::json!({ "client": client }).to_string())
        .map_err(|e| AppError::Network(e.to_string()))?
        .send()
        .await
        .map_err(|e| AppError::Network(e.to_string()))?;
    if !resp.ok() {
        return Err(AppError::Status {
            url: URL.to_owned(),
            status: resp.status(),
        });
    }
    let text = super::http::text(&resp).await?;
    let decoded = serde_json::from_str::<TokenResponse>(&text)
        .ok()
        .filter(|t| !t.access_token.trim().is_empty());
    match decoded {
        Some(t) => Ok(UserToken {
            value: t.access_token.trim().to_owned(),
            demo_client: Some(client),
            signed_in: None,
        }),
        // Say what was missing, not what came back: the body may hold a token.
        None => Err(AppError::Decode {
            url: URL.to_owned(),
            detail: "no access_token in the answer".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_redact() {
        assert_eq!(UserToken::parse("  "), None);
        let t = UserToken::parse("Bearer abc123 ").expect("token");
        assert_eq!(t.header_value(), "Bearer abc123");
        assert_eq!(t.demo_client(), None);
        assert!(!format!("{t:?}").contains("abc123"));
        let d = UserToken {
            value: "xyz789".to_owned(),
            demo_client: Some("lens-demo-no-analytics"),
            signed_in: None,
        };
        let shown = format!("{d:?}");
        assert!(!shown.contains("xyz789"), "{shown}");
        assert!(shown.contains("lens-demo-no-analytics"));
    }
}
