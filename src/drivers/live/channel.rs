//! The HTTP half of live events: create a notification channel and subscribe it to topics,
//! through the companion server's allow-listed proxy (same origin; the user's token if set).

use gloo_net::http::Request;
use serde_json::Value;

use crate::api::UserToken;

/// `POST /api/v2/notifications/channels` as the app needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub id: String,
    /// Already rewritten by the server to its own `/api/notifications/socket/{id}`.
    pub connect_uri: String,
    pub expires: Option<String>,
}

/// One topic's answer in `ChannelTopicEntityListing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicAnswer {
    pub id: String,
    pub permitted: bool,
    pub rejection_reason: Option<String>,
    pub missing_permissions: Vec<String>,
}

/// Why a call failed: an HTTP answer (status + Genesys' message) or no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    Status {
        status: u16,
        message: Option<String>,
    },
    Network(String),
    Unexpected,
}

fn with_token(
    req: gloo_net::http::RequestBuilder,
    token: Option<&UserToken>,
) -> gloo_net::http::RequestBuilder {
    let req = req.header("Accept", "application/json");
    match token {
        Some(t) => req.header("Authorization", &t.header_value()),
        None => req,
    }
}

async fn answer(
    resp: Result<gloo_net::http::Response, gloo_net::Error>,
) -> Result<Value, CallError> {
    let resp = resp.map_err(|e| CallError::Network(e.to_string()))?;
    let status = resp.status();
    let text = resp
        .text()
        .await
        .map_err(|e| CallError::Network(e.to_string()))?;
    let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if !(200..300).contains(&status) {
        let message = body
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_owned);
        return Err(CallError::Status { status, message });
    }
    Ok(body)
}

/// Creates a channel.
pub async fn create(token: Option<&UserToken>) -> Result<Channel, CallError> {
    let resp = with_token(Request::post("/api/v2/notifications/channels"), token)
        .send()
        .await;
    let body = answer(resp).await?;
    let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
    match (text("id"), text("connectUri")) {
        (Some(id), Some(connect_uri)) => Ok(Channel {
            id,
            connect_uri,
            expires: text("expires"),
        }),
        _ => Err(CallError::Unexpected),
    }
}

/// Subscribes `channel` to `topics` (replacing what it had) and reads each topic's answer.
pub async fn subscribe(
    channel: &str,
    topics: &Value,
    token: Option<&UserToken>,
) -> Result<Vec<TopicAnswer>, CallError> {
    let url = format!("/api/v2/notifications/channels/{channel}/subscriptions");
    let req = with_token(Request::put(&url), token)
        .header("Content-Type", "application/json")
        .body(topics.to_string())
        .map_err(|e| CallError::Network(e.to_string()))?;
    let body = answer(req.send().await).await?;
    let entities = body
        .get("entities")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok(entities
        .iter()
        .filter_map(|e| {
            let id = e.get("id").and_then(Value::as_str)?.to_owned();
            Some(TopicAnswer {
                id,
                permitted: e.get("state").and_then(Value::as_str) != Some("Rejected"),
                rejection_reason: e
                    .get("rejectionReason")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                missing_permissions: e
                    .get("missingPermissions")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|p| p.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        })
        .collect())
}

/// The socket address for this page: the server answers `ws://<host>/…`; a page served over
/// https must use `wss://` for the same host.
#[must_use]
pub fn socket_url(connect_uri: &str, page_is_https: bool) -> String {
    match connect_uri.strip_prefix("ws://") {
        Some(rest) if page_is_https => format!("wss://{rest}"),
        _ => connect_uri.to_owned(),
    }
}
