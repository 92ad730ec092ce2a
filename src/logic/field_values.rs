//! Field map values grouped by path: a concept that lives at several paths (`userId` and
//! `name`) shows each path with its own values, so a value can be traced to where it came from.
//! Within a path, values are labelled and grouped by participant (`lens::field_value`).

use lens::field_map::MAX_VALUES;
use lens::field_value::{self, OwnerGroup};
use lens::json_path;
use serde_json::Value;

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
}
