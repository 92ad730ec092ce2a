//! Starting and stopping: spawn the demo org if needed, build the upstream client and token
//! source, bind, serve with graceful shutdown.

use crate::config::{Config, Mode};
use crate::connections::{self, OpenConnections};
use crate::security::HostPolicy;
use crate::state::AppState;
use crate::token::{Backoff, TOKEN_TIMEOUT, TokenSource};
use crate::upstream::{Upstream, http_client};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::oneshot;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{addr} is already in use; pass --port <another port> (or stop the program using it)")]
    AddrInUse { addr: SocketAddr },
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error("cannot start the embedded demo org: {0}")]
    Demo(String),
    #[error("cannot build the HTTP client: {0}")]
    HttpClient(String),
}

/// A server serving in a background task.
#[derive(Debug)]
pub struct RunningServer {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    pub state: Arc<AppState>,
    /// Connections open right now (bounded by the configured cap).
    pub connections: OpenConnections,
    /// The embedded demo org, when in demo mode.
    pub demo: Option<demo_org::RunningDemo>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl RunningServer {
    /// `demo org` or `Genesys Cloud region eu_west_1` (and whether lookups need the user's
    /// sign-in), for the start-up line.
    pub fn describe_mode(&self) -> String {
        match &self.state.mode {
            Mode::Demo(_) => "demo org".into(),
            Mode::Real(up) if up.credentials.is_none() => format!(
                "Genesys Cloud region {}, sign-in only: open the app and sign in with Genesys Cloud (or paste a token) to read your org",
                up.region_label
            ),
            Mode::Real(up) => format!("Genesys Cloud region {}", up.region_label),
        }
    }

    /// Stops accepting, lets in-flight requests finish, then stops the demo org.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        if let Some(demo) = self.demo.take() {
            demo.shutdown().await;
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The server without its socket: the router, the state behind it and the embedded demo org (in
/// demo mode). [`start`] serves it; tests call the router in-process.
#[derive(Debug)]
pub struct Assembled {
    pub app: axum::Router,
    pub state: Arc<AppState>,
    pub demo: Option<demo_org::RunningDemo>,
}

/// Starts the demo org if the mode asks for it and builds the router for `config`.
pub async fn assemble(config: &Config) -> Result<Assembled, StartError> {
    let (demo, upstream_cfg) = match &config.mode {
        Mode::Demo(knobs) => {
            let (running, up) = crate::demo::start(knobs)
                .await
                .map_err(|e| StartError::Demo(e.to_string()))?;
            (Some(running), up)
        }
        Mode::Real(up) => (None, up.clone()),
    };
    let http =
        http_client(config.upstream_timeout).map_err(|e| StartError::HttpClient(e.to_string()))?;
    // A hung login host answers 504 within the configured timeout, never later.
    let tokens = match upstream_cfg.credentials.clone() {
        Some(credentials) => TokenSource::with_limits(
            http.clone(),
            &upstream_cfg.login_url,
            credentials,
            TOKEN_TIMEOUT.min(config.upstream_timeout),
            Backoff::default(),
        ),
        None => TokenSource::without_credentials(http.clone(), &upstream_cfg.login_url),
    };
    let state = Arc::new(AppState {
        upstream: Upstream {
            http,
            api_base: upstream_cfg.api_url.clone(),
            tokens,
            timeout: config.upstream_timeout,
        },
        mode: config.mode.clone(),
        dist: config.dist.clone(),
        sockets: Arc::default(),
    });
    // Host names don't depend on the port, so the configured address is enough here.
    let policy =
        HostPolicy::new(config.listen, &config.allowed_hosts).with_origins(&config.allowed_origins);
    let app = crate::app::router(state.clone(), policy);
    Ok(Assembled { app, state, demo })
}

/// Starts everything described by `config`.
pub async fn start(config: Config) -> Result<RunningServer, StartError> {
    let Assembled { app, state, demo } = assemble(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AddrInUse {
                StartError::AddrInUse {
                    addr: config.listen,
                }
            } else {
                StartError::Bind {
                    addr: config.listen,
                    reason: e.to_string(),
                }
            }
        })?;
    let addr = listener.local_addr().map_err(|e| StartError::Bind {
        addr: config.listen,
        reason: e.to_string(),
    })?;
    let (tx, rx) = oneshot::channel::<()>();
    let (open, serving) = connections::serve(listener, app, config.connections, rx);
    let task = tokio::spawn(serving);
    let host = if addr.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else if addr.is_ipv6() {
        format!("[{}]", addr.ip())
    } else {
        addr.ip().to_string()
    };
    tracing::info!(%addr, demo_mode = state.is_demo(), region = %state.region(), "listening");
    Ok(RunningServer {
        addr,
        url: format!("http://{host}:{}/", addr.port()),
        state,
        connections: open,
        demo,
        shutdown: Some(tx),
        task: Some(task),
    })
}
