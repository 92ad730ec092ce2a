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
    assert_eq!(
        parsed.as_deref(),
        Ok("3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b")
    );
    assert!(lens::conversation_id::parse("not an id").is_err());
}

// ---------------------------------------------------------------------------------------------
// Components of the comparison view (src/components/**).

use std::sync::Arc;

use conversation_lens::components::api_panel::ApiPanel;
use conversation_lens::components::json_tree::{FocusedField, JsonTree, TreeLink};
use conversation_lens::components::lookup_form::LookupForm;
use conversation_lens::components::tab_bar::TabBar;
use conversation_lens::components::theme_toggle::ThemeToggle;
use conversation_lens::logic::decode::Exchange;
use conversation_lens::logic::side::Side;
use conversation_lens::logic::tab::Tab;
use conversation_lens::state::SideState;
use lens::conversation_id::ConversationId;
use leptos::task::tick;

const DEMO_ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

fn find(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container
        .query_selector_all(selector)
        .map(|l| l.length())
        .unwrap_or(0)
}

fn attr(el: &web_sys::HtmlElement, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn key(el: &web_sys::HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    el.dispatch_event(&ev).expect("dispatch keydown");
}

fn type_into(input: &web_sys::HtmlElement, text: &str) {
    let input = input
        .clone()
        .dyn_into::<web_sys::HtmlInputElement>()
        .expect("an <input>");
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).expect("input event");
    input.dispatch_event(&ev).expect("dispatch input");
}

fn input_value(el: &web_sys::HtmlElement) -> String {
    el.clone()
        .dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Bad input is refused inline (role=alert, aria-invalid) before any lookup, and the text stays.
#[wasm_bindgen_test]
async fn lookup_form_refuses_bad_input_and_keeps_the_text() {
    let container = fresh_container();
    let looked_up = RwSignal::new(Vec::<String>::new());
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <LookupForm
                current=Signal::derive(|| None::<String>)
                on_lookup=Callback::new(move |id: ConversationId| looked_up.update(|v| v.push(id.to_string())))
            />
        }
    });
    let input = find(&container, "#lookup-input");
    let button = find(&container, "button[type=submit]");

    type_into(&input, "not-a-conversation-id");
    button.click();
    tick().await;
    let alert = find(&container, "[role=alert]");
    assert!(
        alert
            .text_content()
            .unwrap_or_default()
            .contains("is not a conversation ID"),
        "refusal explains"
    );
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input_value(&input),
        "not-a-conversation-id",
        "typed text is kept"
    );
    assert!(
        looked_up.get_untracked().is_empty(),
        "no lookup for bad input"
    );

    type_into(
        &input,
        &format!("https://apps.mypurecloud.ie/directory/#/analytics/interactions/{DEMO_ID}/admin"),
    );
    button.click();
    tick().await;
    assert_eq!(looked_up.get_untracked(), vec![DEMO_ID.to_owned()]);
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("false"));
    assert_eq!(
        find(&container, "[role=alert]")
            .text_content()
            .unwrap_or_default(),
        ""
    );
}

fn exchange(side: Side, status: u16, body: &str) -> Arc<Exchange> {
    let mut ex = Exchange::new(
        side,
        DEMO_ID,
        "/api/test".into(),
        status,
        12.0,
        body.to_owned(),
    );
    ex.result.correlation_id = Some("corr-123".into());
    Arc::new(ex)
}

/// A panel is a named region showing status, time and correlation id; a 404 shows Genesys' code.
#[wasm_bindgen_test]
async fn api_panels_render_status_and_errors() {
    let container = fresh_container();
    let conv = RwSignal::new(SideState::Loading);
    let ana = RwSignal::new(SideState::Loading);
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <ApiPanel side=Side::Conversations state=conv/>
            <ApiPanel side=Side::Analytics state=ana/>
        }
    });
    assert_eq!(count(&container, "section[aria-labelledby]"), 2);
    let conv_heading = find(&container, "#panel-conversations-title");
    assert!(
        conv_heading
            .text_content()
            .unwrap_or_default()
            .contains("Conversations API")
    );
    assert!(
        container
            .text_content()
            .unwrap_or_default()
            .contains("Loading")
    );

    conv.set(SideState::Done(exchange(
        Side::Conversations,
        200,
        &format!(r#"{{"id":"{DEMO_ID}","participants":[]}}"#),
    )));
    tick().await;
    let conv_panel = find(&container, "section[data-side=conversations]");
    let text = conv_panel.text_content().unwrap_or_default();
    assert!(text.contains("HTTP 200"), "{text}");
    assert!(text.contains("12 ms"), "{text}");
    assert!(text.contains("corr-123"), "{text}");
    // The other side is still loading: one never blocks the other.
    assert!(
        find(&container, "section[data-side=analytics]")
            .text_content()
            .unwrap_or_default()
            .contains("Loading")
    );

    ana.set(SideState::Done(exchange(
        Side::Analytics,
        404,
        r#"{"status":404,"code":"not.found","message":"The requested resource was not found."}"#,
    )));
    tick().await;
    let text = find(&container, "section[data-side=analytics]")
        .text_content()
        .unwrap_or_default();
    assert!(
        text.contains("HTTP 404") && text.contains("not.found"),
        "{text}"
    );
}

/// The JSON tree is an ARIA tree: click and arrow keys expand and collapse; focus shows docs.
#[wasm_bindgen_test]
async fn json_tree_expands_collapses_and_documents_fields() {
    let container = fresh_container();
    let focused = RwSignal::new(None::<FocusedField>);
    let body = serde_json::json!({
        "id": DEMO_ID,
        "participants": [{"purpose": "customer", "calls": [{"state": "connected"}]}]
    });
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        let link = TreeLink {
            focused,
            highlight: Signal::derive(|| (Vec::new(), Vec::new())),
        };
        // The tree reads the answer's parsed body in place.
        let ex = exchange(Side::Conversations, 200, &body.to_string());
        view! { <JsonTree side=Side::Conversations root=ex root_model="Conversation" link/> }
    });
    assert_eq!(count(&container, "[role=tree]"), 1);
    let participants = find(&container, "[role=treeitem][data-path=participants]");
    assert_eq!(
        attr(&participants, "aria-expanded").as_deref(),
        Some("true"),
        "shallow lists start open"
    );
    assert_eq!(count(&container, "[data-path='participants[0]']"), 1);

    find(&container, "[data-path=participants] > .jt-row").click();
    tick().await;
    assert_eq!(
        attr(&participants, "aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        count(&container, "[data-path='participants[0]']"),
        0,
        "collapsed children are not rendered"
    );

    key(&participants, "ArrowRight");
    tick().await;
    assert_eq!(
        attr(&participants, "aria-expanded").as_deref(),
        Some("true")
    );
    key(&participants, "ArrowLeft");
    tick().await;
    assert_eq!(
        attr(&participants, "aria-expanded").as_deref(),
        Some("false")
    );

    // Focusing a field shows its official type.
    let id_item = find(&container, "[role=treeitem][data-path=id]");
    id_item.focus().expect("focus");
    tick().await;
    let f = focused.get_untracked().expect("a focused field");
    assert_eq!(f.path, "id");
    assert!(
        f.doc_line
            .unwrap_or_default()
            .starts_with("Conversation.id · str")
    );
    // ArrowDown moves focus to the next visible item.
    key(&id_item, "ArrowDown");
    tick().await;
    assert_eq!(
        focused.get_untracked().map(|f| f.path).as_deref(),
        Some("participants")
    );
}

/// Tabs follow the WAI-ARIA pattern: arrows move and select, only the selected tab is tabbable.
#[wasm_bindgen_test]
async fn tabs_are_keyboard_operable() {
    let container = fresh_container();
    let selected = RwSignal::new(Tab::Glance);
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        view! { <TabBar selected=selected on_select=Callback::new(move |t| selected.set(t)) label="Comparison views"/> }
    });
    assert_eq!(
        count(&container, "[role=tablist] [role=tab]"),
        Tab::ALL.len() as u32
    );
    let first = find(&container, "#tab-glance");
    assert_eq!(attr(&first, "aria-selected").as_deref(), Some("true"));
    assert_eq!(attr(&first, "tabindex").as_deref(), Some("0"));

    key(&first, "ArrowRight");
    tick().await;
    assert_eq!(selected.get_untracked(), Tab::FieldMap);
    let second = find(&container, "#tab-fields");
    assert_eq!(attr(&second, "aria-selected").as_deref(), Some("true"));
    assert_eq!(attr(&first, "tabindex").as_deref(), Some("-1"));

    key(&second, "End");
    tick().await;
    assert_eq!(selected.get_untracked(), Tab::LiveEvents);
    key(&find(&container, "#tab-live"), "ArrowRight");
    tick().await;
    assert_eq!(selected.get_untracked(), Tab::Glance, "wraps around");
}

/// The theme toggle flips `data-theme` on <html> and remembers the choice.
#[wasm_bindgen_test]
async fn theme_toggle_switches_and_persists() {
    let container = fresh_container();
    let _mounted = leptos::mount::mount_to(container.clone(), || {
        conversation_lens::state::provide_app_state();
        view! { <ThemeToggle/> }
    });
    tick().await;
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .expect("<html>");
    let before = root
        .get_attribute("data-theme")
        .expect("a theme is applied");
    let button = find(&container, "button.theme-toggle");
    button.click();
    tick().await;
    let after = root
        .get_attribute("data-theme")
        .expect("a theme is applied");
    assert_ne!(before, after);
    assert_eq!(
        attr(&button, "aria-pressed").as_deref(),
        Some(if after == "dark" { "true" } else { "false" })
    );
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| {
            s.get_item(conversation_lens::logic::theme::STORAGE_KEY)
                .ok()
                .flatten()
        });
    assert_eq!(stored.as_deref(), Some(after.as_str()));
}

// ---------------------------------------------------------------------------------------------
// Tabs over a fixed pair of bodies (an ended inbound call, shaped like reference/api-facts.md §1.6 / §2.4).

const FIXTURE_RT: &str = r#"{
  "id": "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4",
  "startTime": "2026-05-12T14:02:11.204Z", "endTime": "2026-05-12T14:07:15.300Z",
  "participants": [
    { "id": "b6c35f86-bccd-4ebc-8451-072732ff38ed", "name": "Mobile Number, Indiana", "purpose": "customer",
      "startTime": "2026-05-12T14:02:11.204Z", "endTime": "2026-05-12T14:07:15.300Z",
      "calls": [ { "state": "disconnected", "id": "ceaa5fdb-3634-4bbb-8e7b-4513f50f8c28", "direction": "inbound",
                   "disconnectType": "endpoint", "connectedTime": "2026-05-12T14:02:11.204Z",
                   "disconnectedTime": "2026-05-12T14:07:15.300Z" } ] },
    { "id": "0f1d4211-3ad0-42d6-87e7-ee4fcf107009", "name": "Jane Agent", "purpose": "agent",
      "userId": "d3264f61-03e7-43fa-9841-528714a1eb12",
      "startTime": "2026-05-12T14:02:57.002Z", "endTime": "2026-05-12T14:07:15.300Z",
      "calls": [ { "state": "disconnected", "id": "bb30da64-fece-4d24-a1c4-680cee7c9b0d", "direction": "inbound",
                   "disconnectType": "peer", "startAlertingTime": "2026-05-12T14:02:57.002Z",
                   "connectedTime": "2026-05-12T14:03:05.880Z", "disconnectedTime": "2026-05-12T14:07:15.300Z" } ] }
  ]
}"#;

const FIXTURE_AN: &str = r#"{
  "conversationId": "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4",
  "conversationStart": "2026-05-12T14:02:11.204Z", "conversationEnd": "2026-05-12T14:07:15.300Z",
  "originatingDirection": "inbound",
  "participants": [
    { "participantId": "b6c35f86-bccd-4ebc-8451-072732ff38ed", "participantName": "Mobile Number, Indiana", "purpose": "customer",
      "sessions": [ { "sessionId": "ceaa5fdb-3634-4bbb-8e7b-4513f50f8c28", "mediaType": "voice", "direction": "inbound",
        "segments": [ { "segmentStart": "2026-05-12T14:02:11.204Z", "segmentEnd": "2026-05-12T14:07:15.300Z",
                        "segmentType": "interact", "disconnectType": "endpoint" } ],
        "metrics": [ { "name": "nConnected", "value": 1, "emitDate": "2026-05-12T14:02:11.204Z" } ] } ] },
    { "participantId": "0f1d4211-3ad0-42d6-87e7-ee4fcf107009", "userId": "d3264f61-03e7-43fa-9841-528714a1eb12", "purpose": "agent",
      "sessions": [ { "sessionId": "bb30da64-fece-4d24-a1c4-680cee7c9b0d", "mediaType": "voice", "direction": "inbound",
        "segments": [
          { "segmentStart": "2026-05-12T14:02:57.002Z", "segmentEnd": "2026-05-12T14:03:05.880Z", "segmentType": "alert" },
          { "segmentStart": "2026-05-12T14:03:05.880Z", "segmentEnd": "2026-05-12T14:07:15.300Z", "segmentType": "interact", "disconnectType": "peer" } ],
        "metrics": [
          { "name": "tAlert", "value": 8878, "emitDate": "2026-05-12T14:03:05.880Z" },
          { "name": "tTalk", "value": 249420, "emitDate": "2026-05-12T14:07:15.300Z" } ] } ] }
  ]
}"#;

fn fixture_ctx() -> conversation_lens::tabs::TabCtx {
    use conversation_lens::logic::route;
    use conversation_lens::state::Lookup;
    let lookup = Lookup::new();
    lookup.set_exchange(Exchange::new(
        Side::Conversations,
        DEMO_ID,
        route::conversation_api_path(DEMO_ID),
        200,
        5.0,
        FIXTURE_RT.to_owned(),
    ));
    lookup.set_exchange(Exchange::new(
        Side::Analytics,
        DEMO_ID,
        route::analytics_api_path(DEMO_ID),
        200,
        7.0,
        FIXTURE_AN.to_owned(),
    ));
    let now = model::time::from_wire("2026-05-12T15:00:00.000Z").unwrap_or_default();
    conversation_lens::tabs::TabCtx {
        id: Signal::derive(|| DEMO_ID.to_owned()),
        lookup,
        now: Signal::derive(move || now),
    }
}

fn render_tab(tab: Tab) -> (web_sys::HtmlElement, impl Sized) {
    let container = fresh_container();
    let mounted = leptos::mount::mount_to(container.clone(), move || {
        // What `App` provides; a tab mounted alone needs it too.
        conversation_lens::state::provide_app_state();
        conversation_lens::tabs::render(tab, fixture_ctx())
    });
    (container, mounted)
}

/// At a glance reads both bodies: both ended, participants listed, each claim with a source.
#[wasm_bindgen_test]
async fn glance_tab_summarises_both_sides() {
    let (container, _m) = render_tab(Tab::Glance);
    tick().await;
    let text = container.text_content().unwrap_or_default();
    assert_eq!(count(&container, ".badge-ended"), 2, "{text}");
    assert!(
        text.contains("Jane Agent") && text.contains("Mobile Number, Indiana"),
        "{text}"
    );
    assert!(
        count(&container, ".source a[href^='https://']") >= 2,
        "claims carry their source"
    );
}

/// The field map puts both APIs' values side by side.
#[wasm_bindgen_test]
async fn field_map_tab_shows_values_from_both_bodies() {
    let (container, _m) = render_tab(Tab::FieldMap);
    tick().await;
    let text = container.text_content().unwrap_or_default();
    assert!(
        text.contains("conversationStart") && text.contains("startTime"),
        "{text}"
    );
    assert!(text.contains("2026-05-12T14:02:11.204Z"), "{text}");
    assert!(
        text.contains("consultTransfer") || text.contains("peer"),
        "disconnect types listed"
    );
}

/// The timeline has one lane per participant and focusable bars for both APIs.
#[wasm_bindgen_test]
async fn timeline_tab_draws_lanes_and_bars() {
    let (container, _m) = render_tab(Tab::Timeline);
    tick().await;
    assert_eq!(count(&container, ".tl-lane"), 2);
    assert!(count(&container, "rect[role=img][aria-label^='Analytics API']") >= 3);
    assert!(
        count(
            &container,
            "rect[role=img][aria-label^='Conversations API']"
        ) >= 2
    );
    assert!(
        container
            .text_content()
            .unwrap_or_default()
            .contains("ended")
    );
    // Zooming in enables "Whole conversation".
    let reset = find(&container, ".tl-toolbar button:last-of-type");
    assert!(reset.has_attribute("disabled"));
    find(&container, ".tl-toolbar button").click();
    tick().await;
    assert!(!reset.has_attribute("disabled"));
}

/// Timeline bars use a roving tabindex: one bar in the Tab order, arrow keys move it.
#[wasm_bindgen_test]
async fn timeline_bars_have_one_tab_stop_and_arrow_keys_move_it() {
    let (container, _m) = render_tab(Tab::Timeline);
    tick().await;
    let bars = count(&container, "rect[data-bar]");
    assert!(bars >= 5, "{bars} bars");
    assert_eq!(count(&container, "rect[tabindex='0']"), 1);
    assert_eq!(count(&container, "rect[tabindex='-1']"), bars - 1);
    let first = container
        .query_selector("rect[data-bar='0']")
        .ok()
        .flatten()
        .expect("first bar");
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    first.dispatch_event(&ev).expect("dispatch keydown");
    tick().await;
    let second = container
        .query_selector("rect[data-bar='1']")
        .ok()
        .flatten()
        .expect("second bar");
    assert_eq!(second.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(count(&container, "rect[tabindex='0']"), 1);
}

/// Metrics: every metric listed with a human duration, and the checks shown.
#[wasm_bindgen_test]
async fn metrics_tab_lists_metrics_in_human_units() {
    let (container, _m) = render_tab(Tab::Metrics);
    tick().await;
    let text = container.text_content().unwrap_or_default();
    assert!(
        text.contains("tTalk") && text.contains("249420 ms"),
        "{text}"
    );
    assert!(text.contains("nConnected"), "{text}");
}

/// The field map's columns are drawn per side: a new analytics answer redraws the analytics
/// cells and leaves the Conversations API cells as they were (the same elements).
#[wasm_bindgen_test]
async fn field_map_redraws_only_the_side_that_changed() {
    let container = fresh_container();
    let ctx = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = ctx.clone();
    let _m = leptos::mount::mount_to(container.clone(), move || {
        conversation_lens::state::provide_app_state();
        let c = fixture_ctx();
        keep.set(Some(c));
        conversation_lens::tabs::render(Tab::FieldMap, c)
    });
    tick().await;
    let Some(ctx) = ctx.get() else {
        panic!("the tab was mounted");
    };
    let realtime = find(&container, r#"td[data-label="Conversations API"] dl"#);
    realtime
        .set_attribute("data-mark", "kept")
        .expect("mark a cell");
    assert!(
        !container
            .text_content()
            .unwrap_or_default()
            .contains("2026-05-12T14:59:59.000Z")
    );

    // The analytics answer again, with another conversationStart.
    let changed = FIXTURE_AN.replace("2026-05-12T14:02:11.204Z", "2026-05-12T14:59:59.000Z");
    ctx.lookup.set_exchange(Exchange::new(
        Side::Analytics,
        DEMO_ID,
        conversation_lens::logic::route::analytics_api_path(DEMO_ID),
        200,
        7.0,
        changed,
    ));
    tick().await;
    assert!(
        container
            .text_content()
            .unwrap_or_default()
            .contains("2026-05-12T14:59:59.000Z"),
        "the analytics cells show the new answer"
    );
    assert_eq!(
        count(
            &container,
            r#"td[data-label="Conversations API"] dl[data-mark="kept"]"#
        ),
        1,
        "the Conversations API cells were not redrawn"
    );
}

/// Checks that all hold are folded, and built only when the reader opens them.
#[wasm_bindgen_test]
async fn metric_checks_are_built_when_first_opened() {
    let (container, _m) = render_tab(Tab::Metrics);
    tick().await;
    let details = find(&container, r#"[data-testid="check-details"]"#);
    assert!(!details.has_attribute("open"), "all checks hold: folded");
    assert_eq!(count(&container, ".check"), 0, "nothing built while folded");
    find(&container, r#"[data-testid="check-summary"]"#).click();
    for _ in 0..50 {
        if count(&container, ".check") > 0 {
            break;
        }
        gloo_sleep().await;
    }
    assert!(details.has_attribute("open"));
    assert!(count(&container, ".check") > 0, "opening builds the checks");
}

/// The lookup's two resources: a new lookup shows loading, a refresh keeps the answer on screen
/// (the same `Arc`, no skeleton), cancelling goes idle and a cancelled request never lands, and a
/// started lookup settles with an answer (here whatever the test server says) for its own key.
#[wasm_bindgen_test]
async fn lookup_keeps_the_answer_while_refreshing_and_drops_replaced_ones() {
    use conversation_lens::state::Lookup;
    let slot = std::rc::Rc::new(std::cell::Cell::new(None::<Lookup>));
    let put = slot.clone();
    let _m = leptos::mount::mount_to(fresh_container(), move || {
        conversation_lens::state::provide_app_state();
        put.set(Some(Lookup::new()));
    });
    let Some(lookup) = slot.get() else {
        panic!("the lookup was built in the mount");
    };
    let conv = || lookup.conversations.get_untracked();
    assert_eq!(conv(), SideState::Idle);

    lookup.start(DEMO_ID, None);
    assert_eq!(conv(), SideState::Loading);
    let placed = exchange(Side::Conversations, 200, FIXTURE_RT);
    lookup.set_exchange((*placed).clone());
    let shown = conv();
    assert!(matches!(shown, SideState::Done(_)), "{shown:?}");

    lookup.refresh(DEMO_ID, None);
    match (conv(), &shown) {
        (SideState::Done(now), SideState::Done(before)) => assert!(Arc::ptr_eq(&now, before)),
        (now, _) => panic!("a refresh hid the answer: {now:?}"),
    }

    lookup.cancel();
    assert_eq!(conv(), SideState::Idle);
    for _ in 0..20 {
        leptos::task::tick().await;
    }
    assert_eq!(conv(), SideState::Idle, "a cancelled request landed");

    lookup.start(DEMO_ID, None);
    assert_eq!(conv(), SideState::Loading);
    let mut settled = SideState::Loading;
    for _ in 0..200 {
        gloo_sleep().await;
        settled = conv();
        if settled != SideState::Loading {
            break;
        }
    }
    assert!(
        matches!(
            settled,
            SideState::Done(_) | SideState::Failed(conversation_lens::error::AppError::Network(_))
        ),
        "{settled:?}"
    );
}

/// About 10 ms, so a real request can come back.
async fn gloo_sleep() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How many User Timing measures named `name` the page has recorded.
fn measures(name: &str) -> usize {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0, |p| p.get_entries_by_name(name).length() as usize)
}

/// The idle warm-up of the lookup path (home page): it runs once the page is idle, builds the
/// comparison without attaching anything to the document, cleans up, and runs once per visit.
#[wasm_bindgen_test]
async fn idle_warm_up_runs_once_and_leaves_the_page_alone() {
    let container = fresh_container();
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .expect("a <body>");
    let elements_before = body.query_selector_all("*").map_or(0, |l| l.length());
    let _mounted = leptos::mount::mount_to(container.clone(), || {
        conversation_lens::state::provide_app_state();
        conversation_lens::pages::prewarm::when_idle();
        // A second call (the home page shown again) does nothing.
        conversation_lens::pages::prewarm::when_idle();
        view! { <p>"home"</p> }
    });
    for _ in 0..500 {
        if measures("lens:prewarm drop") > 0 {
            break;
        }
        gloo_sleep().await;
    }
    assert_eq!(
        measures("lens:prewarm decode"),
        1,
        "the sample was decoded once"
    );
    assert_eq!(
        measures("lens:prewarm views"),
        1,
        "the comparison was built once"
    );
    assert_eq!(measures("lens:prewarm drop"), 1, "and dropped");
    // Only the test's own <p> was added: the comparison was never attached.
    assert_eq!(
        body.query_selector_all("*").map_or(0, |l| l.length()),
        elements_before + 1
    );
    assert_eq!(container.text_content().as_deref(), Some("home"));
}
