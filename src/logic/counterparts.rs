//! Which fields light up when one field of a body has focus: the field itself, and its
//! counterparts in the other API's body (from the lens field map). Paths are concrete
//! (`participants[2].calls[0].state`), as the JSON tree names its nodes.

use serde_json::Value;

use super::side::Side;

/// Concrete paths to highlight per side, `(conversations, analytics)`, when `path` on `side`
/// has focus and `other` is the other side's body (if loaded).
#[must_use]
pub fn highlight(side: Side, path: &str, other: Option<&Value>) -> (Vec<String>, Vec<String>) {
    let theirs = other
        .map(|o| lens::field_map::counterpart_paths(side == Side::Conversations, path, o))
        .unwrap_or_default();
    let mine = vec![path.to_owned()];
    match side {
        Side::Conversations => (mine, theirs),
        Side::Analytics => (theirs, mine),
    }
}

/// True when `inner` lies inside the node at `outer` (so a collapsed `outer` hides a highlight).
#[must_use]
pub fn contains(outer: &str, inner: &str) -> bool {
    inner.len() > outer.len()
        && inner.starts_with(outer)
        && matches!(inner.as_bytes()[outer.len()], b'.' | b'[')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn start_time_lights_conversation_start() {
        let an = json!({"conversationId": "c", "conversationStart": "2026-05-12T14:02:11.204Z"});
        let (c, a) = highlight(Side::Conversations, "startTime", Some(&an));
        assert_eq!(c, ["startTime"]);
        assert_eq!(a, ["conversationStart"]);
    }

    #[test]
    fn session_id_lights_the_communication() {
        let rt = json!({"participants": [{"id": "p", "calls": [{"id": "s"}]}]});
        let (c, a) = highlight(
            Side::Analytics,
            "participants[0].sessions[0].sessionId",
            Some(&rt),
        );
        assert_eq!(c, ["participants[0].calls[0].id"]);
        assert_eq!(a, ["participants[0].sessions[0].sessionId"]);
        let (c, _) = highlight(
            Side::Analytics,
            "participants[0].sessions[0].sessionId",
            None,
        );
        assert!(c.is_empty());
    }

    #[test]
    fn containment() {
        assert!(contains("participants[0]", "participants[0].calls[0].id"));
        assert!(contains("participants", "participants[0]"));
        assert!(!contains("participants[1]", "participants[10].id"));
        assert!(!contains("id", "id"));
    }
}
