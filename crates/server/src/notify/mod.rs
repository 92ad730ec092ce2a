//! The notification WebSocket carried on the app's own origin (issue 13).
//!
//! `POST /api/v2/notifications/channels` goes through the proxy like any allow-listed call; its
//! answer's `connectUri` (Genesys: `wss://streaming.<domain>/channels/<id>`) is remembered here and
//! replaced by this server's `ws://<host>/api/notifications/socket/<id>`. A browser that connects
//! there is relayed, frame by frame, to the remembered upstream socket. Why: the page stays on one
//! origin (CSP `connect-src 'self'`), and only channels this server created can be reached — no
//! browser-supplied URL is ever dialled.
//!
//! The socket itself carries no token: Genesys authorises the channel when it is created (with
//! the server's token or the user's own, exactly as the proxy does for every call); the channel
//! id in `connectUri` is what opens it.

pub mod channels;
pub mod relay;

pub use channels::{SharedSockets, Sockets};
