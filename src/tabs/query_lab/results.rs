//! The query's answer: `totalHits` and a table of the conversations it returned.

use leptos::prelude::*;
use model::analytics::AnalyticsConversationWithoutAttributes;

use super::RunState;
use super::run_details::RunDetails;

/// One table row, derived from an analytics conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub start: String,
    pub end: String,
    pub direction: String,
    pub media: String,
    pub participants: String,
}

#[must_use]
pub fn row(c: &AnalyticsConversationWithoutAttributes) -> Row {
    let time = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map_or_else(|| "—".to_owned(), |t| model::time::to_wire(&t))
    };
    let participants = c.participants.as_deref().unwrap_or_default();
    let mut media: Vec<String> = participants
        .iter()
        .flat_map(|p| p.sessions.iter().flatten())
        .filter_map(|s| s.media_type.as_ref().map(|m| m.as_str().to_owned()))
        .collect();
    media.sort();
    media.dedup();
    let purposes: Vec<String> = participants
        .iter()
        .filter_map(|p| p.purpose.as_ref().map(|x| x.as_str().to_owned()))
        .collect();
    Row {
        id: c.conversation_id.clone().unwrap_or_default(),
        start: time(c.conversation_start),
        end: c.conversation_end.map_or_else(
            || "— (in progress)".to_owned(),
            |t| model::time::to_wire(&t),
        ),
        direction: c
            .originating_direction
            .as_ref()
            .map_or_else(|| "—".to_owned(), |d| d.as_str().to_owned()),
        media: if media.is_empty() {
            "—".to_owned()
        } else {
            media.join(", ")
        },
        participants: format!("{} ({})", participants.len(), purposes.join(", ")),
    }
}

#[component]
pub fn Results(run: Memo<RunState>, id: Signal<String>) -> impl IntoView {
    view! {
        {move || match run.get() {
            RunState::Idle | RunState::Running => ().into_any(),
            RunState::Failed(e) => view! { <p class="form-error" role="alert" data-testid="query-failed">{e}</p> }.into_any(),
            RunState::Done { answer, .. } if !answer.ok() => view! {
                <p class="form-error" role="alert" data-testid="query-status">{answer.error_line()}</p>
                <RunDetails answer/>
            }.into_any(),
            done @ RunState::Done { .. } => {
                let resp = done.response().unwrap_or_default();
                let rows: Vec<Row> = resp.conversations.iter().flatten().map(row).collect();
                let me = id.get_untracked();
                let answer = match &done {
                    RunState::Done { answer, .. } => Some(answer.clone()),
                    _ => None,
                };
                view! {
                    <section class="lab-results" aria-labelledby="lab-results-title" data-testid="query-results">
                        <h3 id="lab-results-title" class="section-title">
                            "Results — totalHits " <span data-testid="total-hits">{resp.total_hits.unwrap_or(0)}</span>
                        </h3>
                        {answer.map(|answer| view! { <RunDetails answer/> })}
                        {if rows.is_empty() {
                            view! { <p class="muted" data-testid="no-results">"No conversations came back (the conversations array is absent)."</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap">
                                <table class="table">
                                    <thead><tr>
                                        <th scope="col">"conversationId"</th><th scope="col">"conversationStart"</th>
                                        <th scope="col">"conversationEnd"</th><th scope="col">"originatingDirection"</th>
                                        <th scope="col">"media types"</th><th scope="col">"participants"</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| {
                                            let mine = r.id == me;
                                            view! {
                                                <tr class:row-mine=mine data-testid="result-row">
                                                    <td class="mono">{r.id}</td><td class="mono">{r.start}</td><td class="mono">{r.end}</td>
                                                    <td>{r.direction}</td><td>{r.media}</td><td>{r.participants}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                </div>
                            }.into_any()
                        }}
                    </section>
                }.into_any()
            }
        }}
    }
}
