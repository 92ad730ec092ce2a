//! Warming the lookup path while the home page sits idle.
//!
//! V8 compiles each WebAssembly function the first time it runs (lazily, with its baseline
//! compiler), so the first lookup of a visit used to pay for compiling the JSON decoders and the
//! comparison's views: on loopback the first lookup took about 280 ms, the same lookup once
//! another had run about 110 ms (`cargo xtask bench app`). Once the home page is idle, this runs
//! that code on a small synthetic conversation: both bodies are parsed and decoded like answers,
//! and the comparison is built for them in an element that is never attached to the page, then
//! dropped. Nothing is fetched and nothing is shown.

use std::cell::Cell;

use leptos::prelude::*;

use super::comparison::Comparison;
use crate::clock::{idle, sleep_ms};
use crate::logic::decode::Exchange;
use crate::logic::route;
use crate::logic::side::Side;
use crate::logic::tab::Tab;
use crate::state::Lookup;
use crate::timing;

/// The longest the warm-up waits for idle time before it runs anyway.
const IDLE_TIMEOUT_MS: u32 = 1_000;

thread_local! {
    /// Once per visit: after one run the code is compiled for good.
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Warm the lookup path once the browser is idle, unless the calling view (the home page) is
/// gone by then: a lookup that has started warms the same code itself. Call it from a component.
pub fn when_idle() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(owner) = Owner::current() else {
        return;
    };
    // Disposed with the calling view: tells the task below the page was left.
    let here = RwSignal::new(());
    leptos::task::spawn_local(async move {
        idle(IDLE_TIMEOUT_MS).await;
        if here.is_disposed() {
            return;
        }
        let sides = timing::span("lens:prewarm decode", sample_exchanges);
        idle(IDLE_TIMEOUT_MS).await;
        if here.is_disposed() {
            return;
        }
        // Under the home page's owner, so the views find the app's context as they do on a lookup.
        let mounted = owner.with(|| timing::span("lens:prewarm views", || build_detached(sides)));
        // Let the effects the views scheduled run once, then unmount and dispose of everything.
        sleep_ms(0).await;
        timing::span("lens:prewarm drop", || drop(mounted));
    });
}

/// Both sides of a small ended conversation (customer, IVR, queue, agent), decoded like answers.
fn sample_exchanges() -> (String, [Exchange; 2]) {
    let start = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    let synth = lens::synthetic::conversation_json(4, 16, start, false);
    let id = synth.conversation_id().to_owned();
    let sides = Side::BOTH.map(|side| {
        let body = match side {
            Side::Conversations => &synth.realtime,
            Side::Analytics => &synth.analytics,
        };
        Exchange::new(
            side,
            &id,
            route::api_path(side, &id),
            200,
            0.0,
            body.to_string(),
        )
    });
    (id, sides)
}

/// The comparison (both panels, the tab bar and the default tab) for the sample, built into a
/// detached element. Dropping the handle unmounts it and disposes of its reactive owner.
fn build_detached(
    (id, sides): (String, [Exchange; 2]),
) -> Option<leptos::mount::UnmountHandle<impl leptos::prelude::Mountable>> {
    let parent: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(web_sys::window()?.document()?.create_element("div").ok()?)
            .ok()?;
    Some(leptos::mount::mount_to(parent, move || {
        let lookup = Lookup::new();
        for ex in sides {
            lookup.set_exchange(ex);
        }
        view! {
            <Comparison
                id=Signal::derive(move || id.clone())
                lookup
                tab=Signal::derive(|| Tab::from_slug(None))
                on_tab=Callback::new(|_| ())
            />
        }
    }))
}
