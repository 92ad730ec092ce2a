//! One API call of the comparison, measured and kept verbatim.

use gloo_net::http::Request;
use web_sys::AbortSignal;

use super::http;
use super::token::UserToken;
use crate::clock::{now_ms, sleep_ms};
use crate::error::AppError;
use crate::logic::decode::Exchange;
use crate::logic::route;
use crate::logic::side::Side;

/// Call one side's endpoint for `id` and capture status, time, correlation id, timing headers
/// and the raw body. Non-2xx answers are `Ok`: they are what the panel explains.
///
/// # Errors
/// [`AppError::Network`] / [`AppError::Aborted`] when no answer arrived, [`AppError::Body`]
/// when the body could not be read.
pub async fn fetch_side(
    side: Side,
    id: &str,
    token: Option<UserToken>,
    signal: Option<AbortSignal>,
) -> Result<Exchange, AppError> {
    let url = route::api_path(side, id);
    let req = http::authorized(Request::get(&url), token.as_ref());
    let started = now_ms();
    let resp = req
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| {
            if signal.as_ref().is_some_and(AbortSignal::aborted) {
                AppError::Aborted
            } else {
                AppError::Network(e.to_string())
            }
        })?;
    let raw = resp.text().await.map_err(|e| {
        if signal.as_ref().is_some_and(AbortSignal::aborted) {
            AppError::Aborted
        } else {
            AppError::Body(e.to_string())
        }
    })?;
    let elapsed = now_ms() - started;
    let headers = resp.headers();
    if resp.status() == 401
        && let Some(t) = &token
    {
        t.mark_expired(); // a signed-in token shows "sign in again"
    }
    // Decoded once, after the headers are in (errors carry the correlation id).
    let mut ex = Exchange::received(side, url, resp.status(), elapsed, raw);
    ex.result.correlation_id = headers.get("inin-correlation-id");
    ex.result.retry_after_secs = http::retry_after_secs(&resp);
    ex.server_timing = headers.get("server-timing");
    Ok(decode_in_steps(ex, id).await)
}

/// Bodies larger than this are decoded in steps (see [`decode_in_steps`]); a usual answer is a
/// few kilobytes, the 2,000-segment benchmark conversation about a megabyte.
const STEPS_ABOVE_BYTES: usize = 128 * 1024;

/// Decode a [`Exchange::received`] exchange. A large body's parse, decode and the render that
/// follows each take tens of milliseconds: between them the browser gets the main thread back
/// (a zero `setTimeout`), so the page keeps painting and answering input meanwhile.
pub async fn decode_in_steps(mut ex: Exchange, id: &str) -> Exchange {
    let large = ex.raw.len() > STEPS_ABOVE_BYTES;
    if large {
        sleep_ms(0).await;
    }
    ex.redecode(id);
    if large {
        sleep_ms(0).await;
    }
    ex
}
