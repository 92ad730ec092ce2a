//! Serving connections under limits, so half-open, slow or idle clients cannot exhaust the
//! server's file descriptors (issue 15: 300 half-sent requests did).
//!
//! - **Header-read timeout**: a request whose headers are not complete within
//!   [`ConnLimits::header_timeout`] gets its connection closed. hyper restarts the same timer while a
//!   kept-alive connection waits for its next request, so it is also the **idle keep-alive
//!   timeout**.
//! - **Connection cap**: at most [`ConnLimits::max_connections`] open at once. Above it the server
//!   stops accepting; new clients wait in the kernel's listen backlog until a slot frees (at the
//!   latest when the timeout closes a stalled connection) instead of failing.
//!
//! HTTP/1.1 only, as before (`axum::serve` had no HTTP/2 enabled here).

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

/// Limits on the connections a server accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnLimits {
    /// Time to receive a request's headers, and to wait idle for the next request.
    pub header_timeout: Duration,
    /// Open connections at once. A browser uses about six per host; 256 leaves room for tabs and
    /// scripts while staying far below the usual 1024 open-file limit (each connection may also
    /// hold one to Genesys).
    pub max_connections: usize,
    /// After a stop is asked for, how long in-flight requests may take to finish.
    pub drain_timeout: Duration,
}

impl Default for ConnLimits {
    fn default() -> Self {
        ConnLimits {
            header_timeout: Duration::from_secs(10),
            max_connections: 256,
            drain_timeout: Duration::from_secs(10),
        }
    }
}

/// Open connections right now, readable while the server runs.
#[derive(Debug, Clone, Default)]
pub struct OpenConnections(Arc<AtomicUsize>);

impl OpenConnections {
    pub fn count(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

/// One accepted connection: holds its slot under the cap and counts as open until dropped.
struct Slot {
    _permit: OwnedSemaphorePermit,
    open: OpenConnections,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.open.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Serves `app` on `listener` within `limits` until `stop` fires, then lets in-flight requests
/// finish (for at most the drain timeout).
pub fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnLimits,
    stop: oneshot::Receiver<()>,
) -> (OpenConnections, impl Future<Output = ()> + Send + 'static) {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let open = OpenConnections::default();
    let counter = open.clone();
    let task = async move {
        // Graceful stop: every connection holds a receiver; a stop asks each to finish its
        // request, and `closed()` resolves once all have. (hyper-util's `GracefulShutdown` has no
        // impl for HTTP/1 connections with upgrades, which the notification socket needs.)
        let (stopping, watch_stop) = tokio::sync::watch::channel(());
        let mut stop = stop;
        loop {
            // Wait for a free slot before accepting: over the cap, clients queue in the backlog.
            let permit = tokio::select! {
                p = permits.clone().acquire_owned() => match p {
                    Ok(p) => p,
                    Err(_) => break,
                },
                _ = &mut stop => break,
            };
            let stream = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok((stream, _peer)) => stream,
                    Err(e) => {
                        accept_failed(&e).await;
                        continue;
                    }
                },
                _ = &mut stop => break,
            };
            counter.0.fetch_add(1, Ordering::Relaxed);
            let slot = Slot {
                _permit: permit,
                open: counter.clone(),
            };
            let _ = stream.set_nodelay(true);
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()))
                // The notification socket relay (`notify/`) upgrades its connection.
                .with_upgrades();
            let mut stop_asked = watch_stop.clone();
            tokio::spawn(async move {
                let mut conn = std::pin::pin!(conn);
                let ended = tokio::select! {
                    r = conn.as_mut() => r,
                    _ = stop_asked.changed() => {
                        conn.as_mut().graceful_shutdown();
                        conn.await
                    }
                };
                if let Err(e) = ended {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                drop(stop_asked);
                drop(slot);
            });
        }
        drop(listener);
        drop(watch_stop);
        let _ = stopping.send(());
        if tokio::time::timeout(limits.drain_timeout, stopping.closed())
            .await
            .is_err()
        {
            tracing::warn!("stopped with requests still running after the drain timeout");
        }
    };
    (open, task)
}

/// A failed `accept` is about one client (reset before we took it) or about us (out of file
/// descriptors): the first is retried at once, the second after a pause instead of spinning.
async fn accept_failed(e: &std::io::Error) {
    use std::io::ErrorKind::*;
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted
    ) {
        return;
    }
    tracing::warn!(error = %e, "accept failed; pausing");
    tokio::time::sleep(Duration::from_millis(200)).await;
}
