//! "Sign in with Genesys Cloud" (Authorization Code grant with PKCE), in the token drawer: the
//! region, the OAuth client id (remembered in this browser; an id, not a secret), the redirect
//! URI to register, and the button. Signed in: who, and "Sign out".

use lens::pkce::ClientId;
use lens::region::REGIONS;
use leptos::prelude::*;

use crate::api::signin;
use crate::components::source_link::SourceList;
use crate::logic::sign_in::region_of_login;
use crate::state::app_state;

/// The value of the region picker for the demo org.
const DEMO: &str = "demo";

/// Path and query of this page, to come back to after signing in.
fn here() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| "/".to_owned())
}

/// Start a sign-in with the server's login host; the error sentence if it cannot start.
pub fn start_sign_in(client_text: &str) -> Result<(), String> {
    let id = ClientId::parse(client_text).map_err(|e| e.to_string())?;
    let login = app_state()
        .health
        .with_untracked(|h| h.as_ref().and_then(|h| h.as_ref().ok()?.login_url.clone()))
        .ok_or("The server has not said where its login host is yet (still connecting, or an older server). Reload and try again.")?;
    signin::start(&login, &id, &here())
}

#[component]
pub fn SignInPanel() -> impl IntoView {
    let state = app_state();
    let health = move || {
        state
            .health
            .with(|h| h.as_ref().and_then(|h| h.as_ref().ok().cloned()))
    };
    let is_demo = move || health().is_some_and(|h| h.is_demo());
    // The region the server talks to: the only one whose tokens its proxy can use.
    let server_region = move || {
        if is_demo() {
            Some(DEMO.to_owned())
        } else {
            health()
                .and_then(|h| h.login_url)
                .and_then(|u| region_of_login(&u).map(str::to_owned))
        }
    };
    let picked = RwSignal::new(None::<String>);
    let region = move || picked.get().or_else(server_region);
    let mismatch = move || match (region(), server_region()) {
        (Some(r), Some(s)) => r != s,
        _ => false,
    };
    let client = RwSignal::new(signin::remembered_client_id().unwrap_or_default());
    // Demo mode: the demo org's sign-in client, so one click is enough.
    Effect::new(move |_| {
        if let Some(id) = health()
            .filter(|h| h.is_demo())
            .and_then(|h| h.sign_in_client_id)
            && client.with_untracked(String::is_empty)
        {
            client.set(id);
        }
    });
    let error = RwSignal::new(None::<String>);
    let submit = move || {
        error.set(None);
        if let Err(e) = start_sign_in(&client.get_untracked()) {
            error.set(Some(e));
        }
    };
    let signed_in = move || {
        state
            .token
            .with(|t| t.as_ref().and_then(|t| t.signed_in_as().map(str::to_owned)))
    };
    let redirect = signin::redirect_uri();
    view! {
        <section class="signin" aria-labelledby="signin-title">
            <h3 id="signin-title" class="signin-title">"Sign in with Genesys Cloud"</h3>
            {move || match signed_in() {
                Some(name) => view! {
                    <div class="row signin-done">
                        <span role="status">{format!("Signed in as {name}.")}</span>
                        <button type="button" class="btn" on:click=move |_| state.token.set(None)>"Sign out"</button>
                    </div>
                    <p class="muted small">"Lookups use your own token, with your permissions. It lives in this tab's memory only: reloading the page or closing the tab signs you out."</p>
                }.into_any(),
                None => view! {
                    <p class="muted small">
                        "Use your own Genesys Cloud user instead of the server's client: sign in with an OAuth client of grant type Code Authorization (PKCE; no secret). "
                        "The token stays in this tab's memory only — never in web storage, never on the server — so a reload signs you out."
                    </p>
                    <form class="drawer-form signin-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                        <label for="signin-region">"Region"</label>
                        <select
                            id="signin-region"
                            class="input"
                            on:change:target=move |ev| picked.set(Some(ev.target().value()))
                            prop:value=move || region().unwrap_or_default()
                        >
                            {move || if is_demo() {
                                view! { <option value=DEMO>"Demo org (this server)"</option> }.into_any()
                            } else {
                                REGIONS.iter().map(|r| view! {
                                    <option value=r.key>{format!("{} — login.{}", r.key, r.domain)}</option>
                                }).collect_view().into_any()
                            }}
                        </select>
                        <Show when=mismatch>
                            <p class="drawer-error" role="alert">
                                {move || format!(
                                    "This server forwards lookups to {}; a token from another region would be refused there. Pick {} or restart the server with GENESYSCLOUD_REGION set to your region.",
                                    server_region().unwrap_or_default(),
                                    server_region().unwrap_or_default()
                                )}
                            </p>
                        </Show>
                        <label for="signin-client">"OAuth client id"</label>
                        <div class="row">
                            <input
                                id="signin-client"
                                class="input"
                                autocomplete="off"
                                spellcheck="false"
                                placeholder="00000000-0000-0000-0000-000000000000"
                                prop:value=move || client.get()
                                on:input:target=move |ev| client.set(ev.target().value())
                            />
                            <button type="submit" class="btn btn-primary" disabled=mismatch>"Sign in"</button>
                        </div>
                        <p class="muted small">
                            "The client must allow this redirect URI exactly: " <code class="signin-redirect">{redirect.clone()}</code>
                            ". The client id is remembered in this browser; nothing else is."
                        </p>
                    </form>
                    {move || error.get().map(|e| view! { <p class="drawer-error" role="alert">{e}</p> })}
                    <SourceList sources=vec![lens::sources::PKCE, lens::pkce::sources::CREATE_OAUTH_CLIENT, lens::pkce::sources::RFC_7636]/>
                }.into_any(),
            }}
        </section>
    }
}
