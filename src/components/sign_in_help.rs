//! A sign-in problem explained: what happened, what it means, what to do, the server's words.

use lens::pkce::explain::SignInHelp;
use leptos::prelude::*;

use super::claim::ClaimList;

#[component]
pub fn SignInHelpView(help: SignInHelp) -> impl IntoView {
    view! {
        <div class="signin-help" role="alert">
            <h3 class="signin-help-title">{help.title}</h3>
            <ClaimList claims=help.meaning/>
            <h4 class="signin-help-sub">"What to do"</h4>
            <ClaimList claims=help.what_to_do/>
            {help.server_said.map(|s| view! {
                <p class="muted small">"The login service said: " <code>{s}</code></p>
            })}
        </div>
    }
}
