//! Same-origin calls to the companion server. The browser never talks to Genesys directly:
//! the server adds the token (or forwards the user's own, see [`UserToken`]).

mod exchange;
pub mod http;
mod server;
pub mod signin;
mod token;

pub use crate::clock::now_ms;
pub use exchange::{decode_in_steps, fetch_side};
pub use server::{
    Health, Scenario, ScenarioPhase, ScenarioRun, StartedRun, health, scenarios, start_scenario,
};
pub use token::{SignedIn, UserToken, demo_client_token};
