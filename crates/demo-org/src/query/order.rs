//! `order` (asc default, desc, unordered) and `orderBy` (conversationStart default,
//! conversationEnd, segmentStart, segmentEnd) — reference/api-facts.md §2.2.

use crate::errors::ApiError;
use chrono::{DateTime, Utc};
use model::analytics::{AnalyticsConversation, Order, OrderBy};

/// A validated sort request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub desc: bool,
    pub by: SortKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    ConversationStart,
    ConversationEnd,
    SegmentStart,
    SegmentEnd,
}

impl Sort {
    /// # Errors
    /// 400 `invalid.value` for values outside the enums.
    pub fn parse(order: Option<&Order>, order_by: Option<&OrderBy>) -> Result<Self, ApiError> {
        let desc = match order {
            None | Some(Order::Asc | Order::Unordered) => false,
            Some(Order::Desc) => true,
            Some(Order::Other(v)) => return Err(ApiError::invalid_value(v, "order", Order::KNOWN)),
        };
        let by = match order_by {
            None | Some(OrderBy::ConversationStart) => SortKey::ConversationStart,
            Some(OrderBy::ConversationEnd) => SortKey::ConversationEnd,
            Some(OrderBy::SegmentStart) => SortKey::SegmentStart,
            Some(OrderBy::SegmentEnd) => SortKey::SegmentEnd,
            Some(OrderBy::Other(v)) => {
                return Err(ApiError::invalid_value(v, "orderBy", OrderBy::KNOWN));
            }
        };
        Ok(Self { desc, by })
    }

    /// The sort key of a conversation (`None` sorts after every value, e.g. an open conversation
    /// by conversationEnd).
    #[must_use]
    pub fn key(&self, c: &AnalyticsConversation) -> Option<DateTime<Utc>> {
        let segs = || {
            c.participants
                .iter()
                .flatten()
                .flat_map(|p| p.sessions.iter().flatten())
                .flat_map(|s| s.segments.iter().flatten())
        };
        match self.by {
            SortKey::ConversationStart => c.conversation_start,
            SortKey::ConversationEnd => c.conversation_end,
            SortKey::SegmentStart => segs().filter_map(|g| g.segment_start).min(),
            SortKey::SegmentEnd => segs().filter_map(|g| g.segment_end).max(),
        }
    }

    /// Sort `(key, id, item)` triples; ties broken by conversation id so pages are stable.
    pub fn sort<T>(&self, items: &mut [(Option<DateTime<Utc>>, String, T)]) {
        items.sort_by(|a, b| {
            let ord = match (&a.0, &b.0) {
                (Some(x), Some(y)) => {
                    if self.desc {
                        y.cmp(x)
                    } else {
                        x.cmp(y)
                    }
                }
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            ord.then_with(|| a.1.cmp(&b.1))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desc_and_missing_keys_last() {
        let t = |s: &str| model::time::from_wire(s).ok();
        let mut v = vec![
            (t("2026-05-12T10:00:00Z"), "a".to_owned(), ()),
            (None, "z".to_owned(), ()),
            (t("2026-05-12T11:00:00Z"), "b".to_owned(), ()),
        ];
        let s = Sort::parse(Some(&Order::Desc), None).unwrap_or_else(|e| panic!("{e}"));
        s.sort(&mut v);
        assert_eq!(
            v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["b", "a", "z"]
        );
        let s =
            Sort::parse(None, Some(&OrderBy::ConversationEnd)).unwrap_or_else(|e| panic!("{e}"));
        s.sort(&mut v);
        assert_eq!(
            v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["a", "b", "z"]
        );
        assert!(Sort::parse(Some(&Order::from_wire("sideways")), None).is_err());
    }
}
