//! The catalogue of citations the app shows next to its explanations.
//!
//! A label is what a reader sees: a short name of the **public page** the link opens ("Python SDK
//! model `Conversation`", "Genesys Cloud Resource Center — …"), never a code of our own notes.
//! Links point at the public document (GitHub `blob/HEAD` so a link follows the default branch).
//! Anything not confirmed by a source uses [`Source::unverified`] and the UI marks it UNVERIFIED.
//! The facts themselves, with the sources they were read from, are in `reference/api-facts.md`
//! and `reference/user-pain-points.md` (section numbers in comments below point there).

use crate::source::Source;

// ---- Conversations API (reference/api-facts.md §1) ------------------------------------------

/// `GET /api/v2/conversations/{id}`, its permission and SDK method.
pub const CONVERSATIONS_GET: Source = Source::verified(
    "Python SDK reference — `ConversationsApi.get_conversation`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationsApi.md#get_conversation",
);
/// The `Conversation` model: fields that exist, `state` never present on reads, no `type`.
pub const CONVERSATION_MODEL: Source = Source::verified(
    "Python SDK model `Conversation`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Conversation.md",
);
/// The `Participant` model (no state of its own, purpose is a free string).
pub const PARTICIPANT_MODEL: Source = Source::verified(
    "Python SDK model `Participant`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Participant.md",
);
/// The `Wrapup` model (`durationSeconds` is ACW length in seconds).
pub const WRAPUP_MODEL: Source = Source::verified(
    "Python SDK model `Wrapup`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Wrapup.md",
);
/// The `Call` communication: state enum, dotted disconnect types, timestamps.
pub const CALL_MODEL: Source = Source::verified(
    "Python SDK model `Call`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Call.md",
);
/// State enumerations: no participant state, per-communication state, write-only conversation state.
pub const STATE_ENUMS: Source = Source::verified(
    "Python SDK model `Conversation` (state is per communication)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Conversation.md",
);

// ---- Analytics (reference/api-facts.md §2) -------------------------------------------------

/// The analytics endpoints, their SDK methods and permissions.
pub const ANALYTICS_ENDPOINTS: Source = Source::verified(
    "Python SDK reference — `AnalyticsApi`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);
/// The by-id GET needs no interval.
pub const ANALYTICS_BY_ID: Source = Source::verified(
    "Python SDK reference — `AnalyticsApi.get_analytics_conversation_details`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md#get_analytics_conversation_details",
);
/// `ConversationQuery`: interval required, filters, paging (default 25), no `select`.
pub const CONVERSATION_QUERY: Source = Source::verified(
    "Python SDK model `ConversationQuery`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationQuery.md",
);
/// The query response: `conversations`, `totalHits`, `aggregations`; no `entities`.
pub const QUERY_RESPONSE: Source = Source::verified(
    "Python SDK model `AnalyticsConversationQueryResponse`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsConversationQueryResponse.md",
);
/// Analytics conversation/participant/session/segment models, segment types, camelCase disconnect types.
pub const ANALYTICS_MODEL: Source = Source::verified(
    "Python SDK model `AnalyticsSession`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsSession.md",
);
/// Session metrics: `{name, value, emitDate}`, `t*` in milliseconds, the blueprint sample.
pub const SESSION_METRICS: Source = Source::verified(
    "Genesys blueprint — Conversation model to SQL, sample conversation",
    "https://github.com/GenesysCloudBlueprints/conversation-model-to-sql-blueprint/blob/HEAD/conversations/conversation1.json",
);
/// The metric names allowed in conversation predicates (the catalogue of detail metrics).
pub const METRIC_NAMES: Source = Source::verified(
    "Python SDK model `ConversationDetailQueryPredicate` (metric names)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationDetailQueryPredicate.md",
);
/// Async jobs: 202 + jobId, datalake up to 24 h old, cursor paging.
pub const ASYNC_JOBS: Source = Source::verified(
    "Genesys Developer Center blog — Integrating with the cloud (2020)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2020-10-22-integrating-with-the-cloud",
);
/// Limits of the synchronous query (7 days, 35 days back, 10,000 records) — 2020 statements that
/// the reference says to re-check, so the UI flags them like the query lab's `TUTORIAL_2020_LIMITS`.
pub const QUERY_LIMITS: Source = Source::unverified(
    "Genesys tutorial — recordings downloader settings (2020 limits)",
    "https://github.com/MyPureCloud/developercenter-tutorials/blob/HEAD/recordings-downloader/config.yml",
);
/// Maintainer notes on the details query: totalHits moves, pages shift, exclude ongoing conversations.
pub const QUERY_BEHAVIOUR: Source = Source::verified(
    "Genesys Developer Center blog — Analytics conversations API behavior (2022)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);

// ---- OAuth, errors, limits (reference/api-facts.md §3, §4) ---------------------------------

/// Client credentials: roles and divisions apply, scopes do not.
pub const ROLES_NOT_SCOPES: Source = Source::verified(
    "Python SDK model `OAuthClientRequest`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/OAuthClientRequest.md",
);
/// The client-credentials token request and its lifetime.
pub const CLIENT_CREDENTIALS: Source = Source::verified(
    "Python SDK model `OAuthClient` (client-credentials token lifetime)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/OAuthClient.md",
);
/// OAuth scope names for these endpoints are not in any stored SDK artefact.
pub const SCOPE_NAMES: Source = Source::unverified(
    "Genesys Cloud Resource Center — Permissions and scopes in the Public API",
    "https://help.mypurecloud.com/articles/permissions-and-scopes-in-the-public-api",
);
/// Region hosts (`api.<domain>`, `login.<domain>`).
pub const REGIONS: Source = Source::verified(
    "Python SDK source — region hosts (`PureCloudRegionHosts`)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/PureCloudPlatformClientV2/purecloud_region_hosts.py",
);
/// `ErrorBody` shape and the error codes declared per endpoint.
pub const ERROR_CODES: Source = Source::verified(
    "Python SDK model `ErrorBody`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ErrorBody.md",
);
/// 429 + `Retry-After`; SDKs don't retry by default.
pub const RATE_LIMITS: Source = Source::verified(
    "Go SDK README — retries and `Retry-After`",
    "https://github.com/MyPureCloud/platform-client-sdk-go/blob/HEAD/build/README.md",
);
/// 300 requests/min per client-credentials token (forum quotes of the limits page).
pub const RATE_LIMIT_VALUE: Source = Source::unverified(
    "Genesys developer forum — Rate limit for creating email conversations",
    "https://developer.genesys.cloud/forum/t/rate-limit-for-creating-email-conversations/15300",
);

// ---- Seed tutorial, latency, retention, notifications (reference/api-facts.md §5–§7) -------

/// The seed tutorial's claims and the correct minimal Python.
pub const TUTORIAL_VS_REALITY: Source = Source::verified(
    "Python SDK README — installing and using `PureCloudPlatformClientV2`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/README.md",
);
/// The JavaScript SDK (package, ApiClient, browser restrictions).
pub const JS_SDK: Source = Source::verified(
    "JavaScript SDK README — `purecloud-platform-client-v2`",
    "https://github.com/MyPureCloud/platform-client-sdk-javascript/blob/HEAD/README.md",
);
/// The `gc` CLI: its generated command tree (`build/gc/cmd/…`) has `conversations get`,
/// `analytics conversations details get | list --id | query create | jobs create`.
pub const CLI_COMMANDS: Source = Source::verified(
    "Genesys Cloud CLI (`gc`) — generated commands",
    "https://github.com/MyPureCloud/platform-client-sdk-cli",
);
/// Details are near-real-time, including in-progress conversations.
pub const ANALYTICS_NEAR_REAL_TIME: Source = Source::verified(
    "Genesys Developer Center blog — Analytics conversations API behavior (2022)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);
/// How late wrap-up and other fields populate: no official number.
pub const ANALYTICS_LAG: Source = Source::unverified(
    "Genesys developer forum — Absence of information recovering conversation info",
    "https://developer.genesys.cloud/forum/t/problem-absence-of-information-recovering-conversations-info/1611",
);
/// Analytics detail data retention (contract lifetime, or 90 days–5 years when configured).
pub const ANALYTICS_RETENTION: Source = Source::verified(
    "Genesys Cloud Resource Center — Retention period for analytics data",
    "https://help.mypurecloud.com/?p=278459",
);
/// How long the Conversations API serves ended conversations: not found in any source.
pub const REALTIME_RETENTION: Source = Source::unverified(
    "Genesys developer forum — Conversation ID expiration",
    "https://developer.genesys.cloud/forum/t/conversation-id-expiration/15561",
);
/// Notification topics for watching conversations; there is no `v2.conversations.{id}` topic.
pub const NOTIFICATIONS: Source = Source::verified(
    "Python SDK reference — `NotificationsApi`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/NotificationsApi.md",
);

// ---- What users struggle with (reference/user-pain-points.md, numbered as there) -----------

/// 1: interval rules (day of conversation start, 7-day cap).
pub const PAIN_INTERVAL: Source = Source::verified(
    "Genesys Developer Center — Conversation detail query (Interval)",
    "https://developer.genesys.cloud/analyticsdatamanagement/analytics/detail/index",
);
/// 2: filters at the wrong level "were silently ignored" (a community project's observation;
/// practitioners' notes say "an empty result"): not documented by Genesys, so UNVERIFIED.
pub const PAIN_FILTER_LEVEL: Source = Source::unverified(
    "genesys-mcp pull request 7 — filters moved to segment level (community project)",
    "https://github.com/laggyzee/genesys-mcp/pull/7",
);
/// 3: moving totals and duplicates while paging.
pub const PAIN_PAGING: Source = Source::verified(
    "Genesys Developer Center blog — Analytics conversations API behavior (2022)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2022-04-21-Analytics-conversations-api-behavior",
);
/// 4: analytics data arrives late or changes afterwards.
pub const PAIN_LATE_DATA: Source = Source::verified(
    "Genesys Cloud Resource Center — Why can my data change?",
    "https://help.mypurecloud.com/faqs/why-can-my-data-change",
);
/// 5: conversation → participants → sessions → segments.
pub const PAIN_DATA_MODEL: Source = Source::verified(
    "Genesys developer forum — Analytics conversation participants, sessions, segments",
    "https://developer.genesys.cloud/forum/t/analytics-conversation-participants-sessions-segments/13178",
);
/// 6: participantId vs userId.
pub const PAIN_IDS: Source = Source::verified(
    "Genesys developer forum — participantId and userId in job results",
    "https://developer.genesys.cloud/forum/t/api-v2-analytics-conversations-details-jobs-jobid-results-participantid-and-userid/10258",
);
/// 7: no top-level state; lifetime of a conversation in the Conversations API.
pub const PAIN_STATE: Source = Source::verified(
    "Genesys developer forum — Conversation ID expiration",
    "https://developer.genesys.cloud/forum/t/conversation-id-expiration/15561",
);
/// 8: permissions vs scopes, divisions, 403.
pub const PAIN_PERMISSIONS: Source = Source::verified(
    "Genesys Cloud CLI (`gc`) — permissions listed per command",
    "https://github.com/MyPureCloud/platform-client-sdk-cli",
);
/// 9: 429, Retry-After, never retry 400/401/403/404 (practitioners' notes, not Genesys).
pub const PAIN_RATE_LIMITS: Source = Source::verified(
    "ConversationAnalyser API playbook — retry rules (practitioners' notes)",
    "https://github.com/xfaith4/ConversationAnalyser/blob/HEAD/skills/genesys-cloud-conversation-analysis/references/api-playbook.md",
);
/// 10: metric meanings and emit timing.
pub const PAIN_METRICS: Source = Source::verified(
    "Genesys developer forum — Conversation aggregates API call",
    "https://developer.genesys.cloud/forum/t/conversation-aggregates-api-call/18235",
);

// ---- Added for corrections ---------------------------------------------------------------

/// Handle time = talk + hold + after-call work + dialing + contacting (the last two on outbound).
pub const HANDLE_TIME: Source = Source::verified(
    "Genesys Cloud Resource Center — Glossary: handle time",
    "https://help.mypurecloud.com/glossary/handle-time/",
);
/// Browser apps log in with Authorization Code + PKCE (`loginPKCEGrant` in the JavaScript SDK).
pub const PKCE: Source = Source::verified(
    "JavaScript SDK README — `loginPKCEGrant` (Authorization Code with PKCE)",
    "https://github.com/MyPureCloud/platform-client-sdk-javascript/blob/HEAD/README.md",
);
/// Implicit grant retirement: no new implicit clients from March 2026, stops working by March 2027
/// (a Genesys community answer; reference/api-facts.md §3.2).
pub const IMPLICIT_RETIREMENT: Source = Source::verified(
    "Genesys Community — Migrating from implicit grant",
    "https://community.genesys.com/discussion/migrating-from-implicit-grant-can-we-use-authorization-code-grant-instead-of-pkce",
);
/// The aggregates API is outside our reference (only `ConversationAggregationView` is mentioned).
pub const AGGREGATES: Source = Source::unverified(
    "Python SDK reference — `AnalyticsApi` (aggregates not checked here)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsApi.md",
);
/// Communication id = analytics session id, participant id = participant id: what the constructed
/// examples show (reference/api-facts.md §1.6, §2.4); no source states it.
pub const SAME_IDS: Source = Source::unverified(
    "Python SDK model `AnalyticsSession` (id equality is our reading)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsSession.md",
);
/// A metric whose name is in the predicate catalogue but whose meaning no source states.
pub const METRIC_MEANING_UNVERIFIED: Source = Source::unverified(
    "Python SDK model `ConversationDetailQueryPredicate` (name only; meaning not documented there)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationDetailQueryPredicate.md",
);
/// The query interval is written in UTC (`…Z`); whether the "day" it matches is a UTC day is not
/// stated by any source (reference/user-pain-points.md 1 says "daily indexes").
pub const UTC_DAYS: Source = Source::unverified(
    "Genesys Developer Center — Conversation detail query (Interval; day boundaries not stated)",
    "https://developer.genesys.cloud/analyticsdatamanagement/analytics/detail/index",
);

/// The pairing of dotted Conversations-API disconnect types with camelCase analytics ones is our
/// reading of the two enums by name; no source states the mapping.
pub const DISCONNECT_PAIRING: Source = Source::unverified(
    "Python SDK model `AnalyticsConversationSegment` (disconnect types)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/AnalyticsConversationSegment.md",
);

/// Errors the companion server produces itself (`code` starting with `lens.`): our own behaviour,
/// explained on the app's `/about` page (from [`crate::companion`]).
pub const COMPANION_SERVER: Source =
    Source::verified("Conversation Lens companion server (this app)", "/about");

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
    HANDLE_TIME,
    PKCE,
    IMPLICIT_RETIREMENT,
    AGGREGATES,
    SAME_IDS,
    METRIC_MEANING_UNVERIFIED,
    UTC_DAYS,
    DISCONNECT_PAIRING,
    COMPANION_SERVER,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{APP_PAGES, internal_code};

    const PY_DOCS: &str =
        "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/";
    const BLOG: &str = "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/";

    #[test]
    fn every_source_has_a_readable_label_and_a_public_link() {
        for s in crate::every_source() {
            assert!(!s.label.is_empty());
            assert_eq!(
                internal_code(s.label),
                None,
                "{} shows an internal citation code",
                s.label
            );
            // Else a page of this app (our own behaviour, e.g. the companion server's errors).
            let page = s.href.split('#').next().unwrap_or_default();
            assert!(
                s.href.starts_with("https://") || APP_PAGES.contains(&page),
                "{} has no public link and no page of this app ({})",
                s.label,
                s.href
            );
            assert!(
                !s.href.contains("/work/") && !s.href.contains("shared/"),
                "{} links to a local file",
                s.label
            );
        }
    }

    #[test]
    fn labels_name_the_page_they_open() {
        // A Python SDK label links into the Python SDK; a Resource Center label into help.mypurecloud.com.
        for s in crate::every_source() {
            let expect = [
                ("Python SDK", "platform-client-sdk-python"),
                ("JavaScript SDK", "platform-client-sdk-javascript"),
                ("Go SDK", "platform-client-sdk-go"),
                ("Resource Center", "help.mypurecloud.com"),
                ("developer forum", "developer.genesys.cloud/forum/"),
                ("Developer Center blog", "developer-center-blog"),
                ("Genesys Community", "community.genesys.com"),
                ("CLI", "platform-client-sdk-cli"),
            ];
            for (word, host) in expect {
                if s.label.contains(word) {
                    assert!(s.href.contains(host), "{} → {}", s.label, s.href);
                }
            }
        }
    }

    #[test]
    fn doc_prefixes_are_used() {
        assert!(CONVERSATIONS_GET.href.starts_with(PY_DOCS));
        assert!(QUERY_BEHAVIOUR.href.starts_with(BLOG));
    }

    #[test]
    fn sdk_and_cli_names_found_in_their_sources_are_not_hedged() {
        const { assert!(CLI_COMMANDS.verified && JS_SDK.verified) };
    }
}
