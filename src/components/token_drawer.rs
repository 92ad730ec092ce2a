//! Optional access token of the user's own: one of the demo org's limited clients (one click, in
//! demo mode) or any pasted token. Kept in memory only; sent per request as
//! `Authorization: Bearer` and forwarded by the server. Changing it re-runs the open lookup
//! (`src/pages/lens.rs` watches the token).

use leptos::prelude::*;

use crate::api::{UserToken, demo_client_token};
use crate::components::source_link::SourceList;
use crate::logic::demo_clients::{PERSONAS, Persona};
use crate::state::app_state;

/// Where a demo client's token request stands.
#[derive(Debug, Clone, PartialEq)]
enum Fetch {
    Idle,
    Busy(&'static str),
    Failed { client: &'static str, why: String },
}

#[component]
pub fn TokenDrawer(on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let (text, set_text) = signal(String::new());
    // A demo client's token is fetched by an `Action`: only the latest click's answer is kept
    // (two quick clicks must not race), and choosing the server's own token is a click too.
    let token_fetch = Action::new_local(|client: &Option<&'static str>| {
        let client = *client;
        async move {
            match client {
                Some(c) => Some((c, demo_client_token(c).await)),
                None => None,
            }
        }
    });
    let fetch = Memo::new(move |_| {
        if token_fetch.pending().get() {
            return token_fetch
                .input()
                .get()
                .flatten()
                .map_or(Fetch::Idle, Fetch::Busy);
        }
        match token_fetch.value().get() {
            Some(Some((client, Err(e)))) => Fetch::Failed {
                client,
                why: e.to_string(),
            },
            _ => Fetch::Idle,
        }
    });
    Effect::new(move |_| {
        if let Some(Some((_, Ok(t)))) = token_fetch.value().get() {
            state.token.set(Some(t));
        }
    });
    let apply = move || {
        token_fetch.clear();
        state.token.set(UserToken::parse(&text.get_untracked()));
        set_text.set(String::new());
    };
    let choose = move |p: &'static Persona| {
        if p.is_servers_own {
            token_fetch.dispatch_local(None);
            state.token.set(None);
            return;
        }
        token_fetch.dispatch_local(Some(p.client));
    };
    let is_demo = move || {
        state
            .health
            .with(|h| matches!(h, Some(Ok(h)) if h.is_demo()))
    };
    let needs_sign_in = move || {
        state
            .health
            .with(|h| matches!(h, Some(Ok(h)) if h.needs_sign_in()))
    };
    let in_use = move || {
        state.token.with(|t| match t {
            None if is_demo() => {
                "Lookups use the server's own token (demo client lens-demo-full).".to_owned()
            }
            None if needs_sign_in() => "No token yet, and this server holds no credentials: sign in with Genesys Cloud above or paste a token here to read your org.".to_owned(),
            None => "No token of yours: lookups use the server's own token.".to_owned(),
            Some(t) if t.signed_in_as().is_some() => format!(
                "Lookups use your signed-in token ({}).",
                t.signed_in_as().unwrap_or_default()
            ),
            Some(t) => match t.demo_client() {
                Some(c) => format!("Lookups use a token of demo client {c}."),
                None => "A token of yours is in use for lookups (the one you pasted).".to_owned(),
            },
        })
    };
    view! {
        <section id="token-drawer" class="drawer" aria-labelledby="token-drawer-title">
            <h2 id="token-drawer-title" class="drawer-title">"Use your own access token"</h2>
            <p class="muted">
                {move || if needs_sign_in() {
                    "This server holds no credentials (started with a region only): it reads your org only with a token of yours. Sign in with Genesys Cloud (no secret needed) or paste one. "
                } else {
                    "By default the companion server calls Genesys Cloud with its own client-credentials token. Use another one to see what a client with fewer permissions sees — the 403 it causes and the permission it lacks. "
                }}
                "The token stays in this tab's memory only: it is sent with each lookup as "
                <code>"Authorization: Bearer …"</code>
                ", forwarded by the server for that request, and never stored (not in localStorage, not on the server, not in logs). Reloading the page forgets it. "
                "Changing it looks the open conversation up again."
            </p>
            <super::sign_in_panel::SignInPanel/>
            <Show when=is_demo>
                <fieldset class="personas">
                    <legend class="personas-legend">"Try a demo client"</legend>
                    <p class="muted small">
                        "The demo org has four OAuth clients with different permissions. One click gets that client's token (the server signs in with its credentials) and looks the open conversation up again."
                    </p>
                    <ul class="persona-list">
                        {PERSONAS.iter().map(|p| {
                            let sees_id = format!("persona-{}-sees", p.client);
                            let pressed = move || state.token.with(|t| match t {
                                None => p.is_servers_own,
                                Some(t) => t.demo_client() == Some(p.client),
                            });
                            view! {
                                <li class="persona">
                                    <button
                                        type="button"
                                        class="btn persona-btn"
                                        aria-pressed=move || if pressed() { "true" } else { "false" }
                                        aria-describedby=sees_id.clone()
                                        disabled=move || fetch.with(|f| matches!(f, Fetch::Busy(_)))
                                        on:click=move |_| choose(p)
                                    >
                                        {p.title}
                                    </button>
                                    <code class="persona-client">{p.client}</code>
                                    <p id=sees_id class="persona-sees">{p.sees}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <SourceList sources=vec![lens::sources::CONVERSATIONS_GET, lens::sources::ANALYTICS_ENDPOINTS, lens::sources::ROLES_NOT_SCOPES]/>
                </fieldset>
            </Show>
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
            {move || match fetch.get() {
                Fetch::Failed { client, why } => view! {
                    <p class="drawer-error" role="alert">
                        {format!("Could not get a token for {client}: {why} Try again, or paste a token above.")}
                    </p>
                }.into_any(),
                _ => ().into_any(),
            }}
            <div class="row drawer-footer">
                <span role="status">
                    {move || match fetch.get() {
                        Fetch::Busy(c) => format!("Getting a token for {c}…"),
                        _ => in_use(),
                    }}
                </span>
                <button type="button" class="btn" disabled=move || state.token.with(Option::is_none) on:click=move |_| { token_fetch.clear(); state.token.set(None); }>
                    "Forget token"
                </button>
                <button type="button" class="btn" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </section>
    }
}
