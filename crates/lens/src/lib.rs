//! Pure teaching logic of Conversation Lens. No I/O: everything here is a function of wire
//! values and a clock passed in, so it is unit-tested natively and runs unchanged in the browser.

pub mod comms;
pub mod companion;
pub mod conversation_id;
pub mod diff;
pub mod duration;
pub mod errors;
pub mod field_map;
pub mod field_value;
pub mod freshness;
pub mod glance;
pub mod guide;
pub mod json_path;
pub mod lookup;
pub mod metrics;
pub mod notifications;
pub mod participant_label;
pub mod pkce;
pub mod query_lab;
pub mod region;
pub mod saved;
pub mod snippets;
pub mod source;
pub mod sources;
pub mod story;
pub mod synthetic;
pub mod timeline;

/// Every citation the app can show: [`sources::ALL`], the query lab's and the notification stream's (here, at the root, so
/// `sources` and `query_lab` need not import each other).
#[must_use]
pub fn every_source() -> Vec<source::Source> {
    sources::ALL
        .iter()
        .chain(query_lab::sources::ALL)
        .chain(notifications::sources::ALL)
        .copied()
        .collect()
}
