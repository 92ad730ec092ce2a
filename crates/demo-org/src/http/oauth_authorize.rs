//! `GET /oauth/authorize`: the demo org's sign-in page (one button per demo user), and
//! `POST /oauth/authorize`: the button, which redirects back to the app with `code` and `state`
//! (or `error=access_denied` for "Cancel"). A bad client or redirect URI gets an error page and
//! never a redirect (RFC 6749 §4.1.2.1).

use super::state::AppState;
use crate::clients::DemoClient;
use crate::oauth_code::{Authorization, AuthorizeError, AuthorizeParams, check_authorize};
use crate::users::DEMO_USERS;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Write as _;
use std::time::Instant;

/// The page may post only to itself and follow the redirect to a loopback app; no scripts.
const PAGE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'; base-uri 'none'";

/// The sign-in page's form: the authorize request again, plus which button was pressed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct SignInForm {
    #[serde(flatten)]
    params: AuthorizeParams,
    /// The chosen user's id; absent = "Cancel".
    user: Option<String>,
}

/// `GET /oauth/authorize`.
pub async fn page(Query(params): Query<AuthorizeParams>) -> Response {
    match check_authorize(&params) {
        Ok(auth) => html(StatusCode::OK, &sign_in_page(&auth)),
        Err(e) => refuse(e),
    }
}

/// `POST /oauth/authorize` (a button of the page).
pub async fn sign_in(State(state): State<AppState>, Form(form): Form<SignInForm>) -> Response {
    let auth = match check_authorize(&form.params) {
        Ok(a) => a,
        Err(e) => return refuse(e),
    };
    let Some(user_id) = form.user.as_deref() else {
        return redirect(
            &auth.redirect_uri,
            &[
                ("error", "access_denied"),
                ("error_description", "The user cancelled the sign-in."),
            ],
            auth.state.as_deref(),
        );
    };
    let Some(user) = crate::oauth_code::user(user_id) else {
        return html(
            StatusCode::BAD_REQUEST,
            &error_page("No such user in the demo org. Go back and pick one of the buttons."),
        );
    };
    match state.codes.issue(&auth, user, Instant::now()) {
        Ok(code) => redirect(
            &auth.redirect_uri,
            &[("code", code.as_str())],
            auth.state.as_deref(),
        ),
        Err(e) => redirect(
            &auth.redirect_uri,
            &[
                ("error", e.error),
                ("error_description", &e.error_description),
            ],
            auth.state.as_deref(),
        ),
    }
}

fn refuse(e: AuthorizeError) -> Response {
    match e {
        AuthorizeError::Page(why) => html(StatusCode::BAD_REQUEST, &error_page(&why)),
        AuthorizeError::Redirect {
            redirect_uri,
            error,
            description,
            state,
        } => redirect(
            &redirect_uri,
            &[("error", error), ("error_description", &description)],
            state.as_deref(),
        ),
    }
}

/// 302 to `redirect_uri` with `params` (and `state`) appended to its query.
fn redirect(redirect_uri: &str, params: &[(&str, &str)], state: Option<&str>) -> Response {
    let mut url = redirect_uri.to_owned();
    let mut sep = if url.contains('?') { '&' } else { '?' };
    for (k, v) in params.iter().copied().chain(state.map(|s| ("state", s))) {
        let _ = write!(url, "{sep}{k}={}", encode(v));
        sep = '&';
    }
    let mut resp = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(&url) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

fn html(status: StatusCode, body: &str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_SECURITY_POLICY, PAGE_CSP),
            (header::X_FRAME_OPTIONS, "DENY"),
            // Not `no-referrer`: under it a browser sends `Origin: null` with the page's own
            // sign-in POST, and the guard refuses writes from other origins. `same-origin` still
            // sends nothing to the app the browser returns to.
            (header::REFERRER_POLICY, "same-origin"),
        ],
        body.to_owned(),
    )
        .into_response()
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;background:#f4f5f7;color:#1b1d21}\
main{max-width:28rem;margin:0 auto;background:#fff;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 3px #0002}\
h1{font-size:1.35rem;margin:0 0 .25rem}p{margin:.5rem 0}.muted{color:#555;font-size:.9rem}\
ul{list-style:none;padding:0;margin:1rem 0}li{margin:.6rem 0}\
button{font:inherit;width:100%;padding:.65rem 1rem;border-radius:.5rem;border:1px solid #1a5fb4;background:#1a5fb4;color:#fff;cursor:pointer;text-align:left}\
button.cancel{background:#fff;color:#1a5fb4}small{display:block;color:#555;margin:.2rem .25rem 0}\
@media (prefers-color-scheme:dark){body{background:#15171a;color:#e8e8e8}main{background:#22252a;box-shadow:none}.muted,small{color:#b0b4ba}button{background:#3584e4;border-color:#3584e4}button.cancel{background:transparent;color:#99c1f1}}";

fn sign_in_page(auth: &Authorization) -> String {
    let hidden = hidden_fields(auth);
    let mut buttons = String::new();
    for u in DEMO_USERS {
        let _ = write!(
            buttons,
            "<li><button type=\"submit\" name=\"user\" value=\"{id}\">Sign in as {name}</button><small>{role}. {sees}</small></li>",
            id = escape(&u.id()),
            name = escape(u.name),
            role = escape(u.role),
            sees = escape(u.demonstrates),
        );
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Sign in — Conversation Lens Demo Org</title><style>{STYLE}</style></head><body><main>\
<h1>Sign in to the demo org</h1>\
<p class=\"muted\">{client} asks to use Genesys Cloud as you. This is the demo org's stand-in for the Genesys Cloud login page: pick a person; each has a role with different permissions.</p>\
<form method=\"post\" action=\"/oauth/authorize\">{hidden}<ul>{buttons}</ul>\
<button type=\"submit\" class=\"cancel\">Cancel</button></form>\
<p class=\"muted\">You will be sent back to {redirect}.</p></main></body></html>",
        client = escape(client_label(auth.client)),
        redirect = escape(&auth.redirect_uri),
    )
}

fn client_label(c: &DemoClient) -> &'static str {
    c.name
}

fn hidden_fields(auth: &Authorization) -> String {
    let mut out = String::new();
    let fields = [
        ("response_type", Some("code")),
        ("client_id", Some(auth.client.id)),
        ("redirect_uri", Some(auth.redirect_uri.as_str())),
        ("code_challenge", Some(auth.code_challenge.as_str())),
        ("code_challenge_method", Some("S256")),
        ("state", auth.state.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            let _ = write!(
                out,
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                escape(v)
            );
        }
    }
    out
}

fn error_page(why: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Sign-in error — Conversation Lens Demo Org</title><style>{STYLE}</style></head><body><main>\
<h1>This sign-in request cannot be used</h1><p role=\"alert\">{}</p>\
<p class=\"muted\">Go back to the app and start the sign-in again.</p></main></body></html>",
        escape(why)
    )
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
