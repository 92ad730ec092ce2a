//! The query the authorize endpoint redirects back with: `code` + `state`, or `error` +
//! `error_description` (+ `state`) (RFC 6749 §4.1.2 and §4.1.2.1).

use super::verifier::PkceState;

/// What came back on the redirect URI. `Debug` leaves the code out: it can be redeemed for a token.
#[derive(Clone, PartialEq, Eq)]
pub enum Callback {
    /// Success: a code to redeem (once, soon) for a token.
    Code { code: String, state: Option<String> },
    /// The authorization server said no (`access_denied`, `invalid_request`, …).
    Error {
        error: String,
        description: Option<String>,
        state: Option<String>,
    },
}

impl std::fmt::Debug for Callback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Callback::Code { state, .. } => f
                .debug_struct("Code")
                .field("code", &"[redacted]")
                .field("state", state)
                .finish(),
            Callback::Error {
                error,
                description,
                state,
            } => f
                .debug_struct("Error")
                .field("error", error)
                .field("description", description)
                .field("state", state)
                .finish(),
        }
    }
}

/// Why a callback cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    #[error(
        "This page is where Genesys Cloud sends you back after signing in, but the address carries neither a code nor an error. Start again with Sign in."
    )]
    Empty,
    #[error(
        "The sign-in answer does not belong to a sign-in started in this tab (its state does not match, or this tab started none). Nothing was exchanged; start again with Sign in."
    )]
    StateMismatch,
}

/// Reads the callback query (with or without the leading `?`).
///
/// # Errors
/// [`CallbackError::Empty`] when neither `code` nor `error` is present.
pub fn parse_callback(query: &str) -> Result<Callback, CallbackError> {
    let mut code = None;
    let mut state = None;
    let mut error = None;
    let mut description = None;
    for pair in query.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        match k {
            "code" if !v.is_empty() => code = Some(v),
            "state" if !v.is_empty() => state = Some(v),
            "error" if !v.is_empty() => error = Some(v),
            "error_description" if !v.is_empty() => description = Some(v),
            _ => {}
        }
    }
    match (error, code) {
        (Some(error), _) => Ok(Callback::Error {
            error,
            description,
            state,
        }),
        (None, Some(code)) => Ok(Callback::Code { code, state }),
        (None, None) => Err(CallbackError::Empty),
    }
}

impl Callback {
    /// The code, once the state is the one this tab sent (an error needs no state check: it is
    /// shown, never acted on).
    ///
    /// # Errors
    /// [`CallbackError::StateMismatch`] when `expected` is absent or differs.
    pub fn code_for(&self, expected: Option<&PkceState>) -> Result<Option<&str>, CallbackError> {
        match self {
            Callback::Error { .. } => Ok(None),
            Callback::Code { code, state } => match expected {
                Some(s) if s.matches(state.as_deref()) => Ok(Some(code)),
                _ => Err(CallbackError::StateMismatch),
            },
        }
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte; bad escapes stay
/// as typed, invalid UTF-8 is replaced.
fn decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_leaves_the_code_out() {
        let c = parse_callback("?code=redeemable-secret-code&state=s1").expect("code");
        let shown = format!("{c:?}");
        assert!(!shown.contains("redeemable-secret-code"), "{shown}");
        assert!(shown.contains("s1"), "{shown}");
    }

    #[test]
    fn code_and_state() {
        let cb = parse_callback("?code=abc%2Fdef&state=xyz").expect("cb");
        assert_eq!(
            cb,
            Callback::Code {
                code: "abc/def".into(),
                state: Some("xyz".into())
            }
        );
        let s = PkceState::stored("xyz").expect("state");
        assert_eq!(cb.code_for(Some(&s)), Ok(Some("abc/def")));
        let other = PkceState::stored("xyZ").expect("state");
        assert_eq!(cb.code_for(Some(&other)), Err(CallbackError::StateMismatch));
        assert_eq!(cb.code_for(None), Err(CallbackError::StateMismatch));
    }

    #[test]
    fn error_with_description_wins_over_a_code() {
        let cb = parse_callback(
            "error=access_denied&error_description=The+user+said+no%21&state=s&code=c",
        )
        .expect("cb");
        assert_eq!(
            cb,
            Callback::Error {
                error: "access_denied".into(),
                description: Some("The user said no!".into()),
                state: Some("s".into())
            }
        );
        assert_eq!(cb.code_for(None), Ok(None));
    }

    #[test]
    fn nothing_useful_and_broken_escapes() {
        assert_eq!(parse_callback(""), Err(CallbackError::Empty));
        assert_eq!(parse_callback("?foo=bar&code="), Err(CallbackError::Empty));
        let cb = parse_callback("code=%zz%4&state=%").expect("cb");
        assert_eq!(
            cb,
            Callback::Code {
                code: "%zz%4".into(),
                state: Some("%".into())
            }
        );
        let cb = parse_callback("code=%E2%9C%93").expect("cb");
        assert!(matches!(cb, Callback::Code { code, .. } if code == "✓"));
    }
}
