//! A tiny path language for pointing into a JSON body, shared by the field map and the raw-JSON
//! counterpart highlighting.
//!
//! `participants[].calls[].state` — `[]` visits every array item; `[name=tAlert]` only items whose
//! `name` is `tAlert`; `{media}` stands for any of the Conversations API media arrays (`calls`,
//! `emails`, …), because a participant's communications live in whichever array fits the media.
//! Matches come back with their concrete path (`participants[3].calls[0].state`).

use serde_json::Value;

/// The participant media arrays of the Conversations API (reference/api-facts.md §1.2).
pub const MEDIA_ARRAYS: &[&str] = &[
    "calls",
    "callbacks",
    "chats",
    "cobrowsesessions",
    "emails",
    "messages",
    "internalMessages",
    "screenMonitorings",
    "screenshares",
    "socialExpressions",
    "videos",
];

/// One match.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Found {
    /// Concrete path, e.g. `participants[3].calls[0].state`.
    pub path: String,
    /// The value as text (strings unquoted, objects as compact JSON, clipped).
    pub value: String,
}

#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    AnyMedia,
    Each,
    Where(&'a str, &'a str),
}

fn parse(pattern: &str) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    for part in pattern.split('.').filter(|p| !p.is_empty()) {
        let (name, rest) = part
            .find('[')
            .map_or((part, ""), |i| (&part[..i], &part[i..]));
        if name == "{media}" {
            steps.push(Step::AnyMedia);
        } else if !name.is_empty() {
            steps.push(Step::Key(name));
        }
        let mut rest = rest;
        while let Some(inner_end) = rest.find(']') {
            let inner = rest.get(1..inner_end).unwrap_or("");
            steps.push(match inner.split_once('=') {
                Some((k, v)) => Step::Where(k, v),
                None => Step::Each,
            });
            rest = &rest[inner_end + 1..];
        }
    }
    steps
}

/// Render a value for a table cell.
#[must_use]
pub fn text(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    };
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

/// Every match of `pattern` in `root`, in document order, at most `limit`.
#[must_use]
pub fn select(root: &Value, pattern: &str, limit: usize) -> Vec<Found> {
    let steps = parse(pattern);
    let mut out = Vec::new();
    walk(root, &steps, String::new(), &mut out, limit);
    out
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn walk(v: &Value, steps: &[Step<'_>], path: String, out: &mut Vec<Found>, limit: usize) {
    if out.len() >= limit {
        return;
    }
    let Some((step, rest)) = steps.split_first() else {
        out.push(Found {
            path,
            value: text(v),
        });
        return;
    };
    match step {
        Step::Key(k) => {
            if let Some(child) = v.get(*k) {
                walk(child, rest, join(&path, k), out, limit);
            }
        }
        Step::AnyMedia => {
            for k in MEDIA_ARRAYS {
                if let Some(child) = v.get(*k) {
                    if rest.is_empty() {
                        // `participants[].{media}`: report which arrays are present.
                        if child.as_array().is_some_and(|a| !a.is_empty()) && out.len() < limit {
                            out.push(Found {
                                path: join(&path, k),
                                value: (*k).to_owned(),
                            });
                        }
                    } else {
                        walk(child, rest, join(&path, k), out, limit);
                    }
                }
            }
        }
        Step::Each | Step::Where(..) => {
            let Some(items) = v.as_array() else { return };
            for (i, item) in items.iter().enumerate() {
                if let Step::Where(k, want) = step
                    && item.get(*k).and_then(Value::as_str) != Some(*want)
                {
                    continue;
                }
                walk(item, rest, format!("{path}[{i}]"), out, limit);
            }
        }
    }
}

/// The pattern a concrete path belongs to: indices become `[]`, media array names `{media}`.
#[must_use]
pub fn generalise(concrete: &str) -> String {
    concrete
        .split('.')
        .map(|part| {
            let (name, rest) = part
                .find('[')
                .map_or((part, ""), |i| (&part[..i], &part[i..]));
            let name = if MEDIA_ARRAYS.contains(&name) {
                "{media}"
            } else {
                name
            };
            let brackets = rest.matches('[').count();
            format!("{name}{}", "[]".repeat(brackets))
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A pattern with filters dropped (`[name=x]` → `[]`), for comparing with [`generalise`].
#[must_use]
pub fn loosen(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_bracket = false;
    for ch in pattern.chars() {
        match ch {
            '[' => {
                in_bracket = true;
                out.push('[');
            }
            ']' => {
                in_bracket = false;
                out.push(']');
            }
            _ if in_bracket => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body() -> Value {
        json!({"id": "c", "participants": [
            {"id": "p0", "calls": [{"state": "connected"}, {"state": "disconnected"}]},
            {"id": "p1", "emails": [{"state": "alerting"}], "sessions": [{"metrics": [{"name": "tAlert", "value": 5}, {"name": "tTalk", "value": 7}]}]}
        ]})
    }

    #[test]
    fn selects_with_wildcards_filters_and_media() {
        let b = body();
        let states: Vec<_> = select(&b, "participants[].{media}[].state", 10)
            .into_iter()
            .map(|f| (f.path, f.value))
            .collect();
        assert_eq!(
            states,
            vec![
                (
                    "participants[0].calls[0].state".to_owned(),
                    "connected".to_owned()
                ),
                (
                    "participants[0].calls[1].state".to_owned(),
                    "disconnected".to_owned()
                ),
                (
                    "participants[1].emails[0].state".to_owned(),
                    "alerting".to_owned()
                ),
            ]
        );
        let talk = select(
            &b,
            "participants[].sessions[].metrics[name=tTalk].value",
            10,
        );
        assert_eq!(talk.len(), 1);
        assert_eq!(talk[0].value, "7");
        let media: Vec<_> = select(&b, "participants[].{media}", 10)
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(media, vec!["calls", "emails"]);
        assert_eq!(select(&b, "id", 10)[0].value, "c");
        assert!(select(&b, "state", 10).is_empty());
        assert_eq!(
            select(&b, "participants[].{media}[].state", 2).len(),
            2,
            "limit is honoured"
        );
    }

    #[test]
    fn garbage_patterns_and_bodies_do_not_panic() {
        for p in ["", "[", "]", "a[", "a[]]", "[x=]", "{media}[][]", "...."] {
            let _ = select(&body(), p, 5);
            let _ = select(&json!("text"), p, 5);
        }
    }

    #[test]
    fn generalise_and_loosen_meet() {
        assert_eq!(
            generalise("participants[3].calls[0].state"),
            "participants[].{media}[].state"
        );
        assert_eq!(
            loosen("participants[].sessions[].metrics[name=tTalk].value"),
            "participants[].sessions[].metrics[].value"
        );
    }
}
