//! `/bench/render?tab=…`: the comparison view over the synthetic 50-participant / 2,000-segment
//! conversation (`lens::synthetic::benchmark`), no network. Shows how long building the two
//! exchanges (parse + decode) plus the first render took, in `<output id="render-ms">` (for
//! `cargo xtask bench`); generating the synthetic bodies is timed apart (`data-prep-ms`).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::lens::Comparison;
use crate::api::now_ms;
use crate::logic::decode::Exchange;
use crate::logic::route;
use crate::logic::side::Side;
use crate::logic::tab::Tab;
use crate::state::Lookup;

#[component]
pub fn BenchPage() -> impl IntoView {
    let prep_start = now_ms();
    let query = use_query_map();
    let navigate = use_navigate();
    let tab = Memo::new(move |_| Tab::from_slug(query.with(|q| q.get("tab")).as_deref()));
    let start = model::time::from_wire("2026-05-12T14:00:00.000Z").unwrap_or_default();
    // As JSON bodies: the app decodes them like any answer (and carries no model `Serialize`).
    let synth = lens::synthetic::benchmark_json(start);
    let id = synth
        .realtime
        .get("id")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let lookup = Lookup::new();
    let rt = synth.realtime.to_string();
    let an = synth.analytics.to_string();
    // What the app does once two bodies have arrived is timed from here: building and
    // serialising the synthetic conversation is the bench's own work (shown apart).
    let t0 = now_ms();
    let prep_ms = t0 - prep_start;
    lookup.set_exchange(Exchange::new(
        Side::Conversations,
        &id,
        route::conversation_api_path(&id),
        200,
        0.0,
        rt,
    ));
    lookup.set_exchange(Exchange::new(
        Side::Analytics,
        &id,
        route::analytics_api_path(&id),
        200,
        0.0,
        an,
    ));
    // Parse + decode of both bodies; the rest of `render-ms` is building the views.
    let decode_ms = now_ms() - t0;
    let (render_ms, set_render_ms) = signal(None::<f64>);
    // The frame after mounting is when the browser can paint what we rendered.
    request_animation_frame(move || set_render_ms.set(Some(now_ms() - t0)));
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
                <output id="render-ms" data-prep-ms=format!("{prep_ms:.1}") data-decode-ms=format!("{decode_ms:.1}") data-ms=move || render_ms.get().map(|m| format!("{m:.1}"))>
                    {move || render_ms.get().map_or_else(|| "measuring…".to_owned(), |m| format!("{m:.0} ms"))}
                </output>
            </p>
            <Comparison id=id_signal lookup tab=tab.into() on_tab/>
        </div>
    }
}
