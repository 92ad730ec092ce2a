//! The Notifications API of the demo org: the contract (every topic body, channel and listing
//! validates against the SDK models in `reference/notifications-api-models.json`), the REST
//! calls' behaviour and errors, and a WebSocket client on a real socket watching a scenario run.

mod http_support;
mod support;

use chrono::Duration;
use demo_org::notifications::NotificationConfig;
use demo_org::notifications::schedule::{ChangeKind, changes_in};
use demo_org::org::Org;
use demo_org::timeline::Role;
use demo_org::{DemoConfig, RunningDemo};
use futures_util::{SinkExt, StreamExt};
use http_support::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use support::validator::Models;
use tokio_tungstenite::tungstenite::Message;

const CHANNELS: &str = "/api/v2/notifications/channels";

fn cfg() -> DemoConfig {
    DemoConfig {
        notifications: NotificationConfig {
            channel_ttl: std::time::Duration::from_secs(3600),
            heartbeat: std::time::Duration::from_millis(300),
            tick: std::time::Duration::from_millis(50),
        },
        ..frozen_cfg()
    }
}

fn models() -> Models {
    Models::load().unwrap_or_else(|e| panic!("reference models: {e}"))
}

#[test]
fn every_change_of_every_scenario_has_a_topic_body_that_matches_the_models() {
    let models = models();
    let org = Org::new(&cfg());
    let retention = org.timing().retention;
    let mut kinds = BTreeSet::new();
    let mut checked = 0;
    for s in org.all_scenarios() {
        let c = &s.conv;
        let changes = changes_in(
            c,
            c.start(),
            c.acw_end() + Duration::milliseconds(1),
            retention,
        );
        assert!(changes.len() >= 2, "{}: too few changes", s.id);
        for ch in changes {
            let ctx = format!("{} at {} ({:?})", s.id, ch.at, ch.kinds);
            models.assert_valid("ConversationEventTopicConversation", &ch.body, &ctx);
            models.assert_valid("QueueConversationEventTopicConversation", &ch.body, &ctx);
            assert_eq!(ch.body["id"], c.id.as_str(), "{ctx}");
            kinds.extend(ch.kinds.iter().copied());
            checked += 1;
        }
    }
    for k in [
        ChangeKind::Alerting,
        ChangeKind::Connected,
        ChangeKind::Held,
        ChangeKind::Unheld,
        ChangeKind::Transferred,
        ChangeKind::Disconnected,
        ChangeKind::WrapUp,
    ] {
        assert!(kinds.contains(&k), "no scenario produces {k:?}");
    }
    assert!(checked > 50, "only {checked} bodies checked");
}

#[test]
fn a_hold_shows_in_the_body_and_its_end_is_an_unhold() {
    let org = Org::new(&cfg());
    let s = org
        .scenario("hold-resume")
        .unwrap_or_else(|| panic!("no hold-resume"));
    let c = &s.conv;
    let changes = changes_in(c, c.start(), c.acw_end(), org.timing().retention);
    let held = changes
        .iter()
        .find(|ch| ch.kinds.contains(&ChangeKind::Held))
        .unwrap_or_else(|| panic!("no hold"));
    let agent_call = held.body["participants"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["purpose"] == "agent"))
        .map(|p| p["calls"][0].clone())
        .unwrap_or_default();
    assert_eq!(agent_call["held"], true, "{agent_call}");
    assert!(agent_call["startHoldTime"].is_string());
    assert!(
        changes
            .iter()
            .any(|ch| ch.at > held.at && ch.kinds.contains(&ChangeKind::Unheld))
    );
    let names: BTreeSet<String> = held.topics.iter().map(|t| t.name()).collect();
    assert!(names.iter().any(|n| n.starts_with("v2.users.")));
    assert!(names.iter().any(|n| n.starts_with("v2.routing.queues.")));
}

async fn create_channel(demo: &RunningDemo, token: &str) -> Value {
    let g = post_json(demo, token, CHANNELS, &json!({})).await;
    assert_eq!(g.status, 200, "{}", g.body);
    g.body
}

async fn put_json(demo: &RunningDemo, token: &str, path: &str, body: &Value) -> Got {
    let resp = http()
        .put(format!("{}{path}", demo.base_url))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("PUT {path}: {e}"));
    got(resp).await
}

async fn head(demo: &RunningDemo, token: &str, path: &str) -> u16 {
    http()
        .head(format!("{}{path}", demo.base_url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("HEAD {path}: {e}"))
        .status()
        .as_u16()
}

fn states(listing: &Value) -> Vec<(String, String)> {
    listing["entities"]
        .as_array()
        .map(|es| {
            es.iter()
                .map(|e| {
                    (
                        e["id"].as_str().unwrap_or_default().to_owned(),
                        e["state"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn channels_subscriptions_and_topics_answer_with_the_sdk_models() {
    let models = models();
    let demo = spawn(cfg()).await;
    let token = full_token(&demo).await;

    let ch = create_channel(&demo, &token).await;
    models.assert_valid("Channel", &ch, "POST channels");
    let id = ch["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        ch["connectUri"],
        format!("ws://{}/channels/{id}", demo.addr),
        "connectUri points back at the host the request came to"
    );
    assert_eq!(
        ch["expires"], "2026-05-20T13:00:00.000Z",
        "now + channel_ttl"
    );

    let topics = get(
        &demo,
        &token,
        "/api/v2/notifications/availabletopics?expand=transports,requiresPermissions,permissionDetails,topicParameters,visibility,enforced,publicApiTemplateUriPaths,description",
    )
    .await;
    assert_eq!(topics.status, 200, "{}", topics.body);
    models.assert_valid(
        "AvailableTopicEntityListing",
        &topics.body,
        "availabletopics",
    );
    let ids: Vec<&str> = topics.body["entities"]
        .as_array()
        .map(|es| es.iter().filter_map(|e| e["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ids,
        [
            "v2.users.{id}.conversations",
            "v2.routing.queues.{id}.conversations"
        ]
    );
    assert_eq!(topics.body["entities"][0]["transports"], json!(["All"]));
    let bad_expand = get(
        &demo,
        &token,
        "/api/v2/notifications/availabletopics?expand=bogus",
    )
    .await;
    assert_error(&bad_expand, 400, "invalid.value");

    let subs = format!("{CHANNELS}/{id}/subscriptions");
    let added = post_json(
        &demo,
        &token,
        &format!("{subs}?ignoreErrors=true"),
        &json!([{"id": "v2.users.u-1.conversations"}, {"id": "v2.analytics.conversation.c-1.metrics"}]),
    )
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    models.assert_valid(
        "ChannelTopicEntityListing",
        &added.body,
        "POST subscriptions",
    );
    assert_eq!(
        states(&added.body),
        [
            ("v2.users.u-1.conversations".into(), "Permitted".into()),
            (
                "v2.analytics.conversation.c-1.metrics".into(),
                "Rejected".into()
            ),
        ]
    );
    assert!(
        added.body["entities"][1]["rejectionReason"]
            .as_str()
            .is_some_and(|r| r.contains("does not publish"))
    );

    let replaced = put_json(
        &demo,
        &token,
        &subs,
        &json!([{"id": "v2.routing.queues.q-1.conversations"}]),
    )
    .await;
    assert_eq!(
        states(&replaced.body),
        [(
            "v2.routing.queues.q-1.conversations".into(),
            "Permitted".into()
        )]
    );
    let listed = get(&demo, &token, &subs).await;
    models.assert_valid(
        "ChannelTopicEntityListing",
        &listed.body,
        "GET subscriptions",
    );
    assert_eq!(states(&listed.body).len(), 1);

    let unknown_topic = post_json(
        &demo,
        &token,
        &subs,
        &json!([{"id": "v2.conversations.c-1"}]),
    )
    .await;
    assert_error(&unknown_topic, 400, "bad.request");

    let all = get(&demo, &token, CHANNELS).await;
    assert_eq!(all.status, 200, "{}", all.body);
    for e in all.body["entities"].as_array().into_iter().flatten() {
        models.assert_valid("Channel", e, "GET channels entity");
    }
    assert!(all.body.to_string().contains(&id));

    assert_eq!(head(&demo, &token, &format!("{CHANNELS}/{id}")).await, 200);
    let deleted = delete(&demo, &token, &subs).await;
    assert_eq!(deleted.status, 204);
    assert!(states(&get(&demo, &token, &subs).await.body).is_empty());
}

#[tokio::test]
async fn unknown_channels_and_missing_permissions_fail_the_genesys_way() {
    let models = models();
    let demo = spawn(cfg()).await;
    let token = full_token(&demo).await;
    let missing = format!("{CHANNELS}/streaming-0-nosuchchannel/subscriptions");
    assert_error(&get(&demo, &token, &missing).await, 404, "not.found");
    assert_error(
        &post_json(&demo, &token, &missing, &json!([])).await,
        404,
        "not.found",
    );
    assert_eq!(
        head(
            &demo,
            &token,
            &format!("{CHANNELS}/streaming-0-nosuchchannel")
        )
        .await,
        404
    );

    // A client without conversation:communication:view cannot watch conversations.
    let limited = token_for(&demo, "lens-demo-no-conversations").await;
    let ch = create_channel(&demo, &limited).await;
    let subs = format!(
        "{CHANNELS}/{}/subscriptions",
        ch["id"].as_str().unwrap_or_default()
    );
    let topic = json!([{"id": "v2.users.u-1.conversations"}]);
    assert_error(
        &post_json(&demo, &limited, &subs, &topic).await,
        403,
        "missing.any.permissions",
    );
    let soft = post_json(
        &demo,
        &limited,
        &format!("{subs}?ignoreErrors=true"),
        &topic,
    )
    .await;
    assert_eq!(soft.status, 200, "{}", soft.body);
    models.assert_valid("ChannelTopicEntityListing", &soft.body, "rejected listing");
    let rejected = &soft.body["entities"][0];
    assert_eq!(rejected["state"], "Rejected");
    assert_eq!(
        rejected["missingPermissions"],
        json!(["conversation:communication:view"])
    );
    assert!(rejected["rejectionReason"].is_string());

    // Another client's channel does not exist for you.
    assert_error(&get(&demo, &token, &subs).await, 404, "not.found");
    assert!(states(&get(&demo, &limited, &subs).await.body).is_empty());
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The next JSON text frame; `None` once the server closed the socket.
async fn next_json(ws: &mut Socket) -> Option<Value> {
    loop {
        // A guard against a hung test, not a speed assertion.
        let frame = tokio::time::timeout(std::time::Duration::from_secs(60), ws.next())
            .await
            .unwrap_or_else(|_| panic!("no frame within 60 s"));
        match frame {
            Some(Ok(Message::Text(t))) => {
                return Some(
                    serde_json::from_str(t.as_str())
                        .unwrap_or_else(|e| panic!("frame is not JSON ({e}): {t}")),
                );
            }
            Some(Ok(Message::Close(_))) | None => return None,
            Some(Ok(_)) => {}
            Some(Err(e)) => panic!("socket error: {e}"),
        }
    }
}

async fn move_clock(demo: &RunningDemo, seconds: i64) {
    let g = got(http()
        .post(format!("{}/demo/clock", demo.base_url))
        .json(&json!({ "advanceSeconds": seconds }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("clock: {e}")))
    .await;
    assert_eq!(g.status, 200, "{}", g.body);
}

#[tokio::test]
async fn a_websocket_client_watches_a_started_run_then_the_channel_expires() {
    let models = models();
    let config = cfg();
    // The directory ids (agent, queue) are the same in every run of a scenario.
    let local = Org::new(&config);
    let story = local
        .scenario("hold-resume")
        .unwrap_or_else(|| panic!("no hold-resume"));
    let agent = story
        .conv
        .parties
        .iter()
        .find(|p| p.role == Role::Agent)
        .and_then(|p| p.user_id.clone())
        .unwrap_or_else(|| panic!("no agent"));
    let queue = story
        .conv
        .parties
        .iter()
        .find_map(|p| p.queue.as_ref().map(|q| q.0.clone()))
        .unwrap_or_else(|| panic!("no queue"));
    let story_secs = (story.conv.acw_end() - story.conv.start()).num_seconds() + 1;

    let demo = spawn(config).await;
    let token = full_token(&demo).await;
    let ch = create_channel(&demo, &token).await;
    let id = ch["id"].as_str().unwrap_or_default().to_owned();
    let user_topic = format!("v2.users.{agent}.conversations");
    let queue_topic = format!("v2.routing.queues.{queue}.conversations");
    let subscribed = post_json(
        &demo,
        &token,
        &format!("{CHANNELS}/{id}/subscriptions"),
        &json!([{"id": user_topic}, {"id": queue_topic}]),
    )
    .await;
    assert_eq!(subscribed.status, 200, "{}", subscribed.body);

    let uri = ch["connectUri"].as_str().unwrap_or_default().to_owned();
    let (mut ws, _) = tokio_tungstenite::connect_async(uri.as_str())
        .await
        .unwrap_or_else(|e| panic!("connect {uri}: {e}"));

    let started = got(http()
        .post(format!(
            "{}/demo/scenarios/hold-resume/start",
            demo.base_url
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("start: {e}")))
    .await;
    assert_eq!(started.status, 201, "{}", started.body);
    let conv_id = started.body["conversationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    move_clock(&demo, story_secs).await;

    // Events of the run on both topics, plus heartbeats in between.
    let mut events: Vec<Value> = Vec::new();
    let mut heartbeats = 0;
    let mut held_seen = false;
    while events.len() < 6 || heartbeats == 0 {
        let Some(frame) = next_json(&mut ws).await else {
            panic!("socket closed early after {} events", events.len())
        };
        match frame["topicName"].as_str() {
            Some("channel.metadata") => {
                assert_eq!(frame["eventBody"]["message"], "WebSocket Heartbeat");
                heartbeats += 1;
            }
            Some(t) if t == user_topic || t == queue_topic => {
                assert!(frame["version"].is_string());
                assert!(frame["metadata"]["CorrelationId"].is_string());
                let model = if t == user_topic {
                    "ConversationEventTopicConversation"
                } else {
                    "QueueConversationEventTopicConversation"
                };
                models.assert_valid(model, &frame["eventBody"], t);
                // Other conversations of the same agent or queue are heard too: keep this one's.
                if frame["eventBody"]["id"] != conv_id.as_str() {
                    continue;
                }
                held_seen |= frame["eventBody"].to_string().contains("\"held\":true");
                events.push(frame);
            }
            other => panic!("unexpected frame on {other:?}: {frame}"),
        }
    }
    assert!(held_seen, "the hold reached the socket");
    let topics: BTreeSet<&str> = events
        .iter()
        .filter_map(|e| e["topicName"].as_str())
        .collect();
    assert_eq!(
        topics.len(),
        2,
        "both the user and the queue topic heard it"
    );

    // A ping is answered.
    ws.send(Message::text(r#"{"message":"ping"}"#))
        .await
        .unwrap_or_else(|e| panic!("ping: {e}"));
    loop {
        let frame = next_json(&mut ws).await.unwrap_or_default();
        if frame["eventBody"]["message"] == "pong" {
            break;
        }
    }

    // Past its expiry the channel says so, closes, and is gone.
    move_clock(&demo, 3600).await;
    let mut closing = false;
    while let Some(frame) = next_json(&mut ws).await {
        closing |= frame["topicName"] == "v2.system.socket_closing";
    }
    assert!(closing, "v2.system.socket_closing came before the close");
    assert_eq!(head(&demo, &token, &format!("{CHANNELS}/{id}")).await, 404);
    match tokio_tungstenite::connect_async(uri.as_str()).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
            assert_eq!(resp.status().as_u16(), 404);
        }
        other => panic!(
            "an expired channel must not accept a socket: {:?}",
            other.err()
        ),
    }
}

#[tokio::test]
async fn a_client_that_goes_away_can_come_back_to_its_channel() {
    let demo = spawn(cfg()).await;
    let token = full_token(&demo).await;
    let ch = create_channel(&demo, &token).await;
    let uri = ch["connectUri"].as_str().unwrap_or_default().to_owned();
    let (ws, _) = tokio_tungstenite::connect_async(uri.as_str())
        .await
        .unwrap_or_else(|e| panic!("connect: {e}"));
    drop(ws);
    let (mut again, _) = tokio_tungstenite::connect_async(uri.as_str())
        .await
        .unwrap_or_else(|e| panic!("reconnect: {e}"));
    let beat = next_json(&mut again).await.unwrap_or_default();
    assert_eq!(beat["topicName"], "channel.metadata");
    let unknown = uri.replace(ch["id"].as_str().unwrap_or("x"), "streaming-0-unknown");
    match tokio_tungstenite::connect_async(unknown.as_str()).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
            assert_eq!(resp.status().as_u16(), 404);
        }
        other => panic!("an unknown channel must answer 404: {:?}", other.err()),
    }
}

/// The standalone `demo-org` binary, killed when dropped.
struct Standalone {
    child: std::process::Child,
    base_url: String,
}

impl Drop for Standalone {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn standalone() -> Standalone {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_demo-org"))
        .args([
            "--port",
            "0",
            "--frozen-at",
            "2026-05-20T12:00:00Z",
            "--synthetic-conversations",
            "500",
            "--heartbeat",
            "1",
            "--channel-ttl",
            "3600",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start demo-org: {e}"));
    let mut first = String::new();
    if let Some(out) = child.stdout.take() {
        let mut out = std::io::BufReader::new(out);
        let _ = out.read_line(&mut first);
        // Keep draining: a closed pipe would make the binary's next print fail.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    }
    let base_url = first
        .trim()
        .strip_prefix("demo-org listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
        .to_owned();
    Standalone { child, base_url }
}

#[tokio::test]
async fn the_standalone_binary_streams_a_started_run_to_a_websocket_client() {
    let org = standalone();
    let base = org.base_url.clone();
    let client = demo_org::clients::DEMO_CLIENTS[0];
    let token: Value = http()
        .post(format!("{base}/oauth/token"))
        .basic_auth(client.id, Some(client.secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("token: {e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("token json: {e}"));
    let token = token["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let ch: Value = http()
        .post(format!("{base}{CHANNELS}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("channel: {e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("channel json: {e}"));
    let id = ch["id"].as_str().unwrap_or_default();
    // The inbound-answered story's queue, from the same org built here.
    let local = Org::new(&cfg());
    let queue = local
        .scenario("inbound-answered")
        .and_then(|s| s.conv.parties.iter().find_map(|p| p.queue.clone()))
        .map(|q| q.0)
        .unwrap_or_else(|| panic!("no queue"));
    let topic = format!("v2.routing.queues.{queue}.conversations");
    let sub = http()
        .put(format!("{base}{CHANNELS}/{id}/subscriptions"))
        .bearer_auth(&token)
        .json(&json!([{ "id": topic }]))
        .send()
        .await
        .unwrap_or_else(|e| panic!("subscribe: {e}"));
    assert_eq!(sub.status(), 200);
    let uri = ch["connectUri"].as_str().unwrap_or_default();
    let (mut ws, _) = tokio_tungstenite::connect_async(uri)
        .await
        .unwrap_or_else(|e| panic!("connect {uri}: {e}"));
    let started: Value = http()
        .post(format!("{base}/demo/scenarios/inbound-answered/start"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("start: {e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("start json: {e}"));
    let conv_id = started["conversationId"].as_str().unwrap_or_default();
    let advance = |secs: i64| {
        let base = base.clone();
        async move {
            let r = http()
                .post(format!("{base}/demo/clock"))
                .json(&json!({ "advanceSeconds": secs }))
                .send()
                .await
                .unwrap_or_else(|e| panic!("clock: {e}"));
            assert_eq!(r.status(), 200);
        }
    };
    advance(900).await;
    let (mut mine, mut heartbeat) = (0, false);
    while mine < 3 || !heartbeat {
        let frame = next_json(&mut ws)
            .await
            .unwrap_or_else(|| panic!("closed after {mine} events"));
        if frame["topicName"] == "channel.metadata" {
            heartbeat = true;
        } else if frame["topicName"] == topic.as_str() && frame["eventBody"]["id"] == conv_id {
            mine += 1;
        }
    }
    advance(3600).await;
    let mut closing = false;
    while let Some(frame) = next_json(&mut ws).await {
        closing |= frame["topicName"] == "v2.system.socket_closing";
    }
    assert!(closing, "socket_closing before the close");
}
