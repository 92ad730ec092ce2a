//! What the HTTP layer and the query engine read from the org (the [`OrgView`] trait).

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversation;
use model::conversations::Conversation;

/// What the HTTP layer reads from the org. [`crate::org::Org`] implements it; tests can plug in
/// a handful of hand-made conversations to pin down query semantics exactly.
pub trait OrgView: Send + Sync + 'static {
    /// `GET /api/v2/conversations/{id}` at `now`; `None` = 404.
    fn realtime(&self, id: &str, now: DateTime<Utc>) -> Option<Conversation>;
    /// The analytics record at `now` (with participant attributes); `None` = 404.
    fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<AnalyticsConversation>;
    /// Analytics records whose `conversationStart` is in `[from, to)`, as visible at `now`.
    fn analytics_started_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a>;
    /// `GET /demo/scenarios` body at `now`.
    fn scenarios(&self, now: DateTime<Utc>) -> serde_json::Value;
}

impl OrgView for crate::org::Org {
    fn realtime(&self, id: &str, now: DateTime<Utc>) -> Option<Conversation> {
        Self::realtime(self, id, now)
    }

    fn analytics(&self, id: &str, now: DateTime<Utc>) -> Option<AnalyticsConversation> {
        Self::analytics(self, id, now)
    }

    fn analytics_started_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a> {
        Box::new(Self::analytics_started_in(self, from, to, now))
    }

    fn scenarios(&self, now: DateTime<Utc>) -> serde_json::Value {
        serde_json::to_value(Self::scenarios(self, now)).unwrap_or_else(|_| serde_json::json!([]))
    }
}
