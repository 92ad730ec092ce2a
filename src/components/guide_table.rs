//! "Which API when" as a one-screen decision table on the start page, before any lookup: what
//! you want to do → the API and the call, with the first reason and its source. The same
//! `lens::guide` answers as the lookup's "Which API when" tab (which adds caveats and the
//! tutorial's misconceptions).

use lens::guide::{self, Goal};
use leptos::prelude::*;
use leptos_router::components::A;

use super::claim::ClaimView;

/// Where the Query lab opens without a conversation id.
pub const LAB_HREF: &str = "/lab";

#[component]
pub fn GuideTable() -> impl IntoView {
    view! {
        <section class="card guide-table" aria-labelledby="guide-table-title">
            <h2 id="guide-table-title" class="card-title">"Which API when"</h2>
            <p class="muted small">
                "Pick the row that matches what you are trying to do. Every lookup has the full guide in its “Which API when” tab, with caveats and the common misconceptions."
            </p>
            <table class="decision-table">
                <thead>
                    <tr>
                        <th scope="col">"You want to…"</th>
                        <th scope="col">"Use"</th>
                        <th scope="col">"Why"</th>
                    </tr>
                </thead>
                <tbody>
                    {guide::all().into_iter().map(|r| {
                        let endpoint = r.endpoints.first().copied().unwrap_or_default();
                        let why = r.why.into_iter().next();
                        let lab = (r.goal == Goal::Many).then(|| view! {
                            <A href=LAB_HREF attr:class="small">"Try it in the Query lab →"</A>
                        });
                        let live = (r.goal == Goal::WatchLive).then(|| view! {
                            <span class="small">"Watch it in a lookup's Live events tab."</span>
                        });
                        view! {
                            <tr>
                                <th scope="row" class="decision-goal">{r.question}</th>
                                <td class="decision-use">
                                    <strong>{r.api}</strong>
                                    <code class="decision-call">{endpoint}</code>
                                    {lab}
                                    {live}
                                    {(!r.in_this_app).then(|| view! { <span class="muted small">"Not demonstrated in this app."</span> })}
                                </td>
                                <td class="decision-why">{why.map(|c| view! { <ClaimView claim=c/> })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
