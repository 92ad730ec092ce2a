//! In the header while signed in: "Signed in as <name>", or — once Genesys answered 401 to the
//! signed-in token — a clear prompt to sign in again.

use leptos::prelude::*;

use super::sign_in_panel::start_sign_in;
use crate::api::signin::remembered_client_id;
use crate::state::app_state;

#[component]
pub fn SignInBadge() -> impl IntoView {
    let state = app_state();
    let who = move || {
        state.token.with(|t| {
            t.as_ref()
                .and_then(|t| t.signed_in_as().map(|n| (n.to_owned(), t.expired())))
        })
    };
    let error = RwSignal::new(None::<String>);
    let again = move |_| {
        let id = remembered_client_id().unwrap_or_default();
        if let Err(e) = start_sign_in(&id) {
            error.set(Some(e));
        }
    };
    move || {
        who().map(|(name, expired)| {
            if expired {
                view! {
                    <div class="signin-badge signin-expired" role="alert">
                        <span>{format!("Your sign-in as {name} has expired (Genesys answered 401).")}</span>
                        <button type="button" class="btn btn-primary" on:click=again>"Sign in again"</button>
                        <button type="button" class="btn" on:click=move |_| state.token.set(None)>"Sign out"</button>
                        {move || error.get().map(|e| view! { <span class="drawer-error">{e}</span> })}
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <span class="signin-badge" role="status" title="Your own token, in this tab's memory only: a reload signs you out.">
                        {format!("Signed in as {name}")}
                    </span>
                }
                .into_any()
            }
        })
    }
}
