//! The org's analytics retention in the lab: read `GET /api/v2/analytics/dataretention/settings`
//! once per token, say what it means, warn when the interval reaches before the cutoff, and hand
//! `retentionDays` to "Why is it empty?". Reasoning lives in `lens::query_lab::retention`.

use chrono::Utc;
use lens::query_lab::builder::QueryForm;
use lens::query_lab::retention::{self, Retention, SETTINGS_PATH};
use leptos::prelude::*;

use crate::api::http;
use crate::components::explanation::ExplanationView;
use crate::state::app_state;

/// What the lab knows about retention. `None` while the settings GET is in flight.
pub type RetentionSignal = Signal<Option<Retention>>;

/// Read the setting now and again whenever the user's token changes (another token may hold
/// other permissions): a `LocalResource` keyed on the token.
#[must_use]
pub fn load() -> RetentionSignal {
    let state = app_state();
    let setting = LocalResource::new(move || {
        let token = state.token.get();
        async move {
            match http::get(SETTINGS_PATH, token).await {
                Ok(a) => Retention::from_answer(a.status, &a.body),
                Err(e) => Retention::Unreadable {
                    status: 0,
                    detail: e.to_string(),
                },
            }
        }
    });
    Signal::derive(move || setting.get())
}

fn state_name(r: Option<&Retention>) -> &'static str {
    match r {
        None => "loading",
        Some(Retention::Days { .. }) => "days",
        Some(Retention::NotSet) => "not-set",
        Some(Retention::NoPermission) => "no-permission",
        Some(Retention::Unreadable { .. }) => "unreadable",
    }
}

/// The setting, in one explanation.
#[component]
pub fn RetentionNote(retention: RetentionSignal) -> impl IntoView {
    view! {
        <details class="card lab-explain lab-retention" data-testid="retention"
            data-state=move || retention.with(|r| state_name(r.as_ref()))>
            <summary>
                {move || retention.with(|r| match r {
                    None => "Analytics retention: reading…".to_owned(),
                    Some(Retention::Days { days, .. }) => format!("Analytics retention: {days} days"),
                    Some(Retention::NotSet) => "Analytics retention: not set".to_owned(),
                    Some(Retention::NoPermission | Retention::Unreadable { .. }) => "Analytics retention: unknown".to_owned(),
                })}
            </summary>
            {move || retention.get().map(|r| view! { <ExplanationView e=r.explain(Utc::now())/> })}
        </details>
    }
}

/// Before running: the interval reaches back past the cutoff.
#[component]
pub fn RetentionWarning(retention: RetentionSignal, form: RwSignal<QueryForm>) -> impl IntoView {
    let warning = Memo::new(move |_| {
        retention.with(|r| {
            r.as_ref().and_then(|r| {
                form.with(|f| retention::interval_warning(&f.interval, r, Utc::now()))
            })
        })
    });
    move || {
        warning.get().map(|e| {
            view! {
                <div class="warning" role="alert" data-testid="retention-warning"><ExplanationView e/></div>
            }
        })
    }
}
