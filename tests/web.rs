//! Browser tests of the app's components: wasm-bindgen-test in headless Chromium.
//!
//! Run with `cargo xtask test --stage wasm`, or by hand:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (from the repository root, where `webdriver.json` makes Chromium headless and root-safe).
//! Natively this file compiles to nothing, so `cargo test --workspace` reports 0 tests here.
//!
//! Habits: mount each test into its own fresh element, keep the mount handle alive for the
//! whole test, and `tick().await` after every state change before looking at the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A new `<section>` under `<body>`, so tests never see each other's DOM.
fn fresh_container() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("tests run in a browser document");
    let section = document
        .create_element("section")
        .expect("create <section>")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("<section> is an HtmlElement");
    document
        .body()
        .expect("document has a <body>")
        .append_child(&section)
        .expect("append <section>");
    section
}

fn button_in(container: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    container
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("a <button> was rendered")
}

/// The harness itself: Leptos mounts, reacts to a click, and re-renders after a tick.
#[wasm_bindgen_test]
async fn harness_mounts_a_view_and_sees_updates() {
    let container = fresh_container();
    let _mounted = leptos::mount::mount_to(container.clone(), || {
        let (count, set_count) = signal(0);
        view! {
            <button on:click=move |_| set_count.update(|n| *n += 1)>"clicked " {count} " times"</button>
        }
    });
    assert_eq!(container.text_content().as_deref(), Some("clicked 0 times"));

    button_in(&container).click();
    leptos::task::tick().await;
    assert_eq!(container.text_content().as_deref(), Some("clicked 1 times"));
}

/// The pure logic the app relies on behaves the same in the browser as natively.
#[wasm_bindgen_test]
fn conversation_id_parsing_works_in_the_browser() {
    let pasted = "  https://apps.mypurecloud.ie/directory/#/analytics/interactions/3F2B8C1E-5A4D-4E6F-9A7B-1C2D3E4F5A6B/admin  ";
    let parsed = lens::conversation_id::parse(pasted).map(|id| id.to_string());
    assert_eq!(parsed.as_deref(), Ok("3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b"));
    assert!(lens::conversation_id::parse("not an id").is_err());
}
