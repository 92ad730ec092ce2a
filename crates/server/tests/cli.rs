//! The real binary: start-up line, exit codes and messages for bad configuration and a port in
//! use, graceful stop on SIGTERM. Credentials come only from the variables each test sets.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_conversation-lens-server");

/// A command with every credential-related variable removed, run in an empty directory (no `.env`).
fn cmd() -> Command {
    let mut c = Command::new(BIN);
    for k in [
        "GENESYSCLOUD_REGION",
        "GENESYSCLOUD_OAUTHCLIENT_ID",
        "GENESYSCLOUD_OAUTHCLIENT_SECRET",
        "GENESYS_CLIENT_ID",
        "GENESYS_CLIENT_SECRET",
        "LENS_API_URL",
        "LENS_LOGIN_URL",
        "LENS_PORT",
        "LENS_BIND",
        "LENS_DEMO",
    ] {
        c.env_remove(k);
    }
    let dir = std::env::temp_dir().join(format!("lens-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    c.current_dir(dir);
    c
}

fn run(c: &mut Command) -> (i32, String) {
    let out = c.output().expect("run binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn half_configured_credentials_exit_2_naming_the_missing_variable() {
    let (code, text) = run(cmd().env("GENESYSCLOUD_OAUTHCLIENT_ID", "abc"));
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("GENESYSCLOUD_OAUTHCLIENT_SECRET"), "{text}");
    let (code, text) = run(cmd().env("GENESYS_CLIENT_SECRET", "the-secret-value"));
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("GENESYSCLOUD_OAUTHCLIENT_ID"), "{text}");
    assert!(!text.contains("the-secret-value"), "{text}");
}

#[test]
fn unknown_region_exits_2_listing_valid_ones() {
    let (code, text) = run(cmd()
        .args(["--region", "mars_1"])
        .env("GENESYSCLOUD_OAUTHCLIENT_ID", "a")
        .env("GENESYSCLOUD_OAUTHCLIENT_SECRET", "b"));
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("eu_west_1 (mypurecloud.ie)"), "{text}");
}

#[test]
fn a_missing_explicit_env_file_is_an_error() {
    let (code, text) = run(cmd().args(["--env-file", "/nonexistent/lens.env"]));
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("/nonexistent/lens.env"), "{text}");
}

#[test]
fn demo_mode_prints_the_url_refuses_a_busy_port_and_stops_on_sigterm() {
    let mut child = cmd()
        .args(["--port", "0"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    assert!(
        line.starts_with("Conversation Lens is running at http://127.0.0.1:"),
        "{line}"
    );
    assert!(line.trim_end().ends_with("(demo org)"), "{line}");
    let port: u16 = line
        .rsplit("127.0.0.1:")
        .next()
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("port in the start-up line");

    let (code, text) = run(cmd().args(["--port", &port.to_string()]));
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("already in use") && text.contains("--port"),
        "{text}"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "graceful shutdown exits 0");
}

#[test]
fn a_region_without_credentials_starts_sign_in_only_and_says_so() {
    let mut child = cmd()
        .args(["--port", "0", "--region", "eu_west_1"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    let mut note = String::new();
    // Kept open until the process has exited: it writes "Stopping…" there on SIGTERM.
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    stderr.read_line(&mut note).expect("read");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert_eq!(child.wait().expect("wait").code(), Some(0));
    drop(stderr);
    assert!(
        line.starts_with("Conversation Lens is running at http://127.0.0.1:")
            && line.contains("Genesys Cloud region eu_west_1, sign-in only"),
        "{line}"
    );
    assert!(
        note.starts_with("note: no client credentials") && note.contains("--demo"),
        "{note}"
    );
}

/// The server catches a panicking request (500, server carries on) only if panics unwind; with
/// `panic = "abort"` in the release profile one bad request would end the whole process.
#[test]
fn release_profile_lets_panics_unwind() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml"))
            .expect("workspace Cargo.toml");
    let release = manifest
        .split("\n[")
        .find(|section| section.starts_with("profile.release]"))
        .expect("[profile.release]");
    let aborts = release
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").replace(' ', ""))
        .any(|l| l == "panic=\"abort\"");
    assert!(
        !aborts,
        "[profile.release] sets panic = \"abort\": the server's per-request panic catcher needs unwinding"
    );
}
