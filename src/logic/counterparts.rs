//! Which field of the other API holds the same fact as a field of this one (for highlighting in
//! the Raw JSON view). Paths are normalised (`participants[].calls[].state`).

use super::side::Side;

/// Pairs (Conversations path, Analytics path) for the same concept.
// TODO(lens field_map): replace with lens::field_map paths once that module lands.
const PAIRS: &[(&str, &str)] = &[
    ("id", "conversationId"),
    ("startTime", "conversationStart"),
    ("endTime", "conversationEnd"),
    ("participants", "participants"),
    ("participants[]", "participants[]"),
    ("participants[].id", "participants[].participantId"),
    ("participants[].name", "participants[].participantName"),
    ("participants[].purpose", "participants[].purpose"),
    ("participants[].userId", "participants[].userId"),
    (
        "participants[].calls[].id",
        "participants[].sessions[].sessionId",
    ),
    (
        "participants[].calls[].direction",
        "participants[].sessions[].direction",
    ),
    (
        "participants[].calls[].disconnectType",
        "participants[].sessions[].segments[].disconnectType",
    ),
    (
        "participants[].calls[].recording",
        "participants[].sessions[].recording",
    ),
    (
        "participants[].calls[].peerId",
        "participants[].sessions[].peerId",
    ),
    (
        "participants[].queueId",
        "participants[].sessions[].segments[].queueId",
    ),
    (
        "participants[].wrapup.code",
        "participants[].sessions[].segments[].wrapUpCode",
    ),
    (
        "participants[].wrapup.notes",
        "participants[].sessions[].segments[].wrapUpNote",
    ),
    (
        "participants[].calls[].segments",
        "participants[].sessions[].segments",
    ),
    ("divisions[].division.id", "divisionIds[]"),
    ("externalTag", "externalTag"),
];

/// Paths to highlight on each side when `norm` on `side` has focus: the field itself plus its
/// counterparts. Returns `(conversations_paths, analytics_paths)`.
#[must_use]
pub fn highlight(side: Side, norm: &str) -> (Vec<String>, Vec<String>) {
    let mut conv = Vec::new();
    let mut ana = Vec::new();
    for (c, a) in PAIRS {
        let hit = match side {
            Side::Conversations => *c == norm,
            Side::Analytics => *a == norm,
        };
        if hit {
            conv.push((*c).to_owned());
            ana.push((*a).to_owned());
        }
    }
    match side {
        Side::Conversations if conv.is_empty() => conv.push(norm.to_owned()),
        Side::Analytics if ana.is_empty() => ana.push(norm.to_owned()),
        _ => {}
    }
    (conv, ana)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_both_sides() {
        let (c, a) = highlight(Side::Conversations, "startTime");
        assert_eq!(c, ["startTime"]);
        assert_eq!(a, ["conversationStart"]);
        let (c, a) = highlight(Side::Analytics, "participants[].sessions[].sessionId");
        assert_eq!(c, ["participants[].calls[].id"]);
        assert_eq!(a, ["participants[].sessions[].sessionId"]);
        let (c, a) = highlight(Side::Analytics, "mediaStatsMinConversationMos");
        assert!(c.is_empty());
        assert_eq!(a, ["mediaStatsMinConversationMos"]);
    }
}
