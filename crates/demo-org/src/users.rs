//! The demo org's people who can sign in (Authorization Code grant with PKCE). Each has a role
//! with different permissions, so a signed-in user meets the same 403 stories as the limited
//! client-credentials clients. Their ids are the agents' ids in the conversations
//! ([`crate::catalog::agent`]): a signed-in Jane is the Jane who answered the calls.

use crate::clients::{
    PERM_ANALYTICS_DETAIL_VIEW, PERM_ANALYTICS_RETENTION_VIEW, PERM_CONVERSATION_VIEW,
};
use crate::ids::stable_uuid;
use serde::Serialize;

/// A person of the demo org.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoUser {
    pub name: &'static str,
    pub email: &'static str,
    /// The role granting `permissions` (Genesys roles hold permissions; users hold roles).
    pub role: &'static str,
    pub permissions: &'static [&'static str],
    /// What a learner sees when signed in as this person.
    pub demonstrates: &'static str,
}

/// Everyone on the demo sign-in page, the one who can see everything first.
pub const DEMO_USERS: &[DemoUser] = &[
    DemoUser {
        name: "Jane Alvarez",
        email: "jane.alvarez@demo-org.example",
        role: "Supervisor",
        permissions: &[
            PERM_CONVERSATION_VIEW,
            PERM_ANALYTICS_DETAIL_VIEW,
            PERM_ANALYTICS_RETENTION_VIEW,
        ],
        demonstrates: "Everything works: both APIs and the retention setting.",
    },
    DemoUser {
        name: "Omar Haddad",
        email: "omar.haddad@demo-org.example",
        role: "Agent",
        permissions: &[PERM_CONVERSATION_VIEW],
        demonstrates: "The Conversations API works; analytics details answer 403 missing.any.permissions.",
    },
    DemoUser {
        name: "Priya Nair",
        email: "priya.nair@demo-org.example",
        role: "Reporting analyst",
        permissions: &[PERM_ANALYTICS_DETAIL_VIEW],
        demonstrates: "Analytics works; GET /api/v2/conversations/{id} answers 403 missing.any.permissions.",
    },
];

impl DemoUser {
    /// The user's id: the same stable id the conversations give this agent.
    #[must_use]
    pub fn id(&self) -> String {
        stable_uuid("user", self.name)
    }

    /// True when one of the user's roles grants at least one of `permissions`.
    #[must_use]
    pub fn has_any(&self, permissions: &[&str]) -> bool {
        permissions.is_empty() || permissions.iter().any(|p| self.permissions.contains(p))
    }
}

/// The user with this id, if any.
#[must_use]
pub fn find(id: &str) -> Option<&'static DemoUser> {
    DEMO_USERS.iter().find(|u| u.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_agents_of_the_org_with_different_roles() {
        for u in DEMO_USERS {
            assert!(crate::catalog::AGENT_NAMES.contains(&u.name), "{}", u.name);
            assert_eq!(find(&u.id()).map(|f| f.name), Some(u.name));
        }
        assert!(DEMO_USERS[0].has_any(&[PERM_CONVERSATION_VIEW]));
        assert!(!DEMO_USERS[1].has_any(&[PERM_ANALYTICS_DETAIL_VIEW]));
        assert!(!DEMO_USERS[2].has_any(&[PERM_CONVERSATION_VIEW]));
        assert!(find("nobody").is_none());
    }
}
