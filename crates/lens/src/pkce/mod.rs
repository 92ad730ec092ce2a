//! Sign-in with Genesys Cloud by the Authorization Code grant with PKCE, as pure functions: the
//! app supplies random bytes (`crypto.getRandomValues`) and its origin; this module turns them
//! into a code verifier, its S256 challenge, a `state`, the authorize URL, reads the callback
//! query, and explains the errors a person meets on the way.
//!
//! Parameters as the JavaScript SDK's `loginPKCEGrant` / `authorizePKCEGrant` send them
//! (`response_type=code`, `code_challenge`, `code_challenge_method=S256`, `state`; then
//! `grant_type=authorization_code, code, code_verifier, client_id, redirect_uri` with no secret).

pub mod authorize;
pub mod callback;
pub mod explain;
pub mod sources;
pub mod verifier;

pub use authorize::{AuthorizeRequest, ClientId, ClientIdError, redirect_uri_for};
pub use callback::{Callback, CallbackError, parse_callback};
pub use explain::{SignInProblem, explain};
pub use verifier::{CodeVerifier, PkceState, RandomError, challenge_s256};

/// Where the app receives the authorization code (a client-side route of the app).
pub const CALLBACK_PATH: &str = "/auth/callback";
