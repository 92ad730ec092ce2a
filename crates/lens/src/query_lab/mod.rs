//! The Analytics query lab: build `POST /api/v2/analytics/conversations/details/query` for one
//! conversation, warn about the mistakes that make it come back empty, explain an empty result,
//! account for paging drift, and follow an async job.
//!
//! Everything here is a pure function of wire values and a clock passed in.

pub mod builder;
pub mod interval;
pub mod jobs;
pub mod levels;
pub mod paging;
pub mod retention;
pub mod sources;
pub mod why_empty;

use crate::source::Source;
use serde::Serialize;

/// One thing the lab tells the user, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// One line, shown bold.
    pub headline: String,
    /// The reasoning, with the concrete values of this conversation.
    pub detail: String,
    pub source: Source,
}

impl Explanation {
    #[must_use]
    pub fn new(headline: impl Into<String>, detail: impl Into<String>, source: Source) -> Self {
        Self {
            headline: headline.into(),
            detail: detail.into(),
            source,
        }
    }
}
