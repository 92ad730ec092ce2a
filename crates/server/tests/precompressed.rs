//! The release bundle is sent precompressed: `.br` to a browser that accepts brotli, `.gz` to one
//! that accepts only gzip, the raw file otherwise, always with `Vary: accept-encoding`.

mod common;

use common::{Lens, demo_config, temp_dist};

const JS: &str = "/app-0123456789abcdef.js";

async fn lens_with_variants() -> Lens {
    let dist = temp_dist("precompressed");
    // Stand-ins: what matters is which file is chosen, not real compression.
    std::fs::write(dist.join("app-0123456789abcdef.js.br"), "BROTLI").expect("br");
    std::fs::write(dist.join("app-0123456789abcdef.js.gz"), "GZIP").expect("gz");
    Lens::new(demo_config(dist)).await
}

#[tokio::test]
async fn brotli_when_accepted() {
    let lens = lens_with_variants().await;
    let r = lens
        .send("GET", JS, &[("accept-encoding", "gzip, deflate, br")], "")
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding"), Some("br"));
    assert_eq!(r.body, "BROTLI");
    assert_eq!(r.header("vary"), Some("accept-encoding"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        r.header("content-type")
            .is_some_and(|t| t.contains("javascript")),
        "the type is the original file's: {:?}",
        r.header("content-type")
    );
}

#[tokio::test]
async fn gzip_when_only_gzip_is_accepted() {
    let lens = lens_with_variants().await;
    let r = lens
        .send("GET", JS, &[("accept-encoding", "gzip")], "")
        .await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert_eq!(r.body, "GZIP");
}

#[tokio::test]
async fn raw_without_accept_encoding() {
    let lens = lens_with_variants().await;
    let r = lens.get(JS).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.body, "export default function init() {}");
    assert_eq!(r.header("vary"), Some("accept-encoding"));
}
