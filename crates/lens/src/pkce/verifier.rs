//! The PKCE code verifier, its S256 challenge (RFC 7636 §4.1-4.2) and the `state` value.
//!
//! Randomness comes from the caller (the browser's `crypto.getRandomValues`), so these stay
//! pure and testable; the bytes are base64url-encoded without padding, which yields only
//! characters of the RFC's unreserved set.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use std::fmt;

/// Fewest random bytes for a verifier: 32 bytes encode to the RFC's minimum of 43 characters.
pub const VERIFIER_MIN_BYTES: usize = 32;
/// Most random bytes for a verifier: 96 bytes encode to the RFC's maximum of 128 characters.
pub const VERIFIER_MAX_BYTES: usize = 96;
/// Fewest random bytes for `state` (128 bits: not guessable).
pub const STATE_MIN_BYTES: usize = 16;

/// The random input was not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RandomError {
    #[error("a code verifier needs {min} to {max} random bytes; got {got}")]
    VerifierLength { got: usize, min: usize, max: usize },
    #[error("a state value needs at least {min} random bytes; got {got}")]
    StateLength { got: usize, min: usize },
    #[error(
        "a code verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636); this one is not"
    )]
    NotAVerifier,
}

/// A PKCE code verifier (43-128 characters of `[A-Za-z0-9-._~]`). Secret until the exchange:
/// `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct CodeVerifier(String);

impl CodeVerifier {
    /// The verifier for `random` bytes (32-96 of them).
    ///
    /// # Errors
    /// [`RandomError::VerifierLength`] outside 32..=96 bytes.
    pub fn from_random(random: &[u8]) -> Result<Self, RandomError> {
        if !(VERIFIER_MIN_BYTES..=VERIFIER_MAX_BYTES).contains(&random.len()) {
            return Err(RandomError::VerifierLength {
                got: random.len(),
                min: VERIFIER_MIN_BYTES,
                max: VERIFIER_MAX_BYTES,
            });
        }
        Ok(Self(URL_SAFE_NO_PAD.encode(random)))
    }

    /// A verifier read back (from the tab's sessionStorage after the redirect), checked again.
    ///
    /// # Errors
    /// [`RandomError::NotAVerifier`] when it is not 43-128 unreserved characters.
    pub fn parse(text: &str) -> Result<Self, RandomError> {
        let ok = (43..=128).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(RandomError::NotAVerifier)
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `code_challenge` for `code_challenge_method=S256`.
    #[must_use]
    pub fn challenge(&self) -> String {
        challenge_s256(&self.0)
    }
}

impl fmt::Debug for CodeVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeVerifier(****)")
    }
}

/// `BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))` without padding (RFC 7636 §4.2).
#[must_use]
pub fn challenge_s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The `state` sent to the authorize endpoint and expected back on the callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkceState(String);

impl PkceState {
    /// A state for `random` bytes (at least 16).
    ///
    /// # Errors
    /// [`RandomError::StateLength`] with fewer than 16 bytes.
    pub fn from_random(random: &[u8]) -> Result<Self, RandomError> {
        if random.len() < STATE_MIN_BYTES {
            return Err(RandomError::StateLength {
                got: random.len(),
                min: STATE_MIN_BYTES,
            });
        }
        Ok(Self(URL_SAFE_NO_PAD.encode(random)))
    }

    /// A state read back from sessionStorage (any non-empty text).
    #[must_use]
    pub fn stored(text: &str) -> Option<Self> {
        (!text.is_empty()).then(|| Self(text.to_owned()))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the callback's `state` is exactly this one (compared without an early exit).
    #[must_use]
    pub fn matches(&self, returned: Option<&str>) -> bool {
        let Some(returned) = returned else {
            return false;
        };
        let (a, b) = (self.0.as_bytes(), returned.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_7636_appendix_b_example() {
        // The RFC's own example: these 32 octets give this verifier and this challenge.
        let octets: [u8; 32] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let v = CodeVerifier::from_random(&octets).expect("32 bytes");
        assert_eq!(v.as_str(), "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(v.challenge(), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn verifier_lengths_and_alphabet() {
        let short = CodeVerifier::from_random(&[0u8; 31]);
        assert!(matches!(
            short,
            Err(RandomError::VerifierLength { got: 31, .. })
        ));
        assert!(CodeVerifier::from_random(&[0u8; 97]).is_err());
        let min = CodeVerifier::from_random(&[0xffu8; 32]).expect("min");
        let max = CodeVerifier::from_random(&[0xfbu8; 96]).expect("max");
        assert_eq!(min.as_str().len(), 43);
        assert_eq!(max.as_str().len(), 128);
        for v in [&min, &max] {
            assert!(CodeVerifier::parse(v.as_str()).is_ok(), "{}", v.as_str());
            assert!(!v.as_str().contains(['+', '/', '=']));
        }
    }

    #[test]
    fn parse_rejects_what_the_rfc_does_not_allow() {
        assert_eq!(CodeVerifier::parse(""), Err(RandomError::NotAVerifier));
        assert!(CodeVerifier::parse(&"a".repeat(42)).is_err());
        assert!(CodeVerifier::parse(&"a".repeat(129)).is_err());
        assert!(CodeVerifier::parse(&format!("{}+", "a".repeat(43))).is_err());
        assert!(CodeVerifier::parse(&"a-._~".repeat(10)).is_ok());
    }

    #[test]
    fn verifier_debug_is_redacted() {
        let v = CodeVerifier::from_random(&[7u8; 32]).expect("v");
        assert!(!format!("{v:?}").contains(v.as_str()));
    }

    #[test]
    fn state_check() {
        assert!(PkceState::from_random(&[1u8; 15]).is_err());
        let s = PkceState::from_random(&[1u8; 16]).expect("state");
        assert!(s.matches(Some(s.as_str())));
        assert!(!s.matches(None));
        assert!(!s.matches(Some("")));
        assert!(!s.matches(Some(&format!("{}x", s.as_str()))));
        let other = PkceState::from_random(&[2u8; 16]).expect("state");
        assert!(!s.matches(Some(other.as_str())));
        assert_eq!(PkceState::stored(""), None);
        assert_eq!(PkceState::stored(s.as_str()), Some(s));
    }
}
