//! Shared state of the request handlers.

use crate::proxy::upstream::Upstream;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug)]
pub struct StateInner {
    pub upstream: Upstream,
    pub demo_mode: bool,
    pub region: String,
    pub dist: PathBuf,
}

/// Cheap to clone; handlers get it via `State`.
#[derive(Debug, Clone)]
pub struct AppState(pub Arc<StateInner>);

impl Deref for AppState {
    type Target = StateInner;
    fn deref(&self) -> &StateInner {
        &self.0
    }
}
