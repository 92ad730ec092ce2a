//! Where things live in the repository, resolved once from xtask's own location.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Absolute locations xtask reads and writes.
#[derive(Debug, Clone)]
pub struct Paths {
    /// Repository root (the workspace root, parent of `xtask/`).
    pub root: PathBuf,
    /// Cargo's target directory (honours `CARGO_TARGET_DIR`).
    pub target: PathBuf,
    /// The built app, served by the companion server.
    pub dist: PathBuf,
    /// The npm package holding Playwright, axe and binaryen (wasm-opt).
    pub e2e: PathBuf,
}

impl Paths {
    pub fn discover() -> Self {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest.parent().unwrap_or(manifest).to_path_buf();
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|t| if t.is_absolute() { t } else { root.join(t) })
            .unwrap_or_else(|| root.join("target"));
        Self {
            dist: root.join("dist"),
            e2e: root.join("tests").join("e2e"),
            target,
            root,
        }
    }

    /// `node_modules/.bin` of the e2e package: binaryen's `wasm-opt` and `playwright`.
    pub fn node_bin(&self) -> PathBuf {
        self.e2e.join("node_modules").join(".bin")
    }

    /// Scratch space for xtask's stamps, inside the target dir so `cargo clean` resets it.
    pub fn xtask_dir(&self) -> PathBuf {
        self.target.join("xtask")
    }

    /// `PATH` for child processes: the e2e package's binaries (binaryen's wasm-opt must win
    /// over Debian's 108), then cargo's bin dir (freshly installed trunk/wasm-bindgen), then
    /// the inherited `PATH`.
    pub fn tool_path(&self) -> OsString {
        let mut dirs = vec![self.node_bin()];
        if let Some(home) = cargo_home() {
            dirs.push(home.join("bin"));
        }
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        std::env::join_paths(dirs).unwrap_or_default()
    }
}

fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
}
