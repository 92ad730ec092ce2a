//! "Code": each call the page made, as curl, Python SDK, JavaScript SDK, `gc` CLI and Rust.
//!
//! Class and method names are the ones the official SDKs and CLI publish (`PureCloudPlatformClientV2`,
//! `purecloud-platform-client-v2`, `gc`; reference/api-facts.md §2.1, §5). A token never appears:
//! curl and Rust read `$GENESYS_TOKEN`, the SDKs read client id/secret from the environment.
//!
//! What is true of every call in a language (how to log in, where it may run) is said once, in
//! [`language_notes`]; a snippet's own notes are about that call only. The hosts are the region's
//! the app runs against ([`host_choice`]).

pub mod subscribe;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use model::analytics::{
    AsyncConversationQuery, ConversationDetailQueryClauseType, ConversationDetailQueryFilter,
    ConversationDetailQueryPredicate, ConversationDetailQueryPredicateDimension,
    ConversationDetailQueryPredicateType, ConversationQuery, Operator, Order, OrderBy, PagingSpec,
};
use serde::Serialize;

use crate::region::Region;
use crate::source::{Claim, Source};
use crate::sources;

/// Which call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Call {
    ConversationGet,
    AnalyticsById,
    AnalyticsMultiGet,
    DetailsQuery,
    DetailsJob,
    /// Be told when it changes: a notification channel and the conversation's topics.
    Subscribe,
}

impl Call {
    pub const ALL: [Self; 6] = [
        Self::ConversationGet,
        Self::AnalyticsById,
        Self::AnalyticsMultiGet,
        Self::DetailsQuery,
        Self::DetailsJob,
        Self::Subscribe,
    ];

    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::ConversationGet => "Conversations API: GET /api/v2/conversations/{id}",
            Self::AnalyticsById => {
                "Analytics by id: GET /api/v2/analytics/conversations/{id}/details"
            }
            Self::AnalyticsMultiGet => {
                "Analytics multi-get: GET /api/v2/analytics/conversations/details?id=…"
            }
            Self::DetailsQuery => {
                "Details query: POST /api/v2/analytics/conversations/details/query"
            }
            Self::DetailsJob => "Async job: POST /api/v2/analytics/conversations/details/jobs",
            Self::Subscribe => "Live events: POST /api/v2/notifications/channels + …/subscriptions",
        }
    }
}

/// Which language/tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Lang {
    Curl,
    Python,
    JavaScript,
    Cli,
    Rust,
}

impl Lang {
    pub const ALL: [Self; 5] = [
        Self::Curl,
        Self::Python,
        Self::JavaScript,
        Self::Cli,
        Self::Rust,
    ];

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::Python => "Python SDK",
            Self::JavaScript => "JavaScript SDK",
            Self::Cli => "gc CLI",
            Self::Rust => "Rust (reqwest)",
        }
    }
}

/// What the snippets are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetContext {
    pub conversation_id: String,
    pub region: Region,
    /// The query interval (`start/end`); see [`interval_for_day`].
    pub interval: String,
    /// Notification topics for the subscription snippets (`lens::notifications::topics`);
    /// empty = placeholders.
    pub topics: Vec<String>,
}

impl SnippetContext {
    /// Context for a conversation that started at `start` (or today when unknown).
    #[must_use]
    pub fn new(
        conversation_id: &str,
        region: Region,
        start: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            conversation_id: conversation_id.to_owned(),
            region,
            interval: interval_for_day(start.unwrap_or(now)),
            topics: Vec::new(),
        }
    }

    /// The same context with the conversation's notification topics.
    #[must_use]
    pub fn with_topics(mut self, topics: Vec<String>) -> Self {
        self.topics = topics;
        self
    }
}

/// One snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    pub call: Call,
    pub lang: Lang,
    pub title: String,
    pub code: String,
    /// False when a name in it is not confirmed by our reference.
    pub verified: bool,
    pub notes: Vec<Claim>,
    pub source: Source,
}

/// The whole UTC day containing `t`, as a query interval: the query matches conversations that
/// *started* on a day the interval touches (reference/user-pain-points.md 1). Whether Genesys'
/// "day" is a UTC day is not stated anywhere (UNVERIFIED); a UTC day is what the interval says.
#[must_use]
pub fn interval_for_day(t: DateTime<Utc>) -> String {
    let day = t.date_naive().and_time(NaiveTime::MIN).and_utc();
    let next = day + Duration::days(1);
    format!(
        "{}/{}",
        model::time::to_wire(&day),
        model::time::to_wire(&next)
    )
}

fn id_filter(id: &str) -> Vec<ConversationDetailQueryFilter> {
    vec![ConversationDetailQueryFilter {
        type_: Some(ConversationDetailQueryClauseType::And),
        predicates: Some(vec![ConversationDetailQueryPredicate {
            type_: Some(ConversationDetailQueryPredicateType::Dimension),
            dimension: Some(ConversationDetailQueryPredicateDimension::ConversationId),
            operator: Some(Operator::Matches),
            value: Some(id.to_owned()),
            ..ConversationDetailQueryPredicate::default()
        }]),
        ..ConversationDetailQueryFilter::default()
    }]
}

/// The details-query body for one conversation id.
#[must_use]
pub fn details_query(ctx: &SnippetContext) -> ConversationQuery {
    ConversationQuery {
        interval: Some(ctx.interval.clone()),
        order: Some(Order::Asc),
        order_by: Some(OrderBy::ConversationStart),
        conversation_filters: Some(id_filter(&ctx.conversation_id)),
        paging: Some(PagingSpec {
            page_size: Some(25),
            page_number: Some(1),
        }),
        ..ConversationQuery::default()
    }
}

/// The async-job body for one conversation id.
#[must_use]
pub fn details_job(ctx: &SnippetContext) -> AsyncConversationQuery {
    AsyncConversationQuery {
        interval: Some(ctx.interval.clone()),
        order: Some(Order::Asc),
        order_by: Some(OrderBy::ConversationStart),
        conversation_filters: Some(id_filter(&ctx.conversation_id)),
        ..AsyncConversationQuery::default()
    }
}

fn pretty<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| "{}".to_owned())
}

fn path(call: Call, id: &str) -> String {
    match call {
        Call::ConversationGet => format!("/api/v2/conversations/{id}"),
        Call::AnalyticsById => format!("/api/v2/analytics/conversations/{id}/details"),
        Call::AnalyticsMultiGet => format!("/api/v2/analytics/conversations/details?id={id}"),
        Call::DetailsQuery => "/api/v2/analytics/conversations/details/query".to_owned(),
        Call::DetailsJob => "/api/v2/analytics/conversations/details/jobs".to_owned(),
        Call::Subscribe => "/api/v2/notifications/channels".to_owned(),
    }
}

fn body(call: Call, ctx: &SnippetContext) -> Option<String> {
    match call {
        Call::DetailsQuery => Some(pretty(&details_query(ctx))),
        Call::DetailsJob => Some(pretty(&details_job(ctx))),
        _ => None,
    }
}

/// One snippet.
#[must_use]
pub fn snippet(call: Call, lang: Lang, ctx: &SnippetContext) -> Snippet {
    let (code, verified, notes, source) = match lang {
        Lang::Curl => curl(call, ctx),
        Lang::Python => python(call, ctx),
        Lang::JavaScript => javascript(call, ctx),
        Lang::Cli => cli(call, ctx),
        Lang::Rust => rust(call, ctx),
    };
    Snippet {
        call,
        lang,
        title: format!("{} — {}", call.title(), lang.label()),
        code,
        verified,
        notes,
        source,
    }
}

/// Every call in every language.
#[must_use]
pub fn all(ctx: &SnippetContext) -> Vec<Snippet> {
    Call::ALL
        .iter()
        .flat_map(|c| Lang::ALL.iter().map(move |l| snippet(*c, *l, ctx)))
        .collect()
}

type Parts = (String, bool, Vec<Claim>, Source);

/// The reference entry for the endpoint a snippet calls.
const fn endpoint_source(call: Call) -> Source {
    match call {
        Call::ConversationGet => sources::CONVERSATIONS_GET,
        Call::Subscribe => sources::NOTIFICATIONS,
        _ => sources::ANALYTICS_ENDPOINTS,
    }
}

fn curl(call: Call, ctx: &SnippetContext) -> Parts {
    let url = format!(
        "{}{}",
        ctx.region.api_base(),
        path(call, &ctx.conversation_id)
    );
    let token_note = format!(
        "# GENESYS_TOKEN: curl -sS -X POST {}/oauth/token -u \"$GENESYS_CLIENT_ID:$GENESYS_CLIENT_SECRET\" -d grant_type=client_credentials\n",
        ctx.region.login_base()
    );
    let code = match body(call, ctx) {
        None if call == Call::Subscribe => subscribe::curl(ctx, &token_note),
        None => format!(
            "{token_note}curl -sS \"{url}\" \\\n  -H \"Authorization: Bearer $GENESYS_TOKEN\""
        ),
        Some(b) => format!(
            "{token_note}curl -sS -X POST \"{url}\" \\\n  -H \"Authorization: Bearer $GENESYS_TOKEN\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{b}'"
        ),
    };
    let mut notes = vec![];
    if call == Call::DetailsJob {
        notes.push(Claim::new(
            "Answers 202 with {\"jobId\"}; poll GET …/details/jobs/{jobId} until FULFILLED, then GET …/jobs/{jobId}/results (page with ?cursor=).",
            sources::ASYNC_JOBS,
        ));
    }
    (code, true, notes, endpoint_source(call))
}

fn python(call: Call, ctx: &SnippetContext) -> Parts {
    let id = &ctx.conversation_id;
    // The Python SDK 257.1.0 region table lacks the JS-only regions: set the host directly there.
    let host = if ctx.region.js_only {
        format!(
            "gc.configuration.host = \"{}\"  # region not in the Python SDK's PureCloudRegionHosts",
            ctx.region.api_base()
        )
    } else {
        format!(
            "gc.configuration.host = gc.PureCloudRegionHosts.{}.get_api_host()  # before creating clients",
            ctx.region.key
        )
    };
    let head = format!(
        "# pip install PureCloudPlatformClientV2\nimport os\nimport PureCloudPlatformClientV2 as gc\n\n{host}\napi = gc.api_client.ApiClient().get_client_credentials_token(\n    os.environ[\"GENESYS_CLIENT_ID\"], os.environ[\"GENESYS_CLIENT_SECRET\"])\n\n"
    );
    let filter = format!(
        "pred = gc.ConversationDetailQueryPredicate(); pred.type = \"dimension\"; pred.dimension = \"conversationId\"; pred.value = \"{id}\"\nflt = gc.ConversationDetailQueryFilter(); flt.type = \"and\"; flt.predicates = [pred]\n"
    );
    let body = match call {
        Call::ConversationGet => format!(
            "conv = gc.ConversationsApi(api).get_conversation(\"{id}\")\nprint(\"live\" if conv.end_time is None else \"ended\")  # no conv.state on reads\n"
        ),
        Call::AnalyticsById => {
            format!(
                "one = gc.AnalyticsApi(api).get_analytics_conversation_details(\"{id}\")  # no interval needed\nprint(one.conversation_end)\n"
            )
        }
        Call::AnalyticsMultiGet => format!(
            "many = gc.AnalyticsApi(api).get_analytics_conversations_details(id=[\"{id}\"])  # comma-separated ids, no interval\nprint([c.conversation_id for c in (many.conversations or [])])\n"
        ),
        Call::DetailsQuery => format!(
            "{filter}q = gc.ConversationQuery(); q.interval = \"{}\"; q.conversation_filters = [flt]\npage = gc.PagingSpec(); page.page_size = 25; page.page_number = 1; q.paging = page\nres = gc.AnalyticsApi(api).post_analytics_conversations_details_query(q)\nprint(res.total_hits, [c.conversation_id for c in (res.conversations or [])])  # not res.entities\n",
            ctx.interval
        ),
        Call::DetailsJob => format!(
            "{filter}q = gc.AsyncConversationQuery(); q.interval = \"{}\"; q.conversation_filters = [flt]\nanalytics = gc.AnalyticsApi(api)\njob = analytics.post_analytics_conversations_details_jobs(q)\nstatus = analytics.get_analytics_conversations_details_job(job.job_id)   # poll until status.state == \"FULFILLED\"\nresults = analytics.get_analytics_conversations_details_job_results(job.job_id)\n",
            ctx.interval
        ),
        Call::Subscribe => String::new(),
    };
    if call == Call::Subscribe {
        return (
            subscribe::python(ctx, &head),
            true,
            vec![Claim::new(
                "The SDK creates the channel and the subscriptions; the WebSocket itself is any WebSocket library (here `websockets`).",
                sources::NOTIFICATIONS,
            )],
            sources::NOTIFICATIONS,
        );
    }
    let notes = match call {
        Call::DetailsQuery | Call::DetailsJob => vec![Claim::new(
            "Model constructors take no keyword arguments; set attributes one by one.",
            sources::CONVERSATION_QUERY,
        )],
        _ => vec![],
    };
    (
        format!("{head}{body}"),
        true,
        notes,
        sources::TUTORIAL_VS_REALITY,
    )
}

fn javascript(call: Call, ctx: &SnippetContext) -> Parts {
    let id = &ctx.conversation_id;
    let head = format!(
        "// npm install purecloud-platform-client-v2 (Node.js: the client-credentials grant is refused in a browser)\nconst platformClient = require('purecloud-platform-client-v2');\nconst client = platformClient.ApiClient.instance;\nclient.setEnvironment(platformClient.PureCloudRegionHosts.{});\n\n(async () => {{\nawait client.loginClientCredentialsGrant(process.env.GENESYS_CLIENT_ID, process.env.GENESYS_CLIENT_SECRET);\n",
        ctx.region.key
    );
    let (code, verified) = match call {
        Call::ConversationGet => (
            format!(
                "const conversation = await new platformClient.ConversationsApi().getConversation('{id}');\n"
            ),
            true,
        ),
        Call::AnalyticsById => (
            format!(
                "const details = await new platformClient.AnalyticsApi().getAnalyticsConversationDetails('{id}');\n"
            ),
            true,
        ),
        Call::AnalyticsMultiGet => (
            format!(
                "const many = await new platformClient.AnalyticsApi().getAnalyticsConversationsDetails({{ id: ['{id}'] }});\nconsole.log((many.conversations || []).map(c => c.conversationId));\n"
            ),
            true,
        ),
        Call::DetailsQuery => (
            format!(
                "const body = {};\nconst res = await new platformClient.AnalyticsApi().postAnalyticsConversationsDetailsQuery(body);\nconsole.log(res.totalHits, (res.conversations || []).map(c => c.conversationId));\n",
                body(call, ctx).unwrap_or_default()
            ),
            true,
        ),
        Call::DetailsJob => (
            format!(
                "const body = {};\nconst {{ jobId }} = await new platformClient.AnalyticsApi().postAnalyticsConversationsDetailsJobs(body);\n",
                body(call, ctx).unwrap_or_default()
            ),
            true,
        ),
        Call::Subscribe => (subscribe::javascript(ctx), true),
    };
    let notes = vec![];
    // CommonJS has no top-level await: the calls run inside an async function.
    (
        format!("{head}{code}}})().catch(console.error);\n"),
        verified,
        notes,
        sources::JS_SDK,
    )
}

fn cli(call: Call, ctx: &SnippetContext) -> Parts {
    let id = &ctx.conversation_id;
    let code = match call {
        Call::ConversationGet => format!("gc conversations get {id}"),
        Call::AnalyticsById => format!("gc analytics conversations details get {id}"),
        Call::AnalyticsMultiGet => format!("gc analytics conversations details list --id {id}"),
        Call::DetailsQuery => format!(
            "cat > query.json <<'JSON'\n{}\nJSON\ngc analytics conversations details query create --file query.json",
            body(call, ctx).unwrap_or_default()
        ),
        Call::DetailsJob => format!(
            "cat > job.json <<'JSON'\n{}\nJSON\ngc analytics conversations details jobs create --file job.json",
            body(call, ctx).unwrap_or_default()
        ),
        Call::Subscribe => subscribe::cli(ctx),
    };
    (code, true, vec![], sources::CLI_COMMANDS)
}

fn rust(call: Call, ctx: &SnippetContext) -> Parts {
    if call == Call::Subscribe {
        let code = subscribe::rust(ctx);
        return (code, true, vec![], endpoint_source(call));
    }
    let url = format!(
        "{}{}",
        ctx.region.api_base(),
        path(call, &ctx.conversation_id)
    );
    let request = match body(call, ctx) {
        None => format!("client.get(\"{url}\")"),
        Some(b) => {
            let indented = b.replace('\n', "\n        ");
            format!("client.post(\"{url}\")\n        .json(&serde_json::json!({indented}))")
        }
    };
    let code = format!(
        "// Cargo.toml: reqwest = {{ version = \"0.13\", features = [\"json\"] }}, tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}, serde_json = \"1\"\n#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    let token = std::env::var(\"GENESYS_TOKEN\")?; // never hard-code a token\n    let client = reqwest::Client::new();\n    let res = {request}\n        .bearer_auth(&token)\n        .send()\n        .await?;\n    let correlation = res.headers().get(\"inin-correlation-id\").cloned();\n    println!(\"{{}} {{:?}}\", res.status(), correlation);\n    println!(\"{{}}\", res.text().await?);\n    Ok(())\n}}\n"
    );
    (code, true, vec![], endpoint_source(call))
}

/// What is true of every snippet in `lang`, said once above them: how the code gets a token,
/// where it may run, what to do on errors.
#[must_use]
pub fn language_notes(lang: Lang, ctx: &SnippetContext) -> Vec<Claim> {
    let login = ctx.region.login_base();
    let client_credentials = Claim::new(
        format!(
            "Client credentials (server side only): POST {login}/oauth/token with HTTP Basic client id:secret and grant_type=client_credentials. The token lasts 24 h unless the OAuth client sets another lifetime."
        ),
        sources::CLIENT_CREDENTIALS,
    );
    let browser = Claim::new(
        "In a browser, log in with Authorization Code + PKCE (`loginPKCEGrant` in the JavaScript SDK): there is no secret to hide and the token never appears in the address bar.",
        sources::PKCE,
    );
    let not_implicit = Claim::new(
        "Not the implicit grant: Genesys stops offering it for new OAuth clients from March 2026 and it stops working by March 2027.",
        sources::IMPLICIT_RETIREMENT,
    );
    let retry = Claim::new(
        "On 429 wait for `Retry-After` seconds, then retry; never retry 400, 401, 403 or 404 — they fail the same way again.",
        sources::PAIN_RATE_LIMITS,
    );
    match lang {
        Lang::Curl | Lang::Rust => vec![
            client_credentials,
            Claim::new(
                "These read the token from $GENESYS_TOKEN: never paste a real token into code you share.",
                sources::COMPANION_SERVER,
            ),
            retry,
        ],
        Lang::Python => vec![
            Claim::new(
                "`get_client_credentials_token` does the client-credentials exchange: use it only on a server, never in a browser.",
                sources::CLIENT_CREDENTIALS,
            ),
            Claim::new(
                "Errors raise `PureCloudPlatformClientV2.rest.ApiException` (status, reason, body); the SDK does not retry 429s for you.",
                sources::TUTORIAL_VS_REALITY,
            ),
            retry,
        ],
        Lang::JavaScript => vec![
            Claim::new(
                "These run in Node.js: `loginClientCredentialsGrant` throws in a browser (\"The client credentials grant is not supported in a browser\").",
                sources::JS_SDK,
            ),
            browser,
            not_implicit,
        ],
        Lang::Cli => vec![Claim::new(
            "`gc` logs in with the profile `gc profiles new` creates (an OAuth client's id and secret, or a browser login when you need user context) and retries 429s itself: 5–60 s apart, up to 20 times.",
            sources::CLI_COMMANDS,
        )],
    }
}

/// How the companion server reaches Genesys, as `GET /api/health` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerTarget<'a> {
    /// The embedded demo org (`mode: "demo"`): no real host is involved.
    Demo,
    /// A real org (`mode: "real"`) with this region label: an SDK key, or `custom` for URL overrides.
    Real(&'a str),
    /// Health not known (still loading, or the server did not answer).
    Unknown,
}

impl<'a> ServerTarget<'a> {
    /// From the `mode` and `region` fields of `/api/health`.
    #[must_use]
    pub fn from_health(mode: &str, region: Option<&'a str>) -> Self {
        match (mode, region) {
            ("demo", _) => Self::Demo,
            ("real", Some(r)) => Self::Real(r),
            _ => Self::Unknown,
        }
    }
}

/// Which region's hosts the snippets use, and why, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostChoice {
    pub region: Region,
    /// True when the reader should pick the region (the server's is not a real region).
    pub can_pick: bool,
    pub why: Claim,
}

/// The hosts for the snippets: the server's own region when it runs against a real one (the same
/// hosts the app just called); otherwise `picked` (default `us_east_1`), saying so honestly.
#[must_use]
pub fn host_choice(target: ServerTarget<'_>, picked: Option<Region>) -> HostChoice {
    let fallback = picked.unwrap_or(crate::region::US_EAST_1);
    let hosts = |r: Region| format!("{} (token from {})", r.api_base(), r.login_base());
    match target {
        ServerTarget::Real(label) => match crate::region::find(label) {
            Some(r) => HostChoice {
                region: *r,
                can_pick: false,
                why: Claim::new(
                    format!(
                        "The app is connected to your org in {}: the snippets call {}, the same hosts the app just used.",
                        r.key,
                        hosts(*r)
                    ),
                    sources::REGIONS,
                ),
            },
            None => HostChoice {
                region: fallback,
                can_pick: true,
                why: Claim::new(
                    format!(
                        "The server uses a custom API address, so its region is not known here: the snippets show {}'s hosts, {}. Pick your org's region.",
                        fallback.key,
                        hosts(fallback)
                    ),
                    sources::REGIONS,
                ),
            },
        },
        ServerTarget::Demo => HostChoice {
            region: fallback,
            can_pick: true,
            why: Claim::new(
                format!(
                    "The app is running against its built-in demo org (simulated on this machine, no Genesys account involved). Against a real org in {} the same calls go to {}. Pick your org's region.",
                    fallback.key,
                    hosts(fallback)
                ),
                sources::REGIONS,
            ),
        },
        ServerTarget::Unknown => HostChoice {
            region: fallback,
            can_pick: true,
            why: Claim::new(
                format!(
                    "The server's region is not known yet: the snippets show {}'s hosts, {}.",
                    fallback.key,
                    hosts(fallback)
                ),
                sources::REGIONS,
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::{self, US_EAST_1};

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    fn ctx() -> SnippetContext {
        let start = model::time::from_wire("2026-05-12T14:02:11.204Z").ok();
        SnippetContext::new(
            ID,
            *region::find("eu_west_1").unwrap_or(&US_EAST_1),
            start,
            Utc::now(),
        )
    }

    #[test]
    fn interval_is_the_start_day() {
        assert_eq!(
            ctx().interval,
            "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z"
        );
    }

    #[test]
    fn no_token_ever_and_region_aware() {
        for s in all(&ctx()) {
            assert!(
                s.code.contains(ID) || matches!(s.call, Call::DetailsQuery | Call::DetailsJob),
                "{}",
                s.title
            );
            assert!(!s.code.contains("Bearer ey"), "{}", s.title);
            if matches!(s.lang, Lang::Curl | Lang::Rust) {
                assert!(s.code.contains("api.mypurecloud.ie"), "{}", s.title);
                assert!(s.code.contains("GENESYS_TOKEN"), "{}", s.title);
            }
        }
    }

    #[test]
    fn real_sdk_names() {
        let py = snippet(Call::DetailsQuery, Lang::Python, &ctx()).code;
        for must in [
            "import PureCloudPlatformClientV2",
            "gc.ConversationQuery()",
            "post_analytics_conversations_details_query",
            "PureCloudRegionHosts.eu_west_1",
        ] {
            assert!(py.contains(must), "missing {must}");
        }
        for never in [
            "purecloud_platform_client",
            "ConversationDetailQueryRequest",
            "select",
            "entities =",
        ] {
            assert!(!py.contains(never), "tutorial name {never} leaked");
        }
        let js = snippet(Call::AnalyticsById, Lang::JavaScript, &ctx()).code;
        assert!(
            js.contains("getAnalyticsConversationDetails")
                && js.contains("purecloud-platform-client-v2")
        );
        let cli = snippet(Call::DetailsJob, Lang::Cli, &ctx()).code;
        assert!(cli.contains("gc analytics conversations details jobs create --file"));
    }

    #[test]
    fn sdk_and_cli_calls_found_in_the_official_sources_are_not_hedged() {
        for s in all(&ctx()) {
            assert!(s.verified, "{}", s.title);
            assert!(!s.code.contains("UNVERIFIED"), "{}", s.title);
        }
        let js = snippet(Call::AnalyticsMultiGet, Lang::JavaScript, &ctx()).code;
        assert!(js.contains("getAnalyticsConversationsDetails({ id: ["));
    }

    #[test]
    fn the_login_paragraph_is_said_once_per_language() {
        let c = ctx();
        for lang in Lang::ALL {
            for s in all(&c).into_iter().filter(|s| s.lang == lang) {
                for n in &s.notes {
                    let t = n.text.to_ascii_lowercase();
                    assert!(
                        !t.contains("client credentials") && !t.contains("grant_type"),
                        "{}: repeats the login note: {}",
                        s.title,
                        n.text
                    );
                }
            }
        }
        let curl = language_notes(Lang::Curl, &c);
        let logins = curl
            .iter()
            .filter(|n| n.text.contains("grant_type=client_credentials"))
            .count();
        assert_eq!(logins, 1);
        assert!(
            curl[0]
                .text
                .contains("https://login.mypurecloud.ie/oauth/token")
        );
    }

    #[test]
    fn browsers_are_told_pkce_not_implicit() {
        let js = language_notes(Lang::JavaScript, &ctx());
        assert!(js.iter().any(|n| n.text.contains("PKCE")));
        let implicit: Vec<_> = js
            .iter()
            .filter(|n| n.text.to_ascii_lowercase().contains("implicit"))
            .collect();
        assert_eq!(implicit.len(), 1);
        assert!(implicit[0].text.starts_with("Not the implicit grant"));
        assert!(implicit[0].text.contains("2027"));
        for lang in Lang::ALL {
            for n in language_notes(lang, &ctx()) {
                assert!(!n.text.contains("use an implicit"), "{}", n.text);
            }
        }
    }

    #[test]
    fn hosts_follow_the_server() {
        let real = host_choice(ServerTarget::from_health("real", Some("eu_west_1")), None);
        assert_eq!(real.region.key, "eu_west_1");
        assert!(!real.can_pick);
        assert!(real.why.text.contains("https://api.mypurecloud.ie"));

        // A real org ignores a pick: the snippets must call the hosts the app used.
        let ap = region::find("ap_southeast_2").copied();
        assert_eq!(
            host_choice(ServerTarget::Real("eu_west_1"), ap).region.key,
            "eu_west_1"
        );

        let demo = host_choice(ServerTarget::from_health("demo", Some("demo")), None);
        assert_eq!(demo.region, US_EAST_1);
        assert!(demo.can_pick);
        assert!(demo.why.text.contains("demo org"));
        assert!(demo.why.text.contains("https://api.mypurecloud.com"));
        let picked = host_choice(ServerTarget::Demo, ap);
        assert!(picked.why.text.contains("https://api.mypurecloud.com.au"));
        assert_eq!(picked.region.key, "ap_southeast_2");

        let custom = host_choice(ServerTarget::from_health("real", Some("custom")), None);
        assert!(custom.can_pick && custom.why.text.contains("custom API address"));
        let unknown = host_choice(ServerTarget::from_health("", None), None);
        assert!(unknown.can_pick && unknown.why.text.contains("not known yet"));
    }

    #[test]
    fn javascript_has_no_top_level_await_and_python_handles_js_only_regions() {
        for s in all(&ctx())
            .into_iter()
            .filter(|s| s.lang == Lang::JavaScript)
        {
            let first_await = s.code.find("await").unwrap_or(0);
            let wrapper = s.code.find("(async () => {").unwrap_or(usize::MAX);
            assert!(wrapper < first_await, "{}", s.title);
        }
        let edee = *region::find("eusc_de_east_1").unwrap_or(&US_EAST_1);
        let c = SnippetContext {
            region: edee,
            ..ctx()
        };
        let py = snippet(Call::ConversationGet, Lang::Python, &c).code;
        assert!(
            py.contains("https://api.edee1.eusc-pure.cloud")
                && !py.contains("PureCloudRegionHosts.eusc")
        );
    }

    #[test]
    fn query_body_is_a_valid_conversation_query() {
        let body = serde_json::to_value(details_query(&ctx())).unwrap_or_default();
        assert_eq!(
            body["conversationFilters"][0]["predicates"][0]["dimension"],
            "conversationId"
        );
        assert_eq!(body["paging"]["pageSize"], 25);
        assert!(body.get("select").is_none() && body.get("size").is_none());
    }
}
