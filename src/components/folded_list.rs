//! A list that starts short: its first items, then the rest folded behind a summary that says
//! how many there are ("Show 38 more participants"). A 50-participant conversation keeps At a
//! glance a glance; a usual one (a handful of items) shows whole (`paging::fold_at`).

use leptos::prelude::*;

use super::lazy_details::LazyDetails;
use crate::logic::paging;

/// `items` as `<li>`s drawn by `item`, in a `<ul>` (or a numbered `<ol>`) of `class`. Past the
/// first `after`, the rest sit in a closed [`LazyDetails`], built when first opened; the last
/// `keep_last` stay shown after it (a story's latest sentence is the one a reader wants).
#[component]
pub fn FoldedList<T, F, V>(
    items: Vec<T>,
    /// Items shown before the fold.
    after: usize,
    /// Numbered (`<ol>`, the fold continues the numbers) rather than bulleted.
    #[prop(optional)]
    ordered: bool,
    class: &'static str,
    /// What the folded items are, plural ("participants").
    noun: &'static str,
    /// Items at the end that stay shown below the fold.
    #[prop(optional)]
    keep_last: usize,
    /// One item's `<li>`.
    item: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let [head, folded, tail] = paging::fold_parts(items.len(), after, keep_last);
    let mut items = items;
    let last = items.split_off(tail.start);
    let rest = items.split_off(folded.start);
    let (shown, hidden) = (head.len(), folded.len());
    let list = move |items: Vec<T>, start: usize| {
        let lis = items.into_iter().map(item).collect_view();
        if ordered {
            view! { <ol class=class start=start + 1>{lis}</ol> }.into_any()
        } else {
            view! { <ul class=class>{lis}</ul> }.into_any()
        }
    };
    let first = list(items, 0);
    let folded = (hidden > 0).then(|| {
        let rest = StoredValue::new(rest);
        view! {
            <LazyDetails class="list-more" testid="list-more" summary=format!("Show {hidden} more {noun}")>
                {move || list(rest.get_value(), shown)}
            </LazyDetails>
        }
    });
    let tail = (!last.is_empty()).then(|| list(last, tail.start));
    view! { {first} {folded} {tail} }
}
