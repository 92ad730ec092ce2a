//! The Notifications API's REST half: channels, subscriptions and the topic catalogue (route
//! shapes in [`crate::notifications`]). Every call needs a bearer token; none needs a permission
//! (SDK docs: "Requires NO permissions") — topics check their own.

use super::auth::Authed;
use super::json::GcJson;
use super::state::AppState;
use crate::errors::ApiError;
use crate::notifications::channels::{ChannelError, ChannelInfo, MAX_TOPICS, Owner};
use crate::notifications::delivery;
use crate::notifications::topics::{EXPAND_VALUES, Topic, available_topics};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;
use serde_json::{Value, json};

fn owner(auth: &Authed) -> Owner {
    Owner::new(auth.caller.client.id, &auth.token)
}

/// `ws://<the host this request came to>/channels/<id>`: reachable wherever the API was (the
/// real service answers `wss://streaming.<domain>/channels/<id>`, reference/api-facts.md §3.3).
fn connect_uri(headers: &HeaderMap, id: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or("localhost");
    format!("ws://{host}/channels/{id}")
}

fn channel_json(c: &ChannelInfo, headers: &HeaderMap) -> Value {
    let expires = model::time::to_wire(&c.expires);
    if c.same_token {
        json!({ "connectUri": connect_uri(headers, &c.id), "id": c.id, "expires": expires })
    } else {
        json!({ "expires": expires })
    }
}

fn channel_error(e: &ChannelError) -> ApiError {
    match e {
        ChannelError::NotFound => ApiError::not_found(),
        ChannelError::TooManyTopics(n) => ApiError::bad_request(format!(
            "A channel can subscribe to at most {MAX_TOPICS} topics; this request would make {n}. Create another channel for the rest."
        )),
    }
}

/// `POST /api/v2/notifications/channels` → 200 `Channel`; starts event delivery.
pub async fn create_channel(
    State(state): State<AppState>,
    auth: Authed,
    headers: HeaderMap,
) -> Json<Value> {
    let retention = crate::jobs::to_chrono(state.cfg.realtime_retention);
    delivery::ensure_running(&state.notifications, &state.org, &state.clock, retention);
    let c = state
        .notifications
        .channels
        .create(owner(&auth), state.now());
    Json(channel_json(&c, &headers))
}

/// Query of `GET /api/v2/notifications/channels`.
#[derive(Debug)]
pub struct ListParams {
    includechannels: Option<String>,
}

/// `GET /api/v2/notifications/channels?includechannels=token|oauthclient` → `ChannelEntityListing`.
pub async fn list_channels(
    State(state): State<AppState>,
    auth: Authed,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let params: ListParams = list_params(query.as_deref());
    let all_tokens = match params.includechannels.as_deref() {
        None | Some("token") => false,
        Some("oauthclient") => true,
        Some(other) => {
            return Err(ApiError::invalid_value(
                other,
                "includechannels",
                &["token", "oauthclient"],
            ));
        }
    };
    let entities: Vec<Value> = state
        .notifications
        .channels
        .list(owner(&auth), state.now())
        .iter()
        .filter(|c| all_tokens || c.same_token)
        .map(|c| channel_json(c, &headers))
        .collect();
    Ok(Json(json!({ "entities": entities })))
}

/// `includechannels` is the only parameter; read it without a query-string crate.
fn list_params(query: Option<&str>) -> ListParams {
    let includechannels = query.unwrap_or("").split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == "includechannels").then(|| v.to_owned())
    });
    ListParams { includechannels }
}

/// `HEAD /api/v2/notifications/channels/{channelId}` → 200, or 404 when unknown or expired.
pub async fn head_channel(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if state
        .notifications
        .channels
        .exists(owner(&auth), &id, state.now())
    {
        Ok(StatusCode::OK)
    } else {
        Err(ApiError::not_found())
    }
}

/// One entry of a subscription body (`ChannelTopic`; only `id` is read).
#[derive(Debug, Deserialize)]
pub struct TopicRef {
    id: String,
}

fn listing(topics: &[Topic], rejected: Vec<Value>) -> Json<Value> {
    let mut entities: Vec<Value> = topics
        .iter()
        .map(|t| json!({ "id": t.name(), "state": "Permitted" }))
        .collect();
    entities.extend(rejected);
    Json(json!({ "entities": entities }))
}

/// `GET …/channels/{channelId}/subscriptions` → `ChannelTopicEntityListing`.
pub async fn get_subscriptions(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let topics = state
        .notifications
        .channels
        .topics(owner(&auth), &id, state.now())
        .map_err(|e| channel_error(&e))?;
    Ok(listing(&topics, Vec::new()))
}

/// `POST …/subscriptions`: add to the channel's topics.
pub async fn add_subscriptions(
    state: State<AppState>,
    auth: Authed,
    id: Path<String>,
    query: RawQuery,
    body: GcJson<Vec<TopicRef>>,
) -> Result<Json<Value>, ApiError> {
    subscribe(state, auth, id, query, body, false)
}

/// `PUT …/subscriptions`: replace the channel's topics.
pub async fn replace_subscriptions(
    state: State<AppState>,
    auth: Authed,
    id: Path<String>,
    query: RawQuery,
    body: GcJson<Vec<TopicRef>>,
) -> Result<Json<Value>, ApiError> {
    subscribe(state, auth, id, query, body, true)
}

fn subscribe(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    GcJson(body): GcJson<Vec<TopicRef>>,
    replace: bool,
) -> Result<Json<Value>, ApiError> {
    let ignore_errors = query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .any(|kv| kv.eq_ignore_ascii_case("ignoreErrors=true"));
    let channels = &state.notifications.channels;
    let me = owner(&auth);
    let now = state.now();
    // An unknown channel is the first error, whatever the topics.
    channels
        .topics(me, &id, now)
        .map_err(|e| channel_error(&e))?;
    let mut permitted = Vec::new();
    let mut rejected = Vec::new();
    for TopicRef { id: name } in body {
        let reason = match Topic::parse(&name) {
            Err(e) => {
                let reason = e.reason(&name);
                if !ignore_errors {
                    return Err(ApiError::bad_request(reason));
                }
                json!({ "id": name, "state": "Rejected", "rejectionReason": reason })
            }
            Ok(topic) => {
                let missing = topic.missing_permissions(auth.caller.client);
                if missing.is_empty() {
                    permitted.push(topic);
                    continue;
                }
                if !ignore_errors {
                    return Err(ApiError::missing_any_permissions(&missing));
                }
                json!({
                    "id": name,
                    "state": "Rejected",
                    "rejectionReason": format!(
                        "The client lacks the permission this topic requires ({}). Grant it to the OAuth client's role, or subscribe with another client.",
                        missing.join(", ")
                    ),
                    "missingPermissions": missing,
                })
            }
        };
        rejected.push(reason);
    }
    let topics = channels
        .subscribe(me, &id, permitted, replace, now)
        .map_err(|e| channel_error(&e))?;
    Ok(listing(&topics, rejected))
}

/// `DELETE …/subscriptions` → 204.
pub async fn delete_subscriptions(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .notifications
        .channels
        .unsubscribe_all(owner(&auth), &id, state.now())
        .map_err(|e| channel_error(&e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v2/notifications/availabletopics?expand=…` → `AvailableTopicEntityListing`.
/// `expand` may repeat or list values with commas; `includePreview` changes nothing (no preview
/// topics here).
pub async fn available(_auth: Authed, RawQuery(query): RawQuery) -> Result<Json<Value>, ApiError> {
    let mut expand = Vec::new();
    for kv in query.as_deref().unwrap_or("").split('&') {
        let Some(("expand", values)) = kv.split_once('=') else {
            continue;
        };
        for v in values.split(&[',', ' '][..]).flat_map(|v| v.split("%2C")) {
            if v.is_empty() {
                continue;
            }
            if !EXPAND_VALUES.contains(&v) {
                return Err(ApiError::invalid_value(v, "expand", EXPAND_VALUES));
            }
            expand.push(v.to_owned());
        }
    }
    Ok(Json(json!({ "entities": available_topics(&expand) })))
}
