//! Field map values grouped by path: a concept that lives at several paths (`userId` and
//! `name`) shows each path with its own values, so a value can be traced to where it came from.

use lens::field_map::MAX_VALUES;
use lens::json_path::{self, Found};
use serde_json::Value;

/// The values found at one path pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct PathValues {
    pub path: &'static str,
    pub values: Vec<Found>,
    /// More than [`MAX_VALUES`] matched; only the first are kept.
    pub truncated: bool,
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
                values,
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
            .map(|g| (g.path, g.values.iter().map(|f| f.value.as_str()).collect()))
            .collect();
        assert_eq!(
            texts,
            [
                ("participants[].userId", vec!["u1"]),
                ("participants[purpose=agent].name", vec!["Omar"])
            ]
        );
        assert_eq!(got[1].values[0].path, "participants[1].name");
        assert!(per_path(None, &["id"])[0].values.is_empty());
    }
}
