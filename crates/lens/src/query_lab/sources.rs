//! Citations used by the query lab and the freshness view (labels point into
//! `shared/genesys-reference`, hrefs to the public originals it was read from).

use crate::source::Source;

/// `ConversationQuery.interval` doc: "Results will only include conversations that started on a
/// day touched by the interval" (official SDK model).
pub const QUERY_INTERVAL_DOC: Source = Source::verified(
    "api-facts §2.2 — ConversationQuery.interval (official SDK model)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationQuery.md",
);

/// Developer Center "Interval" section: start-day matching on daily indexes, 7/31-day caps.
pub const DETAIL_QUERY_INTERVAL_HELP: Source = Source::verified(
    "user-pain-points 1 — Developer Center, analytics detail query, Interval",
    "https://developer.genesys.cloud/analyticsdatamanagement/analytics/detail/index",
);

/// 2020 tutorial statements: 7-day interval, 35 days back, 10,000 records. Not re-checked since.
pub const TUTORIAL_2020_LIMITS: Source = Source::unverified(
    "api-facts §2.6 — Genesys tutorial config (2020 statement; UNVERIFIED today)",
    "https://github.com/MyPureCloud/developercenter-tutorials/blob/HEAD/recordings-downloader/config.yml",
);

/// Allowed predicate dimensions per level (official SDK model enums).
pub const PREDICATE_DIMENSIONS: Source = Source::verified(
    "api-facts §2.2 — ConversationDetailQueryPredicate / SegmentDetailQueryPredicate enums",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationDetailQueryPredicate.md",
);

/// "were silently ignored" — predicates that had to move from conversation to segment filters.
pub const WRONG_LEVEL_IGNORED: Source = Source::verified(
    "user-pain-points 2 — genesys-mcp PR 7 (filters silently ignored at the wrong level)",
    "https://github.com/laggyzee/genesys-mcp/pull/7",
);

/// Maintainer blog: totalHits approximate, pages shift, end a minute ago, conversationEnd filter.
pub const PAGING_BEHAVIOR_BLOG: Source = Source::verified(
    "api-facts §2.3 — Genesys blog 2022-04-21, Analytics conversations API behavior",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);

/// Details are near-real-time; fields such as wrap-up may populate later (no official number).
pub const DETAILS_LATENCY: Source = Source::verified(
    "api-facts §6 — Genesys blogs 2021-09-03 and 2022-04-21 (details near real time)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);

/// Wrap-up and other data can arrive or change after the call.
pub const DATA_CAN_CHANGE: Source = Source::verified(
    "user-pain-points 4 — Genesys help FAQ \"Why can my data change\"",
    "https://help.mypurecloud.com/faqs/why-can-my-data-change",
);

/// Detail data retention: contract lifespan unless set; 90 days to 5 years.
pub const RETENTION_HELP: Source = Source::verified(
    "api-facts §6 — Genesys help 278459, retention period for analytics data",
    "https://help.mypurecloud.com/?p=278459",
);

/// `GET /api/v2/analytics/dataretention/settings`: `AnalyticsDataRetentionResponse`, permission
/// `analytics:dataRetention:view`.
pub const RETENTION_SETTINGS_API: Source = Source::verified(
    "api-facts §2.1 — AnalyticsApi get_analytics_dataretention_settings (official SDK docs)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsDataRetentionResponse.md",
);

/// Permissions of the details endpoints.
pub const DETAILS_PERMISSIONS: Source = Source::verified(
    "api-facts §2.1 — AnalyticsApi permissions (official SDK docs)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);

/// By-id GETs take no interval.
pub const BY_ID_NO_INTERVAL: Source = Source::verified(
    "api-facts §2.1 — GET /api/v2/analytics/conversations/{id}/details (no interval)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);

/// Async jobs: states, cursor, datalake up to 24 h old, dataAvailabilityDate.
pub const ASYNC_JOBS: Source = Source::verified(
    "api-facts §2.5 — AsyncQueryStatus / job results models; Genesys blog 2020-10-22",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2020-10-22-integrating-with-the-cloud",
);

/// The order in which a job moves through its states is not documented.
pub const ASYNC_JOB_ORDER_UNVERIFIED: Source = Source::unverified(
    "api-facts §2.5 — state names are official; their order is our reading (UNVERIFIED)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AsyncQueryStatus.md",
);

/// Rate limit per client-credentials token (forum statements quoting the limits page).
pub const RATE_LIMIT: Source = Source::unverified(
    "api-facts §4.2 — 300 requests/min per client-credentials token (forum quote of the limits page; verify)",
    "https://developer.genesys.cloud/forum/t/rate-limit-for-creating-email-conversations/15300",
);

/// Real-time state lives in the Conversations API; `endTime` marks an ended conversation.
pub const REALTIME_END: Source = Source::verified(
    "api-facts §1.1 — Conversation.endTime (official SDK model)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Conversation.md",
);

/// `conversationEnd` is absent while the conversation is active.
pub const ANALYTICS_END: Source = Source::verified(
    "api-facts §2.3 — conversationEnd absent while active",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsConversationWithoutAttributes.md",
);
