//! "What happened": the conversation in plain sentences, one column per API
//! (`lens::story`), with what only one side knows marked on the sentence.

use lens::story::{Story, Telling};
use leptos::prelude::*;

use crate::components::claim::ClaimView;
use crate::logic::side::Side;

#[component]
pub fn WhatHappened(story: Memo<Story>) -> impl IntoView {
    view! {
        <section class="story" aria-labelledby="story-title">
            <h3 id="story-title" class="section-title">"What happened"</h3>
            <p class="muted small story-when">
                {move || story.with(|s| match &s.day {
                    Some(day) => format!("{day} · times in {}", s.zone),
                    None => format!("Times in {}", s.zone),
                })}
            </p>
            <div class="story-cols">
                {move || {
                    let s = story.get();
                    view! {
                        <StoryColumn side=Side::Conversations telling=s.realtime/>
                        <StoryColumn side=Side::Analytics telling=s.analytics/>
                    }
                }}
            </div>
        </section>
    }
}

#[component]
fn StoryColumn(side: Side, telling: Option<Telling>) -> impl IntoView {
    let body = match telling {
        None => view! { <p class="muted">"No answer from this API to tell from (see its panel above)."</p> }.into_any(),
        Some(t) => view! {
            <ol class="story-list">
                {t.sentences.into_iter().map(|s| view! {
                    <li class=if s.live { "story-sentence story-live" } else { "story-sentence" }>
                        {s.text}
                        {s.live.then(|| view! { <span class="chip chip-live story-now">"now"</span> })}
                        {s.mark.map(|m| view! { <span class="story-mark">{m}</span> })}
                    </li>
                }).collect_view()}
            </ol>
            <div class="story-basis small"><ClaimView claim=t.basis/></div>
        }
        .into_any(),
    };
    view! {
        <div role="group" class=format!("story-col story-{}", side.key()) aria-label=format!("What happened, as the {} tells it", side.title())>
            <h4 class="story-col-title"><span class=format!("side-dot side-dot-{}", side.key()) aria-hidden="true"></span>{side.title()}</h4>
            {body}
        </div>
    }
}
