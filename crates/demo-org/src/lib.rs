//! The demo org: a simulated Genesys Cloud organization that the official SDKs, the `gc` CLI and
//! curl cannot tell from the real thing for the endpoints Conversation Lens teaches.
//!
//! * Domain (no HTTP): [`clock`], [`scenarios`], [`synthetic`], [`org`] — conversations that evolve
//!   on a clock and their real-time (`Conversation`) and analytics (`AnalyticsConversation`) views.
//! * HTTP: [`http`] — OAuth, the Conversations and Analytics endpoints, errors, rate limits, jobs.

pub mod analytics;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod ids;
pub mod org;
pub mod realtime;
pub mod scenarios;
pub mod synthetic;
pub mod timeline;

pub use config::DemoConfig;
