//! Shared test helpers for the demo-org integration tests.
#![allow(dead_code)]

pub mod instants;
pub mod validator;
