//! At a glance: what happened (told from each API), what each API says now, side by side, and
//! where they disagree (and why).

mod what_happened;

use lens::glance::{self, Disagreement, Liveness, Severity, SideGlance};
use lens::lookup::Api;
use leptos::prelude::*;

use super::TabCtx;
use crate::components::claim::{ClaimList, ClaimView, RichText};
use crate::components::folded_list::FoldedList;
use crate::logic::side::Side;
use what_happened::WhatHappened;

/// Items of a card's list shown before the rest fold (a big conference has dozens).
const LIST_AFTER: usize = 12;

#[component]
pub fn GlanceTab(ctx: TabCtx) -> impl IntoView {
    let g = Memo::new(move |_| {
        let now = ctx.now.get();
        ctx.lookup.conversations.with(|c| {
            ctx.lookup.analytics.with(|a| {
                crate::timing::span("lens:tab glance", || {
                    glance::glance(
                        c.lens_conversation(),
                        a.lens_analytics(),
                        Api::AnalyticsById,
                        now,
                    )
                })
            })
        })
    });
    // Each card redraws only when what it shows changed (not when the other side's answer lands).
    let realtime = Memo::new(move |_| g.with(|g| g.realtime.clone()));
    let analytics = Memo::new(move |_| g.with(|g| g.analytics.clone()));
    let zone = crate::logic::local_zone::zone();
    let story = Memo::new(move |_| {
        let now = ctx.now.get();
        ctx.lookup.conversations.with(|c| {
            ctx.lookup.analytics.with(|a| {
                crate::timing::span("lens:tab glance story", || {
                    lens::story::story(
                        c.lens_conversation().loaded(),
                        a.lens_analytics().loaded(),
                        zone,
                        now,
                    )
                })
            })
        })
    });
    view! {
        <WhatHappened story/>
        <div class="two-col">
            {move || view! { <SideCard side=Side::Conversations glance=realtime.get()/> }}
            {move || view! { <SideCard side=Side::Analytics glance=analytics.get()/> }}
        </div>
        <section class="disagreements" aria-labelledby="disagree-title">
            <h3 id="disagree-title" class="section-title">"Where the two APIs differ"</h3>
            {move || {
                let list = g.get().disagreements;
                if list.is_empty() {
                    view! { <p class="muted">"No differences found between the two answers (yet)."</p> }.into_any()
                } else {
                    view! { <ul class="diff-list">{list.into_iter().map(|d| view! { <DisagreementView d/> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn SideCard(side: Side, glance: Option<SideGlance>) -> impl IntoView {
    let Some(g) = glance else {
        return view! {
            <div role="group" class=format!("glance-card glance-{}", side.key()) aria-label=format!("{} at a glance", side.title())>
                <h3 class="glance-title"><span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>{side.title()}</h3>
                <p class="muted">"No conversation from this API (see its panel above)."</p>
            </div>
        }
        .into_any();
    };
    let (badge_class, badge_text) = match g.liveness {
        Liveness::Live => ("badge badge-live", "live"),
        Liveness::Ended => ("badge badge-ended", "ended"),
    };
    view! {
        <div role="group" class=format!("glance-card glance-{}", side.key()) aria-label=format!("{} at a glance", side.title())>
            <h3 class="glance-title">
                <span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>
                {side.title()}
                <span class=badge_class>{badge_text}</span>
            </h3>
            <ClaimView claim=g.how_to_tell/>
            <dl class="facts facts-glance">
                <div><dt>"Start"</dt><dd class="mono">{g.start.unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"End"</dt><dd class="mono">{g.end.unwrap_or_else(|| "— (absent)".into())}</dd></div>
                <div><dt>"Duration"</dt><dd>{g.duration.unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"Media"</dt><dd>{if g.media_types.is_empty() { "—".to_owned() } else { g.media_types.join(", ") }}</dd></div>
            </dl>
            <h4 class="sub-title">{format!("Participants ({})", g.participants.len())}</h4>
            <FoldedList items=g.participants after=LIST_AFTER class="participant-list" noun="participants" item=|p| view! {
                <li class="participant">
                    <span class="participant-name">{p.label}</span>
                    {p.purpose.map(|pu| view! { <span class="chip">{pu}</span> })}
                    <span class=if p.live { "chip chip-live" } else { "chip" }>{p.state}</span>
                    {p.duration.map(|d| view! { <span class="muted small">{d}</span> })}
                </li>
            }/>
            {(!g.wrapups.is_empty()).then(|| view! {
                <h4 class="sub-title">"Wrap-up"</h4>
                <FoldedList items=g.wrapups after=LIST_AFTER class="plain-list" noun="wrap-ups" item=|w| view! {
                    <li><strong>{w.participant_label}</strong>": " <RichText text=w.detail/> " " <code class="muted small">{w.path}</code></li>
                }/>
            })}
            {(!g.disconnects.is_empty()).then(|| view! {
                <h4 class="sub-title">"Disconnects"</h4>
                <FoldedList items=g.disconnects after=LIST_AFTER class="plain-list" noun="disconnects" item=|d| view! {
                    <li><strong>{d.participant_label}</strong>": " <code>{d.disconnect_type}</code> " " <code class="muted small">{d.path}</code></li>
                }/>
            })}
            {(!g.notes.is_empty()).then(|| view! { <ClaimList claims=g.notes/> })}
        </div>
    }
    .into_any()
}

#[component]
fn DisagreementView(d: Disagreement) -> impl IntoView {
    let class = match d.severity {
        Severity::Differs => "diff diff-differs",
        Severity::Note => "diff diff-note",
    };
    let tag = match d.severity {
        Severity::Differs => "differs",
        Severity::Note => "same fact, different form",
    };
    view! {
        <li class=class>
            <p class="diff-title"><strong><RichText text=d.title/></strong> " " <span class="chip">{tag}</span></p>
            <div class="diff-values">
                <div><span class="side-dot side-dot-conversations" aria-hidden="true"></span><span class="visually-hidden">"Conversations API: "</span><span><RichText text=d.realtime/></span></div>
                <div><span class="side-dot side-dot-analytics" aria-hidden="true"></span><span class="visually-hidden">"Analytics API: "</span><span><RichText text=d.analytics/></span></div>
            </div>
            <ClaimList claims=d.why/>
        </li>
    }
}
