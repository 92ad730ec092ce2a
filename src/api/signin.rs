//! "Sign in with Genesys Cloud" in the browser: start a PKCE sign-in (random verifier and state
//! from `crypto.getRandomValues`, kept in this tab's sessionStorage for the round trip only),
//! and on the way back exchange the code through the server (`POST /api/oauth/token`, which
//! forwards it and keeps nothing) and ask `GET /api/v2/users/me` who signed in. The token is
//! returned to the caller, never stored.

use gloo_net::http::Request;
use lens::pkce::{AuthorizeRequest, ClientId, CodeVerifier, PkceState, redirect_uri_for};
use serde::Deserialize;

use super::token::UserToken;
use crate::error::AppError;
use crate::logic::sign_in::{CLIENT_ID_KEY, PENDING_KEY, Pending};

/// Why the code could not be exchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeFailure {
    /// The login host said no (RFC 6749 §5.2 body).
    OAuth {
        status: u16,
        error: String,
        description: Option<String>,
    },
    /// No usable answer.
    App(AppError),
}

#[derive(Deserialize)]
struct OAuthErrorBody {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// The token part of the answer. No `Debug`: it holds the token.
#[derive(Deserialize)]
struct TokenBody {
    access_token: String,
}

#[derive(Deserialize)]
struct Me {
    #[serde(default)]
    name: String,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// This app's origin (`http://127.0.0.1:8080`).
#[must_use]
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The redirect URI to register on the OAuth client.
#[must_use]
pub fn redirect_uri() -> String {
    redirect_uri_for(&origin())
}

/// The client id remembered in this browser (an id, not a secret).
#[must_use]
pub fn remembered_client_id() -> Option<String> {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(CLIENT_ID_KEY).ok().flatten())
}

fn random(n: usize) -> Result<Vec<u8>, String> {
    let mut bytes = vec![0u8; n];
    window()
        .and_then(|w| w.crypto().ok())
        .ok_or("This browser offers no crypto.getRandomValues.")?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "crypto.getRandomValues failed.".to_owned())?;
    Ok(bytes)
}

/// Start signing in: remember the pending sign-in for this tab and send the browser to
/// `<login_url>/oauth/authorize`. `return_to` is the app path to come back to.
///
/// # Errors
/// A sentence saying what went wrong (no randomness, no storage, navigation refused).
pub fn start(login_url: &str, client_id: &ClientId, return_to: &str) -> Result<(), String> {
    let verifier = CodeVerifier::from_random(&random(32)?).map_err(|e| e.to_string())?;
    let state = PkceState::from_random(&random(16)?).map_err(|e| e.to_string())?;
    let redirect = redirect_uri();
    let challenge = verifier.challenge();
    let url = AuthorizeRequest {
        login_base: login_url,
        client_id,
        redirect_uri: &redirect,
        code_challenge: &challenge,
        state: state.as_str(),
    }
    .url();
    let w = window().ok_or("No browser window.")?;
    if let Ok(Some(local)) = w.local_storage() {
        let _ = local.set_item(CLIENT_ID_KEY, client_id.as_str());
    }
    let pending = Pending {
        state: state.as_str().to_owned(),
        verifier: verifier.as_str().to_owned(),
        client_id: client_id.as_str().to_owned(),
        redirect_uri: redirect,
        return_to: return_to.to_owned(),
    };
    w.session_storage()
        .ok()
        .flatten()
        .ok_or("This browser blocks sessionStorage, which the sign-in needs for the round trip.")?
        .set_item(PENDING_KEY, &pending.encode())
        .map_err(|_| {
            "Could not keep the sign-in for the round trip (sessionStorage full or blocked)."
                .to_owned()
        })?;
    w.location()
        .assign(&url)
        .map_err(|_| "The browser refused to open the sign-in page.".to_owned())
}

/// The pending sign-in of this tab, removed from sessionStorage as it is read (a reload of the
/// callback cannot use it twice).
#[must_use]
pub fn take_pending() -> Option<Pending> {
    let s = window()?.session_storage().ok().flatten()?;
    let text = s.get_item(PENDING_KEY).ok().flatten();
    let _ = s.remove_item(PENDING_KEY);
    Pending::decode(text.as_deref())
}

/// The callback query (`?code=…&state=…`), then the address bar is cleaned of it.
#[must_use]
pub fn take_callback_query() -> String {
    let Some(w) = window() else {
        return String::new();
    };
    let query = w.location().search().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(lens::pkce::CALLBACK_PATH),
        );
    }
    query
}

/// `POST /api/oauth/token` with the PKCE form: the access token.
///
/// # Errors
/// [`ExchangeFailure::OAuth`] for the login host's refusal, [`ExchangeFailure::App`] otherwise.
pub async fn exchange(form: &[(&'static str, String)]) -> Result<String, ExchangeFailure> {
    const URL: &str = "/api/oauth/token";
    let body = form
        .iter()
        .map(|(k, v)| format!("{k}={}", lens::pkce::authorize::encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let resp = Request::post(URL)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .map_err(|e| ExchangeFailure::App(AppError::Network(e.to_string())))?
        .send()
        .await
        .map_err(|e| ExchangeFailure::App(AppError::Network(e.to_string())))?;
    let status = resp.status();
    let text = resp
        .text()
        .await
        .map_err(|e| ExchangeFailure::App(AppError::Body(e.to_string())))?;
    if (200..300).contains(&status) {
        return serde_json::from_str::<TokenBody>(&text)
            .ok()
            .map(|t| t.access_token.trim().to_owned())
            .filter(|t| !t.is_empty())
            // Say what was missing, not what came back: the body may hold a token.
            .ok_or(ExchangeFailure::App(AppError::Decode {
                url: URL.to_owned(),
                detail: "no access_token in the answer".to_owned(),
            }));
    }
    match serde_json::from_str::<OAuthErrorBody>(&text) {
        Ok(e) => Err(ExchangeFailure::OAuth {
            status,
            error: e.error,
            description: e.error_description,
        }),
        Err(_) => Err(ExchangeFailure::App(AppError::Status {
            url: URL.to_owned(),
            status,
        })),
    }
}

/// `GET /api/v2/users/me` with `token`: the signed-in person's name.
///
/// # Errors
/// When the call fails or answers non-2xx (the status says why: 401 expired, 400 no user).
pub async fn who_am_i(token: &UserToken) -> Result<String, AppError> {
    super::http::get_json::<Me>("/api/v2/users/me", Some(token))
        .await
        .map(|m| m.name)
}
