//! Code: each call as just made, in curl, Python SDK, JavaScript SDK, gc CLI and Rust. A
//! placeholder stands in for the token, always.

use lens::region;
use lens::snippets::{self, Lang, SnippetContext};
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::ClaimList;
use crate::components::copy_button::CopyButton;
use crate::components::source_link::SourceLink;
use crate::state::app_state;

#[component]
pub fn CodeTab(ctx: TabCtx) -> impl IntoView {
    let state = app_state();
    let (lang, set_lang) = signal(Lang::Curl);
    let list = Memo::new(move |_| {
        let region_key = state.health.with(|h| {
            h.as_ref()
                .and_then(|h| h.as_ref().ok())
                .and_then(|h| h.region.clone())
        });
        let region = region_key
            .as_deref()
            .and_then(region::find)
            .copied()
            .unwrap_or(region::US_EAST_1);
        let start = ctx
            .lookup
            .conversations
            .with(|c| {
                c.exchange()
                    .and_then(|e| e.conversation())
                    .and_then(|c| c.start_time)
            })
            .or_else(|| {
                ctx.lookup.analytics.with(|a| {
                    a.exchange()
                        .and_then(|e| e.analytics())
                        .and_then(|a| a.conversation_start)
                })
            });
        let sctx = SnippetContext::new(&ctx.id.get(), region, start, chrono::Utc::now());
        snippets::all(&sctx)
    });
    view! {
        <div class="chips" role="group" aria-label="Language">
            {Lang::ALL.into_iter().map(|l| view! {
                <button type="button" class="btn btn-small" aria-pressed=move || if lang.get() == l { "true" } else { "false" }
                    on:click=move |_| set_lang.set(l)>{l.label()}</button>
            }).collect_view()}
        </div>
        <p class="muted small">"The token is always a placeholder: never paste a real token into code you share."</p>
        {move || {
            let l = lang.get();
            list.get().into_iter().filter(|s| s.lang == l).map(|s| {
                let code = s.code.clone();
                let copy = Callback::new(move |()| code.clone());
                view! {
                    <div role="group" class="snippet" aria-label=s.title.clone()>
                        <div class="body-head">
                            <h3 class="body-title">{s.title.clone()} {(!s.verified).then(|| view! { <span class="badge badge-unverified">"unverified"</span> })}</h3>
                            <CopyButton text=copy label=format!("Copy {}", s.title)/>
                        </div>
                        <pre class="code"><code>{s.code}</code></pre>
                        <ClaimList claims=s.notes/>
                        <SourceLink source=s.source/>
                    </div>
                }
            }).collect_view()
        }}
    }
}
