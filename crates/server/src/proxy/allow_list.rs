//! The read-only allow-list: which `/api/v2/...` calls the proxy forwards, with which path IDs and
//! query parameters. Pure functions over the *raw* request path (before any percent-decoding), so
//! encoding tricks are refused before anything is matched.

use crate::error::{LensError, clip};
use crate::notify::channels::is_channel_id;
use axum::http::Method;

/// One path segment of an allowed route.
#[derive(Debug, Clone, Copy)]
enum Seg {
    Lit(&'static str),
    /// A UUID; the text names it in error messages.
    Id(&'static str),
    /// A notification channel id: Genesys' own opaque form (`streaming-0-…`), not a UUID.
    Chan,
}

/// How a query parameter's value is checked.
#[derive(Debug, Clone, Copy)]
enum ParamKind {
    /// Comma-separated conversation UUIDs (may also be repeated).
    UuidList,
    /// Positive integer.
    PositiveInt,
    /// Opaque paging cursor from a previous response.
    Cursor,
    /// `true` or `false`.
    Bool,
    /// Comma-separated words from a fixed list (`expand=` values).
    Words(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
struct Param {
    name: &'static str,
    kind: ParamKind,
    required: bool,
}

/// Whether the call carries a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Json,
    /// A JSON array (the subscription calls take `[{"id": "<topic>"}]`).
    JsonArray,
}

#[derive(Debug, Clone)]
struct Route {
    name: &'static str,
    method: Method,
    segs: &'static [Seg],
    params: &'static [Param],
    body: BodyKind,
}

use Seg::{Id, Lit};

const CONV: Seg = Id("conversationId");
const JOB: Seg = Id("jobId");
const SUBSCRIPTIONS: &[Seg] = &[
    Lit("notifications"),
    Lit("channels"),
    Seg::Chan,
    Lit("subscriptions"),
];
const IGNORE_ERRORS: &[Param] = &[Param {
    name: "ignoreErrors",
    kind: ParamKind::Bool,
    required: false,
}];
/// `expand=` values of `GET /api/v2/notifications/availabletopics` (the SDK's documented list).
const TOPIC_EXPANDS: &[&str] = &[
    "description",
    "enforced",
    "schema",
    "visibility",
    "transports",
    "publicApiTemplateUriPaths",
    "requiresPermissions",
    "permissionDetails",
    "topicParameters",
];

/// reference/api-facts.md §1, §1.5, §2.1, §2.5, §3.1. Paths are relative to `/api/v2/`.
const ROUTES: &[Route] = &[
    route(
        "conversation",
        Method::GET,
        &[Lit("conversations"), CONV],
        &[],
        BodyKind::None,
    ),
    route(
        "conversation.call",
        Method::GET,
        &[Lit("conversations"), Lit("calls"), CONV],
        &[],
        BodyKind::None,
    ),
    route(
        "conversation.callback",
        Method::GET,
        &[Lit("conversations"), Lit("callbacks"), CONV],
        &[],
        BodyKind::None,
    ),
    route(
        "conversation.email",
        Method::GET,
        &[Lit("conversations"), Lit("emails"), CONV],
        &[],
        BodyKind::None,
    ),
    route(
        "conversation.message",
        Method::GET,
        &[Lit("conversations"), Lit("messages"), CONV],
        &[],
        BodyKind::None,
    ),
    // The older web chat (deprecated by Genesys, still present in orgs that use it).
    route(
        "conversation.chat",
        Method::GET,
        &[Lit("conversations"), Lit("chats"), CONV],
        &[],
        BodyKind::None,
    ),
    route(
        "analytics.details.by_id",
        Method::GET,
        &[Lit("analytics"), Lit("conversations"), CONV, Lit("details")],
        &[],
        BodyKind::None,
    ),
    route(
        "analytics.details.multi_get",
        Method::GET,
        &[Lit("analytics"), Lit("conversations"), Lit("details")],
        &[Param {
            name: "id",
            kind: ParamKind::UuidList,
            required: true,
        }],
        BodyKind::None,
    ),
    route(
        "analytics.details.query",
        Method::POST,
        &[
            Lit("analytics"),
            Lit("conversations"),
            Lit("details"),
            Lit("query"),
        ],
        &[],
        BodyKind::Json,
    ),
    route(
        "analytics.jobs.create",
        Method::POST,
        &[
            Lit("analytics"),
            Lit("conversations"),
            Lit("details"),
            Lit("jobs"),
        ],
        &[],
        BodyKind::Json,
    ),
    route(
        "analytics.jobs.availability",
        Method::GET,
        &[
            Lit("analytics"),
            Lit("conversations"),
            Lit("details"),
            Lit("jobs"),
            Lit("availability"),
        ],
        &[],
        BodyKind::None,
    ),
    route(
        "analytics.dataretention.settings",
        Method::GET,
        &[Lit("analytics"), Lit("dataretention"), Lit("settings")],
        &[],
        BodyKind::None,
    ),
    route(
        "analytics.jobs.status",
        Method::GET,
        &[
            Lit("analytics"),
            Lit("conversations"),
            Lit("details"),
            Lit("jobs"),
            JOB,
        ],
        &[],
        BodyKind::None,
    ),
    route(
        "analytics.jobs.delete",
        Method::DELETE,
        &[
            Lit("analytics"),
            Lit("conversations"),
            Lit("details"),
            Lit("jobs"),
            JOB,
        ],
        &[],
        BodyKind::None,
    ),
    route(
        "analytics.jobs.results",
        Method::GET,
        &[
            Lit("analytics"),
            Lit("conversations"),
            Lit("details"),
            Lit("jobs"),
            JOB,
            Lit("results"),
        ],
        &[
            Param {
                name: "cursor",
                kind: ParamKind::Cursor,
                required: false,
            },
            Param {
                name: "pageSize",
                kind: ParamKind::PositiveInt,
                required: false,
            },
        ],
        BodyKind::None,
    ),
    // reference/api-facts.md §7: a channel, its topic subscriptions and the topic catalogue. These
    // are the only writes besides the analytics query/job calls; they change nothing in the org.
    route(
        CHANNEL_CREATE,
        Method::POST,
        &[Lit("notifications"), Lit("channels")],
        &[],
        BodyKind::None,
    ),
    route(
        "notifications.subscriptions.list",
        Method::GET,
        SUBSCRIPTIONS,
        &[],
        BodyKind::None,
    ),
    route(
        "notifications.subscriptions.add",
        Method::POST,
        SUBSCRIPTIONS,
        IGNORE_ERRORS,
        BodyKind::JsonArray,
    ),
    route(
        "notifications.subscriptions.replace",
        Method::PUT,
        SUBSCRIPTIONS,
        IGNORE_ERRORS,
        BodyKind::JsonArray,
    ),
    route(
        "notifications.subscriptions.delete",
        Method::DELETE,
        SUBSCRIPTIONS,
        &[],
        BodyKind::None,
    ),
    route(
        "notifications.availabletopics",
        Method::GET,
        &[Lit("notifications"), Lit("availabletopics")],
        &[
            Param {
                name: "expand",
                kind: ParamKind::Words(TOPIC_EXPANDS),
                required: false,
            },
            Param {
                name: "includePreview",
                kind: ParamKind::Bool,
                required: false,
            },
        ],
        BodyKind::None,
    ),
    route(
        "tokens.me",
        Method::GET,
        &[Lit("tokens"), Lit("me")],
        &[],
        BodyKind::None,
    ),
    // "Signed in as <name>" after the PKCE sign-in.
    route(
        "users.me",
        Method::GET,
        &[Lit("users"), Lit("me")],
        &[],
        BodyKind::None,
    ),
];

const fn route(
    name: &'static str,
    method: Method,
    segs: &'static [Seg],
    params: &'static [Param],
    body: BodyKind,
) -> Route {
    Route {
        name,
        method,
        segs,
        params,
        body,
    }
}

/// The route whose answer's `connectUri` is rewritten to this server's socket (`notify/`).
pub const CHANNEL_CREATE: &str = "notifications.channels.create";

/// The prefix every proxied path shares with Genesys.
pub const PREFIX: &str = "/api/v2/";
/// Longest query string accepted (multi-get of many IDs fits comfortably).
pub const MAX_QUERY_LEN: usize = 8 * 1024;

/// A request the allow-list accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    /// Route name for logs and `Server-Timing`-adjacent diagnostics.
    pub route: &'static str,
    /// Path to request upstream (already validated; no decoding needed).
    pub path: String,
    /// Query parameters to forward, re-encoded by the HTTP client.
    pub query: Vec<(String, String)>,
    pub body: BodyKind,
}

/// Checks `method` + raw `path` + raw `query` against the allow-list.
pub fn check(method: &Method, path: &str, query: Option<&str>) -> Result<Allowed, LensError> {
    let not_allowed = || LensError::NotAllowed {
        method: method.to_string(),
        path: clip(path),
    };
    let rest = path.strip_prefix(PREFIX).ok_or_else(not_allowed)?;
    refuse_tricks(path)?;
    let segs: Vec<&str> = rest.split('/').collect();

    // Find routes whose literal shape fits, ignoring method and ID validity, so the error can say
    // which part is wrong.
    let shaped: Vec<&Route> = ROUTES
        .iter()
        .filter(|r| {
            r.segs.len() == segs.len()
                && r.segs.iter().zip(&segs).all(|(s, got)| match s {
                    Lit(l) => l == got,
                    Id(_) | Seg::Chan => !ROUTES_LITERALS.contains(got),
                })
        })
        .collect();
    let route = shaped
        .iter()
        .find(|r| r.method == *method)
        .ok_or_else(not_allowed)?;
    for (s, got) in route.segs.iter().zip(&segs) {
        match s {
            Id(what) if !is_uuid(got) => {
                return Err(LensError::InvalidId {
                    what,
                    got: clip(got),
                });
            }
            Seg::Chan if !is_channel_id(got) => {
                return Err(LensError::InvalidChannelId { got: clip(got) });
            }
            _ => {}
        }
    }
    let query = check_query(route, query)?;
    Ok(Allowed {
        route: route.name,
        path: path.to_string(),
        query,
        body: route.body,
    })
}

/// Literal segments that can sit where an ID could (`jobs/availability` vs `jobs/{jobId}`).
const ROUTES_LITERALS: &[&str] = &[
    "availability",
    "details",
    "calls",
    "callbacks",
    "emails",
    "messages",
    "chats",
];

/// `..`, `.`, empty segments (`//`, trailing `/`), backslashes and any percent-encoding are refused:
/// no allowed path needs them, and each is a known way to make a proxy reach somewhere else.
fn refuse_tricks(path: &str) -> Result<(), LensError> {
    let bad_char = path
        .bytes()
        .any(|b| !(b.is_ascii_alphanumeric() || b == b'/' || b == b'-'));
    let bad_seg = path
        .split('/')
        .skip(1)
        .any(|s| s.is_empty() || s == "." || s == "..");
    if bad_char || bad_seg || path.contains("%") || path.contains('\\') {
        Err(LensError::PathRejected)
    } else {
        Ok(())
    }
}

/// Canonical 8-4-4-4-12 hex UUID (either case), as Genesys IDs are.
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

fn check_query(route: &Route, raw: Option<&str>) -> Result<Vec<(String, String)>, LensError> {
    let raw = raw.unwrap_or("");
    if raw.len() > MAX_QUERY_LEN {
        return Err(LensError::BadQueryValue {
            param: "(query string)".into(),
            reason: format!("longer than {MAX_QUERY_LEN} characters"),
        });
    }
    let pairs: Vec<(String, String)> = if raw.is_empty() {
        Vec::new()
    } else {
        serde_urlencoded_pairs(raw)?
    };
    let allowed_names = || {
        if route.params.is_empty() {
            "none".to_string()
        } else {
            route
                .params
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for (name, value) in pairs {
        let Some(param) = route.params.iter().find(|p| p.name == name) else {
            return Err(LensError::QueryNotAllowed {
                param: clip(&name),
                allowed: allowed_names(),
            });
        };
        let bad = |reason: &str| LensError::BadQueryValue {
            param: name.clone(),
            reason: reason.to_string(),
        };
        match param.kind {
            ParamKind::UuidList => {
                let ids: Vec<&str> = value.split(',').map(str::trim).collect();
                if let Some(wrong) = ids.iter().find(|id| !is_uuid(id)) {
                    return Err(LensError::InvalidId {
                        what: "id",
                        got: clip(wrong),
                    });
                }
                // Repeated `id=` is merged into the comma-separated form the API documents.
                match out.iter_mut().find(|(n, _)| n == "id") {
                    Some((_, v)) => {
                        v.push(',');
                        v.push_str(&ids.join(","));
                    }
                    None => out.push((name.clone(), ids.join(","))),
                }
                continue;
            }
            ParamKind::PositiveInt => {
                if !value.parse::<u32>().is_ok_and(|n| n > 0) {
                    return Err(bad("expected a positive whole number"));
                }
            }
            ParamKind::Bool => {
                if value != "true" && value != "false" {
                    return Err(bad("expected true or false"));
                }
            }
            ParamKind::Words(words) => {
                if let Some(wrong) = value.split(',').find(|w| !words.contains(&w.trim())) {
                    return Err(LensError::BadQueryValue {
                        param: name.clone(),
                        reason: format!("{:?} is not one of: {}", clip(wrong), words.join(", ")),
                    });
                }
            }
            ParamKind::Cursor => {
                let ok = !value.is_empty()
                    && value.len() <= 4096
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.~=+/:".contains(&b));
                if !ok {
                    return Err(bad(
                        "expected the cursor value from a previous results page",
                    ));
                }
            }
        }
        if out.iter().any(|(n, _)| *n == name) {
            return Err(bad("given more than once"));
        }
        out.push((name, value));
    }
    if let Some(missing) = route
        .params
        .iter()
        .find(|p| p.required && !out.iter().any(|(n, _)| n == p.name))
    {
        return Err(LensError::BadQueryValue {
            param: missing.name.to_string(),
            reason: "is required (comma-separated conversation IDs)".into(),
        });
    }
    Ok(out)
}

fn serde_urlencoded_pairs(raw: &str) -> Result<Vec<(String, String)>, LensError> {
    let uri: axum::http::Uri =
        format!("/?{raw}")
            .parse()
            .map_err(|_| LensError::BadQueryValue {
                param: "(query string)".into(),
                reason: "not a valid query string".into(),
            })?;
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&uri)
        .map(|q| q.0)
        .map_err(|_| LensError::BadQueryValue {
            param: "(query string)".into(),
            reason: "not a valid query string".into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "cdbfad55-6a1e-4d6f-9b3a-1f2e3d4c5b6a";
    const ID2: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn get(path: &str) -> Result<Allowed, LensError> {
        check(&Method::GET, path, None)
    }

    #[test]
    fn every_allowed_route_matches() {
        for p in [
            format!("/api/v2/conversations/{ID}"),
            format!("/api/v2/conversations/calls/{ID}"),
            format!("/api/v2/conversations/callbacks/{ID}"),
            format!("/api/v2/conversations/emails/{ID}"),
            format!("/api/v2/conversations/messages/{ID}"),
            format!("/api/v2/conversations/chats/{ID}"),
            format!("/api/v2/analytics/conversations/{ID}/details"),
            "/api/v2/analytics/conversations/details/jobs/availability".to_string(),
            "/api/v2/analytics/dataretention/settings".to_string(),
            format!("/api/v2/analytics/conversations/details/jobs/{ID}"),
            format!("/api/v2/analytics/conversations/details/jobs/{ID}/results"),
            "/api/v2/tokens/me".to_string(),
            "/api/v2/users/me".to_string(),
        ] {
            assert!(get(&p).is_ok(), "{p}");
        }
        let post = |p: &str| check(&Method::POST, p, None).map(|a| a.body);
        assert_eq!(
            post("/api/v2/analytics/conversations/details/query"),
            Ok(BodyKind::Json)
        );
        assert_eq!(
            post("/api/v2/analytics/conversations/details/jobs"),
            Ok(BodyKind::Json)
        );
        assert!(
            check(
                &Method::DELETE,
                &format!("/api/v2/analytics/conversations/details/jobs/{ID}"),
                None
            )
            .is_ok()
        );
    }

    #[test]
    fn multi_get_needs_uuid_ids_and_merges_repeats() {
        let p = "/api/v2/analytics/conversations/details";
        let ok = check(&Method::GET, p, Some(&format!("id={ID},{ID2}"))).expect("ok");
        assert_eq!(ok.query, vec![("id".to_string(), format!("{ID},{ID2}"))]);
        let ok = check(&Method::GET, p, Some(&format!("id={ID}&id={ID2}"))).expect("ok");
        assert_eq!(ok.query, vec![("id".to_string(), format!("{ID},{ID2}"))]);
        assert!(matches!(
            check(&Method::GET, p, None),
            Err(LensError::BadQueryValue { .. })
        ));
        assert!(matches!(
            check(&Method::GET, p, Some("id=abc")),
            Err(LensError::InvalidId { .. })
        ));
    }

    #[test]
    fn query_params_are_allow_listed() {
        let conv = format!("/api/v2/conversations/{ID}");
        assert!(matches!(
            check(&Method::GET, &conv, Some("expand=everything")),
            Err(LensError::QueryNotAllowed { .. })
        ));
        let results = format!("/api/v2/analytics/conversations/details/jobs/{ID}/results");
        assert!(
            check(
                &Method::GET,
                &results,
                Some("cursor=abc.DEF-1&pageSize=100")
            )
            .is_ok()
        );
        assert!(matches!(
            check(&Method::GET, &results, Some("pageSize=0")),
            Err(LensError::BadQueryValue { .. })
        ));
        assert!(matches!(
            check(&Method::GET, &results, Some("pageSize=1&pageSize=2")),
            Err(LensError::BadQueryValue { .. })
        ));
        assert!(matches!(
            check(&Method::GET, &results, Some("cursor=%0d%0aX")),
            Err(LensError::BadQueryValue { .. })
        ));
    }

    #[test]
    fn other_paths_and_methods_are_not_allowed() {
        for p in [
            "/api/v2/users",
            "/api/v2/users/me/roles",
            "/api/v2/conversations",
            "/api/v2/oauth/clients",
            "/api/v3/x",
            "/oauth/token",
        ] {
            assert!(matches!(get(p), Err(LensError::NotAllowed { .. })), "{p}");
        }
        for m in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            assert!(matches!(
                check(&m, "/api/v2/users/me", None),
                Err(LensError::NotAllowed { .. })
            ));
            assert!(matches!(
                check(&m, &format!("/api/v2/conversations/{ID}"), None),
                Err(LensError::NotAllowed { .. })
            ));
        }
        assert!(matches!(
            check(
                &Method::GET,
                "/api/v2/analytics/conversations/details/query",
                None
            ),
            Err(LensError::NotAllowed { .. })
        ));
    }

    #[test]
    fn encoding_tricks_are_rejected() {
        for p in [
            format!("/api/v2/conversations/{ID}/../../users/me"),
            "/api/v2/conversations/%2e%2e/users".to_string(),
            "/api/v2/conversations/%2E%2E%2Fusers".to_string(),
            format!("/api/v2//conversations/{ID}"),
            format!("/api/v2/conversations/{ID}/"),
            "/api/v2/conversations/.".to_string(),
            format!("/api/v2/conversations%2f{ID}"),
            format!("/api/v2/conversations\\{ID}"),
            format!("/api/v2/conversations/{ID};x=1"),
        ] {
            assert_eq!(get(&p), Err(LensError::PathRejected), "{p}");
        }
    }

    #[test]
    fn ids_must_be_uuids() {
        for bad in [
            "123",
            "not-a-uuid",
            "cdbfad55-6a1e-4d6f-9b3a-1f2e3d4c5b6",
            "cdbfad55x6a1e-4d6f-9b3a-1f2e3d4c5b6a",
        ] {
            assert!(
                matches!(
                    get(&format!("/api/v2/conversations/{bad}")),
                    Err(LensError::InvalidId { .. })
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            check(
                &Method::DELETE,
                "/api/v2/analytics/conversations/details/jobs/availability",
                None
            ),
            Err(LensError::NotAllowed { .. })
        ));
    }

    #[test]
    fn the_retention_setting_is_read_only() {
        let path = "/api/v2/analytics/dataretention/settings";
        assert!(get(path).is_ok());
        // Genesys also has PUT (change the org's retention): never through this proxy.
        for m in [Method::PUT, Method::POST, Method::PATCH, Method::DELETE] {
            assert!(
                matches!(check(&m, path, None), Err(LensError::NotAllowed { .. })),
                "{m}"
            );
        }
        assert!(get("/api/v2/analytics/dataretention/settings/extra").is_err());
        assert!(get("/api/v2/analytics/dataretention").is_err());
    }

    #[test]
    fn legacy_chat_is_read_only_with_a_uuid() {
        let path = format!("/api/v2/conversations/chats/{ID}");
        assert_eq!(get(&path).map(|a| a.route), Ok("conversation.chat"));
        for m in [Method::PUT, Method::POST, Method::PATCH, Method::DELETE] {
            assert!(
                matches!(check(&m, &path, None), Err(LensError::NotAllowed { .. })),
                "{m}"
            );
        }
        assert!(matches!(
            get("/api/v2/conversations/chats/not-a-uuid"),
            Err(LensError::InvalidId { .. })
        ));
        // The list of the user's active chats is not a conversation read.
        assert!(matches!(
            get("/api/v2/conversations/chats"),
            Err(LensError::NotAllowed { .. })
        ));
        assert!(matches!(
            check(&Method::GET, &path, Some("expand=all")),
            Err(LensError::QueryNotAllowed { .. })
        ));
    }

    /// Every notification call, table-driven: (method, path, query, expected route or refusal).
    #[test]
    fn notification_channel_and_subscription_calls_only() {
        const CHAN: &str = "streaming-0-fmtdmf8cbis7tim2nhpsaq2ktj";
        let subs = format!("/api/v2/notifications/channels/{CHAN}/subscriptions");
        type Case<'a> = (Method, String, Option<&'a str>, Result<&'a str, &'a str>);
        let cases: Vec<Case> = vec![
            (
                Method::POST,
                "/api/v2/notifications/channels".into(),
                None,
                Ok(CHANNEL_CREATE),
            ),
            (
                Method::GET,
                subs.clone(),
                None,
                Ok("notifications.subscriptions.list"),
            ),
            (
                Method::POST,
                subs.clone(),
                None,
                Ok("notifications.subscriptions.add"),
            ),
            (
                Method::POST,
                subs.clone(),
                Some("ignoreErrors=true"),
                Ok("notifications.subscriptions.add"),
            ),
            (
                Method::PUT,
                subs.clone(),
                Some("ignoreErrors=false"),
                Ok("notifications.subscriptions.replace"),
            ),
            (
                Method::DELETE,
                subs.clone(),
                None,
                Ok("notifications.subscriptions.delete"),
            ),
            (
                Method::GET,
                "/api/v2/notifications/availabletopics".into(),
                None,
                Ok("notifications.availabletopics"),
            ),
            (
                Method::GET,
                "/api/v2/notifications/availabletopics".into(),
                Some("expand=transports,schema&includePreview=false"),
                Ok("notifications.availabletopics"),
            ),
            // Refused: other methods, other notification calls, bad ids and values.
            (
                Method::GET,
                "/api/v2/notifications/channels".into(),
                None,
                Err("lens.not.allowed"),
            ),
            (
                Method::DELETE,
                "/api/v2/notifications/channels".into(),
                None,
                Err("lens.not.allowed"),
            ),
            (Method::PATCH, subs.clone(), None, Err("lens.not.allowed")),
            (
                Method::POST,
                "/api/v2/notifications/availabletopics".into(),
                None,
                Err("lens.not.allowed"),
            ),
            (
                Method::HEAD,
                format!("/api/v2/notifications/channels/{CHAN}"),
                None,
                Err("lens.not.allowed"),
            ),
            (
                Method::DELETE,
                format!("/api/v2/notifications/channels/{CHAN}"),
                None,
                Err("lens.not.allowed"),
            ),
            (
                Method::GET,
                format!(
                    "/api/v2/notifications/channels/{}/subscriptions",
                    "x".repeat(200)
                ),
                None,
                Err("lens.invalid.channel.id"),
            ),
            (
                Method::GET,
                "/api/v2/notifications/channels/a_b/subscriptions".into(),
                None,
                Err("lens.path.rejected"),
            ),
            (
                Method::POST,
                subs.clone(),
                Some("ignoreErrors=yes"),
                Err("lens.query.invalid"),
            ),
            (
                Method::DELETE,
                subs.clone(),
                Some("ignoreErrors=true"),
                Err("lens.query.not.allowed"),
            ),
            (
                Method::GET,
                "/api/v2/notifications/availabletopics".into(),
                Some("expand=secrets"),
                Err("lens.query.invalid"),
            ),
        ];
        for (method, path, query, want) in cases {
            let got = check(&method, &path, query)
                .map(|a| a.route)
                .map_err(|e| e.code());
            assert_eq!(got, want, "{method} {path} {query:?}");
        }
        assert_eq!(
            check(&Method::PUT, &subs, None).map(|a| a.body),
            Ok(BodyKind::JsonArray)
        );
        assert_eq!(
            check(&Method::POST, "/api/v2/notifications/channels", None).map(|a| a.body),
            Ok(BodyKind::None),
            "creating a channel forwards no body"
        );
    }

    /// Exactly the analytics query/job calls and the notification calls write; nothing else.
    #[test]
    fn the_only_write_methods_are_the_documented_ones() {
        let writes: Vec<(&str, String)> = ROUTES
            .iter()
            .filter(|r| r.method != Method::GET)
            .map(|r| (r.name, r.method.to_string()))
            .collect();
        let names: Vec<&str> = writes.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            vec![
                "analytics.details.query",
                "analytics.jobs.create",
                "analytics.jobs.delete",
                CHANNEL_CREATE,
                "notifications.subscriptions.add",
                "notifications.subscriptions.replace",
                "notifications.subscriptions.delete",
            ]
        );
    }
}
