//! `conversation-lens-server`: parse configuration, start, print the URL, stop on Ctrl-C/SIGTERM.

use clap::Parser;
use server::config::{self, DotEnv, Sources};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("server=info,warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();

    let cli = server::Cli::parse();
    let dotenv = match DotEnv::load(cli.env_file.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail(&e.to_string(), 2),
    };
    let env = |k: &str| std::env::var(k).ok();
    let config = match config::resolve(
        &cli,
        &Sources {
            env: &env,
            dotenv: &dotenv,
        },
    ) {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string(), 2),
    };
    for note in &config.notes {
        eprintln!("note: {note}");
    }
    let running = match server::start(config).await {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string(), 1),
    };
    say(&format!(
        "Conversation Lens is running at {} ({})",
        running.url,
        running.describe_mode()
    ));
    say("Press Ctrl-C to stop.");
    shutdown_signal().await;
    eprintln!("Stopping…");
    running.shutdown().await;
    ExitCode::SUCCESS
}

/// Prints a line to stdout; a closed stdout (piped into a program that exited) must not kill the
/// server, which `println!` would do by panicking.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

fn fail(message: &str, code: u8) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(code)
}

/// Ctrl-C, or SIGTERM on Unix (what `kill` and process managers send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
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
