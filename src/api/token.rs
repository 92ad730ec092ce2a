//! A user-pasted access token. Kept in memory only (a signal; never localStorage), sent as
//! `Authorization: Bearer` on each request and forwarded by the server, never stored there.

use std::fmt;

/// An access token the user pasted. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct UserToken(String);

impl UserToken {
    /// Accept a pasted token, with or without a `Bearer ` prefix. Empty input means "no token".
    #[must_use]
    pub fn parse(text: &str) -> Option<UserToken> {
        let t = text.trim();
        let t = t
            .strip_prefix("Bearer ")
            .or_else(|| t.strip_prefix("bearer "))
            .unwrap_or(t)
            .trim();
        (!t.is_empty()).then(|| UserToken(t.to_owned()))
    }

    /// The `Authorization` header value.
    #[must_use]
    pub fn header_value(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl fmt::Debug for UserToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserToken(****)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_redact() {
        assert_eq!(UserToken::parse("  "), None);
        let t = UserToken::parse("Bearer abc123 ").expect("token");
        assert_eq!(t.header_value(), "Bearer abc123");
        assert!(!format!("{t:?}").contains("abc123"));
    }
}
