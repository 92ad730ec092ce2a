//! `cargo xtask screenshots`: regenerate the README's pictures of the main view.

use crate::build::{self, Profile};
use crate::error::Result;
use crate::paths::Paths;
use crate::progress;
use crate::server;
use crate::setup::Setup;
use crate::shell::Cmd;

pub fn run(paths: &Paths) -> Result<()> {
    let mut setup = Setup::new(paths);
    setup.chromium()?;
    build::app(paths, &mut setup, Profile::Release)?;
    let bin = build::server(paths, Profile::Dev)?;
    let server = server::start_demo(paths, &bin, &[])?;
    let out = paths.root.join("docs/screenshots");
    progress::line(
        "screenshots",
        &format!("{} -> {}", server.url(), out.display()),
    );
    Cmd::new("node", &paths.root, &paths.tool_path())
        .arg(paths.root.join("scripts/screenshots.mjs"))
        .env("LENS_URL", server.url())
        .env("LENS_OUT", &out)
        .run()
}
