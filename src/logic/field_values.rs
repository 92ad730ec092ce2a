//! Field map values grouped by path: a concept that lives at several paths (`userId` and
//! `name`) shows each path with its own values, so a value can be traced to where it came from.
//! Within a path, values are labelled and grouped by participant (`lens::field_value`).

use lens::field_map::MAX_VALUES;
use lens::field_value::{self, OwnerGroup};
use lens::json_path;
use serde_json::Value;
use std::fmt::Write as _;

use super::markup::escape;

/// The values found at one path pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct PathValues {
    pub path: &'static str,
    /// Consecutive values of one participant together, in document order.
    pub groups: Vec<OwnerGroup>,
    /// More than [`MAX_VALUES`] matched; only the first are kept.
    pub truncated: bool,
}

impl PathValues {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// One entry per pattern of `paths`, in order; no values when the body is not loaded.
#[must_use]
pub fn per_path(body: Option<&Value>, paths: &'static [&'static str]) -> Vec<PathValues> {
    paths
        .iter()
        .map(|&path| {
            let mut values =
                body.map_or_else(Vec::new, |b| json_path::select(b, path, MAX_VALUES + 1));
            let truncated = values.len() > MAX_VALUES;
            values.truncate(MAX_VALUES);
            PathValues {
                path,
                groups: field_value::group(body, path, values),
                truncated,
            }
        })
        .collect()
}

/// The markup of one field map cell (each path with its values grouped by participant), as
/// text for `inner_html`: a 2,000-segment conversation puts thousands of values in the table,
/// and building each as DOM nodes from wasm costs a JS call per node and attribute. `None`
/// when there is no path (the view shows a dash).
#[must_use]
pub fn cell_html(groups: &[PathValues]) -> Option<String> {
    if groups.is_empty() {
        return None;
    }
    let mut out = String::from(r#"<dl class="fm-groups">"#);
    for g in groups {
        out.push_str(r#"<dt><code class="fm-path">"#);
        for (i, piece) in field_value::wrap_pieces(g.path).into_iter().enumerate() {
            if i > 0 {
                out.push_str("<wbr>");
            }
            out.push_str(&escape(piece));
        }
        out.push_str("</code></dt><dd>");
        if g.is_empty() {
            out.push_str(r#"<span class="muted small">(absent in this answer)</span>"#);
        } else {
            out.push_str(r#"<ul class="fm-values">"#);
            for o in &g.groups {
                out.push_str(r#"<li class="fm-owner-group" data-testid="fm-owner-group">"#);
                if let Some(who) = &o.owner {
                    let _ = write!(
                        out,
                        r#"<span class="fm-owner" data-testid="fm-owner">{}</span>"#,
                        escape(who)
                    );
                }
                for v in &o.values {
                    let _ = write!(
                        out,
                        r#"<span class="fm-value-item"><code class="fm-value" title="{}">{}</code>"#,
                        escape(&v.path),
                        escape(&v.value)
                    );
                    if let Some(h) = &v.human {
                        let _ = write!(
                            out,
                            r#" <span class="fm-human muted small" data-testid="fm-human">({})</span>"#,
                            escape(h)
                        );
                    }
                    out.push_str("</span>");
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        if g.truncated {
            out.push_str(r#"<span class="muted small"> (more values than shown)</span>"#);
        }
        out.push_str("</dd>");
    }
    out.push_str("</dl>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_path_keeps_its_own_values() {
        let body = json!({"participants": [
            {"purpose": "customer", "name": "Chris"},
            {"purpose": "agent", "name": "Omar", "userId": "u1"}]});
        let got = per_path(
            Some(&body),
            &["participants[].userId", "participants[purpose=agent].name"],
        );
        let texts: Vec<(&str, Vec<&str>)> = got
            .iter()
            .map(|g| {
                (
                    g.path,
                    g.groups
                        .iter()
                        .flat_map(|o| o.values.iter().map(|v| v.value.as_str()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("participants[].userId", vec!["u1"]),
                ("participants[purpose=agent].name", vec!["Omar"])
            ]
        );
        assert_eq!(got[1].groups[0].values[0].path, "participants[1].name");
        assert_eq!(got[1].groups[0].owner.as_deref(), Some("Omar"));
        assert!(per_path(None, &["id"])[0].is_empty());
    }

    #[test]
    fn cells_are_markup_with_the_views_test_ids_and_escaped_values() {
        let body = json!({"participants": [
            {"purpose": "agent", "name": "Omar <O'Neil>", "metrics": [{"name": "tTalk", "value": 61000}]}]});
        let got = per_path(
            Some(&body),
            &[
                "participants[].metrics[name=tTalk].value",
                "participants[].wrapup",
            ],
        );
        let html = cell_html(&got).unwrap_or_default();
        assert!(html.starts_with(
            r#"<dl class="fm-groups"><dt><code class="fm-path">participants<wbr>[].<wbr>metrics<wbr>[name=tTalk].<wbr>value</code>"#
        ));
        assert!(
            html.contains(
                r#"<span class="fm-owner" data-testid="fm-owner">Omar &lt;O&#39;Neil&gt;"#
            )
        );
        assert!(html.contains(r#"<code class="fm-value" title="participants[0].metrics[0].value">61000</code> <span class="fm-human muted small" data-testid="fm-human">("#));
        assert!(html.contains(r#"<span class="muted small">(absent in this answer)</span>"#));
        assert_eq!(cell_html(&[]), None);
    }
}
