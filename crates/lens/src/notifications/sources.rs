//! Citations for the notification facts (reference/api-facts.md §7 and §4.3 list where each was read).

use crate::source::Source;

/// Channels, subscriptions, the topic catalogue and the limits (20 channels, 1,000 topics, 24 h).
pub const NOTIFICATIONS_API: Source = Source::verified(
    "Python SDK reference — `NotificationsApi`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/NotificationsApi.md",
);
/// The `Channel` model (`connectUri`, `id`, `expires`).
pub const CHANNEL_MODEL: Source = Source::verified(
    "Python SDK model `Channel`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/Channel.md",
);
/// `ChannelTopic`: `Permitted` / `Rejected`, `rejectionReason`, `missingPermissions`.
pub const CHANNEL_TOPIC_MODEL: Source = Source::verified(
    "Python SDK model `ChannelTopic`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ChannelTopic.md",
);
/// The topics that exist (no `v2.conversations.{id}` state topic) and the system topics.
pub const TOPIC_LIST: Source = Source::verified(
    "Python SDK notification topic list (`notificationMappings.json`)",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/PureCloudPlatformClientV2/notificationMappings.json",
);
/// The body of `v2.users.{id}.conversations` events.
pub const CONVERSATION_EVENT_MODEL: Source = Source::verified(
    "Python SDK model `ConversationEventTopicConversation`",
    "https://github.com/MyPureCloud/platform-client-sdk-python/blob/HEAD/build/docs/ConversationEventTopicConversation.md",
);
/// The envelope `{topicName, version, eventBody, metadata}`.
pub const ENVELOPE: Source = Source::verified(
    ".NET SDK notification handler (`NotificationData.cs`)",
    "https://github.com/MyPureCloud/platform-client-sdk-dotnet/blob/HEAD/build/src/PureCloudPlatform.Client.V2/Extensions/Notifications/NotificationData.cs",
);
/// `channel.metadata` as the heartbeat; a client-side notification service in Go.
pub const HEARTBEAT: Source = Source::verified(
    "Genesys Developer Center blog — a notification service in Go (2021)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2021-12-03-golang-sdk-notification-service",
);
/// No delivery guarantee; reconnect and back-fill; channel lifetime and limits.
pub const NO_GUARANTEE: Source = Source::verified(
    "Genesys Developer Center blog — Event streaming in action (2021)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2021-12-02-Event-Streaming-In-Action",
);
/// Back-fill from the REST APIs after missed events.
pub const BACKFILL: Source = Source::verified(
    "Genesys Developer Center blog — Integrating with the cloud (2020)",
    "https://github.com/MyPureCloud/developer-center-blog/tree/HEAD/source/2020-10-22-integrating-with-the-cloud",
);
/// WebSocket close codes (what 1000, 1006, 1011 mean).
pub const CLOSE_CODES: Source = Source::verified(
    "RFC 6455 — The WebSocket Protocol, close codes",
    "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1",
);
/// This app's reconnect schedule and relay (its own behaviour).
pub const THIS_APP: Source = Source::verified(
    "Conversation Lens — how the Live events tab works",
    "/about#live-events",
);

/// Every notification citation (checked by `crate::every_source`'s tests).
pub const ALL: &[Source] = &[
    NOTIFICATIONS_API,
    CHANNEL_MODEL,
    CHANNEL_TOPIC_MODEL,
    TOPIC_LIST,
    CONVERSATION_EVENT_MODEL,
    ENVELOPE,
    HEARTBEAT,
    NO_GUARANTEE,
    BACKFILL,
    CLOSE_CODES,
    THIS_APP,
];
