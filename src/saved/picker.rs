//! A page of analytics results: pick the conversation to open.

use lens::saved::Page;
use leptos::prelude::*;

#[component]
pub fn Picker(page: Page, on_pick: Callback<String>) -> impl IntoView {
    let count = page.candidates.len();
    let mut about = format!("This {} lists {count} conversations", page.kind.label());
    if let Some(t) = page.total_hits {
        about.push_str(&format!(" (totalHits {t}, approximate)"));
    }
    if page.more {
        about.push_str("; more pages exist (it has a cursor)");
    }
    about.push_str(". Pick one to open:");
    let rows = page
        .candidates
        .into_iter()
        .map(|c| {
            let id = c.conversation_id.clone();
            let start = c.start.map_or_else(
                || "start unknown".to_owned(),
                |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            );
            let state = if c.end.is_some() { "ended" } else { "no end yet" };
            let media = if c.media.is_empty() {
                "media unknown".to_owned()
            } else {
                c.media.join(", ")
            };
            view! {
                <li>
                    <button type="button" class="btn picker-row" on:click=move |_| on_pick.run(id.clone())>
                        <code class="mono">{c.conversation_id}</code>
                        <span class="muted small">{format!("{start} · {media} · {state}")}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card saved-picker" aria-labelledby="picker-title">
            <h2 id="picker-title" class="section-title">"Pick a conversation"</h2>
            <p>{about}</p>
            <ul class="picker-list">{rows}</ul>
        </section>
    }
}
