//! Conversation Lens companion server (issue 5): exchanges OAuth client credentials for a token
//! server-side, proxies an allow-list of read-only Genesys Cloud calls on the app's own origin,
//! and serves the built app. With no credentials it starts the embedded demo org and talks to it
//! over HTTP exactly as to a real region; with a region but no credentials it is sign-in only:
//! the proxy forwards a call only with the user's own token.
//!
//! Modules: [`config`] (flags/env/.env → [`config::Config`]), [`region`], [`secret`], [`token`],
//! [`proxy`] (allow-list, forwarding, headers), [`security`] (Host/Origin, headers),
//! [`static_files`], [`health`], [`demo`], [`error`], [`extract`] (request extractors), [`app`]
//! (router and layers), [`connections`] (timeouts and cap per connection), [`server`] (start/stop).

pub mod access_log;
pub mod app;
pub mod body;
pub mod config;
pub mod connections;
pub mod demo;
pub mod error;
pub mod extract;
pub mod health;
pub mod notify;
pub mod proxy;
pub mod region;
pub mod secret;
pub mod security;
pub mod server;
pub mod signin;
pub mod state;
pub mod static_files;
pub mod token;
pub mod upstream;

pub use config::{Cli, Config};
pub use server::{RunningServer, StartError, start};
