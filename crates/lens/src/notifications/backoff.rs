//! When to reconnect after the socket drops: 1 s, 2 s, 4 s … capped at 30 s, and after a few
//! failures in a row stop and let the user ask again. Every reconnect opens a **new channel**
//! (the old one may have expired or been closed) and back-fills from the REST APIs, because
//! events sent while the socket was down are not sent again.

use serde::Serialize;

/// The reconnect schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backoff {
    pub first_ms: u32,
    pub max_ms: u32,
    /// Failed attempts in a row before giving up.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            first_ms: 1_000,
            max_ms: 30_000,
            max_attempts: 8,
        }
    }
}

/// What to do after the socket closed or failed to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Next {
    /// Try again (a new channel, new subscriptions, a back-fill) after this delay.
    Retry { after_ms: u32, attempt: u32 },
    /// Stop: tell the user and offer a button.
    GiveUp { attempts: u32 },
}

impl Backoff {
    /// The delay before attempt `n` (0-based): `first · 2ⁿ`, at most `max_ms`.
    #[must_use]
    pub fn delay_ms(&self, attempt: u32) -> u32 {
        let factor = 1_u64 << attempt.min(20);
        u32::try_from((u64::from(self.first_ms) * factor).min(u64::from(self.max_ms)))
            .unwrap_or(self.max_ms)
    }

    /// What to do after `failures` failed attempts in a row (reset to 0 by a socket that opened).
    /// `announced` = Genesys said `v2.system.socket_closing` first: reconnect at once.
    #[must_use]
    pub fn next(&self, failures: u32, announced: bool) -> Next {
        if failures >= self.max_attempts {
            return Next::GiveUp { attempts: failures };
        }
        let after_ms = if announced && failures == 0 {
            0
        } else {
            self.delay_ms(failures)
        };
        Next::Retry {
            after_ms,
            attempt: failures + 1,
        }
    }

    /// The whole schedule, for the explanation ("1 s, 2 s, 4 s, …").
    #[must_use]
    pub fn schedule(&self) -> Vec<u32> {
        (0..self.max_attempts).map(|n| self.delay_ms(n)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_cap_then_gives_up() {
        let b = Backoff::default();
        assert_eq!(
            b.schedule(),
            vec![1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
        );
        assert_eq!(
            b.next(0, false),
            Next::Retry {
                after_ms: 1_000,
                attempt: 1
            }
        );
        assert_eq!(
            b.next(3, false),
            Next::Retry {
                after_ms: 8_000,
                attempt: 4
            }
        );
        assert_eq!(b.next(8, false), Next::GiveUp { attempts: 8 });
        assert_eq!(b.delay_ms(u32::MAX), 30_000, "no overflow");
    }

    #[test]
    fn an_announced_close_reconnects_at_once_the_first_time() {
        let b = Backoff::default();
        assert_eq!(
            b.next(0, true),
            Next::Retry {
                after_ms: 0,
                attempt: 1
            }
        );
        assert_eq!(
            b.next(1, true),
            Next::Retry {
                after_ms: 2_000,
                attempt: 2
            }
        );
    }
}
