//! The notification socket relay over real sockets: a tiny fake Genesys (token, channel creation,
//! a channel WebSocket), the server on 127.0.0.1:0, and a WebSocket client playing the browser.

mod common;

use axum::Router;
use axum::extract::ws::{CloseFrame, Message as AxMsg, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, post};
use common::{fake, real_config, temp_dist};
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

const CHANNEL: &str = "streaming-0-abcdef123";

#[derive(Default)]
struct Upstream {
    base: std::sync::OnceLock<String>,
    /// Upstream sockets still open (the relay must close its side when the browser goes).
    open: AtomicUsize,
}

async fn spawn_upstream() -> Arc<Upstream> {
    let up = Arc::new(Upstream::default());
    let app = Router::new()
        .route("/oauth/token", post(|| async {
            axum::Json(json!({"access_token": "fake-token", "token_type": "bearer", "expires_in": 86400}))
        }))
        .route("/api/v2/notifications/channels", post(channel))
        .route(
            "/api/v2/notifications/channels/{id}/subscriptions",
            axum::routing::put(subscriptions),
        )
        .route("/channels/{id}", any(channel_socket))
        .with_state(up.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    up.base.set(format!("http://{addr}")).expect("once");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    up
}

async fn channel(State(up): State<Arc<Upstream>>) -> Response {
    let base = up.base.get().cloned().unwrap_or_default();
    let ws = base.replacen("http://", "ws://", 1);
    axum::Json(json!({"connectUri": format!("{ws}/channels/{CHANNEL}"), "id": CHANNEL, "expires": "2026-12-01T12:00:00Z"}))
        .into_response()
}

/// Answers a subscription list as Genesys does: each topic Permitted, `…queues…` Rejected.
async fn subscriptions(axum::Json(topics): axum::Json<Vec<serde_json::Value>>) -> Response {
    let entities: Vec<serde_json::Value> = topics
        .iter()
        .map(|t| {
            let id = t["id"].as_str().unwrap_or_default();
            if id.contains(".queues.") {
                json!({"id": id, "state": "Rejected", "rejectionReason": "Missing permission", "missingPermissions": ["routing:queue:view"]})
            } else {
                json!({"id": id, "state": "Permitted"})
            }
        })
        .collect();
    axum::Json(json!({ "entities": entities })).into_response()
}

/// Sends a heartbeat, echoes text, closes with 1000 on "close-me", sends 2 MiB on "flood".
async fn channel_socket(
    State(up): State<Arc<Upstream>>,
    Path(id): Path<String>,
    ws: WebSocketUpgrade,
) -> Response {
    if id != CHANNEL {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    ws.on_upgrade(move |mut s: WebSocket| async move {
        up.open.fetch_add(1, Ordering::SeqCst);
        let beat =
            r#"{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}"#;
        let _ = s.send(AxMsg::Text(beat.into())).await;
        while let Some(Ok(m)) = s.recv().await {
            match m {
                AxMsg::Text(t) if t.as_str() == "close-me" => {
                    let _ = s
                        .send(AxMsg::Close(Some(CloseFrame {
                            code: 1000,
                            reason: "channel expired".into(),
                        })))
                        .await;
                    break;
                }
                AxMsg::Text(t) if t.as_str() == "flood" => {
                    let _ = s.send(AxMsg::Text("x".repeat(2 << 20).into())).await;
                }
                AxMsg::Text(t) => {
                    let _ = s
                        .send(AxMsg::Text(format!("echo:{}", t.as_str()).into()))
                        .await;
                }
                AxMsg::Close(_) => break,
                _ => {}
            }
        }
        up.open.fetch_sub(1, Ordering::SeqCst);
    })
}

struct Running {
    server: server::RunningServer,
    up: Arc<Upstream>,
}

async fn start() -> Running {
    let up = spawn_upstream().await;
    let base = up.base.get().cloned().unwrap_or_default();
    let config = real_config(&base, fake::CLIENT_ID, fake::SECRET, temp_dist("notify"));
    let server = server::start(config).await.expect("server");
    Running { server, up }
}

/// Creates a channel through the proxy and returns the rewritten connectUri.
async fn create_channel(r: &Running) -> String {
    let resp = reqwest::Client::new()
        .post(format!("{}api/v2/notifications/channels", r.server.url))
        .header("origin", r.server.url.trim_end_matches('/'))
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status(), 200);
    let body: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(body["id"], CHANNEL);
    assert_eq!(body["expires"], "2026-12-01T12:00:00Z");
    body["connectUri"].as_str().expect("uri").to_string()
}

fn origin_of(r: &Running) -> String {
    r.server.url.trim_end_matches('/').to_string()
}

async fn next_text(
    s: &mut tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
) -> Option<Message> {
    tokio::time::timeout(Duration::from_secs(5), s.next())
        .await
        .ok()
        .flatten()
        .and_then(Result::ok)
}

async fn wait_until(what: &str, f: impl Fn() -> bool) {
    for _ in 0..100 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

#[tokio::test]
async fn frames_pass_both_ways_and_an_upstream_close_reaches_the_browser() {
    let r = start().await;
    let uri = create_channel(&r).await;
    let port = r.server.addr.port();
    assert_eq!(
        uri,
        format!("ws://127.0.0.1:{port}/api/notifications/socket/{CHANNEL}"),
        "the browser connects to this server, not to Genesys"
    );
    let mut req = uri.into_client_request().expect("request");
    req.headers_mut()
        .insert("origin", origin_of(&r).parse().expect("hv"));
    let (mut s, _) = tokio_tungstenite::connect_async(req)
        .await
        .expect("relay opens");
    let first = next_text(&mut s).await.expect("heartbeat");
    assert!(first.to_text().expect("text").contains("channel.metadata"));
    s.send(Message::Text("hello".into())).await.expect("send");
    assert_eq!(
        next_text(&mut s)
            .await
            .and_then(|m| m.into_text().ok())
            .map(|t| t.to_string())
            .as_deref(),
        Some("echo:hello")
    );
    assert_eq!(r.server.state.sockets.open_count(), 1);
    s.send(Message::Text("close-me".into()))
        .await
        .expect("send");
    match next_text(&mut s).await {
        Some(Message::Close(Some(f))) => {
            assert_eq!(f.code, CloseCode::Normal);
            assert_eq!(f.reason.as_str(), "channel expired");
        }
        other => panic!("expected the upstream close, got {other:?}"),
    }
    let st = r.server.state.clone();
    wait_until("the relay slot is free", || st.sockets.open_count() == 0).await;
}

#[tokio::test]
async fn a_browser_that_goes_away_closes_the_upstream_socket() {
    let r = start().await;
    let uri = create_channel(&r).await;
    let mut req = uri.into_client_request().expect("request");
    req.headers_mut()
        .insert("origin", origin_of(&r).parse().expect("hv"));
    let (mut s, _) = tokio_tungstenite::connect_async(req)
        .await
        .expect("relay opens");
    let _ = next_text(&mut s).await.expect("heartbeat");
    let up = r.up.clone();
    wait_until("upstream open", || up.open.load(Ordering::SeqCst) == 1).await;
    drop(s); // no close frame: the TCP connection just ends
    wait_until("upstream closed", || up.open.load(Ordering::SeqCst) == 0).await;
    let st = r.server.state.clone();
    wait_until("the relay slot is free", || st.sockets.open_count() == 0).await;
}

#[tokio::test]
async fn an_oversized_upstream_message_ends_the_relay_with_1009() {
    let r = start().await;
    let uri = create_channel(&r).await;
    let mut req = uri.into_client_request().expect("request");
    req.headers_mut()
        .insert("origin", origin_of(&r).parse().expect("hv"));
    let (mut s, _) = tokio_tungstenite::connect_async(req)
        .await
        .expect("relay opens");
    let _ = next_text(&mut s).await.expect("heartbeat");
    s.send(Message::Text("flood".into())).await.expect("send");
    match next_text(&mut s).await {
        Some(Message::Close(Some(f))) => assert_eq!(f.code, CloseCode::Size),
        other => panic!("expected a 1009 close, got {other:?}"),
    }
}

#[tokio::test]
async fn foreign_origins_and_unknown_channels_are_refused_before_upgrading() {
    let r = start().await;
    let uri = create_channel(&r).await;
    let mut evil = uri.clone().into_client_request().expect("request");
    evil.headers_mut()
        .insert("origin", "http://evil.example".parse().expect("hv"));
    match tokio_tungstenite::connect_async(evil).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => assert_eq!(resp.status(), 403),
        other => panic!("a foreign page must not open the socket: {other:?}"),
    }
    let unknown = uri.replace(CHANNEL, "streaming-0-nobody-made-this");
    match tokio_tungstenite::connect_async(unknown).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => assert_eq!(resp.status(), 404),
        other => panic!("only channels this server created are relayed: {other:?}"),
    }
    // A plain GET (no upgrade) is told what the address is for.
    let plain = reqwest::get(format!(
        "{}api/notifications/socket/{CHANNEL}",
        r.server.url
    ))
    .await
    .expect("sent");
    assert_eq!(plain.status(), 400);
    let body: serde_json::Value = plain.json().await.expect("json");
    assert_eq!(body["code"], "lens.socket.not.websocket");
}

/// In process (no socket): the channel answer is rewritten for the `Host` the browser used, the
/// subscription calls pass with an array body, and nothing else about channels does.
#[tokio::test]
async fn the_proxy_rewrites_the_channel_and_passes_only_the_subscription_calls() {
    let up = spawn_upstream().await;
    let base = up.base.get().cloned().unwrap_or_default();
    let lens = common::Lens::new(real_config(
        &base,
        fake::CLIENT_ID,
        fake::SECRET,
        temp_dist("notify-oneshot"),
    ))
    .await;
    let made = lens
        .send(
            "POST",
            "/api/v2/notifications/channels",
            &[("host", "lens.test:8080")],
            "",
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    assert_eq!(
        made.json()["connectUri"],
        format!("ws://lens.test:8080/api/notifications/socket/{CHANNEL}")
    );
    assert!(
        !made.body.contains(&base.replacen("http://", "", 1)),
        "the upstream address stays server-side"
    );

    let subs = format!("/api/v2/notifications/channels/{CHANNEL}/subscriptions");
    let json = [("content-type", "application/json")];
    let body = r#"[{"id":"v2.users.d3264f61-03e7-43fa-9841-528714a1eb12.conversations"},{"id":"v2.routing.queues.0f8fad5b-d9cb-469f-a165-70867728950e.conversations"}]"#;
    let put = lens.send("PUT", &subs, &json, body).await;
    assert_eq!(put.status, 200, "{}", put.body);
    assert_eq!(put.json()["entities"][0]["state"], "Permitted");
    assert_eq!(put.json()["entities"][1]["state"], "Rejected");
    assert_eq!(
        put.json()["entities"][1]["missingPermissions"][0],
        "routing:queue:view"
    );

    let object = lens.send("PUT", &subs, &json, r#"{"id":"x"}"#).await;
    assert_eq!(
        object.json()["code"],
        "lens.body.invalid",
        "an object is not a topic list"
    );
    for (method, path) in [
        ("GET", "/api/v2/notifications/channels".to_string()),
        (
            "DELETE",
            format!("/api/v2/notifications/channels/{CHANNEL}"),
        ),
        ("PATCH", subs.clone()),
    ] {
        let r = lens.send(method, &path, &[], "").await;
        assert_eq!(r.json()["code"], "lens.not.allowed", "{method} {path}");
    }
}
