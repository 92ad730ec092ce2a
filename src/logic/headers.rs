//! Response headers the panels explain: `Server-Timing` (added by the companion server) and
//! `Retry-After` (sent by Genesys with 429).

/// One `Server-Timing` metric, e.g. `upstream;dur=182.4`.
#[derive(Debug, Clone, PartialEq)]
pub struct TimingEntry {
    pub name: String,
    pub dur_ms: Option<f64>,
}

/// Parse a `Server-Timing` header (`token;dur=0.1, upstream;dur=182.4`). Malformed parts are
/// skipped rather than failing the whole header.
#[must_use]
pub fn server_timing(header: &str) -> Vec<TimingEntry> {
    header
        .split(',')
        .filter_map(|part| {
            let mut bits = part.split(';').map(str::trim);
            let name = bits.next().filter(|n| !n.is_empty())?.to_owned();
            let dur_ms = bits
                .filter_map(|b| b.strip_prefix("dur="))
                .find_map(|v| v.trim_matches('"').parse::<f64>().ok());
            Some(TimingEntry { name, dur_ms })
        })
        .collect()
}

/// `Retry-After` in whole seconds. Genesys sends delta-seconds; an HTTP date (also allowed by
/// RFC 9110) is not interpreted and yields `None`, so the UI falls back to "wait and retry".
#[must_use]
pub fn retry_after_secs(header: &str) -> Option<u64> {
    header.trim().parse::<u64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_server_timing() {
        let t = server_timing("token;dur=0.4, upstream;dur=182.5;desc=\"Genesys\", junk, ;dur=1");
        assert_eq!(t.len(), 3);
        assert_eq!(
            t[0],
            TimingEntry {
                name: "token".into(),
                dur_ms: Some(0.4)
            }
        );
        assert_eq!(t[1].dur_ms, Some(182.5));
        assert_eq!(
            t[2],
            TimingEntry {
                name: "junk".into(),
                dur_ms: None
            }
        );
    }

    #[test]
    fn parses_retry_after() {
        assert_eq!(retry_after_secs(" 17 "), Some(17));
        assert_eq!(retry_after_secs("Wed, 21 Oct 2026 07:28:00 GMT"), None);
    }
}
