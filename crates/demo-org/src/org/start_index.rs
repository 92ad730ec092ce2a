//! The org's start index: which conversations a details query's start-day window holds, in
//! result order, without building their analytics records. The synthetic records are already
//! sorted by start (a binary search finds a window); named scenarios and kept runs are few and
//! merged in. Only the conversations on the returned page are then built ([`Org::analytics_by_ref`]).

use super::Org;
use crate::synthetic::MAX_DURATION;
use crate::timeline::Conv;
use crate::view::ConvRef;
use chrono::{DateTime, Utc};
use model::analytics::AnalyticsConversation;
use std::borrow::Cow;

impl Org {
    /// Handles of the conversations whose start is in `[from, to)` and whose analytics record
    /// exists at `now` (the same set as [`Org::analytics_started_in`]), ordered by
    /// `(start, conversation id)`. With `ended_only`, only those whose record at `now` carries a
    /// `conversationEnd`.
    #[must_use]
    pub fn started_index(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
        ended_only: bool,
    ) -> Vec<(DateTime<Utc>, ConvRef)> {
        let vis = now - self.timing.lags.analytics;
        // Visible in analytics at `now`: reached it (start <= vis) and not aged out by retention.
        let visible = |start: DateTime<Utc>| {
            start <= vis
                && self
                    .timing
                    .analytics_retention
                    .is_none_or(|r| start >= now - r)
        };
        let ended = |c: &Conv| c.end() <= vis;
        let mut out: Vec<(DateTime<Utc>, ConvRef)> = self
            .named_where(|c| c.start() >= from && c.start() < to)
            .into_iter()
            .filter(|c| visible(c.start()) && (!ended_only || ended(c)))
            .map(|c| (c.start(), ConvRef::Id(c.id)))
            .collect();
        let synth = &self.synthetic;
        out.extend(synth.slots_started_in(from, to).filter_map(|slot| {
            let start = synth.start_of(slot)?;
            if !visible(start) {
                return None;
            }
            // Every synthetic conversation ends within MAX_DURATION of its start: only the last
            // few hours' need building to know whether analytics has recorded the end yet.
            if ended_only
                && start + MAX_DURATION > vis
                && !synth.at_slot(slot).is_some_and(|c| ended(&c))
            {
                return None;
            }
            Some((start, ConvRef::Synthetic(slot)))
        }));
        // Nearly sorted already (synthetic slots are in start order): ids are only worked out
        // for equal starts.
        out.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| self.ref_id(&a.1).cmp(&self.ref_id(&b.1)))
        });
        out
    }

    /// The analytics record behind a handle at `now` (the same as [`Org::analytics`] by id).
    #[must_use]
    pub fn analytics_by_ref(
        &self,
        r: &ConvRef,
        now: DateTime<Utc>,
    ) -> Option<AnalyticsConversation> {
        match r {
            ConvRef::Id(id) => self.analytics(id, now),
            ConvRef::Synthetic(slot) => self
                .synthetic
                .at_slot(*slot)
                .and_then(|c| self.timing.analytics_of(&c, now)),
        }
    }

    fn ref_id<'a>(&self, r: &'a ConvRef) -> Cow<'a, str> {
        match r {
            ConvRef::Id(id) => Cow::Borrowed(id),
            ConvRef::Synthetic(slot) => Cow::Owned(self.synthetic.id_of(*slot).unwrap_or_default()),
        }
    }
}
