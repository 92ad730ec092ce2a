//! How a participant is named to a person. Real bodies often carry no name (a voicemail, an IVR
//! leg, an ACD queue leg), and a bare UUID tells a reader nothing; the purpose does.

use model::analytics::AnalyticsParticipantWithoutAttributes;
use model::conversations::Participant;

/// The first 8 characters of an id: enough to tell two participants apart on one screen.
#[must_use]
pub fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// The participant's name; without one, its purpose and short id ("voicemail · 3f2a9c1d");
/// without either, "participant" and the short id.
#[must_use]
pub fn label(name: Option<&str>, purpose: Option<&str>, id: Option<&str>) -> String {
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    if let Some(name) = name {
        return name.to_owned();
    }
    let purpose = purpose
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .unwrap_or("participant");
    match id.filter(|i| !i.is_empty()) {
        Some(id) => format!("{purpose} · {}", short_id(id)),
        None => purpose.to_owned(),
    }
}

/// [`label`] of a Conversations API participant.
#[must_use]
pub fn of_realtime(p: &Participant) -> String {
    label(p.name.as_deref(), p.purpose.as_deref(), p.id.as_deref())
}

/// [`label`] of an analytics participant.
#[must_use]
pub fn of_analytics(p: &AnalyticsParticipantWithoutAttributes) -> String {
    label(
        p.participant_name.as_deref(),
        p.purpose.as_ref().map(|x| x.as_str()),
        p.participant_id.as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_wins() {
        assert_eq!(
            label(Some("Omar Haddad"), Some("agent"), Some("abc")),
            "Omar Haddad"
        );
    }

    #[test]
    fn no_name_gives_purpose_and_short_id() {
        assert_eq!(
            label(
                None,
                Some("voicemail"),
                Some("3f2a9c1d-0000-4000-8000-000000000000")
            ),
            "voicemail · 3f2a9c1d"
        );
        assert_eq!(label(Some("  "), Some("ivr"), Some("abc")), "ivr · abc");
    }

    #[test]
    fn nothing_known_still_reads() {
        assert_eq!(label(None, None, None), "participant");
        assert_eq!(
            label(None, None, Some("0123456789")),
            "participant · 01234567"
        );
    }
}
