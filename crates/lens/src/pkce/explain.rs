//! Plain-words explanations of what goes wrong when signing in, each claim with its source.

use super::sources::{
    CREATE_OAUTH_CLIENT, RFC_6749_AUTHORIZE_ERRORS, RFC_6749_STATE, RFC_6749_TOKEN_ERRORS, RFC_7636,
};
use crate::source::{Claim, Source};

/// Something that stopped a sign-in (or ended one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInProblem<'a> {
    /// The authorize endpoint redirected back with `error` (RFC 6749 §4.1.2.1).
    Authorize {
        error: &'a str,
        description: Option<&'a str>,
    },
    /// `POST /oauth/token` answered an RFC 6749 §5.2 error.
    Token {
        status: u16,
        error: &'a str,
        description: Option<&'a str>,
    },
    /// The callback's `state` is not the one this tab sent, or the tab started no sign-in.
    StateMismatch,
    /// An API call with the signed-in token answered 401: the token expired or was revoked.
    Expired,
}

/// What the app shows for a [`SignInProblem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInHelp {
    pub title: String,
    /// What it means, in plain words.
    pub meaning: Vec<Claim>,
    /// What to do, in order.
    pub what_to_do: Vec<Claim>,
    /// The server's own words (`error: error_description`), verbatim.
    pub server_said: Option<String>,
}

const SIGN_IN_AGAIN: &str = "Sign in again: the app starts a fresh sign-in with a new code.";

/// Explain `problem`.
#[must_use]
pub fn explain(problem: &SignInProblem<'_>) -> SignInHelp {
    match problem {
        SignInProblem::Authorize { error, description } => {
            from_code(error, *description, RFC_6749_AUTHORIZE_ERRORS)
        }
        SignInProblem::Token {
            error, description, ..
        } => from_code(error, *description, RFC_6749_TOKEN_ERRORS),
        SignInProblem::StateMismatch => help(
            "This sign-in answer was not started here",
            vec![Claim::new(
                "The state sent back does not match the one this tab sent, so the code could belong to someone else's sign-in (cross-site request forgery). The app did not use it.",
                RFC_6749_STATE,
            )],
            vec![Claim::new(SIGN_IN_AGAIN, RFC_6749_STATE)],
            None,
        ),
        SignInProblem::Expired => help(
            "Your sign-in has expired",
            vec![Claim::new(
                "Genesys Cloud answered 401: the token from your sign-in is no longer valid. Tokens last as long as the OAuth client's token duration (300 to 172800 seconds), and the app never keeps them beyond this tab.",
                CREATE_OAUTH_CLIENT,
            )],
            vec![Claim::new(SIGN_IN_AGAIN, CREATE_OAUTH_CLIENT)],
            None,
        ),
    }
}

fn from_code(error: &str, description: Option<&str>, rfc: Source) -> SignInHelp {
    let said = Some(match description {
        Some(d) => format!("{error}: {d}"),
        None => error.to_owned(),
    });
    let mentions_redirect =
        description.is_some_and(|d| d.to_ascii_lowercase().contains("redirect"));
    let check_client = Claim::new(
        "In Genesys Cloud, open Admin > OAuth and check the client: its grant type is Code Authorization (PKCE), it belongs to the region you picked, and you copied its Client ID.",
        CREATE_OAUTH_CLIENT,
    );
    let check_redirect = Claim::new(
        "Add this app's callback address exactly as shown under Sign in (for example http://127.0.0.1:8080/auth/callback) to the client's Authorized redirect URIs: scheme, host, port and path must match.",
        CREATE_OAUTH_CLIENT,
    );
    match error {
        _ if mentions_redirect => help(
            "The redirect URI is not one the client allows",
            vec![Claim::new(
                "The authorization server only sends codes back to a redirect URI registered on the client, and only redeems a code for the same redirect URI it was issued to.",
                rfc,
            )],
            vec![check_redirect, Claim::new(SIGN_IN_AGAIN, rfc)],
            said,
        ),
        "invalid_client" => help(
            "Genesys Cloud does not know this client",
            vec![Claim::new(
                "The client id is unknown in this region, or the client is not allowed to sign people in without a secret.",
                rfc,
            )],
            vec![check_client],
            said,
        ),
        "unauthorized_client" | "unsupported_response_type" => help(
            "This client may not use the Authorization Code grant",
            vec![Claim::new(
                "The client exists but its grant type is not Code Authorization, so it cannot ask for a code.",
                rfc,
            )],
            vec![check_client],
            said,
        ),
        "invalid_grant" => help(
            "The sign-in code could not be used",
            vec![
                Claim::new(
                    "A code works once, for a short time, for the same client and redirect URI, and only with the code verifier whose challenge was sent when the sign-in started. One of these did not hold (a reload or a second tab can cause it).",
                    rfc,
                ),
                Claim::new(
                    "The verifier is checked by hashing it with SHA-256 and comparing it with the challenge.",
                    RFC_7636,
                ),
            ],
            vec![Claim::new(SIGN_IN_AGAIN, rfc)],
            said,
        ),
        "access_denied" => help(
            "Sign-in was refused",
            vec![Claim::new(
                "The person signing in (or their organization) did not allow this app to act for them.",
                rfc,
            )],
            vec![Claim::new(
                "Sign in again and approve, or ask your Genesys Cloud admin whether your user may use this OAuth client.",
                CREATE_OAUTH_CLIENT,
            )],
            said,
        ),
        "server_error" | "temporarily_unavailable" => help(
            "Genesys Cloud could not sign you in just now",
            vec![Claim::new(
                "The login service had a problem of its own; nothing is wrong with your client.",
                rfc,
            )],
            vec![Claim::new("Wait a moment, then sign in again.", rfc)],
            said,
        ),
        _ => help(
            "Sign-in failed",
            vec![Claim::new(
                "The login service refused the request; its own words are below.",
                rfc,
            )],
            vec![check_client, Claim::new(SIGN_IN_AGAIN, rfc)],
            said,
        ),
    }
}

fn help(
    title: &str,
    meaning: Vec<Claim>,
    what_to_do: Vec<Claim>,
    server_said: Option<String>,
) -> SignInHelp {
    SignInHelp {
        title: title.to_owned(),
        meaning,
        what_to_do,
        server_said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::internal_code;

    #[test]
    fn wrong_redirect_uri_is_named_whatever_the_error_code() {
        let h = explain(&SignInProblem::Token {
            status: 400,
            error: "invalid_grant",
            description: Some("redirect_uri does not match the one the code was issued to"),
        });
        assert!(h.title.contains("redirect URI"), "{}", h.title);
        assert!(h.what_to_do[0].text.contains("Authorized redirect URIs"));
        let h = explain(&SignInProblem::Authorize {
            error: "invalid_request",
            description: Some("Invalid redirect_uri"),
        });
        assert!(h.title.contains("redirect URI"));
    }

    #[test]
    fn unknown_client_and_reused_code_and_expiry() {
        let h = explain(&SignInProblem::Token {
            status: 401,
            error: "invalid_client",
            description: None,
        });
        assert!(h.title.contains("does not know this client"));
        assert_eq!(h.server_said.as_deref(), Some("invalid_client"));
        assert!(h.what_to_do[0].text.contains("Code Authorization"));
        let h = explain(&SignInProblem::Token {
            status: 400,
            error: "invalid_grant",
            description: Some("code already used"),
        });
        assert!(
            h.what_to_do
                .iter()
                .any(|c| c.text.starts_with("Sign in again"))
        );
        let h = explain(&SignInProblem::Expired);
        assert!(h.title.contains("expired"));
        assert!(h.what_to_do[0].text.starts_with("Sign in again"));
        let h = explain(&SignInProblem::StateMismatch);
        assert!(h.meaning[0].text.contains("did not use it"));
    }

    #[test]
    fn every_claim_has_a_public_source_and_no_internal_code() {
        let problems = [
            SignInProblem::Authorize {
                error: "access_denied",
                description: None,
            },
            SignInProblem::Authorize {
                error: "unauthorized_client",
                description: None,
            },
            SignInProblem::Token {
                status: 503,
                error: "temporarily_unavailable",
                description: None,
            },
            SignInProblem::Token {
                status: 400,
                error: "something_new",
                description: Some("odd"),
            },
            SignInProblem::Expired,
            SignInProblem::StateMismatch,
        ];
        for p in &problems {
            let h = explain(p);
            assert!(!h.what_to_do.is_empty(), "{p:?}");
            for c in h.meaning.iter().chain(&h.what_to_do) {
                assert!(c.source.href.starts_with("https://"), "{c:?}");
                assert_eq!(internal_code(&c.text), None, "{c:?}");
                assert_eq!(internal_code(c.source.label), None, "{c:?}");
            }
        }
    }
}
