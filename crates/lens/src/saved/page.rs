//! A page of analytics results (details query, async job, or a plain list): the user picks one
//! conversation from it, by id, start time and media.

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversationWithoutAttributes;
use serde::Deserialize;
use serde_json::Value;

use super::{Saved, SavedSide};

/// Which answer the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `POST /api/v2/analytics/conversations/details/query`: `{conversations, totalHits}`.
    DetailsQuery,
    /// `GET …/details/jobs/{jobId}/results`: `{conversations, cursor, dataAvailabilityDate}`.
    JobResults,
    /// A bare array of analytics conversations.
    List,
}

impl PageKind {
    /// How the page is named in sentences.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            PageKind::DetailsQuery => "details-query page",
            PageKind::JobResults => "job-results page",
            PageKind::List => "list of analytics conversations",
        }
    }
}

/// One conversation of the page, as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub conversation_id: String,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    /// Distinct media of its sessions (`voice`, `email`, …), sorted.
    pub media: Vec<String>,
}

/// The page and the conversations on it that carry an id.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    /// `totalHits` of a details-query page (approximate by design).
    pub total_hits: Option<u64>,
    /// True when a job page has a `cursor`: more pages exist.
    pub more: bool,
    pub candidates: Vec<Candidate>,
    /// The entries as saved, in page order (same order as `candidates`).
    entries: Vec<Value>,
}

impl Page {
    /// Read the entries; entries without a `conversationId` cannot be picked and are skipped.
    #[must_use]
    pub fn new(kind: PageKind, list: &[Value], total_hits: Option<u64>, more: bool) -> Self {
        let mut candidates = Vec::new();
        let mut entries = Vec::new();
        for v in list {
            let Ok(a) = AnalyticsConversationWithoutAttributes::deserialize(v) else {
                continue;
            };
            let Some(id) = a.conversation_id.clone() else {
                continue;
            };
            let media = a
                .participants
                .iter()
                .flatten()
                .flat_map(|p| p.sessions.iter().flatten())
                .filter_map(|s| s.media_type.as_ref().map(|m| m.as_str().to_owned()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            candidates.push(Candidate {
                conversation_id: id,
                start: a.conversation_start,
                end: a.conversation_end,
                media,
            });
            entries.push(v.clone());
        }
        Self {
            kind,
            total_hits,
            more,
            candidates,
            entries,
        }
    }

    /// The chosen conversation as the analytics side (no Conversations API body: a page has none).
    #[must_use]
    pub fn pick(&self, conversation_id: &str) -> Option<Saved> {
        let i = self
            .candidates
            .iter()
            .position(|c| c.conversation_id.eq_ignore_ascii_case(conversation_id))?;
        Some(Saved {
            conversation_id: self.candidates[i].conversation_id.clone(),
            conversations: None,
            analytics: self.entries.get(i).cloned().map(SavedSide::from_file),
        })
    }
}
