#![allow(clippy::unwrap_used)]
//! The query form produces the exact wire body; the wrong-level check uses the official enums.

use chrono::{DateTime, Utc};
use lens::conversation_id;
use lens::query_lab::builder::{FormError, PredicateRow, QueryForm};
use lens::query_lab::levels::{self, Level, Subject};
use model::analytics::{ConversationQuery, NumericRange, Operator};
use serde_json::json;

const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn form() -> QueryForm {
    QueryForm::for_conversation(
        &conversation_id::parse(ID).unwrap(),
        Some(t("2026-05-12T14:02:11.204Z")),
        t("2026-05-20T00:00:00Z"),
    )
}

#[test]
fn default_body_is_the_documented_wire_shape() {
    let body: serde_json::Value = serde_json::from_str(&form().to_json().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({
            "interval": "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z",
            "order": "asc",
            "orderBy": "conversationStart",
            "paging": { "pageSize": 25, "pageNumber": 1 },
            "conversationFilters": [
                { "type": "and", "predicates": [
                    { "type": "dimension", "dimension": "conversationId", "operator": "matches", "value": ID } ] } ]
        })
    );
}

#[test]
fn segment_predicates_go_to_segment_filters_and_round_trip_through_the_model() {
    let mut f = form();
    f.add_predicate(PredicateRow::dimension(
        Level::Segment,
        "mediaType",
        "voice",
    ));
    f.add_predicate(PredicateRow {
        level: Level::Conversation,
        subject: Subject::Metric,
        name: "tHandle".into(),
        operator: Operator::Matches,
        value: String::new(),
        range: Some(NumericRange {
            gte: Some(60000.0),
            ..NumericRange::default()
        }),
    });
    let json = f.to_json().unwrap();
    let body: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        body["segmentFilters"],
        json!([{ "type": "and", "predicates": [
            { "type": "dimension", "dimension": "mediaType", "operator": "matches", "value": "voice" } ] }])
    );
    assert_eq!(
        body["conversationFilters"][0]["predicates"][1],
        json!({ "type": "metric", "metric": "tHandle", "operator": "matches", "range": { "gte": 60000.0 } })
    );
    let back: ConversationQuery = serde_json::from_str(&json).unwrap();
    assert_eq!(back, f.to_query().unwrap());
    assert!(f.level_warnings().is_empty());
}

#[test]
fn queue_id_at_conversation_level_is_warned_with_the_fix() {
    let mut f = form();
    let i = f.add_predicate(PredicateRow::dimension(
        Level::Conversation,
        "queueId",
        "8d0763ba-f083-4708-9cb3-f941ab1b0ca0",
    ));
    let w = f.level_warnings();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].path, "conversationFilters[0].predicates[1].dimension");
    assert_eq!(w[0].belongs_at, Some(Level::Segment));
    assert_eq!(w[0].explanation.headline, "Move queueId to segmentFilters");
    assert!(w[0].explanation.detail.contains("silently ignored"));
    // The body still carries it (that is what Genesys would receive).
    let body: serde_json::Value = serde_json::from_str(&f.to_json().unwrap()).unwrap();
    assert_eq!(
        body["conversationFilters"][0]["predicates"][1]["dimension"],
        "queueId"
    );
    // Applying the fix clears the warning and moves the predicate.
    f.set_level(i, Level::Segment).unwrap();
    assert!(f.level_warnings().is_empty());
    let body: serde_json::Value = serde_json::from_str(&f.to_json().unwrap()).unwrap();
    assert_eq!(
        body["segmentFilters"][0]["predicates"][0]["dimension"],
        "queueId"
    );
}

#[test]
fn the_level_lists_are_the_model_enums() {
    for name in [
        "ani",
        "queueId",
        "userId",
        "direction",
        "mediaType",
        "purpose",
        "wrapUpCode",
    ] {
        assert_eq!(
            levels::dimension_levels(name),
            vec![Level::Segment],
            "{name}"
        );
    }
    for name in [
        "conversationId",
        "conversationEnd",
        "originatingDirection",
        "divisionId",
        "externalTag",
    ] {
        assert_eq!(
            levels::dimension_levels(name),
            vec![Level::Conversation],
            "{name}"
        );
    }
    assert!(
        levels::dimension_levels("QueueId").is_empty(),
        "names are case-sensitive"
    );
    assert_eq!(
        levels::metric_levels("tSegmentDuration"),
        vec![Level::Segment]
    );
    assert_eq!(levels::metric_levels("tHandle"), vec![Level::Conversation]);
    assert!(
        levels::metric_levels("tWait").is_empty(),
        "tWait is not a detail metric"
    );
    assert_eq!(
        levels::known_names(Level::Conversation, Subject::Dimension).len(),
        11
    );
    assert!(levels::known_names(Level::Segment, Subject::Dimension).contains(&"queueId"));
}

#[test]
fn conversation_id_at_segment_level_and_unknown_names_are_warned() {
    let mut f = form();
    f.add_predicate(PredicateRow::dimension(
        Level::Segment,
        "conversationId",
        ID,
    ));
    f.add_predicate(PredicateRow {
        subject: Subject::Metric,
        ..PredicateRow::dimension(Level::Conversation, "tWait", "1")
    });
    let w = f.level_warnings();
    assert_eq!(w.len(), 2, "{w:?}");
    let seg = w.iter().find(|w| w.name == "conversationId").unwrap();
    assert_eq!(seg.belongs_at, Some(Level::Conversation));
    assert_eq!(
        seg.explanation.headline,
        "Move conversationId to conversationFilters"
    );
    let unknown = w.iter().find(|w| w.name == "tWait").unwrap();
    assert_eq!(unknown.belongs_at, None);
    assert!(unknown.explanation.detail.contains("UNVERIFIED"));
}

#[test]
fn check_query_walks_clauses_too() {
    let q: ConversationQuery = serde_json::from_value(json!({
        "interval": "2026-05-12T00:00:00.000Z/2026-05-13T00:00:00.000Z",
        "conversationFilters": [{ "type": "or", "clauses": [{ "type": "and", "predicates": [
            { "dimension": "ani", "value": "tel:+13175550199" } ] }] }],
        "segmentFilters": [{ "type": "and", "predicates": [ { "dimension": "mediaType", "value": "voice" } ] }]
    }))
    .unwrap();
    let w = levels::check_query(&q);
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0].path,
        "conversationFilters[0].clauses[0].predicates[0].dimension"
    );
    assert_eq!(w[0].explanation.headline, "Move ani to segmentFilters");
}

#[test]
fn form_errors_are_typed_and_keep_what_was_typed() {
    let mut f = form();
    assert!(f.set_interval("2026-05-12 to 2026-05-13").is_err());
    assert_eq!(f.interval, "2026-05-12 to 2026-05-13");
    assert!(matches!(f.to_query(), Err(FormError::Interval(_))));
    f.set_interval("2026-05-12T00:00:00Z/PT24H").unwrap();
    assert!(f.to_query().is_ok());
    assert_eq!(f.set_paging(0, 1), Err(FormError::PageSize(0)));
    assert_eq!(f.set_paging(25, 0), Err(FormError::PageNumber(0)));
    assert_eq!(f.page_size, 25);
    f.set_paging(100, 3).unwrap();
    assert_eq!(f.to_query().unwrap().paging.unwrap().page_number, Some(3));
    f.add_predicate(PredicateRow::dimension(Level::Segment, "mediaType", " "));
    assert_eq!(f.to_query(), Err(FormError::MissingValue(0)));
    f.predicate_mut(0).unwrap().operator = Operator::Exists;
    assert!(f.to_query().is_ok());
    assert_eq!(f.remove_predicate(5), Err(FormError::NoSuchPredicate(5)));
    f.remove_predicate(0).unwrap();
    f.conversation_id = "not-an-id".into();
    assert!(matches!(f.to_query(), Err(FormError::ConversationId(_))));
    f.conversation_id = String::new();
    let q = f.to_query().unwrap();
    assert!(q.conversation_filters.is_none());
    assert!(!f.has_filter());
}

#[test]
fn require_conversation_end_toggles_one_exists_predicate() {
    let mut f = form();
    f.set_require_conversation_end(true);
    f.set_require_conversation_end(true);
    assert!(f.requires_conversation_end());
    let body: serde_json::Value = serde_json::from_str(&f.to_json().unwrap()).unwrap();
    let preds = body["conversationFilters"][0]["predicates"]
        .as_array()
        .unwrap();
    assert_eq!(preds.len(), 2);
    assert_eq!(
        preds[1],
        json!({ "type": "dimension", "dimension": "conversationEnd", "operator": "exists" })
    );
    f.set_require_conversation_end(false);
    assert!(!f.requires_conversation_end());
    assert_eq!(f.predicates.len(), 0);
}

#[test]
fn lab_sources_are_readable_public_links() {
    for s in lens::query_lab::sources::ALL {
        assert!(
            s.href.starts_with("https://"),
            "{} has no public link",
            s.label
        );
        assert_eq!(
            lens::source::internal_code(s.label),
            None,
            "{} shows an internal code",
            s.label
        );
    }
    // The community project's observation is not Genesys documentation.
    const {
        assert!(!lens::query_lab::sources::WRONG_LEVEL_IGNORED.verified);
        assert!(!lens::query_lab::sources::TUTORIAL_2020_LIMITS.verified);
    }
}
