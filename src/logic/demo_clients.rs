//! The demo org's OAuth clients, offered in the token drawer as one-click "personas": each one
//! shows what a client with fewer permissions sees. Names match `crates/demo-org/src/clients.rs`
//! (the e2e spec checks them against `GET /api/demo/clients`).

/// One demo client as the drawer offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Persona {
    /// The demo client's name (`POST /api/demo/token {"client": …}`).
    pub client: &'static str,
    /// Button text.
    pub title: &'static str,
    /// What the user will see, in plain words first, permission names second.
    pub sees: &'static str,
    /// The server signs in as this client itself: choosing it means "no token of yours".
    pub is_servers_own: bool,
}

/// The four demo clients, the full one first.
pub const PERSONAS: [Persona; 4] = [
    Persona {
        client: "lens-demo-full",
        title: "Full access",
        sees: "Both panels answer. This is the client the server itself signs in with, so choosing it just stops using a token of yours.",
        is_servers_own: true,
    },
    Persona {
        client: "lens-demo-no-analytics",
        title: "No analytics permission",
        sees: "The Conversations panel answers; the Analytics panel answers 403 “Missing permission”, because the client has neither analytics:conversationDetail:view nor analytics:agentConversationDetail:view.",
        is_servers_own: false,
    },
    Persona {
        client: "lens-demo-no-conversations",
        title: "No conversations permission",
        sees: "The Analytics panel answers; the Conversations panel answers 403 “Missing permission”, because the client lacks conversation:communication:view.",
        is_servers_own: false,
    },
    Persona {
        client: "lens-demo-agent-analytics-only",
        title: "Agent analytics only",
        sees: "Both panels answer: analytics:agentConversationDetail:view is enough to read conversation details. In the Query lab, the jobs availability check and the retention setting answer 403, because they need other permissions.",
        is_servers_own: false,
    },
];

/// The persona of a demo client name, if it is one.
#[must_use]
pub fn find(client: &str) -> Option<&'static Persona> {
    PERSONAS.iter().find(|p| p.client == client)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_distinct_clients_and_only_the_first_is_the_servers() {
        let mut names: Vec<_> = PERSONAS.iter().map(|p| p.client).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 4);
        assert_eq!(
            PERSONAS.iter().filter(|p| p.is_servers_own).count(),
            1,
            "exactly one persona is the server's own client"
        );
        assert!(PERSONAS[0].is_servers_own);
        assert_eq!(
            find("lens-demo-no-analytics").map(|p| p.title),
            Some("No analytics permission")
        );
        assert_eq!(find("nope"), None);
    }
}
