//! `cargo bench -p demo-org` (run by `cargo xtask bench`): start-up time, memory and details-query
//! latency (p50/p99) of the demo org with the default 100,000-conversation synthetic org.
//! In-process (the query engine exactly as the HTTP handler calls it) plus over loopback HTTP.
//! The 7-day query is also timed the way it ran before the start index (every record built) so
//! the saving stays visible: 678 ms → 3 ms p50 on a busy 2-core machine when the index landed.
//! Prints numbers; asserts nothing about speed (machines are noisy).

use chrono::{DateTime, Duration, Utc};
use demo_org::query::run_details_query;
use demo_org::{AppState, DemoConfig};
use model::analytics::ConversationQuery;
use serde_json::json;
use std::time::Instant;

fn rss_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_owned(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    if sorted_ms.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted_ms.len() as f64 - 1.0) * p).round() as usize;
    sorted_ms[idx.min(sorted_ms.len() - 1)]
}

/// Issue 16, goal 4: a 7-day unfiltered details query over 100,000 conversations.
const SEVEN_DAY_GOAL: &str = "goal p50 <= 50 ms";

fn report(name: &str, mut ms: Vec<f64>, hits: i64) {
    ms.sort_by(f64::total_cmp);
    // The goal stands beside the figure it is about.
    let goal = if name.starts_with("7 days, no filter") {
        format!("  [{SEVEN_DAY_GOAL}]")
    } else {
        String::new()
    };
    println!(
        "  {name:<58} p50 {:>8.2} ms  p99 {:>8.2} ms  (n={}, totalHits {hits}){goal}",
        percentile(&ms, 0.5),
        percentile(&ms, 0.99),
        ms.len()
    );
}

fn day(origin: DateTime<Utc>, days_back: i64) -> String {
    let d = (origin - Duration::days(days_back)).format("%Y-%m-%d");
    format!("{d}T00:00:00.000Z/{d}T23:59:59.999Z")
}

fn queries(origin: DateTime<Utc>, some_id: Option<&str>) -> Vec<(String, serde_json::Value)> {
    let week = format!(
        "{}/{}",
        (origin - Duration::days(7)).format("%Y-%m-%dT00:00:00.000Z"),
        origin.format("%Y-%m-%dT00:00:00.000Z")
    );
    let mut v = vec![
        (
            "1 day, no filter, page 1 of 25".to_owned(),
            json!({"interval": day(origin, 2)}),
        ),
        (
            "1 day, no filter, page 40 of 25, desc".to_owned(),
            json!({"interval": day(origin, 2), "order": "desc", "paging": {"pageSize": 25, "pageNumber": 40}}),
        ),
        (
            "7 days, no filter, page 1 of 100".to_owned(),
            json!({"interval": week, "paging": {"pageSize": 100, "pageNumber": 1}}),
        ),
        (
            "7 days, no filter, page 20 of 100, desc".to_owned(),
            json!({"interval": week, "order": "desc", "paging": {"pageSize": 100, "pageNumber": 20}}),
        ),
        (
            "7 days, conversationEnd exists (the lab's box), page 1 of 100".to_owned(),
            json!({"interval": week, "paging": {"pageSize": 100, "pageNumber": 1},
                   "conversationFilters": [{"type":"and","predicates":[{"dimension":"conversationEnd","operator":"exists"}]}]}),
        ),
        (
            "7 days, segment filter mediaType=voice AND purpose=agent".to_owned(),
            json!({"interval": week, "segmentFilters": [{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"},{"dimension":"purpose","value":"agent"}]}]}),
        ),
        (
            "7 days, metric tHandle >= 5 min + termFrequency queueId".to_owned(),
            json!({"interval": week, "conversationFilters": [{"type":"and","predicates":[{"type":"metric","metric":"tHandle","range":{"gte":300000}}]}], "aggregations": [{"type":"termFrequency","dimension":"queueId"}]}),
        ),
    ];
    if let Some(id) = some_id {
        v.push((
            "31 days, conversationId filter (one id)".to_owned(),
            json!({"interval": format!("{}/{}", (origin - Duration::days(30)).format("%Y-%m-%dT00:00:00.000Z"), (origin + Duration::days(1)).format("%Y-%m-%dT00:00:00.000Z")),
                   "conversationFilters": [{"type":"and","predicates":[{"dimension":"conversationId","value": id}]}]}),
        ));
    }
    v
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let n: usize = std::env::var("DEMO_ORG_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let size: usize = std::env::var("DEMO_ORG_BENCH_SIZE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let origin = Utc::now();
    let cfg = DemoConfig {
        frozen_at: Some(origin),
        synthetic_conversations: size,
        ..DemoConfig::default()
    };

    println!("demo-org bench: {size} synthetic conversations, {n} runs per query");
    let rss0 = rss_kib("VmRSS:");
    let t = Instant::now();
    let state = AppState::new(cfg);
    let startup = t.elapsed();
    let rss1 = rss_kib("VmRSS:");
    println!(
        "  start-up (org build)                                       {:>8.1} ms  [goal: as before or better]",
        startup.as_secs_f64() * 1000.0
    );
    println!(
        "  memory: RSS before {} → after build {}  [goal: as before or better]",
        mib(rss0),
        mib(rss1)
    );

    let now = state.now();
    let some_id = state
        .org
        .analytics_started_in(origin - Duration::days(3), origin - Duration::days(2), now)
        .next()
        .and_then(|c| c.conversation_id);
    println!("in-process (query engine as the HTTP handler runs it):");
    // The floor: materialising a day's analytics records, without filtering, sorting or paging.
    let (from, to) = (origin - Duration::days(2), origin - Duration::days(1));
    let mut ms = Vec::with_capacity(n);
    let mut count = 0;
    for _ in 0..n {
        let t = Instant::now();
        count = state.org.analytics_started_in(from, to, now).count();
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    report(
        "(floor) materialise 1 day of records, no query",
        ms,
        i64::try_from(count).unwrap_or(0),
    );
    for (name, q) in queries(origin, some_id.as_deref()) {
        let q: ConversationQuery = serde_json::from_value(q).unwrap_or_default();
        let mut ms = Vec::with_capacity(n);
        let mut hits = 0;
        for _ in 0..n {
            let t = Instant::now();
            match run_details_query(state.org.as_ref(), &q, now) {
                Ok(r) => hits = r.total_hits.unwrap_or(0),
                Err(e) => {
                    println!("  {name}: error {e}");
                    break;
                }
            }
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        report(&name, ms, hits);
    }
    // The same 7-day query the way it ran before the start index (every record in the window
    // built, filtered, sorted): what the index saves, measured beside it.
    if let Some((name, q)) = queries(origin, None)
        .into_iter()
        .find(|(name, _)| name.starts_with("7 days, no filter, page 1"))
    {
        let q: ConversationQuery = serde_json::from_value(q).unwrap_or_default();
        let org: &dyn demo_org::OrgView = state.org.as_ref();
        let mut ms = Vec::with_capacity(n);
        let mut hits = 0;
        for _ in 0..n.min(10) {
            let t = Instant::now();
            let Ok(plan) = demo_org::query::plan_details(&q, now) else {
                break;
            };
            let (from, to) = plan.interval.touched_days();
            let Ok(all) =
                demo_org::query::collect_hits(&plan, org.analytics_started_in(from, to, now))
            else {
                break;
            };
            let r = demo_org::query::page_of(&plan, &all, |r| org.analytics_by_ref(r, now));
            hits = r.total_hits.unwrap_or(0);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        report(&format!("(reference, no index) {name}"), ms, hits);
    }
    // Paging a settled past day: the first page scans, later pages reuse the cached hit list.
    let cache = demo_org::query::cache::HitCache::default();
    let mut ms = Vec::with_capacity(n);
    let mut hits = 0;
    for page in 1..=n + 1 {
        let q: ConversationQuery = serde_json::from_value(
            json!({"interval": day(origin, 2), "paging": {"pageSize": 25, "pageNumber": page}}),
        )
        .unwrap_or_default();
        let t = Instant::now();
        if let Ok(r) = demo_org::query::run_details_query_cached(
            state.org.as_ref(),
            &q,
            now,
            &cache,
            state.settled_before(),
        ) {
            hits = r.total_hits.unwrap_or(0);
        }
        if page > 1 {
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    report(
        "1 day, pages 2.. of 25 (settled-window hit cache)",
        ms,
        hits,
    );
    println!("  memory: peak RSS {}", mib(rss_kib("VmHWM:")));

    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            println!("  no tokio runtime: {e}");
            return;
        }
    };
    rt.block_on(async move {
        let demo = match demo_org::http::spawn_with_state(state).await {
            Ok(d) => d,
            Err(e) => {
                println!("  spawn failed: {e}");
                return;
            }
        };
        let http = reqwest::Client::new();
        let c = &demo_org::clients::DEMO_CLIENTS[0];
        let tok: serde_json::Value = match http
            .post(format!("{}/oauth/token", demo.base_url))
            .basic_auth(c.id, Some(c.secret))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
        {
            Ok(r) => r.json().await.unwrap_or_default(),
            Err(e) => {
                println!("  token failed: {e}");
                return;
            }
        };
        let tok = tok["access_token"].as_str().unwrap_or_default().to_owned();
        println!("over loopback HTTP (POST /api/v2/analytics/conversations/details/query):");
        for (name, q) in queries(origin, some_id.as_deref()).into_iter().take(3) {
            let mut ms = Vec::with_capacity(n);
            let mut hits = 0;
            for _ in 0..n {
                let t = Instant::now();
                let r = http
                    .post(format!(
                        "{}/api/v2/analytics/conversations/details/query",
                        demo.base_url
                    ))
                    .bearer_auth(&tok)
                    .json(&q)
                    .send()
                    .await;
                let Ok(r) = r else { break };
                let body: serde_json::Value = r.json().await.unwrap_or_default();
                ms.push(t.elapsed().as_secs_f64() * 1000.0);
                hits = body["totalHits"].as_i64().unwrap_or(0);
            }
            report(&name, ms, hits);
        }
        demo.shutdown().await;
    });
}
