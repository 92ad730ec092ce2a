//! User Timing marks for the benchmarks (`cargo xtask bench` reads them; nothing is asserted):
//! `lens-lookup` measures from the start of a lookup to the frame in which both panels and
//! the open tab show the answers.

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

/// Both sides have settled: measure once the views built for them are about to be painted.
pub fn both_views() {
    leptos::prelude::request_animation_frame(|| {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark(LOOKUP, START);
        }
    });
}
