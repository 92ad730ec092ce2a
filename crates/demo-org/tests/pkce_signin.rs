//! The sign-in (Authorization Code grant with PKCE) over HTTP: the sign-in page, the redirect
//! with `code` and `state`, the token exchange and its RFC 6749 errors, the user token on the
//! APIs, `GET /api/v2/users/me`. (A code's expiry is tested with an injected clock in
//! `oauth_code.rs`: over HTTP it would take a minute.)

mod http_support;
mod support;

use demo_org::RunningDemo;
use demo_org::clients::PKCE_CLIENT;
use demo_org::users::DEMO_USERS;
use http_support::*;

// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const REDIRECT: &str = "http://127.0.0.1:8080/auth/callback";

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"))
}

fn authorize_query(method: &str, redirect: &str) -> Vec<(&'static str, String)> {
    vec![
        ("response_type", "code".into()),
        ("client_id", PKCE_CLIENT.id.into()),
        ("redirect_uri", redirect.into()),
        ("code_challenge", CHALLENGE.into()),
        ("code_challenge_method", method.into()),
        ("state", "st 1".into()),
    ]
}

fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Press "Sign in as <user>" and return the code from the redirect.
async fn sign_in(demo: &RunningDemo, user_index: usize) -> String {
    let mut form = authorize_query("S256", REDIRECT);
    form.push(("user", DEMO_USERS[user_index].id()));
    let resp = no_redirects()
        .post(format!("{}/oauth/authorize", demo.base_url))
        .form(&form)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resp.status().as_u16(), 302);
    let loc = location(&resp);
    let rest = loc
        .strip_prefix(&format!("{REDIRECT}?code="))
        .unwrap_or_else(|| panic!("redirect {loc}"));
    let (code, state) = rest.split_once("&state=").unwrap_or((rest, ""));
    assert_eq!(state, "st%201", "state comes back unchanged");
    code.to_owned()
}

async fn redeem(demo: &RunningDemo, code: &str, verifier: &str, redirect: &str) -> Got {
    got(http()
        .post(format!("{}/oauth/token", demo.base_url))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("code_verifier", verifier),
            ("client_id", PKCE_CLIENT.id),
            ("redirect_uri", redirect),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await
}

fn assert_oauth_error(g: &Got, status: u16, error: &str) {
    assert_eq!(g.status, status, "{}", g.body);
    assert_eq!(g.body["error"], error, "{}", g.body);
    assert!(
        g.body["error_description"]
            .as_str()
            .is_some_and(|d| !d.is_empty())
    );
    assert!(g.body.get("access_token").is_none());
}

#[tokio::test]
async fn the_sign_in_page_offers_each_demo_user() {
    let demo = spawn(frozen_cfg()).await;
    let resp = http()
        .get(format!("{}/oauth/authorize", demo.base_url))
        .query(&authorize_query("S256", REDIRECT))
        // An app on another loopback port navigates here: same-site, allowed for this page only.
        .header("Sec-Fetch-Site", "same-site")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resp.status().as_u16(), 200);
    let csp = resp
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("form-action 'self' http://127.0.0.1:*")
    );
    let page = resp.text().await.unwrap_or_default();
    for u in DEMO_USERS {
        assert!(page.contains(&format!("Sign in as {}", u.name)), "{page}");
        assert!(page.contains(u.role));
    }
    assert!(page.contains("value=\"st 1\""), "state kept in the form");
    assert!(!page.contains("<script"), "no script on the sign-in page");
    // Other demo paths stay guarded against cross-site reads.
    let other = http()
        .get(format!("{}/demo/clients", demo.base_url))
        .header("Sec-Fetch-Site", "same-site")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(other.status().as_u16(), 403);
    demo.shutdown().await;
}

#[tokio::test]
async fn a_bad_redirect_uri_gets_an_error_page_never_a_redirect() {
    let demo = spawn(frozen_cfg()).await;
    for redirect in [
        "https://evil.example/cb",
        "http://127.0.0.1.evil.example/cb",
        "",
    ] {
        let resp = no_redirects()
            .get(format!("{}/oauth/authorize", demo.base_url))
            .query(&authorize_query("S256", redirect))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(resp.status().as_u16(), 400, "{redirect}");
        assert!(resp.headers().get("location").is_none());
        let page = resp.text().await.unwrap_or_default();
        assert!(page.contains("not registered"), "{page}");
    }
    // A valid redirect URI but a plain challenge: the error goes back to the app.
    let resp = no_redirects()
        .get(format!("{}/oauth/authorize", demo.base_url))
        .query(&authorize_query("plain", REDIRECT))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resp.status().as_u16(), 302);
    let loc = location(&resp);
    assert!(
        loc.starts_with(&format!(
            "{REDIRECT}?error=invalid_request&error_description="
        )) && loc.ends_with("&state=st%201"),
        "{loc}"
    );
    // "Cancel" (no user): access_denied.
    let resp = no_redirects()
        .post(format!("{}/oauth/authorize", demo.base_url))
        .form(&authorize_query("S256", REDIRECT))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(location(&resp).contains("error=access_denied"));
    demo.shutdown().await;
}

#[tokio::test]
async fn happy_path_user_token_has_the_users_permissions_and_users_me() {
    let demo = spawn(frozen_cfg()).await;
    // Omar is an agent: conversations yes, analytics details no.
    let code = sign_in(&demo, 1).await;
    let g = redeem(&demo, &code, VERIFIER, REDIRECT).await;
    assert_eq!(g.status, 200, "{}", g.body);
    assert_eq!(
        g.headers.get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    let token = g.body["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(token.len() > 40);
    assert_eq!(g.body["token_type"], "bearer");
    let me = get(&demo, &token, "/api/v2/users/me").await;
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.body["name"], "Omar Haddad");
    assert_eq!(me.body["id"], DEMO_USERS[1].id());
    assert_eq!(
        me.body["selfUri"],
        format!("/api/v2/users/{}", DEMO_USERS[1].id())
    );

    let scenario = demo_scenarios(&demo).await;
    let id = scenario[0]["conversationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let conv = get(&demo, &token, &format!("/api/v2/conversations/{id}")).await;
    assert_eq!(conv.status, 200, "{}", conv.body);
    let details = get(
        &demo,
        &token,
        &format!("/api/v2/analytics/conversations/{id}/details"),
    )
    .await;
    assert_error(&details, 403, "missing.any.permissions");

    // A client-credentials token has no user.
    let cc = full_token(&demo).await;
    let me = get(&demo, &cc, "/api/v2/users/me").await;
    assert_error(&me, 400, "bad.request");
    assert!(
        me.body["message"]
            .as_str()
            .is_some_and(|m| m.contains("requires a user context"))
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn wrong_verifier_reused_code_and_wrong_redirect_are_400s() {
    let demo = spawn(frozen_cfg()).await;
    // Wrong verifier: invalid_grant, and the code is gone.
    let code = sign_in(&demo, 0).await;
    let g = redeem(&demo, &code, &"a".repeat(43), REDIRECT).await;
    assert_oauth_error(&g, 400, "invalid_grant");
    assert_oauth_error(
        &redeem(&demo, &code, VERIFIER, REDIRECT).await,
        400,
        "invalid_grant",
    );

    // Wrong redirect URI.
    let code = sign_in(&demo, 0).await;
    let g = redeem(&demo, &code, VERIFIER, "http://127.0.0.1:9/auth/callback").await;
    assert_oauth_error(&g, 400, "invalid_grant");
    assert!(
        g.body["error_description"]
            .as_str()
            .is_some_and(|d| d.contains("redirect_uri"))
    );

    // Reused code: refused, and the token the first use got is revoked.
    let code = sign_in(&demo, 0).await;
    let first = redeem(&demo, &code, VERIFIER, REDIRECT).await;
    let token = first.body["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(get(&demo, &token, "/api/v2/users/me").await.status, 200);
    assert_oauth_error(
        &redeem(&demo, &code, VERIFIER, REDIRECT).await,
        400,
        "invalid_grant",
    );
    assert_eq!(get(&demo, &token, "/api/v2/users/me").await.status, 401);

    // Missing verifier, unknown client, unknown grant.
    let g = got(http()
        .post(format!("{}/oauth/token", demo.base_url))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", "x"),
            ("client_id", PKCE_CLIENT.id),
            ("redirect_uri", REDIRECT),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_oauth_error(&g, 400, "invalid_request");
    let g = got(http()
        .post(format!("{}/oauth/token", demo.base_url))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", "x"),
            ("code_verifier", VERIFIER),
            ("client_id", "nobody"),
            ("redirect_uri", REDIRECT),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_oauth_error(&g, 401, "invalid_client");
    let g = got(http()
        .post(format!("{}/oauth/token", demo.base_url))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", PKCE_CLIENT.id),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_eq!(
        g.body["error"], "invalid_client",
        "no secret for a public client: {}",
        g.body
    );
    demo.shutdown().await;
}
