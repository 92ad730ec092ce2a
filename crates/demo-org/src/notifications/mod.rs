//! The Notifications API: channels, subscriptions, available topics and the WebSocket that
//! pushes conversation events as the demo clock runs (reference/api-facts.md §7).
//!
//! Routes (HTTP handlers in `crate::http::notifications` and `crate::http::channel_socket`);
//! every `/api/v2` route needs a bearer token, the socket does not (the channel id is the key):
//!
//! | route | answer |
//! |---|---|
//! | `POST /api/v2/notifications/channels` | 200 `Channel {connectUri, id, expires}`; `connectUri` = `ws://<Host of the request>/channels/<id>` |
//! | `GET /api/v2/notifications/channels?includechannels=token\|oauthclient` | 200 `ChannelEntityListing {entities: [Channel]}` (other tokens' channels without `id`/`connectUri`) |
//! | `HEAD /api/v2/notifications/channels/{channelId}` | 200, or 404 when unknown or expired |
//! | `GET …/channels/{channelId}/subscriptions` | 200 `ChannelTopicEntityListing` |
//! | `POST …/subscriptions[?ignoreErrors=true]` body `[{"id": "<topic>"}]` | add; 200 `ChannelTopicEntityListing` |
//! | `PUT …/subscriptions[?ignoreErrors=true]` | replace; same answer |
//! | `DELETE …/subscriptions` | 204 |
//! | `GET /api/v2/notifications/availabletopics[?expand=transports,requiresPermissions,…]` | 200 `AvailableTopicEntityListing` |
//! | `GET /channels/{channelId}` (WebSocket upgrade) | frames: events, `channel.metadata` heartbeats, `v2.system.socket_closing` |
//!
//! Subscribing: each topic comes back `Permitted`, or — with `ignoreErrors=true` — `Rejected`
//! with `rejectionReason` (and `missingPermissions` when the client lacks one). Without
//! `ignoreErrors` the first problem fails the whole call: 403 `missing.any.permissions` or
//! 400 `bad.request` naming the topic (error codes UNVERIFIED). Unknown channel → 404 `not.found`.
//!
//! Concepts, one file each: [`topics`] (names, permissions, catalogue), [`channels`] (store,
//! limits, expiry), [`hub`] (the org's notification state), [`envelope`] (frames),
//! [`topic_body`] (event body from the REST view), [`schedule`] (pure: a conversation + a window
//! → events), [`delivery`] (the task), [`config`].

pub mod channels;
pub mod config;
pub mod delivery;
pub mod envelope;
pub mod hub;
pub mod schedule;
pub mod topic_body;
pub mod topics;

pub use config::NotificationConfig;
pub use hub::Notifications;
