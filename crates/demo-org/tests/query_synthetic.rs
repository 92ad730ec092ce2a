//! The details query against the real (synthetic) org over HTTP: paging walks every hit exactly
//! once in order until `conversations` is absent; every hit started on a touched day; a segment
//! filter only returns conversations that have a matching segment; bodies validate.

mod http_support;
mod support;

use demo_org::DemoConfig;
use http_support::*;
use serde_json::{Value, json};
use std::collections::HashSet;

fn cfg() -> DemoConfig {
    DemoConfig {
        rate_limit_per_minute: 1_000_000,
        ..frozen_cfg()
    }
}

/// A whole UTC day well in the past of t0 (no live conversations, so totals are stable).
const DAY: &str = "2026-05-17T00:00:00.000Z/2026-05-18T00:00:00.000Z";

#[tokio::test]
async fn paging_walks_every_hit_once_in_order() {
    let demo = spawn(cfg()).await;
    let tok = full_token(&demo).await;
    let models = support::validator::Models::load().unwrap_or_else(|e| panic!("{e}"));
    let mut seen = Vec::new();
    let mut total = None;
    for page in 1.. {
        let q = json!({"interval": DAY, "paging": {"pageSize": 10, "pageNumber": page}});
        let g = post_json(&demo, &tok, QUERY, &q).await;
        assert_eq!(g.status, 200, "{}", g.body);
        models.assert_valid(
            "AnalyticsConversationQueryResponse",
            &g.body,
            &format!("page {page}"),
        );
        let t = g.body["totalHits"].as_i64();
        assert!(
            total.is_none() || total == t,
            "totalHits stable over a past day"
        );
        total = t;
        let Some(convs) = g.body["conversations"].as_array() else {
            break;
        };
        assert!(!convs.is_empty(), "an empty page is absent, not []");
        for c in convs {
            let start = c["conversationStart"].as_str().unwrap_or_default();
            assert!(
                start.starts_with("2026-05-17"),
                "started on the touched day: {start}"
            );
            seen.push((
                start.to_owned(),
                c["conversationId"].as_str().unwrap_or_default().to_owned(),
            ));
        }
        assert!(page < 1000, "paging never ends");
    }
    let total = usize::try_from(total.unwrap_or(0)).unwrap_or(0);
    assert!(total > 0, "the synthetic org has conversations on {DAY}");
    assert_eq!(seen.len(), total, "pages add up to totalHits");
    let unique: HashSet<_> = seen.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(unique.len(), total, "no conversation on two pages");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "ascending conversationStart"
    );
    demo.shutdown().await;
}

fn has_segment_with(c: &Value, key: &str, value: &str) -> bool {
    c["participants"].as_array().into_iter().flatten().any(|p| {
        p["sessions"].as_array().into_iter().flatten().any(|s| {
            s["segments"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|g| g[key] == value)
        })
    })
}

#[tokio::test]
async fn segment_filter_on_queue_returns_only_matching_conversations() {
    let demo = spawn(cfg()).await;
    let tok = full_token(&demo).await;
    let all = post_json(
        &demo,
        &tok,
        QUERY,
        &json!({"interval": DAY, "paging": {"pageSize": 200, "pageNumber": 1}}),
    )
    .await;
    let convs = all.body["conversations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let queue = convs
        .iter()
        .flat_map(|c| c["participants"].as_array().cloned().unwrap_or_default())
        .flat_map(|p| p["sessions"].as_array().cloned().unwrap_or_default())
        .flat_map(|s| s["segments"].as_array().cloned().unwrap_or_default())
        .find_map(|g| g["queueId"].as_str().map(str::to_owned))
        .unwrap_or_else(|| panic!("no queue in the synthetic day"));
    let q = json!({"interval": DAY, "paging": {"pageSize": 200, "pageNumber": 1},
        "segmentFilters": [{"type":"and","predicates":[{"dimension":"queueId","value": queue}]}]});
    let g = post_json(&demo, &tok, QUERY, &q).await;
    assert_eq!(g.status, 200);
    let hits = g.body["conversations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|c| has_segment_with(c, "queueId", &queue)));
    let expected = convs
        .iter()
        .filter(|c| has_segment_with(c, "queueId", &queue))
        .count();
    if all.body["totalHits"].as_u64().is_some_and(|t| t <= 200) {
        assert_eq!(
            hits.len(),
            expected,
            "the filter keeps exactly the conversations with that queue"
        );
    }
    // The same predicate at conversation level is ignored: same total as no filter.
    let q = json!({"interval": DAY, "conversationFilters": [{"type":"and","predicates":[{"dimension":"queueId","value": queue}]}]});
    let g = post_json(&demo, &tok, QUERY, &q).await;
    assert_eq!(g.body["totalHits"], all.body["totalHits"]);
    demo.shutdown().await;
}

#[test]
fn cached_hit_lists_page_exactly_like_a_fresh_query() {
    let state = demo_org::AppState::new(cfg());
    let now = state.now();
    let cache = demo_org::query::cache::HitCache::default();
    assert!(
        state.settled_before() >= ts("2026-05-18T00:00:00.000Z"),
        "a past day is settled"
    );
    for page in 1..=3 {
        let q: model::analytics::ConversationQuery = serde_json::from_value(json!({
            "interval": DAY, "order": "desc", "paging": {"pageSize": 7, "pageNumber": page},
            "aggregations": [{"type": "termFrequency", "dimension": "mediaType"}]
        }))
        .unwrap_or_default();
        let fresh = demo_org::query::run_details_query(state.org.as_ref(), &q, now);
        let cached = demo_org::query::run_details_query_cached(
            state.org.as_ref(),
            &q,
            now,
            &cache,
            state.settled_before(),
        );
        assert_eq!(
            fresh.map_err(|e| e.code),
            cached.map_err(|e| e.code),
            "page {page}"
        );
    }
}
