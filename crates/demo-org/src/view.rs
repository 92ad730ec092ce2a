//! What the HTTP layer and the query engine read from the org (the [`OrgView`] trait).

use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversation;
use model::conversations::Conversation;

/// How far before an interval the default [`OrgView::analytics_active_in`] looks for
/// conversations that were still going on in it.
pub const ACTIVITY_LOOKBACK: chrono::Duration = chrono::Duration::days(3);

/// A handle on one conversation that is cheaper to keep and resolve than its id: what the
/// details query's hit lists hold (see [`OrgView::started_index`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvRef {
    /// By conversation id (named scenarios, runs, hand-made test orgs).
    Id(String),
    /// A synthetic conversation by its slot in the start-sorted synthetic index.
    Synthetic(u32),
}

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

    /// The start index: handles of the conversations whose `conversationStart` is in
    /// `[from, to)` and that are visible at `now` (exactly those [`Self::analytics_started_in`]
    /// yields), with their start, ordered by `(conversationStart, conversationId)`, found without
    /// building analytics records. With `ended_only`, only those whose record at `now` has a
    /// `conversationEnd`. `None` = this org has no such index (the query reads the records).
    fn started_index(
        &self,
        _from: DateTime<Utc>,
        _to: DateTime<Utc>,
        _now: DateTime<Utc>,
        _ended_only: bool,
    ) -> Option<Vec<(DateTime<Utc>, ConvRef)>> {
        None
    }

    /// The analytics record behind a handle at `now` (as [`Self::analytics`] by its id).
    fn analytics_by_ref(&self, r: &ConvRef, now: DateTime<Utc>) -> Option<AnalyticsConversation> {
        match r {
            ConvRef::Id(id) => self.analytics(id, now),
            ConvRef::Synthetic(_) => None,
        }
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
