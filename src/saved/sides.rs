//! Between the saved file and the lookup state: a saved side becomes an [`Exchange`] the panels
//! and tabs read unchanged, and the current sides become what the exports write.

use std::sync::Arc;

use lens::saved::{Saved, SavedSide};
use serde_json::Value;

use crate::error::AppError;
use crate::logic::decode::{Exchange, Origin};
use crate::logic::route;
use crate::logic::side::Side;
use crate::state::{Lookup, SideState};

/// The exchange a saved side stands for (no request is made).
#[must_use]
pub fn exchange(side: Side, id: &str, s: &SavedSide) -> Exchange {
    let raw = match &s.body {
        Value::String(t) => t.clone(),
        Value::Null => String::new(),
        v => serde_json::to_string_pretty(v).unwrap_or_default(),
    };
    let mut ex = Exchange::new(
        side,
        id,
        route::api_path(side, id),
        s.status.unwrap_or(200),
        0.0,
        raw,
    );
    ex.result.body = s.body.clone();
    ex.result.correlation_id = s.correlation_id.clone();
    ex.origin = if s.status.is_some() {
        Origin::Export
    } else {
        Origin::Body
    };
    ex.redecode(id);
    ex
}

/// What a side shows when opened from a file: its body, or "not in the saved file".
#[must_use]
pub fn state(side: Side, id: &str, s: Option<&SavedSide>) -> SideState {
    match s {
        Some(s) => SideState::Done(Arc::new(exchange(side, id, s))),
        None => SideState::Failed(AppError::NotSaved),
    }
}

/// Show `saved` in `lookup` (a second source of the two sides, beside the network).
pub fn install(lookup: &Lookup, saved: &Saved) {
    lookup.cancel();
    let id = &saved.conversation_id;
    for side in Side::BOTH {
        let s = match side {
            Side::Conversations => saved.conversations.as_ref(),
            Side::Analytics => saved.analytics.as_ref(),
        };
        lookup.place(side, state(side, id, s));
    }
}

/// One side as the export writes it; `None` when there is no HTTP answer.
#[must_use]
pub fn saved_side(state: &SideState) -> Option<SavedSide> {
    let ex = state.exchange()?;
    Some(SavedSide {
        status: (ex.origin != Origin::Body).then(|| ex.status()),
        correlation_id: ex.result.correlation_id.clone(),
        body: ex.result.body.clone(),
    })
}

/// Both sides as the export writes them.
#[must_use]
pub fn saved(id: &str, conversations: &SideState, analytics: &SideState) -> Saved {
    Saved {
        conversation_id: id.to_owned(),
        conversations: saved_side(conversations),
        analytics: saved_side(analytics),
    }
}

/// True when what is shown came from a file (nothing was called).
#[must_use]
pub fn from_file(conversations: &SideState, analytics: &SideState) -> bool {
    [conversations, analytics]
        .into_iter()
        .filter_map(SideState::exchange)
        .any(|ex| ex.origin != Origin::Fetched)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "cdbfad55-ef8f-47b0-b9a5-8877b63e6ea4";

    #[test]
    fn a_saved_side_reads_like_a_fetched_one_and_back() {
        let body = serde_json::json!({"id": ID, "participants": []});
        let fetched = SavedSide {
            status: Some(200),
            correlation_id: Some("corr-1".to_owned()),
            body: body.clone(),
        };
        let ex = exchange(Side::Conversations, ID, &fetched);
        assert_eq!(ex.origin, Origin::Export);
        assert_eq!(ex.conversation().and_then(|c| c.id.as_deref()), Some(ID));
        assert_eq!(ex.result.correlation_id.as_deref(), Some("corr-1"));
        let st = SideState::Done(Arc::new(ex));
        assert_eq!(saved_side(&st), Some(fetched));

        let bare = SavedSide::from_file(body);
        let st = state(Side::Conversations, ID, Some(&bare));
        assert_eq!(saved_side(&st), Some(bare), "a file body keeps no status");
        assert!(from_file(&st, &SideState::Idle));
        assert_eq!(
            state(Side::Analytics, ID, None),
            SideState::Failed(AppError::NotSaved)
        );
        assert_eq!(saved_side(&SideState::Failed(AppError::NotSaved)), None);
    }

    #[test]
    fn an_error_answer_stays_an_error() {
        let s = SavedSide {
            status: Some(404),
            correlation_id: None,
            body: serde_json::json!({"status": 404, "code": "not.found", "message": "gone"}),
        };
        let ex = exchange(Side::Analytics, ID, &s);
        assert_eq!(
            ex.error_body().and_then(|b| b.code.as_deref()),
            Some("not.found")
        );
    }
}
