//! What the sign-in keeps between leaving for the login page and coming back: the pending
//! sign-in (verifier, state, client, redirect URI, where to return) in the tab's sessionStorage
//! for that round trip only — removed the moment the callback reads it — and the client id (an
//! id, not a secret) in localStorage. The token itself never goes to any storage.

use serde::{Deserialize, Serialize};

/// localStorage key: the last client id used to sign in (per browser; the id only).
pub const CLIENT_ID_KEY: &str = "lens.signin.clientId";
/// sessionStorage key: the sign-in in flight.
pub const PENDING_KEY: &str = "lens.signin.pending";

/// A sign-in started in this tab. No `Debug`: it holds the code verifier.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    pub state: String,
    pub verifier: String,
    pub client_id: String,
    pub redirect_uri: String,
    /// App path to return to afterwards (`/c/<id>?tab=…`), never another origin.
    pub return_to: String,
}

impl Pending {
    #[must_use]
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stored record, if it is one (anything else is ignored: the person signs in again).
    #[must_use]
    pub fn decode(text: Option<&str>) -> Option<Pending> {
        let p: Pending = serde_json::from_str(text?).ok()?;
        Some(Pending {
            return_to: safe_return(&p.return_to),
            ..p
        })
    }
}

/// Only same-app paths: `/x…` but not `//host` (a protocol-relative URL would leave the app).
#[must_use]
pub fn safe_return(path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") {
        path.to_owned()
    } else {
        "/".to_owned()
    }
}

/// The region key the server's login URL belongs to (`https://login.mypurecloud.ie` →
/// `eu_west_1`), or `None` for the demo org / a custom URL.
#[must_use]
pub fn region_of_login(login_url: &str) -> Option<&'static str> {
    let host = login_url
        .trim_start_matches("https://")
        .trim_end_matches('/');
    let domain = host.strip_prefix("login.")?;
    lens::region::REGIONS
        .iter()
        .find(|r| r.domain == domain)
        .map(|r| r.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_round_trip_and_safe_return() {
        let p = Pending {
            state: "s".into(),
            verifier: "v".into(),
            client_id: "c".into(),
            redirect_uri: "http://127.0.0.1:8080/auth/callback".into(),
            return_to: "//evil.example/".into(),
        };
        let back = Pending::decode(Some(&p.encode())).expect("decoded");
        assert_eq!(back.return_to, "/");
        assert_eq!(back.state, "s");
        assert!(Pending::decode(Some("{")).is_none());
        assert!(Pending::decode(None).is_none());
        assert_eq!(safe_return("/c/abc?tab=raw"), "/c/abc?tab=raw");
        assert_eq!(safe_return("https://evil.example"), "/");
        assert_eq!(safe_return("/\\evil.example"), "/");
    }

    #[test]
    fn login_url_to_region() {
        assert_eq!(
            region_of_login("https://login.mypurecloud.ie"),
            Some("eu_west_1")
        );
        assert_eq!(region_of_login("http://127.0.0.1:4321"), None);
        assert_eq!(region_of_login("https://login.example.com"), None);
    }
}
