//! One conversation as a timeline of what happened, with absolute times.
//!
//! Both views — the real-time `Conversation` ([`crate::realtime`]) and the analytics
//! `AnalyticsConversation` ([`crate::analytics`]) — are *derived* from this at any instant, so
//! they can never disagree about what happened, only about how much of it they show yet.

use chrono::{DateTime, Duration, Utc};

pub type Time = DateTime<Utc>;

/// Media of a communication (a real-time media array entry = an analytics session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    Voice,
    Callback,
    Email,
    Message,
}

impl Media {
    /// `AnalyticsSession.mediaType` wire value.
    #[must_use]
    pub fn analytics(self) -> &'static str {
        match self {
            Self::Voice => "voice",
            Self::Callback => "callback",
            Self::Email => "email",
            Self::Message => "message",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Inbound,
    Outbound,
}

impl Dir {
    #[must_use]
    pub fn wire(self) -> &'static str {
        match self {
            Self::Inbound => "inbound",
            Self::Outbound => "outbound",
        }
    }
}

/// Participant purpose (the analytics enum; the Conversations API uses the same strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Customer,
    Ivr,
    Acd,
    Agent,
    External,
    Voicemail,
}

impl Role {
    #[must_use]
    pub fn purpose(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Ivr => "ivr",
            Self::Acd => "acd",
            Self::Agent => "agent",
            Self::External => "external",
            Self::Voicemail => "voicemail",
        }
    }
}

/// What a stretch of a communication was (analytics `segmentType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegKind {
    Ivr,
    Alert,
    Interact,
    Hold,
    Dialing,
    Contacting,
    Voicemail,
    Scheduled,
}

impl SegKind {
    #[must_use]
    pub fn analytics(self) -> &'static str {
        match self {
            Self::Ivr => "ivr",
            Self::Alert => "alert",
            Self::Interact => "interact",
            Self::Hold => "hold",
            Self::Dialing => "dialing",
            Self::Contacting => "contacting",
            Self::Voicemail => "voicemail",
            Self::Scheduled => "scheduled",
        }
    }

    /// The communication `state` while in this segment (Conversations API).
    #[must_use]
    pub fn state(self) -> &'static str {
        match self {
            Self::Alert => "alerting",
            Self::Dialing => "dialing",
            Self::Contacting => "contacting",
            Self::Scheduled => "scheduled",
            Self::Ivr | Self::Interact | Self::Hold | Self::Voicemail => "connected",
        }
    }

    /// Whether the communication counts as connected (sets `connectedTime`).
    #[must_use]
    pub fn is_connected(self) -> bool {
        self.state() == "connected"
    }
}

/// How a communication ended. The two APIs spell it differently (dotted vs camelCase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disc {
    /// This side hung up.
    Endpoint,
    /// The other side hung up.
    Peer,
    /// The agent's client (UI) ended it.
    Client,
    /// Blind (unattended) transfer, or a flow/queue handing the call on.
    Transfer,
    ConsultTransfer,
    ConferenceTransfer,
    /// Alerting agent did not answer in time (RONA).
    NoAnswerTransfer,
    Timeout,
    /// Messaging only.
    Inactivity,
    System,
}

impl Disc {
    /// `Call.disconnectType` etc. (Conversations API, dotted vocabulary).
    #[must_use]
    pub fn realtime(self) -> &'static str {
        match self {
            Self::Endpoint => "endpoint",
            Self::Peer => "peer",
            Self::Client => "client",
            Self::Transfer => "transfer",
            Self::ConsultTransfer => "transfer.consult",
            Self::ConferenceTransfer => "transfer.conference",
            Self::NoAnswerTransfer => "transfer.noanswer",
            Self::Timeout => "timeout",
            Self::Inactivity => "inactivity",
            Self::System => "system",
        }
    }

    /// `AnalyticsConversationSegment.disconnectType` (camelCase vocabulary).
    #[must_use]
    pub fn analytics(self) -> &'static str {
        match self {
            Self::Endpoint => "endpoint",
            Self::Peer => "peer",
            Self::Client => "client",
            Self::Transfer => "transfer",
            Self::ConsultTransfer => "consultTransfer",
            Self::ConferenceTransfer => "conferenceTransfer",
            Self::NoAnswerTransfer => "noAnswerTransfer",
            Self::Timeout => "timeout",
            Self::Inactivity => "inactivity",
            Self::System => "system",
        }
    }
}

/// One stretch of a communication.
#[derive(Debug, Clone, PartialEq)]
pub struct Seg {
    pub kind: SegKind,
    pub start: Time,
    pub end: Time,
    /// More than two parties were connected (analytics `conference`).
    pub conference: bool,
}

/// After-call work done by an agent once the communication ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrap {
    pub code_id: String,
    pub code_name: String,
    pub notes: String,
    pub duration_ms: i64,
}

/// Media-specific details of a communication.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Detail {
    pub email_subject: Option<String>,
    /// Sender/recipient of an email or message (analytics `addressFrom`/`addressTo`).
    pub address_from: Option<String>,
    pub address_to: Option<String>,
    pub messages_sent: Option<i64>,
    /// Messaging platform (`Message.type`, e.g. `webmessaging`).
    pub message_type: Option<&'static str>,
    /// Timestamps of individual messages on this communication.
    pub message_times: Vec<Time>,
    pub callback_numbers: Vec<String>,
    pub callback_scheduled: Option<Time>,
    pub callback_user_name: Option<String>,
    /// (campaign id, contact list id, contact id) of a dialer call.
    pub outbound_campaign: Option<(String, String, String)>,
}

/// How an IVR/bot flow handed over or ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowExit {
    pub reason: &'static str,
    pub transfer_type: Option<&'static str>,
    pub target_name: Option<String>,
    pub target_address: Option<String>,
}

/// One communication (real-time: a `calls[]`/`emails[]`/… entry; analytics: a session).
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: String,
    pub media: Media,
    pub direction: Dir,
    pub peer_id: Option<String>,
    /// Contiguous and ordered; the last one ends when the communication disconnects.
    pub segs: Vec<Seg>,
    pub disc: Disc,
    pub queue_id: Option<String>,
    pub wrap: Option<Wrap>,
    /// Queue wait until this agent answered (agent `tAnswered`).
    pub answered_after_ms: Option<i64>,
    /// The customer hung up while this ACD session waited (`tAbandon`).
    pub abandoned: bool,
    /// Which flow ran this session (IVR/bot/voicemail).
    pub flow: Option<crate::catalog::Flow>,
    /// How the flow ended (analytics `flow.exitReason` etc.), shown once the session ended.
    pub flow_exit: Option<FlowExit>,
    pub ani: Option<String>,
    pub dnis: Option<String>,
    pub recording: bool,
    /// Routed through ACD (requestedRoutings/usedRouting Standard).
    pub routed: bool,
    pub selected_agent_id: Option<String>,
    pub detail: Detail,
}

impl Session {
    /// A communication with no segments yet; add them with [`Session::then`].
    #[must_use]
    pub fn new(id: String, media: Media, direction: Dir) -> Self {
        Self {
            id,
            media,
            direction,
            peer_id: None,
            segs: Vec::new(),
            disc: Disc::Endpoint,
            queue_id: None,
            wrap: None,
            answered_after_ms: None,
            abandoned: false,
            flow: None,
            flow_exit: None,
            ani: None,
            dnis: None,
            recording: false,
            routed: false,
            selected_agent_id: None,
            detail: Detail::default(),
        }
    }

    /// Start the first segment at `at`.
    #[must_use]
    pub fn at(mut self, kind: SegKind, at: Time, ms: i64) -> Self {
        self.segs.push(Seg {
            kind,
            start: at,
            end: at + Duration::milliseconds(ms),
            conference: false,
        });
        self
    }

    /// Append a segment right after the previous one.
    #[must_use]
    pub fn then(mut self, kind: SegKind, ms: i64) -> Self {
        let start = self.segs.last().map_or(Time::UNIX_EPOCH, |s| s.end);
        self.segs.push(Seg {
            kind,
            start,
            end: start + Duration::milliseconds(ms),
            conference: false,
        });
        self
    }

    /// Append a segment with more than two parties connected (analytics `conference: true`).
    #[must_use]
    pub fn then_conference(mut self, kind: SegKind, ms: i64) -> Self {
        self = self.then(kind, ms);
        if let Some(last) = self.segs.last_mut() {
            last.conference = true;
        }
        self
    }

    /// Append a segment that lasts until `until`.
    #[must_use]
    pub fn until(self, kind: SegKind, until: Time) -> Self {
        let start = self.segs.last().map_or(until, |s| s.end);
        let ms = (until - start).num_milliseconds();
        self.then(kind, ms)
    }

    #[must_use]
    pub fn ends(mut self, disc: Disc) -> Self {
        self.disc = disc;
        self
    }

    #[must_use]
    pub fn start(&self) -> Time {
        self.segs.first().map_or(Time::UNIX_EPOCH, |s| s.start)
    }

    /// When the communication disconnected (end of its last segment).
    #[must_use]
    pub fn end(&self) -> Time {
        self.segs.last().map_or(Time::UNIX_EPOCH, |s| s.end)
    }

    /// When after-call work ends (= `end()` without wrap-up).
    #[must_use]
    pub fn acw_end(&self) -> Time {
        self.end() + Duration::milliseconds(self.wrap.as_ref().map_or(0, |w| w.duration_ms))
    }
}

/// A conversation participant.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub id: String,
    pub role: Role,
    pub name: String,
    pub user_id: Option<String>,
    /// (queue id, queue name)
    pub queue: Option<(String, String)>,
    pub address: Option<String>,
    pub ani: Option<String>,
    pub dnis: Option<String>,
    pub attributes: Vec<(String, String)>,
    pub consult_participant_id: Option<String>,
    pub sessions: Vec<Session>,
}

impl Party {
    #[must_use]
    pub fn new(id: String, role: Role, name: impl Into<String>) -> Self {
        Self {
            id,
            role,
            name: name.into(),
            user_id: None,
            queue: None,
            address: None,
            ani: None,
            dnis: None,
            attributes: Vec::new(),
            consult_participant_id: None,
            sessions: Vec::new(),
        }
    }

    #[must_use]
    pub fn start(&self) -> Time {
        self.sessions
            .iter()
            .map(Session::start)
            .min()
            .unwrap_or(Time::UNIX_EPOCH)
    }

    #[must_use]
    pub fn end(&self) -> Time {
        self.sessions
            .iter()
            .map(Session::end)
            .max()
            .unwrap_or(Time::UNIX_EPOCH)
    }
}

/// A transfer command (`Conversation.recentTransfers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub id: String,
    pub at: Time,
    pub initiator_user_id: String,
    pub destination_user_id: Option<String>,
    pub destination_address: Option<String>,
    pub attended: bool,
}

/// The whole conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Conv {
    pub id: String,
    pub originating_direction: Dir,
    /// Conversation `address`: DNIS of an inbound call, ANI of an outbound one.
    pub address: Option<String>,
    pub division_id: String,
    pub parties: Vec<Party>,
    pub self_served: bool,
    pub conference_start: Option<Time>,
    pub transfers: Vec<Transfer>,
    /// Worst MOS of the call (voice only), reported once it ended.
    pub mos: Option<f64>,
}

impl Conv {
    #[must_use]
    pub fn new(id: String, originating_direction: Dir) -> Self {
        Self {
            id,
            originating_direction,
            address: None,
            division_id: crate::catalog::home_division().id,
            parties: Vec::new(),
            self_served: false,
            conference_start: None,
            transfers: Vec::new(),
            mos: None,
        }
    }

    /// When the first participant joined.
    #[must_use]
    pub fn start(&self) -> Time {
        self.parties
            .iter()
            .map(Party::start)
            .min()
            .unwrap_or(Time::UNIX_EPOCH)
    }

    /// When the last communication disconnected (after-call work may go on after this).
    #[must_use]
    pub fn end(&self) -> Time {
        self.parties
            .iter()
            .map(Party::end)
            .max()
            .unwrap_or(Time::UNIX_EPOCH)
    }

    /// When the last after-call work ends.
    #[must_use]
    pub fn acw_end(&self) -> Time {
        self.sessions()
            .map(Session::acw_end)
            .max()
            .unwrap_or(Time::UNIX_EPOCH)
    }

    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.parties.iter().flat_map(|p| &p.sessions)
    }

    /// The media of the first customer-facing communication.
    #[must_use]
    pub fn media(&self) -> Media {
        self.sessions().next().map_or(Media::Voice, |s| s.media)
    }
}
