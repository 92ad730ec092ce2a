//! `/auth/callback`: where Genesys Cloud (or the demo org's sign-in page) sends the browser back
//! with `code` and `state`. Checks the state against the sign-in this tab started, exchanges
//! the code, asks who signed in, keeps the token in memory (`AppState.token`) and returns to the
//! page the sign-in started from. Any problem is explained, with a way to sign in again.

use lens::pkce::explain::{SignInHelp, SignInProblem, explain};
use lens::pkce::{AuthorizeRequest, Callback, CallbackError, ClientId, PkceState, parse_callback};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::UserToken;
use crate::api::signin::{self, ExchangeFailure};
use crate::components::sign_in_help::SignInHelpView;
use crate::state::app_state;

/// Why this callback did not sign anyone in.
#[derive(Debug, Clone, PartialEq)]
enum Failed {
    Help(SignInHelp),
    Message(String),
}

/// Everything after the redirect back; `Ok` = the path to return to.
async fn finish(
    query: String,
    pending: Option<crate::logic::sign_in::Pending>,
) -> Result<(UserToken, String), Failed> {
    let callback = parse_callback(&query).map_err(|e| Failed::Message(e.to_string()))?;
    if let Callback::Error {
        error, description, ..
    } = &callback
    {
        return Err(Failed::Help(explain(&SignInProblem::Authorize {
            error,
            description: description.as_deref(),
        })));
    }
    let expected = pending.as_ref().and_then(|p| PkceState::stored(&p.state));
    let code = match callback.code_for(expected.as_ref()) {
        Ok(Some(code)) => code.to_owned(),
        Ok(None) | Err(CallbackError::Empty) => {
            return Err(Failed::Message(CallbackError::Empty.to_string()));
        }
        Err(CallbackError::StateMismatch) => {
            return Err(Failed::Help(explain(&SignInProblem::StateMismatch)));
        }
    };
    let Some(p) = pending else {
        return Err(Failed::Help(explain(&SignInProblem::StateMismatch)));
    };
    let client = ClientId::parse(&p.client_id).map_err(|e| Failed::Message(e.to_string()))?;
    let form = AuthorizeRequest {
        login_base: "",
        client_id: &client,
        redirect_uri: &p.redirect_uri,
        code_challenge: "",
        state: &p.state,
    }
    .token_form(&code, &p.verifier);
    let access = signin::exchange(&form).await.map_err(|f| match f {
        ExchangeFailure::OAuth {
            status,
            error,
            description,
        } => Failed::Help(explain(&SignInProblem::Token {
            status,
            error: &error,
            description: description.as_deref(),
        })),
        ExchangeFailure::App(e) => Failed::Message(e.to_string()),
    })?;
    let unnamed = UserToken::signed_in(access.clone(), String::new());
    let name = signin::who_am_i(&unnamed)
        .await
        .ok()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "your Genesys Cloud user".to_owned());
    Ok((UserToken::signed_in(access, name), p.return_to))
}

#[component]
pub fn AuthCallbackPage() -> impl IntoView {
    let state = app_state();
    let navigate = use_navigate();
    // Read (and remove) what the round trip left, once, before anything else can.
    let query = signin::take_callback_query();
    let pending = signin::take_pending();
    let outcome = LocalResource::new(move || finish(query.clone(), pending.clone()));
    Effect::new(move |_| {
        if let Some(Ok((token, return_to))) = outcome.get() {
            state.token.set(Some(token));
            navigate(
                &return_to,
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    view! {
        <section class="card signin-callback" aria-live="polite">
            <h1>"Signing in"</h1>
            {move || match outcome.get() {
                None => view! { <p role="status">"Finishing the sign-in with Genesys Cloud…"</p> }.into_any(),
                Some(Ok((_, _))) => view! { <p role="status">"Signed in. Taking you back…"</p> }.into_any(),
                Some(Err(Failed::Help(help))) => view! {
                    <SignInHelpView help=help/>
                    <p><A href="/">"Back to the start"</A> " — open " <strong>"Access token"</strong> " and press " <strong>"Sign in"</strong> " to try again."</p>
                }.into_any(),
                Some(Err(Failed::Message(m))) => view! {
                    <p class="drawer-error" role="alert">{m}</p>
                    <p><A href="/">"Back to the start"</A></p>
                }.into_any(),
            }}
        </section>
    }
}
