//! `/bench/render?tab=…`: the comparison view over the synthetic 50-participant / 2,000-segment
//! conversation (`lens::synthetic::benchmark`), no network. Shows how long it took from both
//! bodies in hand to the tab painted (parse, decode, lens analysis, views, style/layout/paint)
//! in `<output id="render-ms">` (for `cargo xtask bench`); generating the synthetic bodies is
//! timed apart (`data-prep-ms`). With `&again=1` the same bodies are rendered a second time
//! once the first is painted (`data-again-ms`): the page's code is compiled by then, so the
//! difference is what a first render pays once per visit.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::comparison::Comparison;
use crate::api::{decode_in_steps, now_ms};
use crate::logic::decode::Exchange;
use crate::logic::route;
use crate::logic::side::Side;
use crate::logic::tab::Tab;
use crate::state::{Lookup, SideState};

#[component]
pub fn BenchPage() -> impl IntoView {
    let prep_start = now_ms();
    let query = use_query_map();
    let navigate = use_navigate();
    let tab = Memo::new(move |_| Tab::from_slug(query.with(|q| q.get("tab")).as_deref()));
    let start = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    // As JSON bodies: the app decodes them like any answer (and carries no model `Serialize`).
    let synth = lens::synthetic::benchmark_json(start);
    let id = synth.conversation_id().to_owned();
    let lookup = Lookup::new();
    // As while a real lookup waits for its two answers.
    for side in Side::BOTH {
        lookup.place(side, SideState::Loading);
    }
    let rt = synth.realtime.to_string();
    let an = synth.analytics.to_string();
    let (timings, set_timings) = signal(None::<Timings>);
    let (again_ms, set_again_ms) = signal(None::<f64>);
    // `?again=1`: render the same bodies a second time on the now-warm page (its code compiled
    // by the first render), so the bench can tell one-time costs from the render itself.
    let again = query.with_untracked(|q| q.get("again").is_some());
    let bench_id = id.clone();
    // Once the empty comparison is mounted (this runs after the synchronous mount), the two
    // bodies "arrive" and go through what `api::fetch_side` does with an answer: parse, then
    // decode in steps, each side shown as soon as it is decoded. Timed from here: building
    // and serialising the synthetic conversation is the bench's own work (shown apart).
    leptos::task::spawn_local(async move {
        crate::timing::mark("lens-bench-t0");
        let t0 = now_ms();
        let prep_ms = t0 - prep_start;
        let first = render_once(lookup, &bench_id, &rt, &an).await;
        set_timings.set(Some(Timings { prep_ms, ..first }));
        if again {
            for side in Side::BOTH {
                lookup.place(side, SideState::Loading);
            }
            painted().await;
            crate::timing::mark("lens-bench-t1");
            let second = render_once(lookup, &bench_id, &rt, &an).await;
            set_again_ms.set(Some(second.painted_ms));
        }
    });
    let on_tab = Callback::new(move |t: Tab| {
        navigate(
            &format!("/bench/render?tab={}", t.slug()),
            NavigateOptions {
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let id_signal = Signal::derive(move || id.clone());
    view! {
        <div class="page">
            <p class="muted small">
                "Synthetic conversation: 50 participants, 2,000 analytics segments (no network). Render time: "
                <output id="render-ms"
                    data-prep-ms=move || timings.get().map(|t| format!("{:.1}", t.prep_ms))
                    data-decode-ms=move || timings.get().map(|t| format!("{:.1}", t.decode_ms))
                    data-frame-ms=move || timings.get().map(|t| format!("{:.1}", t.frame_ms))
                    data-ms=move || timings.get().map(|t| format!("{:.1}", t.painted_ms))
                    data-again-ms=move || again_ms.get().map(|ms| format!("{ms:.1}"))>
                    {move || timings.get().map_or_else(|| "measuring…".to_owned(), |t| format!("{:.0} ms", t.painted_ms))}
                </output>
            </p>
            <Comparison id=id_signal lookup tab=tab.into() on_tab/>
        </div>
    }
}

/// Both bodies "arrive" (parse, decode in steps, each side shown once decoded), then the frame
/// showing them is painted. Timed from the call.
async fn render_once(lookup: Lookup, id: &str, rt: &str, an: &str) -> Timings {
    let t0 = now_ms();
    for (side, raw) in [(Side::Conversations, rt), (Side::Analytics, an)] {
        let ex = Exchange::received(side, route::api_path(side, id), 200, 0.0, raw.to_owned());
        lookup.set_exchange(decode_in_steps(ex, id).await);
    }
    let decode_ms = now_ms() - t0;
    let frame_ms = painted().await - t0;
    Timings {
        prep_ms: 0.0,
        decode_ms,
        frame_ms,
        painted_ms: now_ms() - t0,
    }
}

/// Resolves once the views built so far have been painted, with the time of the frame before
/// painting: the frame after the views are built is when the browser can paint them, and a
/// task queued from that frame runs once it has been painted (style, layout, paint).
async fn painted() -> f64 {
    let (tx, rx) = futures::channel::oneshot::channel();
    request_animation_frame(move || {
        let frame = now_ms();
        set_timeout(
            move || {
                let _ = tx.send(frame);
            },
            std::time::Duration::ZERO,
        );
    });
    rx.await.unwrap_or_else(|_| now_ms())
}

/// What the page measured, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Timings {
    /// Generating and serialising the synthetic bodies, and mounting the empty view (not timed).
    prep_ms: f64,
    /// Bodies in hand → both exchanges decoded and set (the views of the first built meanwhile).
    decode_ms: f64,
    /// … → the frame after the views were built.
    frame_ms: f64,
    /// … → that frame painted: what `render-ms` shows.
    painted_ms: f64,
}
