#![allow(clippy::unwrap_used)]
//! Paging walk accounting and the two remedies.

use chrono::{DateTime, Utc};
use lens::query_lab::interval;
use lens::query_lab::paging::{self, Page};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn page(n: i64, hits: i64, ids: &[&str]) -> Page {
    Page {
        page_number: n,
        total_hits: Some(hits),
        ids: ids.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[test]
fn a_stable_walk_reports_nothing() {
    let r = paging::account(&[page(1, 5, &["a", "b", "c"]), page(2, 5, &["d", "e"])]);
    assert!(r.stable);
    assert_eq!(r.unique_ids, vec!["a", "b", "c", "d", "e"]);
    assert_eq!(r.duplicates, 0);
    assert_eq!(r.possibly_missed, 0);
    assert!(r.explanations.is_empty());
    assert_eq!(r.pages[1].drift, Some(0));
}

#[test]
fn inserted_records_shift_rows_forward_and_are_counted_once() {
    // A new conversation "x" sorts ahead while we page: "c" shows up again on page 2.
    let r = paging::account(&[
        page(1, 6, &["a", "b", "c"]),
        page(2, 7, &["c", "d", "e"]),
        page(3, 7, &["f"]),
    ]);
    assert_eq!(r.rows_fetched, 7);
    assert_eq!(r.unique_ids, vec!["a", "b", "c", "d", "e", "f"]);
    assert_eq!(r.duplicates, 1);
    assert_eq!(r.pages[1].repeated[0].conversation_id, "c");
    assert_eq!(r.pages[1].repeated[0].first_page, 1);
    assert_eq!(r.pages[1].new_ids, 2);
    assert_eq!(r.pages[1].drift, Some(1));
    assert_eq!(r.pages[2].drift, Some(0));
    assert_eq!((r.first_total_hits, r.last_total_hits), (Some(6), Some(7)));
    // 7 hits, 6 seen: "x" itself landed on page 1 after we read it.
    assert_eq!(r.possibly_missed, 1);
    assert!(!r.stable);
    assert_eq!(r.explanations.len(), 3);
    assert!(
        r.explanations
            .iter()
            .all(|e| e.source.href.contains("2022-04-21"))
    );
}

#[test]
fn past_the_end_pages_have_no_conversations() {
    let r = paging::account(&[
        page(1, 2, &["a", "b"]),
        Page {
            page_number: 2,
            total_hits: Some(2),
            ids: vec![],
        },
    ]);
    assert!(r.stable);
    assert!(paging::has_more(&page(1, 2, &["a", "b"]), 2));
    assert!(!paging::has_more(&page(1, 3, &["a"]), 2));
    assert!(!paging::has_more(
        &Page {
            page_number: 2,
            total_hits: None,
            ids: vec![]
        },
        2
    ));
}

#[test]
fn end_a_minute_ago_is_computed_from_now() {
    let today = interval::parse("2026-05-12T00:00:00Z/2026-05-13T00:00:00Z").unwrap();
    let cut = paging::end_a_minute_ago(&today, t("2026-05-12T14:30:27.456Z")).unwrap();
    assert_eq!(
        cut.to_wire(),
        "2026-05-12T00:00:00.000Z/2026-05-12T14:29:27.000Z"
    );
    // An interval that ended long ago keeps its end.
    let past = paging::end_a_minute_ago(&today, t("2026-05-20T00:00:00Z")).unwrap();
    assert_eq!(past, today);
    // Starting less than a minute ago leaves nothing to query.
    assert!(paging::end_a_minute_ago(&today, t("2026-05-12T00:00:30Z")).is_err());
    assert_eq!(paging::explain_remedies().len(), 2);
}
