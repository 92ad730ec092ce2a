//! Contract test: both views of every scenario, at many instants, plus a sample of the synthetic
//! org, validate against the official SDK models (unknown fields, types, enums, datetimes).

mod support;

use chrono::{Duration, TimeZone, Utc};
use demo_org::DemoConfig;
use demo_org::org::{Org, without_attributes};
use support::instants::instants;
use support::validator::Models;

fn org() -> Org {
    let start = Utc
        .with_ymd_and_hms(2026, 5, 12, 14, 0, 0)
        .single()
        .expect("valid date");
    let cfg = DemoConfig {
        frozen_at: Some(start),
        synthetic_conversations: 3_000,
        ..DemoConfig::default()
    };
    Org::new(&cfg)
}

#[test]
fn every_scenario_view_matches_the_models_at_every_phase() {
    let models = Models::load().expect("reference models");
    let org = org();
    let mut realtime_seen = 0;
    let mut analytics_seen = 0;
    for s in org.all_scenarios() {
        for (label, at) in instants(&s.conv, org.origin(), org.timing()) {
            let ctx = format!("{} at {label} ({at})", s.id);
            if let Some(rt) = org.realtime(&s.conv.id, at) {
                let json = serde_json::to_value(&rt).expect("serialize");
                models.assert_valid("Conversation", &json, &ctx);
                assert!(
                    json.get("state").is_none(),
                    "{ctx}: top-level state is never present on reads"
                );
                realtime_seen += 1;
            }
            if let Some(an) = org.analytics(&s.conv.id, at) {
                let json = serde_json::to_value(&an).expect("serialize");
                models.assert_valid("AnalyticsConversation", &json, &ctx);
                let without = serde_json::to_value(without_attributes(an)).expect("serialize");
                models.assert_valid("AnalyticsConversationWithoutAttributes", &without, &ctx);
                assert!(
                    !without.to_string().contains("\"attributes\""),
                    "{ctx}: attributes left in"
                );
                analytics_seen += 1;
            }
        }
    }
    assert!(
        realtime_seen > 50 && analytics_seen > 50,
        "too few views checked: {realtime_seen}/{analytics_seen}"
    );
}

#[test]
fn scenario_list_is_camel_case_and_complete() {
    let org = org();
    let list = serde_json::to_value(org.scenarios(org.origin())).expect("serialize");
    let items = list.as_array().expect("array");
    assert!(items.len() >= 3);
    for item in items {
        for key in [
            "id",
            "conversationId",
            "title",
            "teaches",
            "phase",
            "mediaType",
            "live",
            "conversationStart",
            "runs",
        ] {
            assert!(item.get(key).is_some(), "{item} lacks {key}");
        }
        assert_eq!(
            item.as_object().map(serde_json::Map::len),
            Some(9),
            "{item}"
        );
    }
}

#[test]
fn synthetic_sample_matches_the_models() {
    let models = Models::load().expect("reference models");
    let org = org();
    let now = org.origin();
    let mut n = 0;
    for day in [1, 3, 10, 29] {
        let from = org.origin() - Duration::days(day);
        for an in org
            .analytics_started_in(from, from + Duration::days(1), now)
            .step_by(3)
            .take(40)
        {
            let id = an.conversation_id.clone().unwrap_or_default();
            let json = serde_json::to_value(&an).expect("serialize");
            models.assert_valid("AnalyticsConversation", &json, &format!("synthetic {id}"));
            if let Some(rt) = org.realtime(&id, now) {
                let json = serde_json::to_value(&rt).expect("serialize");
                models.assert_valid("Conversation", &json, &format!("synthetic real-time {id}"));
            }
            n += 1;
        }
    }
    assert!(n > 50, "checked only {n} synthetic conversations");
    eprintln!("checked {n} synthetic conversations");
}
