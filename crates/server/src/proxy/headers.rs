//! Headers across the proxy boundary: what the browser may send upstream (only its own bearer
//! token), what comes back (the headers that teach), and `Server-Timing`.

use crate::error::LensError;
use crate::secret::Secret;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use std::time::Duration;

/// Upstream response headers passed to the browser unchanged. Everything else (cookies,
/// upstream `Server`, CORS headers, ...) is dropped.
pub fn passes_through(name: &HeaderName) -> bool {
    let n = name.as_str(); // header names are lower-case here
    matches!(n, "content-type" | "inin-correlation-id" | "retry-after")
        || n.starts_with("inin-ratelimit-")
}

/// Copies the teaching headers of an upstream response.
pub fn copy_upstream(from: &HeaderMap, to: &mut HeaderMap) {
    for (name, value) in from {
        if passes_through(name) {
            to.append(name.clone(), value.clone());
        }
    }
}

/// The browser's own token, if it sent `Authorization: Bearer <token>`. Any other
/// `Authorization` form is refused rather than silently replaced by the server's token.
pub fn browser_bearer(headers: &HeaderMap) -> Result<Option<Secret>, LensError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let text = value.to_str().map_err(|_| LensError::BadAuthorization)?;
    let (scheme, token) = text.split_once(' ').ok_or(LensError::BadAuthorization)?;
    let token = token.trim();
    // RFC 6750 b64token characters; bounded length.
    let valid = scheme.eq_ignore_ascii_case("bearer")
        && !token.is_empty()
        && token.len() <= 8192
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/=".contains(&b));
    if valid {
        Ok(Some(Secret::new(token)))
    } else {
        Err(LensError::BadAuthorization)
    }
}

/// `Server-Timing: token;dur=1.2, upstream;dur=34.5` (milliseconds; shown by browser dev tools).
pub fn server_timing(token: Duration, upstream: Duration) -> HeaderValue {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let text = format!(
        "token;dur={:.1}, upstream;dur={:.1}",
        ms(token),
        ms(upstream)
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("upstream"))
}

/// Which token the proxy used, so the app can say whose permissions applied.
pub const X_LENS_AUTH: &str = "x-lens-auth";
/// Set when the proxy waited for a short `Retry-After` and retried once (value: waited ms).
pub const X_LENS_RETRIED_AFTER_MS: &str = "x-lens-retried-after-ms";
/// Set on a 429 passed through without waiting (value: seconds the app should wait).
pub const X_LENS_RETRY_AFTER_SECS: &str = "x-lens-retry-after-secs";

/// Parses `Retry-After` in its delay-seconds form (the form Genesys sends, reference/api-facts.md §4.2).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_auth(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(v).expect("ascii"),
        );
        h
    }

    #[test]
    fn bearer_tokens_are_accepted_and_redacted() {
        let t = browser_bearer(&with_auth("Bearer abc.DEF-123_~+/="))
            .expect("ok")
            .expect("some");
        assert_eq!(t.expose(), "abc.DEF-123_~+/=");
        assert!(!format!("{t:?}").contains("abc"));
        assert_eq!(browser_bearer(&HeaderMap::new()), Ok(None));
    }

    #[test]
    fn other_authorization_forms_are_refused() {
        for v in [
            "Basic dXNlcjpwYXNz",
            "Bearer",
            "Bearer a b",
            "Bearer <script>",
            "token",
        ] {
            assert_eq!(
                browser_bearer(&with_auth(v)),
                Err(LensError::BadAuthorization),
                "{v}"
            );
        }
    }

    #[test]
    fn only_teaching_headers_pass() {
        for n in [
            "inin-correlation-id",
            "retry-after",
            "inin-ratelimit-count",
            "content-type",
        ] {
            assert!(passes_through(&HeaderName::from_static(n)), "{n}");
        }
        for n in [
            "set-cookie",
            "server",
            "access-control-allow-origin",
            "authorization",
        ] {
            assert!(!passes_through(&HeaderName::from_static(n)), "{n}");
        }
    }

    #[test]
    fn server_timing_format() {
        let v = server_timing(Duration::from_micros(1500), Duration::from_millis(20));
        assert_eq!(v.to_str().ok(), Some("token;dur=1.5, upstream;dur=20.0"));
    }
}
