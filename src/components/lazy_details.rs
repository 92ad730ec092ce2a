//! A `<details>` whose content is built the first time it is opened, then kept: folded content
//! nobody has asked for costs nothing (a 2,000-segment conversation folds hundreds of items).

use leptos::prelude::*;

/// `<details class=… data-testid=…>` with `summary` as its `<summary>` (tagged `summary_testid`
/// when given). `children` are built when it first opens, or at once when it starts `open`.
#[component]
pub fn LazyDetails(
    class: &'static str,
    testid: &'static str,
    #[prop(optional)] open: bool,
    #[prop(into)] summary: String,
    #[prop(optional)] summary_testid: Option<&'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(open);
    view! {
        <details class=class open=open data-testid=testid
            on:toggle=move |ev| {
                if !opened.get_untracked()
                    && event_target::<web_sys::Element>(&ev).has_attribute("open")
                {
                    opened.set(true);
                }
            }>
            <summary data-testid=summary_testid>{summary}</summary>
            <Show when=move || opened.get()>{children()}</Show>
        </details>
    }
}
