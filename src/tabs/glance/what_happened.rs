//! "What happened": the conversation in plain sentences, one column per API
//! (`lens::story`), with what only one side knows marked on the sentence.

use lens::story::{Story, Telling};
use leptos::prelude::*;

use crate::components::claim::ClaimView;
use crate::components::folded_list::FoldedList;
use crate::logic::side::Side;

/// Sentences told before the rest fold: a usual call's story is whole, a 50-participant
/// conference's would be screens long.
const SENTENCES_AFTER: usize = 24;
/// The last sentences stay shown below the fold: how it ended (or, live, what is happening now).
const SENTENCES_LAST: usize = 3;

#[component]
pub fn WhatHappened(story: Memo<Story>) -> impl IntoView {
    // Each column redraws only when its own telling changed.
    let realtime = Memo::new(move |_| story.with(|s| s.realtime.clone()));
    let analytics = Memo::new(move |_| story.with(|s| s.analytics.clone()));
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
                {move || view! { <StoryColumn side=Side::Conversations telling=realtime.get()/> }}
                {move || view! { <StoryColumn side=Side::Analytics telling=analytics.get()/> }}
            </div>
        </section>
    }
}

#[component]
fn StoryColumn(side: Side, telling: Option<Telling>) -> impl IntoView {
    let body = match telling {
        None => view! { <p class="muted">"No answer from this API to tell from (see its panel above)."</p> }.into_any(),
        Some(t) => view! {
            <FoldedList items=t.sentences after=SENTENCES_AFTER keep_last=SENTENCES_LAST ordered=true class="story-list" noun="sentences" item=|s| view! {
                <li class=if s.live { "story-sentence story-live" } else { "story-sentence" }>
                    {s.text}
                    {s.live.then(|| view! { <span class="chip chip-live story-now">"now"</span> })}
                    {s.mark.map(|m| view! { <span class="story-mark">{m}</span> })}
                </li>
            }/>
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
