//! Timeline: one lane per participant, real-time communication spans (top row) and analytics
//! segments (bottom row) overlaid on one time axis, with a legend, hover/focus details, zoom and
//! a "now" line that moves while the conversation is live. Geometry comes from `lens::timeline`.

use lens::timeline::{self, Layer, Timeline, Window};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::TabCtx;
use crate::components::claim::RichText;
use crate::components::source_link::SourceLink;
use crate::logic::roving::roving_target;
use crate::logic::timeline_svg::{self, LANE_H, W};
use crate::logic::timeline_window::whole;

#[component]
pub fn TimelineTab(ctx: TabCtx) -> impl IntoView {
    let tl = Memo::new(move |_| {
        let now = ctx.now.get();
        ctx.lookup.conversations.with(|c| {
            ctx.lookup.analytics.with(|a| {
                crate::timing::span("lens:tab timeline", || {
                    timeline::build(
                        c.exchange().and_then(|e| e.conversation()),
                        a.exchange().and_then(|e| e.analytics()),
                        now,
                    )
                })
            })
        })
    });
    // `None` = the whole conversation (which grows while live).
    let zoom = RwSignal::new(None::<Window>);
    let window = Memo::new(move |_| tl.with(|t| zoom.get().unwrap_or_else(|| whole(t))));
    let selected = RwSignal::new(None::<Picked>);

    let zoom_by = move |factor: f64| {
        let bounds = tl.with(whole);
        zoom.set(Some(window.get_untracked().zoom(factor, 0.5, &bounds)));
    };
    let pan_by = move |fraction: f64| {
        let bounds = tl.with(whole);
        zoom.set(Some(window.get_untracked().pan(fraction, &bounds)));
    };

    view! {
        <div class="tl-toolbar" role="toolbar" aria-label="Timeline zoom">
            <button type="button" class="btn btn-small" on:click=move |_| zoom_by(2.0)>"Zoom in"</button>
            <button type="button" class="btn btn-small" on:click=move |_| zoom_by(0.5)>"Zoom out"</button>
            <button type="button" class="btn btn-small" on:click=move |_| pan_by(-0.25)>"← Earlier"</button>
            <button type="button" class="btn btn-small" on:click=move |_| pan_by(0.25)>"Later →"</button>
            <button type="button" class="btn btn-small" disabled=move || zoom.with(Option::is_none) on:click=move |_| zoom.set(None)>"Whole conversation"</button>
            <span class="muted small">{move || tl.with(|t| format!("{} spans · {}", t.span_count, if t.live { "live: the dashed line is now" } else { "ended" }))}</span>
        </div>
        <p class="muted small tl-hint">"Hover or focus a bar: its details open beside it."</p>
        {move || tl.with(|t| if t.lanes.is_empty() {
            view! { <p class="muted">"Nothing to draw yet: neither API returned the conversation."</p> }.into_any()
        } else {
            view! { <Lanes tl=t.clone() window=window.get() selected/> }.into_any()
        })}
        <Legend tl=tl/>
    }
}

#[component]
fn Lanes(tl: Timeline, window: Window, selected: RwSignal<Option<Picked>>) -> impl IntoView {
    let ticks = timeline::ticks(&window, W, 110.0);
    #[allow(clippy::cast_precision_loss)]
    let now_x = tl
        .now_ms
        .map(|n| window.x(n as f64, W))
        .filter(|x| (0.0..=W).contains(x));
    // Thousands of bars (2,000 segments) must stay static markup: no signal, closure or
    // listener per bar, and not one DOM call per attribute either: each lane's bars are one
    // SVG string (`logic::timeline_svg`). The chart listens once (delegated) and finds the bar
    // by `data-bar`; the roving tab stop is moved by setting two attributes.
    let mut bars = Vec::new();
    let lanes_view = tl.lanes.into_iter().map(|lane| {
        let title = match &lane.purpose {
            Some(p) => format!("{} ({p})", lane.label),
            None => lane.label.clone(),
        };
        let inner = timeline_svg::lane(
            [&lane.realtime, &lane.realtime_segments, &lane.analytics],
            &window,
            now_x,
            &mut bars,
        );
        view! {
            <li class="tl-lane">
                <div class="tl-lane-label">{title.clone()}</div>
                <svg class="tl-svg" viewBox=format!("0 0 {W} {LANE_H}") preserveAspectRatio="none" role="group" aria-label=format!("{title}: Conversations API rows above, Analytics API row below") inner_html=inner>
                </svg>
            </li>
        }
    }).collect_view();
    let active = StoredValue::new(0_usize);
    let details = StoredValue::new(bars);
    let total = details.with_value(Vec::len);
    // The details of the bar an event came from (or `None` off the bars).
    let pick = move |target: Option<web_sys::EventTarget>| {
        let bar = bar_of(target)?;
        let i = bar_index(&bar)?;
        details.with_value(|d| {
            d.get(i)
                .and_then(|(detail, path)| Picked::at(&bar, detail.clone(), path.clone()))
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(from) = bar_of(ev.target()).as_ref().and_then(bar_index) else {
            return;
        };
        let Some(to) = roving_target(&ev.key(), from, total) else {
            return;
        };
        ev.prevent_default();
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|root| {
                root.query_selector(&format!("[data-bar='{to}']"))
                    .ok()
                    .flatten()
            })
        {
            move_tab_stop(&el, active.get_value(), to);
            active.set_value(to);
            focus(&el);
        }
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        let Some(bar) = bar_of(ev.target()) else {
            return;
        };
        if let Some(i) = bar_index(&bar) {
            move_tab_stop(&bar, active.get_value(), i);
            active.set_value(i);
        }
        selected.set(pick(ev.target()));
    };
    let on_hover = move |ev: web_sys::MouseEvent| {
        // Off the bars (the lane background) the open details stay, as before.
        if let Some(p) = pick(ev.target())
            && selected.with_untracked(|s| s.as_ref() != Some(&p))
        {
            selected.set(Some(p));
        }
    };
    view! {
        <div class="tl" on:keydown=on_key on:focusin=on_focus on:mouseover=on_hover on:mouseleave=move |_| selected.set(None)>
            <div class="tl-axis" aria-hidden="true">
                {ticks.into_iter().map(|t| {
                    let pct = t.x / W * 100.0;
                    // A centred label near the right edge would be cut off: end it at its tick instead.
                    let class = if pct > 94.0 { "tl-tick tl-tick-end" } else { "tl-tick" };
                    view! { <span class=class style=format!("left:{pct:.3}%")>{t.label}</span> }
                }).collect_view()}
            </div>
            <ul class="tl-lanes">
                {lanes_view}
            </ul>
            {move || selected.get().map(|p| {
                // Beside the bar it describes (below it, or above near the window's bottom), kept
                // inside the chart by the CSS clamp.
                let style = p.style();
                view! {
                    <div class="tl-detail tl-float" role="tooltip" data-testid="tl-detail" style=style>
                        <span>{p.detail}</span> " " <code class="muted small">{p.path}</code>
                    </div>
                }
            })}
        </div>
    }
}

/// The bar whose details are open, and where its box goes (px, relative to the chart).
#[derive(Debug, Clone, PartialEq)]
struct Picked {
    detail: String,
    path: String,
    /// Horizontal centre of the bar.
    x: f64,
    /// Just below the bar, or — when the bar is near the bottom of the window — just above it.
    place: Place,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// CSS `top`: px from the chart's top edge.
    Below(f64),
    /// CSS `bottom`: px from the chart's bottom edge.
    Above(f64),
}

/// Room the details box needs below a bar before it opens above instead (px).
const ROOM_BELOW: f64 = 140.0;

impl Picked {
    /// Measure the bar (an SVG `rect`) against its chart (`.tl`).
    fn at(bar: &web_sys::Element, detail: String, path: String) -> Option<Self> {
        let chart = bar.closest(".tl").ok().flatten()?;
        let (b, c) = (
            bar.get_bounding_client_rect(),
            chart.get_bounding_client_rect(),
        );
        let window_h = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX);
        let place = if b.bottom() + ROOM_BELOW > window_h && b.top() > ROOM_BELOW {
            Place::Above(c.bottom() - b.top() + 4.0)
        } else {
            Place::Below(b.bottom() - c.top() + 4.0)
        };
        Some(Self {
            detail,
            path,
            x: (b.left() + b.width() / 2.0 - c.left()).clamp(0.0, c.width()),
            place,
        })
    }

    fn style(&self) -> String {
        let (side, px) = match self.place {
            Place::Below(px) => ("top", px),
            Place::Above(px) => ("bottom", px),
        };
        format!("{side}:{px:.0}px;--tl-x:{:.0}px", self.x)
    }
}

/// The bar (an element with `data-bar`) an event came from.
fn bar_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-bar]")
        .ok()
        .flatten()
}

/// The `data-bar` index of a bar.
fn bar_index(bar: &web_sys::Element) -> Option<usize> {
    bar.get_attribute("data-bar")?.parse().ok()
}

/// Roving tabindex: bar `to` becomes the one tab stop, bar `from` leaves the tab order.
fn move_tab_stop(bar: &web_sys::Element, from: usize, to: usize) {
    if from != to
        && let Some(old) = bar.closest(".tl").ok().flatten().and_then(|root| {
            root.query_selector(&format!("[data-bar='{from}']"))
                .ok()
                .flatten()
        })
    {
        let _ = old.set_attribute("tabindex", "-1");
    }
    let _ = bar.set_attribute("tabindex", "0");
}

/// SVG elements have `focus()` too, but web-sys only exposes it on `SvgElement`.
fn focus(el: &web_sys::Element) {
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call0(el);
    }
}

#[component]
fn Legend(tl: Memo<Timeline>) -> impl IntoView {
    view! {
        <div class="tl-legend" aria-label="Legend" role="group">
            {move || tl.with(|t| {
                let of = |layer: Layer| t.legend.iter().filter(|e| e.layer == layer).cloned().collect::<Vec<_>>();
                let (rt, rs, an) = (of(Layer::Realtime), of(Layer::RealtimeSegment), of(Layer::Analytics));
                let row = |title: &'static str, items: Vec<timeline::LegendEntry>| view! {
                    <div class="tl-legend-row">
                        <span class="tl-legend-title">{title}</span>
                        {items.into_iter().map(|e| view! {
                            <span class="tl-legend-item">
                                <svg class="tl-swatch" viewBox="0 0 16 10" aria-hidden="true"><rect class=format!("tl-bar {}", e.css_class) x="0" y="0" width="16" height="10"/></svg>
                                <code>{e.kind}</code>
                                <span class="muted small"><RichText text=e.description/></span>
                            </span>
                        }).collect_view()}
                    </div>
                };
                view! {
                    <p class="small">
                        <SourceLink source=lens::sources::CALL_MODEL/> " "
                        <SourceLink source=lens::sources::ANALYTICS_MODEL/>
                    </p>
                    {row("Conversations API timestamps (top row)", rt)}
                    {(!rs.is_empty()).then(|| row("Conversations API segments[] (middle row)", rs))}
                    {row("Analytics API segments (bottom row)", an)}
                    {t.live.then(|| view! {
                        <div class="tl-legend-row"><span class="tl-legend-item"><svg class="tl-swatch" viewBox="0 0 16 10" aria-hidden="true"><line class="tl-now" x1="8" x2="8" y1="0" y2="10"/></svg>"now (moves while the conversation is live)"</span></div>
                    })}
                }
            })}
        </div>
    }
}
