//! The bench's latency run (issue 16, goal 2): the standalone demo org behind a proxy that
//! delays every request by [`DELAY`], the companion server in real-org mode against it (as a
//! user with their own client would run it), and headless Chromium timing look up → both views
//! against one call through the same path (scripts/bench-latency.mjs prints the ratio).
//! Also prints the standalone demo org's start-up time and memory (goal 4).

use crate::build::{self, Profile};
use crate::delay_proxy::DelayProxy;
use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::progress;
use crate::server::{self, RunningServer};
use crate::setup::Setup;
use crate::shell::Cmd;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

/// Injected upstream latency.
pub const DELAY: Duration = Duration::from_millis(150);

/// The demo org's `lens-demo-full` client (crates/demo-org/src/clients.rs; demo-only values,
/// listed openly at `GET /demo/clients`, checked against that list before use).
const DEMO_CLIENT_ID: &str = "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a01";
const DEMO_CLIENT_SECRET: &str = "lens-demo-full-secret";

pub fn run(paths: &Paths, setup: &mut Setup) -> Result<()> {
    let script = paths.root.join("scripts/bench-latency.mjs");
    setup.node_packages()?;
    setup.chromium()?;
    let org_bin = build::demo_org(paths, Profile::Release)?;
    let server_bin = build::server(paths, Profile::Release)?;

    let org = start_org(paths, &org_bin)?;
    let proxy = DelayProxy::start(SocketAddr::from((Ipv4Addr::LOCALHOST, org.port)), DELAY)?;
    let app = start_real_server(paths, &server_bin, &proxy)?;
    progress::line(
        "bench",
        &format!(
            "latency run: Chromium → server ({}) → +{} ms proxy ({}) → demo org ({})",
            app.url(),
            DELAY.as_millis(),
            proxy.url(),
            org.url()
        ),
    );
    Cmd::new("node", &paths.root, &paths.tool_path())
        .arg(script)
        .env("LENS_URL", app.url())
        .env("LENS_ORG_URL", org.url())
        .env("LENS_DELAY_MS", DELAY.as_millis().to_string())
        .run()
}

/// `demo-org --port <free>` (default 100,000 synthetic conversations); prints how long it took
/// to answer and its memory once ready.
fn start_org(paths: &Paths, bin: &std::path::Path) -> Result<RunningServer> {
    let port = server::free_port()?;
    let started = Instant::now();
    let child = Cmd::new(bin, &paths.root, &paths.tool_path())
        .arg("--port")
        .arg(port.to_string())
        .env("RUST_LOG", "warn")
        .spawn_quiet()?;
    let org = server::wait_ready(child, port, "/demo/clients", bin)?;
    let ready = started.elapsed();
    let rss = proc_status_kib(org.pid(), "VmRSS:");
    let peak = proc_status_kib(org.pid(), "VmHWM:");
    println!(
        "  demo-org standalone (100,000 conversations): start → answering {:.0} ms, RSS {} (peak {})",
        ready.as_secs_f64() * 1000.0,
        mib(rss),
        mib(peak)
    );
    match server::http_get(port, "/demo/clients") {
        Some((200, body)) if body.contains(DEMO_CLIENT_ID) && body.contains(DEMO_CLIENT_SECRET) => {
            Ok(org)
        }
        _ => Err(Error::Missing(
            "the demo org no longer lists the lens-demo-full client xtask/src/bench_latency.rs uses; update DEMO_CLIENT_ID/SECRET there".into(),
        )),
    }
}

/// The companion server in real-org mode: client credentials of a demo client, API and login
/// at the delaying proxy.
fn start_real_server(
    paths: &Paths,
    bin: &std::path::Path,
    proxy: &DelayProxy,
) -> Result<RunningServer> {
    let port = server::free_port()?;
    let child = Cmd::new(bin, &paths.root, &paths.tool_path())
        .arg("--port")
        .arg(port.to_string())
        .arg("--dist")
        .arg(&paths.dist)
        .arg("--api-url")
        .arg(proxy.url())
        .arg("--login-url")
        .arg(proxy.url())
        .env("GENESYSCLOUD_OAUTHCLIENT_ID", DEMO_CLIENT_ID)
        .env("GENESYSCLOUD_OAUTHCLIENT_SECRET", DEMO_CLIENT_SECRET)
        .env("RUST_LOG", "warn")
        .spawn()?;
    server::wait_ready(child, port, "/api/health", bin)
}

/// A `/proc/<pid>/status` field in KiB (Linux; `None` elsewhere).
fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    parse_status_kib(&status, field)
}

fn parse_status_kib(status: &str, field: &str) -> Option<u64> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_memory_fields_of_proc_status() {
        let status = "Name:\tdemo-org\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
        assert_eq!(parse_status_kib(status, "VmRSS:"), Some(102_400));
        assert_eq!(parse_status_kib(status, "VmHWM:"), Some(204_800));
        assert_eq!(parse_status_kib(status, "VmSwap:"), None);
        assert_eq!(mib(Some(102_400)), "100.0 MiB");
        assert_eq!(mib(None), "n/a");
    }
}
