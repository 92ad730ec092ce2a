//! The embedded demo org: started on an ephemeral loopback port and then used exactly like a
//! Genesys region (token exchange over HTTP with a demo client's credentials), so demo and real
//! mode share one code path. Also the demo-only browser endpoints (scenario list, clients,
//! limited-client tokens, starting a scenario again live).

use crate::body::{MAX_RELAYED_BODY_BYTES, read_capped, transport_error};
use crate::config::{Credentials, DemoKnobs, RealUpstream};
use crate::error::LensError;
use crate::extract::{DemoMode, JsonObject};
use crate::secret::Secret;
use crate::state::AppState;
use crate::upstream::Upstream;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use std::sync::Arc;

/// Starts the demo org and returns it with the upstream settings pointing at it.
pub async fn start(knobs: &DemoKnobs) -> std::io::Result<(demo_org::RunningDemo, RealUpstream)> {
    let mut cfg = demo_org::DemoConfig::default();
    if let Some(v) = knobs.time_scale {
        cfg.time_scale = v;
    }
    if let Some(v) = knobs.token_ttl_secs {
        cfg.token_ttl_secs = v;
    }
    if let Some(v) = knobs.rate_limit_per_minute {
        cfg.rate_limit_per_minute = v;
    }
    if let Some(v) = knobs.seed {
        cfg.seed = v;
    }
    if let Some(days) = knobs.analytics_retention_days {
        cfg.analytics_retention_days = (days > 0).then_some(days);
    }
    let running = demo_org::spawn(cfg).await?;
    // The first demo client holds every permission the app needs.
    let client = demo_org::clients::DEMO_CLIENTS
        .first()
        .ok_or_else(|| std::io::Error::other("the demo org defines no OAuth clients"))?;
    let upstream = RealUpstream {
        api_url: running.base_url.clone(),
        login_url: running.base_url.clone(),
        region_label: "demo".into(),
        credentials: Some(Credentials {
            client_id: client.id.to_string(),
            client_secret: Secret::new(client.secret),
        }),
    };
    Ok((running, upstream))
}

/// `GET /api/demo/scenarios` → demo org `GET /demo/scenarios`.
pub async fn scenarios(
    State(state): State<Arc<AppState>>,
    _demo: DemoMode,
) -> Result<Response, LensError> {
    relay(&state, "/demo/scenarios", false).await
}

/// `GET /api/demo/clients` → demo org `GET /demo/clients`, with every `secret` removed: the
/// server authenticates as one of these clients, and no client secret goes to the browser.
pub async fn clients(
    State(state): State<Arc<AppState>>,
    _demo: DemoMode,
) -> Result<Response, LensError> {
    relay(&state, "/demo/clients", true).await
}

#[derive(Debug, serde::Deserialize)]
pub struct TokenRequest {
    /// Demo client name (`lens-demo-no-analytics`) or id.
    pub client: String,
}

/// `POST /api/demo/token {"client":"lens-demo-no-analytics"}` → the demo org's token response for
/// that client, so the app can show what a *limited* client's token sees (403
/// `missing.any.permissions`) through the "use your own token" path. Demo mode only, and never for
/// the client the server itself uses: the server's own credentials stay server-side.
pub async fn token(
    State(state): State<Arc<AppState>>,
    _demo: DemoMode,
    JsonObject(body): JsonObject,
) -> Result<Response, LensError> {
    let req: TokenRequest = serde_json::from_slice(&body)
        .map_err(|_| LensError::BadJson("expected {\"client\": \"<demo client name>\"}".into()))?;
    let own = state.upstream.tokens.client_id();
    let candidates: Vec<_> = demo_org::clients::DEMO_CLIENTS
        .iter()
        .filter(|c| Some(c.id) != own)
        .collect();
    let client = candidates
        .iter()
        .find(|c| c.name == req.client || c.id == req.client)
        .ok_or_else(|| LensError::DemoUnknownClient {
            given: crate::error::clip(&req.client),
            valid: candidates
                .iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let up = &state.upstream;
    let req = up
        .http
        .post(format!("{}/oauth/token", up.api_base))
        .basic_auth(client.id, Some(client.secret))
        .form(&[("grant_type", "client_credentials")]);
    let (status, bytes) = send_to_demo_org(up, req).await?;
    Ok(json_response(status, Body::from(bytes)))
}

/// `POST /api/demo/scenarios/{scenarioId}/start` → demo org `POST /demo/scenarios/{id}/start`:
/// the scenario again, live from now, as a new conversation (`201 {conversationId, startTime}`,
/// or the demo org's 404 for an unknown scenario). Demo mode only; the Origin guard in
/// `security.rs` already refuses it cross-origin, like every POST.
pub async fn start_run(
    State(state): State<Arc<AppState>>,
    _demo: DemoMode,
    Path(scenario_id): Path<String>,
) -> Result<Response, LensError> {
    let is_slug = !scenario_id.is_empty()
        && scenario_id.len() <= 64
        && scenario_id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !is_slug {
        return Err(LensError::BadScenarioId(crate::error::clip(&scenario_id)));
    }
    let up = &state.upstream;
    let url = format!("{}/demo/scenarios/{scenario_id}/start", up.api_base);
    let (status, bytes) = send_to_demo_org(up, up.http.post(url)).await?;
    Ok(json_response(status, Body::from(bytes)))
}

/// Send `req` to the demo org and read its answer (the body capped like every relayed body).
async fn send_to_demo_org(
    up: &Upstream,
    req: reqwest::RequestBuilder,
) -> Result<(StatusCode, axum::body::Bytes), LensError> {
    let resp = req
        .send()
        .await
        .map_err(|e| transport_error(&e, up.timeout))?;
    let status = resp.status();
    let bytes = read_capped(resp, MAX_RELAYED_BODY_BYTES)
        .await
        .map_err(|e| e.into_lens(up.timeout))?;
    Ok((status, bytes))
}

async fn relay(state: &AppState, path: &str, strip_secrets: bool) -> Result<Response, LensError> {
    let up = &state.upstream;
    let req = up.http.get(format!("{}{path}", up.api_base));
    let (status, bytes) = send_to_demo_org(up, req).await?;
    let body = if strip_secrets {
        let mut v = serde_json::from_slice::<serde_json::Value>(&bytes)
            .map_err(|_| LensError::UpstreamUnreachable)?;
        remove_secrets(&mut v);
        Body::from(v.to_string())
    } else {
        Body::from(bytes)
    };
    if status != StatusCode::OK {
        tracing::warn!(
            status = status.as_u16(),
            path,
            "demo endpoint answered non-200"
        );
    }
    Ok(json_response(status, body))
}

fn json_response(status: StatusCode, body: Body) -> Response {
    let mut out = Response::new(body);
    *out.status_mut() = status;
    out.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    out
}

/// Drops every object key that names a secret, at any depth.
fn remove_secrets(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !k.to_ascii_lowercase().contains("secret"));
            map.values_mut().for_each(remove_secrets);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(remove_secrets),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::remove_secrets;

    #[test]
    fn secrets_are_removed_at_any_depth() {
        let mut v = serde_json::json!([{"id": "a", "secret": "s", "nested": {"clientSecret": "t", "name": "n"}}]);
        remove_secrets(&mut v);
        assert_eq!(v, serde_json::json!([{"id": "a", "nested": {"name": "n"}}]));
    }
}
