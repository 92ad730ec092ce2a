//! Limits of the synchronous details query, as stated by Genesys tutorials/blogs (reference/api-facts.md §2.6,
//! reference/user-pain-points.md 1): an interval of at most 7 days without filters (31 with a filter), a start
//! at most 35 days back (including today), at most 10,000 records reachable per query, default
//! page size 25. These are 2020-era statements (TUT recordings-downloader, P1), not a spec.
//! The maximum page size is UNVERIFIED upstream; the demo org allows up to [`MAX_PAGE_SIZE`].

use super::interval::{Interval, floor_day};
use crate::errors::ApiError;
use chrono::{DateTime, Duration, Utc};

pub const MAX_DAYS_WITHOUT_FILTER: i64 = 7;
pub const MAX_DAYS_WITH_FILTER: i64 = 31;
pub const MAX_DAYS_BACK: i64 = 35;
pub const MAX_RECORDS: i64 = 10_000;
pub const DEFAULT_PAGE_SIZE: i64 = 25;
pub const MAX_PAGE_SIZE: i64 = 1_000;

/// Check the interval caps.
///
/// # Errors
/// 400 `bad.request` naming the limit and what to do instead.
pub fn check_interval(i: &Interval, has_filter: bool, now: DateTime<Utc>) -> Result<(), ApiError> {
    let cap = if has_filter {
        MAX_DAYS_WITH_FILTER
    } else {
        MAX_DAYS_WITHOUT_FILTER
    };
    if i.length() > Duration::days(cap) {
        let why = if has_filter {
            "with filters"
        } else {
            "without filters (31 with a filter)"
        };
        return Err(ApiError::bad_request(format!(
            "The interval is longer than {cap} days, the limit {why}. Split it into shorter intervals, or use POST /api/v2/analytics/conversations/details/jobs for history."
        )));
    }
    let earliest = floor_day(now) - Duration::days(MAX_DAYS_BACK - 1);
    if i.start < earliest {
        return Err(ApiError::bad_request(format!(
            "The interval starts more than {MAX_DAYS_BACK} days in the past (earliest allowed start: {}). Use POST /api/v2/analytics/conversations/details/jobs for older data.",
            model::time::to_wire(&earliest)
        )));
    }
    Ok(())
}

/// A validated page request (1-based page number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub size: usize,
    pub number: usize,
}

impl Page {
    /// # Errors
    /// 400 `bad.request` for sizes/numbers out of range or pages past the 10,000-record window.
    pub fn parse(paging: Option<&model::analytics::PagingSpec>) -> Result<Self, ApiError> {
        let size = paging
            .and_then(|p| p.page_size)
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let number = paging.and_then(|p| p.page_number).unwrap_or(1);
        if !(1..=MAX_PAGE_SIZE).contains(&size) {
            return Err(ApiError::bad_request(format!(
                "paging.pageSize must be between 1 and {MAX_PAGE_SIZE} (got {size})."
            )));
        }
        if number < 1 {
            return Err(ApiError::bad_request(format!(
                "paging.pageNumber starts at 1 (got {number})."
            )));
        }
        if (number - 1).saturating_mul(size) >= MAX_RECORDS {
            return Err(ApiError::bad_request(format!(
                "A details query returns at most {MAX_RECORDS} records; page {number} of size {size} starts past that. Narrow the interval or use an async job."
            )));
        }
        // Both fit in usize: bounded above.
        Ok(Self {
            size: usize::try_from(size).unwrap_or(25),
            number: usize::try_from(number).unwrap_or(1),
        })
    }

    /// Index of the first record of the page.
    #[must_use]
    pub fn offset(&self) -> usize {
        (self.number - 1) * self.size
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::analytics::PagingSpec;

    fn t(s: &str) -> DateTime<Utc> {
        model::time::from_wire(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn interval_caps() {
        let now = t("2026-05-20T12:00:00Z");
        let i = |a: &str, b: &str| Interval {
            start: t(a),
            end: t(b),
        };
        assert!(
            check_interval(
                &i("2026-05-12T00:00:00Z", "2026-05-19T00:00:00Z"),
                false,
                now
            )
            .is_ok()
        );
        assert!(
            check_interval(
                &i("2026-05-12T00:00:00Z", "2026-05-19T00:00:01Z"),
                false,
                now
            )
            .is_err()
        );
        assert!(
            check_interval(
                &i("2026-05-01T00:00:00Z", "2026-05-20T00:00:00Z"),
                true,
                now
            )
            .is_ok()
        );
        assert!(
            check_interval(
                &i("2026-04-10T00:00:00Z", "2026-04-11T00:00:00Z"),
                true,
                now
            )
            .is_err()
        );
    }

    #[test]
    fn paging_defaults_and_bounds() {
        assert_eq!(
            Page::parse(None),
            Ok(Page {
                size: 25,
                number: 1
            })
        );
        let p = |s: i64, n: i64| {
            Page::parse(Some(&PagingSpec {
                page_size: Some(s),
                page_number: Some(n),
            }))
        };
        assert!(p(0, 1).is_err());
        assert!(p(25, 0).is_err());
        assert!(p(100, 100).is_ok());
        assert!(p(100, 101).is_err());
        assert_eq!(p(10, 3).map(|p| p.offset()), Ok(20));
    }
}
