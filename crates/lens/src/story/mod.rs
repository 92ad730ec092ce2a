//! "What happened": the conversation told in plain sentences from each API's own answer, side
//! by side. Both bodies are first read into one neutral shape ([`legs`]), told by one set of
//! rules ([`sentences`]), then compared so a sentence only one side can say is marked ([`marks`]).
//! Nothing here is written per scenario: it works on any body, however incomplete.

pub mod clock;
pub mod from_analytics;
pub mod from_realtime;
pub mod legs;
pub mod marks;
pub mod sentences;

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;
use serde::Serialize;

pub use clock::Zone;

use crate::source::Claim;
use crate::sources;

/// One sentence of a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    pub text: String,
    /// Still going now.
    pub live: bool,
    /// What this side knows that the other does not (yet), e.g. "not in analytics yet".
    pub mark: Option<String>,
}

/// One API's telling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Telling {
    pub sentences: Vec<Sentence>,
    /// What the column is read from.
    pub basis: Claim,
}

/// Both columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    /// The day the conversation started, in the zone ("12 May 2026").
    pub day: Option<String>,
    /// The zone the times are in ("UTC", "UTC+02:00").
    pub zone: String,
    pub realtime: Option<Telling>,
    pub analytics: Option<Telling>,
}

/// Tells the conversation from each body that is present, in `zone`, as of `now`.
#[must_use]
pub fn story(
    rt: Option<&Conversation>,
    an: Option<&AnalyticsConversationWithoutAttributes>,
    zone: Zone,
    now: DateTime<Utc>,
) -> Story {
    let rt_told = rt.map(from_realtime::told);
    let an_told = an.map(from_analytics::told);
    let rt_facts = rt_told.as_ref().map(|t| sentences::facts(t, zone, now));
    let an_facts = an_told.as_ref().map(|t| sentences::facts(t, zone, now));
    let (rt_marks, an_marks) = match (&rt_facts, &an_facts) {
        (Some(r), Some(a)) => {
            let analytics_open = an_told
                .as_ref()
                .is_some_and(|t| t.end.is_none() || t.legs.iter().any(|l| l.end.is_none()));
            let (x, y) = marks::marks(r, a, marks::Progress { analytics_open });
            (Some(x), Some(y))
        }
        _ => (None, None),
    };
    let telling =
        |facts: Vec<sentences::Fact>, marks: Option<Vec<Option<String>>>, basis: Claim| {
            let mut marks = marks.unwrap_or_default().into_iter();
            Telling {
                sentences: facts
                    .into_iter()
                    .map(|f| Sentence {
                        text: f.text,
                        live: f.live,
                        mark: marks.next().flatten(),
                    })
                    .collect(),
                basis,
            }
        };
    let start = rt_told
        .as_ref()
        .and_then(|t| t.start)
        .or_else(|| an_told.as_ref().and_then(|t| t.start));
    Story {
        day: start.map(|s| zone.day(s)),
        zone: zone.name(),
        realtime: rt_facts.map(|f| {
            telling(
                f,
                rt_marks,
                Claim::new(
                    "Told from each participant's communications (`calls`, `messages`, …): their `segments`, `disconnectType`, `wrapup` and after-call work times.",
                    sources::CALL_MODEL,
                ),
            )
        }),
        analytics: an_facts.map(|f| {
            telling(
                f,
                an_marks,
                Claim::new(
                    "Told from participants → sessions → segments (`segmentType`, `disconnectType`, `wrapUpCode`); analytics has no wrap-up names, only codes.",
                    sources::ANALYTICS_MODEL,
                ),
            )
        }),
    }
}
