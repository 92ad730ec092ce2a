//! The guard for a service on a developer's machine that a web page must not reach: the `Host`
//! check (DNS rebinding) and the `Origin` / `Sec-Fetch-Site` checks (cross-site requests). The
//! companion server (`server::security`) and the demo org share this one implementation.
//!
//! Why the demo org needs it: it listens on loopback, serves its OAuth clients' secrets at
//! `GET /demo/clients` and lets anyone move its clock or arm faults. Without a Host check, a page
//! the developer visits could rebind its own DNS name to 127.0.0.1 and read the secrets; without an
//! Origin check, any page could fire `POST /demo/faults`. No CORS headers are sent, so other origins
//! cannot read answers either.
//!
//! Non-browser clients (SDKs, curl, the companion server) send neither `Origin` nor
//! `Sec-Fetch-Site` and a loopback `Host`, so they pass.

use crate::errors::ApiError;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// Host names (and extra origins) a local service answers to.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    names: Vec<String>,
    /// Extra origins allowed to POST/DELETE, lower-case, no trailing slash.
    origins: Vec<String>,
}

impl HostPolicy {
    /// localhost, the loopback addresses, the bind address (unless it is a wildcard) and `extra`.
    #[must_use]
    pub fn new(listen: SocketAddr, extra: &[String]) -> Self {
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|s| (*s).to_string())
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
    #[must_use]
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
    #[must_use]
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

/// Why a request was refused; the text is what the client sent (the caller clips it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `Host` is not one of ours (DNS rebinding).
    Host(String),
    /// A write from another origin, or a read a browser marked cross-site.
    Origin(String),
}

/// Decides whether a request may proceed. `guard_reads`: also refuse GETs a browser marks
/// cross-site or same-site (they cannot read the answer, but they spend what the request costs).
///
/// # Errors
/// The first check the request fails.
pub fn check(
    policy: &HostPolicy,
    method: &Method,
    guard_reads: bool,
    h: &HeaderMap,
) -> Result<(), Refusal> {
    let host = header_str(h, header::HOST.as_str()).unwrap_or("");
    if host.is_empty() || !policy.allows_host(host) {
        return Err(Refusal::Host(host.to_string()));
    }
    let unsafe_method = !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    let fetch_site = header_str(h, "sec-fetch-site");
    if unsafe_method {
        match header_str(h, header::ORIGIN.as_str()) {
            Some(origin) if !policy.allows_origin(origin, host) => {
                return Err(Refusal::Origin(origin.to_string()));
            }
            // Browsers always send Origin on cross-origin POST/DELETE; Sec-Fetch-Site is a second
            // opinion for the rare case they don't.
            None if fetch_site.is_some_and(|s| s != "same-origin" && s != "none") => {
                return Err(Refusal::Origin(format!(
                    "Sec-Fetch-Site: {}",
                    fetch_site.unwrap_or("")
                )));
            }
            _ => {}
        }
    }
    if guard_reads && fetch_site.is_some_and(|s| s == "cross-site" || s == "same-site") {
        return Err(Refusal::Origin(format!(
            "Sec-Fetch-Site: {}",
            fetch_site.unwrap_or("")
        )));
    }
    Ok(())
}

/// Middleware for the demo org: every path is guarded, reads included. Refusals are
/// Genesys-shaped `ErrorBody`s with demo-only codes.
pub async fn guard(State(policy): State<Arc<HostPolicy>>, req: Request, next: Next) -> Response {
    // The sign-in page is a login host's page: an app on another loopback port sends the
    // browser there (a same-site navigation). It shows no data; its POST is same-origin.
    let login_page = req.method() == Method::GET && req.uri().path() == "/oauth/authorize";
    match check(&policy, req.method(), !login_page, req.headers()) {
        Ok(()) => next.run(req).await,
        Err(refusal) => {
            tracing::warn!(?refusal, "demo org refused a request");
            refusal_error(&refusal).into_response()
        }
    }
}

fn refusal_error(refusal: &Refusal) -> ApiError {
    let (status, code, message) = match refusal {
        Refusal::Host(host) => (
            StatusCode::MISDIRECTED_REQUEST,
            "demo.host.rejected",
            format!(
                "The demo org answers only to localhost, the loopback addresses, its bind address and --allowed-host names (DNS-rebinding defence); got Host {:?}.",
                clip(host)
            ),
        ),
        Refusal::Origin(origin) => (
            StatusCode::FORBIDDEN,
            "demo.origin.rejected",
            format!(
                "Cross-origin browser requests to the demo org are refused ({:?}); call it from a program, or through the Conversation Lens server.",
                clip(origin)
            ),
        ),
    };
    ApiError {
        status,
        code,
        message,
        message_params: BTreeMap::new(),
        retry_after_secs: None,
    }
}

/// Bounds echoed client text.
fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

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
    fn wildcard_bind_needs_explicit_names() {
        let p = HostPolicy::new("0.0.0.0:8080".parse().expect("addr"), &[]);
        assert!(!p.allows_host("0.0.0.0:8080"));
        assert!(p.allows_host("localhost:8080"));
        let p = HostPolicy::new("[::1]:8080".parse().expect("addr"), &["::2".into()]);
        assert!(p.allows_host("[::2]:8080"));
    }

    #[test]
    fn reads_are_guarded_only_when_asked() {
        let xsite = hdrs(&[("host", "localhost:8080"), ("sec-fetch-site", "cross-site")]);
        assert!(check(&policy(), &Method::GET, false, &xsite).is_ok());
        assert_eq!(
            check(&policy(), &Method::GET, true, &xsite),
            Err(Refusal::Origin("Sec-Fetch-Site: cross-site".into()))
        );
        let program = hdrs(&[("host", "127.0.0.1:8080")]);
        assert!(check(&policy(), &Method::POST, true, &program).is_ok());
    }
}
