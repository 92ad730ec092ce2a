//! "Errors explained": what an error status means for *this* call, and what to do about it.
//!
//! Facts: permissions per endpoint (reference/api-facts.md §1, §2.1), client-credentials clients get access from
//! roles and divisions, not scopes (§3.1), declared error codes (§4.1), 429 + `Retry-After` (§4.2),
//! retention (§6), and the practitioners' rule never to retry 400/401/403/404 (reference/user-pain-points.md 9).

use model::ErrorBody;
use serde::Serialize;

use crate::lookup::{Api, LookupError};
use crate::source::{Claim, Source};
use crate::sources;

/// Permissions a call needs (ANY of them is enough).
#[must_use]
pub const fn permissions(api: Api) -> &'static [&'static str] {
    match api {
        Api::Conversations => &["conversation:communication:view"],
        Api::AnalyticsById | Api::AnalyticsMultiGet | Api::AnalyticsQuery | Api::AnalyticsJob => &[
            "analytics:conversationDetail:view",
            "analytics:agentConversationDetail:view",
        ],
    }
}

/// Where the permission list comes from.
#[must_use]
pub const fn permission_source(api: Api) -> Source {
    match api {
        Api::Conversations => sources::CONVERSATIONS_GET,
        _ => sources::ANALYTICS_ENDPOINTS,
    }
}

/// Whether and when to try again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Retry {
    /// Retrying the same request gives the same answer.
    Never,
    /// Wait this many seconds (from `Retry-After`), then retry once.
    AfterSeconds { seconds: u64 },
    /// Retry later with growing pauses; no header told us how long.
    Backoff,
    /// Retry after a short wait: the data may not exist *yet*.
    Later,
}

/// The explanation card for one failed call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub api: Api,
    pub status: u16,
    /// `ErrorBody.code`, e.g. `missing.any.permissions`.
    pub code: Option<String>,
    /// What the server said, verbatim.
    pub server_message: Option<String>,
    /// `ININ-Correlation-Id` / `contextId`, to quote to support.
    pub correlation_id: Option<String>,
    pub title: String,
    /// What it means for this call.
    pub meaning: Vec<Claim>,
    /// What to do, in order.
    pub what_to_do: Vec<Claim>,
    /// Permissions this call needs (ANY of).
    pub permissions: Vec<String>,
    pub retry: Retry,
}

/// Explain a [`LookupError`].
#[must_use]
pub fn explain_lookup(e: &LookupError) -> Explanation {
    match e {
        LookupError::Http {
            api,
            status,
            error,
            retry_after_secs,
            correlation_id,
        } => {
            let mut x = explain(*api, *status, Some(error), *retry_after_secs);
            if x.correlation_id.is_none() {
                x.correlation_id.clone_from(correlation_id);
            }
            x
        }
        LookupError::UnexpectedBody {
            api,
            status,
            reason,
        } => Explanation {
            api: *api,
            status: *status,
            code: None,
            server_message: Some(reason.clone()),
            correlation_id: None,
            title: "The answer is not what this endpoint returns".to_owned(),
            meaning: vec![Claim::new(
                format!(
                    "{} should return {}; this body does not decode as that model.",
                    api.endpoint(),
                    model_name(*api)
                ),
                if api.is_realtime() {
                    sources::CONVERSATION_MODEL
                } else {
                    sources::ANALYTICS_MODEL
                },
            )],
            what_to_do: vec![Claim::new(
                "Check the URL and region (a proxy or login page may have answered instead of the API), then look at the raw body.",
                sources::REGIONS,
            )],
            permissions: permissions(*api).iter().map(|s| (*s).to_owned()).collect(),
            retry: Retry::Never,
        },
        LookupError::NotInResults { api, id, count } => {
            let mut what = Vec::new();
            if *api == Api::AnalyticsQuery {
                what.push(Claim::new(
                    "Make `interval` cover the day the conversation started: the query matches on the day of conversation start, not on overlap.",
                    sources::PAIN_INTERVAL,
                ));
                what.push(Claim::new(
                    "Put `conversationId` in `conversationFilters`, not `segmentFilters` (it is not a segment dimension); a filter at the wrong level returns nothing rather than an error.",
                    sources::PAIN_FILTER_LEVEL,
                ));
                what.push(Claim::new(
                    "For one conversation you don't need an interval at all: use GET /api/v2/analytics/conversations/{id}/details.",
                    sources::ANALYTICS_BY_ID,
                ));
            }
            if *api == Api::AnalyticsJob {
                what.push(Claim::new(
                    "Jobs read the datalake, which can be up to 24 hours old; check `dataAvailabilityDate` before expecting recent conversations.",
                    sources::ASYNC_JOBS,
                ));
            }
            what.push(Claim::new(
                "If the conversation is very recent, analytics may not have it yet; try again in a few seconds.",
                sources::ANALYTICS_LAG,
            ));
            Explanation {
                api: *api,
                status: 200,
                code: None,
                server_message: None,
                correlation_id: None,
                title: format!(
                    "{} answered with {count} result(s), none of them {id}",
                    api.label()
                ),
                meaning: vec![Claim::new(
                    "An empty or non-matching result is not an error to the API: it answered 200, so the request was valid and nothing in it matched.",
                    sources::QUERY_BEHAVIOUR,
                )],
                what_to_do: what,
                permissions: permissions(*api).iter().map(|s| (*s).to_owned()).collect(),
                retry: Retry::Later,
            }
        }
    }
}

const fn model_name(api: Api) -> &'static str {
    match api {
        Api::Conversations => "a `Conversation`",
        Api::AnalyticsById => "an `AnalyticsConversationWithoutAttributes`",
        Api::AnalyticsMultiGet => "`{conversations: [...]}`",
        Api::AnalyticsQuery => "an `AnalyticsConversationQueryResponse`",
        Api::AnalyticsJob => "`{jobId}` / `AsyncQueryStatus` / job results",
    }
}

/// Explain `status` (with its `ErrorBody`, if any) for a call to `api`.
#[must_use]
pub fn explain(
    api: Api,
    status: u16,
    body: Option<&ErrorBody>,
    retry_after_secs: Option<u64>,
) -> Explanation {
    let code = body.and_then(|b| b.code.clone());
    let perms: Vec<String> = permissions(api).iter().map(|s| (*s).to_owned()).collect();
    if let (Some(c), Some(b)) = (code.as_deref(), body)
        && c.starts_with("lens.")
    {
        return from_companion(api, status, c, b, perms, retry_after_secs);
    }
    let perm_list = perms.join(" or ");
    let never = Claim::new(
        "Don't retry: the same request gets the same answer. Fix the cause first.",
        sources::PAIN_RATE_LIMITS,
    );
    let (title, mut meaning, what_to_do, retry): (String, Vec<Claim>, Vec<Claim>, Retry) =
        match status {
            400 => (
                "Bad request".to_owned(),
                vec![Claim::new(
                    match api {
                        Api::AnalyticsQuery | Api::AnalyticsJob => {
                            "The query body was rejected: `interval` is required (ISO-8601 `start/end`), dates must be `yyyy-MM-ddTHH:mm:ss.SSSZ`, and enum values must be ones the API allows (`invalid.date`, `invalid.value`)."
                        }
                        _ => {
                            "The request was rejected as malformed (`bad.request`); for a GET by id, check the path holds a conversation UUID."
                        }
                    },
                    if matches!(api, Api::AnalyticsQuery | Api::AnalyticsJob) {
                        sources::CONVERSATION_QUERY
                    } else {
                        sources::ERROR_CODES
                    },
                )],
                vec![
                    Claim::new(
                        "Read `message` and `details[].fieldName`; correct the field it names.",
                        sources::ERROR_CODES,
                    ),
                    never.clone(),
                ],
                Retry::Never,
            ),
            401 => (
                "Not authenticated".to_owned(),
                vec![Claim::new(
                    "No bearer token, or the token expired or was revoked (`authentication.required`, `bad.credentials`). Client-credentials tokens last 24 h by default and have no refresh token.",
                    sources::CLIENT_CREDENTIALS,
                )],
                vec![
                    Claim::new(
                        "Get a new token (POST /oauth/token on the login host of your region), then repeat the call once.",
                        sources::CLIENT_CREDENTIALS,
                    ),
                    Claim::new(
                        "Check the login and API hosts are in the same region as the OAuth client.",
                        sources::REGIONS,
                    ),
                ],
                Retry::Never,
            ),
            403 => (
                "Missing permission".to_owned(),
                vec![
                    Claim::new(
                        format!("This call needs {perm_list}."),
                        permission_source(api),
                    ),
                    Claim::new(
                        "For a client-credentials OAuth client, access comes from the roles (and divisions) assigned to the client — scopes do not apply to it. Add a role with the permission to the client, not a scope.",
                        sources::ROLES_NOT_SCOPES,
                    ),
                    Claim::new(
                        "Division membership also limits which conversations you can see.",
                        sources::PAIN_PERMISSIONS,
                    ),
                ],
                vec![
                    Claim::new(
                        format!(
                            "Assign a role that has {perm_list} (in the conversation's division) to the OAuth client — or, for a user's token, to the user; then request a new token."
                        ),
                        sources::ROLES_NOT_SCOPES,
                    ),
                    Claim::new(
                        "User-based apps (code/PKCE) also need the OAuth scope for the API; scope names for these endpoints are UNVERIFIED (commonly `conversations`/`analytics`, with `:readonly`).",
                        sources::SCOPE_NAMES,
                    ),
                    never.clone(),
                ],
                Retry::Never,
            ),
            404 => match api {
                Api::Conversations => (
                    "Conversation not found (real-time)".to_owned(),
                    vec![
                        Claim::new(
                            "The Conversations API does not have this ID: a typo, another org/region, or an ended conversation it no longer serves. How long ended conversations stay available is not documented (UNVERIFIED).",
                            sources::REALTIME_RETENTION,
                        ),
                        Claim::new(
                            "Analytics keeps conversation details for the contract lifetime, or 90 days to 5 years when a retention is set — the analytics side may still have it.",
                            sources::ANALYTICS_RETENTION,
                        ),
                    ],
                    vec![
                        Claim::new(
                            "Look at the analytics side: GET /api/v2/analytics/conversations/{id}/details.",
                            sources::ANALYTICS_BY_ID,
                        ),
                        Claim::new(
                            "Check the region: an ID from another region's org is unknown here.",
                            sources::REGIONS,
                        ),
                        never.clone(),
                    ],
                    Retry::Never,
                ),
                _ => (
                    "Conversation not found (analytics)".to_owned(),
                    vec![
                        Claim::new(
                            "Analytics has no record for this ID: it may be too recent (details are near-real-time but can lag; the delay is not documented — UNVERIFIED), older than the retention period, in another region, or a typo.",
                            sources::ANALYTICS_LAG,
                        ),
                        Claim::new(
                            "Analytics retention: contract lifetime, or 90 days – 5 years when configured; GET /api/v2/analytics/dataretention/settings (permission analytics:dataRetention:view) shows your org's retentionDays, and the Query lab reads it for you.",
                            sources::ANALYTICS_RETENTION,
                        ),
                    ],
                    vec![
                        Claim::new(
                            "If the conversation just started or ended, wait a few seconds and look again (once, not in a loop).",
                            sources::ANALYTICS_NEAR_REAL_TIME,
                        ),
                        Claim::new(
                            "If the Conversations API has it, use that view for now.",
                            sources::CONVERSATIONS_GET,
                        ),
                    ],
                    Retry::Later,
                ),
            },
            415 => (
                "Unsupported media type".to_owned(),
                vec![Claim::new(
                    "The body was not sent as JSON (`unsupported.media.type`).",
                    sources::ERROR_CODES,
                )],
                vec![
                    Claim::new(
                        "Send `Content-Type: application/json` with POST bodies.",
                        sources::ERROR_CODES,
                    ),
                    never.clone(),
                ],
                Retry::Never,
            ),
            429 => (
                "Rate limited".to_owned(),
                vec![
                    Claim::new(
                        "Too many requests for this token (`too.many.requests`: \"Rate limit exceeded the maximum [%s] requests within [%s] seconds\").",
                        sources::ERROR_CODES,
                    ),
                    Claim::new(
                        "Forum posts quoting the Developer Center limits page give the default as 300 requests per minute per client-credentials token, raisable via support (not confirmed by an official source we have).",
                        sources::RATE_LIMIT_VALUE,
                    ),
                ],
                vec![
                Claim::new(
                    match retry_after_secs {
                        Some(s) => format!("Wait {s} s (the `Retry-After` header), then retry."),
                        None => {
                            "Wait and retry with growing pauses; honour `Retry-After` when present."
                                .to_owned()
                        }
                    },
                    sources::RATE_LIMITS,
                ),
                Claim::new(
                    "Serialise paging; the SDKs do not retry 429 by default (Go: opt-in retry configuration; the Python SDK has no 429 retry).",
                    sources::RATE_LIMITS,
                ),
            ],
                retry_after_secs.map_or(Retry::Backoff, |seconds| Retry::AfterSeconds { seconds }),
            ),
            502 | 504 => (
                if status == 502 {
                    "Bad gateway".to_owned()
                } else {
                    "Gateway timeout".to_owned()
                },
                vec![Claim::new(
                    if status == 504 {
                        "The request timed out upstream (`request.timeout`). For analytics queries, a smaller interval or page helps."
                    } else {
                        "A gateway between you and Genesys Cloud got no valid answer — a transient upstream or proxy problem."
                    },
                    sources::ERROR_CODES,
                )],
                vec![Claim::new(
                    "Retry after a pause, with backoff; quote the correlation ID if it persists.",
                    sources::RATE_LIMITS,
                )],
                retry_after_secs.map_or(Retry::Backoff, |seconds| Retry::AfterSeconds { seconds }),
            ),
            500..=599 => (
                "Server error".to_owned(),
                vec![Claim::new(
                    "Genesys Cloud failed to answer (`internal.server.error`, `service.unavailable`). Not caused by your request.",
                    sources::ERROR_CODES,
                )],
                vec![Claim::new(
                    "Retry later with backoff; quote the correlation ID to support if it persists.",
                    sources::RATE_LIMITS,
                )],
                retry_after_secs.map_or(Retry::Backoff, |seconds| Retry::AfterSeconds { seconds }),
            ),
            _ => (
                format!("HTTP {status}"),
                vec![Claim::new(
                    "A status the reference does not declare for this endpoint.",
                    sources::ERROR_CODES,
                )],
                vec![Claim::new(
                    "Look at the raw body and the correlation ID.",
                    sources::ERROR_CODES,
                )],
                Retry::Never,
            ),
        };
    // `missing.permissions` / `missing.any.permissions` name what is missing in `messageParams`.
    if let Some(named) = body
        .and_then(|b| b.message_params.as_ref())
        .and_then(|p| p.get("permissions"))
    {
        meaning.push(Claim::new(
            format!("Genesys names the permission(s) involved: {named}."),
            sources::ERROR_CODES,
        ));
    }
    Explanation {
        api,
        status,
        code,
        server_message: body.and_then(|b| b.message.clone()),
        correlation_id: body.and_then(|b| b.context_id.clone()),
        title,
        meaning,
        what_to_do,
        permissions: perms,
        retry,
    }
}

/// Companion-server codes worth retrying: a login or upstream that was slow, unreachable or hit
/// a one-off fault. Refusals and too-large answers come back the same on a retry.
fn is_transient_companion_code(code: &str) -> bool {
    matches!(
        code,
        "lens.token.timeout"
            | "lens.upstream.timeout"
            | "lens.request.timeout"
            | "lens.token.unreachable"
            | "lens.upstream.unreachable"
            | "lens.internal"
    )
}

/// The companion server marks its own errors with a `lens.` code: they are about this app's
/// setup (allow-list, login, network), not about Genesys permissions or data.
fn from_companion(
    api: Api,
    status: u16,
    code: &str,
    body: &ErrorBody,
    permissions: Vec<String>,
    retry_after_secs: Option<u64>,
) -> Explanation {
    let transient = is_transient_companion_code(code);
    let mut what = vec![Claim::new(
        body.message
            .clone()
            .unwrap_or_else(|| "See the server log for details.".to_owned()),
        sources::COMPANION_SERVER,
    )];
    if code == "lens.sign.in.required" {
        what.push(Claim::new(
            "The server was started with a region but no client credentials, so it reads your org only with your own token: open Access token → Sign in with Genesys Cloud (your user and permissions, no secret), or paste a token.",
            sources::PKCE,
        ));
    }
    if code == "lens.token.refused" {
        what.push(Claim::new(
            "The login host refused the server's OAuth client: check its id, secret and region, and that it uses the Client Credentials grant.",
            sources::CLIENT_CREDENTIALS,
        ));
    }
    Explanation {
        api,
        status,
        code: Some(code.to_owned()),
        server_message: body.message.clone(),
        correlation_id: body.context_id.clone(),
        title: "From the Conversation Lens server, not from Genesys".to_owned(),
        meaning: vec![Claim::new(
            format!(
                "The companion server answered HTTP {status} itself (`{code}`); the request may never have reached Genesys Cloud."
            ),
            sources::COMPANION_SERVER,
        )],
        what_to_do: what,
        permissions,
        retry: match (transient, retry_after_secs) {
            (true, Some(seconds)) => Retry::AfterSeconds { seconds },
            (true, None) => Retry::Backoff,
            (false, _) => Retry::Never,
        },
    }
}

/// A `Retry-After` countdown, for a view ticking once a second.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Countdown {
    pub remaining_secs: u64,
    pub total_secs: u64,
    /// 0.0 at the start, 1.0 when it is time to retry.
    pub progress: f64,
    pub done: bool,
}

/// Where a countdown of `retry_after_secs` stands `elapsed_ms` after the 429 arrived.
#[must_use]
pub fn countdown(retry_after_secs: u64, elapsed_ms: u64) -> Countdown {
    let total_ms = retry_after_secs.saturating_mul(1000);
    let left_ms = total_ms.saturating_sub(elapsed_ms);
    #[allow(clippy::cast_precision_loss)] // ratios of small numbers
    let progress = if total_ms == 0 {
        1.0
    } else {
        1.0 - left_ms as f64 / total_ms as f64
    };
    Countdown {
        remaining_secs: left_ms.div_ceil(1000),
        total_secs: retry_after_secs,
        progress,
        done: left_ms == 0,
    }
}

/// Every status the Errors tab documents, for a catalogue view.
pub const DOCUMENTED_STATUSES: &[u16] = &[400, 401, 403, 404, 415, 429, 500, 502, 503, 504];

#[cfg(test)]
mod tests {
    #[test]
    fn companion_codes_that_a_retry_can_fix() {
        for code in [
            "lens.request.timeout",
            "lens.token.timeout",
            "lens.internal",
        ] {
            assert!(super::is_transient_companion_code(code), "{code}");
        }
        for code in [
            "lens.upstream.too.large",
            "lens.token.refused",
            "lens.not.allowed",
        ] {
            assert!(!super::is_transient_companion_code(code), "{code}");
        }
    }

    use super::*;

    #[test]
    fn permissions_per_api() {
        let x = explain(Api::Conversations, 403, None, None);
        assert_eq!(x.permissions, vec!["conversation:communication:view"]);
        assert!(
            x.meaning
                .iter()
                .any(|c| c.text.contains("scopes do not apply"))
        );
        let y = explain(Api::AnalyticsById, 403, None, None);
        assert!(
            y.permissions
                .contains(&"analytics:conversationDetail:view".to_owned())
        );
        assert!(
            y.meaning[0]
                .text
                .contains("analytics:agentConversationDetail:view")
        );
    }

    #[test]
    fn never_retry_client_errors() {
        for api in Api::ALL {
            for s in [400, 401, 403, 415] {
                assert_eq!(explain(api, s, None, None).retry, Retry::Never, "{api} {s}");
            }
        }
        assert_eq!(
            explain(Api::Conversations, 404, None, None).retry,
            Retry::Never
        );
        assert_eq!(
            explain(Api::AnalyticsById, 429, None, Some(7)).retry,
            Retry::AfterSeconds { seconds: 7 }
        );
        assert_eq!(
            explain(Api::AnalyticsById, 503, None, None).retry,
            Retry::Backoff
        );
    }

    #[test]
    fn realtime_404_mentions_unverified_retention_and_analytics() {
        let x = explain(Api::Conversations, 404, None, None);
        assert!(x.meaning.iter().any(|c| !c.source.verified));
        assert!(
            x.what_to_do
                .iter()
                .any(|c| c.text.contains("/analytics/conversations/{id}/details"))
        );
    }

    #[test]
    fn body_details_are_kept() {
        let b = ErrorBody {
            code: Some("not.found".into()),
            message: Some("gone".into()),
            context_id: Some("ctx".into()),
            ..ErrorBody::default()
        };
        let x = explain(Api::AnalyticsById, 404, Some(&b), None);
        assert_eq!(
            (
                x.code.as_deref(),
                x.server_message.as_deref(),
                x.correlation_id.as_deref()
            ),
            (Some("not.found"), Some("gone"), Some("ctx"))
        );
        assert!(
            !explain(Api::AnalyticsQuery, 418, None, None)
                .meaning
                .is_empty()
        );
    }

    #[test]
    fn companion_server_errors_are_not_blamed_on_genesys() {
        let b = ErrorBody {
            code: Some("lens.origin.rejected".into()),
            message: Some("Origin not allowed".into()),
            ..ErrorBody::default()
        };
        let x = explain(Api::Conversations, 403, Some(&b), None);
        assert!(x.title.contains("not from Genesys"));
        assert!(x.meaning.iter().all(|c| !c.text.contains("permission")));
        assert_eq!(x.retry, Retry::Never);
        let t = ErrorBody {
            code: Some("lens.upstream.timeout".into()),
            ..ErrorBody::default()
        };
        assert_eq!(
            explain(Api::AnalyticsQuery, 504, Some(&t), None).retry,
            Retry::Backoff
        );
    }

    #[test]
    fn a_sign_in_only_server_says_to_sign_in() {
        let b = ErrorBody {
            code: Some("lens.sign.in.required".into()),
            message: Some("Sign in with Genesys Cloud or paste a token".into()),
            ..ErrorBody::default()
        };
        let x = explain(Api::Conversations, 401, Some(&b), None);
        assert!(x.title.contains("not from Genesys"));
        assert!(
            x.what_to_do
                .iter()
                .any(|c| c.text.contains("Sign in with Genesys Cloud") && c.source == sources::PKCE),
            "{:?}",
            x.what_to_do
        );
        assert_eq!(x.retry, Retry::Never);
    }

    #[test]
    fn countdown_ticks() {
        assert_eq!(countdown(5, 0).remaining_secs, 5);
        assert_eq!(countdown(5, 1).remaining_secs, 5);
        assert_eq!(countdown(5, 4_001).remaining_secs, 1);
        assert!(countdown(5, 5_000).done);
        assert!(countdown(0, 0).done);
        assert!((countdown(4, 2_000).progress - 0.5).abs() < 1e-9);
    }
}
