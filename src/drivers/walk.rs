//! The paging walk's driver: fetch page after page of the details query (one request at a
//! time, at most [`MAX_PAGES`]), hand each to `lens::query_lab::paging` and report progress.
//! Run as the lab's walk `Action`.

use lens::query_lab::builder::{FormError, QueryForm};
use lens::query_lab::paging::{self, Page, WalkReport};
use leptos::prelude::*;
use model::analytics::AnalyticsConversationQueryResponse;
use serde::Deserialize;

use crate::api::{UserToken, http};
use crate::logic::route::DETAILS_QUERY_PATH as QUERY_PATH;

/// Stop after this many pages: the walk is a demonstration, not an export.
pub const MAX_PAGES: i64 = 40;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum WalkState {
    #[default]
    Idle,
    Walking {
        pages: Vec<Page>,
    },
    Done {
        report: Box<WalkReport>,
        stopped: Option<String>,
    },
}

/// Walk every page of `f` (its `page_number` is set per page); a closed tab ends the walk.
pub async fn walk(mut f: QueryForm, token: Option<UserToken>, walk: RwSignal<WalkState>) {
    let mut pages = Vec::new();
    let mut stopped = None;
    for n in 1..=MAX_PAGES {
        f.page_number = n;
        let Ok(body) = f
            .to_query()
            .and_then(|q| serde_json::to_value(q).map_err(|e| FormError::Encode(e.to_string())))
        else {
            stopped = Some("The form is not valid; fix the fields above.".to_owned());
            break;
        };
        let answer = match http::post(QUERY_PATH, &body, token.clone()).await {
            Ok(a) if a.ok() => a,
            Ok(a) => {
                stopped = Some(a.error_line());
                break;
            }
            Err(e) => {
                stopped = Some(e.to_string());
                break;
            }
        };
        let resp =
            AnalyticsConversationQueryResponse::deserialize(&answer.body).unwrap_or_default();
        let page = Page {
            page_number: n,
            total_hits: resp.total_hits,
            ids: resp
                .conversations
                .iter()
                .flatten()
                .filter_map(|c| c.conversation_id.clone())
                .collect(),
        };
        let more = paging::has_more(&page, f.page_size);
        pages.push(page);
        if walk
            .try_set(WalkState::Walking {
                pages: pages.clone(),
            })
            .is_some()
        {
            return; // the tab was closed
        }
        if !more {
            break;
        }
        if n == MAX_PAGES {
            stopped = Some(format!("Stopped after {MAX_PAGES} pages."));
        }
    }
    walk.try_set(WalkState::Done {
        report: Box::new(paging::account(&pages)),
        stopped,
    });
}
