//! Serving the built app from `dist/`: `index.html` (never cached, CSP computed from its inline
//! scripts), hashed assets (cached forever), and the index for deep links (200, not 404).

use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// `GET /`, `/index.html` and deep links.
pub async fn index(State(state): State<Arc<AppState>>) -> Response {
    let path = state.dist.join("index.html");
    match tokio::fs::read_to_string(&path).await {
        Ok(html) => {
            let csp = csp_for_html(&html);
            let mut resp = Html(html).into_response();
            let h = resp.headers_mut();
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            if let Ok(v) = HeaderValue::from_str(&csp) {
                h.insert(header::CONTENT_SECURITY_POLICY, v);
            }
            resp
        }
        Err(_) => not_built(&state),
    }
}

/// Deep links (`/conversations/<id>`) get the app; missing files (`/x.js`) get a plain 404.
pub async fn spa_fallback(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let last = req.uri().path().rsplit('/').next().unwrap_or("");
    if matches!(*req.method(), Method::GET | Method::HEAD) && !last.contains('.') {
        index(State(state)).await
    } else {
        (StatusCode::NOT_FOUND, "not found").into_response()
    }
}

fn not_built(state: &AppState) -> Response {
    tracing::warn!(dist = %state.dist.display(), "dist/index.html missing");
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>Conversation Lens: app not built</title>\
         <h1>The app has not been built yet</h1>\
         <p>The server is running, but <code>{}/index.html</code> does not exist.</p>\
         <p>Run <code>cargo xtask run</code> from the repository root: it builds the app and starts this server. \
         (Or pass <code>--dist &lt;dir&gt;</code> pointing at a Trunk build.)</p>\
         <p>The API is up: <a href=\"/api/health\">/api/health</a>.</p>",
        html_escape(&state.dist.display().to_string())
    );
    let mut resp = (StatusCode::SERVICE_UNAVAILABLE, Html(body)).into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The CSP for the app page: scripts only from this origin plus the exact inline scripts Trunk
/// wrote into `index.html` (by SHA-256, so no `'unsafe-inline'`), and `'wasm-unsafe-eval'` so
/// the browser may compile the wasm module. Style attributes set by the app are allowed
/// (`style-src-attr`), `<style>` elements only by hash.
pub fn csp_for_html(html: &str) -> String {
    let scripts = inline_hashes(html, "script");
    let styles = inline_hashes(html, "style");
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; \
         style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
    )
}

/// ` 'sha256-…'` for each inline `<tag>` element (those without `src=`), in document order.
fn inline_hashes(html: &str, tag: &str) -> String {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut out = String::new();
    let mut pos = 0;
    while let Some(rel) = lower[pos..].find(&open) {
        let start = pos + rel;
        let Some(tag_end_rel) = lower[start..].find('>') else {
            break;
        };
        let tag_end = start + tag_end_rel;
        let after_name = lower
            .as_bytes()
            .get(start + open.len())
            .copied()
            .unwrap_or(b'>');
        if !(after_name == b'>' || after_name.is_ascii_whitespace()) {
            pos = tag_end;
            continue; // e.g. <scripts> or <style-foo>
        }
        let Some(close_rel) = lower[tag_end..].find(&close) else {
            break;
        };
        let content_end = tag_end + close_rel;
        let has_src = lower[start..tag_end].contains(" src=");
        if !has_src {
            let digest = Sha256::digest(&html.as_bytes()[tag_end + 1..content_end]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            out.push_str(&format!(" 'sha256-{b64}'"));
        }
        pos = content_end;
    }
    out
}

/// Middleware for files from `dist/`: content-hashed names (`app-1a2b3c4d5e6f7a8b_bg.wasm`) are
/// immutable; everything else must be revalidated so a rebuild shows up on reload.
pub async fn cache_headers(req: Request, next: Next) -> Response {
    let hashed = is_hashed_name(req.uri().path().rsplit('/').next().unwrap_or(""));
    let mut resp = next.run(req).await;
    if resp.status().is_success() && !resp.headers().contains_key(header::CACHE_CONTROL) {
        let v = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(v));
    }
    // The same URL may be sent as brotli, gzip or raw (ServeDir's precompressed variants), so a
    // shared cache must key it by Accept-Encoding.
    resp.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    resp
}

/// Trunk appends `-<16 hex digits>` to file stems.
pub fn is_hashed_name(name: &str) -> bool {
    let b = name.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'-'
            && b.len() > i + 17
            && b[i + 1..i + 17].iter().all(u8::is_ascii_hexdigit)
            && matches!(b[i + 17], b'.' | b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<!DOCTYPE html><html><head>
<link rel="modulepreload" href="/conversation-lens-0123456789abcdef.js" crossorigin="anonymous">
<link rel="preload" href="/conversation-lens-0123456789abcdef_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
<script type="module">
import init, * as bindings from '/conversation-lens-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/conversation-lens-0123456789abcdef_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<script src="/other.js"></script>
</head><body></body></html>"#;

    #[test]
    fn csp_hashes_exactly_the_inline_script() {
        let csp = csp_for_html(TRUNK_INDEX);
        let start = TRUNK_INDEX
            .find("<script type=\"module\">")
            .expect("script")
            + "<script type=\"module\">".len();
        let end = TRUNK_INDEX.find("</script>").expect("end");
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(&TRUNK_INDEX.as_bytes()[start..end]));
        assert!(
            csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{expected}';"
            )),
            "{csp}"
        );
        assert_eq!(
            csp.matches("'sha256-").count(),
            1,
            "script with src= is not hashed"
        );
        assert!(!csp.contains("unsafe-inline';") || csp.contains("style-src-attr 'unsafe-inline'"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed_name("conversation-lens-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_name("main-0123456789abcdef.css"));
        assert!(!is_hashed_name("index.html"));
        assert!(!is_hashed_name("favicon.ico"));
        assert!(!is_hashed_name("a-0123.js"));
    }
}
