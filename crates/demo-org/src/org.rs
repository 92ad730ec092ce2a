//! The org's data as seen at an instant (skeleton; owned by the demo-org domain engineer).
//!
//! Interface the HTTP layer relies on (keep these signatures):
//! ```ignore
//! impl Org {
//!     pub fn new(cfg: &DemoConfig) -> Self;
//!     /// `GET /api/v2/conversations/{id}` body at `now`; None = 404 (unknown, not started yet, or purged).
//!     pub fn realtime(&self, id: &str, now: DateTime<Utc>) -> Option<model::conversations::Conversation>;
//!     /// Analytics record at `now` (with participant attributes, as async jobs return it); None = 404.
//!     pub fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<model::analytics::AnalyticsConversation>;
//!     /// Conversations whose conversationStart is in [from, to), visible at `now`, lazily materialised.
//!     pub fn analytics_started_in(&self, from: DateTime<Utc>, to: DateTime<Utc>, now: DateTime<Utc>)
//!         -> impl Iterator<Item = model::analytics::AnalyticsConversation> + '_;
//!     /// The scenario list for `GET /demo/scenarios`.
//!     pub fn scenarios(&self, now: DateTime<Utc>) -> Vec<crate::scenarios::ScenarioInfo>;
//! }
//! pub fn without_attributes(c: AnalyticsConversation) -> AnalyticsConversationWithoutAttributes;
//! ```
