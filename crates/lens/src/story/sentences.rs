//! [`Told`] → plain sentences, in the order things happened. The same rules tell both APIs'
//! stories, so any difference between the two columns comes from the data, not the wording.

use chrono::{DateTime, Utc};

use super::clock::{Zone, spoken_ms, times};
use super::legs::{Activity, Ending, Leg, Role, Session, Told};
use crate::duration::between_ms;
use crate::participant_label::short_id;

/// What a sentence is about, so the two columns can be matched up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Opening,
    Ringing,
    Ivr,
    Queue,
    Offer,
    Voicemail,
    Talk,
    Joined,
    Hold,
    Handover,
    Outcome,
    Wrapup,
}

/// Identifies "the same fact" on both sides: what, who (participant id) and which media.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub kind: Kind,
    pub participant_id: String,
    pub media: String,
}

/// One sentence before it is compared with the other side.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub key: Key,
    pub at: Option<DateTime<Utc>>,
    pub text: String,
    /// Still going at `now`.
    pub live: bool,
    /// For a wrap-up: whether this side names the code.
    pub wrapup_named: bool,
}

struct Teller<'a> {
    told: &'a Told,
    zone: Zone,
    now: DateTime<Utc>,
    customer: String,
    out: Vec<Fact>,
}

/// Every sentence of one side, in order.
#[must_use]
pub fn facts(told: &Told, zone: Zone, now: DateTime<Utc>) -> Vec<Fact> {
    let customer = told
        .legs
        .iter()
        .find(|l| l.role == Role::Customer)
        .map_or_else(|| "The customer".to_owned(), |l| l.label.clone());
    let mut t = Teller {
        told,
        zone,
        now,
        customer,
        out: Vec::new(),
    };
    t.opening();
    for leg in &told.legs {
        for s in &leg.sessions {
            match leg.role {
                Role::Customer => t.customer_session(leg, s),
                Role::Ivr => t.ivr(leg, s),
                Role::Queue => t.queue(leg, s),
                Role::Agent => t.agent(leg, s),
                Role::Voicemail => t.voicemail(leg, s),
                Role::Other => t.joined(leg, s),
            }
        }
        if leg.role == Role::Agent || leg.wrapup.is_some() {
            t.wrapup(leg);
        }
    }
    t.outcome();
    let mut out = t.out;
    // The opening first; ties (a transfer and the wrap-up after it) in `Kind` order; untimed last.
    out.sort_by_key(|f| {
        (
            f.key.kind != Kind::Opening,
            f.at.is_none(),
            f.at,
            f.key.kind,
        )
    });
    out
}

fn thing(media: &str) -> &'static str {
    match media {
        "voice" => "call",
        "callback" => "callback",
        "email" => "email",
        "message" => "message",
        "chat" => "chat",
        _ => "conversation",
    }
}

impl Teller<'_> {
    fn push(
        &mut self,
        kind: Kind,
        leg: Option<&Leg>,
        media: &str,
        at: Option<DateTime<Utc>>,
        text: String,
        live: bool,
    ) {
        self.out.push(Fact {
            key: Key {
                kind,
                participant_id: leg.map(|l| l.participant_id.clone()).unwrap_or_default(),
                media: media.to_owned(),
            },
            at,
            text,
            live,
            wrapup_named: false,
        });
    }

    fn at(&self, t: Option<DateTime<Utc>>) -> String {
        t.map(|t| format!(" at {}", self.zone.time(t)))
            .unwrap_or_default()
    }

    fn ms(&self, s: &Session, a: Activity) -> String {
        spoken_ms(s.total_ms(a, self.now))
    }

    fn opening(&mut self) {
        let first = self
            .told
            .legs
            .iter()
            .find(|l| l.role == Role::Customer)
            .or_else(|| self.told.legs.first());
        let start = self.told.start.or_else(|| first.and_then(Leg::first_start));
        let media = first.map_or("unknown", Leg::media).to_owned();
        let at = self.at(start);
        let c = &self.customer;
        let text = match (self.told.direction.as_deref(), media.as_str()) {
            (_, "callback") => format!("{c} asked for a callback{at}"),
            (Some("outbound"), "voice") => format!("An outbound call to {c} began{at}"),
            (_, "voice") => format!("{c} called{at}"),
            (_, "message") => format!("{c} sent a message{at}"),
            (_, "email") => format!("{c} sent an email{at}"),
            (_, "chat") => format!("{c} started a chat{at}"),
            _ => format!("The conversation began{at}"),
        };
        self.push(Kind::Opening, None, "", start, text, false);
    }

    /// An outbound leg to the customer: how long it rang before they answered.
    fn customer_session(&mut self, leg: &Leg, s: &Session) {
        let ring =
            s.total_ms(Activity::Dialing, self.now) + s.total_ms(Activity::Contacting, self.now);
        if !(s.has(Activity::Dialing) || s.has(Activity::Contacting)) {
            return;
        }
        let c = &self.customer;
        let ringing_open = s.spans.iter().any(|x| {
            matches!(x.activity, Activity::Dialing | Activity::Contacting) && x.end.is_none()
        });
        let (text, live) = if ringing_open {
            (
                format!("It is ringing {c} ({} so far)", spoken_ms(ring)),
                true,
            )
        } else if s.has(Activity::Interact) {
            (
                format!("It rang {} before {c} answered", spoken_ms(ring)),
                false,
            )
        } else {
            (
                format!("{c} did not answer ({} of ringing)", spoken_ms(ring)),
                false,
            )
        };
        self.push(
            Kind::Ringing,
            Some(leg),
            &s.media,
            s.first_start(),
            text,
            live,
        );
    }

    fn ivr(&mut self, leg: &Leg, s: &Session) {
        let name = leg
            .flow_name
            .clone()
            .or_else(|| leg.name.clone())
            .map(|n| format!(" “{n}”"))
            .unwrap_or_default();
        let ms = s.total_ms(Activity::Ivr, self.now) + s.total_ms(Activity::Interact, self.now);
        let c = &self.customer;
        let (text, live) = if s.is_open() {
            (
                format!("{c} is in the IVR{name} ({} so far)", spoken_ms(ms)),
                true,
            )
        } else {
            (
                format!("{c} spent {} in the IVR{name}", spoken_ms(ms)),
                false,
            )
        };
        self.push(Kind::Ivr, Some(leg), &s.media, s.first_start(), text, live);
    }

    fn queue(&mut self, leg: &Leg, s: &Session) {
        let q = leg.queue_label().to_owned();
        let wait: i64 = s.spans.iter().filter_map(|x| x.ms(self.now)).sum();
        let who = if s.media == "callback" {
            "The callback request".to_owned()
        } else {
            self.customer.clone()
        };
        let (text, live) = if s.is_open() {
            (
                format!("{who} is waiting in {q} ({} so far)", spoken_ms(wait)),
                true,
            )
        } else {
            match s.ending {
                Some(Ending::HungUp | Ending::Peer) => (
                    format!(
                        "{who} left {q} after waiting {}, before anyone answered (abandoned)",
                        spoken_ms(wait)
                    ),
                    false,
                ),
                _ => (format!("{who} waited {} in {q}", spoken_ms(wait)), false),
            }
        };
        self.push(
            Kind::Queue,
            Some(leg),
            &s.media,
            s.first_start(),
            text,
            live,
        );
    }

    fn agent(&mut self, leg: &Leg, s: &Session) {
        let a = &leg.label;
        let c = self.customer.clone();
        let what = thing(&s.media);
        let dialed = s.has(Activity::Dialing) || s.has(Activity::Contacting);
        if dialed {
            let ring = s.total_ms(Activity::Dialing, self.now)
                + s.total_ms(Activity::Contacting, self.now);
            let open = !s.has(Activity::Interact) && s.is_open();
            let text = if open {
                format!("{a} is dialing {c} ({} so far)", spoken_ms(ring))
            } else if s.has(Activity::Interact) {
                format!(
                    "{a} dialed {c}; it rang {} before it was answered",
                    spoken_ms(ring)
                )
            } else {
                format!("{a} dialed {c}; no answer after {}", spoken_ms(ring))
            };
            self.push(
                Kind::Ringing,
                Some(leg),
                &s.media,
                s.first_start(),
                text,
                open,
            );
        }
        if !s.has(Activity::Interact) {
            if s.has(Activity::Alert) {
                let alert = self.ms(s, Activity::Alert);
                let (text, live) = if s.is_open() {
                    (
                        format!("{a} is being offered the {what} ({alert} so far)"),
                        true,
                    )
                } else {
                    let back = if s.ending == Some(Ending::NoAnswer) {
                        "; it went back to the queue"
                    } else {
                        ""
                    };
                    (
                        format!("{a} was offered the {what} for {alert} but did not answer{back}"),
                        false,
                    )
                };
                self.push(
                    Kind::Offer,
                    Some(leg),
                    &s.media,
                    s.first_start(),
                    text,
                    live,
                );
            }
            return;
        }
        let talk = self.ms(s, Activity::Interact);
        let talk_open = s.of_kind(Activity::Interact).any(|x| x.end.is_none())
            || s.of_kind(Activity::Hold).any(|x| x.end.is_none());
        let answered = if s.has(Activity::Alert) && !dialed {
            "answered and "
        } else {
            ""
        };
        let text = match (s.media.as_str(), talk_open) {
            ("callback", false) => format!("{a} took the callback request ({talk})"),
            ("callback", true) => format!("{a} is handling the callback request ({talk} so far)"),
            ("voice", false) => format!("{a} {answered}talked {talk}"),
            ("voice", true) => format!("{a} {answered}has talked {talk} so far"),
            ("email", false) => format!("{a} {answered}worked on the email for {talk}"),
            ("email", true) => format!("{a} {answered}has worked on the email for {talk} so far"),
            ("message" | "chat", false) => format!("{a} {answered}chatted for {talk}"),
            ("message" | "chat", true) => format!("{a} {answered}has chatted for {talk} so far"),
            (_, false) => format!("{a} {answered}was connected for {talk}"),
            (_, true) => format!("{a} {answered}has been connected for {talk} so far"),
        };
        let talk_start = s.of_kind(Activity::Interact).filter_map(|x| x.start).min();
        self.push(Kind::Talk, Some(leg), &s.media, talk_start, text, talk_open);
        self.holds(leg, s, &c);
        self.handover(leg, s, talk_start, &c);
    }

    fn holds(&mut self, leg: &Leg, s: &Session, c: &str) {
        let n = s.of_kind(Activity::Hold).count();
        if n == 0 {
            return;
        }
        let total = self.ms(s, Activity::Hold);
        let in_all = if n > 1 { " in all" } else { "" };
        let open = s.of_kind(Activity::Hold).any(|x| x.end.is_none());
        let now = if open { "; on hold now" } else { "" };
        let text = format!(
            "{} put {c} on hold {} ({total}{in_all}){now}",
            leg.label,
            times(n)
        );
        let at = s.of_kind(Activity::Hold).filter_map(|x| x.start).min();
        self.push(Kind::Hold, Some(leg), &s.media, at, text, open);
    }

    /// A transfer: who the conversation went to next (the first participant other than the
    /// customer to join after this one started talking).
    fn handover(&mut self, leg: &Leg, s: &Session, talk_start: Option<DateTime<Utc>>, c: &str) {
        let Some(ending) = &s.ending else { return };
        if s.is_open() {
            return;
        }
        let target = self
            .told
            .legs
            .iter()
            .filter(|l| l.participant_id != leg.participant_id && l.role != Role::Customer)
            .filter(|l| match (l.first_start(), talk_start) {
                (Some(ls), Some(ts)) => ls >= ts,
                _ => false,
            })
            .min_by_key(|l| l.first_start())
            .map_or_else(
                || "someone else".to_owned(),
                |l| match l.role {
                    Role::Queue => format!("the {} queue", l.queue_label()),
                    _ => l.label.clone(),
                },
            );
        let a = &leg.label;
        let text = match ending {
            Ending::BlindTransfer => {
                format!("{a} transferred {c} to {target} without consulting (blind transfer)")
            }
            Ending::ConsultTransfer => {
                format!("{a} consulted {target}, then transferred {c} (consult transfer)")
            }
            Ending::ConferenceTransfer => {
                format!("{a} brought {target} into a conference and left")
            }
            Ending::Forward => format!("{a} forwarded the {} to {target}", thing(&s.media)),
            _ => return,
        };
        self.push(
            Kind::Handover,
            Some(leg),
            &s.media,
            s.last_end(),
            text,
            false,
        );
    }

    fn voicemail(&mut self, leg: &Leg, s: &Session) {
        let c = &self.customer;
        let name = leg
            .name
            .as_deref()
            .map(|n| format!(" “{n}”"))
            .unwrap_or_default();
        let ms =
            s.total_ms(Activity::Voicemail, self.now) + s.total_ms(Activity::Interact, self.now);
        let (text, live) = if s.is_open() {
            (
                format!("{c} is in voicemail{name} ({} so far)", spoken_ms(ms)),
                true,
            )
        } else {
            (
                format!("{c} went to voicemail{name} for {}", spoken_ms(ms)),
                false,
            )
        };
        self.push(
            Kind::Voicemail,
            Some(leg),
            &s.media,
            s.first_start(),
            text,
            live,
        );
    }

    fn joined(&mut self, leg: &Leg, s: &Session) {
        let who = match (&leg.name, &leg.purpose) {
            (Some(_), Some(p)) => format!("{} ({p})", leg.label),
            _ => leg.label.clone(),
        };
        let from = s
            .of_kind(Activity::Interact)
            .filter_map(|x| x.start)
            .min()
            .or(s.first_start());
        let at = self.at(from);
        let stayed = from.map(|f| spoken_ms(between_ms(f, s.last_end().unwrap_or(self.now))));
        let (text, live) = match (s.is_open(), stayed) {
            (true, _) => (format!("{who} joined{at} and is still connected"), true),
            (false, Some(d)) => (format!("{who} joined{at} and stayed {d}"), false),
            (false, None) => (format!("{who} took part"), false),
        };
        self.push(Kind::Joined, Some(leg), &s.media, from, text, live);
    }

    fn wrapup(&mut self, leg: &Leg) {
        let Some(w) = &leg.wrapup else { return };
        let a = &leg.label;
        let code = match (&w.name, &w.code) {
            (Some(n), _) => format!(" with “{n}”"),
            (None, Some(c)) => format!(" with wrap-up code {}", short_id(c)),
            (None, None) => String::new(),
        };
        let text = if w.pending {
            let so_far = w
                .acw_ms(self.now)
                .map(|ms| format!(" ({} so far)", spoken_ms(ms)))
                .unwrap_or_default();
            let chosen = if code.is_empty() {
                String::new()
            } else {
                format!(";{code} chosen so far")
            };
            format!("{a} is in after-call work{so_far}{chosen}")
        } else {
            match w.acw_ms(self.now) {
                Some(ms) => format!("{a} wrapped up in {}{code}", spoken_ms(ms)),
                None if code.is_empty() => format!("{a} wrapped up"),
                None => format!("{a} wrapped up{code}"),
            }
        };
        self.out.push(Fact {
            key: Key {
                kind: Kind::Wrapup,
                participant_id: leg.participant_id.clone(),
                media: String::new(),
            },
            at: w.start.or(leg.end),
            text,
            live: w.pending,
            wrapup_named: w.name.is_some(),
        });
    }

    fn outcome(&mut self) {
        let Some(end) = self.told.end else {
            let so_far = self
                .told
                .start
                .map(|s| format!(": {} so far", spoken_ms(between_ms(s, self.now))))
                .unwrap_or_default();
            let text = format!("Still in progress{so_far}");
            self.push(Kind::Outcome, None, "", Some(self.now), text, true);
            return;
        };
        // Who hung up: a participant whose last communication ended as `endpoint`/`client` at
        // the end, the customer first.
        let near_end = |s: &Session| {
            s.last_end()
                .is_some_and(|e| between_ms(e, end).abs() <= 2_000)
        };
        let mut candidates: Vec<&Leg> = self.told.legs.iter().collect();
        candidates.sort_by_key(|l| l.role != Role::Customer);
        let who = candidates.into_iter().find(|l| {
            l.sessions
                .last()
                .is_some_and(|s| s.ending == Some(Ending::HungUp) && near_end(s))
        });
        let lasted = self
            .told
            .start
            .map(|s| format!(", {} after it began", spoken_ms(between_ms(s, end))))
            .unwrap_or_default();
        let at = self.zone.time(end);
        let text = match who {
            Some(l) => match l.sessions.last().map_or("voice", |s| s.media.as_str()) {
                "voice" | "callback" => format!("{} hung up at {at}{lasted}", l.label),
                "email" => format!("{} closed the email at {at}{lasted}", l.label),
                "message" | "chat" => format!("{} ended the chat at {at}{lasted}", l.label),
                _ => format!("{} ended the conversation at {at}{lasted}", l.label),
            },
            None => format!("The conversation ended at {at}{lasted}"),
        };
        self.push(Kind::Outcome, None, "", Some(end), text, false);
    }
}
