//! Turning what a user pastes into a conversation ID.
//!
//! People paste a bare UUID, a UUID with stray whitespace or quotes, or a whole Genesys Cloud URL
//! (interaction details, analytics views, API Explorer links). We take the text apart here, in one
//! place, and explain any refusal in words that say what to do.

use std::fmt;

/// A validated conversation ID: a lower-case, hyphenated UUID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConversationId(String);

impl ConversationId {
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ConversationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a pasted text is not a conversation ID. The `Display` text is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error(
        "Paste a conversation ID (a UUID such as 3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b) or a Genesys Cloud URL that contains one."
    )]
    Empty,
    #[error(
        "“{0}” is not a conversation ID. IDs are UUIDs: 32 hexadecimal digits in groups of 8-4-4-4-12, e.g. 3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b."
    )]
    NotAUuid(String),
    #[error(
        "This text contains {0} different IDs. Paste just one conversation ID, or a URL of one interaction."
    )]
    Ambiguous(usize),
    #[error(
        "This URL contains no conversation ID. Open the interaction in Genesys Cloud (Performance › Interactions › the interaction) and copy that page's address."
    )]
    UrlWithoutId,
}

/// Extract one conversation ID from pasted text.
///
/// Accepts a bare UUID (any case, optional braces/quotes, optional `urn:uuid:`), or any URL or text
/// containing UUIDs. In a URL the UUID after a `conversations`/`interactions`/`interaction` path
/// segment wins; otherwise exactly one distinct UUID must be present.
///
/// # Errors
/// [`IdError`] explaining what to paste instead.
pub fn parse(input: &str) -> Result<ConversationId, IdError> {
    let text = input
        .trim()
        .trim_matches(|c: char| c == '"' || c == '\'' || c == '`' || c == '<' || c == '>');
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    let found = find_uuids(text);
    if found.is_empty() {
        let looks_like_url = text.contains("://")
            || text.starts_with("www.")
            || text.contains(".pure.cloud")
            || text.contains("mypurecloud");
        return Err(if looks_like_url {
            IdError::UrlWithoutId
        } else {
            IdError::NotAUuid(shorten(text))
        });
    }
    // Prefer the UUID that follows a path segment naming a conversation.
    for (start, id) in &found {
        let before = text[..*start].to_ascii_lowercase();
        let before = before.trim_end_matches(['/', '=', ':', '#']);
        if [
            "conversations",
            "conversation",
            "interactions",
            "interaction",
            "conversationid",
            "id",
        ]
        .iter()
        .any(|seg| before.ends_with(seg))
        {
            return Ok(ConversationId(id.clone()));
        }
    }
    let mut distinct: Vec<&String> = found.iter().map(|(_, id)| id).collect();
    distinct.sort();
    distinct.dedup();
    match distinct.as_slice() {
        [one] => Ok(ConversationId((*one).clone())),
        many => Err(IdError::Ambiguous(many.len())),
    }
}

/// Every UUID in `text`, with its byte offset, lower-cased.
fn find_uuids(text: &str) -> Vec<(usize, String)> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 36 <= bytes.len() {
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_hexdigit();
        if boundary_before && is_uuid_at(bytes, i, &GROUPS) {
            let boundary_after = bytes
                .get(i + 36)
                .is_none_or(|b| !b.is_ascii_hexdigit() && *b != b'-');
            if boundary_after {
                out.push((i, text[i..i + 36].to_ascii_lowercase()));
                i += 36;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn is_uuid_at(bytes: &[u8], start: usize, groups: &[usize; 5]) -> bool {
    let mut pos = start;
    for (g, len) in groups.iter().enumerate() {
        if !bytes[pos..pos + len].iter().all(u8::is_ascii_hexdigit) {
            return false;
        }
        pos += len;
        if g < 4 {
            if bytes[pos] != b'-' {
                return false;
            }
            pos += 1;
        }
    }
    true
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    #[test]
    fn bare_uuid_any_case_and_padding() {
        assert_eq!(parse(ID).map(|i| i.0), Ok(ID.to_owned()));
        assert_eq!(
            parse(&format!("  \"{}\"\n", ID.to_uppercase())).map(|i| i.0),
            Ok(ID.to_owned())
        );
    }

    #[test]
    fn interaction_url() {
        let url = format!(
            "https://apps.mypurecloud.ie/directory/#/analytics/interactions/{ID}/admin/details"
        );
        assert_eq!(parse(&url).map(|i| i.0), Ok(ID.to_owned()));
    }

    #[test]
    fn url_with_two_ids_prefers_conversation_segment() {
        let url = format!(
            "https://apps.mypurecloud.com/x/users/11111111-2222-4333-8444-555555555555/conversations/{ID}"
        );
        assert_eq!(parse(&url).map(|i| i.0), Ok(ID.to_owned()));
    }

    #[test]
    fn refusals_explain() {
        assert_eq!(parse("   "), Err(IdError::Empty));
        assert!(matches!(parse("hello"), Err(IdError::NotAUuid(_))));
        assert!(matches!(
            parse("cdbfad55-ef8f-47b0-b9a5-8877b63e6ea"),
            Err(IdError::NotAUuid(_))
        ));
        assert_eq!(
            parse("https://apps.mypurecloud.com/directory/#/analytics"),
            Err(IdError::UrlWithoutId)
        );
        let two = "11111111-2222-4333-8444-555555555555 22222222-2222-4333-8444-555555555555";
        assert_eq!(parse(two), Err(IdError::Ambiguous(2)));
        assert!(
            parse(&format!("{ID}0")).is_err(),
            "a 13-digit last group is not a UUID"
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "-",
            "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
            "{",
            "a".repeat(10_000).as_str(),
            "\u{0}",
        ] {
            let _ = parse(s);
        }
    }
}
