//! A collapsible, highlighted JSON tree (WAI-ARIA tree pattern). Focusing or hovering a field
//! shows its official type and description; its counterpart in the other API's tree lights up.

use std::sync::Arc;

use crate::logic::decode::Exchange;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::logic::counterparts;
use crate::logic::json_tree::{self, Node, Schema};
use crate::logic::side::Side;

/// The field the user is looking at, shared by both trees.
#[derive(Debug, Clone, PartialEq)]
pub struct FocusedField {
    pub side: Side,
    pub path: String,
    pub norm: String,
    pub doc_line: Option<String>,
    pub doc: Option<&'static str>,
}

/// Shared between the two trees: what is focused and which paths to highlight per side.
#[derive(Clone, Copy)]
pub struct TreeLink {
    pub focused: RwSignal<Option<FocusedField>>,
    /// Concrete paths (`participants[0].calls[0].state`) to highlight, per side.
    pub highlight: Signal<(Vec<String>, Vec<String>)>,
}

impl TreeLink {
    /// `(is highlighted, hides a highlighted descendant)` for the node at `path`.
    fn marks(&self, side: Side, path: &str) -> (bool, bool) {
        self.highlight.with(|(c, a)| {
            let list = match side {
                Side::Conversations => c,
                Side::Analytics => a,
            };
            (
                list.iter().any(|p| p == path),
                list.iter().any(|p| counterparts::contains(path, p)),
            )
        })
    }
}

/// Depth up to which containers start expanded (deeper ones start collapsed so huge bodies
/// render fast).
const AUTO_EXPAND_DEPTH: usize = 2;
/// Containers with more children than this start collapsed.
const AUTO_EXPAND_MAX: usize = 24;

/// The tree of one JSON body.
#[component]
pub fn JsonTree(
    side: Side,
    /// The answer whose parsed body (`Exchange::json`) is shown; shared, never copied (a
    /// 2,000-segment body is megabytes of `Value`).
    root: Arc<Exchange>,
    /// The reference model of the body (`Conversation`, `ErrorBody`, …).
    root_model: &'static str,
    link: TreeLink,
) -> impl IntoView {
    let nodes = root
        .json()
        .map(|v| json_tree::children(v, "", "", Schema::root(root_model)))
        .unwrap_or_default();
    let label = format!("{} response body", side.title());
    let first = nodes.first().map(|n| n.path.clone());
    view! {
        <ul class="jtree" role="tree" aria-label=label>
            {nodes.into_iter().map(|n| {
                let tabbable = first.as_deref() == Some(n.path.as_str());
                view! { <TreeItem side node=n root=root.clone() depth=0 link tabbable/> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn TreeItem(
    side: Side,
    node: Node,
    root: Arc<Exchange>,
    depth: usize,
    link: TreeLink,
    #[prop(optional)] tabbable: bool,
) -> AnyView {
    let container = node.kind.is_container();
    let len = match node.kind {
        json_tree::Kind::Object(n) | json_tree::Kind::Array(n) => n,
        _ => 0,
    };
    let expanded =
        RwSignal::new(container && depth < AUTO_EXPAND_DEPTH && len <= AUTO_EXPAND_MAX && len > 0);
    let li = NodeRef::<html::Li>::new();
    let node = Arc::new(node);

    let focus_me = {
        let node = node.clone();
        move || {
            link.focused.set(Some(FocusedField {
                side,
                path: node.path.clone(),
                norm: node.norm.clone(),
                doc_line: node.doc_line(),
                doc: node.doc.map(|d| d.doc).filter(|d| !d.is_empty()),
            }));
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        // Keys bubble from nested items; only the focused item acts.
        let Some(me) = li.get() else { return };
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.as_ref() != Some(me.as_ref()) {
            return;
        }
        let handled = match ev.key().as_str() {
            "ArrowDown" => move_focus(&me, 1),
            "ArrowUp" => move_focus(&me, -1),
            "ArrowRight" if container => {
                if expanded.get_untracked() {
                    move_focus(&me, 1)
                } else {
                    expanded.set(true);
                    true
                }
            }
            "ArrowLeft" => {
                if container && expanded.get_untracked() {
                    expanded.set(false);
                    true
                } else {
                    focus_parent(&me)
                }
            }
            "Enter" | " " if container => {
                expanded.update(|e| *e = !*e);
                true
            }
            "Home" => focus_edge(&me, true),
            "End" => focus_edge(&me, false),
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let path_for_class = node.path.clone();
    let class = move || {
        let mut c = String::from("jt-item");
        let (hit, inside) = link.marks(side, &path_for_class);
        if hit {
            c.push_str(" jt-hit");
        }
        if inside && !expanded.get() {
            c.push_str(" jt-hit-inside");
        }
        if link.focused.with(|f| {
            f.as_ref()
                .is_some_and(|f| f.side == side && f.path == path_for_class)
        }) {
            c.push_str(" jt-focus");
        }
        c
    };
    let title = node.doc_line();
    let label_class = if node.is_index { "jt-index" } else { "jt-key" };
    let value_view = if container {
        let summary = node.summary();
        let open_text = match node.kind {
            json_tree::Kind::Array(_) => "[",
            _ => "{",
        };
        view! {
            <span class="jt-toggle" aria-hidden="true">{move || if expanded.get() { "▾" } else { "▸" }}</span>
            <span class="j-punct">{move || if expanded.get() { open_text.to_owned() } else { summary.clone() }}</span>
        }
        .into_any()
    } else {
        let text = node.scalar.clone().unwrap_or_default();
        view! { <span class=node.kind.css()>{text}</span> }.into_any()
    };
    let children_view = {
        let node = node.clone();
        let root = root.clone();
        move || {
            expanded.get().then(|| {
                let kids = root
                    .json()
                    .and_then(|v| json_tree::at(v, &node.path))
                    .map(|v| json_tree::children(v, &node.path, &node.norm, node.schema))
                    .unwrap_or_default();
                let close = if matches!(node.kind, json_tree::Kind::Array(_)) { "]" } else { "}" };
                view! {
                    <ul role="group" class="jt-group">
                        {kids.into_iter().map(|k| view! { <TreeItem side node=k root=root.clone() depth=depth + 1 link/> }).collect_view()}
                    </ul>
                    <span class="j-punct jt-close">{close}</span>
                }
            })
        }
    };
    let focus_a = focus_me.clone();
    let focus_b = focus_me;
    view! {
        <li
            node_ref=li
            role="treeitem"
            class=class
            tabindex=if tabbable { "0" } else { "-1" }
            attr:aria-level=(depth + 1).to_string()
            aria-expanded=move || container.then(|| if expanded.get() { "true" } else { "false" })
            data-path=node.path.clone()
            data-norm=node.norm.clone()
            on:keydown=on_keydown
            on:focus=move |ev: web_sys::FocusEvent| {
                let me = li.get();
                let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if me.is_some_and(|m| target.as_ref() == Some(m.as_ref())) { focus_a() }
            }
        >
            <div
                class="jt-row"
                title=title
                on:mouseenter=move |_| focus_b()
                on:click=move |_| if container { expanded.update(|e| *e = !*e) }
            >
                <span class=label_class>{node.label.clone()}</span>
                <span class="j-punct">": "</span>
                {value_view}
            </div>
            {children_view}
        </li>
    }
    .into_any()
}

/// All tree items of the tree containing `me`, in document (= visual) order.
fn items_of(me: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Some(tree) = me.closest("[role=tree]").ok().flatten() else {
        return Vec::new();
    };
    let Ok(list) = tree.query_selector_all("[role=treeitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn move_focus(me: &web_sys::Element, delta: i32) -> bool {
    let items = items_of(me);
    let Some(i) = items
        .iter()
        .position(|e| AsRef::<web_sys::Element>::as_ref(e) == me)
    else {
        return false;
    };
    let j = i64::try_from(i).unwrap_or(0) + i64::from(delta);
    match usize::try_from(j).ok().and_then(|j| items.get(j)) {
        Some(next) => next.focus().is_ok(),
        None => false,
    }
}

fn focus_edge(me: &web_sys::Element, first: bool) -> bool {
    let items = items_of(me);
    let target = if first { items.first() } else { items.last() };
    target.is_some_and(|e| e.focus().is_ok())
}

fn focus_parent(me: &web_sys::Element) -> bool {
    me.parent_element()
        .and_then(|g| g.closest("[role=treeitem]").ok().flatten())
        .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|p| p.focus().is_ok())
}
