//! Reading an upstream answer: a transport failure mapped to what the browser is told, and a
//! body read under a cap. Shared by the proxy, the token exchange and the demo endpoints (its
//! own module, so the token source and the upstream need not import each other).

use crate::error::LensError;
use std::time::Duration;

/// Maps a transport failure to what the browser is told; the cause is logged, not returned.
pub fn transport_error(e: &reqwest::Error, timeout: Duration) -> LensError {
    tracing::warn!(
        timeout = e.is_timeout(),
        connect = e.is_connect(),
        "upstream request failed"
    );
    if e.is_timeout() {
        LensError::UpstreamTimeout {
            secs: timeout.as_secs(),
        }
    } else {
        LensError::UpstreamUnreachable
    }
}

/// Largest upstream body relayed to the browser. The biggest legitimate answers (a details query
/// or job results page of 1000 conversations) are a few MiB; this leaves a wide margin while a
/// broken or hostile upstream can no longer fill the server's memory.
pub const MAX_RELAYED_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Why an upstream body could not be read.
#[derive(Debug)]
pub enum BodyError {
    /// Larger than the cap (declared by `Content-Length` or found while reading).
    TooLarge,
    Transport(reqwest::Error),
}

impl BodyError {
    /// What the browser is told when relaying an API answer failed.
    pub fn into_lens(self, timeout: Duration) -> LensError {
        match self {
            BodyError::TooLarge => {
                tracing::warn!(
                    limit = MAX_RELAYED_BODY_BYTES,
                    "upstream body over the relay cap"
                );
                LensError::UpstreamTooLarge {
                    limit_mib: MAX_RELAYED_BODY_BYTES / (1024 * 1024),
                }
            }
            BodyError::Transport(e) => transport_error(&e, timeout),
        }
    }
}

/// Reads a response body, giving up as soon as it exceeds `limit` bytes: a declared
/// `Content-Length` over the cap is refused before reading anything.
pub async fn read_capped(
    mut resp: reqwest::Response,
    limit: usize,
) -> Result<axum::body::Bytes, BodyError> {
    let declared = resp.content_length().unwrap_or(0);
    if !usize::try_from(declared).is_ok_and(|n| n <= limit) {
        return Err(BodyError::TooLarge);
    }
    let mut buf = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
    while let Some(chunk) = resp.chunk().await.map_err(BodyError::Transport)? {
        if buf.len().saturating_add(chunk.len()) > limit {
            return Err(BodyError::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf.into())
}
