//! The Notifications API state of one org: its knobs, its channels, whether delivery runs.

use super::channels::Channels;
use super::config::NotificationConfig;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The Notifications API state of one org.
#[derive(Debug)]
pub struct Notifications {
    pub cfg: NotificationConfig,
    pub channels: Arc<Channels>,
    delivering: AtomicBool,
}

impl Notifications {
    #[must_use]
    pub fn new(cfg: NotificationConfig) -> Self {
        let ttl = chrono::Duration::from_std(cfg.channel_ttl).unwrap_or(chrono::Duration::days(1));
        Self {
            cfg,
            channels: Arc::new(Channels::new(ttl)),
            delivering: AtomicBool::new(false),
        }
    }

    /// True if the delivery task was already started (and marks it started).
    pub(super) fn delivery_started(&self) -> bool {
        self.delivering.swap(true, Ordering::SeqCst)
    }
}
