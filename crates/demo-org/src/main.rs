//! `demo-org`: run the simulated Genesys Cloud org standalone so any Genesys client (SDKs, the
//! `gc` CLI, curl) can be pointed at it. Prints its base URL and the demo clients.

use chrono::{DateTime, Utc};
use clap::Parser;
use demo_org::clients::DEMO_CLIENTS;
use demo_org::{AppState, DemoConfig};
use std::net::IpAddr;
use std::time::Duration;

/// A simulated Genesys Cloud org (OAuth + Conversations + Analytics details) on a clock.
#[derive(Debug, Parser)]
#[command(name = "demo-org", version, about)]
struct Cli {
    /// Port to listen on (0 = any free port; the chosen one is printed).
    #[arg(long, env = "DEMO_ORG_PORT", default_value_t = 9000)]
    port: u16,
    /// Address to bind. Loopback by default; the demo org has no real security.
    #[arg(long, env = "DEMO_ORG_BIND", default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Extra host names clients may use to reach the demo org (only localhost, the loopback
    /// addresses and the bind address otherwise: DNS-rebinding defence). Repeatable.
    #[arg(
        long = "allowed-host",
        env = "DEMO_ORG_ALLOWED_HOSTS",
        value_delimiter = ','
    )]
    allowed_hosts: Vec<String>,
    /// Simulated seconds per real second (10 = stories run ten times faster).
    #[arg(long, env = "DEMO_ORG_TIME_SCALE", default_value_t = 1.0)]
    time_scale: f64,
    /// Freeze the clock at this instant (RFC 3339), e.g. 2026-05-12T14:00:00Z.
    #[arg(long, env = "DEMO_ORG_FROZEN_AT")]
    frozen_at: Option<DateTime<Utc>>,
    /// `expires_in` of issued tokens, in seconds.
    #[arg(long, env = "DEMO_ORG_TOKEN_TTL", default_value_t = 86_400)]
    token_ttl: u64,
    /// Requests per token per minute before 429 too.many.requests.
    #[arg(long, env = "DEMO_ORG_RATE_LIMIT", default_value_t = 300)]
    rate_limit: u32,
    /// Seconds before an event shows in analytics.
    #[arg(long, env = "DEMO_ORG_ANALYTICS_LAG", default_value_t = 5)]
    analytics_lag: u64,
    /// Extra seconds before wrap-up shows in analytics.
    #[arg(long, env = "DEMO_ORG_WRAPUP_LAG", default_value_t = 30)]
    wrapup_lag: u64,
    /// Seconds an ended conversation stays readable on the Conversations API.
    #[arg(long, env = "DEMO_ORG_REALTIME_RETENTION", default_value_t = 2 * 24 * 3600)]
    realtime_retention: u64,
    /// The org's analytics retention in days (`retentionDays`); conversations that started
    /// earlier are gone from analytics. 0 = not set. Real orgs allow 90..=1825; fewer is demo-only.
    #[arg(long, env = "DEMO_ORG_ANALYTICS_RETENTION_DAYS", default_value_t = demo_org::config::DEFAULT_ANALYTICS_RETENTION_DAYS,
          value_parser = clap::value_parser!(u32).range(0..=i64::from(demo_org::config::MAX_ANALYTICS_RETENTION_DAYS)))]
    analytics_retention_days: u32,
    /// Seconds (simulated) an async job takes to be FULFILLED.
    #[arg(long, env = "DEMO_ORG_JOB_DELAY", default_value_t = 3)]
    job_delay: u64,
    /// Seconds `dataAvailabilityDate` lags now.
    #[arg(long, env = "DEMO_ORG_AVAILABILITY_LAG", default_value_t = 6 * 3600)]
    availability_lag: u64,
    /// Size of the synthetic org (conversations over 30 days).
    #[arg(long, env = "DEMO_ORG_SYNTHETIC", default_value_t = 100_000)]
    synthetic_conversations: usize,
    /// Seed of the synthetic org.
    #[arg(long, env = "DEMO_ORG_SEED", default_value_t = 7)]
    seed: u64,
    /// Seconds (simulated) a notification channel lives before it expires.
    #[arg(long, env = "DEMO_ORG_CHANNEL_TTL", default_value_t = 24 * 3600,
          value_parser = clap::value_parser!(u64).range(1..))]
    channel_ttl: u64,
    /// Seconds (real) between `channel.metadata` heartbeats on a notification socket.
    #[arg(long, env = "DEMO_ORG_HEARTBEAT", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..))]
    heartbeat: u64,
}

impl Cli {
    fn config(&self) -> DemoConfig {
        DemoConfig {
            time_scale: self.time_scale,
            frozen_at: self.frozen_at,
            token_ttl_secs: self.token_ttl,
            rate_limit_per_minute: self.rate_limit,
            analytics_lag: Duration::from_secs(self.analytics_lag),
            wrapup_lag: Duration::from_secs(self.wrapup_lag),
            realtime_retention: Duration::from_secs(self.realtime_retention),
            analytics_retention_days: (self.analytics_retention_days > 0)
                .then_some(self.analytics_retention_days),
            job_delay: Duration::from_secs(self.job_delay),
            availability_lag: Duration::from_secs(self.availability_lag),
            synthetic_conversations: self.synthetic_conversations,
            seed: self.seed,
            notifications: demo_org::notifications::NotificationConfig {
                channel_ttl: Duration::from_secs(self.channel_ttl),
                heartbeat: Duration::from_secs(self.heartbeat),
                ..Default::default()
            },
        }
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "demo_org=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if !(cli.time_scale.is_finite() && cli.time_scale > 0.0) {
        eprintln!(
            "error: --time-scale must be a positive number (got {})",
            cli.time_scale
        );
        return std::process::ExitCode::from(2);
    }
    let listener = match tokio::net::TcpListener::bind((cli.bind, cli.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "error: cannot listen on {}:{}: {e}. Try another --port (0 picks a free one).",
                cli.bind, cli.port
            );
            return std::process::ExitCode::from(1);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let state = AppState::new(cli.config());
    // The first line is machine-readable: scripts wait for it to learn the port.
    println!("demo-org listening on http://{addr}");
    println!("  login host and API host: http://{addr}  (POST /oauth/token, /api/v2/...)");
    println!("  scenarios: http://{addr}/demo/scenarios   clients: http://{addr}/demo/clients");
    println!("  demo OAuth clients (client credentials):");
    for c in DEMO_CLIENTS {
        println!("    {:<32} id={} secret={}", c.name, c.id, c.secret);
    }
    if let Err(e) =
        demo_org::http::serve(listener, state, &cli.allowed_hosts, shutdown_signal()).await
    {
        eprintln!("error: server failed: {e}");
        return std::process::ExitCode::from(1);
    }
    std::process::ExitCode::SUCCESS
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
