//! Citations for the sign-in explanations (public pages only).

use crate::source::Source;

/// RFC 7636: the code verifier (43-128 unreserved characters) and the S256 challenge.
pub const RFC_7636: Source = Source::verified(
    "RFC 7636 — Proof Key for Code Exchange (PKCE)",
    "https://www.rfc-editor.org/rfc/rfc7636",
);
/// RFC 6749 §4.1.2.1: errors the authorize endpoint sends back to the redirect URI, and when it
/// must not redirect at all (bad `redirect_uri` or `client_id`).
pub const RFC_6749_AUTHORIZE_ERRORS: Source = Source::verified(
    "RFC 6749 section 4.1.2.1 — Authorization error response",
    "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1",
);
/// RFC 6749 §5.2: the token endpoint's error bodies (`invalid_grant`, `invalid_client`, …).
pub const RFC_6749_TOKEN_ERRORS: Source = Source::verified(
    "RFC 6749 section 5.2 — Token error response",
    "https://www.rfc-editor.org/rfc/rfc6749#section-5.2",
);
/// RFC 6749 §10.12: `state` protects the redirect against cross-site request forgery.
pub const RFC_6749_STATE: Source = Source::verified(
    "RFC 6749 section 10.12 — Cross-site request forgery (state)",
    "https://www.rfc-editor.org/rfc/rfc6749#section-10.12",
);
/// Creating the OAuth client: grant types ("Code Authorization"), redirect URIs, token lifetime;
/// client-credentials tokens cannot call user APIs such as `GET /api/v2/users/me`.
pub const CREATE_OAUTH_CLIENT: Source = Source::verified(
    "Genesys Cloud Resource Center — Create an OAuth client",
    "https://help.mypurecloud.com/articles/create-an-oauth-client/",
);
