//! WAI-ARIA tabs: arrow keys move between tabs (and activate them), Home/End jump, only the
//! selected tab is in the Tab order.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::logic::tab::Tab;

#[component]
pub fn TabBar(
    #[prop(into)] selected: Signal<Tab>,
    on_select: Callback<Tab>,
    /// Accessible name of the tab list.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let choose = move |t: Tab, focus: bool| {
        on_select.run(t);
        if focus {
            focus_id(&t.button_id());
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let cur = selected.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(cur.step(true)),
            "ArrowLeft" | "ArrowUp" => Some(cur.step(false)),
            "Home" => Some(Tab::ALL[0]),
            "End" => Some(Tab::ALL[Tab::ALL.len() - 1]),
            _ => None,
        };
        if let Some(t) = next {
            ev.prevent_default();
            choose(t, true);
        }
    };
    view! {
        <div class="tabbar" role="tablist" aria-label=label on:keydown=on_keydown>
            {Tab::ALL.into_iter().map(|t| {
                let is_sel = move || selected.get() == t;
                view! {
                    <button
                        type="button"
                        role="tab"
                        class="tab"
                        id=t.button_id()
                        aria-controls=t.panel_id()
                        aria-selected=move || if is_sel() { "true" } else { "false" }
                        tabindex=move || if is_sel() { "0" } else { "-1" }
                        on:click=move |_| choose(t, false)
                    >
                        {t.label()}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

/// Move keyboard focus to the element with `id`, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
