//! Long lists shown a page at a time: a 2,000-row table renders its first rows at once and
//! the rest when asked, so a big conversation's tab opens quickly and stays responsive.
//! Shorter lists fold instead: the first items, then the rest behind one "show" control.

/// Rows rendered per page.
pub const PAGE: usize = 100;

/// How many of `total` rows the first `pages` pages show.
#[must_use]
pub fn shown(total: usize, pages: usize) -> usize {
    pages.saturating_mul(PAGE).min(total)
}

/// The rows of page `page` (0-based) as a range into the full list.
#[must_use]
pub fn page_range(total: usize, page: usize) -> std::ops::Range<usize> {
    let start = shown(total, page);
    start..shown(total, page + 1)
}

/// The "show more" button's text, or `None` when every row is shown.
#[must_use]
pub fn more_label(total: usize, pages: usize, noun: &str) -> Option<String> {
    let shown = shown(total, pages);
    (shown < total).then(|| {
        let next = PAGE.min(total - shown);
        format!("Show {next} more ({shown} of {total} {noun} shown)")
    })
}

/// How many of `total` items show before a fold placed after `after` of them: all of them
/// when the fold would hide only a few (at most a third of `after`), which saves nothing.
#[must_use]
pub fn fold_at(total: usize, after: usize) -> usize {
    if total > after + after / 3 {
        after
    } else {
        total
    }
}

/// A folded list's three parts as ranges of its `total` items: shown first, folded, and the
/// last `keep_last` shown after the fold. Nothing is folded when [`fold_at`] shows everything
/// (then the first part is the whole list and the others are empty).
#[must_use]
pub fn fold_parts(total: usize, after: usize, keep_last: usize) -> [std::ops::Range<usize>; 3] {
    let keep = keep_last.min(total);
    let cut = fold_at(total - keep, after);
    if cut == total - keep {
        [0..total, total..total, total..total]
    } else {
        [0..cut, cut..total - keep, total - keep..total]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_row_once() {
        let total = 2 * PAGE + 7;
        let mut seen = Vec::new();
        for p in 0..4 {
            seen.extend(page_range(total, p));
        }
        assert_eq!(seen, (0..total).collect::<Vec<_>>());
        assert!(page_range(total, 3).is_empty());
    }

    #[test]
    fn the_button_counts_what_is_left_and_goes_away_at_the_end() {
        assert_eq!(
            more_label(PAGE + 7, 1, "metrics").as_deref(),
            Some("Show 7 more (100 of 107 metrics shown)")
        );
        assert_eq!(more_label(PAGE + 7, 2, "metrics"), None);
        assert_eq!(more_label(PAGE, 1, "metrics"), None);
        assert_eq!(more_label(0, 1, "metrics"), None);
    }

    #[test]
    fn a_fold_hides_the_tail_only_when_it_is_worth_it() {
        assert_eq!(fold_at(5, 12), 5);
        assert_eq!(fold_at(16, 12), 16, "four more than the fold: all shown");
        assert_eq!(fold_at(17, 12), 12);
        assert_eq!(fold_at(2000, 12), 12);
        assert_eq!(fold_at(0, 12), 0);
    }

    #[test]
    fn a_folded_list_keeps_its_head_and_tail() {
        assert_eq!(fold_parts(100, 24, 4), [0..24, 24..96, 96..100]);
        assert_eq!(
            fold_parts(30, 24, 4),
            [0..30, 30..30, 30..30],
            "nothing worth folding"
        );
        assert_eq!(fold_parts(50, 12, 0), [0..12, 12..50, 50..50]);
        assert_eq!(fold_parts(3, 12, 5), [0..3, 3..3, 3..3]);
        assert_eq!(fold_parts(0, 12, 0), [0..0, 0..0, 0..0]);
    }
}
