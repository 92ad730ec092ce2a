//! `POST /api/demo/token` in-process (`tower::ServiceExt::oneshot` on the real router): the token
//! drawer's demo clients. Each limited client's token is used the way the app uses it (as the
//! user's own `Authorization` on the proxied calls) and shows what the drawer promises.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use demo_org::clients::DEMO_CLIENTS;
use http_body_util::BodyExt;
use server::security::HostPolicy;
use tower::ServiceExt;

mod common;

struct Demo {
    running: server::RunningServer,
    host: String,
}

impl Demo {
    async fn start() -> Demo {
        let cfg = common::demo_config(common::temp_dist("demo-token"));
        let running = server::start(cfg).await.expect("start");
        let host = format!("127.0.0.1:{}", running.addr.port());
        Demo { running, host }
    }

    /// One request through the whole router (security layers included), in process.
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

    fn token_request(&self, body: &str, extra: &[(&str, &str)]) -> Request<Body> {
        let mut b = Request::post("/api/demo/token")
            .header("host", &self.host)
            .header("content-type", "application/json");
        for (k, v) in extra {
            b = b.header(*k, *v);
        }
        b.body(Body::from(body.to_owned())).expect("request")
    }

    async fn token_of(&self, client: &str) -> String {
        let origin = format!("http://{}", self.host);
        let (status, headers, body) = self
            .call(self.token_request(
                &format!(r#"{{"client":"{client}"}}"#),
                &[("origin", &origin), ("sec-fetch-site", "same-origin")],
            ))
            .await;
        assert_eq!(status, StatusCode::OK, "{client}: {body}");
        assert_eq!(
            headers.get("cache-control").and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "a token must not be cached"
        );
        let v: serde_json::Value = serde_json::from_str(&body).expect("json");
        v["access_token"]
            .as_str()
            .expect("access_token")
            .to_string()
    }

    /// `(conversations status, analytics status)` for `id` with `token` as the user's own.
    async fn both_with(&self, id: &str, token: &str) -> (u16, u16) {
        let bearer = format!("Bearer {token}");
        let mut out = [0u16; 2];
        for (i, path) in [
            format!("/api/v2/conversations/{id}"),
            format!("/api/v2/analytics/conversations/{id}/details"),
        ]
        .iter()
        .enumerate()
        {
            let req = Request::get(path.as_str())
                .header("host", &self.host)
                .header("authorization", &bearer)
                .body(Body::empty())
                .expect("request");
            let (status, headers, body) = self.call(req).await;
            assert_eq!(
                headers.get("x-lens-auth").and_then(|v| v.to_str().ok()),
                Some("your-token"),
                "{path}"
            );
            if status == StatusCode::FORBIDDEN {
                assert!(body.contains("missing.any.permissions"), "{path}: {body}");
            }
            out[i] = status.as_u16();
        }
        (out[0], out[1])
    }

    async fn ended_conversation(&self) -> String {
        let req = Request::get("/api/demo/scenarios")
            .header("host", &self.host)
            .body(Body::empty())
            .expect("request");
        let (status, _, body) = self.call(req).await;
        assert_eq!(status, StatusCode::OK);
        let list: serde_json::Value = serde_json::from_str(&body).expect("json");
        // Ended, and not one past a retention limit: both APIs answer 200 with the full client.
        list.as_array()
            .and_then(|l| {
                l.iter().find(|s| {
                    s["live"] == false
                        && s["id"].as_str().is_some_and(|id| {
                            !["retention", "purged", "old"]
                                .iter()
                                .any(|w| id.contains(w))
                        })
                })
            })
            .and_then(|s| s["conversationId"].as_str())
            .expect("an ended scenario")
            .to_string()
    }
}

#[tokio::test]
async fn each_limited_client_sees_what_the_drawer_promises() {
    let demo = Demo::start().await;
    let id = demo.ended_conversation().await;
    let cases = [
        ("lens-demo-no-analytics", (200, 403)),
        ("lens-demo-no-conversations", (403, 200)),
        ("lens-demo-agent-analytics-only", (200, 200)),
    ];
    for (client, expected) in cases {
        let token = demo.token_of(client).await;
        assert_eq!(demo.both_with(&id, &token).await, expected, "{client}");
    }
    // Every demo client but the server's own is offered, by name.
    let own = DEMO_CLIENTS.first().expect("clients").name;
    assert_eq!(own, "lens-demo-full");
    let offered: Vec<_> = cases.iter().map(|(c, _)| *c).collect();
    for c in &DEMO_CLIENTS[1..] {
        assert!(offered.contains(&c.name), "{} is covered", c.name);
    }
    demo.running.shutdown().await;
}

#[tokio::test]
async fn refusals_say_what_to_do_and_leak_nothing() {
    let demo = Demo::start().await;
    let code = |body: &str| {
        serde_json::from_str::<serde_json::Value>(body).expect("json")["code"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // The server's own client stays server-side; unknown names list the valid ones.
    for name in ["lens-demo-full", "no-such-client"] {
        let (s, _, body) = demo
            .call(demo.token_request(&format!(r#"{{"client":"{name}"}}"#), &[]))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{name}");
        assert_eq!(code(&body), "lens.demo.unknown.client");
        assert!(body.contains("lens-demo-no-analytics"), "{body}");
        for c in DEMO_CLIENTS {
            assert!(!body.contains(c.secret), "no secret in {body}");
        }
    }
    // Same origin only: another site's page can't mint tokens with the server.
    for extra in [
        [
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ],
        [("origin", "null"), ("sec-fetch-site", "cross-site")],
    ] {
        let (s, _, _) = demo
            .call(demo.token_request(r#"{"client":"lens-demo-no-analytics"}"#, &extra))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{extra:?}");
    }
    let (s, _, _) = demo
        .call(demo.token_request(
            r#"{"client":"lens-demo-no-analytics"}"#,
            &[("sec-fetch-site", "cross-site")],
        ))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "no Origin but cross-site");
    // Malformed bodies get a clear 4xx, never a panic.
    let (s, _, body) = demo.call(demo.token_request(r#"{"name":1}"#, &[])).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("client"), "{body}");
    let not_json = Request::post("/api/demo/token")
        .header("host", &demo.host)
        .header("content-type", "text/plain")
        .body(Body::from("lens-demo-no-analytics"))
        .expect("request");
    let (s, _, _) = demo.call(not_json).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    demo.running.shutdown().await;
}
