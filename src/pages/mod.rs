//! Route-level views.

pub mod about;
pub mod auth_callback;
pub mod bench;
pub mod comparison;
pub mod lab;
pub mod lens;
pub mod not_found;
pub mod prewarm;
pub mod saved;
