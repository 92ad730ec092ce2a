//! "Code": each call the page made, as curl, Python SDK, JavaScript SDK, `gc` CLI and Rust.
//!
//! Class and method names are the ones api-facts §2.1/§5 confirms for `PureCloudPlatformClientV2`
//! and `purecloud-platform-client-v2`. A token never appears: curl and Rust read `$GENESYS_TOKEN`,
//! the SDKs read client id/secret from the environment. CLI spellings are UNVERIFIED.

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
}

impl Call {
    pub const ALL: [Self; 5] = [
        Self::ConversationGet,
        Self::AnalyticsById,
        Self::AnalyticsMultiGet,
        Self::DetailsQuery,
        Self::DetailsJob,
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
        }
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
/// *started* on a day the interval touches (pain point 1).
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
        None => format!(
            "{token_note}curl -sS \"{url}\" \\\n  -H \"Authorization: Bearer $GENESYS_TOKEN\""
        ),
        Some(b) => format!(
            "{token_note}curl -sS -X POST \"{url}\" \\\n  -H \"Authorization: Bearer $GENESYS_TOKEN\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{b}'"
        ),
    };
    let mut notes = vec![Claim::new(
        "Client credentials: POST to the login host with HTTP Basic client id:secret and grant_type=client_credentials; the token lasts 24 h by default.",
        sources::CLIENT_CREDENTIALS,
    )];
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
    };
    let notes = vec![
        Claim::new(
            "Model constructors take no keyword arguments; set attributes one by one. Errors raise PureCloudPlatformClientV2.rest.ApiException (status, reason, body).",
            sources::TUTORIAL_VS_REALITY,
        ),
        Claim::new(
            "Use a client-credentials OAuth client only on a server, never in a browser.",
            sources::JS_SDK,
        ),
    ];
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
                "// options shape derived from the Python SDK's get_analytics_conversations_details(id=[...]) (UNVERIFIED)\nconst many = await new platformClient.AnalyticsApi().getAnalyticsConversationsDetails({{ id: ['{id}'] }});\n"
            ),
            false,
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
                "const body = {};\n// method name derived from the Python SDK's post_analytics_conversations_details_jobs (UNVERIFIED)\nconst {{ jobId }} = await new platformClient.AnalyticsApi().postAnalyticsConversationsDetailsJobs(body);\n",
                body(call, ctx).unwrap_or_default()
            ),
            false,
        ),
    };
    let notes = vec![Claim::new(
        "In a browser use an implicit or PKCE login instead; `loginClientCredentialsGrant` throws there.",
        sources::JS_SDK,
    )];
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
    };
    let notes = vec![Claim::new(
        "Command spellings follow the CLI's generated command tree but are not confirmed by our reference. The CLI retries 429s (5–60 s, up to 20 times).",
        sources::CLI_COMMANDS,
    )];
    (code, false, notes, sources::CLI_COMMANDS)
}

fn rust(call: Call, ctx: &SnippetContext) -> Parts {
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
    let notes = vec![Claim::new(
        "On 429 read `Retry-After` and wait; don't retry 400/401/403/404.",
        sources::PAIN_RATE_LIMITS,
    )];
    (code, true, notes, endpoint_source(call))
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
        assert!(!snippet(Call::ConversationGet, Lang::Cli, &ctx()).verified);
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
