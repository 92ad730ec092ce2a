//! "Source: …" next to every explanation, with an "unverified" badge when the reference says so.

use lens::source::Source;
use leptos::prelude::*;

/// The citation of one claim.
#[component]
pub fn SourceLink(source: Source) -> impl IntoView {
    view! {
        <span class="source">
            <span class="source-label">"Source: "</span>
            {if source.href.starts_with("https://") {
                view! { <a href=source.href target="_blank" rel="noopener noreferrer">{source.label}</a> }.into_any()
            } else {
                // A page of this app (e.g. `/about` for the companion server's own codes).
                view! { <a href=source.href class="source-internal">{source.label}</a> }.into_any()
            }}
            {(!source.verified).then(|| view! {
                <span class="badge badge-unverified" title="The reference marks this as not verified against official documentation">"unverified"</span>
            })}
        </span>
    }
}

/// Several citations in a row.
#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    view! {
        <span class="source-list">
            {sources.into_iter().map(|s| view! { <SourceLink source=s/> }).collect_view()}
        </span>
    }
}
