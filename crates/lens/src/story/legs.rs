//! One neutral shape for what an API says each participant did, so one renderer tells both
//! stories and one comparison finds their differences. Both APIs describe a participant as
//! communications (sessions) made of typed, timed segments; only the spelling differs.

use chrono::{DateTime, Utc};

use crate::comms;
use crate::duration::between_ms;

/// What a participant is for, from its `purpose` (a free string in the Conversations API, an
/// enum in analytics; the same words in both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Customer,
    Ivr,
    Queue,
    Agent,
    Voicemail,
    /// `external`, `dialer`, … — someone who joined.
    Other,
}

impl Role {
    #[must_use]
    pub fn of(purpose: Option<&str>) -> Self {
        match purpose.map(str::to_ascii_lowercase).as_deref() {
            Some("customer") => Self::Customer,
            Some("ivr" | "workflow" | "botflow") => Self::Ivr,
            Some("acd") => Self::Queue,
            Some("agent" | "user") => Self::Agent,
            Some("voicemail") => Self::Voicemail,
            _ => Self::Other,
        }
    }
}

/// A segment type (`type` in the Conversations API, `segmentType` in analytics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Interact,
    Ivr,
    Alert,
    Hold,
    Dialing,
    Contacting,
    Voicemail,
    Wrapup,
    Other,
}

impl Activity {
    #[must_use]
    pub fn of(segment_type: &str) -> Self {
        match segment_type.to_ascii_lowercase().as_str() {
            "interact" => Self::Interact,
            "ivr" => Self::Ivr,
            "alert" => Self::Alert,
            "hold" => Self::Hold,
            "dialing" => Self::Dialing,
            "contacting" => Self::Contacting,
            "voicemail" => Self::Voicemail,
            "wrapup" => Self::Wrapup,
            _ => Self::Other,
        }
    }
}

/// One timed segment; `end` is `None` while it is still going.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub activity: Activity,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

impl Span {
    /// Length in ms, measured to `now` while open; `None` without a start.
    #[must_use]
    pub fn ms(&self, now: DateTime<Utc>) -> Option<i64> {
        Some(between_ms(self.start?, self.end.unwrap_or(now)).max(0))
    }
}

/// Why a communication ended, in one vocabulary for both APIs (they spell it differently:
/// `transfer.consult` vs `consultTransfer`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// `endpoint` / `client`: this side hung up.
    HungUp,
    /// `peer`: the other side hung up.
    Peer,
    BlindTransfer,
    ConsultTransfer,
    ConferenceTransfer,
    Forward,
    NoAnswer,
    NotAvailable,
    Other(String),
}

impl Ending {
    /// From either spelling.
    #[must_use]
    pub fn of(disconnect_type: &str) -> Self {
        match comms::analytics_disconnect_type(disconnect_type) {
            "endpoint" | "client" => Self::HungUp,
            "peer" => Self::Peer,
            "transfer" => Self::BlindTransfer,
            "consultTransfer" => Self::ConsultTransfer,
            "conferenceTransfer" => Self::ConferenceTransfer,
            "forwardTransfer" => Self::Forward,
            "noAnswerTransfer" => Self::NoAnswer,
            "notAvailableTransfer" | "dndTransfer" | "dndEndpoint" => Self::NotAvailable,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// One communication (Conversations API) or session (analytics).
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Communication id = session id.
    pub id: Option<String>,
    /// In analytics spelling (`voice`, `callback`, `message`, `email`, …).
    pub media: String,
    pub direction: Option<String>,
    pub spans: Vec<Span>,
    pub ending: Option<Ending>,
    /// The spans come from the body's segments (not rebuilt from a communication's timestamps,
    /// which only show the current hold).
    pub segmented: bool,
}

impl Session {
    #[must_use]
    pub fn first_start(&self) -> Option<DateTime<Utc>> {
        self.spans.iter().filter_map(|s| s.start).min()
    }

    /// The last end, or `None` while any span is open.
    #[must_use]
    pub fn last_end(&self) -> Option<DateTime<Utc>> {
        if self.is_open() {
            return None;
        }
        self.spans.iter().filter_map(|s| s.end).max()
    }

    #[must_use]
    pub fn is_open(&self) -> bool {
        self.spans.iter().any(|s| s.end.is_none())
    }

    /// Spans of `a`.
    pub fn of_kind(&self, a: Activity) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.activity == a)
    }

    /// Total ms of `a` (open spans measured to `now`).
    #[must_use]
    pub fn total_ms(&self, a: Activity, now: DateTime<Utc>) -> i64 {
        self.of_kind(a).filter_map(|s| s.ms(now)).sum()
    }

    #[must_use]
    pub fn has(&self, a: Activity) -> bool {
        self.of_kind(a).next().is_some()
    }
}

/// A wrap-up: the code, its name (only the Conversations API has it) and the after-call work.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WrapupFact {
    pub code: Option<String>,
    pub name: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    /// After-call work still going.
    pub pending: bool,
}

impl WrapupFact {
    #[must_use]
    pub fn acw_ms(&self, now: DateTime<Utc>) -> Option<i64> {
        let start = self.start?;
        Some(between_ms(start, self.end.unwrap_or(now)).max(0))
    }
}

/// What one API says one participant did.
#[derive(Debug, Clone, PartialEq)]
pub struct Leg {
    pub participant_id: String,
    /// [`crate::participant_label`]: name, else purpose and short id.
    pub label: String,
    /// `name` / `participantName` when present and not blank.
    pub name: Option<String>,
    /// `purpose` as sent.
    pub purpose: Option<String>,
    pub role: Role,
    /// The queue's name when the API gives it (Conversations API `queueName`; an analytics `acd`
    /// participant's `participantName`).
    pub queue_name: Option<String>,
    /// Analytics `flow.flowName` for an IVR leg.
    pub flow_name: Option<String>,
    /// Sorted by first start.
    pub sessions: Vec<Session>,
    pub wrapup: Option<WrapupFact>,
    /// The participant's time as this API states it: the Conversations API's `startTime`/`endTime`
    /// (ends at disconnect), analytics' first segment start to last segment end (includes the
    /// wrap-up segment). `end` is `None` while live.
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

impl Leg {
    #[must_use]
    pub fn first_start(&self) -> Option<DateTime<Utc>> {
        self.start
            .or_else(|| self.sessions.iter().filter_map(Session::first_start).min())
    }

    /// Number of hold segments over all sessions; `None` when a session has no segments (its
    /// own fields only show the current hold, so past holds are unknown).
    #[must_use]
    pub fn holds(&self) -> Option<usize> {
        self.sessions
            .iter()
            .map(|s| s.segmented.then(|| s.of_kind(Activity::Hold).count()))
            .sum()
    }

    /// The name a sentence uses for a queue leg.
    #[must_use]
    pub fn queue_label(&self) -> &str {
        self.queue_name.as_deref().unwrap_or(&self.label)
    }

    /// The session's media, or the first session's.
    #[must_use]
    pub fn media(&self) -> &str {
        self.sessions
            .first()
            .map_or("unknown", |s| s.media.as_str())
    }
}

/// A name when it says something (not empty, not only spaces).
#[must_use]
pub fn present(name: Option<&str>) -> Option<String> {
    name.map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
}

/// What one API says about the whole conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Told {
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    /// Analytics `originatingDirection`, else the customer's first direction.
    pub direction: Option<String>,
    /// Sorted by first start.
    pub legs: Vec<Leg>,
}

pub(crate) fn sort_legs(legs: &mut [Leg]) {
    for l in legs.iter_mut() {
        l.sessions.sort_by_key(Session::first_start);
    }
    legs.sort_by_key(Leg::first_start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_mean_the_same_ending() {
        assert_eq!(Ending::of("transfer.consult"), Ending::ConsultTransfer);
        assert_eq!(Ending::of("consultTransfer"), Ending::ConsultTransfer);
        assert_eq!(Ending::of("transfer"), Ending::BlindTransfer);
        assert_eq!(Ending::of("client"), Ending::HungUp);
        assert_eq!(Ending::of("transfer.noanswer"), Ending::NoAnswer);
        assert_eq!(Ending::of("spam"), Ending::Other("spam".into()));
    }

    #[test]
    fn roles_and_activities_read_both_spellings() {
        assert_eq!(Role::of(Some("ACD")), Role::Queue);
        assert_eq!(Role::of(None), Role::Other);
        assert_eq!(Activity::of("wrapup"), Activity::Wrapup);
        assert_eq!(Activity::of("barging"), Activity::Other);
    }
}
