//! Browser-facing hardening: the `Host` check (DNS rebinding), the `Origin` / `Sec-Fetch-Site`
//! checks (cross-site requests), and the security headers every response carries.
//!
//! Why: the proxy holds a token for the user's org. A web page the user visits could otherwise
//! reach it through a rebinding DNS name (Host check) or fire requests from another site that
//! spend the token's rate limit or start jobs (Origin / Sec-Fetch-Site checks). No CORS headers
//! are ever sent, so other origins can't read responses either.

use crate::error::LensError;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// CSP for everything that is not the app's HTML (JSON, assets): nothing may run or be framed.
pub const CSP_NON_HTML: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Host names this server answers to.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    names: Vec<String>,
    /// Extra origins allowed to POST/DELETE (`--allowed-origin`), lower-case, no trailing slash.
    origins: Vec<String>,
}

impl HostPolicy {
    /// localhost, the loopback addresses, the bind address (unless it is a wildcard) and `extra`.
    pub fn new(listen: SocketAddr, extra: &[String]) -> Self {
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let ip = listen.ip();
        if !ip.is_unspecified() {
            names.push(host_of_ip(ip));
        }
        for e in extra {
            let e = e.to_ascii_lowercase();
            // Accept IPv6 given with or without brackets.
            let e = match e.parse::<IpAddr>() {
                Ok(ip) => host_of_ip(ip),
                Err(_) => e,
            };
            names.push(e);
        }
        names.sort();
        names.dedup();
        HostPolicy {
            names,
            origins: Vec::new(),
        }
    }

    /// Also accept writes from these origins (e.g. `trunk serve` on another port).
    pub fn with_origins(mut self, origins: &[String]) -> Self {
        self.origins = origins
            .iter()
            .map(|o| o.trim_end_matches('/').to_ascii_lowercase())
            .collect();
        self
    }

    fn allows_origin(&self, origin: &str, host: &str) -> bool {
        same_origin(origin, host)
            || self
                .origins
                .iter()
                .any(|o| *o == origin.trim().to_ascii_lowercase())
    }

    /// Is `host` (a `Host` header value, with or without port) one of ours?
    pub fn allows_host(&self, host: &str) -> bool {
        let name = strip_port(host).to_ascii_lowercase();
        self.names.contains(&name)
    }
}

fn host_of_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// `example:8080` → `example`, `[::1]:8080` → `[::1]`.
fn strip_port(host: &str) -> &str {
    let host = host.trim();
    if host.starts_with('[') {
        return match host.find(']') {
            Some(end) => &host[..=end],
            None => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Same origin = the `Origin` is `http(s)://` + exactly the `Host` the request was sent to.
fn same_origin(origin: &str, host: &str) -> bool {
    let origin = origin.trim().to_ascii_lowercase();
    let host = host.trim().to_ascii_lowercase();
    origin == format!("http://{host}") || origin == format!("https://{host}")
}

fn header_str<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// Decides whether a request may proceed.
pub fn check_request(
    policy: &HostPolicy,
    method: &Method,
    path: &str,
    h: &HeaderMap,
) -> Result<(), LensError> {
    let host = header_str(h, header::HOST.as_str()).unwrap_or("");
    if host.is_empty() || !policy.allows_host(host) {
        return Err(LensError::HostRejected(crate::error::clip(host)));
    }
    let unsafe_method = !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    let fetch_site = header_str(h, "sec-fetch-site");
    if unsafe_method {
        match header_str(h, header::ORIGIN.as_str()) {
            Some(origin) if !policy.allows_origin(origin, host) => {
                return Err(LensError::OriginRejected(crate::error::clip(origin)));
            }
            // Browsers always send Origin on cross-origin POST/DELETE; Sec-Fetch-Site is a second
            // opinion for the rare case they don't.
            None if fetch_site.is_some_and(|s| s != "same-origin" && s != "none") => {
                return Err(LensError::OriginRejected(format!(
                    "Sec-Fetch-Site: {}",
                    fetch_site.unwrap_or("")
                )));
            }
            _ => {}
        }
    }
    // Cross-site GETs (an <img> or <script> on another site) can't read the answer, but they would
    // spend the org's rate limit with our token.
    if path.starts_with("/api/")
        && fetch_site.is_some_and(|s| s == "cross-site" || s == "same-site")
    {
        return Err(LensError::OriginRejected(format!(
            "Sec-Fetch-Site: {}",
            fetch_site.unwrap_or("")
        )));
    }
    Ok(())
}

/// Middleware: refuses requests per [`check_request`].
pub async fn guard(State(policy): State<Arc<HostPolicy>>, req: Request, next: Next) -> Response {
    match check_request(&policy, req.method(), req.uri().path(), req.headers()) {
        Ok(()) => next.run(req).await,
        Err(e) => {
            tracing::warn!(code = e.code(), path = %crate::error::clip(req.uri().path()), "request refused");
            e.into_response()
        }
    }
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
    fn hosts() {
        let p = policy();
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST",
            "[::1]:8080",
            "lens.internal:8080",
        ] {
            assert!(p.allows_host(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "127.0.0.1.nip.io:8080",
            "localhost.evil.com",
            "",
            "[::2]:8080",
        ] {
            assert!(!p.allows_host(bad), "{bad}");
        }
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

    #[test]
    fn wildcard_bind_needs_explicit_names() {
        let p = HostPolicy::new("0.0.0.0:8080".parse().expect("addr"), &[]);
        assert!(!p.allows_host("0.0.0.0:8080"));
        assert!(p.allows_host("localhost:8080"));
        let p = HostPolicy::new("[::1]:8080".parse().expect("addr"), &["::2".into()]);
        assert!(p.allows_host("[::2]:8080"));
    }
}
