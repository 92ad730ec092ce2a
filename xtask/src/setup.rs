//! Installing what a fresh machine lacks, fast when it is already there: every tool is
//! probed for its exact version first and only installed on a mismatch.

use crate::error::{Error, Result};
use crate::fingerprint::{self, Stamp};
use crate::paths::Paths;
use crate::progress;
use crate::shell::Cmd;
use crate::versions;
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

/// Checks each tool at most once per xtask invocation.
pub struct Setup {
    paths: Paths,
    done: HashSet<&'static str>,
    apt_updated: bool,
}

impl Setup {
    pub fn new(paths: &Paths) -> Self {
        Self {
            paths: paths.clone(),
            done: HashSet::new(),
            apt_updated: false,
        }
    }

    fn cmd(&self, program: &str) -> Cmd {
        Cmd::new(program, &self.paths.root, &self.paths.tool_path())
    }

    fn once(&mut self, key: &'static str) -> bool {
        self.done.insert(key)
    }

    /// Everything `trunk build --release` needs.
    pub fn web_build(&mut self) -> Result<()> {
        self.wasm_target()?;
        self.wasm_bindgen()?;
        self.trunk()?;
        self.node_packages()
    }

    pub fn wasm_target(&mut self) -> Result<()> {
        if !self.once("wasm-target") {
            return Ok(());
        }
        progress::begin("setup", &format!("{} target", versions::WASM_TARGET));
        let installed = self
            .cmd("rustup")
            .args(["target", "list", "--installed"])
            .probe()
            .is_some_and(|out| out.lines().any(|l| l.trim() == versions::WASM_TARGET));
        if installed || self.sysroot_has_wasm_target() {
            progress::end("ok (cached)");
            return Ok(());
        }
        progress::end("installing");
        timed(|| {
            self.cmd("rustup")
                .args(["target", "add", versions::WASM_TARGET])
                .run()
        })
    }

    /// Toolchains without rustup (distro rustc) still work if the target's std is present.
    fn sysroot_has_wasm_target(&self) -> bool {
        self.cmd("rustc")
            .args(["--print", "sysroot"])
            .probe()
            .is_some_and(|root| {
                Path::new(&root)
                    .join("lib/rustlib")
                    .join(versions::WASM_TARGET)
                    .is_dir()
            })
    }

    pub fn trunk(&mut self) -> Result<()> {
        if !self.once("trunk") {
            return Ok(());
        }
        let want = versions::TRUNK;
        self.cargo_tool(
            "trunk",
            "trunk",
            want,
            &["--locked".into(), format!("trunk@{want}")],
            "~6 min",
        )
    }

    /// wasm-bindgen-cli also provides `wasm-bindgen-test-runner` (browser unit tests).
    pub fn wasm_bindgen(&mut self) -> Result<()> {
        if !self.once("wasm-bindgen") {
            return Ok(());
        }
        let want = versions::WASM_BINDGEN;
        // Not `--locked`: the CLI's lockfile wants a webpki-roots release the registry here
        // does not serve; an unlocked resolve builds fine.
        self.cargo_tool(
            "wasm-bindgen",
            "wasm-bindgen-cli",
            want,
            &[format!("wasm-bindgen-cli@{want}")],
            "~2 min",
        )
    }

    fn cargo_tool(
        &self,
        bin: &str,
        krate: &str,
        want: &str,
        install_args: &[String],
        eta: &str,
    ) -> Result<()> {
        progress::begin("setup", &format!("{krate} {want}"));
        let found = self.cmd(bin).arg("--version").probe();
        if found.as_deref().is_some_and(|v| version_matches(v, want)) {
            progress::end("ok (cached)");
            return Ok(());
        }
        let had = found.map_or_else(|| "not installed".to_owned(), |v| format!("found {v}"));
        progress::end(&format!(
            "{had}; installing with cargo install ({eta} on 2 cores)"
        ));
        timed(|| self.cmd("cargo").arg("install").args(install_args).run())?;
        match self.cmd(bin).arg("--version").probe() {
            Some(v) if version_matches(&v, want) => Ok(()),
            other => Err(Error::Missing(format!(
                "installed {krate} {want} but `{bin} --version` says {other:?}; is ~/.cargo/bin on PATH?"
            ))),
        }
    }

    /// Node.js + the e2e package (Playwright, axe, binaryen's wasm-opt): `npm ci` when the
    /// lockfile changed since the last successful install.
    pub fn node_packages(&mut self) -> Result<()> {
        if !self.once("node-packages") {
            return Ok(());
        }
        self.node()?;
        progress::begin(
            "setup",
            "npm packages (tests/e2e: playwright, axe, binaryen)",
        );
        let lock = self.paths.e2e.join("package-lock.json");
        let fp = fingerprint::of_tree(&self.paths.e2e, &["package-lock.json"], "")?;
        let stamp = Stamp::new(
            self.paths
                .e2e
                .join("node_modules")
                .join(".xtask-lock-stamp"),
        );
        let wasm_opt = self.paths.node_bin().join("wasm-opt");
        if stamp.matches(&fp) && wasm_opt.is_file() {
            progress::end("ok (cached)");
        } else {
            if !lock.is_file() {
                return Err(Error::Missing(format!("{} is missing", lock.display())));
            }
            progress::end("installing (npm ci)");
            timed(|| {
                Cmd::new("npm", &self.paths.e2e, &self.paths.tool_path())
                    .args(["ci", "--no-audit", "--no-fund"])
                    .run()
            })?;
            stamp.record(&fp)?;
        }
        self.check_wasm_opt()
    }

    fn check_wasm_opt(&self) -> Result<()> {
        progress::begin(
            "setup",
            &format!("wasm-opt version_{} (npm binaryen)", versions::WASM_OPT),
        );
        let want = format!("version {}", versions::WASM_OPT);
        match self.cmd("wasm-opt").arg("--version").probe() {
            Some(v) if v.contains(&want) => {
                progress::end("ok");
                Ok(())
            }
            other => {
                progress::end("wrong version");
                Err(Error::Missing(format!(
                    "wasm-opt on the tool PATH is {other:?}, expected {want} from tests/e2e/node_modules/.bin"
                )))
            }
        }
    }

    fn node(&mut self) -> Result<()> {
        progress::begin("setup", "node + npm");
        if let Some(v) = self.cmd("npm").arg("--version").probe() {
            progress::end(&format!("ok (npm {v})"));
            return Ok(());
        }
        progress::end("missing");
        self.apt_install(&["nodejs", "npm"])
    }

    /// Debian's Chromium and its driver, for wasm-bindgen-test and Playwright.
    pub fn chromium(&mut self) -> Result<()> {
        if !self.once("chromium") {
            return Ok(());
        }
        progress::begin("setup", "chromium + chromedriver (/usr/bin)");
        let have = |p: &str| Path::new(p).is_file();
        if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") {
            let v = self
                .cmd("/usr/bin/chromium")
                .arg("--version")
                .probe()
                .unwrap_or_default();
            progress::end(&format!(
                "ok (cached{})",
                if v.is_empty() {
                    String::new()
                } else {
                    format!(", {v}")
                }
            ));
            return Ok(());
        }
        progress::end("missing");
        self.apt_install(&["chromium", "chromium-driver"])
    }

    fn apt_install(&mut self, packages: &[&str]) -> Result<()> {
        let is_root = self.cmd("id").arg("-u").probe().is_some_and(|u| u == "0");
        if !is_root {
            return Err(Error::Missing(format!(
                "please install them first: sudo apt-get update && sudo apt-get install -y {}",
                packages.join(" ")
            )));
        }
        timed(|| {
            if !self.apt_updated {
                self.cmd("apt-get")
                    .arg("update")
                    .env("DEBIAN_FRONTEND", "noninteractive")
                    .run()?;
                self.apt_updated = true;
            }
            self.cmd("apt-get")
                .args(["install", "-y"])
                .args(packages)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .run()
        })
    }
}

/// `trunk 0.21.14` / `wasm-bindgen 0.2.130` → exact version match on the second word.
fn version_matches(output: &str, want: &str) -> bool {
    output.split_whitespace().nth(1) == Some(want)
}

fn timed(f: impl FnOnce() -> Result<()>) -> Result<()> {
    let start = Instant::now();
    let result = f();
    let took = progress::fmt_duration(start.elapsed());
    match &result {
        Ok(()) => progress::line("setup", &format!("... installed ({took})")),
        Err(e) => progress::line("setup", &format!("... FAILED after {took}: {e}")),
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_probe_requires_exact_version() {
        assert!(version_matches("trunk 0.21.14", "0.21.14"));
        assert!(version_matches("wasm-bindgen 0.2.130\n", "0.2.130"));
        assert!(!version_matches("trunk 0.21.1", "0.21.14"));
        assert!(!version_matches("trunk 0.21.140", "0.21.14"));
        assert!(!version_matches("", "0.21.14"));
    }
}
