//! What the companion server is and does, in plain words: the calls it lets through and the
//! errors it answers itself. The `/about` page shows this; `sources::COMPANION_SERVER` links
//! there. Tests keep both lists in step with the server's own tables.

use crate::source::{Claim, Source};
use crate::sources;

/// One Genesys call the server's read-only allow-list forwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllowedCall {
    /// The route's name in the server's table (`crates/server/src/proxy/allow_list.rs`).
    pub name: &'static str,
    pub method: &'static str,
    /// Relative to the API host; `{…}` marks a checked ID.
    pub path: &'static str,
    /// What the app uses it for.
    pub what: &'static str,
}

const fn call(
    name: &'static str,
    method: &'static str,
    path: &'static str,
    what: &'static str,
) -> AllowedCall {
    AllowedCall {
        name,
        method,
        path,
        what,
    }
}

const SUBS: &str = "/api/v2/notifications/channels/{channelId}/subscriptions";

/// Every call the proxy forwards, in the server's order. Anything else is refused with
/// `lens.not.allowed` before a request is made.
pub const ALLOWED_CALLS: &[AllowedCall] = &[
    call(
        "conversation",
        "GET",
        "/api/v2/conversations/{conversationId}",
        "The conversation now (Conversations API): the left panel.",
    ),
    call(
        "conversation.call",
        "GET",
        "/api/v2/conversations/calls/{conversationId}",
        "The same conversation through its media type's own endpoint (voice).",
    ),
    call(
        "conversation.callback",
        "GET",
        "/api/v2/conversations/callbacks/{conversationId}",
        "… callbacks.",
    ),
    call(
        "conversation.email",
        "GET",
        "/api/v2/conversations/emails/{conversationId}",
        "… email.",
    ),
    call(
        "conversation.message",
        "GET",
        "/api/v2/conversations/messages/{conversationId}",
        "… messaging.",
    ),
    call(
        "conversation.chat",
        "GET",
        "/api/v2/conversations/chats/{conversationId}",
        "… the older web chat (deprecated by Genesys).",
    ),
    call(
        "analytics.details.by_id",
        "GET",
        "/api/v2/analytics/conversations/{conversationId}/details",
        "The analytics record of one conversation: the right panel.",
    ),
    call(
        "analytics.details.multi_get",
        "GET",
        "/api/v2/analytics/conversations/details?id=…",
        "Several analytics records by ID (only `id=` conversation IDs).",
    ),
    call(
        "analytics.details.query",
        "POST",
        "/api/v2/analytics/conversations/details/query",
        "The Query lab's details query (reads; changes nothing).",
    ),
    call(
        "analytics.jobs.create",
        "POST",
        "/api/v2/analytics/conversations/details/jobs",
        "The Query lab's async job (reads; changes nothing).",
    ),
    call(
        "analytics.jobs.availability",
        "GET",
        "/api/v2/analytics/conversations/details/jobs/availability",
        "Up to when async jobs have data.",
    ),
    call(
        "analytics.dataretention.settings",
        "GET",
        "/api/v2/analytics/dataretention/settings",
        "How long the org keeps analytics data.",
    ),
    call(
        "analytics.jobs.status",
        "GET",
        "/api/v2/analytics/conversations/details/jobs/{jobId}",
        "Whether a job has finished.",
    ),
    call(
        "analytics.jobs.delete",
        "DELETE",
        "/api/v2/analytics/conversations/details/jobs/{jobId}",
        "Cancel a job the Query lab started.",
    ),
    call(
        "analytics.jobs.results",
        "GET",
        "/api/v2/analytics/conversations/details/jobs/{jobId}/results",
        "A job's results, page by page (`cursor`, `pageSize`).",
    ),
    call(
        "notifications.channels.create",
        "POST",
        "/api/v2/notifications/channels",
        "A notification channel for the Live events tab.",
    ),
    call(
        "notifications.subscriptions.list",
        "GET",
        SUBS,
        "The topics a channel listens to.",
    ),
    call(
        "notifications.subscriptions.add",
        "POST",
        SUBS,
        "Listen to the conversation's topics.",
    ),
    call(
        "notifications.subscriptions.replace",
        "PUT",
        SUBS,
        "Replace a channel's topics.",
    ),
    call(
        "notifications.subscriptions.delete",
        "DELETE",
        SUBS,
        "Stop listening.",
    ),
    call(
        "notifications.availabletopics",
        "GET",
        "/api/v2/notifications/availabletopics",
        "The topic catalogue (`expand`, `includePreview`).",
    ),
    call(
        "tokens.me",
        "GET",
        "/api/v2/tokens/me",
        "What the token in use is.",
    ),
    call(
        "users.me",
        "GET",
        "/api/v2/users/me",
        "“Signed in as …” after you sign in.",
    ),
];

/// Whether anything reached Genesys Cloud when the server answered with one of its own codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// Refused or failed before any request left the server.
    Nothing,
    /// Only the login host was asked (for the server's token); the API call was not sent.
    LoginOnly,
    /// The API call was sent (it may have been served); the answer could not be relayed.
    ApiAsked,
    /// The server failed itself; the call may or may not have been sent.
    Unknown,
}

impl Reached {
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Reached::Nothing => "No request reached Genesys Cloud.",
            Reached::LoginOnly => {
                "Only the Genesys login host was asked (for a token); the API call was not sent."
            }
            Reached::ApiAsked => {
                "The call was sent to Genesys Cloud, but its answer could not be passed on."
            }
            Reached::Unknown => "The call may or may not have been sent.",
        }
    }
}

/// One `lens.*` error code the server answers itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompanionCode {
    pub code: &'static str,
    pub status: u16,
    /// What it means, in plain words.
    pub meaning: &'static str,
    pub reached: Reached,
}

const fn code(
    code: &'static str,
    status: u16,
    meaning: &'static str,
    reached: Reached,
) -> CompanionCode {
    CompanionCode {
        code,
        status,
        meaning,
        reached,
    }
}

use Reached::{ApiAsked, LoginOnly, Nothing};

/// Every code the server produces, grouped as the page shows them.
pub const CODES: &[CompanionCode] = &[
    code(
        "lens.not.allowed",
        404,
        "The call is not on the read-only allow-list.",
        Nothing,
    ),
    code(
        "lens.path.rejected",
        400,
        "The path had `..`, `.`, empty segments, backslashes or percent-encoding (refused so no trick can reach another endpoint).",
        Nothing,
    ),
    code(
        "lens.invalid.id",
        400,
        "An ID in the path is not a UUID.",
        Nothing,
    ),
    code(
        "lens.invalid.channel.id",
        400,
        "A notification channel ID is not in the form Genesys returned.",
        Nothing,
    ),
    code(
        "lens.query.not.allowed",
        400,
        "A query parameter this call does not take.",
        Nothing,
    ),
    code(
        "lens.query.invalid",
        400,
        "A query parameter's value is not valid (e.g. not a number).",
        Nothing,
    ),
    code(
        "lens.body.too.large",
        413,
        "The request body is larger than the server accepts.",
        Nothing,
    ),
    code(
        "lens.unsupported.media.type",
        415,
        "A body was sent without `Content-Type: application/json`.",
        Nothing,
    ),
    code(
        "lens.body.invalid",
        400,
        "The request body is not the JSON this call takes.",
        Nothing,
    ),
    code(
        "lens.authorization.invalid",
        400,
        "The Authorization header is not `Bearer <token>`.",
        Nothing,
    ),
    code(
        "lens.sign.in.required",
        401,
        "Sign-in-only mode: the server holds no credentials, so it forwards only calls that carry your own token.",
        Nothing,
    ),
    code(
        "lens.host.rejected",
        421,
        "The Host header is not this server's (a defence against DNS rebinding).",
        Nothing,
    ),
    code(
        "lens.origin.rejected",
        403,
        "A write or socket came from another web origin.",
        Nothing,
    ),
    code(
        "lens.socket.unknown",
        404,
        "No notification channel of that ID was opened through this server.",
        Nothing,
    ),
    code(
        "lens.socket.limit",
        503,
        "Too many notification sockets are open through this server at once.",
        Nothing,
    ),
    code(
        "lens.socket.not.websocket",
        400,
        "The socket address was opened without a WebSocket upgrade.",
        Nothing,
    ),
    code(
        "lens.demo.only",
        404,
        "A demo-org endpoint was asked while the server reads a real org.",
        Nothing,
    ),
    code(
        "lens.demo.unknown.client",
        400,
        "Not one of the demo org's OAuth clients.",
        Nothing,
    ),
    code(
        "lens.demo.bad.scenario.id",
        400,
        "Not one of the demo org's scenarios.",
        Nothing,
    ),
    code(
        "lens.token.refused",
        502,
        "The login host refused the server's OAuth client (id, secret, region or grant type).",
        LoginOnly,
    ),
    code(
        "lens.token.unreachable",
        502,
        "The login host could not be reached for a token.",
        LoginOnly,
    ),
    code(
        "lens.token.timeout",
        504,
        "The login host did not answer the token request in time.",
        LoginOnly,
    ),
    code(
        "lens.token.malformed",
        502,
        "The login host's answer was not a token.",
        LoginOnly,
    ),
    code(
        "lens.upstream.unreachable",
        502,
        "The API host could not be reached (network or region).",
        Nothing,
    ),
    code(
        "lens.upstream.timeout",
        504,
        "The API host did not answer in time.",
        ApiAsked,
    ),
    code(
        "lens.upstream.too.large",
        502,
        "The API's answer was larger than the server relays.",
        ApiAsked,
    ),
    code(
        "lens.channel.unexpected",
        502,
        "The answer to creating a notification channel had no usable ID or address, so the server will not connect to it.",
        ApiAsked,
    ),
    code(
        "lens.request.timeout",
        504,
        "The server gave up on the whole request after its time limit.",
        ApiAsked,
    ),
    code(
        "lens.internal",
        500,
        "A bug in the server (it is logged there); try again.",
        Reached::Unknown,
    ),
];

/// The code `code`, if the server produces it.
#[must_use]
pub fn find_code(code: &str) -> Option<&'static CompanionCode> {
    CODES.iter().find(|c| c.code == code)
}

/// What the server does for you, each sentence with where a reader can check the Genesys half.
#[must_use]
pub fn duties() -> Vec<Claim> {
    vec![
        Claim::new(
            "Keeps the secrets on your machine: the OAuth client id and secret are read from its flags, environment or .env file and never sent to the browser, written to logs or put in error bodies.",
            sources::COMPANION_SERVER,
        ),
        Claim::new(
            "Exchanges them for an access token (the Client Credentials grant: POST https://login.<region>/oauth/token with the client id and secret as Basic auth), keeps the token until shortly before it expires, and lets many concurrent calls share one exchange.",
            sources::CLIENT_CREDENTIALS,
        ),
        Claim::new(
            "Forwards only the read-only calls listed below to https://api.<region>/api/v2/…, unchanged: status, Genesys' error body, ININ-Correlation-Id, Retry-After and the rate-limit headers come back as Genesys sent them.",
            sources::ERROR_CODES,
        ),
        Claim::new(
            "Relays the notification WebSocket for the Live events tab: the channel's connectUri is rewritten to this server's own address, and it dials only channels it created itself, on the region's streaming host.",
            sources::NOTIFICATIONS,
        ),
        Claim::new(
            "Forwards the sign-in code exchange (Authorization Code with PKCE) for you and keeps nothing: the token you get lives in the tab's memory only.",
            sources::PKCE,
        ),
    ]
}

/// The server's modes, in plain words.
pub const MODES: &[(&str, &str)] = &[
    (
        "Demo org",
        "No region and no credentials (or --demo): a simulated org starts inside the server, and every call goes to it over the same HTTP a region would get.",
    ),
    (
        "Your org, server token",
        "A region, a client id and a secret: calls use the server's token, or yours if you signed in or pasted one.",
    ),
    (
        "Sign-in only",
        "A region but no credentials: the server can make no call of its own. Calls that carry your token (Sign in, or a pasted token) go through; any other is answered with lens.sign.in.required and nothing is sent.",
    ),
];

/// The page's own source (what `sources::COMPANION_SERVER` opens).
pub const ABOUT: Source = sources::COMPANION_SERVER;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const SERVER_ERRORS: &str = include_str!("../../server/src/error.rs");
    const SERVER_ALLOW_LIST: &str = include_str!("../../server/src/proxy/allow_list.rs");

    /// The `"lens.…"` codes in the server's `LensError::code`.
    fn server_codes() -> BTreeSet<&'static str> {
        SERVER_ERRORS
            .split("=> \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|c| c.starts_with("lens."))
            .collect()
    }

    /// `(name, method)` of every route in the server's `ROUTES` table.
    fn server_routes() -> BTreeSet<(String, String)> {
        let table = SERVER_ALLOW_LIST
            .split("const ROUTES")
            .nth(1)
            .and_then(|t| t.split("\n];").next())
            .unwrap_or_default();
        let channel_create = SERVER_ALLOW_LIST
            .split("const CHANNEL_CREATE: &str = \"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .unwrap_or("CHANNEL_CREATE");
        table
            .split("route(")
            .skip(1)
            .map(|r| {
                let mut args = r.split(',').map(str::trim);
                let name = args.next().unwrap_or_default().trim_matches('"');
                let name = if name == "CHANNEL_CREATE" {
                    channel_create
                } else {
                    name
                };
                let method = args
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches("Method::");
                (name.to_owned(), method.to_owned())
            })
            .collect()
    }

    #[test]
    fn every_server_code_is_explained_and_no_other() {
        let ours: BTreeSet<&str> = CODES.iter().map(|c| c.code).collect();
        assert_eq!(ours.len(), CODES.len(), "a code is listed twice");
        let server = server_codes();
        assert!(server.len() > 20, "the server's codes were not found");
        assert_eq!(ours, server);
    }

    #[test]
    fn the_allowed_calls_are_the_servers_routes() {
        let ours: BTreeSet<(String, String)> = ALLOWED_CALLS
            .iter()
            .map(|c| (c.name.to_owned(), c.method.to_owned()))
            .collect();
        let server = server_routes();
        assert!(server.len() > 20, "the server's routes were not found");
        assert_eq!(ours, server);
        assert_eq!(ours.len(), ALLOWED_CALLS.len());
    }

    #[test]
    fn nothing_reaches_genesys_for_refusals() {
        for c in [
            "lens.not.allowed",
            "lens.sign.in.required",
            "lens.path.rejected",
        ] {
            assert_eq!(find_code(c).map(|c| c.reached), Some(Reached::Nothing));
        }
        assert_eq!(
            find_code("lens.token.refused").map(|c| c.reached),
            Some(Reached::LoginOnly)
        );
        assert_eq!(find_code("lens.nope"), None);
    }

    #[test]
    fn the_about_page_is_the_companion_server_source() {
        assert_eq!(ABOUT.href, "/about");
        assert!(crate::source::APP_PAGES.contains(&ABOUT.href));
    }

    #[test]
    fn every_text_is_readable() {
        let texts = duties()
            .into_iter()
            .map(|c| c.text)
            .chain(CODES.iter().map(|c| c.meaning.to_owned()))
            .chain(ALLOWED_CALLS.iter().map(|c| c.what.to_owned()))
            .chain(MODES.iter().map(|(_, m)| (*m).to_owned()));
        for t in texts {
            assert!(!t.is_empty());
            assert_eq!(crate::source::internal_code(&t), None, "{t}");
        }
    }
}
