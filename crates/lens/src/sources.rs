//! The catalogue of citations the app shows next to its explanations.
//!
//! Labels name the section of our reference (`api-facts §…`, `pain point N`) plus the upstream tag
//! it was read from; links point at the public upstream document (GitHub `blob/HEAD` so the link
//! follows the default branch). Anything the reference marks UNVERIFIED uses
//! [`Source::unverified`], and the UI must show it as such.

use crate::source::Source;

// ---- Conversations API (api-facts §1) ------------------------------------------------------

/// `GET /api/v2/conversations/{id}`, its permission and SDK method.
pub const CONVERSATIONS_GET: Source = Source::verified(
    "api-facts §1 · [PY-docs] ConversationsApi.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationsApi.md",
);
/// The `Conversation` model: fields that exist, `state` never present on reads, no `type`.
pub const CONVERSATION_MODEL: Source = Source::verified(
    "api-facts §1.1 · [PY-models] Conversation.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Conversation.md",
);
/// The `Participant` model (no state of its own, purpose is a free string).
pub const PARTICIPANT_MODEL: Source = Source::verified(
    "api-facts §1.2 · [PY-models] Participant.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Participant.md",
);
/// The `Wrapup` model (`durationSeconds` is ACW length in seconds).
pub const WRAPUP_MODEL: Source = Source::verified(
    "api-facts §1.2 · [PY-models] Wrapup.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Wrapup.md",
);
/// The `Call` communication: state enum, dotted disconnect types, timestamps.
pub const CALL_MODEL: Source = Source::verified(
    "api-facts §1.3 · [PY-models] Call.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Call.md",
);
/// State enumerations: no participant state, per-communication state, write-only conversation state.
pub const STATE_ENUMS: Source = Source::verified(
    "api-facts §1.4 · [PY-models] conversation.py, call.py",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Conversation.md",
);

// ---- Analytics (api-facts §2) --------------------------------------------------------------

/// The analytics endpoints, their SDK methods and permissions.
pub const ANALYTICS_ENDPOINTS: Source = Source::verified(
    "api-facts §2.1 · [PY-docs] AnalyticsApi.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);
/// The by-id GET needs no interval.
pub const ANALYTICS_BY_ID: Source = Source::verified(
    "api-facts §2.1 · [PY-docs] AnalyticsApi.md get_analytics_conversation_details",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);
/// `ConversationQuery`: interval required, filters, paging (default 25), no `select`.
pub const CONVERSATION_QUERY: Source = Source::verified(
    "api-facts §2.2 · [PY-models] ConversationQuery.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationQuery.md",
);
/// The query response: `conversations`, `totalHits`, `aggregations`; no `entities`.
pub const QUERY_RESPONSE: Source = Source::verified(
    "api-facts §2.3 · [PY-models] AnalyticsConversationQueryResponse",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsConversationQueryResponse.md",
);
/// Analytics conversation/participant/session/segment models, segment types, camelCase disconnect types.
pub const ANALYTICS_MODEL: Source = Source::verified(
    "api-facts §2.3 · [PY-models] AnalyticsConversationWithoutAttributes, AnalyticsSession, AnalyticsConversationSegment",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsSession.md",
);
/// Session metrics: `{name, value, emitDate}`, `t*` in milliseconds, the blueprint sample.
pub const SESSION_METRICS: Source = Source::verified(
    "api-facts §2.3 · [BP-SQL] conversation1.json",
    "https://github.com/GenesysCloudBlueprints/conversation-model-to-sql-blueprint/blob/HEAD/conversations/conversation1.json",
);
/// The metric names allowed in conversation predicates (the catalogue of detail metrics).
pub const METRIC_NAMES: Source = Source::verified(
    "api-facts §2.2 · [PY-models] conversation_detail_query_predicate.py",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationDetailQueryPredicate.md",
);
/// Async jobs: 202 + jobId, datalake up to 24 h old, cursor paging.
pub const ASYNC_JOBS: Source = Source::verified(
    "api-facts §2.5 · [BLOG 2020-10-22] integrating-with-the-cloud",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2020-10-22-integrating-with-the-cloud",
);
/// Limits of the synchronous query (7 days, 35 days back, 10,000 records) — 2020 statements that
/// api-facts says to re-check, so the UI flags them like the query lab's `TUTORIAL_2020_LIMITS`.
pub const QUERY_LIMITS: Source = Source::unverified(
    "api-facts §2.6 · [TUT] recordings-downloader/config.yml (2020 statement; re-verify)",
    "https://github.com/MyPureCloud/developercenter-tutorials/blob/HEAD/recordings-downloader/config.yml",
);
/// Maintainer notes on the details query: totalHits moves, pages shift, exclude ongoing conversations.
pub const QUERY_BEHAVIOUR: Source = Source::verified(
    "api-facts §2.3 · [BLOG 2022-04-21] Analytics conversations API behavior",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);

// ---- OAuth, errors, limits (api-facts §3, §4) ----------------------------------------------

/// Client credentials: roles and divisions apply, scopes do not.
pub const ROLES_NOT_SCOPES: Source = Source::verified(
    "api-facts §3.1 · [PY-docs] OAuthClientRequest.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/OAuthClientRequest.md",
);
/// The client-credentials token request and its lifetime.
pub const CLIENT_CREDENTIALS: Source = Source::verified(
    "api-facts §3.1 · [PY] api_client.py, [PY-docs] OAuthClient.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/OAuthClient.md",
);
/// OAuth scope names for these endpoints are not in any stored SDK artefact.
pub const SCOPE_NAMES: Source = Source::unverified(
    "api-facts §1, §2.1 (scope names UNVERIFIED)",
    "https://help.mypurecloud.com/articles/permissions-and-scopes-in-the-public-api",
);
/// Region hosts (`api.<domain>`, `login.<domain>`).
pub const REGIONS: Source = Source::verified(
    "api-facts §3.3 · [PY] purecloud_region_hosts.py, [JS] PureCloudRegionHosts.js",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/PureCloudPlatformClientV2/purecloud_region_hosts.py",
);
/// `ErrorBody` shape and the error codes declared per endpoint.
pub const ERROR_CODES: Source = Source::verified(
    "api-facts §4.1 · [PY-models] ErrorBody, [SWAGGER-2018] x-inin-error-codes",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ErrorBody.md",
);
/// 429 + `Retry-After`; SDKs don't retry by default.
pub const RATE_LIMITS: Source = Source::verified(
    "api-facts §4.2 · [GO README], [PY] api_client.py",
    "https://github.com/MyPureCloud/platform-client-sdk-go/blob/HEAD/build/README.md",
);
/// 300 requests/min per client-credentials token (forum quotes of the limits page).
pub const RATE_LIMIT_VALUE: Source = Source::unverified(
    "api-facts §4.2 · [COMM api-limits], [DEVFORUM 15300] (forum; verify)",
    "https://developer.genesys.cloud/forum/t/rate-limit-for-creating-email-conversations/15300",
);

// ---- Seed tutorial, latency, retention, notifications (api-facts §5–§7) --------------------

/// The seed tutorial's claims and the correct minimal Python.
pub const TUTORIAL_VS_REALITY: Source = Source::verified(
    "api-facts §5 · [PY] README, [PY-models]",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/README.md",
);
/// The JavaScript SDK (package, ApiClient, browser restrictions).
pub const JS_SDK: Source = Source::verified(
    "api-facts §3.2, §5 · [JS] README.md, ApiClient.js",
    "https://github.com/MyPureCloud/platform-client-sdk-javascript/blob/HEAD/README.md",
);
/// The `gc` CLI command spellings are generated; our spellings are not confirmed by the reference.
pub const CLI_COMMANDS: Source = Source::unverified(
    "[CLI] platform-client-sdk-cli generated commands (spelling UNVERIFIED)",
    "https://github.com/MyPureCloud/platform-client-sdk-cli",
);
/// Details are near-real-time, including in-progress conversations.
pub const ANALYTICS_NEAR_REAL_TIME: Source = Source::verified(
    "api-facts §6 · [BLOG 2021-09-03], [BLOG 2022-04-21]",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);
/// How late wrap-up and other fields populate: no official number.
pub const ANALYTICS_LAG: Source = Source::unverified(
    "api-facts §6 (lag duration UNVERIFIED) · pain point 4 [P5][P7]",
    "https://developer.genesys.cloud/forum/t/problem-absence-of-information-recovering-conversations-info/1611",
);
/// Analytics detail data retention (contract lifetime, or 90 days–5 years when configured).
pub const ANALYTICS_RETENTION: Source = Source::verified(
    "api-facts §6 · [HELP 278459] Retention period for analytics data",
    "https://help.mypurecloud.com/?p=278459",
);
/// How long the Conversations API serves ended conversations: not found in any source.
pub const REALTIME_RETENTION: Source = Source::unverified(
    "api-facts §6 · pain point 7 (real-time retention UNVERIFIED)",
    "https://developer.genesys.cloud/forum/t/conversation-id-expiration/15561",
);
/// Notification topics for watching conversations; there is no `v2.conversations.{id}` topic.
pub const NOTIFICATIONS: Source = Source::verified(
    "api-facts §7 · [PY] notificationMappings.json, NotificationsApi.md",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/NotificationsApi.md",
);

// ---- User pain points ---------------------------------------------------------------------

/// 1: interval rules (day of conversation start, 7-day cap).
pub const PAIN_INTERVAL: Source = Source::verified(
    "pain point 1 · [P1] Analytics detail docs, Interval",
    "https://developer.genesys.cloud/analyticsdatamanagement/analytics/detail/index",
);
/// 2: filters at the wrong level are silently ignored.
pub const PAIN_FILTER_LEVEL: Source = Source::verified(
    "pain point 2 · [P2] genesys-mcp PR 7",
    "https://github.com/laggyzee/genesys-mcp/pull/7",
);
/// 3: moving totals and duplicates while paging.
pub const PAIN_PAGING: Source = Source::verified(
    "pain point 3 · [P4] BLOG 2022-04-21",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);
/// 4: analytics data arrives late or changes afterwards.
pub const PAIN_LATE_DATA: Source = Source::verified(
    "pain point 4 · [P5] forum 1611, [P6] why-can-my-data-change",
    "https://help.mypurecloud.com/faqs/why-can-my-data-change",
);
/// 5: conversation → participants → sessions → segments.
pub const PAIN_DATA_MODEL: Source = Source::verified(
    "pain point 5 · [P9] forum 13178, [P11] forum 16758",
    "https://developer.genesys.cloud/forum/t/analytics-conversation-participants-sessions-segments/13178",
);
/// 6: participantId vs userId.
pub const PAIN_IDS: Source = Source::verified(
    "pain point 6 · [P13] forum 10258",
    "https://developer.genesys.cloud/forum/t/api-v2-analytics-conversations-details-jobs-jobid-results-participantid-and-userid/10258",
);
/// 7: no top-level state; lifetime of a conversation in the Conversations API.
pub const PAIN_STATE: Source = Source::verified(
    "pain point 7 · [P14] forum 15561",
    "https://developer.genesys.cloud/forum/t/conversation-id-expiration/15561",
);
/// 8: permissions vs scopes, divisions, 403.
pub const PAIN_PERMISSIONS: Source = Source::verified(
    "pain point 8 · [S7] CLI commands, [S12] copilot inspector",
    "https://github.com/MyPureCloud/platform-client-sdk-cli",
);
/// 9: 429, Retry-After, never retry 400/401/403/404.
pub const PAIN_RATE_LIMITS: Source = Source::verified(
    "pain point 9 · [P3] practitioner playbook, [P15]",
    "https://developer.genesys.cloud/forum/t/rate-limit-for-creating-email-conversations/15300",
);
/// 10: metric meanings and emit timing.
pub const PAIN_METRICS: Source = Source::verified(
    "pain point 10 · [P16] forum 18235",
    "https://developer.genesys.cloud/forum/t/conversation-aggregates-api-call/18235",
);

/// The pairing of dotted Conversations-API disconnect types with camelCase analytics ones is our
/// reading of the two enums by name; no source states the mapping.
pub const DISCONNECT_PAIRING: Source = Source::unverified(
    "api-facts §1.3 + §2.3 (pairing by name, UNVERIFIED)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsConversationSegment.md",
);

/// Errors the companion server produces itself (`code` starting with `lens.`): our own behaviour,
/// documented in the app's README.
pub const COMPANION_SERVER: Source = Source::verified(
    "Conversation Lens server (this app; codes `lens.*`)",
    "#/about",
);

/// Every catalogue entry, for tests and for a "sources" page.
pub const ALL: &[Source] = &[
    CONVERSATIONS_GET,
    CONVERSATION_MODEL,
    PARTICIPANT_MODEL,
    WRAPUP_MODEL,
    CALL_MODEL,
    STATE_ENUMS,
    ANALYTICS_ENDPOINTS,
    ANALYTICS_BY_ID,
    CONVERSATION_QUERY,
    QUERY_RESPONSE,
    ANALYTICS_MODEL,
    SESSION_METRICS,
    METRIC_NAMES,
    ASYNC_JOBS,
    QUERY_LIMITS,
    QUERY_BEHAVIOUR,
    ROLES_NOT_SCOPES,
    CLIENT_CREDENTIALS,
    SCOPE_NAMES,
    REGIONS,
    ERROR_CODES,
    RATE_LIMITS,
    RATE_LIMIT_VALUE,
    TUTORIAL_VS_REALITY,
    JS_SDK,
    CLI_COMMANDS,
    ANALYTICS_NEAR_REAL_TIME,
    ANALYTICS_LAG,
    ANALYTICS_RETENTION,
    REALTIME_RETENTION,
    NOTIFICATIONS,
    PAIN_INTERVAL,
    PAIN_FILTER_LEVEL,
    PAIN_PAGING,
    PAIN_LATE_DATA,
    PAIN_DATA_MODEL,
    PAIN_IDS,
    PAIN_STATE,
    PAIN_PERMISSIONS,
    PAIN_RATE_LIMITS,
    PAIN_METRICS,
    DISCONNECT_PAIRING,
    COMPANION_SERVER,
];

#[cfg(test)]
mod tests {
    use super::*;

    const PY_DOCS: &str =
        "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/";
    const BLOG: &str = "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/";

    #[test]
    fn every_source_has_a_label_and_a_public_link() {
        for s in ALL {
            assert!(!s.label.is_empty());
            // `#/…` = a page of this app (our own behaviour, e.g. the companion server's errors).
            assert!(
                s.href.starts_with("https://") || s.href.starts_with("#/"),
                "{} has no public link",
                s.label
            );
            assert!(
                !s.href.contains("/work/"),
                "{} links to a local file",
                s.label
            );
        }
    }

    #[test]
    fn unverified_labels_say_so() {
        for s in ALL.iter().filter(|s| !s.verified) {
            let l = s.label.to_ascii_lowercase();
            assert!(
                l.contains("unverified") || l.contains("verify"),
                "{} is unverified but does not say so",
                s.label
            );
        }
    }

    #[test]
    fn doc_prefixes_are_used() {
        assert!(CONVERSATIONS_GET.href.starts_with(PY_DOCS));
        assert!(QUERY_BEHAVIOUR.href.starts_with(BLOG));
    }
}
