//! A list shown a page at a time (`logic::paging`): the pages drawn so far ([`Pages`]) and the
//! button that adds one ([`ShowMore`]). The caller owns the `pages` signal and the list element
//! (`<tbody>`, `<ul>`) the pages go in.

use std::sync::Arc;

use leptos::prelude::*;

use crate::logic::paging;

/// The first `pages` pages of `items`, each drawn by `item`. Each page is its own keyed block:
/// another page adds items, it never redraws the shown ones.
#[component]
pub fn Pages<T, F, V>(items: Arc<Vec<T>>, pages: RwSignal<usize>, item: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let total = items.len();
    let items = StoredValue::new(items);
    view! {
        <For each=move || 0..pages.get() key=|p| *p let(page)>
            {items.with_value(|i| i[paging::page_range(total, page)].to_vec()).into_iter().map(item).collect_view()}
        </For>
    }
}

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
