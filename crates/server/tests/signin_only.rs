//! Sign-in-only real mode (a region or API URL, no client credentials), in-process: the server
//! holds no token, so a proxied call without the user's own token gets a clear 401
//! `lens.sign.in.required` and nothing goes upstream; with the user's token (client credentials
//! of a demo client, or the PKCE sign-in through `/api/oauth/token`) calls pass as usual, and
//! `/api/health` says which mode it is.

use common::{CONV_ID, Lens, fake, real_config, temp_dist};
use demo_org::clients::{DEMO_CLIENTS, PKCE_CLIENT};
use demo_org::users::DEMO_USERS;
use server::config::Mode;
use std::sync::atomic::Ordering;

mod common;

// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

/// The server against `base` (API and login on one host) with no credentials of its own.
async fn sign_in_only(base: &str) -> Lens {
    let mut cfg = real_config(base, "unused", "unused", temp_dist("signin-only"));
    if let Mode::Real(up) = &mut cfg.mode {
        up.credentials = None;
    }
    Lens::new(cfg).await
}

fn assert_sign_in_required(r: &common::RawResponse) {
    assert_eq!(r.status, 401, "{}", r.all_text());
    let body = r.json();
    assert_eq!(body["code"], "lens.sign.in.required");
    assert_eq!(body["status"], 401);
    assert_eq!(body["source"], "conversation-lens-server");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("Sign in with Genesys Cloud or paste a token")
            && message.contains("this server holds no credentials"),
        "{message}"
    );
}

#[tokio::test]
async fn without_a_user_token_nothing_goes_upstream_and_the_answer_says_sign_in() {
    let f = fake::spawn().await;
    let lens = sign_in_only(&f.base_url).await;

    let r = lens.get(&format!("/api/v2/conversations/{CONV_ID}")).await;
    assert_sign_in_required(&r);
    let r = lens
        .send(
            "POST",
            "/api/v2/analytics/conversations/details/query",
            &[("content-type", "application/json")],
            r#"{"interval":"2024-01-01T00:00:00Z/2024-01-02T00:00:00Z"}"#,
        )
        .await;
    assert_sign_in_required(&r);
    let r = lens
        .send("POST", "/api/v2/notifications/channels", &[], "")
        .await;
    assert_sign_in_required(&r);
    assert_eq!(
        f.script.token_requests.load(Ordering::SeqCst),
        0,
        "no token request: the server has no credentials to send"
    );
    assert_eq!(
        f.script.api_requests.load(Ordering::SeqCst),
        0,
        "no API request without auth"
    );
    // The allow-list still answers first: a refused call is refused as before, not a sign-in prompt.
    let r = lens.get("/api/v2/users").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["code"], "lens.not.allowed");

    // With a token of the user's own, the same call is forwarded with exactly that token.
    f.script
        .valid
        .lock()
        .expect("lock")
        .insert("users-own-token".into());
    let r = lens
        .send(
            "GET",
            &format!("/api/v2/conversations/{CONV_ID}"),
            &[("authorization", "Bearer users-own-token")],
            "",
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.all_text());
    assert_eq!(r.header("x-lens-auth"), Some("your-token"));
    assert_eq!(
        f.script.seen_auth.lock().expect("lock").as_slice(),
        ["Bearer users-own-token"]
    );
    assert_eq!(f.script.token_requests.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn health_says_real_mode_without_a_server_token() {
    let f = fake::spawn().await;
    let lens = sign_in_only(&f.base_url).await;
    let h = lens.get("/api/health").await.json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["mode"], "real");
    assert_eq!(h["serverToken"], false);
    assert_eq!(h["region"], "custom");
    assert_eq!(h["loginUrl"], f.base_url.as_str());
    assert_eq!(h["tokenRequests"], 0);
    assert!(h.get("signInClientId").is_none(), "{h}");

    // With credentials the same server reports a token of its own.
    let with = Lens::real(&f.base_url, fake::SECRET).await;
    let h = with.get("/api/health").await.json();
    assert_eq!(h["mode"], "real");
    assert_eq!(h["serverToken"], true);
}

/// Against the standalone demo org as if it were a region: a user token from the PKCE sign-in
/// (exchanged through the server) or from a demo client reads the org; the notification channel
/// call passes too.
#[tokio::test]
async fn against_the_demo_org_the_users_own_token_reads_the_org() {
    let demo = demo_org::spawn(demo_org::DemoConfig::default())
        .await
        .expect("demo org");
    let lens = sign_in_only(&demo.base_url).await;
    let http = common::client();

    let scenarios: serde_json::Value = http
        .get(format!("{}/demo/scenarios", demo.base_url))
        .send()
        .await
        .expect("scenarios")
        .json()
        .await
        .expect("json");
    let conv = scenarios[0]["conversationId"]
        .as_str()
        .expect("conversationId")
        .to_owned();
    let path = format!("/api/v2/conversations/{conv}");
    assert_sign_in_required(&lens.get(&path).await);

    // A demo client's token, as a user would paste it.
    let full = DEMO_CLIENTS.first().expect("demo clients");
    let tok: serde_json::Value = http
        .post(format!("{}/oauth/token", demo.base_url))
        .basic_auth(full.id, Some(full.secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("json");
    let pasted = tok["access_token"].as_str().expect("access_token");
    let r = lens
        .send(
            "GET",
            &path,
            &[("authorization", &format!("Bearer {pasted}"))],
            "",
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.all_text());
    assert_eq!(r.json()["id"], conv.as_str());
    assert_eq!(r.header("x-lens-auth"), Some("your-token"));

    // The PKCE sign-in as the supervisor (every permission): the demo org's sign-in page, then
    // the code exchange through the server.
    let redirect = "http://localhost/auth/callback";
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(format!("{}/oauth/authorize", demo.base_url))
        .form(&[
            ("response_type", "code"),
            ("client_id", PKCE_CLIENT.id),
            ("redirect_uri", redirect),
            ("code_challenge", CHALLENGE),
            ("code_challenge_method", "S256"),
            ("state", "s"),
            ("user", DEMO_USERS[0].id().as_str()),
        ])
        .send()
        .await
        .expect("sign in");
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let code = location
        .strip_prefix(&format!("{redirect}?code="))
        .and_then(|r| r.split_once("&state="))
        .map(|(c, _)| c.to_owned())
        .unwrap_or_else(|| panic!("no code in {location}"));
    let form = format!(
        "grant_type=authorization_code&code={code}&code_verifier={VERIFIER}&client_id={}&redirect_uri={}",
        PKCE_CLIENT.id,
        redirect.replace(':', "%3A").replace('/', "%2F")
    );
    let r = lens
        .send(
            "POST",
            "/api/oauth/token",
            &[("content-type", "application/x-www-form-urlencoded")],
            &form,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.all_text());
    let signed_in = r.json()["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned();
    let bearer = format!("Bearer {signed_in}");
    let me = lens
        .send("GET", "/api/v2/users/me", &[("authorization", &bearer)], "")
        .await;
    assert_eq!(me.status, 200, "{}", me.all_text());
    let r = lens
        .send("GET", &path, &[("authorization", &bearer)], "")
        .await;
    assert_eq!(r.status, 200, "{}", r.all_text());
    // The notification channel is created with the user's token and points at this server.
    let ch = lens
        .send(
            "POST",
            "/api/v2/notifications/channels",
            &[("authorization", &bearer)],
            "",
        )
        .await;
    assert_eq!(ch.status, 200, "{}", ch.all_text());
    assert!(
        ch.json()["connectUri"]
            .as_str()
            .is_some_and(|u| u.starts_with("ws://localhost/api/notifications/socket/")),
        "{}",
        ch.all_text()
    );
    assert_eq!(lens.state.upstream.tokens.requests(), 0);
}
