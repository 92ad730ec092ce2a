//! Recent lookups, kept in localStorage: the conversation ID plus what it was (media, start, first
//! participant) so the list reads as conversations, not bare UUIDs. Only this non-secret metadata
//! is stored — never tokens, bodies or headers.

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde::{Deserialize, Serialize};

/// localStorage key.
pub const STORAGE_KEY: &str = "conversation-lens.recent";
/// How many lookups we keep.
pub const MAX: usize = 8;
/// Longest text kept per field: storage is user-editable, and a label is one line.
const MAX_TEXT: usize = 80;

/// One remembered lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentLookup {
    pub id: String,
    /// What the conversation was, once an API answered; `None` until then (or when neither did).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
}

/// What a conversation was, as far as the answers told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct About {
    /// Media in analytics spelling (`voice`, `email`, …), distinct, in order seen.
    #[serde(default)]
    pub media: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<DateTime<Utc>>,
    /// [`lens::participant_label`] of the first participant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_participant: Option<String>,
}

impl RecentLookup {
    #[must_use]
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            about: None,
        }
    }

    /// The one-line description: "Voice call · Alex Customer", or a plain fallback while unknown.
    #[must_use]
    pub fn headline(&self) -> String {
        let Some(about) = &self.about else {
            return "Conversation (no answer seen yet)".to_owned();
        };
        let media = if about.media.is_empty() {
            "Conversation".to_owned()
        } else {
            about
                .media
                .iter()
                .map(|m| media_words(m))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        match &about.first_participant {
            Some(p) => format!("{media} · {p}"),
            None => media,
        }
    }

    /// "started 30 Nov 2026, 08:12 UTC", when known.
    #[must_use]
    pub fn started(&self) -> Option<String> {
        self.about
            .as_ref()
            .and_then(|a| a.start)
            .map(|t| format!("started {}", t.format("%-d %b %Y, %H:%M UTC")))
    }
}

/// A media type in plain words.
#[must_use]
pub fn media_words(media: &str) -> String {
    match media {
        "voice" => "Voice call".to_owned(),
        "callback" => "Callback".to_owned(),
        "email" => "Email".to_owned(),
        "message" => "Message".to_owned(),
        "chat" => "Chat".to_owned(),
        other => {
            let mut c = other.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase().chain(c).collect::<String>()
            })
        }
    }
}

/// What the answers say the conversation `id` was. The Conversations API is read first (it names
/// participants as the person sees them), analytics fills what it lacks. A body about another
/// conversation (a late answer of the previous lookup) is ignored.
#[must_use]
pub fn about(
    id: &str,
    conversation: Option<&Conversation>,
    analytics: Option<&AnalyticsConversationWithoutAttributes>,
) -> Option<About> {
    let conversation = conversation.filter(|c| c.id.as_deref() == Some(id));
    let analytics = analytics.filter(|a| a.conversation_id.as_deref() == Some(id));
    if conversation.is_none() && analytics.is_none() {
        return None;
    }
    let mut media: Vec<String> = Vec::new();
    let mut add = |m: &str| {
        if !m.is_empty() && !media.iter().any(|x| x == m) {
            media.push(m.to_owned());
        }
    };
    for p in conversation
        .and_then(|c| c.participants.as_deref())
        .unwrap_or_default()
    {
        lens::comms::of(p).iter().for_each(|c| add(c.media_type));
    }
    for p in analytics
        .and_then(|a| a.participants.as_deref())
        .unwrap_or_default()
    {
        for s in p.sessions.as_deref().unwrap_or_default() {
            if let Some(m) = &s.media_type {
                add(m.as_str());
            }
        }
    }
    let start = conversation
        .and_then(|c| c.start_time)
        .or_else(|| analytics.and_then(|a| a.conversation_start));
    let first_participant = conversation
        .and_then(|c| c.participants.as_deref())
        .and_then(<[_]>::first)
        .map(lens::participant_label::of_realtime)
        .or_else(|| {
            analytics
                .and_then(|a| a.participants.as_deref())
                .and_then(<[_]>::first)
                .map(lens::participant_label::of_analytics)
        })
        .map(|l| clip(&l));
    Some(About {
        media: media.iter().map(|m| clip(m)).collect(),
        start,
        first_participant,
    })
}

/// Put `id` first, drop duplicates, keep at most [`MAX`]. What was known about it is kept.
#[must_use]
pub fn push(list: &[RecentLookup], id: &str) -> Vec<RecentLookup> {
    let existing = list.iter().find(|r| r.id == id).cloned();
    std::iter::once(existing.unwrap_or_else(|| RecentLookup::new(id)))
        .chain(list.iter().filter(|r| r.id != id).cloned())
        .take(MAX)
        .collect()
}

/// Record what `id` was. `None` when nothing changes (so storage is not rewritten every poll).
#[must_use]
pub fn describe(list: &[RecentLookup], id: &str, about: About) -> Option<Vec<RecentLookup>> {
    let entry = list.iter().find(|r| r.id == id)?;
    if entry.about.as_ref() == Some(&about) {
        return None;
    }
    Some(
        list.iter()
            .map(|r| {
                if r.id == id {
                    RecentLookup {
                        id: r.id.clone(),
                        about: Some(about.clone()),
                    }
                } else {
                    r.clone()
                }
            })
            .collect(),
    )
}

/// Serialize for storage (a JSON array).
#[must_use]
pub fn encode(list: &[RecentLookup]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

/// One stored entry: the current shape, or a bare ID as older versions stored it.
#[derive(Deserialize)]
#[serde(untagged)]
enum Stored {
    Id(String),
    Entry(RecentLookup),
}

/// Read what storage holds. Entries that are not valid lookups are dropped, and over-long text
/// is clipped: storage is user-editable and must never break the page.
#[must_use]
pub fn decode(raw: Option<&str>) -> Vec<RecentLookup> {
    let Some(raw) = raw else { return Vec::new() };
    let parsed: Vec<serde_json::Value> = serde_json::from_str(raw).unwrap_or_default();
    let mut out: Vec<RecentLookup> = Vec::new();
    for v in parsed {
        let entry = match serde_json::from_value::<Stored>(v) {
            Ok(Stored::Id(id)) => RecentLookup::new(&id),
            Ok(Stored::Entry(e)) => e,
            Err(_) => continue,
        };
        let Ok(id) = lens::conversation_id::parse(&entry.id) else {
            continue;
        };
        let id = id.to_string();
        if out.iter().any(|r| r.id == id) {
            continue;
        }
        out.push(RecentLookup {
            id,
            about: entry.about.map(|a| About {
                media: a.media.iter().take(4).map(|m| clip(m)).collect(),
                start: a.start,
                first_participant: a.first_participant.as_deref().map(clip),
            }),
        });
        if out.len() == MAX {
            break;
        }
    }
    out
}

fn clip(s: &str) -> String {
    match s.char_indices().nth(MAX_TEXT) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
    const B: &str = "11111111-2222-4333-8444-555555555555";

    fn ids(l: &[RecentLookup]) -> Vec<&str> {
        l.iter().map(|r| r.id.as_str()).collect()
    }

    fn conversation() -> Conversation {
        serde_json::from_value(serde_json::json!({
            "id": A,
            "startTime": "2026-11-30T08:12:05Z",
            "participants": [
                {"id": "3f2a9c1d-0000-4000-8000-000000000000", "purpose": "voicemail", "calls": [{"state": "connected"}]},
                {"id": "p2", "name": "Omar Haddad", "purpose": "agent", "calls": [{"state": "connected"}]}
            ]
        }))
        .expect("conversation")
    }

    fn analytics() -> AnalyticsConversationWithoutAttributes {
        serde_json::from_value(serde_json::json!({
            "conversationId": A,
            "conversationStart": "2026-11-30T08:12:04.500Z",
            "participants": [
                {"participantId": "p1", "participantName": "Alex Customer", "purpose": "customer",
                 "sessions": [{"mediaType": "voice"}, {"mediaType": "email"}]}
            ]
        }))
        .expect("analytics")
    }

    #[test]
    fn push_dedupes_caps_and_keeps_what_was_known() {
        let l = push(&[], A);
        let l = describe(&l, A, about(A, Some(&conversation()), None).expect("about"))
            .expect("changed");
        let l = push(&l, B);
        let l = push(&l, A);
        assert_eq!(ids(&l), vec![A, B]);
        assert!(
            l[0].about.is_some(),
            "looking up again keeps the description"
        );
        let mut many = Vec::new();
        for i in 0..20 {
            many = push(&many, &format!("{i:08}-2222-4333-8444-555555555555"));
        }
        assert_eq!(many.len(), MAX);
    }

    #[test]
    fn about_reads_the_conversations_api_first() {
        let a = about(A, Some(&conversation()), Some(&analytics())).expect("about");
        assert_eq!(a.media, vec!["voice".to_owned(), "email".to_owned()]);
        assert_eq!(a.first_participant.as_deref(), Some("voicemail · 3f2a9c1d"));
        assert_eq!(
            a.start.map(|t| t.to_rfc3339()),
            Some("2026-11-30T08:12:05+00:00".to_owned())
        );
        let r = RecentLookup {
            id: A.to_owned(),
            about: Some(a),
        };
        assert_eq!(r.headline(), "Voice call + Email · voicemail · 3f2a9c1d");
        assert_eq!(
            r.started().as_deref(),
            Some("started 30 Nov 2026, 08:12 UTC")
        );
    }

    #[test]
    fn about_falls_back_to_analytics_and_ignores_other_conversations() {
        let a = about(A, None, Some(&analytics())).expect("about");
        assert_eq!(a.first_participant.as_deref(), Some("Alex Customer"));
        assert_eq!(about(B, Some(&conversation()), Some(&analytics())), None);
        assert_eq!(
            RecentLookup::new(A).headline(),
            "Conversation (no answer seen yet)"
        );
    }

    #[test]
    fn describe_only_reports_changes() {
        let l = push(&[], A);
        let a = about(A, Some(&conversation()), None).expect("about");
        let l = describe(&l, A, a.clone()).expect("first description");
        assert_eq!(describe(&l, A, a.clone()), None, "same again: no rewrite");
        assert_eq!(describe(&l, B, a), None, "not in the list: nothing to do");
    }

    #[test]
    fn decode_is_forgiving_and_reads_the_old_shape() {
        assert!(decode(None).is_empty());
        assert!(decode(Some("not json")).is_empty());
        assert_eq!(
            ids(&decode(Some(&format!(
                "[\"{A}\", \"token-abc\", 3, {{\"x\": 1}}]"
            )))),
            vec![A],
            "bad entries are dropped one by one"
        );
        let long = "x".repeat(500);
        let stored = format!(
            "[{{\"id\":\"{B}\",\"about\":{{\"media\":[\"voice\"],\"firstParticipant\":\"{long}\"}}}}, \"{A}\", \"{A}\"]"
        );
        let l = decode(Some(&stored));
        assert_eq!(ids(&l), vec![B, A], "old and new shapes, deduped");
        let who = l[0]
            .about
            .as_ref()
            .and_then(|a| a.first_participant.clone())
            .expect("label kept");
        assert!(who.chars().count() <= MAX_TEXT + 1, "clipped: {who}");
        let round = decode(Some(&encode(&l)));
        assert_eq!(round, l);
    }

    #[test]
    fn storage_holds_metadata_only() {
        let l = describe(
            &push(&[], A),
            A,
            about(A, Some(&conversation()), Some(&analytics())).expect("about"),
        )
        .expect("changed");
        let stored = encode(&l);
        assert_eq!(
            stored,
            format!(
                "[{{\"id\":\"{A}\",\"about\":{{\"media\":[\"voice\",\"email\"],\"start\":\"2026-11-30T08:12:05Z\",\"firstParticipant\":\"voicemail · 3f2a9c1d\"}}}}]"
            )
        );
    }
}
