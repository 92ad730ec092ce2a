//! `cargo xtask run | test | bench | screenshots` — the project's commands, in Rust so a
//! fresh clone needs nothing but cargo to start.

mod args;
mod bench;
mod bench_latency;
mod build;
mod delay_proxy;
mod error;
mod fingerprint;
#[cfg(test)]
mod module_graph;
mod paths;
mod progress;
mod run;
mod screenshots;
mod server;
mod setup;
mod shell;
mod test_stages;
mod versions;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = argv
        .split_first()
        .map_or(("help", &[][..]), |(c, r)| (c.as_str(), r));
    let paths = paths::Paths::discover();
    let result = match command {
        "run" => args::parse_run(rest).and_then(|a| run::run(&paths, &a).map(|()| true)),
        "test" => args::parse_test(rest).and_then(|a| test_stages::run(&paths, &a)),
        "bench" => bench::run(&paths, rest).map(|()| true),
        "screenshots" => screenshots::run(&paths).map(|()| true),
        "help" | "--help" | "-h" => {
            println!("{}", args::USAGE);
            Ok(true)
        }
        other => Err(error::Error::Usage(format!(
            "unknown command `{other}`\n\n{}",
            args::USAGE
        ))),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}
