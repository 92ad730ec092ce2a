//! Which API when: from what the user is trying to do to the right API, correcting the
//! tutorial's misconceptions where they come up.

use lens::guide::{self, Goal};
use leptos::prelude::*;

use crate::components::claim::{ClaimList, RichText};
use crate::components::source_link::SourceLink;

#[component]
pub fn GuideTab() -> impl IntoView {
    let (goal, set_goal) = signal(Goal::OnePast);
    view! {
        <fieldset class="goal-picker">
            <legend class="section-title">"What are you trying to do?"</legend>
            {Goal::ALL.into_iter().map(|g| view! {
                <label class="goal">
                    <input type="radio" name="goal" checked=move || goal.get() == g on:change=move |_| set_goal.set(g)/>
                    <span>{g.question()}</span>
                </label>
            }).collect_view()}
        </fieldset>
        {move || {
            let r = guide::recommend(goal.get());
            view! {
                <section class="recommendation" aria-live="polite" aria-label="Recommendation">
                    <h3 class="section-title">"Use: " {r.api}</h3>
                    <ul class="plain-list">
                        {r.endpoints.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}
                    </ul>
                    {(!r.sdk_methods.is_empty()).then(|| view! {
                        <p class="small">"Python SDK: " {r.sdk_methods.into_iter().map(|m| view! { <code>{m}</code> " " }).collect_view()}</p>
                    })}
                    <h4 class="sub-title">"Why"</h4>
                    <ClaimList claims=r.why/>
                    {(!r.caveats.is_empty()).then(|| view! { <h4 class="sub-title">"Watch out"</h4> <ClaimList claims=r.caveats/> })}
                    {r.corrects.map(|m| view! {
                        <div class="note note-warn">
                            <p><strong>{guide::misconception_heading()} ": "</strong><RichText text=m.claim/></p>
                            <p><strong>"In fact: "</strong><RichText text=m.truth/> " " <SourceLink source=m.source/></p>
                        </div>
                    })}
                    {(!r.in_this_app).then(|| view! { <p class="muted small">"This app does not demonstrate this call."</p> })}
                    {guide::app_tab(r.goal).map(|(label, slug)| view! {
                        <p><a class="btn btn-link" href=format!("?tab={slug}")>{format!("See it in the {label} tab →")}</a></p>
                    })}
                </section>
            }
        }}
        <details class="misconceptions">
            <summary>{format!("All common misconceptions from the tutorial “{}”", guide::TUTORIAL_TITLE)}</summary>
            <ul class="plain-list">
                {guide::misconceptions().into_iter().map(|m| view! {
                    <li><p><strong>{format!("{}: ", guide::MISCONCEPTION)}</strong><RichText text=m.claim/></p><p><strong>"In fact: "</strong><RichText text=m.truth/> " " <SourceLink source=m.source/></p></li>
                }).collect_view()}
            </ul>
        </details>
    }
}
