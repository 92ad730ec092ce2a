//! Route-level views.

pub mod bench;
pub mod lens;
pub mod not_found;
