//! The two sides of the comparison.

/// Which API a panel, a field or a request belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// `GET /api/v2/conversations/{id}`: real-time state.
    Conversations,
    /// `GET /api/v2/analytics/conversations/{id}/details`: the analytics record.
    Analytics,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Conversations, Side::Analytics];

    /// The accessible name of the side's region (also its heading).
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Side::Conversations => "Conversations API",
            Side::Analytics => "Analytics API",
        }
    }

    /// The endpoint template shown under the heading.
    #[must_use]
    pub const fn endpoint(self) -> &'static str {
        match self {
            Side::Conversations => "GET /api/v2/conversations/{conversationId}",
            Side::Analytics => "GET /api/v2/analytics/conversations/{conversationId}/details",
        }
    }

    /// The reference model a successful body decodes into (for field docs).
    #[must_use]
    pub const fn root_model(self) -> &'static str {
        match self {
            Side::Conversations => "Conversation",
            Side::Analytics => "AnalyticsConversationWithoutAttributes",
        }
    }

    /// Short machine name for DOM ids and test hooks.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Side::Conversations => "conversations",
            Side::Analytics => "analytics",
        }
    }

    #[must_use]
    pub const fn other(self) -> Side {
        match self {
            Side::Conversations => Side::Analytics,
            Side::Analytics => Side::Conversations,
        }
    }
}
