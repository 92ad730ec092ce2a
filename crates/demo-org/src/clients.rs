//! The demo org's fixed OAuth clients (client-credentials grant).
//!
//! Ids and secrets never change so the README, tests and learners can rely on them. They are
//! demo-only values that unlock nothing outside this simulated org. Each client is named for
//! what it teaches: the two partial ones exist to show the 403 `missing.any.permissions` error.

use serde::Serialize;

/// Permission `GET /api/v2/conversations/{id}` requires (reference/api-facts.md §1).
pub const PERM_CONVERSATION_VIEW: &str = "conversation:communication:view";
/// Permission every analytics conversation-details endpoint accepts (reference/api-facts.md §2.1).
pub const PERM_ANALYTICS_DETAIL_VIEW: &str = "analytics:conversationDetail:view";
/// The other permission the analytics details endpoints accept (not the jobs availability one).
pub const PERM_ANALYTICS_AGENT_DETAIL_VIEW: &str = "analytics:agentConversationDetail:view";
/// Permission `GET /api/v2/analytics/dataretention/settings` requires (reference/api-facts.md §2.1).
pub const PERM_ANALYTICS_RETENTION_VIEW: &str = "analytics:dataRetention:view";

/// A client-credentials OAuth client of the demo org.
#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoClient {
    /// `client_id`.
    pub id: &'static str,
    /// `client_secret` (demo-only; listed openly at `GET /demo/clients`).
    pub secret: &'static str,
    pub name: &'static str,
    /// Role permissions granted to the client.
    pub permissions: &'static [&'static str],
    /// What a learner sees with this client.
    pub demonstrates: &'static str,
}

/// Every demo client. The first one can do everything the app needs.
pub const DEMO_CLIENTS: &[DemoClient] = &[
    DemoClient {
        id: "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a01",
        secret: "lens-demo-full-secret",
        name: "lens-demo-full",
        permissions: &[
            PERM_CONVERSATION_VIEW,
            PERM_ANALYTICS_DETAIL_VIEW,
            PERM_ANALYTICS_RETENTION_VIEW,
        ],
        demonstrates: "Everything works: the Conversations API, every analytics conversation-details endpoint and the analytics data retention setting.",
    },
    DemoClient {
        id: "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a02",
        secret: "lens-demo-no-analytics-secret",
        name: "lens-demo-no-analytics",
        permissions: &[PERM_CONVERSATION_VIEW],
        demonstrates: "Conversations API works; every analytics details call answers 403 missing.any.permissions (it needs analytics:conversationDetail:view or analytics:agentConversationDetail:view).",
    },
    DemoClient {
        id: "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a03",
        secret: "lens-demo-no-conversations-secret",
        name: "lens-demo-no-conversations",
        permissions: &[PERM_ANALYTICS_DETAIL_VIEW],
        demonstrates: "Analytics works; GET /api/v2/conversations/{id} answers 403 missing.any.permissions (conversation:communication:view). The media-specific GETs list no permission and still work.",
    },
    DemoClient {
        id: "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a04",
        secret: "lens-demo-agent-analytics-secret",
        name: "lens-demo-agent-analytics-only",
        permissions: &[PERM_CONVERSATION_VIEW, PERM_ANALYTICS_AGENT_DETAIL_VIEW],
        demonstrates: "Details query, by-id and jobs work (they accept analytics:agentConversationDetail:view), but GET .../details/jobs/availability answers 403: it requires analytics:conversationDetail:view only. The retention setting answers 403 too (analytics:dataRetention:view).",
    },
];

/// The demo org's Authorization Code (PKCE) client: a public client, no secret. People sign in
/// as one of [`crate::users::DEMO_USERS`]; any `http://127.0.0.1:<port>/…` or
/// `http://localhost:<port>/…` redirect URI is accepted ([`crate::oauth_code::redirect_allowed`]).
/// Its tokens carry the signed-in user's permissions, not the client's.
pub const PKCE_CLIENT: DemoClient = DemoClient {
    id: "6b1c2a4e-0d5f-4c3b-9a1e-1e0c5d0f7a05",
    secret: "",
    name: "lens-demo-pkce",
    permissions: &[],
    demonstrates: "Sign in as a person (Authorization Code grant with PKCE, no secret): GET /oauth/authorize shows the demo users, POST /oauth/token redeems the code with the code_verifier. The token has that user's permissions and answers GET /api/v2/users/me.",
};

impl std::fmt::Debug for DemoClient {
    /// Secrets stay out of `Debug` output (logs), even demo ones.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoClient")
            .field("id", &self.id)
            .field("secret", &"****")
            .field("name", &self.name)
            .field("permissions", &self.permissions)
            .finish_non_exhaustive()
    }
}

/// The client with this id, if any.
#[must_use]
pub fn find(client_id: &str) -> Option<&'static DemoClient> {
    DEMO_CLIENTS.iter().find(|c| c.id == client_id)
}

impl DemoClient {
    /// True when the client holds at least one of `permissions` (an empty list = no permission needed).
    #[must_use]
    pub fn has_any(&self, permissions: &[&str]) -> bool {
        permissions.is_empty() || permissions.iter().any(|p| self.permissions.contains(p))
    }

    /// Constant-time-ish secret check (the demo has nothing to protect, but keep the habit).
    #[must_use]
    pub fn secret_matches(&self, secret: &str) -> bool {
        if self.secret.is_empty() {
            // A public (PKCE) client has no secret to match: it never gets client-credentials tokens.
            return false;
        }
        let a = self.secret.as_bytes();
        let b = secret.as_bytes();
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_full_client_has_both_permissions() {
        let mut ids: Vec<_> = DEMO_CLIENTS.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), DEMO_CLIENTS.len());
        let full = &DEMO_CLIENTS[0];
        assert!(full.has_any(&[PERM_CONVERSATION_VIEW]));
        assert!(full.has_any(&[PERM_ANALYTICS_DETAIL_VIEW]));
    }

    #[test]
    fn partial_clients_miss_what_their_name_says() {
        let no_analytics = DEMO_CLIENTS
            .iter()
            .find(|c| c.name == "lens-demo-no-analytics");
        assert!(no_analytics.is_some_and(|c| {
            !c.has_any(&[PERM_ANALYTICS_DETAIL_VIEW, PERM_ANALYTICS_AGENT_DETAIL_VIEW])
        }));
        let no_conv = DEMO_CLIENTS
            .iter()
            .find(|c| c.name == "lens-demo-no-conversations");
        assert!(no_conv.is_some_and(|c| !c.has_any(&[PERM_CONVERSATION_VIEW])));
    }

    #[test]
    fn secret_check() {
        let c = &DEMO_CLIENTS[0];
        assert!(c.secret_matches("lens-demo-full-secret"));
        assert!(!c.secret_matches("lens-demo-full-secreT"));
        assert!(!c.secret_matches(""));
        assert!(
            !PKCE_CLIENT.secret_matches(""),
            "a public client has no secret"
        );
    }
}
