//! `cargo xtask run`: from a fresh clone to the app in the browser with one command.

use crate::args::RunArgs;
use crate::build;
use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::progress;
use crate::server;
use crate::setup::Setup;
use crate::shell::Cmd;

/// Environment variables that make the server talk to a real org (see crates/server).
const CREDENTIAL_VARS: &[&str] = &["GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYS_CLIENT_ID"];

pub fn run(paths: &Paths, args: &RunArgs) -> Result<()> {
    // Fail before minutes of building if the port is taken.
    if server::port_in_use(args.port) {
        return Err(Error::Usage(format!(
            "port {} on 127.0.0.1 is already in use; choose another with: cargo xtask run --port 8090",
            args.port
        )));
    }
    let mut setup = Setup::new(paths);
    build::app(paths, &mut setup, args.profile)?;
    let bin = build::server(paths, args.profile)?;

    let dotenv = std::fs::read_to_string(paths.root.join(".env")).unwrap_or_default();
    let real = CREDENTIAL_VARS
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()) || dotenv_sets(&dotenv, v));
    let forced_demo = args.server_args.iter().any(|a| a == "--demo");
    let org = if real && !forced_demo {
        "Genesys Cloud credentials found (environment or .env): the server uses the real org"
    } else {
        "no Genesys Cloud credentials (environment or .env): the server uses the embedded demo org"
    };
    progress::line("run", org);
    progress::line(
        "run",
        &format!(
            "starting the server on http://127.0.0.1:{}/ (Ctrl-C stops it)",
            args.port
        ),
    );
    let err = Cmd::new(&bin, &paths.root, &paths.tool_path())
        .arg("--port")
        .arg(args.port.to_string())
        .arg("--dist")
        .arg(&paths.dist)
        .args(&args.server_args)
        .exec();
    Err(err)
}

/// Whether a `.env` text assigns a non-empty value to `var` (`VAR=x` or `export VAR=x`).
fn dotenv_sets(text: &str, var: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("export ").unwrap_or(line);
        line.strip_prefix(var)
            .and_then(|rest| rest.trim_start().strip_prefix('='))
            .is_some_and(|value| {
                !value
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'')
                    .is_empty()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotenv_credentials_are_noticed() {
        assert!(dotenv_sets(
            "GENESYSCLOUD_OAUTHCLIENT_ID=abc\n",
            "GENESYSCLOUD_OAUTHCLIENT_ID"
        ));
        assert!(dotenv_sets(
            "# c\nexport GENESYS_CLIENT_ID = \"x\"",
            "GENESYS_CLIENT_ID"
        ));
        assert!(!dotenv_sets(
            "GENESYSCLOUD_OAUTHCLIENT_ID=\n",
            "GENESYSCLOUD_OAUTHCLIENT_ID"
        ));
        assert!(!dotenv_sets(
            "# GENESYSCLOUD_OAUTHCLIENT_ID=abc",
            "GENESYSCLOUD_OAUTHCLIENT_ID"
        ));
        assert!(!dotenv_sets(
            "GENESYSCLOUD_OAUTHCLIENT_ID_X=abc",
            "GENESYSCLOUD_OAUTHCLIENT_ID"
        ));
    }
}
