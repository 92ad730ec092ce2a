//! Shared state of the request handlers; they get it as `State<Arc<AppState>>`.

use crate::config::Mode;
use crate::upstream::Upstream;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug)]
pub struct AppState {
    pub upstream: Upstream,
    /// Demo org or a real region, as configured.
    pub mode: Mode,
    pub dist: PathBuf,
    /// Notification channels created through the proxy and the open socket relays (`notify/`).
    pub sockets: Arc<crate::notify::Sockets>,
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

/// The socket relay reads only the channels it may dial (so `notify` need not know `AppState`).
impl axum::extract::FromRef<Arc<AppState>> for crate::notify::SharedSockets {
    fn from_ref(state: &Arc<AppState>) -> Self {
        crate::notify::SharedSockets(Arc::clone(&state.sockets))
    }
}
