//! The Genesys side: one HTTP client (no redirects, timeouts), the API base URL and the server's
//! token source. Used for both a real region and the embedded demo org — one code path.

use crate::token::TokenSource;
use std::time::Duration;

#[derive(Debug)]
pub struct Upstream {
    pub http: reqwest::Client,
    /// `https://api.<domain>` (no trailing slash).
    pub api_base: String,
    pub tokens: TokenSource,
    pub timeout: Duration,
}

/// Builds the shared client. Redirects are disabled so a response can never send the bearer
/// token (or the Basic credentials) to another host.
pub fn http_client(timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5).min(timeout))
        .timeout(timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        .user_agent(concat!(
            "conversation-lens-server/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
}
