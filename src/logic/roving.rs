//! Roving tabindex for a flat list of items (the timeline's bars): only one item is in the Tab
//! order, so Tab leaves the drawing in one step; arrow keys, Home and End move between items.

/// The index focus moves to for `key` from item `from` of `total`; `None` when the key is not a
/// navigation key (or there is nothing to move to), so the event is left alone.
#[must_use]
pub fn roving_target(key: &str, from: usize, total: usize) -> Option<usize> {
    if total == 0 {
        return None;
    }
    let last = total - 1;
    let from = from.min(last);
    match key {
        "ArrowRight" | "ArrowDown" => Some((from + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => Some(from.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_and_stop_at_the_ends() {
        assert_eq!(roving_target("ArrowRight", 0, 3), Some(1));
        assert_eq!(roving_target("ArrowDown", 2, 3), Some(2));
        assert_eq!(roving_target("ArrowLeft", 0, 3), Some(0));
        assert_eq!(roving_target("ArrowUp", 2, 3), Some(1));
        assert_eq!(roving_target("Home", 2, 3), Some(0));
        assert_eq!(roving_target("End", 0, 3), Some(2));
        assert_eq!(roving_target("Tab", 0, 3), None, "Tab leaves the list");
        assert_eq!(roving_target("ArrowRight", 0, 0), None);
        assert_eq!(
            roving_target("ArrowRight", 9, 3),
            Some(2),
            "stale index clamps"
        );
    }
}
