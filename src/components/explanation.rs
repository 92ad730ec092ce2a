//! One `lens` explanation (headline, detail) with its source: the query lab's and the freshness
//! tab's unit of teaching.

use lens::query_lab::Explanation;
use leptos::prelude::*;

use super::source_link::SourceLink;

/// One explanation with its source.
#[component]
pub fn ExplanationView(e: Explanation) -> impl IntoView {
    view! {
        <div class="explanation">
            <p class="explanation-headline"><strong>{e.headline}</strong></p>
            <p class="explanation-detail">{e.detail}</p>
            <SourceLink source=e.source/>
        </div>
    }
}
