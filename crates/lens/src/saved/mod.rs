//! "Open saved" and "Export": the two bodies of a comparison as a user keeps them in a file.
//!
//! [`recognise::open`] reads whatever JSON the user pasted or dropped (one body, both, a page of
//! analytics results, or a file this app exported), [`export`] writes the app's own versioned file
//! that `open` reads back exactly, and [`markdown`] writes the support-ticket text. Nothing here
//! sees a token: the inputs are bodies, statuses and correlation ids only.

pub mod error;
pub mod export;
pub mod markdown;
pub mod page;
pub mod recognise;

use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use error::OpenError;
pub use page::{Candidate, Page, PageKind};
pub use recognise::open;

use crate::lookup::{self, Api, ApiResult, LookupError};

/// One side as the app had it: the body and what the HTTP answer said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSide {
    /// The HTTP status when the app fetched the body; `None` when it came from a file (the
    /// status was not saved with it).
    #[serde(default)]
    pub status: Option<u16>,
    /// `ININ-Correlation-Id` of the answer, when the app fetched it.
    #[serde(default)]
    pub correlation_id: Option<String>,
    /// The body as JSON: the model, Genesys' `ErrorBody`, or a string when it was not JSON.
    #[serde(default)]
    pub body: Value,
}

impl SavedSide {
    /// A body that came from a file (no status, no correlation id).
    #[must_use]
    pub fn from_file(body: Value) -> Self {
        Self {
            status: None,
            correlation_id: None,
            body,
        }
    }

    /// The answer as the lens logic reads it; a body from a file counts as a 200.
    #[must_use]
    pub fn as_result(&self) -> ApiResult {
        ApiResult {
            status: self.status.unwrap_or(200),
            elapsed_ms: 0.0,
            correlation_id: self.correlation_id.clone(),
            retry_after_secs: None,
            body: self.body.clone(),
        }
    }

    /// "HTTP 200", or how the body got here when it was not fetched.
    #[must_use]
    pub fn status_text(&self) -> String {
        match self.status {
            Some(s) => format!("HTTP {s}"),
            None => "not fetched: opened from a file".to_owned(),
        }
    }
}

/// Both sides of one conversation, ready for the comparison (a side is `None` when the app has
/// no answer for it: not fetched, not in the file, or no HTTP answer).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Saved {
    pub conversation_id: String,
    pub conversations: Option<SavedSide>,
    pub analytics: Option<SavedSide>,
}

impl Saved {
    /// The Conversations API side decoded like a live lookup (`None` when absent).
    #[must_use]
    pub fn conversation(&self) -> Option<Result<Conversation, LookupError>> {
        self.conversations
            .as_ref()
            .map(|s| lookup::decode_conversation(&s.as_result(), Some(&self.conversation_id)))
    }

    /// The analytics side decoded like the by-id GET (`None` when absent).
    #[must_use]
    pub fn analytics_record(
        &self,
    ) -> Option<Result<AnalyticsConversationWithoutAttributes, LookupError>> {
        self.analytics.as_ref().map(|s| {
            lookup::decode_analytics(Api::AnalyticsById, &s.as_result(), &self.conversation_id)
        })
    }
}

/// What a pasted or dropped text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// One conversation: show the comparison.
    Ready(Saved),
    /// A page of analytics results: the user picks one ([`Page::pick`]).
    Pick(Page),
}
