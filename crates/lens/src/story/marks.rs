//! What one side knows and the other does not (yet), marked on the sentence that says it.

use std::collections::BTreeMap;

use super::sentences::{Fact, Key, Kind};

/// How the two answers relate, for choosing "not … yet" over "not …".
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Analytics has no `conversationEnd` yet (or some segment is still open).
    pub analytics_open: bool,
}

/// The mark for each realtime fact and each analytics fact (same order as given).
#[must_use]
pub fn marks(rt: &[Fact], an: &[Fact], p: Progress) -> (Vec<Option<String>>, Vec<Option<String>>) {
    let rt_by: BTreeMap<&Key, &Fact> = rt.iter().map(|f| (&f.key, f)).collect();
    let an_by: BTreeMap<&Key, &Fact> = an.iter().map(|f| (&f.key, f)).collect();
    let an_has_participant = |id: &str| an.iter().any(|f| f.key.participant_id == id);
    let rt_marks = rt
        .iter()
        .map(|f| match an_by.get(&f.key) {
            None => {
                let late = p.analytics_open
                    || f.key.kind == Kind::Wrapup
                    || !an_has_participant(&f.key.participant_id);
                Some(
                    if late {
                        "not in analytics yet"
                    } else {
                        "not in analytics"
                    }
                    .to_owned(),
                )
            }
            Some(other) if !f.live && other.live => Some(
                if f.key.kind == Kind::Outcome {
                    "the end is not in analytics yet"
                } else {
                    "analytics still shows it going"
                }
                .to_owned(),
            ),
            Some(_) => None,
        })
        .collect();
    let an_marks = an
        .iter()
        .map(|f| match rt_by.get(&f.key) {
            None => Some("only in analytics".to_owned()),
            Some(other) if !f.live && other.live => {
                Some("the Conversations API still shows it going".to_owned())
            }
            Some(other) if f.key.kind == Kind::Wrapup && other.wrapup_named && !f.wrapup_named => {
                Some("wrap-up name: only in the Conversations API".to_owned())
            }
            Some(_) => None,
        })
        .collect();
    (rt_marks, an_marks)
}
