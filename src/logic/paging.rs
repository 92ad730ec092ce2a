//! Long lists shown a page at a time: a 2,000-row table renders its first rows at once and
//! the rest when asked, so a big conversation's tab opens quickly and stays responsive.

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
}
