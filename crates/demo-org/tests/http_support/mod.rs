//! Helpers for the HTTP tests: spawn a demo org on loopback, get tokens, call it with reqwest,
//! and a tiny hand-made org (`FixtureOrg`) whose conversations pin query semantics down exactly.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use demo_org::clients::DEMO_CLIENTS;
use demo_org::{AppState, DemoConfig, OrgView, RunningDemo};
use model::analytics::{
    AnalyticsConversation, AnalyticsConversationSegment, AnalyticsParticipant, AnalyticsSession,
    AnalyticsSessionMetric, MediaType, OriginatingDirection, Purpose, SegmentType,
};
use model::conversations::Conversation;
use serde_json::Value;
use std::sync::Arc;

/// The instant every frozen test org starts at.
pub fn t0() -> DateTime<Utc> {
    ts("2026-05-20T12:00:00.000Z")
}

pub fn ts(s: &str) -> DateTime<Utc> {
    model::time::from_wire(s).unwrap_or_else(|e| panic!("bad timestamp {s}: {e}"))
}

/// A frozen, small config (fast to build).
pub fn frozen_cfg() -> DemoConfig {
    DemoConfig {
        frozen_at: Some(t0()),
        synthetic_conversations: 2_000,
        ..DemoConfig::default()
    }
}

/// Spawn the real org for `cfg`.
pub async fn spawn(cfg: DemoConfig) -> RunningDemo {
    demo_org::spawn(cfg)
        .await
        .unwrap_or_else(|e| panic!("spawn failed: {e}"))
}

/// Spawn a hand-made org.
pub async fn spawn_fixture(cfg: DemoConfig, org: FixtureOrg) -> RunningDemo {
    demo_org::http::spawn_with_state(AppState::with_org(cfg, Arc::new(org)))
        .await
        .unwrap_or_else(|e| panic!("spawn failed: {e}"))
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"))
}

/// `GET /demo/scenarios`: the scenario list as JSON.
pub async fn demo_scenarios(demo: &RunningDemo) -> Vec<Value> {
    let g = got(http()
        .get(format!("{}/demo/scenarios", demo.base_url))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_eq!(g.status, 200);
    g.body
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("scenarios not a list: {}", g.body))
}

/// The scenario with slug `slug` (panics if the demo org lacks it).
pub async fn demo_scenario(demo: &RunningDemo, slug: &str) -> Value {
    demo_scenarios(demo)
        .await
        .into_iter()
        .find(|s| s["id"] == slug)
        .unwrap_or_else(|| panic!("no scenario {slug}"))
}

/// A token for the demo client called `name`.
pub async fn token_for(demo: &RunningDemo, name: &str) -> String {
    let c = DEMO_CLIENTS
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no demo client {name}"));
    let resp = http()
        .post(format!("{}/oauth/token", demo.base_url))
        .basic_auth(c.id, Some(c.secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("token request: {e}"));
    assert_eq!(resp.status(), 200, "token for {name}");
    let v: Value = resp
        .json()
        .await
        .unwrap_or_else(|e| panic!("token json: {e}"));
    v["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no access_token in {v}"))
        .to_owned()
}

pub async fn full_token(demo: &RunningDemo) -> String {
    token_for(demo, "lens-demo-full").await
}

/// Status, correlation header and JSON body of a response.
pub struct Got {
    pub status: u16,
    pub correlation: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

pub async fn got(resp: reqwest::Response) -> Got {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let correlation = headers
        .get("inin-correlation-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let text = resp.text().await.unwrap_or_default();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    Got {
        status,
        correlation,
        headers,
        body,
    }
}

pub async fn get(demo: &RunningDemo, token: &str, path: &str) -> Got {
    let resp = http()
        .get(format!("{}{path}", demo.base_url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    got(resp).await
}

pub async fn post_json(demo: &RunningDemo, token: &str, path: &str, body: &Value) -> Got {
    let resp = http()
        .post(format!("{}{path}", demo.base_url))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"));
    got(resp).await
}

pub async fn delete(demo: &RunningDemo, token: &str, path: &str) -> Got {
    let resp = http()
        .delete(format!("{}{path}", demo.base_url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("DELETE {path}: {e}"));
    got(resp).await
}

pub const QUERY: &str = "/api/v2/analytics/conversations/details/query";
pub const JOBS: &str = "/api/v2/analytics/conversations/details/jobs";

/// Assert a Genesys error: status, code, `contextId` == `ININ-Correlation-Id`.
pub fn assert_error(g: &Got, status: u16, code: &str) {
    assert_eq!(g.status, status, "status; body {}", g.body);
    assert_eq!(g.body["code"], code, "code; body {}", g.body);
    assert_eq!(g.body["status"], status, "status field; body {}", g.body);
    let ctx = g.body["contextId"]
        .as_str()
        .unwrap_or_else(|| panic!("no contextId in {}", g.body));
    assert_eq!(
        Some(ctx),
        g.correlation.as_deref(),
        "contextId must equal ININ-Correlation-Id"
    );
    assert!(
        g.body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "message; body {}",
        g.body
    );
}

/// Conversation ids in a query response, in order.
pub fn ids(body: &Value) -> Vec<String> {
    body["conversations"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["conversationId"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

// ---------- a hand-made org ----------

/// One fixture conversation: an inbound (or outbound) call/email with a customer, an ACD and an
/// agent, whose analytics record is fully specified by these fields.
#[derive(Debug, Clone)]
pub struct Spec {
    pub id: &'static str,
    pub start: DateTime<Utc>,
    /// `None` = still live.
    pub end: Option<DateTime<Utc>>,
    pub media: MediaType,
    pub direction: OriginatingDirection,
    pub queue: &'static str,
    pub user: &'static str,
    pub ani: &'static str,
    pub t_handle: Option<i64>,
    pub wrap_up: Option<&'static str>,
}

impl Spec {
    pub fn new(id: &'static str, start: &str, minutes: Option<i64>) -> Self {
        let start = ts(start);
        Self {
            id,
            start,
            end: minutes.map(|m| start + Duration::minutes(m)),
            media: MediaType::Voice,
            direction: OriginatingDirection::Inbound,
            queue: "queue-billing",
            user: "user-jane",
            ani: "tel:+13175550199",
            t_handle: minutes.map(|m| m * 60_000),
            wrap_up: None,
        }
    }

    pub fn analytics(&self) -> AnalyticsConversation {
        let end_or_open = self.end;
        let seg = |ty: SegmentType, queue: Option<&str>, wrap: Option<&str>| {
            AnalyticsConversationSegment {
                segment_start: Some(self.start),
                segment_end: end_or_open,
                segment_type: Some(ty),
                queue_id: queue.map(str::to_owned),
                wrap_up_code: wrap.map(str::to_owned),
                ..Default::default()
            }
        };
        let session = |segments: Vec<AnalyticsConversationSegment>,
                       metrics: Vec<AnalyticsSessionMetric>| {
            AnalyticsSession {
                session_id: Some(format!("{}-s", self.id)),
                media_type: Some(self.media.clone()),
                direction: Some(model::conversations::Direction::from_wire(
                    self.direction.as_str(),
                )),
                ani: Some(self.ani.to_owned()),
                segments: Some(segments),
                metrics: Some(metrics),
                ..Default::default()
            }
        };
        let mut agent_metrics = Vec::new();
        if let Some(v) = self.t_handle {
            agent_metrics.push(AnalyticsSessionMetric {
                name: Some("tHandle".into()),
                value: Some(v),
                emit_date: self.end,
            });
        }
        AnalyticsConversation {
            conversation_id: Some(self.id.to_owned()),
            conversation_start: Some(self.start),
            conversation_end: self.end,
            originating_direction: Some(self.direction.clone()),
            division_ids: Some(vec!["division-home".into()]),
            participants: Some(vec![
                AnalyticsParticipant {
                    participant_id: Some(format!("{}-customer", self.id)),
                    purpose: Some(Purpose::Customer),
                    sessions: Some(vec![session(
                        vec![seg(SegmentType::Interact, None, None)],
                        vec![],
                    )]),
                    attributes: Some(
                        [("accountNumber".to_owned(), "AC-1".to_owned())]
                            .into_iter()
                            .collect(),
                    ),
                    ..Default::default()
                },
                AnalyticsParticipant {
                    participant_id: Some(format!("{}-acd", self.id)),
                    purpose: Some(Purpose::Acd),
                    sessions: Some(vec![session(
                        vec![seg(SegmentType::Interact, Some(self.queue), None)],
                        vec![],
                    )]),
                    ..Default::default()
                },
                AnalyticsParticipant {
                    participant_id: Some(format!("{}-agent", self.id)),
                    purpose: Some(Purpose::Agent),
                    user_id: Some(self.user.to_owned()),
                    sessions: Some(vec![session(
                        vec![seg(SegmentType::Interact, Some(self.queue), None)]
                            .into_iter()
                            .chain(
                                self.wrap_up
                                    .map(|w| seg(SegmentType::Wrapup, Some(self.queue), Some(w))),
                            )
                            .collect(),
                        agent_metrics,
                    )]),
                    ..Default::default()
                },
            ]),
            ..Default::default()
        }
    }
}

/// An org made of [`Spec`]s (analytics only; the real-time view is empty).
#[derive(Debug, Clone, Default)]
pub struct FixtureOrg {
    pub specs: Vec<Spec>,
}

impl OrgView for FixtureOrg {
    fn realtime(&self, _id: &str, _now: DateTime<Utc>) -> Option<Conversation> {
        None
    }

    fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<AnalyticsConversation> {
        self.specs
            .iter()
            .find(|s| s.id == id && s.start <= now)
            .map(|s| at(s, now))
    }

    fn analytics_started_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a> {
        let mut v: Vec<&Spec> = self
            .specs
            .iter()
            .filter(|s| s.start >= from && s.start < to && s.start <= now)
            .collect();
        v.sort_by_key(|s| s.start);
        Box::new(v.into_iter().map(move |s| at(s, now)))
    }

    fn scenarios(&self, _now: DateTime<Utc>) -> Value {
        Value::Array(vec![])
    }
}

/// The record as visible at `now`: not yet ended conversations have no end.
fn at(s: &Spec, now: DateTime<Utc>) -> AnalyticsConversation {
    let mut s = s.clone();
    if s.end.is_some_and(|e| e > now) {
        s.end = None;
        s.t_handle = None;
    }
    s.analytics()
}
