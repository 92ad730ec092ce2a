//! The browser's clocks: `performance.now()`, a monotonic millisecond count, a sleep and a wait
//! for idle time. Below both `api` (timing a call, yielding while a big body decodes) and
//! `drivers` (polling).

use wasm_bindgen::JsCast;

/// Resolve after `ms` milliseconds (a `setTimeout` promise).
pub async fn sleep_ms(ms: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let cb: &js_sys::Function = resolve.unchecked_ref();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            cb,
            i32::try_from(ms).unwrap_or(i32::MAX),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolve once the browser is idle (`requestIdleCallback`), at most `timeout_ms` later; where
/// there is no `requestIdleCallback` (Safari), after `timeout_ms`.
pub async fn idle(timeout_ms: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let cb: &js_sys::Function = resolve.unchecked_ref();
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(timeout_ms);
        if window
            .request_idle_callback_with_options(cb, &options)
            .is_err()
        {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb,
                i32::try_from(timeout_ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `performance.now()` in whole milliseconds (the freshness poller's clock).
#[must_use]
pub fn monotonic_ms() -> u64 {
    let ms = now_ms();
    if ms.is_finite() && ms > 0.0 {
        // performance.now() is non-negative and far below 2^53.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = ms as u64;
        whole
    } else {
        0
    }
}

/// Milliseconds from `performance.now()`; 0 when unavailable (the time then reads "0 ms").
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
