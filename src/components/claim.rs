//! One explanation sentence with its source.

use lens::source::Claim;
use leptos::prelude::*;

use super::source_link::SourceLink;

#[component]
pub fn ClaimView(claim: Claim) -> impl IntoView {
    view! {
        <p class="claim">
            <span class="claim-text">{claim.text}</span>
            " "
            <SourceLink source=claim.source/>
        </p>
    }
}

/// A list of claims.
#[component]
pub fn ClaimList(claims: Vec<Claim>) -> impl IntoView {
    view! { <div class="claims">{claims.into_iter().map(|c| view! { <ClaimView claim=c/> }).collect_view()}</div> }
}
