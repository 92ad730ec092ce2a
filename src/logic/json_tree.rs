//! The Raw JSON view as data: one level of a JSON body at a time (children are computed only
//! when a node is expanded, so a 2,000-segment body stays cheap), each node annotated with the
//! official type and description of its field from `model::docs`.

use model::docs::{self, FieldDoc};
use serde_json::Value;

/// What a node holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Object(usize),
    Array(usize),
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    #[must_use]
    pub fn of(v: &Value) -> Kind {
        match v {
            Value::Object(m) => Kind::Object(m.len()),
            Value::Array(a) => Kind::Array(a.len()),
            Value::String(_) => Kind::String,
            Value::Number(_) => Kind::Number,
            Value::Bool(_) => Kind::Bool,
            Value::Null => Kind::Null,
        }
    }

    #[must_use]
    pub const fn is_container(self) -> bool {
        matches!(self, Kind::Object(_) | Kind::Array(_))
    }

    /// CSS class for highlighting.
    #[must_use]
    pub const fn css(self) -> &'static str {
        match self {
            Kind::Object(_) | Kind::Array(_) => "j-punct",
            Kind::String => "j-str",
            Kind::Number => "j-num",
            Kind::Bool => "j-bool",
            Kind::Null => "j-null",
        }
    }
}

/// How the children of a node are typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// An object of this reference model: children are its documented fields.
    Model(&'static str),
    /// A `dict(str, X)`: keys are free text, values are of model X (if a model).
    Map(Option<&'static str>),
    /// A list whose items are of model X (if a model).
    List(Option<&'static str>),
    /// Nothing known (a field the reference does not list, or a scalar).
    Unknown,
}

impl Schema {
    /// Schema of a value whose field doc has type `ty` (`list[Call]`, `dict(str, str)`, `Wrapup`…).
    #[must_use]
    pub fn from_type(ty: &str) -> Schema {
        let model = docs::nested_model(ty).and_then(intern_model);
        if ty.starts_with("list[") {
            Schema::List(model)
        } else if ty.starts_with("dict(") {
            Schema::Map(model)
        } else {
            model.map_or(Schema::Unknown, Schema::Model)
        }
    }

    /// Schema of the root body of a model.
    #[must_use]
    pub fn root(model: &str) -> Schema {
        intern_model(model).map_or(Schema::Unknown, Schema::Model)
    }
}

/// The `'static` model name as the docs table spells it, if the table knows the model.
fn intern_model(name: &str) -> Option<&'static str> {
    docs::FIELD_DOCS
        .iter()
        .find(|d| d.model == name)
        .map(|d| d.model)
}

/// One child of an expanded node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The key (`state`) or the index (`[0]`).
    pub label: String,
    /// True for array items (labels are indices, not keys).
    pub is_index: bool,
    /// Concrete path, unique within a body: `participants[0].calls[0].state`.
    pub path: String,
    /// Path with indices erased, `participants[].calls[].state`: the form the field map uses,
    /// so "this field" means the same field in every participant.
    pub norm: String,
    pub kind: Kind,
    /// JSON text of a scalar (`"connected"`, `42`, `true`); `None` for containers.
    pub scalar: Option<String>,
    /// The official field doc, when the reference documents this field.
    pub doc: Option<&'static FieldDoc>,
    /// How this node's own children are typed.
    pub schema: Schema,
}

impl Node {
    /// `{…} 3 keys` / `[…] 12 items` summary of a collapsed container.
    #[must_use]
    pub fn summary(&self) -> String {
        match self.kind {
            Kind::Object(n) => format!("{{…}} {n} {}", if n == 1 { "key" } else { "keys" }),
            Kind::Array(n) => format!("[…] {n} {}", if n == 1 { "item" } else { "items" }),
            _ => self.scalar.clone().unwrap_or_default(),
        }
    }

    /// One-line description for the inspector: `Call.state · str · one of alerting, …`.
    #[must_use]
    pub fn doc_line(&self) -> Option<String> {
        let d = self.doc?;
        let mut s = format!("{}.{} · {}", d.model, d.field, d.ty);
        if !d.values.is_empty() {
            s.push_str(" · one of ");
            s.push_str(&d.values.join(", "));
        }
        Some(s)
    }
}

/// The children of `value` (found at `path`/`norm`, typed by `schema`), in body order.
#[must_use]
pub fn children(value: &Value, path: &str, norm: &str, schema: Schema) -> Vec<Node> {
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let (doc, child_schema) = match schema {
                    Schema::Model(m) => {
                        let doc = docs::field(m, k);
                        (
                            doc,
                            doc.map_or(Schema::Unknown, |d| Schema::from_type(d.ty)),
                        )
                    }
                    Schema::Map(Some(m)) => (None, Schema::Model(m)),
                    _ => (None, Schema::Unknown),
                };
                Node {
                    label: k.clone(),
                    is_index: false,
                    path: join(path, k),
                    norm: join(norm, k),
                    kind: Kind::of(v),
                    scalar: scalar(v),
                    doc,
                    schema: child_schema,
                }
            })
            .collect(),
        Value::Array(items) => {
            let item_schema = match schema {
                Schema::List(Some(m)) => Schema::Model(m),
                _ => Schema::Unknown,
            };
            items
                .iter()
                .enumerate()
                .map(|(i, v)| Node {
                    label: format!("[{i}]"),
                    is_index: true,
                    path: format!("{path}[{i}]"),
                    norm: format!("{norm}[]"),
                    kind: Kind::of(v),
                    scalar: scalar(v),
                    doc: None,
                    schema: item_schema,
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The value at a concrete `path` produced by [`children`] (`a.b[2].c`).
#[must_use]
pub fn at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = root;
    if path.is_empty() {
        return Some(cur);
    }
    for part in path.split('.') {
        let (key, rest) = part
            .find('[')
            .map_or((part, ""), |i| (&part[..i], &part[i..]));
        if !key.is_empty() {
            cur = cur.get(key)?;
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            let i: usize = idx.strip_suffix(']')?.parse().ok()?;
            cur = cur.get(i)?;
        }
    }
    Some(cur)
}

/// Pretty JSON of a subtree, for the copy buttons.
#[must_use]
pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

fn scalar(v: &Value) -> Option<String> {
    (!matches!(v, Value::Object(_) | Value::Array(_))).then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body() -> Value {
        json!({
            "id": "c1",
            "participants": [
                { "purpose": "customer", "attributes": {"k": "v"},
                  "calls": [ { "state": "connected", "held": false, "segments": [] } ] }
            ],
            "notAField": 1
        })
    }

    #[test]
    fn root_children_carry_docs_and_schemas() {
        let b = body();
        let kids = children(&b, "", "", Schema::root("Conversation"));
        let mut labels: Vec<&str> = kids.iter().map(|n| n.label.as_str()).collect();
        labels.sort_unstable();
        assert_eq!(labels, ["id", "notAField", "participants"]);
        let by = |l: &str| kids.iter().find(|n| n.label == l).expect("child");
        let p = by("participants");
        assert_eq!(p.kind, Kind::Array(1));
        assert_eq!(p.schema, Schema::List(Some("Participant")));
        assert!(p.doc.is_some_and(|d| d.ty == "list[Participant]"));
        assert!(by("notAField").doc.is_none(), "unknown fields have no doc");
        assert_eq!(by("id").scalar.as_deref(), Some("\"c1\""));
    }

    #[test]
    fn keys_are_listed_in_body_order_not_alphabetically() {
        // Developers compare the tree with what the API sent; serde_json's `preserve_order`
        // (enabled in Cargo.toml) keeps the wire order.
        let raw = r#"{"state":"x","id":"c1","participants":[{"purpose":"agent","calls":[],"attributes":{}}],"address":"a"}"#;
        let b: Value = serde_json::from_str(raw).expect("valid json");
        let labels: Vec<String> = children(&b, "", "", Schema::root("Conversation"))
            .into_iter()
            .map(|n| n.label)
            .collect();
        assert_eq!(labels, ["state", "id", "participants", "address"]);
        let p0: Vec<String> = children(&b["participants"][0], "", "", Schema::Unknown)
            .into_iter()
            .map(|n| n.label)
            .collect();
        assert_eq!(p0, ["purpose", "calls", "attributes"]);
    }

    #[test]
    fn nested_paths_and_norms() {
        let b = body();
        let root = children(&b, "", "", Schema::root("Conversation"));
        let ps = root
            .iter()
            .find(|n| n.label == "participants")
            .expect("participants");
        let parts = children(&b["participants"], &ps.path, &ps.norm, ps.schema);
        assert_eq!(parts[0].path, "participants[0]");
        assert_eq!(parts[0].norm, "participants[]");
        assert_eq!(parts[0].schema, Schema::Model("Participant"));
        let fields = children(
            &b["participants"][0],
            &parts[0].path,
            &parts[0].norm,
            parts[0].schema,
        );
        let calls = fields.iter().find(|n| n.label == "calls").expect("calls");
        let call0 = &children(
            &b["participants"][0]["calls"],
            &calls.path,
            &calls.norm,
            calls.schema,
        )[0];
        let call_fields = children(
            &b["participants"][0]["calls"][0],
            &call0.path,
            &call0.norm,
            call0.schema,
        );
        let state = call_fields
            .iter()
            .find(|n| n.label == "state")
            .expect("state");
        assert_eq!(state.path, "participants[0].calls[0].state");
        assert_eq!(state.norm, "participants[].calls[].state");
        assert!(
            state
                .doc_line()
                .is_some_and(|l| l.starts_with("Call.state · str · one of alerting"))
        );
        let attrs = fields
            .iter()
            .find(|n| n.label == "attributes")
            .expect("attributes");
        assert_eq!(attrs.schema, Schema::Map(None));
        assert_eq!(at(&b, &state.path), Some(&json!("connected")));
    }

    #[test]
    fn analytics_root_and_summaries() {
        let b = json!({"conversationId": "x", "participants": [{"sessions": [{"segments": [{}, {}]}]}]});
        let kids = children(
            &b,
            "",
            "",
            Schema::root("AnalyticsConversationWithoutAttributes"),
        );
        assert!(kids[0].doc.is_some());
        assert_eq!(kids[1].summary(), "[…] 1 item");
        assert_eq!(
            at(&b, "participants[0].sessions[0].segments"),
            Some(&json!([{}, {}]))
        );
        assert_eq!(at(&b, "participants[3]"), None);
        assert_eq!(at(&b, "participants[x]"), None);
    }
}
