//! The third source: live events from the Notifications API, beside the snapshot (Conversations
//! API) and the record (analytics details) — issue 13.
//!
//! In plain words: you open a *channel* (a WebSocket), tell Genesys which *topics* you want on it,
//! and Genesys pushes a small JSON message each time something on a topic changes. There is no
//! topic for "one conversation": you listen to the people (users) and queues on it and keep the
//! messages whose `eventBody.id` is your conversation.
//!
//! - [`topics`]: which topics to subscribe to for a conversation, and what a topic name means.
//! - [`envelope`]: one WebSocket message → a typed [`envelope::Frame`] (never a panic).
//! - [`log`]: the events of this conversation as they arrive, each with what changed.
//! - [`backoff`]: when to try again after the socket drops.
//! - [`lag`]: one time axis for the three sources and how far behind each one was.
//! - [`explain`]: what users get wrong, and what a closed channel or rejected topic means.
//! - [`sources`]: where each of these facts comes from.

pub mod backoff;
pub mod envelope;
pub mod explain;
pub mod lag;
pub mod log;

pub mod sources;
pub mod topics;
