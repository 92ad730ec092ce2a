//! `GET /api/notifications/socket/{channelId}` (WebSocket): relays frames between the browser and
//! the upstream channel socket this server remembered, until either side goes away.
//!
//! Text and binary frames pass unchanged both ways (Genesys sends JSON text; a client may send
//! `{"message":"ping"}`). WebSocket pings are answered by each side's own library. A close from
//! one side is passed to the other with its code and reason, so "the channel expired" reaches the
//! browser as Genesys said it. Frames over [`MAX_FRAME_BYTES`] end the relay with 1009.

use super::channels::MAX_FRAME_BYTES;
use crate::error::LensError;
use crate::notify::SharedSockets;
use crate::notify::channels::is_channel_id;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{self, CloseFrame, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::response::Response;
use futures_util::{SinkExt as _, StreamExt as _};
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;
use tokio_tungstenite::tungstenite::{self as tg, protocol::WebSocketConfig};

/// How long the upstream socket may take to open before the browser is told it failed.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// WebSocket close codes used by the relay (RFC 6455 §7.4.1).
pub mod close_code {
    pub const NORMAL: u16 = 1000;
    pub const GOING_AWAY: u16 = 1001;
    pub const TOO_BIG: u16 = 1009;
    /// "The server hit a condition that prevented it from fulfilling the request."
    pub const UPSTREAM_FAILED: u16 = 1011;
}

pub async fn socket(
    State(SharedSockets(sockets)): State<SharedSockets>,
    Path(channel_id): Path<String>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response, LensError> {
    if !is_channel_id(&channel_id) {
        return Err(LensError::InvalidChannelId {
            got: crate::error::clip(&channel_id),
        });
    }
    let upgrade = upgrade.map_err(|_| LensError::NotWebSocket)?;
    let upstream = sockets
        .upstream_for(&channel_id)
        .ok_or_else(|| LensError::SocketUnknown(crate::error::clip(&channel_id)))?;
    let permit = sockets.try_open()?;
    Ok(upgrade
        .max_frame_size(MAX_FRAME_BYTES)
        .max_message_size(MAX_FRAME_BYTES)
        .on_upgrade(move |browser| relay(browser, upstream, permit)))
}

/// Connects upstream, then pumps frames until one side closes; the permit is the relay's slot
/// under the cap and is released when this returns.
async fn relay(mut browser: WebSocket, upstream: String, _slot: OwnedSemaphorePermit) {
    let config = WebSocketConfig::default()
        .max_frame_size(Some(MAX_FRAME_BYTES))
        .max_message_size(Some(MAX_FRAME_BYTES));
    let connect =
        tokio_tungstenite::connect_async_with_config(upstream.as_str(), Some(config), true);
    let up = match tokio::time::timeout(CONNECT_TIMEOUT, connect).await {
        Ok(Ok((up, _))) => up,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "notification socket: upstream refused");
            let reason = match e {
                tg::Error::Http(r) if r.status().as_u16() == 404 => {
                    "the channel is gone (closed or expired); create a new one"
                }
                _ => "could not open the channel's socket at Genesys; create a new channel",
            };
            close_browser(&mut browser, close_code::UPSTREAM_FAILED, reason).await;
            return;
        }
        Err(_) => {
            tracing::warn!("notification socket: upstream did not open in time");
            close_browser(
                &mut browser,
                close_code::UPSTREAM_FAILED,
                "the channel's socket at Genesys did not open in time; try again",
            )
            .await;
            return;
        }
    };
    tracing::info!("notification socket relay open");
    let (mut up_tx, mut up_rx) = up.split();
    let (mut b_tx, mut b_rx) = browser.split();
    loop {
        tokio::select! {
            from_browser = b_rx.next() => match from_browser {
                Some(Ok(ws::Message::Text(t))) => {
                    if up_tx.send(tg::Message::Text(t.as_str().into())).await.is_err() {
                        let _ = b_tx.send(close(close_code::UPSTREAM_FAILED, "the channel's socket at Genesys went away")).await;
                        break;
                    }
                }
                Some(Ok(ws::Message::Binary(b))) => {
                    if up_tx.send(tg::Message::Binary(b)).await.is_err() {
                        let _ = b_tx.send(close(close_code::UPSTREAM_FAILED, "the channel's socket at Genesys went away")).await;
                        break;
                    }
                }
                Some(Ok(ws::Message::Ping(_) | ws::Message::Pong(_))) => {}
                Some(Ok(ws::Message::Close(_))) | None => {
                    let _ = up_tx.send(tg::Message::Close(None)).await;
                    break;
                }
                Some(Err(e)) => {
                    tracing::info!(error = %e, "notification socket: browser side failed");
                    let code = if is_too_big_axum(&e) { close_code::TOO_BIG } else { close_code::GOING_AWAY };
                    let _ = b_tx.send(close(code, "the message was refused (too large or malformed)")).await;
                    let _ = up_tx.send(tg::Message::Close(None)).await;
                    break;
                }
            },
            from_upstream = up_rx.next() => match from_upstream {
                Some(Ok(tg::Message::Text(t))) => {
                    if b_tx.send(ws::Message::Text(t.as_str().into())).await.is_err() {
                        let _ = up_tx.send(tg::Message::Close(None)).await;
                        break;
                    }
                }
                Some(Ok(tg::Message::Binary(b))) => {
                    if b_tx.send(ws::Message::Binary(b)).await.is_err() {
                        let _ = up_tx.send(tg::Message::Close(None)).await;
                        break;
                    }
                }
                Some(Ok(tg::Message::Ping(_) | tg::Message::Pong(_) | tg::Message::Frame(_))) => {}
                Some(Ok(tg::Message::Close(frame))) => {
                    let (code, reason) = frame
                        .map(|f| (u16::from(f.code), f.reason.as_str().to_string()))
                        .unwrap_or((close_code::NORMAL, String::new()));
                    let _ = b_tx.send(close(code, &reason)).await;
                    break;
                }
                None => {
                    let _ = b_tx.send(close(close_code::UPSTREAM_FAILED, "the channel's socket at Genesys closed without a reason")).await;
                    break;
                }
                Some(Err(e)) => {
                    tracing::info!(error = %e, "notification socket: upstream side failed");
                    let (code, reason) = if matches!(e, tg::Error::Capacity(_)) {
                        (close_code::TOO_BIG, "Genesys sent a message larger than Conversation Lens relays")
                    } else {
                        (close_code::UPSTREAM_FAILED, "the channel's socket at Genesys failed")
                    };
                    let _ = b_tx.send(close(code, reason)).await;
                    let _ = up_tx.send(tg::Message::Close(None)).await;
                    break;
                }
            },
        }
    }
    tracing::info!("notification socket relay closed");
}

fn is_too_big_axum(e: &axum::Error) -> bool {
    let text = e.to_string();
    text.contains("too long") || text.contains("too big") || text.contains("Space limit")
}

/// A close frame; a code the browser may not receive (1005/1006/1015 or out of range) is
/// replaced by 1011, and the reason is clipped to the protocol's 123 bytes.
fn close(code: u16, reason: &str) -> ws::Message {
    let code = match code {
        1005 | 1006 | 1015 => close_code::UPSTREAM_FAILED,
        1000..=4999 => code,
        _ => close_code::UPSTREAM_FAILED,
    };
    let mut reason = reason.to_string();
    while reason.len() > 123 {
        reason.pop();
    }
    ws::Message::Close(Some(CloseFrame {
        code,
        reason: reason.into(),
    }))
}

async fn close_browser(browser: &mut WebSocket, code: u16, reason: &str) {
    let _ = browser.send(close(code, reason)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_frames_carry_codes_a_browser_accepts() {
        let code_of = |m: ws::Message| match m {
            ws::Message::Close(Some(f)) => (f.code, f.reason.as_str().len()),
            _ => (0, 0),
        };
        assert_eq!(code_of(close(1000, "bye")), (1000, 3));
        assert_eq!(code_of(close(1006, "")).0, 1011);
        assert_eq!(code_of(close(42, "")).0, 1011);
        assert!(code_of(close(4000, &"é".repeat(100))).1 <= 123);
    }
}
