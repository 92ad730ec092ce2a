//! Why a pasted text cannot be opened, said so the user knows what to paste instead.

/// What "Open saved" accepts, for the end of every message.
pub const EXPECTED: &str = "Open saved needs a Conversation (the body of GET /api/v2/conversations/{id}), an analytics conversation (GET /api/v2/analytics/conversations/{id}/details), both (an array of the two, or {\"conversation\": …, \"analytics\": …}), a details-query or job-results page, or a file exported by Conversation Lens.";

/// A pasted text that is not something "Open saved" can show. `Display` is the whole message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("Nothing to open yet: paste a saved JSON body or drop a .json file.")]
    Empty,
    #[error("This is not JSON: {reason} (line {line} column {column}). {EXPECTED}")]
    NotJson {
        reason: String,
        line: usize,
        column: usize,
    },
    /// Valid JSON of a shape we know, but not one that holds a conversation.
    #[error("This looks like {what}; {EXPECTED} {hint}")]
    OtherShape {
        what: &'static str,
        hint: &'static str,
    },
    /// A Genesys error body was saved instead of a conversation.
    #[error(
        "This is a Genesys error body ({summary}), not a conversation: save the body of a call that succeeded. {EXPECTED}"
    )]
    ErrorBody { summary: String },
    /// Looks like the expected shape, but a field has the wrong type.
    #[error("This looks like {expected}, but it does not read as one: {reason}. {EXPECTED}")]
    WrongShape {
        expected: &'static str,
        reason: String,
    },
    #[error("This JSON is not a shape Open saved knows ({found}). {EXPECTED}")]
    Unrecognised { found: String },
    #[error(
        "This {kind} has no conversations (past the last page the list is empty or absent). Save a page that lists some."
    )]
    EmptyPage { kind: &'static str },
    #[error(
        "The two bodies describe different conversations: the Conversation is {conversation}, the analytics record is {analytics}. Save both for the same conversation."
    )]
    Mismatch {
        conversation: String,
        analytics: String,
    },
    #[error(
        "This file was exported by a newer Conversation Lens (format {found}); this version reads format {}. Update the app, or paste the bodies themselves.",
        super::export::FORMAT
    )]
    NewerExport { found: u64 },
}
