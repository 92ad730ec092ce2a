//! What the HTTP layer and the query engine read from the org (the [`OrgView`] trait).

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversation;
use model::conversations::Conversation;

/// How far before an interval the default [`OrgView::analytics_active_in`] looks for
/// conversations that were still going on in it.
pub const ACTIVITY_LOOKBACK: chrono::Duration = chrono::Duration::days(3);

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
    /// Analytics records of conversations that had activity during `[from, to)` (async jobs'
    /// interval semantics): started before `to`, not ended before `from`, as visible at `now`.
    /// The default reads starts from [`ACTIVITY_LOOKBACK`] before `from`; an org that knows its
    /// longest conversation can do better.
    fn analytics_active_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a> {
        Box::new(
            self.analytics_started_in(from - ACTIVITY_LOOKBACK, to, now)
                .filter(move |c| {
                    c.conversation_start.is_some_and(|s| s < to)
                        && c.conversation_end.is_none_or(|e| e >= from)
                }),
        )
    }

    /// `GET /demo/scenarios` body at `now`.
    fn scenarios(&self, now: DateTime<Utc>) -> serde_json::Value;

    /// `POST /demo/scenarios/{id}/start`: start the scenario again at `now` under fresh ids;
    /// `None` = no such scenario (404). Hand-made test orgs have no scenarios to start.
    fn start_run(
        &self,
        _scenario_id: &str,
        _now: DateTime<Utc>,
    ) -> Option<crate::runs::StartedRun> {
        None
    }

    /// Timelines of the named scenarios and runs that change during `[from, to)` (started before
    /// `to`, after-call work not over before `from`): the notification events' source. Hand-made
    /// test orgs publish no events.
    fn timelines_active_in(
        &self,
        _from: DateTime<Utc>,
        _to: DateTime<Utc>,
    ) -> Vec<crate::timeline::Conv> {
        Vec::new()
    }
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

    fn analytics_active_in<'a>(
        &'a self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Box<dyn Iterator<Item = AnalyticsConversation> + 'a> {
        Box::new(Self::analytics_active_in(self, from, to, now))
    }

    fn scenarios(&self, now: DateTime<Utc>) -> serde_json::Value {
        serde_json::to_value(Self::scenarios(self, now)).unwrap_or_else(|_| serde_json::json!([]))
    }

    fn start_run(&self, scenario_id: &str, now: DateTime<Utc>) -> Option<crate::runs::StartedRun> {
        Self::start_run(self, scenario_id, now)
    }

    fn timelines_active_in(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<crate::timeline::Conv> {
        Self::named_active_in(self, from, to)
    }
}
