//! One explanation sentence with its source.

use lens::source::Claim;
use leptos::prelude::*;

use super::source_link::SourceLink;
use crate::logic::rich_text::{self, Run};

/// Text with `backticked` names shown as code.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    rich_text::runs(&text)
        .into_iter()
        .map(|r| match r {
            Run::Text(t) => t.into_any(),
            Run::Code(c) => view! { <code>{c}</code> }.into_any(),
        })
        .collect_view()
}

#[component]
pub fn ClaimView(claim: Claim) -> impl IntoView {
    view! {
        <p class="claim">
            <span class="claim-text"><RichText text=claim.text/></span>
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
