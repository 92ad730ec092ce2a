//! Structural diff of two JSON bodies, matching array elements by identity instead of position:
//! participants by `id`/`participantId`, sessions by `sessionId`, communications by `id`,
//! segments by (type, start), metrics by (name, emitDate). A re-ordered array is then not a
//! change, and a new wrap-up segment shows as one added segment, not a cascade of edits.

use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

/// One difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Readable path, e.g. `participants[participantId=ab12…].sessions[sessionId=…].segments[wrapup@…]`.
    pub path: String,
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ChangeKind {
    Added { value: Value },
    Removed { value: Value },
    Changed { old: Value, new: Value },
}

impl Change {
    /// One line for the change log: `path: old → new`, `+ path`, `- path`.
    #[must_use]
    pub fn describe(&self) -> String {
        match &self.kind {
            ChangeKind::Added { value } => format!("+ {} = {}", self.path, short(value)),
            ChangeKind::Removed { value } => format!("− {} (was {})", self.path, short(value)),
            ChangeKind::Changed { old, new } => {
                format!("{}: {} → {}", self.path, short(old), short(new))
            }
        }
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::Object(m) => format!("{{…{} fields}}", m.len()),
        Value::Array(a) => format!("[…{} items]", a.len()),
        other => {
            let s = other.to_string();
            if s.chars().count() > 60 {
                format!("{}…", s.chars().take(59).collect::<String>())
            } else {
                s
            }
        }
    }
}

/// Every difference between `old` and `new`.
#[must_use]
pub fn diff(old: &Value, new: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk("", old, new, &mut out);
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(path: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => walk(&join(path, k), va, vb, out),
                    None => out.push(Change {
                        path: join(path, k),
                        kind: ChangeKind::Removed { value: va.clone() },
                    }),
                }
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    out.push(Change {
                        path: join(path, k),
                        kind: ChangeKind::Added { value: vb.clone() },
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => diff_arrays(path, a, b, out),
        _ if old == new => {}
        _ => out.push(Change {
            path: path.to_owned(),
            kind: ChangeKind::Changed {
                old: old.clone(),
                new: new.clone(),
            },
        }),
    }
}

/// The identity of an array element, as `label` for the path, when it has one.
fn identity(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    let s = |k: &str| o.get(k).and_then(Value::as_str);
    for key in ["participantId", "sessionId", "id"] {
        if let Some(id) = s(key) {
            return Some(format!("{key}={id}"));
        }
    }
    // Analytics segments, then real-time segments.
    if let (Some(t), Some(start)) = (s("segmentType"), s("segmentStart")) {
        return Some(format!("{t}@{start}"));
    }
    if let (Some(t), Some(start)) = (s("type"), s("startTime")) {
        return Some(format!("{t}@{start}"));
    }
    if let Some(name) = s("name")
        && let Some(emit) = s("emitDate")
    {
        return Some(format!("{name}@{emit}"));
    }
    None
}

fn diff_arrays(path: &str, a: &[Value], b: &[Value], out: &mut Vec<Change>) {
    let keyed = |xs: &[Value]| xs.iter().map(identity).collect::<Option<Vec<_>>>();
    match (keyed(a), keyed(b)) {
        (Some(ka), Some(kb)) if unique(&ka) && unique(&kb) => {
            for (key, va) in ka.iter().zip(a) {
                let p = format!("{path}[{key}]");
                match kb.iter().position(|k| k == key) {
                    Some(j) => walk(&p, va, &b[j], out),
                    None => out.push(Change {
                        path: p,
                        kind: ChangeKind::Removed { value: va.clone() },
                    }),
                }
            }
            for (key, vb) in kb.iter().zip(b) {
                if !ka.contains(key) {
                    out.push(Change {
                        path: format!("{path}[{key}]"),
                        kind: ChangeKind::Added { value: vb.clone() },
                    });
                }
            }
        }
        _ => {
            // No identity: compare by position.
            for i in 0..a.len().max(b.len()) {
                let mut p = String::new();
                let _ = write!(p, "{path}[{i}]");
                match (a.get(i), b.get(i)) {
                    (Some(va), Some(vb)) => walk(&p, va, vb, out),
                    (Some(va), None) => out.push(Change {
                        path: p,
                        kind: ChangeKind::Removed { value: va.clone() },
                    }),
                    (None, Some(vb)) => out.push(Change {
                        path: p,
                        kind: ChangeKind::Added { value: vb.clone() },
                    }),
                    (None, None) => {}
                }
            }
        }
    }
}

fn unique(keys: &[String]) -> bool {
    let mut sorted: Vec<&String> = keys.iter().collect();
    sorted.sort();
    sorted.windows(2).all(|w| w[0] != w[1])
}
