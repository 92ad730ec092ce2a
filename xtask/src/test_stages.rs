//! `cargo xtask test`: every check the project has, as named stages. Every selected stage
//! runs even after a failure (so one run shows everything that is wrong), then one summary
//! line per stage and a closing `stages: N passed, N failed` line.

use crate::args::TestArgs;
use crate::build::{self, Profile};
use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::progress;
use crate::server;
use crate::setup::Setup;
use crate::shell::Cmd;
use crate::versions;
use std::time::{Duration, Instant};

/// What happened to one stage.
#[derive(Debug)]
pub enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

struct Stage {
    name: &'static str,
    about: &'static str,
    run: fn(&mut Ctx) -> Result<Outcome>,
}

struct Ctx {
    paths: Paths,
    setup: Setup,
}

impl Ctx {
    fn cmd(&self, program: &str) -> Cmd {
        Cmd::new(program, &self.paths.root, &self.paths.tool_path())
    }
}

/// Cheap static checks first, then builds and tests, browser stages last.
const STAGES: &[Stage] = &[
    Stage {
        name: "tools",
        about: "install missing tools (wasm32 target, wasm-bindgen-cli, trunk, npm packages, chromium)",
        run: tools,
    },
    Stage {
        name: "codegen",
        about: "generated wire types match the vendored models in reference/ (codegen.py --check)",
        run: codegen,
    },
    Stage {
        name: "fmt",
        about: "cargo fmt --all --check",
        run: fmt,
    },
    Stage {
        name: "clippy",
        about: "cargo clippy --workspace --all-targets -D warnings (native)",
        run: clippy,
    },
    Stage {
        name: "clippy-wasm",
        about: "cargo clippy for the app on wasm32 -D warnings",
        run: clippy_wasm,
    },
    Stage {
        name: "test",
        about: "native tests of every crate (nextest) + doc tests",
        run: native_tests,
    },
    Stage {
        name: "wasm",
        about: "wasm-bindgen-test (tests/web.rs) in headless Chromium",
        run: wasm_tests,
    },
    Stage {
        name: "python",
        about: "official Python SDK against the standalone demo org",
        run: python_sdk,
    },
    Stage {
        name: "build",
        about: "trunk release build of dist/ + the server and demo-org binaries",
        run: build_all,
    },
    Stage {
        name: "e2e",
        about: "Playwright against the real server + embedded demo org",
        run: e2e,
    },
];

pub fn run(paths: &Paths, args: &TestArgs) -> Result<bool> {
    if args.list {
        for s in STAGES {
            println!("{:<12} {}", s.name, s.about);
        }
        return Ok(true);
    }
    let unknown: Vec<&String> = args
        .only
        .iter()
        .chain(&args.skip)
        .filter(|n| !STAGES.iter().any(|s| s.name == n.as_str()))
        .collect();
    if !unknown.is_empty() {
        let names: Vec<&str> = STAGES.iter().map(|s| s.name).collect();
        return Err(Error::Usage(format!(
            "unknown stage(s) {unknown:?}; stages are: {}",
            names.join(", ")
        )));
    }
    let selected: Vec<&Stage> = STAGES
        .iter()
        .filter(|s| args.only.is_empty() || args.only.iter().any(|n| n == s.name))
        .filter(|s| !args.skip.iter().any(|n| n == s.name))
        .collect();

    let mut ctx = Ctx {
        paths: paths.clone(),
        setup: Setup::new(paths),
    };
    let total = selected.len();
    let mut results = Vec::with_capacity(total);
    let started = Instant::now();
    for (i, stage) in selected.iter().enumerate() {
        println!();
        println!("==> [{}/{total}] {}: {}", i + 1, stage.name, stage.about);
        let start = Instant::now();
        let outcome = (stage.run)(&mut ctx).unwrap_or_else(|e| Outcome::Failed(e.to_string()));
        let took = start.elapsed();
        println!(
            "<== {} {} ({})",
            stage.name,
            label(&outcome),
            progress::fmt_duration(took)
        );
        results.push((stage.name, outcome, took));
    }

    println!();
    println!(
        "==> summary ({} total)",
        progress::fmt_duration(started.elapsed())
    );
    for (name, outcome, took) in &results {
        println!("{}", summary_line(name, outcome, *took));
    }
    let (passed, failed, skipped) = tally(results.iter().map(|(_, o, _)| o));
    println!("{}", closing_line(passed, failed, skipped));
    Ok(failed == 0)
}

fn label(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Passed => "passed",
        Outcome::Failed(_) => "FAILED",
        Outcome::Skipped(_) => "skipped",
    }
}

fn summary_line(name: &str, outcome: &Outcome, took: Duration) -> String {
    let detail = match outcome {
        Outcome::Passed => String::new(),
        Outcome::Failed(why) | Outcome::Skipped(why) => format!("  {why}"),
    };
    format!(
        "stage {name:<12} {:<8} {:>7}{detail}",
        label(outcome),
        progress::fmt_duration(took)
    )
}

fn tally<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> (usize, usize, usize) {
    outcomes.fold((0, 0, 0), |(p, f, s), o| match o {
        Outcome::Passed => (p + 1, f, s),
        Outcome::Failed(_) => (p, f + 1, s),
        Outcome::Skipped(_) => (p, f, s + 1),
    })
}

/// The plain closing line CI reads: `stages: N passed, N failed[, N skipped]`.
fn closing_line(passed: usize, failed: usize, skipped: usize) -> String {
    let mut line = format!("stages: {passed} passed, {failed} failed");
    if skipped > 0 {
        line.push_str(&format!(", {skipped} skipped"));
    }
    line
}

fn passed(r: Result<()>) -> Result<Outcome> {
    r.map(|()| Outcome::Passed)
}

fn tools(ctx: &mut Ctx) -> Result<Outcome> {
    ctx.setup.wasm_target()?;
    ctx.setup.wasm_bindgen()?;
    ctx.setup.trunk()?;
    ctx.setup.node_packages()?;
    ctx.setup.chromium()?;
    Ok(Outcome::Passed)
}

fn codegen(ctx: &mut Ctx) -> Result<Outcome> {
    let script = ctx.paths.root.join("crates/model/codegen.py");
    if !script.is_file() {
        return Ok(Outcome::Skipped(
            "crates/model/codegen.py not present".into(),
        ));
    }
    passed(ctx.cmd("python3").arg(script).arg("--check").run())
}

fn fmt(ctx: &mut Ctx) -> Result<Outcome> {
    passed(ctx.cmd("cargo").args(["fmt", "--all", "--check"]).run())
}

fn clippy(ctx: &mut Ctx) -> Result<Outcome> {
    passed(
        ctx.cmd("cargo")
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .run(),
    )
}

fn clippy_wasm(ctx: &mut Ctx) -> Result<Outcome> {
    ctx.setup.wasm_target()?;
    passed(
        ctx.cmd("cargo")
            .args([
                "clippy",
                "--target",
                versions::WASM_TARGET,
                "-p",
                "conversation-lens",
                "--all-targets",
            ])
            .args(["--", "-D", "warnings"])
            .run(),
    )
}

fn native_tests(ctx: &mut Ctx) -> Result<Outcome> {
    let nextest = ctx
        .cmd("cargo")
        .args(["nextest", "--version"])
        .probe()
        .is_some();
    if nextest {
        ctx.cmd("cargo")
            .args([
                "nextest",
                "run",
                "--workspace",
                "--no-fail-fast",
                "--no-tests=warn",
            ])
            .run()?;
    } else {
        ctx.cmd("cargo")
            .args(["test", "--workspace", "--no-fail-fast"])
            .run()?;
    }
    // nextest does not run doc tests; the documented examples must stay true too.
    if nextest {
        ctx.cmd("cargo")
            .args(["test", "--workspace", "--doc"])
            .run()?;
    }
    Ok(Outcome::Passed)
}

fn wasm_tests(ctx: &mut Ctx) -> Result<Outcome> {
    if !ctx.paths.root.join("tests/web.rs").is_file() {
        return Ok(Outcome::Skipped("tests/web.rs not present".into()));
    }
    ctx.setup.wasm_target()?;
    ctx.setup.wasm_bindgen()?;
    ctx.setup.chromium()?;
    // The runner reads webdriver.json (headless, --no-sandbox as root) from the working
    // directory, which Cmd sets to the repository root.
    passed(
        ctx.cmd("cargo")
            .args(["test", "--target", versions::WASM_TARGET, "--test", "web"])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .run(),
    )
}

fn python_sdk(ctx: &mut Ctx) -> Result<Outcome> {
    let script = ctx.paths.root.join("crates/demo-org/tests/python/run.sh");
    if !script.is_file() {
        return Ok(Outcome::Skipped(
            "crates/demo-org/tests/python/run.sh not present".into(),
        ));
    }
    passed(ctx.cmd("bash").arg(script).run())
}

/// The e2e server is a dev build: it shares compiled dependencies with the native tests,
/// which saves a full optimised build of the server on CI's 2 cores. The app bundle is
/// always a release build: wasm-opt is where bundles break.
const E2E_SERVER_PROFILE: Profile = Profile::Dev;

fn build_all(ctx: &mut Ctx) -> Result<Outcome> {
    build::app(&ctx.paths, &mut ctx.setup, Profile::Release)?;
    build::server(&ctx.paths, E2E_SERVER_PROFILE)?;
    build::demo_org(&ctx.paths, E2E_SERVER_PROFILE)?;
    Ok(Outcome::Passed)
}

fn e2e(ctx: &mut Ctx) -> Result<Outcome> {
    ctx.setup.node_packages()?;
    ctx.setup.chromium()?;
    build::app(&ctx.paths, &mut ctx.setup, Profile::Release)?;
    let bin = build::server(&ctx.paths, E2E_SERVER_PROFILE)?;
    let demo_org = build::demo_org(&ctx.paths, E2E_SERVER_PROFILE)?;
    let port = server::free_port()?;
    let playwright = ctx.paths.node_bin().join("playwright");
    passed(
        Cmd::new(&playwright, &ctx.paths.e2e, &ctx.paths.tool_path())
            .arg("test")
            .env("LENS_SERVER_BIN", &bin)
            .env("LENS_DEMO_ORG_BIN", &demo_org)
            .env("LENS_DIST", &ctx.paths.dist)
            .env("LENS_PORT", port.to_string())
            .run(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_line_is_the_plain_ci_form() {
        assert_eq!(closing_line(9, 0, 0), "stages: 9 passed, 0 failed");
        assert_eq!(
            closing_line(7, 1, 2),
            "stages: 7 passed, 1 failed, 2 skipped"
        );
    }

    #[test]
    fn tally_counts_each_outcome() {
        let outcomes = [
            Outcome::Passed,
            Outcome::Failed("x".into()),
            Outcome::Skipped("y".into()),
            Outcome::Passed,
        ];
        assert_eq!(tally(outcomes.iter()), (2, 1, 1));
    }

    #[test]
    fn summary_line_carries_the_reason() {
        let line = summary_line(
            "fmt",
            &Outcome::Failed("`cargo fmt` failed".into()),
            Duration::from_secs(3),
        );
        assert!(line.starts_with("stage fmt"));
        assert!(line.contains("FAILED"));
        assert!(line.contains("`cargo fmt` failed"));
    }

    #[test]
    fn stage_names_are_unique() {
        let mut names: Vec<&str> = STAGES.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), STAGES.len());
    }
}
