//! Building the two artifacts a lookup needs: the app bundle (`dist/`, by Trunk) and the
//! companion server binary.

use crate::error::{Error, Result};
use crate::fingerprint::{self, Stamp};
use crate::paths::Paths;
use crate::progress;
use crate::setup::Setup;
use crate::shell::Cmd;
use crate::versions;
use std::path::PathBuf;
use std::time::Instant;

/// Optimised (what users get) or quick to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Release,
    Dev,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Self::Release => "release",
            Self::Dev => "dev",
        }
    }

    /// Cargo's output directory name for this profile.
    pub fn target_dir(self) -> &'static str {
        match self {
            Self::Release => "release",
            Self::Dev => "debug",
        }
    }

    fn cargo_flag(self) -> Option<&'static str> {
        (self == Self::Release).then_some("--release")
    }
}

/// What the app bundle is built from: the root package and the path crates it depends on.
/// A change anywhere here (or in the profile or tool versions) rebuilds `dist/`;
/// `.cargo/config.toml` holds the wasm32 rustflags (`--cfg erase_components`).
const APP_INPUTS: &[&str] = &[
    ".cargo/config.toml",
    "index.html",
    "Trunk.toml",
    "Cargo.toml",
    "Cargo.lock",
    "src",
    "style",
    "public",
    "crates/model",
    "crates/lens",
];

/// `trunk build` unless `dist/` already holds a build of exactly these sources.
pub fn app(paths: &Paths, setup: &mut Setup, profile: Profile) -> Result<()> {
    setup.web_build()?;
    let key = format!(
        "{} trunk {} wasm-bindgen {}",
        profile.name(),
        versions::TRUNK,
        versions::WASM_BINDGEN
    );
    let fp = fingerprint::of_tree(&paths.root, APP_INPUTS, &key)?;
    let stamp = Stamp::new(paths.xtask_dir().join("dist.stamp"));
    progress::begin("build", &format!("app bundle dist/ ({})", profile.name()));
    if stamp.matches(&fp) && paths.dist.join("index.html").is_file() {
        progress::end("up to date (sources unchanged)");
        return Ok(());
    }
    progress::end("building with trunk");
    let start = Instant::now();
    Cmd::new("trunk", &paths.root, &paths.tool_path())
        .arg("build")
        .args(profile.cargo_flag())
        .env("NO_COLOR", "true")
        // Trunk prints an anyhow backtrace on every build error when this is set (it is,
        // in this environment); the cargo error above it is what matters.
        .env("RUST_BACKTRACE", "0")
        .run()?;
    check_no_inline_script(paths)?;
    if profile == Profile::Release {
        // A dev wasm is tens of MB: brotli 11 on it would cost more than it saves on loopback.
        precompress(paths)?;
    }
    stamp.record(&fp)?;
    progress::line(
        "build",
        &format!(
            "... dist/ built in {}",
            progress::fmt_duration(start.elapsed())
        ),
    );
    Ok(())
}

/// `.br` and `.gz` beside each bundle file, made once here so the server only picks one by
/// `Accept-Encoding` (node's zlib has brotli; node is already needed for wasm-opt).
fn precompress(paths: &Paths) -> Result<()> {
    Cmd::new("node", &paths.root, &paths.tool_path())
        .arg(paths.root.join("scripts/precompress.mjs"))
        .arg(&paths.dist)
        .run()
}

/// The server's CSP forbids inline scripts; fail the build, not the browser, if Trunk's
/// inline loader ever comes back (e.g. a Trunk.toml edit dropping `pattern_script`).
fn check_no_inline_script(paths: &Paths) -> Result<()> {
    let index = paths.dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| Error::io(&index, e))?;
    match inline_script(&html) {
        None => Ok(()),
        Some(snippet) => Err(Error::Missing(format!(
            "dist/index.html has an inline <script> (blocked by the server's CSP): {snippet}"
        ))),
    }
}

/// The first `<script>` without a `src` attribute, if any.
fn inline_script(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("<script") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if !tag.contains(" src=") {
            return Some(rest[at..rest.len().min(at + 80)].to_owned());
        }
        rest = &rest[tag_end..];
    }
    None
}

/// `cargo build -p server`; returns the binary path.
pub fn server(paths: &Paths, profile: Profile) -> Result<PathBuf> {
    binary(paths, profile, "server", "conversation-lens-server")
}

/// The standalone demo org (`demo-org` binary): some e2e specs start their own, with a
/// limited client, as the server's upstream.
pub fn demo_org(paths: &Paths, profile: Profile) -> Result<PathBuf> {
    binary(paths, profile, "demo-org", "demo-org")
}

fn binary(paths: &Paths, profile: Profile, package: &str, bin: &str) -> Result<PathBuf> {
    progress::line("build", &format!("{bin} ({})", profile.name()));
    Cmd::new("cargo", &paths.root, &paths.tool_path())
        .args(["build", "-p", package, "--bin", bin])
        .args(profile.cargo_flag())
        .run()?;
    let path = paths.target.join(profile.target_dir()).join(bin);
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::Missing(format!(
            "cargo built {bin} but {} is missing",
            path.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_scripts_pass_the_csp_check() {
        let html =
            r#"<head><script type="module" src="/boot.js" data-lens-js="/a.js"></script></head>"#;
        assert_eq!(inline_script(html), None);
    }

    #[test]
    fn trunk_default_inline_loader_is_caught() {
        let html = "<body><script type=\"module\">\nimport init from '/app.js';\n</script></body>";
        assert!(inline_script(html).is_some());
    }

    #[test]
    fn one_inline_after_external_is_caught() {
        let html = r#"<script src="/a.js"></script><SCRIPT>alert(1)</SCRIPT>"#;
        assert!(inline_script(html).is_some());
    }
}
