//! Knobs of the Notifications API (tests make them short).

use std::time::Duration;

/// How long a channel lives, how often its socket hears a heartbeat, how often events are pumped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationConfig {
    /// A channel's lifetime on the demo clock (`expires` = creation + this). Genesys documents 24 h
    /// ("channels remain active for 24 hours"; subscribing again extends it — UNVERIFIED here).
    pub channel_ttl: Duration,
    /// Real time between `channel.metadata` heartbeats on an open socket. UNVERIFIED: the
    /// reference names the heartbeat but not its period; 30 s is the demo org's choice.
    pub heartbeat: Duration,
    /// Real time between two looks at the clock for changes to push (the delivery task's tick).
    pub tick: Duration,
}

impl Default for NotificationConfig {
    fn default() -> Self {
        Self {
            channel_ttl: Duration::from_secs(24 * 3600),
            heartbeat: Duration::from_secs(30),
            tick: Duration::from_millis(200),
        }
    }
}
