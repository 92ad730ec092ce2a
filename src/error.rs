//! Errors of the app itself (not of the Genesys APIs: their 4xx/5xx answers are data we show).

/// Why a request produced no HTTP answer we could read. `Clone` so it can live in signals.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// fetch() rejected: server down, connection refused, offline.
    #[error(
        "No answer from the companion server ({0}). Is it still running? Start it with `cargo xtask run`."
    )]
    Network(String),
    /// The request was cancelled because a newer lookup replaced it.
    #[error("Cancelled: a newer lookup replaced this request.")]
    Aborted,
    /// The body could not be read as text.
    #[error("The response body could not be read: {0}")]
    Body(String),
    /// A companion-server endpoint answered with an unexpected shape.
    #[error("Unexpected answer from {url}: {detail}")]
    Decode { url: String, detail: String },
    /// A companion-server endpoint answered with a non-2xx status.
    #[error("{url} answered HTTP {status}.")]
    Status { url: String, status: u16 },
    /// A companion-server endpoint refused with its JSON error `message`.
    #[error("{url} answered HTTP {status}: {message}")]
    Refused {
        url: String,
        status: u16,
        message: String,
    },
    /// "Open saved": the file held no answer of this API.
    #[error(
        "Not in the saved file: this API's answer was not saved with it, so nothing was called."
    )]
    NotSaved,
}
