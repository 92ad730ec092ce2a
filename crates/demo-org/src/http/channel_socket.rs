//! `GET /channels/{channelId}` upgraded to a WebSocket: the demo org's streaming host.
//!
//! Pushes the channel's event frames, a `channel.metadata` heartbeat every
//! `notifications.heartbeat`, answers `{"message":"ping"}` with a pong, and closes (code 1000)
//! after `v2.system.socket_closing` when the channel expires or is removed. When the client goes
//! away the socket task ends and the channel counts as unconnected again.

use super::state::AppState;
use crate::errors::ApiError;
use crate::notifications::channels::{Push, SocketLease};
use crate::notifications::envelope;
use axum::extract::ws::{
    CloseFrame, Message, WebSocket, WebSocketUpgrade, rejection::WebSocketUpgradeRejection,
};
use axum::extract::{Path, State};
use axum::response::Response;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// Upgrade to the channel's socket; 404 `not.found` for an unknown or expired channel, 400 for a
/// request that is not a WebSocket handshake.
pub async fn connect(
    State(state): State<AppState>,
    Path(id): Path<String>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response, ApiError> {
    let lease = state
        .notifications
        .channels
        .connect(&id, state.now())
        .ok_or_else(ApiError::not_found)?;
    let upgrade = upgrade.map_err(|_| {
        ApiError::bad_request("Open this address as a WebSocket (ws://…/channels/<id>), not with a plain HTTP request.")
    })?;
    let heartbeat = state.notifications.cfg.heartbeat;
    Ok(upgrade.on_upgrade(move |socket| serve(socket, lease, heartbeat)))
}

async fn serve(mut socket: WebSocket, mut lease: SocketLease, heartbeat: Duration) {
    let start = tokio::time::Instant::now() + heartbeat;
    let mut beat = tokio::time::interval_at(start, heartbeat);
    loop {
        tokio::select! {
            push = lease.rx.recv() => match push {
                Ok(Push::Text(text)) => {
                    if socket.send(Message::Text(text.as_ref().into())).await.is_err() {
                        return;
                    }
                }
                // Frames a slow client missed are gone: no delivery guarantee, as on Genesys.
                Err(RecvError::Lagged(_)) => {}
                Ok(Push::Close) | Err(RecvError::Closed) => {
                    let frame = CloseFrame { code: 1000, reason: "channel closed".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    return;
                }
            },
            _ = beat.tick() => {
                if socket.send(Message::Text(envelope::heartbeat().into())).await.is_err() {
                    return;
                }
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(text))) if envelope::is_ping(text.as_str()) => {
                    if socket.send(Message::Text(envelope::pong().into())).await.is_err() {
                        return;
                    }
                }
                Some(Ok(Message::Close(_)) | Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
        }
    }
}
