//! `cargo xtask bench`: figures, never assertions (machines here are noisy), each beside its
//! goal from issue 16. Prints the app's first-load transfer size, the browser timings on
//! loopback from scripts/bench-app.mjs, the 150 ms latency run ([`crate::bench_latency`]), then
//! runs every crate's `benches/` (each prints its own figures; demo-org's: start-up, memory and
//! details-query p50/p99 over 100,000 conversations).

use crate::bench_latency;
use crate::build::{self, Profile};
use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::progress;
use crate::server;
use crate::setup::Setup;
use crate::shell::Cmd;
use std::path::Path;

/// The parts of the bench, in the order they run; `cargo xtask bench <part>…` runs only those.
pub const PARTS: &[&str] = &["size", "app", "latency", "crates"];

pub fn run(paths: &Paths, args: &[String]) -> Result<()> {
    let parts = parts(args)?;
    let wants = |p: &str| parts.iter().any(|x| x == p);
    let mut setup = Setup::new(paths);
    if wants("size") || wants("app") || wants("latency") {
        build::app(paths, &mut setup, Profile::Release)?;
        println!();
    }
    if wants("size") {
        bundle_size(paths)?;
        println!();
    }
    if wants("app") {
        app_timings(paths, &mut setup)?;
        println!();
    }
    if wants("latency") {
        bench_latency::run(paths, &mut setup)?;
        println!();
    }
    if wants("crates") {
        crate_benches(paths)?;
    }
    Ok(())
}

/// The parts named on the command line (all when none is).
fn parts(args: &[String]) -> Result<Vec<String>> {
    if args.is_empty() {
        return Ok(PARTS.iter().map(|p| (*p).to_owned()).collect());
    }
    for a in args {
        if !PARTS.contains(&a.as_str()) {
            return Err(Error::Usage(format!(
                "unknown bench part `{a}`; parts: {}",
                PARTS.join(", ")
            )));
        }
    }
    Ok(args.to_vec())
}

/// One file of the first load.
struct Asset {
    name: String,
    raw: u64,
    gzip: u64,
    /// The build's precompressed `.br` (what a browser that accepts br is sent), if any.
    br: Option<u64>,
}

/// Issue 16's goal for a first load as sent to a browser that accepts br/gzip.
const FIRST_LOAD_GOAL_KIB: f64 = 250.0;

fn bundle_size(paths: &Paths) -> Result<()> {
    progress::line(
        "bench",
        "first-load transfer size of dist/ (release; gzip -9 and the build's brotli)",
    );
    let mut assets = Vec::new();
    let entries = std::fs::read_dir(&paths.dist).map_err(|e| Error::io(&paths.dist, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&paths.dist, e))?.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if !matches!(ext, "wasm" | "js" | "css" | "html") {
            continue;
        }
        let raw = std::fs::metadata(&path)
            .map_err(|e| Error::io(&path, e))?
            .len();
        let gzip = gzip_len(paths, &path)?;
        let mut br_path = path.clone().into_os_string();
        br_path.push(".br");
        let br = std::fs::metadata(&br_path).ok().map(|m| m.len());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assets.push(Asset {
            name,
            raw,
            gzip,
            br,
        });
    }
    assets.sort_by_key(|a| std::cmp::Reverse(a.raw));
    println!("  {:<52} {:>12} {:>12} {:>12}", "file", "raw", "gzip", "br");
    let sent = |a: &Asset| a.br.unwrap_or(a.raw);
    for a in &assets {
        let br = a.br.map_or_else(|| "-".to_owned(), kib);
        println!(
            "  {:<52} {:>12} {:>12} {:>12}",
            a.name,
            kib(a.raw),
            kib(a.gzip),
            br
        );
    }
    let (raw, gzip, br) = assets.iter().fold((0, 0, 0), |(r, g, b), a| {
        (r + a.raw, g + a.gzip, b + sent(a))
    });
    println!(
        "  {:<52} {:>12} {:>12} {:>12}",
        "total (wasm + js + css + html)",
        kib(raw),
        kib(gzip),
        kib(br)
    );
    println!(
        "  first load as sent with br (goal <= {FIRST_LOAD_GOAL_KIB:.0} KiB): {}",
        kib(br)
    );
    Ok(())
}

fn gzip_len(paths: &Paths, file: &Path) -> Result<u64> {
    let out = Cmd::new("gzip", &paths.root, &paths.tool_path())
        .args(["-9", "-c"])
        .arg(file)
        .capture()?;
    Ok(out.len() as u64)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Time to interactive and lookup timings in headless Chromium, against the real server.
fn app_timings(paths: &Paths, setup: &mut Setup) -> Result<()> {
    let script = paths.root.join("scripts/bench-app.mjs");
    if !script.is_file() {
        progress::line(
            "bench",
            "app timings: scripts/bench-app.mjs not present, skipped",
        );
        return Ok(());
    }
    setup.node_packages()?;
    setup.chromium()?;
    // Release, as users run it: look up → both views includes the embedded demo org's work.
    let bin = build::server(paths, Profile::Release)?;
    let server = server::start_demo(paths, &bin, &[])?;
    progress::line(
        "bench",
        &format!("app timings in headless Chromium ({})", server.url()),
    );
    Cmd::new("node", &paths.root, &paths.tool_path())
        .arg(script)
        .env("LENS_URL", server.url())
        // The floor page (scripts/floor.mjs) serves the same wasm itself.
        .env("LENS_DIST", &paths.dist)
        .run()
}

/// `cargo bench -p <crate>` for every crate with a `benches/` directory.
fn crate_benches(paths: &Paths) -> Result<()> {
    let crates_dir = paths.root.join("crates");
    let entries = std::fs::read_dir(&crates_dir).map_err(|e| Error::io(&crates_dir, e))?;
    let mut with_benches: Vec<String> = entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("benches").is_dir())
        .filter_map(|p| package_name(&p.join("Cargo.toml")))
        .collect();
    with_benches.sort();
    if with_benches.is_empty() {
        progress::line("bench", "no crate has a benches/ directory yet");
    }
    let mut failed = Vec::new();
    for krate in with_benches {
        progress::line("bench", &format!("cargo bench -p {krate} --benches"));
        let r = Cmd::new("cargo", &paths.root, &paths.tool_path())
            .args(["bench", "-p", &krate, "--benches"])
            .run();
        if let Err(e) = r {
            println!("  {krate}: {e}");
            failed.push(krate);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::Missing(format!(
            "benches failed: {}",
            failed.join(", ")
        )))
    }
}

/// The `name = "..."` of a manifest's `[package]` (the first `name` key in the file).
fn package_name(manifest: &Path) -> Option<String> {
    let text = std::fs::read_to_string(manifest).ok()?;
    text.lines()
        .find_map(|l| l.trim().strip_prefix("name"))
        .and_then(|rest| rest.trim_start().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names_come_from_the_manifest() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert_eq!(
            package_name(&root.join("crates/server/Cargo.toml")).as_deref(),
            Some("server")
        );
        assert_eq!(
            package_name(&root.join("crates/demo-org/Cargo.toml")).as_deref(),
            Some("demo-org")
        );
        assert_eq!(package_name(&root.join("no/such/Cargo.toml")), None);
    }

    #[test]
    fn bench_parts_default_to_all_and_reject_unknown_names() {
        assert_eq!(
            parts(&[]).ok(),
            Some(PARTS.iter().map(|p| (*p).to_owned()).collect())
        );
        assert_eq!(
            parts(&["latency".to_owned()]).ok(),
            Some(vec!["latency".to_owned()])
        );
        assert!(parts(&["fast".to_owned()]).is_err());
    }

    #[test]
    fn sizes_print_in_kib() {
        assert_eq!(kib(2048), "2.0 KiB");
        assert_eq!(kib(1536), "1.5 KiB");
    }
}
