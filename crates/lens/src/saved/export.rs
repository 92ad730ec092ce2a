//! The app's own export file: both sides with their statuses and correlation ids, versioned so a
//! later app can still read (or clearly refuse) an old file. [`super::open`] reads it back exactly.
//!
//! ```json
//! { "conversationLensExport": 1, "conversationId": "…", "exportedAt": "…",
//!   "conversationsApi": { "status": 200, "correlationId": "…", "body": { … } },
//!   "analyticsApi": null }
//! ```
//! A side is `null` when the app had no answer for it; `status` is `null` when the body itself
//! came from a file.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{OpenError, Saved, SavedSide};

/// The key that marks the file, holding its format version.
pub const MARKER: &str = "conversationLensExport";
/// The format this app writes and the newest it reads.
pub const FORMAT: u64 = 1;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct File {
    conversation_lens_export: u64,
    conversation_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<String>,
    #[serde(default)]
    conversations_api: Option<SavedSide>,
    #[serde(default)]
    analytics_api: Option<SavedSide>,
}

/// The export file for `saved`, pretty-printed.
#[must_use]
pub fn to_json(saved: &Saved, exported_at: DateTime<Utc>) -> String {
    let file = File {
        conversation_lens_export: FORMAT,
        conversation_id: saved.conversation_id.clone(),
        exported_at: Some(model::time::to_wire(&exported_at)),
        conversations_api: saved.conversations.clone(),
        analytics_api: saved.analytics.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Read an export file (the object carrying [`MARKER`]).
///
/// # Errors
/// [`OpenError::NewerExport`] for a later format, [`OpenError::WrongShape`] when a field is
/// missing or of the wrong type.
pub fn read(o: &Map<String, Value>) -> Result<Saved, OpenError> {
    const WHAT: &str = "a Conversation Lens export";
    match o.get(MARKER).and_then(Value::as_u64) {
        Some(v) if v > FORMAT => return Err(OpenError::NewerExport { found: v }),
        Some(v) if v >= 1 => {}
        _ => {
            return Err(OpenError::WrongShape {
                expected: WHAT,
                reason: format!("`{MARKER}` is not a format number"),
            });
        }
    }
    let file: File =
        serde_json::from_value(Value::Object(o.clone())).map_err(|e| OpenError::WrongShape {
            expected: WHAT,
            reason: e.to_string(),
        })?;
    Ok(Saved {
        conversation_id: file.conversation_id,
        conversations: file.conversations_api,
        analytics: file.analytics_api,
    })
}
