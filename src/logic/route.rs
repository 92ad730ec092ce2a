//! URLs of the app. The conversation ID and the open tab live in the URL: `/c/{id}?tab={slug}`.

use super::side::Side;
use super::tab::Tab;

/// The app URL for a lookup of `id` with `tab` open. The first tab is left out of the URL so
/// that the shortest link is the canonical one.
#[must_use]
pub fn lookup_href(id: &str, tab: Tab) -> String {
    if tab == Tab::default() {
        format!("/c/{id}")
    } else {
        format!("/c/{id}?tab={}", tab.slug())
    }
}

/// Whether going to `next_id` adds a browser history entry or replaces the current one.
///
/// One entry per conversation: switching tabs (same ID) replaces the entry, so Back leaves the
/// conversation instead of stepping back through every tab that was opened.
#[must_use]
pub fn replaces_history(current_id: Option<&str>, next_id: &str) -> bool {
    current_id == Some(next_id)
}

/// Same-origin URL of `side`'s call for conversation `id` (through the companion server).
#[must_use]
pub fn api_path(side: Side, id: &str) -> String {
    match side {
        Side::Conversations => conversation_api_path(id),
        Side::Analytics => analytics_api_path(id),
    }
}

/// Same-origin URL of the Conversations API call (through the companion server).
#[must_use]
pub fn conversation_api_path(id: &str) -> String {
    format!("/api/v2/conversations/{id}")
}

/// Same-origin path of the Analytics details query (the query lab's run and paging walk).
pub const DETAILS_QUERY_PATH: &str = "/api/v2/analytics/conversations/details/query";

/// Same-origin path of the Analytics details jobs (the query lab's async job).
pub const DETAILS_JOBS_PATH: &str = "/api/v2/analytics/conversations/details/jobs";

/// Same-origin URL of the Analytics by-id details call (no interval needed).
#[must_use]
pub fn analytics_api_path(id: &str) -> String {
    format!("/api/v2/analytics/conversations/{id}/details")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_has_its_api_path() {
        let id = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
        assert_eq!(
            api_path(Side::Conversations, id),
            format!("/api/v2/conversations/{id}")
        );
        assert_eq!(
            api_path(Side::Analytics, id),
            format!("/api/v2/analytics/conversations/{id}/details")
        );
    }

    #[test]
    fn hrefs() {
        let id = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
        assert_eq!(lookup_href(id, Tab::Glance), format!("/c/{id}"));
        assert_eq!(
            lookup_href(id, Tab::Timeline),
            format!("/c/{id}?tab=timeline")
        );
        assert_eq!(
            conversation_api_path(id),
            format!("/api/v2/conversations/{id}")
        );
        assert_eq!(
            analytics_api_path(id),
            format!("/api/v2/analytics/conversations/{id}/details")
        );
    }

    #[test]
    fn tab_switches_replace_and_new_conversations_push() {
        let a = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
        let b = "11111111-2222-4333-8444-555555555555";
        assert!(replaces_history(Some(a), a), "a tab switch replaces");
        assert!(!replaces_history(Some(a), b), "another conversation pushes");
        assert!(!replaces_history(None, a), "the first lookup pushes");
    }
}
