//! Whether the lookup shows the conversation ended on both APIs: then polling can only confirm
//! that analytics has settled, and the Freshness tab says so before the user starts it.

use model::analytics::AnalyticsConversationWithoutAttributes;
use model::conversations::Conversation;

/// True when the Conversations API has an `endTime` and analytics a `conversationEnd`.
#[must_use]
pub fn on_both(
    realtime: Option<&Conversation>,
    analytics: Option<&AnalyticsConversationWithoutAttributes>,
) -> bool {
    realtime.is_some_and(|c| c.end_time.is_some())
        && analytics.is_some_and(|a| a.conversation_end.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rt(v: serde_json::Value) -> Conversation {
        serde_json::from_value(v).unwrap_or_default()
    }

    fn an(v: serde_json::Value) -> AnalyticsConversationWithoutAttributes {
        serde_json::from_value(v).unwrap_or_default()
    }

    #[test]
    fn ended_only_when_both_sides_say_so() {
        let end = "2026-05-12T14:07:15.300Z";
        let r_end = rt(json!({"id": "c", "endTime": end}));
        let r_live = rt(json!({"id": "c"}));
        let a_end = an(json!({"conversationId": "c", "conversationEnd": end}));
        let a_live = an(json!({"conversationId": "c"}));
        assert!(on_both(Some(&r_end), Some(&a_end)));
        assert!(!on_both(Some(&r_live), Some(&a_end)));
        assert!(!on_both(Some(&r_end), Some(&a_live)));
        assert!(
            !on_both(None, Some(&a_end)),
            "real-time missing (404) is not 'ended'"
        );
    }
}
