//! Start-up configuration: clap flags → process environment → `.env` file, resolved once into a
//! typed [`Config`]. Every mistake becomes a [`ConfigError`] that says what to do.
//!
//! The client secret has no flag on purpose: flags show up in `ps` and shell history.

use crate::region::{Region, UnknownRegion};
use crate::secret::Secret;
use clap::Parser;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const ENV_REGION: &str = "GENESYSCLOUD_REGION";
pub const ENV_CLIENT_ID: &str = "GENESYSCLOUD_OAUTHCLIENT_ID";
pub const ENV_CLIENT_SECRET: &str = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
/// Names the seed tutorial used; accepted as aliases.
pub const ENV_CLIENT_ID_ALIAS: &str = "GENESYS_CLIENT_ID";
pub const ENV_CLIENT_SECRET_ALIAS: &str = "GENESYS_CLIENT_SECRET";

pub const DEFAULT_PORT: u16 = 8080;
pub const DEFAULT_DIST: &str = "dist";

/// Command line of `conversation-lens-server`. Every flag also reads an environment variable and,
/// failing that, the `.env` file.
#[derive(Debug, Clone, Default, Parser)]
#[command(
    name = "conversation-lens-server",
    version,
    about = "Conversation Lens companion server: serves the app and a read-only, allow-listed proxy to Genesys Cloud.",
    after_help = "Modes:\n  demo org     no region and no credentials (or --demo): the embedded simulated org.\n  sign-in only --region (or GENESYSCLOUD_REGION, or --api-url/--login-url) without client credentials: your org, read with your own token (\"Sign in with Genesys Cloud\" with a PKCE client id, or a pasted token); the server holds no credentials.\n  credentials  GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (aliases GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET) plus the region, in the environment or a .env file: the server reads your org with its own client-credentials token.\nValues are read from flags, then the environment, then the .env file."
)]
pub struct Cli {
    /// Genesys Cloud region: SDK name (eu_west_1) or domain (mypurecloud.ie).
    #[arg(long, env = ENV_REGION)]
    pub region: Option<String>,
    /// OAuth client id (client-credentials grant). The secret is read only from the environment.
    #[arg(long, env = ENV_CLIENT_ID)]
    pub client_id: Option<String>,
    /// Override the API base URL (default https://api.<region domain>).
    #[arg(long, env = "LENS_API_URL")]
    pub api_url: Option<String>,
    /// Override the login base URL (default https://login.<region domain>, or the API URL with
    /// `//api.` replaced by `//login.`, or the API URL itself).
    #[arg(long, env = "LENS_LOGIN_URL")]
    pub login_url: Option<String>,
    /// Port to listen on [default: 8080; 0 = any free port].
    #[arg(long, env = "LENS_PORT")]
    pub port: Option<u16>,
    /// Address to bind [default: 127.0.0.1]. Anything else exposes the proxy to your network.
    #[arg(long, env = "LENS_BIND")]
    pub bind: Option<String>,
    /// Directory of the built app (Trunk output) [default: dist].
    #[arg(long, env = "LENS_DIST")]
    pub dist: Option<PathBuf>,
    /// Use the embedded demo org even if credentials are configured.
    #[arg(long, env = "LENS_DEMO")]
    pub demo: bool,
    /// Extra host names the browser may use to reach this server (DNS-rebinding defence allows
    /// only localhost, the loopback addresses and the bind address otherwise). Repeatable.
    #[arg(
        long = "allowed-host",
        env = "LENS_ALLOWED_HOSTS",
        value_delimiter = ','
    )]
    pub allowed_hosts: Vec<String>,
    /// Extra origins allowed to POST/DELETE (e.g. `http://127.0.0.1:8081` for `trunk serve`,
    /// whose proxy forwards the browser's Origin). Repeatable.
    #[arg(
        long = "allowed-origin",
        env = "LENS_ALLOWED_ORIGINS",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,
    /// `.env` file to read [default: .env in the working directory, if present].
    #[arg(long)]
    pub env_file: Option<PathBuf>,
    /// Seconds before a Genesys call is abandoned with 504 [default: 30].
    #[arg(long, env = "LENS_UPSTREAM_TIMEOUT_SECS")]
    pub upstream_timeout_secs: Option<u64>,
    /// Demo org: simulated seconds per real second.
    #[arg(long)]
    pub time_scale: Option<f64>,
    /// Demo org: lifetime of issued tokens in seconds.
    #[arg(long)]
    pub demo_token_ttl_secs: Option<u64>,
    /// Demo org: requests per token per minute before 429.
    #[arg(long)]
    pub demo_rate_limit: Option<u32>,
    /// Demo org: seed of the synthetic conversations.
    #[arg(long)]
    pub demo_seed: Option<u64>,
    /// Demo org: analytics retention in days (`retentionDays`; 0 = not set) [default: 90].
    /// Real orgs allow 90..=1825; fewer is allowed here to watch data expire.
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=1825))]
    pub demo_analytics_retention_days: Option<u32>,
}

/// Knobs passed through to the embedded demo org (None = the demo org's default).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DemoKnobs {
    pub time_scale: Option<f64>,
    pub token_ttl_secs: Option<u64>,
    pub rate_limit_per_minute: Option<u32>,
    pub seed: Option<u64>,
    /// `Some(0)` = no retention setting.
    pub analytics_retention_days: Option<u32>,
}

/// OAuth client credentials. `Debug` never shows the secret.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub client_id: String,
    pub client_secret: Secret,
}

/// Where Genesys (or something that answers like it) lives.
#[derive(Debug, Clone)]
pub struct RealUpstream {
    pub api_url: String,
    pub login_url: String,
    /// What `/api/health` reports: the region key, or `custom` for URL overrides.
    pub region_label: String,
    /// The server's own client (client-credentials grant). `None` = sign-in only: the proxy
    /// forwards a call only with the user's own token (signed in with PKCE, or pasted).
    pub credentials: Option<Credentials>,
}

#[derive(Debug, Clone)]
pub enum Mode {
    /// Start the embedded demo org and talk to it like a region.
    Demo(DemoKnobs),
    Real(RealUpstream),
}

/// Fully resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub dist: PathBuf,
    pub allowed_hosts: Vec<String>,
    /// Extra origins (`http://host:port`) allowed for POST/DELETE besides this server's own.
    pub allowed_origins: Vec<String>,
    pub upstream_timeout: Duration,
    pub mode: Mode,
    /// Header-read/idle timeout and connection cap (fixed defaults; tests shorten them).
    pub connections: crate::connections::ConnLimits,
    /// Human notes to print at start-up (e.g. "region set but no credentials").
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "{ENV_CLIENT_ID} (or {ENV_CLIENT_ID_ALIAS}) is set but {ENV_CLIENT_SECRET} (or {ENV_CLIENT_SECRET_ALIAS}) is missing; set both to use your org, or unset both to use the demo org"
    )]
    MissingSecret,
    #[error(
        "{ENV_CLIENT_SECRET} (or {ENV_CLIENT_SECRET_ALIAS}) is set but {ENV_CLIENT_ID} (or {ENV_CLIENT_ID_ALIAS}) is missing; set both to use your org, or unset both to use the demo org"
    )]
    MissingClientId,
    #[error(
        "client credentials are set but no region: set {ENV_REGION} (e.g. eu_west_1 or mypurecloud.ie) or pass --region / --api-url"
    )]
    MissingRegion,
    #[error(
        "--login-url is set but no API host: set {ENV_REGION} (e.g. eu_west_1 or mypurecloud.ie) or pass --region / --api-url too"
    )]
    MissingApiUrl,
    #[error(transparent)]
    UnknownRegion(#[from] UnknownRegion),
    #[error(
        "{what} {value:?} is not a usable URL ({reason}); expected e.g. https://api.mypurecloud.ie"
    )]
    BadUrl {
        what: &'static str,
        value: String,
        reason: String,
    },
    #[error("bind address {0:?} is not an IP address; use e.g. 127.0.0.1 or ::1")]
    BadBind(String),
    #[error("{what} {value:?} is not valid: {reason}")]
    BadValue {
        what: &'static str,
        value: String,
        reason: &'static str,
    },
    #[error("cannot read env file {path}: {reason}")]
    EnvFile { path: String, reason: String },
}

/// Values from a `.env` file (never exported into the process environment).
#[derive(Debug, Clone, Default)]
pub struct DotEnv(HashMap<String, String>);

impl DotEnv {
    /// Parses `KEY=VALUE` lines; `#` comments, blank lines, `export ` prefixes and matching
    /// single/double quotes are accepted. Malformed lines are skipped (they are reported by name only,
    /// since they may hold secrets).
    pub fn parse(text: &str) -> DotEnv {
        let mut map = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let line = line.strip_prefix("export ").unwrap_or(line);
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim();
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let value = value.trim();
            let value = unquote(value).unwrap_or(value);
            map.insert(key.to_string(), value.to_string());
        }
        DotEnv(map)
    }

    /// Reads `path`. A missing default file is fine; a missing explicit file is an error.
    pub fn load(path: Option<&Path>) -> Result<DotEnv, ConfigError> {
        let (path, explicit) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (PathBuf::from(".env"), false),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(DotEnv::parse(&text)),
            Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
                Ok(DotEnv::default())
            }
            Err(e) => Err(ConfigError::EnvFile {
                path: path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

fn unquote(v: &str) -> Option<&str> {
    ['"', '\'']
        .iter()
        .find_map(|q| v.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
}

/// Where values come from besides the flags: the process environment and the `.env` file.
/// Injected so tests never touch the real environment.
pub struct Sources<'a> {
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub dotenv: &'a DotEnv,
}

impl Sources<'_> {
    /// First non-empty value: each key in the process environment, then each key in `.env`.
    fn lookup(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| (self.env)(k))
            .or_else(|| {
                keys.iter()
                    .find_map(|k| self.dotenv.get(k).map(str::to_string))
            })
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Resolves flags + environment + `.env` into a [`Config`].
pub fn resolve(cli: &Cli, src: &Sources<'_>) -> Result<Config, ConfigError> {
    let mut notes = Vec::new();
    let pick =
        |flag: &Option<String>, keys: &[&str]| non_empty(flag.clone()).or_else(|| src.lookup(keys));

    let region = pick(&cli.region, &[ENV_REGION]);
    let client_id = pick(&cli.client_id, &[ENV_CLIENT_ID, ENV_CLIENT_ID_ALIAS]);
    let client_secret = src.lookup(&[ENV_CLIENT_SECRET, ENV_CLIENT_SECRET_ALIAS]);
    let api_url = pick(&cli.api_url, &["LENS_API_URL"]);
    let login_url = pick(&cli.login_url, &["LENS_LOGIN_URL"]);

    let port = match cli.port {
        Some(p) => p,
        None => match src.lookup(&["LENS_PORT"]) {
            Some(v) => v.parse().map_err(|_| ConfigError::BadValue {
                what: "LENS_PORT",
                value: v,
                reason: "expected a port number 0-65535",
            })?,
            None => DEFAULT_PORT,
        },
    };
    let bind_text = pick(&cli.bind, &["LENS_BIND"]).unwrap_or_else(|| "127.0.0.1".into());
    let bind: IpAddr = bind_text
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .map_err(|_| ConfigError::BadBind(bind_text.clone()))?;
    if !bind.is_loopback() {
        notes.push(format!(
            "bound to {bind}, not loopback: other machines can reach this proxy; add --allowed-host for the names they use"
        ));
    }
    let dist = cli
        .dist
        .clone()
        .or_else(|| src.lookup(&["LENS_DIST"]).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIST));
    let demo_flag = cli.demo
        || src
            .lookup(&["LENS_DEMO"])
            .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes"));

    let mut allowed_hosts = Vec::new();
    for h in &cli.allowed_hosts {
        let h = h.trim().to_ascii_lowercase();
        if h.is_empty() {
            continue;
        }
        if !h
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        {
            return Err(ConfigError::BadValue {
                what: "--allowed-host",
                value: h,
                reason: "a host name may contain only letters, digits, '.', '-' (and ':' / [] for IPv6)",
            });
        }
        allowed_hosts.push(h);
    }

    let mut allowed_origins = Vec::new();
    for o in &cli.allowed_origins {
        let o = o.trim().trim_end_matches('/').to_ascii_lowercase();
        if o.is_empty() {
            continue;
        }
        let ok = reqwest::Url::parse(&o).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && u.path() == "/"
        });
        if !ok {
            return Err(ConfigError::BadValue {
                what: "--allowed-origin",
                value: o,
                reason: "expected an origin like http://127.0.0.1:8081 (scheme, host, optional port; no path)",
            });
        }
        allowed_origins.push(o);
    }

    let upstream_timeout = Duration::from_secs(cli.upstream_timeout_secs.unwrap_or(30).max(1));

    if let Some(ts) = cli.time_scale
        && !(ts.is_finite() && ts > 0.0)
    {
        return Err(ConfigError::BadValue {
            what: "--time-scale",
            value: ts.to_string(),
            reason: "must be a positive number (1 = real time, 10 = ten times faster)",
        });
    }

    let upstream_set = region.is_some() || api_url.is_some() || login_url.is_some();
    let mode = match (client_id, client_secret) {
        _ if demo_flag => Mode::Demo(knobs(cli)),
        (None, None) if !upstream_set => Mode::Demo(knobs(cli)),
        (None, None) => {
            notes.push(format!(
                "no client credentials ({ENV_CLIENT_ID} / {ENV_CLIENT_SECRET}): sign-in only. The server holds no token; lookups need yours (\"Sign in with Genesys Cloud\" in the app's Access token drawer, or a pasted token). Pass --demo for the demo org."
            ));
            let up = upstream(region.as_deref(), api_url.as_deref(), login_url.as_deref())?
                .ok_or(ConfigError::MissingApiUrl)?;
            Mode::Real(RealUpstream {
                credentials: None,
                ..up
            })
        }
        (Some(_), None) => return Err(ConfigError::MissingSecret),
        (None, Some(_)) => return Err(ConfigError::MissingClientId),
        (Some(client_id), Some(secret)) => {
            let up = upstream(region.as_deref(), api_url.as_deref(), login_url.as_deref())?
                .ok_or(ConfigError::MissingRegion)?;
            Mode::Real(RealUpstream {
                credentials: Some(Credentials {
                    client_id,
                    client_secret: Secret::new(secret),
                }),
                ..up
            })
        }
    };

    Ok(Config {
        listen: SocketAddr::new(bind, port),
        dist,
        allowed_hosts,
        allowed_origins,
        upstream_timeout,
        mode,
        connections: crate::connections::ConnLimits::default(),
        notes,
    })
}

/// The API and login hosts from a region and/or URL overrides (credentials left empty);
/// `None` when there is no API host to derive.
fn upstream(
    region: Option<&str>,
    api_url: Option<&str>,
    login_url: Option<&str>,
) -> Result<Option<RealUpstream>, ConfigError> {
    let region = region.map(Region::parse).transpose()?;
    let api = match (api_url, region) {
        (Some(u), _) => check_url("--api-url", u)?,
        (None, Some(r)) => r.api_url(),
        (None, None) => return Ok(None),
    };
    let login = match (login_url, region, api_url) {
        (Some(u), _, _) => check_url("--login-url", u)?,
        (None, Some(r), None) => r.login_url(),
        // The SDKs derive the login host by replacing `//api.` with `//login.` (reference/api-facts.md §3.1);
        // the demo org serves both on one host, so otherwise reuse the API URL.
        (None, _, Some(_)) => api.replacen("//api.", "//login.", 1),
        (None, None, None) => return Ok(None),
    };
    let region_label = match (region, api_url) {
        (Some(r), None) => r.key.to_string(),
        _ => "custom".to_string(),
    };
    Ok(Some(RealUpstream {
        api_url: api,
        login_url: login,
        region_label,
        credentials: None,
    }))
}

fn knobs(cli: &Cli) -> DemoKnobs {
    DemoKnobs {
        time_scale: cli.time_scale,
        token_ttl_secs: cli.demo_token_ttl_secs,
        rate_limit_per_minute: cli.demo_rate_limit,
        seed: cli.demo_seed,
        analytics_retention_days: cli.demo_analytics_retention_days,
    }
}

/// Accepts `http(s)://host[:port][/]`; returns it without the trailing slash.
fn check_url(what: &'static str, value: &str) -> Result<String, ConfigError> {
    let bad = |reason: &str| ConfigError::BadUrl {
        what,
        value: value.to_string(),
        reason: reason.to_string(),
    };
    let url = reqwest::Url::parse(value).map_err(|e| bad(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("only http and https are supported"));
    }
    if url.host_str().is_none() {
        return Err(bad("no host"));
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return Err(bad("no query, fragment or user info allowed"));
    }
    Ok(value.trim().trim_end_matches('/').to_string())
}

/// The default listen address, for docs and tests.
pub fn default_listen() -> SocketAddr {
    SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), DEFAULT_PORT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_with(
        args: &[&str],
        env: &[(&str, &str)],
        dotenv: &str,
    ) -> Result<Config, ConfigError> {
        let mut argv = vec!["conversation-lens-server"];
        argv.extend_from_slice(args);
        // Flags only: clap's own env fallback would read the real environment, so tests pass
        // everything through `Sources` instead.
        let cli = Cli::try_parse_from(argv).map_err(|e| ConfigError::BadValue {
            what: "args",
            value: e.to_string(),
            reason: "clap",
        })?;
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let lookup = move |k: &str| env.get(k).cloned();
        let dotenv = DotEnv::parse(dotenv);
        resolve(
            &cli,
            &Sources {
                env: &lookup,
                dotenv: &dotenv,
            },
        )
    }

    #[test]
    fn no_credentials_means_demo_on_loopback_8080() {
        let c = resolve_with(&[], &[], "").expect("valid");
        assert!(matches!(c.mode, Mode::Demo(_)));
        assert_eq!(c.listen, default_listen());
        assert_eq!(c.dist, PathBuf::from("dist"));
    }

    #[test]
    fn full_credentials_with_region_domain() {
        let c = resolve_with(
            &[],
            &[
                (ENV_CLIENT_ID, "abc"),
                (ENV_CLIENT_SECRET, "s3cr3t"),
                (ENV_REGION, "mypurecloud.ie"),
            ],
            "",
        )
        .expect("valid");
        let Mode::Real(r) = c.mode else {
            panic!("expected real mode")
        };
        assert_eq!(r.api_url, "https://api.mypurecloud.ie");
        assert_eq!(r.login_url, "https://login.mypurecloud.ie");
        assert_eq!(r.region_label, "eu_west_1");
        assert_eq!(
            r.credentials
                .as_ref()
                .expect("credentials")
                .client_secret
                .expose(),
            "s3cr3t"
        );
    }

    #[test]
    fn aliases_and_dotenv_are_read() {
        let c = resolve_with(
            &[],
            &[(ENV_CLIENT_ID_ALIAS, "abc")],
            "# comment\nexport GENESYS_CLIENT_SECRET=\"quoted secret\"\nGENESYSCLOUD_REGION='us_west_2'\n",
        )
        .expect("valid");
        let Mode::Real(r) = c.mode else {
            panic!("expected real mode")
        };
        assert_eq!(
            r.credentials.as_ref().expect("credentials").client_id,
            "abc"
        );
        assert_eq!(
            r.credentials
                .as_ref()
                .expect("credentials")
                .client_secret
                .expose(),
            "quoted secret"
        );
        assert_eq!(r.region_label, "us_west_2");
    }

    #[test]
    fn half_configured_names_what_is_missing() {
        let e = resolve_with(&[], &[(ENV_CLIENT_ID, "abc")], "").expect_err("half");
        assert!(matches!(e, ConfigError::MissingSecret));
        assert!(e.to_string().contains(ENV_CLIENT_SECRET));
        let e = resolve_with(&[], &[(ENV_CLIENT_SECRET, "x")], "").expect_err("half");
        assert!(matches!(e, ConfigError::MissingClientId));
        assert!(
            !e.to_string().contains("x\""),
            "secret value must not be echoed"
        );
        let e = resolve_with(&[], &[(ENV_CLIENT_ID, "a"), (ENV_CLIENT_SECRET, "b")], "")
            .expect_err("no region");
        assert!(matches!(e, ConfigError::MissingRegion));
    }

    #[test]
    fn unknown_region_is_refused_with_the_list() {
        let e = resolve_with(
            &["--region", "moon_1"],
            &[(ENV_CLIENT_ID, "a"), (ENV_CLIENT_SECRET, "b")],
            "",
        )
        .expect_err("unknown");
        assert!(e.to_string().contains("eu_west_1"));
    }

    #[test]
    fn api_url_override_doubles_as_login_for_the_demo_org() {
        let c = resolve_with(
            &["--api-url", "http://127.0.0.1:9999/"],
            &[(ENV_CLIENT_ID, "a"), (ENV_CLIENT_SECRET, "b")],
            "",
        )
        .expect("valid");
        let Mode::Real(r) = c.mode else {
            panic!("expected real mode")
        };
        assert_eq!(r.api_url, "http://127.0.0.1:9999");
        assert_eq!(r.login_url, "http://127.0.0.1:9999");
        assert_eq!(r.region_label, "custom");
        let c = resolve_with(
            &["--api-url", "https://api.example.test"],
            &[(ENV_CLIENT_ID, "a"), (ENV_CLIENT_SECRET, "b")],
            "",
        )
        .expect("valid");
        let Mode::Real(r) = c.mode else {
            panic!("expected real mode")
        };
        assert_eq!(r.login_url, "https://login.example.test");
    }

    #[test]
    fn demo_flag_wins_and_knobs_pass_through() {
        let c = resolve_with(
            &[
                "--demo",
                "--time-scale",
                "10",
                "--port",
                "0",
                "--demo-analytics-retention-days",
                "120",
            ],
            &[
                (ENV_CLIENT_ID, "a"),
                (ENV_CLIENT_SECRET, "b"),
                (ENV_REGION, "eu_west_1"),
            ],
            "",
        )
        .expect("valid");
        let Mode::Demo(k) = c.mode else {
            panic!("expected demo")
        };
        assert_eq!(k.time_scale, Some(10.0));
        assert_eq!(k.analytics_retention_days, Some(120));
        assert_eq!(c.listen.port(), 0);
        // Beyond the 5 years a real org can set: a clear flag error, not a panic.
        assert!(
            resolve_with(&["--demo-analytics-retention-days", "9999"], &[], "").is_err(),
            "out of range"
        );
    }

    #[test]
    fn bad_values_are_typed_errors() {
        assert!(matches!(
            resolve_with(&["--bind", "localhost"], &[], ""),
            Err(ConfigError::BadBind(_))
        ));
        assert!(matches!(
            resolve_with(&["--time-scale", "-1"], &[], ""),
            Err(ConfigError::BadValue { .. })
        ));
        assert!(matches!(
            resolve_with(
                &["--api-url", "ftp://x"],
                &[(ENV_CLIENT_ID, "a"), (ENV_CLIENT_SECRET, "b")],
                ""
            ),
            Err(ConfigError::BadUrl { .. })
        ));
        assert!(matches!(
            resolve_with(&["--allowed-host", "evil/x"], &[], ""),
            Err(ConfigError::BadValue { .. })
        ));
        assert!(matches!(
            resolve_with(&[], &[("LENS_PORT", "http")], ""),
            Err(ConfigError::BadValue { .. })
        ));
    }

    #[test]
    fn region_without_credentials_is_sign_in_only_real_mode() {
        let c = resolve_with(&["--region", "eu_west_1"], &[], "").expect("valid");
        let Mode::Real(r) = c.mode else {
            panic!("expected real mode")
        };
        assert!(r.credentials.is_none(), "the server holds no token");
        assert_eq!(r.api_url, "https://api.mypurecloud.ie");
        assert_eq!(r.login_url, "https://login.mypurecloud.ie");
        assert_eq!(r.region_label, "eu_west_1");
        assert!(c.notes.iter().any(|n| n.contains("sign-in only")));
        // The environment and URL overrides select it the same way.
        let c = resolve_with(&[], &[(ENV_REGION, "mypurecloud.de")], "").expect("valid");
        assert!(matches!(
            c.mode,
            Mode::Real(RealUpstream {
                credentials: None,
                ..
            })
        ));
        let c = resolve_with(&["--api-url", "http://127.0.0.1:9999"], &[], "").expect("valid");
        assert!(matches!(
            c.mode,
            Mode::Real(RealUpstream {
                credentials: None,
                ..
            })
        ));
        // A login host alone names no API host to read from.
        assert!(matches!(
            resolve_with(&["--login-url", "http://127.0.0.1:9999"], &[], ""),
            Err(ConfigError::MissingApiUrl)
        ));
        // --demo still wins, and nothing at all is still the demo org.
        let c = resolve_with(&["--demo", "--region", "eu_west_1"], &[], "").expect("valid");
        assert!(matches!(c.mode, Mode::Demo(_)));
        assert!(matches!(
            resolve_with(&[], &[], "").expect("valid").mode,
            Mode::Demo(_)
        ));
    }

    #[test]
    fn debug_output_redacts_the_secret() {
        let c = resolve_with(
            &["--region", "eu_west_1"],
            &[
                (ENV_CLIENT_ID, "a"),
                (ENV_CLIENT_SECRET, "very-secret-value"),
            ],
            "",
        )
        .expect("valid");
        assert!(!format!("{c:?}").contains("very-secret-value"));
    }
}
