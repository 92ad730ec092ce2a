//! Shared state of the request handlers; they get it as `State<Arc<AppState>>`.

use crate::config::Mode;
use crate::upstream::Upstream;
use std::path::PathBuf;

#[derive(Debug)]
pub struct AppState {
    pub upstream: Upstream,
    /// Demo org or a real region, as configured.
    pub mode: Mode,
    pub dist: PathBuf,
    /// Notification channels created through the proxy and the open socket relays (`notify/`).
    pub sockets: crate::notify::Sockets,
}

impl AppState {
    pub fn is_demo(&self) -> bool {
        matches!(self.mode, Mode::Demo(_))
    }

    /// What `/api/health` reports: `demo`, the region key, or `custom` for URL overrides.
    pub fn region(&self) -> &str {
        match &self.mode {
            Mode::Demo(_) => "demo",
            Mode::Real(up) => &up.region_label,
        }
    }
}
