//! Citations used by the query lab and the freshness view: a readable label naming the public page
//! and its link (see `crate::sources` for the rules). Section numbers in comments point into
//! `reference/api-facts.md` and `reference/user-pain-points.md`.

use crate::source::Source;

/// `ConversationQuery.interval` doc: "Results will only include conversations that started on a
/// day touched by the interval" (official SDK model).
pub const QUERY_INTERVAL_DOC: Source = Source::verified(
    "Python SDK model `ConversationQuery` (interval)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationQuery.md",
);

/// Developer Center "Interval" section: start-day matching on daily indexes, 7/31-day caps.
pub const DETAIL_QUERY_INTERVAL_HELP: Source = Source::verified(
    "Genesys Developer Center — Conversation detail query (Interval)",
    "https://developer.genesys.cloud/analyticsdatamanagement/analytics/detail/index",
);

/// 2020 tutorial statements: 7-day interval, 35 days back, 10,000 records. Not re-checked since.
pub const TUTORIAL_2020_LIMITS: Source = Source::unverified(
    "Genesys tutorial — recordings downloader settings (2020 limits)",
    "https://github.com/MyPureCloud/developercenter-tutorials/blob/HEAD/recordings-downloader/config.yml",
);

/// Allowed predicate dimensions per level (official SDK model enums).
pub const PREDICATE_DIMENSIONS: Source = Source::verified(
    "Python SDK model `ConversationDetailQueryPredicate` (dimensions)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationDetailQueryPredicate.md",
);

/// "were silently ignored" — predicates that had to move from conversation to segment filters. A
/// community project's observation, not Genesys documentation: UNVERIFIED.
pub const WRONG_LEVEL_IGNORED: Source = Source::unverified(
    "genesys-mcp pull request 7 — filters moved to segment level (community project)",
    "https://github.com/laggyzee/genesys-mcp/pull/7",
);

/// Maintainer blog: totalHits approximate, pages shift, end a minute ago, conversationEnd filter.
pub const PAGING_BEHAVIOR_BLOG: Source = Source::verified(
    "Genesys Developer Center blog — Analytics conversations API behavior (2022)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);

/// Details are near-real-time; fields such as wrap-up may populate later (no official number).
pub const DETAILS_LATENCY: Source = Source::verified(
    "Genesys Developer Center blog — Analytics conversations API behavior (2022)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);

/// Wrap-up and other data can arrive or change after the call.
pub const DATA_CAN_CHANGE: Source = Source::verified(
    "Genesys Cloud Resource Center — Why can my data change?",
    "https://help.mypurecloud.com/faqs/why-can-my-data-change",
);

/// Detail data retention: contract lifespan unless set; 90 days to 5 years.
pub const RETENTION_HELP: Source = Source::verified(
    "Genesys Cloud Resource Center — Retention period for analytics data",
    "https://help.mypurecloud.com/?p=278459",
);

/// `GET /api/v2/analytics/dataretention/settings`: `AnalyticsDataRetentionResponse`, permission
/// `analytics:dataRetention:view`.
pub const RETENTION_SETTINGS_API: Source = Source::verified(
    "Python SDK model `AnalyticsDataRetentionResponse`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsDataRetentionResponse.md",
);

/// Permissions of the details endpoints.
pub const DETAILS_PERMISSIONS: Source = Source::verified(
    "Python SDK reference — `AnalyticsApi` (permissions)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);

/// By-id GETs take no interval.
pub const BY_ID_NO_INTERVAL: Source = Source::verified(
    "Python SDK reference — `AnalyticsApi.get_analytics_conversation_details`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md#get_analytics_conversation_details",
);

/// Async jobs: states, cursor, datalake up to 24 h old, dataAvailabilityDate.
pub const ASYNC_JOBS: Source = Source::verified(
    "Genesys Developer Center blog — Integrating with the cloud (2020)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2020-10-22-integrating-with-the-cloud",
);

/// The order in which a job moves through its states is not documented.
pub const ASYNC_JOB_ORDER_UNVERIFIED: Source = Source::unverified(
    "Python SDK model `AsyncQueryStatus` (state names; their order is our reading)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AsyncQueryStatus.md",
);

/// Rate limit per client-credentials token (forum statements quoting the limits page).
pub const RATE_LIMIT: Source = Source::unverified(
    "Genesys developer forum — Rate limit for creating email conversations",
    "https://developer.genesys.cloud/forum/t/rate-limit-for-creating-email-conversations/15300",
);

/// Real-time state lives in the Conversations API; `endTime` marks an ended conversation.
pub const REALTIME_END: Source = Source::verified(
    "Python SDK model `Conversation` (endTime)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Conversation.md",
);

/// `conversationEnd` is absent while the conversation is active.
pub const ANALYTICS_END: Source = Source::verified(
    "Python SDK model `AnalyticsConversationWithoutAttributes`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsConversationWithoutAttributes.md",
);

/// Every citation of this module, for tests.
pub const ALL: &[Source] = &[
    QUERY_INTERVAL_DOC,
    DETAIL_QUERY_INTERVAL_HELP,
    TUTORIAL_2020_LIMITS,
    PREDICATE_DIMENSIONS,
    WRONG_LEVEL_IGNORED,
    PAGING_BEHAVIOR_BLOG,
    DETAILS_LATENCY,
    DATA_CAN_CHANGE,
    RETENTION_HELP,
    RETENTION_SETTINGS_API,
    DETAILS_PERMISSIONS,
    BY_ID_NO_INTERVAL,
    ASYNC_JOBS,
    ASYNC_JOB_ORDER_UNVERIFIED,
    RATE_LIMIT,
    REALTIME_END,
    ANALYTICS_END,
];
