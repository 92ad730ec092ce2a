//! Optional access token of the user's own (e.g. a limited demo client, or a real org token).
//! Kept in memory only; sent per request as `Authorization: Bearer` and forwarded by the server.

use leptos::prelude::*;

use crate::api::UserToken;
use crate::state::app_state;

#[component]
pub fn TokenDrawer(on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let (text, set_text) = signal(String::new());
    let apply = move || {
        state.token.set(UserToken::parse(&text.get_untracked()));
        set_text.set(String::new());
    };
    view! {
        <section id="token-drawer" class="drawer" aria-labelledby="token-drawer-title">
            <h2 id="token-drawer-title" class="drawer-title">"Use your own access token"</h2>
            <p class="muted">
                "By default the companion server calls Genesys Cloud with its own client-credentials token. "
                "Paste a token here to make both calls with yours instead — for example one from a client that lacks a permission, to see the 403 it causes. "
                "The token stays in this tab's memory only: it is sent with each lookup as "
                <code>"Authorization: Bearer …"</code>
                ", forwarded by the server for that request, and never stored (not in localStorage, not on the server, not in logs). Reloading the page forgets it."
            </p>
            <form class="drawer-form" on:submit=move |ev| { ev.prevent_default(); apply(); }>
                <label for="token-input">"Access token"</label>
                <div class="row">
                    <input
                        id="token-input"
                        type="password"
                        autocomplete="off"
                        spellcheck="false"
                        class="input"
                        prop:value=move || text.get()
                        on:input:target=move |ev| set_text.set(ev.target().value())
                    />
                    <button type="submit" class="btn btn-primary">"Use token"</button>
                </div>
            </form>
            <div class="row drawer-footer">
                <span role="status">
                    {move || if state.token.with(Option::is_some) { "A token of yours is in use for lookups." } else { "No token of yours: the server's own token is used." }}
                </span>
                <button type="button" class="btn" disabled=move || state.token.with(Option::is_none) on:click=move |_| state.token.set(None)>
                    "Forget token"
                </button>
                <button type="button" class="btn" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </section>
    }
}
