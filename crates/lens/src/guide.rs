//! "Which API when": from what the user is trying to do to the call that does it, correcting the
//! tutorial's misconceptions where they come up (reference/api-facts.md §2, §5, §6, §7).

use serde::Serialize;

use crate::source::{Claim, Source};
use crate::sources;

/// What the user is trying to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Goal {
    /// See who is on a conversation right now, its state, holds.
    LiveState,
    /// Act on a conversation (transfer, hold, disconnect, wrap up).
    Control,
    /// Be told when something changes, without polling.
    WatchLive,
    /// Everything about one past (or current) conversation, with metrics.
    OnePast,
    /// Several known conversation IDs at once.
    SeveralKnownIds,
    /// Find conversations by criteria (queue, time, agent, media…).
    Many,
    /// Export or backfill large volumes.
    BulkBackfill,
    /// Totals and averages (AHT, counts per queue).
    Totals,
}

impl Goal {
    pub const ALL: [Self; 8] = [
        Self::LiveState,
        Self::Control,
        Self::WatchLive,
        Self::OnePast,
        Self::SeveralKnownIds,
        Self::Many,
        Self::BulkBackfill,
        Self::Totals,
    ];

    /// The question as the guide asks it.
    #[must_use]
    pub const fn question(self) -> &'static str {
        match self {
            Self::LiveState => "What is happening on this conversation right now?",
            Self::Control => "I want to act on a live conversation (transfer, hold, disconnect).",
            Self::WatchLive => "I want to be told when a conversation changes.",
            Self::OnePast => "I want everything about one conversation, including metrics.",
            Self::SeveralKnownIds => "I have a handful of conversation IDs.",
            Self::Many => "I want to find conversations by queue, agent, time, media…",
            Self::BulkBackfill => "I need to export or backfill lots of conversations.",
            Self::Totals => "I want totals and averages (handle time, counts).",
        }
    }
}

/// The tutorial this app grew from. Several of its facts are wrong; the app shows each one as a
/// [`MISCONCEPTION`] next to the fact, naming the tutorial (its text: `reference/seed/`).
pub const TUTORIAL_TITLE: &str = "Choosing between real-time conversations and analytics";

/// The heading a tutorial mistake is shown under.
pub const MISCONCEPTION: &str = "Common misconception";

/// How a misconception is introduced wherever it is shown, e.g. "Common misconception (from the
/// tutorial “Choosing between real-time conversations and analytics”)".
#[must_use]
pub fn misconception_heading() -> String {
    format!("{MISCONCEPTION} (from the tutorial “{TUTORIAL_TITLE}”)")
}

/// A tutorial claim and what is true instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Misconception {
    pub claim: &'static str,
    pub truth: &'static str,
    pub source: Source,
}

/// The answer for one goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub goal: Goal,
    pub question: &'static str,
    /// Which API family.
    pub api: &'static str,
    /// Endpoints (method + path), most relevant first.
    pub endpoints: Vec<&'static str>,
    /// SDK method names (Python), if any.
    pub sdk_methods: Vec<&'static str>,
    /// Why this one, with sources.
    pub why: Vec<Claim>,
    /// Things to watch out for.
    pub caveats: Vec<Claim>,
    /// The tutorial's mistake this answer corrects, if any.
    pub corrects: Option<Misconception>,
    /// False for goals this app does not demonstrate (aggregates).
    pub in_this_app: bool,
}

/// The tutorial's misconceptions (reference/api-facts.md §5), for the guide and the field map.
#[must_use]
pub fn misconceptions() -> Vec<Misconception> {
    vec![
        Misconception {
            claim: "You cannot ask analytics for one ID without a time range.",
            truth: "GET /api/v2/analytics/conversations/{conversationId}/details and GET …/details?id=… take no interval; only the POST query needs one.",
            source: sources::ANALYTICS_BY_ID,
        },
        Misconception {
            claim: "The query response has `entities` with `state`, `duration_seconds`, `answered_time`.",
            truth: "It has `conversations`, `totalHits`, `aggregations`. No state (absence of `conversationEnd`), durations are millisecond session metrics (`tTalk`, `tHandle`), answered = `tAnswered`.",
            source: sources::QUERY_RESPONSE,
        },
        Misconception {
            claim: "A Conversation has `type`, `created_time` and a `state` like connected/ringing/ended.",
            truth: "It has `startTime`/`endTime`; media type comes from the participants' media arrays; `state` is never present when reading — state is per communication.",
            source: sources::CONVERSATION_MODEL,
        },
        Misconception {
            claim: "Build the query with `ConversationDetailQueryRequest(filter=…, size=…, select=[…])`.",
            truth: "`ConversationQuery()` with `interval`, `conversation_filters` (dimension `conversationId`) and `paging = PagingSpec(page_size, page_number)`; there is no `select`.",
            source: sources::CONVERSATION_QUERY,
        },
        Misconception {
            claim: "Scopes `conversation:read` and `analytics:conversation:view` give a client-credentials client access.",
            truth: "Those scope names are invented. Client-credentials clients get access from roles (permissions `conversation:communication:view`; `analytics:conversationDetail:view` or `analytics:agentConversationDetail:view`), not scopes.",
            source: sources::ROLES_NOT_SCOPES,
        },
        Misconception {
            claim: "Analytics data takes 15–60 minutes to appear.",
            truth: "Conversation details are available right after the conversation starts, including in-progress ones; some fields (wrap-up) fill in later. Async jobs (datalake) can be up to 24 h old.",
            source: sources::ANALYTICS_NEAR_REAL_TIME,
        },
        Misconception {
            claim: "`pip install genesys-cloud-python-sdk`, `import purecloud_platform_client`.",
            truth: "`pip install PureCloudPlatformClientV2`, `import PureCloudPlatformClientV2`; JavaScript: `purecloud-platform-client-v2`.",
            source: sources::TUTORIAL_VS_REALITY,
        },
    ]
}

fn find(claim_start: &str) -> Option<Misconception> {
    misconceptions()
        .into_iter()
        .find(|m| m.claim.starts_with(claim_start))
}

/// The recommendation for `goal`.
#[must_use]
pub fn recommend(goal: Goal) -> Recommendation {
    let question = goal.question();
    match goal {
        Goal::LiveState => Recommendation {
            goal,
            question,
            api: "Conversations API",
            endpoints: vec!["GET /api/v2/conversations/{conversationId}"],
            sdk_methods: vec!["ConversationsApi.get_conversation"],
            why: vec![
                Claim::new(
                    "It is the live source: participants and each communication's current state, hold, recording.",
                    sources::ANALYTICS_NEAR_REAL_TIME,
                ),
                Claim::new(
                    "Needs `conversation:communication:view`.",
                    sources::CONVERSATIONS_GET,
                ),
            ],
            caveats: vec![
                Claim::new(
                    "There is no conversation-level state on reads: live = no `endTime`; look at each communication's `state`.",
                    sources::STATE_ENUMS,
                ),
                Claim::new(
                    "Ended conversations are served only for a while (how long is UNVERIFIED).",
                    sources::REALTIME_RETENTION,
                ),
            ],
            corrects: find("A Conversation has"),
            in_this_app: true,
        },
        Goal::Control => Recommendation {
            goal,
            question,
            api: "Conversations API",
            endpoints: vec![
                "PATCH /api/v2/conversations/{conversationId} (e.g. `state: disconnected`)",
            ],
            sdk_methods: vec![],
            why: vec![Claim::new(
                "Only the Conversations API changes a conversation; `Conversation.state` exists for PATCH (`disconnected`).",
                sources::CONVERSATION_MODEL,
            )],
            caveats: vec![Claim::new(
                "This app is read-only: it never changes conversations.",
                sources::CONVERSATIONS_GET,
            )],
            corrects: None,
            in_this_app: false,
        },
        Goal::WatchLive => Recommendation {
            goal,
            question,
            api: "Notifications API (WebSocket) + Conversations API",
            endpoints: vec![
                "POST /api/v2/notifications/channels",
                "POST /api/v2/notifications/channels/{channelId}/subscriptions",
            ],
            sdk_methods: vec![
                "NotificationsApi.post_notifications_channels",
                "NotificationsApi.post_notifications_channel_subscriptions",
            ],
            why: vec![Claim::new(
                "Subscribe to `v2.users.{userId}.conversations` or `v2.routing.queues.{queueId}.conversations` and filter by `eventBody.id`, or to `v2.analytics.conversation.{id}.metrics`. There is no plain `v2.conversations.{id}` topic.",
                sources::NOTIFICATIONS,
            )],
            caveats: vec![
                Claim::new(
                    "WebSockets have no delivery guarantee: after a reconnect, back-fill from the REST/analytics APIs.",
                    sources::NOTIFICATIONS,
                ),
                Claim::new(
                    "At most 20 channels per app and user, and a channel expires: open a new one when Genesys sends v2.system.socket_closing.",
                    sources::NOTIFICATIONS,
                ),
            ],
            corrects: None,
            in_this_app: true,
        },
        Goal::OnePast => Recommendation {
            goal,
            question,
            api: "Analytics conversation details (by id)",
            endpoints: vec!["GET /api/v2/analytics/conversations/{conversationId}/details"],
            sdk_methods: vec!["AnalyticsApi.get_analytics_conversation_details"],
            why: vec![
                Claim::new(
                    "One request, no interval, full participants → sessions → segments → metrics.",
                    sources::ANALYTICS_BY_ID,
                ),
                Claim::new(
                    "Kept for the contract lifetime (or the configured 90 days – 5 years).",
                    sources::ANALYTICS_RETENTION,
                ),
            ],
            caveats: vec![Claim::new(
                "Right after a call some fields (wrap-up) may still be missing; look again later.",
                sources::PAIN_LATE_DATA,
            )],
            corrects: find("You cannot ask analytics"),
            in_this_app: true,
        },
        Goal::SeveralKnownIds => Recommendation {
            goal,
            question,
            api: "Analytics conversation details (multi-get)",
            endpoints: vec!["GET /api/v2/analytics/conversations/details?id={id1},{id2}"],
            sdk_methods: vec!["AnalyticsApi.get_analytics_conversations_details"],
            why: vec![Claim::new(
                "Comma-separated ids, no interval; returns `{conversations: [...]}`.",
                sources::ANALYTICS_ENDPOINTS,
            )],
            caveats: vec![],
            corrects: None,
            in_this_app: true,
        },
        Goal::Many => Recommendation {
            goal,
            question,
            api: "Analytics conversation details query",
            endpoints: vec!["POST /api/v2/analytics/conversations/details/query"],
            sdk_methods: vec!["AnalyticsApi.post_analytics_conversations_details_query"],
            why: vec![Claim::new(
                "Filter by conversation and segment dimensions within an `interval`; page with `paging`.",
                sources::CONVERSATION_QUERY,
            )],
            caveats: vec![
                Claim::new(
                    "`interval` matches the day the conversation started; at most 7 days without a filter, 31 with one.",
                    sources::PAIN_INTERVAL,
                ),
                Claim::new(
                    "Queue, user, direction and ani are segment dimensions: put them in `segmentFilters`. What happens when they sit in `conversationFilters` is not documented; a community project found them silently ignored (UNVERIFIED).",
                    sources::PAIN_FILTER_LEVEL,
                ),
                Claim::new(
                    "`totalHits` moves and pages shift on live intervals: add a `conversationEnd` filter and end the interval before now.",
                    sources::PAIN_PAGING,
                ),
                Claim::new(
                    "At most 10,000 records per query and interval starts up to 35 days back (2020 tutorial statements; re-verify); default page size 25.",
                    sources::QUERY_LIMITS,
                ),
            ],
            corrects: find("The query response has"),
            in_this_app: true,
        },
        Goal::BulkBackfill => Recommendation {
            goal,
            question,
            api: "Analytics conversation details jobs (async)",
            endpoints: vec![
                "POST /api/v2/analytics/conversations/details/jobs",
                "GET /api/v2/analytics/conversations/details/jobs/{jobId}",
                "GET /api/v2/analytics/conversations/details/jobs/{jobId}/results?cursor=…",
                "GET /api/v2/analytics/conversations/details/jobs/availability",
            ],
            sdk_methods: vec![
                "AnalyticsApi.post_analytics_conversations_details_jobs",
                "AnalyticsApi.get_analytics_conversations_details_job",
                "AnalyticsApi.get_analytics_conversations_details_job_results",
            ],
            why: vec![Claim::new(
                "Jobs handle large intervals; results include participant attributes; page with `cursor`.",
                sources::ASYNC_JOBS,
            )],
            caveats: vec![Claim::new(
                "The datalake can be up to 24 hours behind: check `dataAvailabilityDate` and use the query or by-id GET for recent data.",
                sources::ASYNC_JOBS,
            )],
            corrects: find("Analytics data takes"),
            in_this_app: true,
        },
        Goal::Totals => Recommendation {
            goal,
            question,
            api: "Analytics conversation aggregates",
            endpoints: vec!["POST /api/v2/analytics/conversations/aggregates/query"],
            sdk_methods: vec![],
            why: vec![Claim::new(
                "Totals and averages come pre-computed from the aggregates API instead of summing details yourself; aggregates bucket by metric emit time, not conversation start.",
                sources::PAIN_METRICS,
            )],
            caveats: vec![Claim::new(
                "Not covered by this app: our reference only mentions the aggregates view (e.g. `tWait` exists only there); the endpoint path is UNVERIFIED here.",
                sources::AGGREGATES,
            )],
            corrects: None,
            in_this_app: false,
        },
    }
}

/// The goals worth suggesting first for what the lookup found: a live conversation points to the
/// real-time APIs, one only analytics still has points to the by-id GET.
#[must_use]
pub fn suggested(g: &crate::glance::Glance) -> Vec<Goal> {
    use crate::glance::Liveness;
    let live = g.realtime.as_ref().map(|r| r.liveness == Liveness::Live);
    match (live, g.analytics.is_some()) {
        (Some(true), _) => vec![Goal::LiveState, Goal::WatchLive, Goal::OnePast],
        (Some(false), _) => vec![Goal::OnePast, Goal::LiveState, Goal::Many],
        (None, true) => vec![Goal::OnePast, Goal::Many, Goal::BulkBackfill],
        (None, false) => vec![Goal::OnePast, Goal::LiveState],
    }
}

/// Where this app shows a goal in action: (tab label, `?tab=` slug), if a tab does.
#[must_use]
pub const fn app_tab(goal: Goal) -> Option<(&'static str, &'static str)> {
    match goal {
        Goal::WatchLive => Some(("Live events", "live")),
        Goal::Many => Some(("Query lab", "query")),
        _ => None,
    }
}

/// All recommendations, in guide order.
#[must_use]
pub fn all() -> Vec<Recommendation> {
    Goal::ALL.iter().map(|g| recommend(*g)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_goal_has_a_sourced_answer() {
        for r in all() {
            assert!(!r.endpoints.is_empty(), "{:?}", r.goal);
            assert!(!r.why.is_empty(), "{:?}", r.goal);
        }
    }

    #[test]
    fn one_past_conversation_needs_no_interval() {
        let r = recommend(Goal::OnePast);
        assert_eq!(
            r.endpoints,
            vec!["GET /api/v2/analytics/conversations/{conversationId}/details"]
        );
        assert!(
            r.corrects
                .is_some_and(|m| m.truth.contains("take no interval"))
        );
    }

    #[test]
    fn watching_live_has_no_per_conversation_topic() {
        let r = recommend(Goal::WatchLive);
        assert!(
            r.why[0]
                .text
                .contains("no plain `v2.conversations.{id}` topic")
        );
    }

    #[test]
    fn suggestions_follow_the_lookup() {
        use crate::glance::Glance;
        let none = Glance {
            realtime: None,
            analytics: None,
            disagreements: vec![],
        };
        assert_eq!(suggested(&none)[0], Goal::OnePast);
    }

    #[test]
    fn misconceptions_name_the_tutorial() {
        let h = misconception_heading();
        assert!(h.starts_with("Common misconception"));
        assert!(h.contains("Choosing between real-time conversations and analytics"));
    }

    #[test]
    fn filter_level_claims_do_not_contradict_each_other() {
        // The sources disagree ("silently ignored" vs "an empty result"), so no claim may state
        // either as fact or promise "never an error"; the outcome stays UNVERIFIED.
        let texts: Vec<String> = all()
            .into_iter()
            .flat_map(|r| r.why.into_iter().chain(r.caveats))
            .filter(|c| c.text.contains("segmentFilters"))
            .map(|c| c.text)
            .collect();
        assert!(!texts.is_empty());
        for t in texts {
            assert!(
                !t.contains("never an error") && !t.contains("match nothing"),
                "{t}"
            );
            assert!(t.contains("UNVERIFIED"), "{t}");
        }
    }

    #[test]
    fn being_told_of_changes_points_to_the_live_events_tab() {
        let r = recommend(Goal::WatchLive);
        assert!(r.in_this_app);
        assert_eq!(app_tab(Goal::WatchLive), Some(("Live events", "live")));
        assert!(r.caveats.iter().any(|c| c.text.contains("20 channels")));
    }

    #[test]
    fn totals_are_out_of_scope() {
        assert!(!recommend(Goal::Totals).in_this_app);
    }

    #[test]
    fn misconceptions_are_wired() {
        let wired = Goal::ALL
            .iter()
            .filter(|g| recommend(**g).corrects.is_some())
            .count();
        assert!(wired >= 4);
    }
}
