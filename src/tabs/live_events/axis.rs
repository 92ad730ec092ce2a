//! One time axis for the three sources (event received, snapshot fetched, analytics record),
//! with the measured lag of each milestone in words.

use lens::notifications::lag::Source3;
use leptos::prelude::*;

use super::clock;
use crate::drivers::live::LiveFeed;

#[component]
pub fn TimeAxisView(feed: LiveFeed) -> impl IntoView {
    let marks = Memo::new(move |_| feed.axis.with(|a| a.marks()));
    let lags = Memo::new(move |_| feed.axis.with(|a| a.lags()));
    let span = move || {
        feed.axis.with(|a| {
            let times: Vec<_> = a.observations().iter().map(|o| o.at).collect();
            match (times.iter().min(), times.iter().max()) {
                (Some(f), Some(l)) => format!("{} → {}", clock(*f), clock(*l)),
                _ => String::new(),
            }
        })
    };
    view! {
        <section class="live-axis" aria-label="One time axis for the three sources">
            <h4 class="sub-title">"One time axis, three sources"</h4>
            <p class="muted small">"Each dot is one answer: an event as the browser received it, a Conversations API snapshot when it arrived, an analytics record when it arrived. A filled dot showed something for the first time. " {span}</p>
            <div class="axis-rows">
                {Source3::ALL.into_iter().map(|s| view! {
                    <div class="axis-row" data-source=format!("{s:?}")>
                        <span class="axis-label">{s.label()}</span>
                        <span class="axis-track">
                            {move || marks.get().into_iter().filter(|m| m.source == s).map(|m| {
                                let title = if m.new.is_empty() {
                                    clock(m.at)
                                } else {
                                    format!("{} — first showed: {}", clock(m.at), m.new.iter().map(|x| x.phrase()).collect::<Vec<_>>().join(", "))
                                };
                                let class = if m.new.is_empty() { "axis-dot" } else { "axis-dot axis-dot-new" };
                                view! { <span class=class role="img" style=format!("left: {:.2}%", m.offset * 100.0) title=title.clone() aria-label=title></span> }
                            }).collect_view()}
                        </span>
                    </div>
                }).collect_view()}
            </div>
            <h4 class="sub-title">"How far behind each source was"</h4>
            <Show when=move || !lags.get().is_empty() fallback=|| view! { <p class="muted">"Measured once the first event arrives."</p> }>
                <ul class="plain-list live-lags">
                    {move || lags.get().into_iter().map(|l| view! {
                        <li>
                            <strong>{l.milestone.phrase()} " (event at " {clock(l.event_at)} ")"</strong>
                            <ul>
                                <li>{l.sentence(Source3::Snapshot)}</li>
                                <li>{l.sentence(Source3::Record)}</li>
                            </ul>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
