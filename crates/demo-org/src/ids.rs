//! Stable identifiers and a tiny deterministic PRNG.
//!
//! Scenario and synthetic IDs must be the same on every start (a learner bookmarks them), so they
//! are hashed from a name instead of drawn at random. No `uuid` crate: we only need formatting.

/// A version-4-shaped UUID derived from `namespace` and `label` (same input → same UUID, always).
#[must_use]
pub fn stable_uuid(namespace: &str, label: &str) -> String {
    let hi = fnv1a64(
        namespace.as_bytes(),
        label.as_bytes(),
        0xcbf2_9ce4_8422_2325,
    );
    let lo = fnv1a64(
        namespace.as_bytes(),
        label.as_bytes(),
        0x6c62_272e_07bb_0142,
    );
    format_uuid((u128::from(splitmix(hi)) << 64) | u128::from(splitmix(lo)))
}

/// Format 128 bits as a lower-case UUID with the version (4) and variant (10xx) bits set.
#[must_use]
pub fn format_uuid(bits: u128) -> String {
    let v = (bits & !(0xF000_u128 << 64) | (0x4000_u128 << 64)) & !(0xC000_u128 << 48)
        | (0x8000_u128 << 48);
    let h = format!("{v:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Parse a UUID's 32 hex digits into 128 bits (`None` if it is not a UUID).
#[must_use]
pub fn parse_uuid(s: &str) -> Option<u128> {
    if s.len() != 36 {
        return None;
    }
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    if hex.len() != 32 {
        return None;
    }
    u128::from_str_radix(&hex, 16).ok()
}

fn fnv1a64(a: &[u8], b: &[u8], basis: u64) -> u64 {
    let mut h = basis;
    for byte in a.iter().chain(&[0u8]).chain(b) {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// `SplitMix64` finaliser: spreads the bits of a hash or a counter.
#[must_use]
pub fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Deterministic PRNG (`SplitMix64` stream); good enough for realistic-looking synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        splitmix(self.0)
    }

    /// Uniform in `0..n` (`n` > 0; returns 0 for `n` == 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_and_well_formed() {
        let a = stable_uuid("inbound-answered", "conversation");
        assert_eq!(a, stable_uuid("inbound-answered", "conversation"));
        assert_ne!(a, stable_uuid("inbound-answered", "customer"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(parse_uuid(&a).map(format_uuid), Some(a));
    }
}
