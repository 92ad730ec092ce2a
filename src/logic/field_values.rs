//! Field map values grouped by path: a concept that lives at several paths (`userId` and
//! `name`) shows each path with its own values, so a value can be traced to where it came from.
//! Within a path, values are labelled and grouped by participant (`lens::field_value`).

use lens::field_map::MAX_VALUES;
use lens::field_value::{self, Labeled, OwnerGroup};
use lens::json_path;
use serde_json::Value;
use std::fmt::Write as _;
use std::ops::Range;

use super::markup::escape;
use super::paging;

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
            let total: usize = g.groups.iter().map(|o| o.values.len()).sum();
            let cut = paging::fold_at(total, FOLD_AFTER);
            out.push_str(r#"<ul class="fm-values">"#);
            push_values(&mut out, &g.groups, 0..cut);
            out.push_str("</ul>");
            if cut < total {
                // Folded: the browser neither styles nor lays out a closed <details>, and
                // find-in-page still opens it.
                let _ = write!(
                    out,
                    r#"<details class="fm-more" data-testid="fm-more"><summary>{}</summary><ul class="fm-values">"#,
                    escape(&fold_label(&g.groups, cut..total))
                );
                push_values(&mut out, &g.groups, cut..total);
                out.push_str("</ul></details>");
            }
        }
        if g.truncated {
            out.push_str(r#"<span class="muted small"> (more values than shown)</span>"#);
        }
        out.push_str("</dd>");
    }
    out.push_str("</dl>");
    Some(out)
}

/// Values shown before the fold: a usual conversation's cells (a handful of participants) stay
/// whole; a 50-participant one's would be screens long.
pub const FOLD_AFTER: usize = 12;

/// The owner groups' parts that fall in `range` (counted in values across the groups), each
/// with its owner: a group the fold cuts through is labelled on both sides of it.
fn parts(
    groups: &[OwnerGroup],
    range: Range<usize>,
) -> impl Iterator<Item = (&OwnerGroup, &[Labeled])> {
    groups
        .iter()
        .scan(0, move |at, o| {
            let start = *at;
            *at += o.values.len();
            let (from, to) = (range.start.max(start), range.end.min(*at));
            Some((
                o,
                o.values
                    .get(from.saturating_sub(start)..to.saturating_sub(start)),
            ))
        })
        .filter_map(|(o, values)| values.filter(|v| !v.is_empty()).map(|v| (o, v)))
}

/// What the fold holds: "52 more values from 42 participants".
fn fold_label(groups: &[OwnerGroup], range: Range<usize>) -> String {
    let values = range.len();
    let owners = parts(groups, range)
        .filter(|(o, _)| o.owner.is_some())
        .count();
    let noun = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let more = noun(values, "more value", "more values");
    if owners == 0 {
        more
    } else {
        format!(
            "{more} from {}",
            noun(owners, "participant", "participants")
        )
    }
}

/// `<li>` per owner group (values `range` of them): the owner's label, then each value with its
/// human reading.
fn push_values(out: &mut String, groups: &[OwnerGroup], range: Range<usize>) {
    for (o, values) in parts(groups, range) {
        out.push_str(r#"<li class="fm-owner-group" data-testid="fm-owner-group">"#);
        if let Some(who) = &o.owner {
            let _ = write!(
                out,
                r#"<span class="fm-owner" data-testid="fm-owner">{}</span>"#,
                escape(who)
            );
        }
        for v in values {
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

    #[test]
    fn long_cells_fold_after_the_first_values() {
        let owners = |n: usize| {
            let list: Vec<_> = (0..n)
                .map(|i| json!({"purpose": "agent", "name": format!("Agent {i}")}))
                .collect();
            json!({ "participants": list })
        };
        let cell = |body: serde_json::Value, paths: &'static [&'static str]| {
            cell_html(&per_path(Some(&body), paths)).unwrap_or_default()
        };
        let shown_and_folded = |html: &str| -> (usize, usize) {
            let (shown, folded) = html.split_once("<details").unwrap_or((html, ""));
            let n = |s: &str| s.matches(r#"class="fm-value""#).count();
            (n(shown), n(folded))
        };
        // A few more than the fold shows everything: a fold of one or two hides nothing worth it.
        let few = cell(
            owners(FOLD_AFTER + FOLD_AFTER / 3),
            &["participants[].name"],
        );
        assert_eq!(shown_and_folded(&few), (FOLD_AFTER + FOLD_AFTER / 3, 0));
        // More: the first FOLD_AFTER show, the rest are in a closed <details> that says what it holds.
        let many = cell(
            owners(FOLD_AFTER + FOLD_AFTER / 3 + 1),
            &["participants[].name"],
        );
        assert_eq!(shown_and_folded(&many), (FOLD_AFTER, FOLD_AFTER / 3 + 1));
        assert!(many.contains(&format!(
            r#"<details class="fm-more" data-testid="fm-more"><summary>{n} more values from {n} participants</summary>"#,
            n = FOLD_AFTER / 3 + 1
        )));
        assert!(many.contains(&format!("Agent {}", FOLD_AFTER + FOLD_AFTER / 3)));

        // One participant with many values: the fold cuts through its group, and the folded part
        // still says whose values they are.
        let sessions: Vec<_> = (0..30)
            .map(|i| json!({"sessionId": format!("s{i}")}))
            .collect();
        let one = json!({"participants": [{"purpose": "customer", "sessions": sessions}]});
        let cut = cell(one, &["participants[].sessions[].sessionId"]);
        assert_eq!(shown_and_folded(&cut), (FOLD_AFTER, 30 - FOLD_AFTER));
        assert!(cut.contains(&format!(
            "<summary>{} more values from 1 participant</summary>",
            30 - FOLD_AFTER
        )));
        let (shown, folded) = cut.split_once("<details").unwrap_or_default();
        assert_eq!(shown.matches(r#"data-testid="fm-owner""#).count(), 1);
        assert_eq!(folded.matches(r#"data-testid="fm-owner""#).count(), 1);
        let first_folded = format!(">s{FOLD_AFTER}<");
        assert!(folded.contains(&first_folded) && !shown.contains(&first_folded));
    }
}
