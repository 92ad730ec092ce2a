//! One module per tab. [`render`] is the single place that maps a [`Tab`] to its view: adding a
//! tab is one `Tab` variant plus one arm here.

pub mod code;
pub mod errors;
pub mod field_map;
pub mod glance;
pub mod guide;
pub mod live_events;
pub mod metrics;
pub mod raw_json;
pub mod timeline;

use leptos::prelude::*;

use crate::logic::tab::Tab;
use crate::state::Lookup;

/// What every tab may read: the conversation ID and both sides of the lookup.
#[derive(Clone, Copy)]
pub struct TabCtx {
    /// The validated conversation ID from the URL.
    pub id: Signal<String>,
    pub lookup: Lookup,
    /// The clock the views use ("… so far", the timeline's now line); ticks while live.
    pub now: Signal<chrono::DateTime<chrono::Utc>>,
}

/// The content of `tab`.
#[must_use]
pub fn render(tab: Tab, ctx: TabCtx) -> AnyView {
    match tab {
        Tab::Glance => view! { <glance::GlanceTab ctx/> }.into_any(),
        Tab::FieldMap => view! { <field_map::FieldMapTab ctx/> }.into_any(),
        Tab::Timeline => view! { <timeline::TimelineTab ctx/> }.into_any(),
        Tab::RawJson => view! { <raw_json::RawJsonTab ctx/> }.into_any(),
        Tab::Metrics => view! { <metrics::MetricsTab ctx/> }.into_any(),
        Tab::Errors => view! { <errors::ErrorsTab ctx/> }.into_any(),
        Tab::Guide => view! { <guide::GuideTab/> }.into_any(),
        Tab::Code => view! { <code::CodeTab ctx/> }.into_any(),
        Tab::QueryLab => view! { <crate::query_lab::QueryLab ctx/> }.into_any(),
        Tab::Freshness => view! { <crate::freshness::Freshness ctx/> }.into_any(),
        Tab::LiveEvents => view! { <live_events::LiveEventsTab ctx/> }.into_any(),
    }
}
