//! The "show more" button under a list shown a page at a time (`logic::paging`).

use leptos::prelude::*;

use crate::logic::paging;

/// Adds a page to `pages` when clicked; absent once all `total` items are shown.
#[component]
pub fn ShowMore(
    total: usize,
    pages: RwSignal<usize>,
    /// What the items are, plural ("metrics").
    noun: &'static str,
    testid: &'static str,
) -> impl IntoView {
    move || {
        paging::more_label(total, pages.get(), noun).map(|label| {
            view! {
                <p class="table-more">
                    <button type="button" class="btn" data-testid=testid on:click=move |_| pages.update(|p| *p += 1)>{label}</button>
                </p>
            }
        })
    }
}
