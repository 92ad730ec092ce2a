//! Browser-facing hardening: the `Host` check (DNS rebinding), the `Origin` / `Sec-Fetch-Site`
//! checks (cross-site requests), and the security headers every response carries.
//!
//! Why: the proxy holds a token for the user's org. A web page the user visits could otherwise
//! reach it through a rebinding DNS name (Host check) or fire requests from another site that
//! spend the token's rate limit or start jobs (Origin / Sec-Fetch-Site checks). No CORS headers
//! are ever sent, so other origins can't read responses either.

use crate::error::{LensError, clip};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use demo_org::http::local_guard::{self, Refusal};
use std::sync::Arc;

/// Host names and extra origins this server answers to; the same policy and checks guard the
/// embedded demo org ([`demo_org::http::local_guard`]).
pub use demo_org::http::local_guard::HostPolicy;

/// CSP for everything that is not the app's HTML (JSON, assets): nothing may run or be framed.
pub const CSP_NON_HTML: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Powerful browser features the app never uses, switched off for it and anything it embeds.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/// Decides whether a request may proceed. Cross-site reads are refused under `/api/` only (they
/// would spend the org's rate limit with our token); pages may still be linked to.
pub fn check_request(
    policy: &HostPolicy,
    method: &Method,
    path: &str,
    h: &HeaderMap,
) -> Result<(), LensError> {
    local_guard::check(policy, method, path.starts_with("/api/"), h).map_err(|r| match r {
        Refusal::Host(host) => LensError::HostRejected(clip(&host)),
        Refusal::Origin(origin) => LensError::OriginRejected(clip(&origin)),
    })
}

/// Middleware: refuses requests per [`check_request`].
pub async fn guard(State(policy): State<Arc<HostPolicy>>, req: Request, next: Next) -> Response {
    // A WebSocket upgrade is a GET no CORS rule protects: any page may open one to localhost. It
    // is checked like a write, so its Origin must be this server's own.
    let method = if is_websocket_upgrade(req.headers()) {
        Method::POST
    } else {
        req.method().clone()
    };
    match check_request(&policy, &method, req.uri().path(), req.headers()) {
        Ok(()) => next.run(req).await,
        Err(e) => {
            tracing::warn!(code = e.code(), path = %crate::error::clip(req.uri().path()), "request refused");
            e.into_response()
        }
    }
}

/// `Upgrade: websocket` (any case).
pub fn is_websocket_upgrade(h: &HeaderMap) -> bool {
    h.get(axum::http::header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("websocket"))
}

/// Middleware: security headers on every response (a handler may set a more specific CSP).
pub async fn headers(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    let set = |h: &mut HeaderMap, name: &'static str, value: &'static str| {
        if !h.contains_key(name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    set(h, "content-security-policy", CSP_NON_HTML);
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "no-referrer");
    set(h, "x-frame-options", "DENY");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(h, "permissions-policy", PERMISSIONS_POLICY);
    if is_api {
        // Org data and tokens/me must not linger in any cache.
        set(h, "cache-control", "no-store");
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> HostPolicy {
        HostPolicy::new(
            "127.0.0.1:8080".parse().expect("addr"),
            &["lens.internal".to_string()],
        )
    }

    fn hdrs(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).expect("ascii"));
        }
        h
    }

    #[test]
    fn origins_on_unsafe_methods() {
        let p = policy();
        let ok = hdrs(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert!(check_request(&p, &Method::POST, "/api/v2/x", &ok).is_ok());
        let evil = hdrs(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://evil.example"),
        ]);
        assert!(matches!(
            check_request(&p, &Method::POST, "/api/v2/x", &evil),
            Err(LensError::OriginRejected(_))
        ));
        let null = hdrs(&[("host", "127.0.0.1:8080"), ("origin", "null")]);
        assert!(check_request(&p, &Method::DELETE, "/api/v2/x", &null).is_err());
        let other_port = hdrs(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:9999"),
        ]);
        assert!(check_request(&p, &Method::POST, "/api/v2/x", &other_port).is_err());
        // curl: no Origin, no Sec-Fetch-Site → fine (not a browser, nothing to forge).
        let curl = hdrs(&[("host", "localhost:8080")]);
        assert!(check_request(&p, &Method::POST, "/api/v2/x", &curl).is_ok());
        // GET with a foreign Origin is fine unless the browser says it is cross-site.
        assert!(check_request(&p, &Method::GET, "/api/v2/x", &evil).is_ok());
        let xsite = hdrs(&[("host", "localhost:8080"), ("sec-fetch-site", "cross-site")]);
        assert!(check_request(&p, &Method::GET, "/api/v2/x", &xsite).is_err());
        assert!(check_request(&p, &Method::GET, "/index.html", &xsite).is_ok());
    }

    #[test]
    fn configured_origins_may_write() {
        let p = policy().with_origins(&["http://127.0.0.1:8081/".to_string()]);
        let trunk = hdrs(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8081"),
        ]);
        assert!(check_request(&p, &Method::POST, "/api/v2/x", &trunk).is_ok());
        assert!(check_request(&policy(), &Method::POST, "/api/v2/x", &trunk).is_err());
    }
}
