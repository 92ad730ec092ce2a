//! Where a claim comes from. Every explanation the app shows carries one.

use serde::{Deserialize, Serialize};

/// A citation for something the app tells the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Short readable name of the public page `href` opens, e.g. "Python SDK model `Conversation`".
    /// Never an internal code (see [`internal_code`]).
    pub label: &'static str,
    /// The public page, or a page of this app ([`APP_PAGES`]) for this app's own behaviour.
    pub href: &'static str,
    /// False when no source confirms the fact: the UI marks it UNVERIFIED.
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

/// The app's own pages a [`Source`] may link to (the app routes them; an e2e test opens each).
pub const APP_PAGES: &[&str] = &["/about"];

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

/// The first internal citation code in `text`, if any: a section sign (`§2.3`), a name of our own
/// notes (`api-facts`, `user-pain-points`, `pain point 4`) or a bracket tag (`[PY-models]`,
/// `[P5]`, `[HELP 278459]`). Users never see these: they mean nothing outside this repository.
/// (`[%s]` placeholders and JSON such as `["a"]` are not tags.)
#[must_use]
pub fn internal_code(text: &str) -> Option<&str> {
    for word in ["§", "api-facts", "user-pain-points", "pain point"] {
        if let Some(i) = text.to_ascii_lowercase().find(word) {
            return text.get(i..(i + word.len()).min(text.len()));
        }
    }
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b != b'[' || !bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let rest = &bytes[i + 1..];
        let len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b' ' || **c == b'-')
            .count();
        if rest.get(len) == Some(&b']') {
            return text.get(i..=i + 1 + len);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::internal_code;

    #[test]
    fn finds_every_kind_of_internal_code() {
        for (text, code) in [
            ("see api-facts §2.3", "§"),
            ("per API-facts", "API-facts"),
            ("pain point 4 says", "pain point"),
            ("from user-pain-points 2", "user-pain-points"),
            ("models [PY-models] agree", "[PY-models]"),
            ("as [P5] shows", "[P5]"),
            ("[HELP 278459]", "[HELP 278459]"),
            ("[BP-SQL] sample", "[BP-SQL]"),
        ] {
            assert_eq!(internal_code(text), Some(code), "{text}");
        }
    }

    #[test]
    fn ordinary_text_passes() {
        for text in [
            "Rate limit exceeded the maximum [%s] requests within [%s] seconds",
            "ids = [\"a\", \"b\"]",
            "#[tokio::main]",
            "Python SDK model `Conversation`",
            "[",
            "a [Z",
        ] {
            assert_eq!(internal_code(text), None, "{text}");
        }
    }
}
