//! Starting and stopping: spawn the demo org if needed, build the upstream client and token
//! source, bind, serve with graceful shutdown.

use crate::config::{Config, Mode};
use crate::proxy::upstream::{Upstream, http_client};
use crate::security::HostPolicy;
use crate::state::{AppState, StateInner};
use crate::token::TokenSource;
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
    pub state: AppState,
    /// The embedded demo org, when in demo mode.
    pub demo: Option<demo_org::RunningDemo>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl RunningServer {
    /// `demo org` or `region eu_west_1`, for the start-up line.
    pub fn describe_mode(&self) -> String {
        if self.state.demo_mode {
            "demo org".into()
        } else {
            format!("Genesys Cloud region {}", self.state.region)
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

/// Starts everything described by `config`.
pub async fn start(config: Config) -> Result<RunningServer, StartError> {
    let (demo, upstream_cfg, demo_mode) = match &config.mode {
        Mode::Demo(knobs) => {
            let (running, up) = crate::demo::start(knobs)
                .await
                .map_err(|e| StartError::Demo(e.to_string()))?;
            (Some(running), up, true)
        }
        Mode::Real(up) => (None, up.clone(), false),
    };
    let http =
        http_client(config.upstream_timeout).map_err(|e| StartError::HttpClient(e.to_string()))?;
    let tokens = TokenSource::new(
        http.clone(),
        &upstream_cfg.login_url,
        upstream_cfg.credentials.clone(),
    );
    let state = AppState(Arc::new(StateInner {
        upstream: Upstream {
            http,
            api_base: upstream_cfg.api_url.clone(),
            tokens,
            timeout: config.upstream_timeout,
        },
        demo_mode,
        region: upstream_cfg.region_label.clone(),
        dist: config.dist.clone(),
    }));

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
    let policy = HostPolicy::new(addr, &config.allowed_hosts).with_origins(&config.allowed_origins);
    let app = crate::app::router(state.clone(), policy);
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
        if let Err(e) = served {
            tracing::error!(error = %e, "server stopped with an error");
        }
    });
    let host = if addr.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else if addr.is_ipv6() {
        format!("[{}]", addr.ip())
    } else {
        addr.ip().to_string()
    };
    tracing::info!(%addr, demo_mode, region = %state.region, "listening");
    Ok(RunningServer {
        addr,
        url: format!("http://{host}:{}/", addr.port()),
        state,
        demo,
        shutdown: Some(tx),
        task: Some(task),
    })
}
