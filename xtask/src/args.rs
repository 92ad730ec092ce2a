//! Command-line parsing for the subcommands (std only; the grammar is tiny).

use crate::build::Profile;
use crate::error::{Error, Result};

pub const USAGE: &str = "\
cargo xtask <command> [options]

commands:
  run          install what is missing, build the app and server, start it on 127.0.0.1
               --port N        port to listen on (default 8080)
               --release       optimised build (default)   --dev   quick unoptimised build
               other flags (or anything after --) go to conversation-lens-server,
               e.g. cargo xtask run -- --time-scale 10
  test         install test tools, run every check, one summary line per stage
               --stage a,b     run only these stages   --skip a,b   run all but these
               --list          list the stages
  bench        print figures beside issue 16's goals: bundle size, browser timings on loopback,
               the 150 ms latency run, then each crate's benches (crates/*/benches)
               [size|app|latency|crates]...   run only these parts
  screenshots  regenerate docs/screenshots/*.png (desktop/phone x light/dark)
  help         this text";

#[derive(Debug, PartialEq, Eq)]
pub struct RunArgs {
    pub port: u16,
    pub profile: Profile,
    pub server_args: Vec<String>,
}

pub fn parse_run(args: &[String]) -> Result<RunArgs> {
    let mut out = RunArgs {
        port: 8080,
        profile: Profile::Release,
        server_args: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--release" => out.profile = Profile::Release,
            "--dev" => out.profile = Profile::Dev,
            "--port" => out.port = port(it.next())?,
            "--" => out.server_args.extend(it.by_ref().cloned()),
            other => match other.strip_prefix("--port=") {
                Some(v) => out.port = port(Some(&v.to_owned()))?,
                None => out.server_args.push(other.to_owned()),
            },
        }
    }
    Ok(out)
}

fn port(value: Option<&String>) -> Result<u16> {
    let value =
        value.ok_or_else(|| Error::Usage("--port needs a number, e.g. --port 8080".into()))?;
    match value.parse::<u16>() {
        Ok(p) if p > 0 => Ok(p),
        _ => Err(Error::Usage(format!(
            "--port {value}: expected a port number 1-65535"
        ))),
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct TestArgs {
    pub only: Vec<String>,
    pub skip: Vec<String>,
    pub list: bool,
}

pub fn parse_test(args: &[String]) -> Result<TestArgs> {
    let mut out = TestArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f, Some(v.to_owned())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| {
                    Error::Usage(format!("{flag} needs stage names, e.g. {flag} fmt,clippy"))
                })
        };
        match flag {
            "--stage" | "--stages" | "--only" => out.only.extend(names(&value()?)),
            "--skip" => out.skip.extend(names(&value()?)),
            "--list" => out.list = true,
            other => {
                return Err(Error::Usage(format!(
                    "unknown option for test: {other}\n\n{USAGE}"
                )));
            }
        }
    }
    Ok(out)
}

fn names(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn run_defaults() {
        let a = parse_run(&[]).ok();
        assert_eq!(
            a,
            Some(RunArgs {
                port: 8080,
                profile: Profile::Release,
                server_args: vec![]
            })
        );
    }

    #[test]
    fn run_port_profile_and_passthrough() {
        let a = parse_run(&v(&[
            "--port",
            "9001",
            "--dev",
            "--bind",
            "127.0.0.1",
            "--",
            "--time-scale",
            "10",
        ]))
        .ok();
        assert_eq!(
            a,
            Some(RunArgs {
                port: 9001,
                profile: Profile::Dev,
                server_args: v(&["--bind", "127.0.0.1", "--time-scale", "10"]),
            })
        );
        assert_eq!(parse_run(&v(&["--port=81"])).ok().map(|a| a.port), Some(81));
    }

    #[test]
    fn run_refuses_bad_ports() {
        assert!(parse_run(&v(&["--port"])).is_err());
        assert!(parse_run(&v(&["--port", "0"])).is_err());
        assert!(parse_run(&v(&["--port", "70000"])).is_err());
        assert!(parse_run(&v(&["--port", "web"])).is_err());
    }

    #[test]
    fn test_stage_selection() {
        let a = parse_test(&v(&[
            "--stage",
            "fmt,clippy",
            "--skip=e2e",
            "--stage",
            "wasm",
        ]))
        .ok();
        assert_eq!(
            a,
            Some(TestArgs {
                only: v(&["fmt", "clippy", "wasm"]),
                skip: v(&["e2e"]),
                list: false
            })
        );
        assert!(parse_test(&v(&["--stage"])).is_err());
        assert!(parse_test(&v(&["--frobnicate"])).is_err());
    }
}
