//! Where a claim comes from. Every explanation the app shows carries one.

use serde::{Deserialize, Serialize};

/// A citation for something the app tells the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Short label shown next to the claim, e.g. "api-facts §2.1".
    pub label: &'static str,
    /// Where to read more (a public URL or a reference-file section).
    pub href: &'static str,
    /// False when the reference marks the fact UNVERIFIED.
    pub verified: bool,
}

impl Source {
    #[must_use]
    pub const fn verified(label: &'static str, href: &'static str) -> Self {
        Self {
            label,
            href,
            verified: true,
        }
    }

    #[must_use]
    pub const fn unverified(label: &'static str, href: &'static str) -> Self {
        Self {
            label,
            href,
            verified: false,
        }
    }
}

/// A sentence the app shows, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub text: String,
    pub source: Source,
}

impl Claim {
    #[must_use]
    pub fn new(text: impl Into<String>, source: Source) -> Self {
        Self {
            text: text.into(),
            source,
        }
    }
}
