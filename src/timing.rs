//! User Timing marks for the benchmarks (`cargo xtask bench` reads them; nothing is asserted):
//! `lens-lookup` measures from the start of a lookup to the frame in which both panels and
//! the open tab show the answers; [`span`] names the costly steps (`lens:decode …`,
//! `lens:tab …`) so the bench and the browser's performance panel can tell them apart.

const START: &str = "lens-lookup-start";
const LOOKUP: &str = "lens-lookup";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// A lookup started (both calls are about to be sent).
pub fn started() {
    if let Some(p) = performance() {
        let _ = p.mark(START);
    }
}

/// A User Timing mark (the bench reads `lens-bench-t0` as the start of its window).
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Both sides have settled: measure once the views built for them are about to be painted.
pub fn both_views() {
    leptos::prelude::request_animation_frame(|| {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark(LOOKUP, START);
        }
    });
}

/// Run `f`, recorded as the User Timing measure `name` (two marks and a measure: a few
/// microseconds, so it stays in release builds where the bench needs it). Natively (the
/// `logic` unit tests) it only runs `f`.
#[cfg(not(target_arch = "wasm32"))]
pub fn span<T>(_name: &str, f: impl FnOnce() -> T) -> T {
    f()
}

/// Run `f`, recorded as the User Timing measure `name` (two marks and a measure: a few
/// microseconds, so it stays in release builds where the bench needs it).
#[cfg(target_arch = "wasm32")]
pub fn span<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(p) = performance() else {
        return f();
    };
    let start = format!("{name}:start");
    let _ = p.mark(&start);
    let out = f();
    let _ = p.measure_with_start_mark(name, &start);
    p.clear_marks_with_mark_name(&start);
    out
}
