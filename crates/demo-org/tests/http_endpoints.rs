//! The real demo org over HTTP: every scenario's conversation, media-specific, by-id and
//! multi-get bodies validate against the reference models at several instants; the details query
//! returns the same record as the by-id GET; `GET /demo/*` shapes.

mod http_support;
mod support;

use chrono::Duration;
use http_support::*;
use serde_json::json;
use support::validator::Models;

fn models() -> Models {
    Models::load().unwrap_or_else(|e| panic!("{e}"))
}

fn media_segment(media_type: &str) -> Option<&'static str> {
    match media_type {
        "voice" => Some("calls"),
        "callback" => Some("callbacks"),
        "email" => Some("emails"),
        "message" => Some("messages"),
        _ => None,
    }
}

#[tokio::test]
async fn demo_endpoints_list_clients_and_scenarios() {
    let demo = spawn(frozen_cfg()).await;
    let g = got(http()
        .get(format!("{}/demo/clients", demo.base_url))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    let clients = g.body.as_array().cloned().unwrap_or_default();
    assert!(clients.len() >= 3);
    for c in &clients {
        for k in ["id", "name", "permissions", "demonstrates", "grantType"] {
            assert!(c.get(k).is_some(), "client lacks {k}: {c}");
        }
        // Only client-credentials clients have a secret; the PKCE client lists its users.
        let pkce = c["grantType"] == "pkce";
        assert_eq!(c.get("secret").is_some(), !pkce, "{c}");
        assert_eq!(c.get("users").is_some(), pkce, "{c}");
    }
    assert_eq!(
        clients.iter().filter(|c| c["grantType"] == "pkce").count(),
        1
    );
    let list = demo_scenarios(&demo).await;
    assert!(!list.is_empty());
    for s in &list {
        for k in [
            "id",
            "conversationId",
            "title",
            "teaches",
            "phase",
            "mediaType",
            "live",
            "conversationStart",
        ] {
            assert!(s.get(k).is_some(), "scenario lacks {k}: {s}");
        }
    }
    demo.shutdown().await;
}

#[tokio::test]
async fn every_scenario_validates_at_several_instants() {
    // Many calls with one token: lift the per-minute budget.
    let demo = spawn(demo_org::DemoConfig {
        rate_limit_per_minute: 1_000_000,
        ..frozen_cfg()
    })
    .await;
    let tok = full_token(&demo).await;
    let m = models();
    let mut realtime_seen = 0;
    let mut analytics_seen = 0;
    for offset in [0, 20, 90, 240, 900, 3600] {
        demo.state.clock.set(t0() + Duration::seconds(offset));
        for s in demo_scenarios(&demo).await {
            let id = s["conversationId"].as_str().unwrap_or_default().to_owned();
            let ctx = format!("{} at +{offset}s", s["id"]);

            let g = get(&demo, &tok, &format!("/api/v2/conversations/{id}")).await;
            if g.status == 200 {
                realtime_seen += 1;
                m.assert_valid("Conversation", &g.body, &ctx);
                assert_eq!(g.body["id"], id.as_str());
                // The media-specific view of the same conversation.
                if let Some(seg) = s["mediaType"].as_str().and_then(media_segment) {
                    let mg = get(&demo, &tok, &format!("/api/v2/conversations/{seg}/{id}")).await;
                    assert_eq!(mg.status, 200, "{ctx} /{seg}: {}", mg.body);
                    assert_eq!(
                        mg.body["selfUri"],
                        format!("/api/v2/conversations/{seg}/{id}")
                    );
                    assert!(
                        mg.body["participants"]
                            .as_array()
                            .is_some_and(|p| !p.is_empty()),
                        "{ctx}"
                    );
                }
            } else {
                assert_error(&g, 404, "not.found");
            }

            let g = get(
                &demo,
                &tok,
                &format!("/api/v2/analytics/conversations/{id}/details"),
            )
            .await;
            if g.status != 200 {
                assert_error(&g, 404, "not.found");
                continue;
            }
            analytics_seen += 1;
            m.assert_valid("AnalyticsConversationWithoutAttributes", &g.body, &ctx);
            assert!(
                !g.body.to_string().contains("\"attributes\""),
                "{ctx}: sync reads carry no attributes"
            );

            // The details query over the start day finds the same record.
            let start = g.body["conversationStart"].as_str().unwrap_or_default();
            let day = &start[..10];
            let q = json!({
                "interval": format!("{day}T00:00:00.000Z/{day}T23:59:59.999Z"),
                "conversationFilters": [{"type":"and","predicates":[{"dimension":"conversationId","value": id}]}]
            });
            let qg = post_json(&demo, &tok, QUERY, &q).await;
            assert_eq!(qg.status, 200, "{ctx}: {}", qg.body);
            m.assert_valid("AnalyticsConversationQueryResponse", &qg.body, &ctx);
            assert_eq!(qg.body["totalHits"], 1, "{ctx}");
            assert_eq!(
                qg.body["conversations"][0], g.body,
                "{ctx}: query and by-id agree"
            );

            let mg = get(
                &demo,
                &tok,
                &format!("/api/v2/analytics/conversations/details?id={id},no-such-id"),
            )
            .await;
            assert_eq!(mg.status, 200);
            m.assert_valid(
                "AnalyticsConversationWithoutAttributesMultiGetResponse",
                &mg.body,
                &ctx,
            );
            assert_eq!(
                mg.body["conversations"].as_array().map(Vec::len),
                Some(1),
                "{ctx}: unknown ids left out"
            );
        }
    }
    assert!(
        realtime_seen > 0 && analytics_seen > 0,
        "rt {realtime_seen}, an {analytics_seen}"
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn past_retention_is_404_on_conversations_but_present_in_analytics() {
    let demo = spawn(frozen_cfg()).await;
    let tok = full_token(&demo).await;
    let list = demo_scenarios(&demo).await;
    let s = list
        .iter()
        .find(|s| s["id"] == "past-retention")
        .unwrap_or_else(|| panic!("no past-retention scenario"));
    let id = s["conversationId"].as_str().unwrap_or_default();
    assert_error(
        &get(&demo, &tok, &format!("/api/v2/conversations/{id}")).await,
        404,
        "not.found",
    );
    assert_eq!(
        get(
            &demo,
            &tok,
            &format!("/api/v2/analytics/conversations/{id}/details")
        )
        .await
        .status,
        200
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn multi_get_needs_ids() {
    let demo = spawn(frozen_cfg()).await;
    let tok = full_token(&demo).await;
    assert_error(
        &get(&demo, &tok, "/api/v2/analytics/conversations/details").await,
        400,
        "bad.request",
    );
    assert_error(
        &get(&demo, &tok, "/api/v2/analytics/conversations/details?id=").await,
        400,
        "bad.request",
    );
    demo.shutdown().await;
}

#[tokio::test]
async fn demo_clock_moves_only_a_frozen_clock() {
    let demo = spawn(frozen_cfg()).await;
    let url = format!("{}/demo/clock", demo.base_url);
    let g = got(http()
        .get(&url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_eq!(
        (g.body["frozen"].as_bool(), g.body["now"].as_str()),
        (Some(true), Some("2026-05-20T12:00:00.000Z"))
    );
    let g = got(http()
        .post(&url)
        .json(&json!({"advanceSeconds": 90}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_eq!(g.body["now"], "2026-05-20T12:01:30.000Z");
    let g = got(http()
        .post(&url)
        .json(&json!({"at": "2026-05-21T00:00:00Z"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_eq!(g.body["now"], "2026-05-21T00:00:00.000Z");
    let g = got(http()
        .post(&url)
        .json(&json!({}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_error(&g, 400, "bad.request");
    demo.shutdown().await;

    let running = spawn(demo_org::DemoConfig {
        synthetic_conversations: 0,
        ..demo_org::DemoConfig::default()
    })
    .await;
    let url = format!("{}/demo/clock", running.base_url);
    let g = got(http()
        .post(&url)
        .json(&json!({"advanceSeconds": 90}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}")))
    .await;
    assert_error(&g, 400, "bad.request");
    running.shutdown().await;
}
