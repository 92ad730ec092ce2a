//! Code: each call as just made, in curl, Python SDK, JavaScript SDK, gc CLI and Rust. A
//! placeholder stands in for the token, always. The hosts are the region the server runs against
//! (or, in demo mode, a region the reader picks); what holds for every call in a language is said
//! once above the snippets.

use lens::region::{self, Region};
use lens::snippets::{self, HostChoice, Lang, ServerTarget, SnippetContext};
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::{ClaimList, ClaimView};
use crate::components::copy_button::CopyButton;
use crate::components::source_link::SourceLink;
use crate::state::app_state;

#[component]
pub fn CodeTab(ctx: TabCtx) -> impl IntoView {
    let state = app_state();
    let (lang, set_lang) = signal(Lang::Curl);
    let (picked, set_picked) = signal(None::<Region>);
    let hosts = Memo::new(move |_| {
        state.health.with(|h| {
            let h = h.as_ref().and_then(|h| h.as_ref().ok());
            let target = h.map_or(ServerTarget::Unknown, |h| {
                ServerTarget::from_health(&h.mode, h.region.as_deref())
            });
            snippets::host_choice(target, picked.get())
        })
    });
    let sctx = Memo::new(move |_| {
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
        // Both bodies read in place (a 2,000-segment body is not cloned for a topic list).
        fn body(s: &crate::state::SideState) -> Option<&serde_json::Value> {
            s.exchange()
                .filter(|e| e.result.status == 200)
                .map(|e| &e.result.body)
        }
        let topics = ctx.lookup.conversations.with(|c| {
            ctx.lookup.analytics.with(|a| {
                crate::timing::span("lens:tab code topics", || {
                    lens::notifications::topics::for_conversation(body(c), body(a))
                })
            })
        });
        SnippetContext::new(&ctx.id.get(), hosts.get().region, start, chrono::Utc::now())
            .with_topics(topics.into_iter().map(|t| t.name).collect())
    });
    let list = Memo::new(move |_| snippets::all(&sctx.get()));
    view! {
        <div class="chips" role="group" aria-label="Language">
            {Lang::ALL.into_iter().map(|l| view! {
                <button type="button" class="btn btn-small" aria-pressed=move || if lang.get() == l { "true" } else { "false" }
                    on:click=move |_| set_lang.set(l)>{l.label()}</button>
            }).collect_view()}
        </div>
        {move || view! { <HostLine choice=hosts.get() set_picked=set_picked/> }}
        <section class="snippet-setup" aria-label="For every call">
            {move || view! { <ClaimList claims=snippets::language_notes(lang.get(), &sctx.get())/> }}
        </section>
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

/// Which hosts the snippets call and why; a region picker when the server's region is not a real
/// one (demo org, custom address, not known yet).
#[component]
fn HostLine(choice: HostChoice, set_picked: WriteSignal<Option<Region>>) -> impl IntoView {
    let current = choice.region.key;
    view! {
        <div class="snippet-hosts">
            <ClaimView claim=choice.why/>
            {choice.can_pick.then(|| view! {
                <label class="small">"Region for the snippets "
                    <select aria-label="Region for the snippets"
                        on:change=move |ev| set_picked.set(region::find(&event_target_value(&ev)).copied())>
                        {region::REGIONS.iter().map(|r| view! {
                            <option value=r.key selected={r.key == current}>{format!("{} — api.{}", r.key, r.domain)}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
        </div>
    }
}
