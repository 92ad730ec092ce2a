//! Recent lookups, kept in localStorage as conversation IDs only (never tokens or bodies).

/// localStorage key.
pub const STORAGE_KEY: &str = "conversation-lens.recent";
/// How many IDs we keep.
pub const MAX: usize = 8;

/// Put `id` first, drop duplicates, keep at most [`MAX`].
#[must_use]
pub fn push(list: &[String], id: &str) -> Vec<String> {
    std::iter::once(id.to_owned())
        .chain(list.iter().filter(|x| x.as_str() != id).cloned())
        .take(MAX)
        .collect()
}

/// Serialize for storage (a JSON array of strings).
#[must_use]
pub fn encode(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

/// Read what storage holds. Anything that is not a JSON array of valid conversation IDs is
/// dropped: storage is user-editable and must never break the page.
#[must_use]
pub fn decode(raw: Option<&str>) -> Vec<String> {
    let Some(raw) = raw else { return Vec::new() };
    let parsed: Vec<String> = serde_json::from_str(raw).unwrap_or_default();
    parsed
        .into_iter()
        .filter_map(|s| {
            lens::conversation_id::parse(&s)
                .ok()
                .map(|id| id.to_string())
        })
        .take(MAX)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";
    const B: &str = "11111111-2222-4333-8444-555555555555";

    #[test]
    fn push_dedupes_and_caps() {
        let l = push(&[], A);
        let l = push(&l, B);
        let l = push(&l, A);
        assert_eq!(l, vec![A.to_owned(), B.to_owned()]);
        let mut many = Vec::new();
        for i in 0..20 {
            many = push(&many, &format!("{i:08}-2222-4333-8444-555555555555"));
        }
        assert_eq!(many.len(), MAX);
    }

    #[test]
    fn decode_is_forgiving() {
        assert!(decode(None).is_empty());
        assert!(decode(Some("not json")).is_empty());
        assert_eq!(
            decode(Some(&format!("[\"{A}\", \"token-abc\", 3]"))),
            Vec::<String>::new(),
            "mixed types fail as a whole"
        );
        assert_eq!(
            decode(Some(&format!("[\"{A}\", \"token-abc\"]"))),
            vec![A.to_owned()]
        );
        assert_eq!(
            decode(Some(&encode(&[A.to_owned(), B.to_owned()]))).len(),
            2
        );
    }
}
