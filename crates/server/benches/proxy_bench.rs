//! `cargo bench -p server --bench proxy_bench` (used by `cargo xtask bench`).
//!
//! Starts the demo org in-process and the real `conversation-lens-server` binary as a child
//! process pointed at it, then prints:
//! * proxy overhead: p50/p99 latency calling the demo org directly vs through the proxy, at 1,
//!   50 and 200 concurrent clients;
//! * token requests per 10,000 proxied calls (cold cache);
//! * resident memory (VmRSS) of the server process idle and peak under load.
//!
//! Scale with `PROXY_BENCH_CALLS` (calls per concurrency level, default 4000).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn main() -> Result<(), BoxError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(run())
}

struct ServerChild {
    child: Child,
    url: String,
}

impl Drop for ServerChild {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn start_server(demo_base: &str) -> Result<ServerChild, BoxError> {
    let client = demo_org::clients::DEMO_CLIENTS
        .first()
        .ok_or("no demo clients")?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_conversation-lens-server"))
        .args([
            "--port",
            "0",
            "--api-url",
            demo_base,
            "--dist",
            "/nonexistent-proxy-bench-dist",
        ])
        .env("GENESYSCLOUD_OAUTHCLIENT_ID", client.id)
        .env("GENESYSCLOUD_OAUTHCLIENT_SECRET", client.secret)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // Keep draining so the server never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .ok_or_else(|| format!("unexpected start-up line: {line:?}"))?
        .to_string();
    Ok(ServerChild { child, url })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `calls` GETs of `url` from `concurrency` tasks; sorted latencies. Any non-200 is an error.
async fn load(
    client: &reqwest::Client,
    url: &str,
    bearer: Option<&str>,
    concurrency: usize,
    calls: usize,
) -> Result<Vec<Duration>, BoxError> {
    let remaining = Arc::new(AtomicU64::new(calls as u64));
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (client, url, remaining) = (client.clone(), url.to_string(), remaining.clone());
        let bearer = bearer.map(str::to_string);
        set.spawn(async move {
            let mut lat = Vec::new();
            while remaining
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok()
            {
                let mut rb = client.get(&url);
                if let Some(b) = &bearer {
                    rb = rb.bearer_auth(b);
                }
                let t = Instant::now();
                let resp = rb.send().await?;
                let status = resp.status();
                let _ = resp.bytes().await?;
                lat.push(t.elapsed());
                if status != 200 {
                    return Err::<Vec<Duration>, BoxError>(
                        format!("HTTP {status} from {url}").into(),
                    );
                }
            }
            Ok(lat)
        });
    }
    let mut all = Vec::with_capacity(calls);
    while let Some(r) = set.join_next().await {
        all.extend(r??);
    }
    all.sort();
    Ok(all)
}

async fn run() -> Result<(), BoxError> {
    let calls: usize = std::env::var("PROXY_BENCH_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let demo = demo_org::spawn(demo_org::DemoConfig {
        rate_limit_per_minute: u32::MAX,
        ..demo_org::DemoConfig::default()
    })
    .await?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;

    // A scenario conversation that exists: realistic response bodies.
    let scenarios: serde_json::Value = http
        .get(format!("{}/demo/scenarios", demo.base_url))
        .send()
        .await?
        .json()
        .await?;
    let client = demo_org::clients::DEMO_CLIENTS
        .first()
        .ok_or("no demo clients")?;
    let token: serde_json::Value = http
        .post(format!("{}/oauth/token", demo.base_url))
        .basic_auth(client.id, Some(client.secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await?
        .json()
        .await?;
    let token = token["access_token"]
        .as_str()
        .ok_or("no token")?
        .to_string();
    let mut conv_id = None;
    for s in scenarios.as_array().ok_or("scenarios is not a list")? {
        let Some(id) = s["conversationId"].as_str() else {
            continue;
        };
        let r = http
            .get(format!("{}/api/v2/conversations/{id}", demo.base_url))
            .bearer_auth(&token)
            .send()
            .await?;
        if r.status() == 200 {
            conv_id = Some(id.to_string());
            break;
        }
    }
    let conv_id = conv_id.ok_or("no scenario conversation answers 200")?;

    let server = start_server(&demo.base_url)?;
    let pid = server.child.id();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_idle = rss_kib(pid).unwrap_or(0);
    let health = |h: reqwest::Client, url: String| async move {
        let v: serde_json::Value = h
            .get(format!("{url}api/health"))
            .send()
            .await?
            .json()
            .await?;
        Ok::<u64, BoxError>(v["tokenRequests"].as_u64().unwrap_or(0))
    };
    let direct_url = format!("{}/api/v2/conversations/{conv_id}", demo.base_url);
    let proxied_url = format!("{}api/v2/conversations/{conv_id}", server.url);

    // Token requests for 10,000 calls from a cold cache.
    let tokens_before = health(http.clone(), server.url.clone()).await?;
    load(&http, &proxied_url, None, 50, 10_000).await?;
    let tokens_for_10k = health(http.clone(), server.url.clone()).await? - tokens_before;

    println!(
        "proxy_bench: demo org in-process, conversation-lens-server (release) as a child process, GET /api/v2/conversations/{{id}}"
    );
    println!(
        "{calls} calls per level; latency in ms (client-observed); overhead = proxied - direct"
    );
    println!(
        "{:>11} | {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8}",
        "concurrency", "direct50", "direct99", "proxy50", "proxy99", "over50", "over99"
    );
    let peak = Arc::new(AtomicU64::new(0));
    for concurrency in [1usize, 50, 200] {
        // Warm both paths so connection set-up isn't measured.
        load(&http, &direct_url, Some(&token), concurrency, concurrency).await?;
        load(&http, &proxied_url, None, concurrency, concurrency).await?;
        let direct = load(&http, &direct_url, Some(&token), concurrency, calls).await?;
        let sampling = Arc::new(AtomicBool::new(true));
        let sampler = {
            let (sampling, peak) = (sampling.clone(), peak.clone());
            tokio::spawn(async move {
                while sampling.load(Ordering::SeqCst) {
                    if let Some(r) = rss_kib(pid) {
                        peak.fetch_max(r, Ordering::SeqCst);
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
        };
        let proxied = load(&http, &proxied_url, None, concurrency, calls).await?;
        sampling.store(false, Ordering::SeqCst);
        let _ = sampler.await;
        let (d50, d99) = (percentile(&direct, 0.50), percentile(&direct, 0.99));
        let (p50, p99) = (percentile(&proxied, 0.50), percentile(&proxied, 0.99));
        println!(
            "{concurrency:>11} | {:>8.3} {:>8.3} | {:>8.3} {:>8.3} | {:>8.3} {:>8.3}",
            ms(d50),
            ms(d99),
            ms(p50),
            ms(p99),
            ms(p50) - ms(d50),
            ms(p99) - ms(d99)
        );
    }
    let total_tokens = health(http.clone(), server.url.clone()).await?;
    println!(
        "token requests per 10,000 proxied calls (cold cache, 50 concurrent): {tokens_for_10k}"
    );
    println!(
        "token requests in the whole run ({} proxied calls): {total_tokens}",
        10_000 + 3 * calls + 251
    );
    println!(
        "server RSS: idle {}, peak under load {}, after load {}",
        mib(rss_idle),
        mib(peak.load(Ordering::SeqCst)),
        mib(rss_kib(pid).unwrap_or(0))
    );
    drop(server);
    demo.shutdown().await;
    Ok(())
}
