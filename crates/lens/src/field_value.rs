//! How the field map shows one value: whose it is (the participant a path points into, named as
//! `participant_label` names it), how long a millisecond or second count is in human terms, and
//! where a long path may wrap (after `.`, before `[`). Rows are filtered by concept or path.

use serde::Serialize;
use serde_json::Value;

use crate::duration::human_ms;
use crate::json_path::Found;
use crate::participant_label;

/// One value of a field map cell with what helps a person read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Labeled {
    /// Concrete path, e.g. `participants[3].calls[0].state`.
    pub path: String,
    pub value: String,
    /// "Omar Haddad", or "voicemail · 3f2a9c1d" without a name; `None` outside `participants[]`.
    pub owner: Option<String>,
    /// "4m 39.4s" for a duration value.
    pub human: Option<String>,
}

/// Consecutive values that belong to the same participant (or to none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerGroup {
    pub owner: Option<String>,
    pub values: Vec<Labeled>,
}

/// The index `N` of a path that starts `participants[N]`.
fn participant_index(concrete_path: &str) -> Option<usize> {
    let rest = concrete_path.strip_prefix("participants[")?;
    rest.get(..rest.find(']')?)?.parse().ok()
}

/// The label of the participant `concrete_path` points into, from either API's body
/// (`name`/`id` in the Conversations API, `participantName`/`participantId` in analytics).
#[must_use]
pub fn owner(root: &Value, concrete_path: &str) -> Option<String> {
    let p = root
        .get("participants")?
        .get(participant_index(concrete_path)?)?;
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| p.get(*k).and_then(Value::as_str))
            .map(str::to_owned)
    };
    Some(participant_label::label(
        text(&["name", "participantName"]).as_deref(),
        text(&["purpose"]).as_deref(),
        text(&["id", "participantId"]).as_deref(),
    ))
}

/// A duration in human terms when the path pattern holds one: an analytics `t*` metric value
/// (milliseconds) or a `…Seconds` / `…Ms` field. `None` for anything else or a non-number.
#[must_use]
pub fn human_duration(pattern: &str, value: &str) -> Option<String> {
    let last = pattern.rsplit('.').next().unwrap_or(pattern);
    let is_t_metric = pattern.contains("metrics[name=t") && last == "value";
    let factor = if is_t_metric || last.ends_with("Ms") {
        1
    } else if last.ends_with("Seconds") {
        1_000
    } else {
        return None;
    };
    let n: f64 = value.trim().parse().ok().filter(|n: &f64| n.is_finite())?;
    let ms = n * f64::from(factor);
    if ms.abs() > 9.0e15 {
        return None;
    }
    // Bounded above; the cast only drops sub-millisecond digits.
    #[allow(clippy::cast_possible_truncation)]
    let whole = ms.round() as i64;
    Some(human_ms(whole))
}

/// Label each value and group consecutive values by participant (document order is kept).
#[must_use]
pub fn group(root: Option<&Value>, pattern: &str, values: Vec<Found>) -> Vec<OwnerGroup> {
    let mut out: Vec<OwnerGroup> = Vec::new();
    for f in values {
        let owner = root.and_then(|r| owner(r, &f.path));
        let labeled = Labeled {
            human: human_duration(pattern, &f.value),
            path: f.path,
            value: f.value,
            owner: owner.clone(),
        };
        match out.last_mut() {
            Some(g) if g.owner == owner => g.values.push(labeled),
            _ => out.push(OwnerGroup {
                owner,
                values: vec![labeled],
            }),
        }
    }
    out
}

/// The path cut where a line may break: after each `.` and before each `[`
/// (`participants[]` `.sessions[]` …); joined with `<wbr>` by the view.
#[must_use]
pub fn wrap_pieces(path: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, ch) in path.char_indices() {
        let cut = match ch {
            '[' if i > start => Some(i),
            '.' => Some(i + 1),
            _ => None,
        };
        if let Some(at) = cut
            && at > start
            && at < path.len()
        {
            pieces.push(&path[start..at]);
            start = at;
        }
    }
    if start < path.len() {
        pieces.push(&path[start..]);
    }
    pieces
}

/// Does a row match the filter text? Case-insensitive substring of the concept or any path;
/// empty (or blank) text matches every row.
#[must_use]
pub fn row_matches(needle: &str, concept: &str, paths: &[&str]) -> bool {
    let needle = needle.trim().to_lowercase();
    needle.is_empty()
        || concept.to_lowercase().contains(&needle)
        || paths.iter().any(|p| p.to_lowercase().contains(&needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_path;
    use serde_json::json;

    #[test]
    fn owners_come_from_either_api_and_fall_back_to_purpose() {
        let rt = json!({"participants": [
            {"id": "a1", "purpose": "agent", "name": "Omar Haddad", "calls": [{"state": "connected"}]},
            {"id": "3f2a9c1d-0000-4000-8000-000000000000", "purpose": "voicemail", "calls": [{"state": "connected"}]}]});
        assert_eq!(
            owner(&rt, "participants[0].calls[0].state").as_deref(),
            Some("Omar Haddad")
        );
        assert_eq!(
            owner(&rt, "participants[1].calls[0].state").as_deref(),
            Some("voicemail · 3f2a9c1d")
        );
        let an = json!({"participants": [{"participantId": "p9", "purpose": "acd", "participantName": "Billing"}]});
        assert_eq!(
            owner(&an, "participants[0].purpose").as_deref(),
            Some("Billing")
        );
        assert_eq!(owner(&rt, "participants[7].id"), None);
        assert_eq!(owner(&rt, "startTime"), None);
        assert_eq!(owner(&rt, "participants[x].id"), None);
    }

    #[test]
    fn durations_are_humanised_only_where_the_path_holds_one() {
        let tm = "participants[].sessions[].metrics[name=tHandle].value";
        assert_eq!(human_duration(tm, "279421").as_deref(), Some("4m 39.4s"));
        assert_eq!(
            human_duration("participants[].wrapup.durationSeconds", "95").as_deref(),
            Some("1m 35.0s")
        );
        assert_eq!(
            human_duration(
                "participants[].sessions[].metrics[name=nTransferred].value",
                "2"
            ),
            None
        );
        assert_eq!(human_duration("participants[].id", "12"), None);
        assert_eq!(human_duration(tm, "not a number"), None);
        assert_eq!(human_duration(tm, "1e300"), None);
    }

    #[test]
    fn consecutive_values_of_one_participant_are_grouped() {
        let body = json!({"participants": [
            {"id": "c", "purpose": "customer", "name": "Chris", "calls": [{"state": "connected"}, {"state": "disconnected"}]},
            {"id": "a", "purpose": "agent", "name": "Omar", "calls": [{"state": "connected"}]}]});
        let pattern = "participants[].{media}[].state";
        let found = json_path::select(&body, pattern, 10);
        let groups = group(Some(&body), pattern, found);
        let shape: Vec<(Option<&str>, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.owner.as_deref(),
                    g.values.iter().map(|v| v.value.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (Some("Chris"), vec!["connected", "disconnected"]),
                (Some("Omar"), vec!["connected"])
            ]
        );
        let top = group(
            Some(&body),
            "id",
            json_path::select(&json!({"id": "x"}), "id", 1),
        );
        assert_eq!(top[0].owner, None);
    }

    #[test]
    fn paths_wrap_after_dots_and_before_brackets() {
        assert_eq!(
            wrap_pieces("participants[].sessions[].metrics[name=tHandle].value"),
            vec![
                "participants",
                "[].",
                "sessions",
                "[].",
                "metrics",
                "[name=tHandle].",
                "value"
            ]
        );
        assert_eq!(wrap_pieces("id"), vec!["id"]);
        assert_eq!(wrap_pieces(""), Vec::<&str>::new());
        assert_eq!(wrap_pieces("a..b"), vec!["a.", ".", "b"]);
        assert_eq!(wrap_pieces("[x]"), vec!["[x]"]);
        // Nothing is lost or reordered.
        let p = "participants[purpose=ivr].name";
        assert_eq!(wrap_pieces(p).concat(), p);
    }

    #[test]
    fn rows_filter_by_concept_or_path() {
        let paths = ["participants[].sessions[].segments[].queueId"];
        assert!(row_matches("", "Queue", &paths));
        assert!(row_matches("  ", "Queue", &paths));
        assert!(row_matches("queue", "Queue", &paths));
        assert!(row_matches("SEGMENTS[]", "Queue", &paths));
        assert!(!row_matches("wrap", "Queue", &paths));
    }
}
