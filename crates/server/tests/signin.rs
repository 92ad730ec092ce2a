//! The sign-in pieces of the server, in-process (`oneshot` on the real router, embedded demo org):
//! `/api/health` says where the login host is, `POST /api/oauth/token` forwards a PKCE code
//! exchange (and nothing else) unchanged and uncached, the user token works on the allow-listed
//! `GET /api/v2/users/me`, and the callback route serves the app.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use demo_org::clients::PKCE_CLIENT;
use demo_org::users::DEMO_USERS;
use http_body_util::BodyExt;
use server::security::HostPolicy;
use tower::ServiceExt;

mod common;

// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

struct Demo {
    running: server::RunningServer,
    host: String,
}

impl Demo {
    async fn start() -> Demo {
        let cfg = common::demo_config(common::temp_dist("signin"));
        let running = server::start(cfg).await.expect("start");
        let host = format!("127.0.0.1:{}", running.addr.port());
        Demo { running, host }
    }

    fn redirect_uri(&self) -> String {
        format!("http://{}/auth/callback", self.host)
    }

    async fn call(&self, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
        let app = server::app::router(
            self.running.state.clone(),
            HostPolicy::new(self.running.addr, &[]),
        );
        let resp = app.oneshot(req).await.expect("infallible");
        let (parts, body) = resp.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        (
            parts.status,
            parts.headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    async fn health(&self) -> serde_json::Value {
        let req = Request::get("/api/health")
            .header("host", &self.host)
            .body(Body::empty())
            .expect("request");
        let (status, _, body) = self.call(req).await;
        assert_eq!(status, StatusCode::OK);
        serde_json::from_str(&body).expect("json")
    }

    /// What the browser does on the demo org's sign-in page: press "Sign in as <user>".
    async fn code_for(&self, login_url: &str, user: usize) -> String {
        let redirect = self.redirect_uri();
        let resp = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .post(format!("{login_url}/oauth/authorize"))
            .form(&[
                ("response_type", "code"),
                ("client_id", PKCE_CLIENT.id),
                ("redirect_uri", redirect.as_str()),
                ("code_challenge", CHALLENGE),
                ("code_challenge_method", "S256"),
                ("state", "s"),
                ("user", DEMO_USERS[user].id().as_str()),
            ])
            .send()
            .await
            .expect("sign in");
        let loc = resp
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let code = loc
            .strip_prefix(&format!("{redirect}?code="))
            .and_then(|r| r.split_once("&state="))
            .map(|(c, _)| c.to_owned());
        code.unwrap_or_else(|| panic!("no code in {loc}"))
    }

    fn exchange(&self, form: &str, origin: Option<&str>) -> Request<Body> {
        let mut b = Request::post("/api/oauth/token")
            .header("host", &self.host)
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        b.body(Body::from(form.to_owned())).expect("request")
    }
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace(':', "%3A").replace('/', "%2F")))
        .collect::<Vec<_>>()
        .join("&")
}

#[tokio::test]
async fn sign_in_through_the_server_then_users_me() {
    let demo = Demo::start().await;
    let health = demo.health().await;
    let login_url = health["loginUrl"].as_str().expect("loginUrl").to_owned();
    let embedded = demo.running.demo.as_ref().expect("demo org");
    assert_eq!(login_url, embedded.base_url);
    assert_eq!(health["signInClientId"], PKCE_CLIENT.id);

    let code = demo.code_for(&login_url, 2).await;
    let redirect = demo.redirect_uri();
    let origin = format!("http://{}", demo.host);
    let body = form(&[
        ("grant_type", "authorization_code"),
        ("code", &code),
        ("code_verifier", VERIFIER),
        ("client_id", PKCE_CLIENT.id),
        ("redirect_uri", &redirect),
    ]);
    let (status, headers, text) = demo.call(demo.exchange(&body, Some(&origin))).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(
        headers.get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let tok: serde_json::Value = serde_json::from_str(&text).expect("json");
    let token = tok["access_token"].as_str().expect("token").to_owned();

    let me = Request::get("/api/v2/users/me")
        .header("host", &demo.host)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .expect("request");
    let (status, _, text) = demo.call(me).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(text.contains("Priya Nair"), "{text}");

    // The same form again: the demo org's invalid_grant comes back unchanged, and the replay
    // revoked the token the code gave.
    let (status, _, text) = demo.call(demo.exchange(&body, Some(&origin))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("\"invalid_grant\""), "{text}");
    let me = Request::get("/api/v2/users/me")
        .header("host", &demo.host)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .expect("request");
    assert_eq!(demo.call(me).await.0, StatusCode::UNAUTHORIZED);
    // The server's own client-credentials token has no user: Genesys' 400 passes through.
    let me = Request::get("/api/v2/users/me")
        .header("host", &demo.host)
        .body(Body::empty())
        .expect("request");
    let (status, _, text) = demo.call(me).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert!(text.contains("requires a user context"), "{text}");
}

#[tokio::test]
async fn the_exchange_endpoint_forwards_only_a_code_exchange_from_this_origin() {
    let demo = Demo::start().await;
    let origin = format!("http://{}", demo.host);
    // Another site cannot use it.
    let body = form(&[("grant_type", "authorization_code"), ("code", "x")]);
    let (status, _, _) = demo
        .call(demo.exchange(&body, Some("http://evil.example")))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Only grant_type=authorization_code.
    let cc = form(&[
        ("grant_type", "client_credentials"),
        ("client_id", "x"),
        ("client_secret", "y"),
    ]);
    let (status, _, text) = demo.call(demo.exchange(&cc, Some(&origin))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("unsupported_grant_type"), "{text}");
    // Not a form.
    let req = Request::post("/api/oauth/token")
        .header("host", &demo.host)
        .header("origin", &origin)
        .header("content-type", "application/json")
        .body(Body::from("{}"))
        .expect("request");
    let (status, _, text) = demo.call(req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("invalid_request"), "{text}");
    // A bad code: the login host's RFC 6749 error, relayed.
    let body = form(&[
        ("grant_type", "authorization_code"),
        ("code", "made-up"),
        ("code_verifier", VERIFIER),
        ("client_id", PKCE_CLIENT.id),
        ("redirect_uri", &demo.redirect_uri()),
    ]);
    let (status, _, text) = demo.call(demo.exchange(&body, Some(&origin))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("invalid_grant"), "{text}");
    // The callback route is the app's page.
    let req = Request::get("/auth/callback?code=abc&state=s")
        .header("host", &demo.host)
        .body(Body::empty())
        .expect("request");
    let (status, headers, text) = demo.call(req).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("text/html"))
    );
    assert!(text.contains("<html"));
}
