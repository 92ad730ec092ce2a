//! The client id a person types, the redirect URI, and the authorize URL the browser is sent to:
//! `<login>/oauth/authorize?response_type=code&client_id=…&redirect_uri=…&code_challenge=…&code_challenge_method=S256&state=…`.

use super::CALLBACK_PATH;

/// Why a typed client id was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientIdError {
    #[error("Enter the client id of your OAuth client (Admin > OAuth in Genesys Cloud).")]
    Empty,
    #[error(
        "A Genesys Cloud client id looks like 8-4-4-4-12 hexadecimal digits (e.g. 6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a05). Copy the Client ID from the client's page in Admin > OAuth; the secret is not needed."
    )]
    NotAnId,
}

/// An OAuth client id (Genesys issues GUIDs). Not a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientId(String);

impl ClientId {
    /// Accepts a GUID, with surrounding spaces or quotes people paste along.
    ///
    /// # Errors
    /// When the text is empty or not a GUID.
    pub fn parse(text: &str) -> Result<Self, ClientIdError> {
        let t = text.trim().trim_matches(['"', '\'']).trim();
        if t.is_empty() {
            return Err(ClientIdError::Empty);
        }
        let groups: Vec<&str> = t.split('-').collect();
        let shape = [8, 4, 4, 4, 12];
        let ok = groups.len() == shape.len()
            && groups
                .iter()
                .zip(shape)
                .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
        if ok {
            Ok(Self(t.to_ascii_lowercase()))
        } else {
            Err(ClientIdError::NotAnId)
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The redirect URI of this app at `origin` (`http://127.0.0.1:8080` → `…/auth/callback`).
/// It must be listed, exactly, among the OAuth client's authorized redirect URIs.
#[must_use]
pub fn redirect_uri_for(origin: &str) -> String {
    format!("{}{CALLBACK_PATH}", origin.trim_end_matches('/'))
}

/// Everything the authorize URL carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeRequest<'a> {
    /// `https://login.<domain>` (or the demo org's base URL), no trailing slash needed.
    pub login_base: &'a str,
    pub client_id: &'a ClientId,
    pub redirect_uri: &'a str,
    /// From [`super::CodeVerifier::challenge`].
    pub code_challenge: &'a str,
    pub state: &'a str,
}

impl AuthorizeRequest<'_> {
    /// The URL to send the browser to.
    #[must_use]
    pub fn url(&self) -> String {
        let params = [
            ("response_type", "code"),
            ("client_id", self.client_id.as_str()),
            ("redirect_uri", self.redirect_uri),
            ("code_challenge", self.code_challenge),
            ("code_challenge_method", "S256"),
            ("state", self.state),
        ];
        let query = params
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        format!(
            "{}/oauth/authorize?{query}",
            self.login_base.trim_end_matches('/')
        )
    }

    /// The form of `POST <login>/oauth/token` that redeems `code` (no client secret: PKCE).
    #[must_use]
    pub fn token_form(&self, code: &str, code_verifier: &str) -> Vec<(&'static str, String)> {
        vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code.to_owned()),
            ("code_verifier", code_verifier.to_owned()),
            ("client_id", self.client_id.as_str().to_owned()),
            ("redirect_uri", self.redirect_uri.to_owned()),
        ]
    }
}

/// Percent-encodes everything outside RFC 3986's unreserved set.
#[must_use]
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a05";

    #[test]
    fn client_ids_are_guids() {
        assert_eq!(ClientId::parse("  "), Err(ClientIdError::Empty));
        assert_eq!(
            ClientId::parse("lens-demo-pkce"),
            Err(ClientIdError::NotAnId)
        );
        assert_eq!(
            ClientId::parse(&format!("{ID}0")),
            Err(ClientIdError::NotAnId)
        );
        let id = ClientId::parse(&format!(" \"{}\" ", ID.to_uppercase())).expect("id");
        assert_eq!(id.as_str(), ID);
    }

    #[test]
    fn redirect_uri_is_the_callback_route() {
        assert_eq!(
            redirect_uri_for("http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/auth/callback"
        );
    }

    #[test]
    fn authorize_url_has_every_parameter_encoded() {
        let id = ClientId::parse(ID).expect("id");
        let req = AuthorizeRequest {
            login_base: "https://login.mypurecloud.ie/",
            client_id: &id,
            redirect_uri: "http://127.0.0.1:8080/auth/callback",
            code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            state: "s t&ate",
        };
        assert_eq!(
            req.url(),
            format!(
                "https://login.mypurecloud.ie/oauth/authorize?response_type=code&client_id={ID}\
                 &redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fauth%2Fcallback\
                 &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM\
                 &code_challenge_method=S256&state=s%20t%26ate"
            )
        );
        let form = req.token_form("the-code", "the-verifier");
        let keys: Vec<_> = form.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "grant_type",
                "code",
                "code_verifier",
                "client_id",
                "redirect_uri"
            ]
        );
        assert!(!keys.contains(&"client_secret"));
    }
}
