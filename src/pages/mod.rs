//! Route-level views.

pub mod lens;
pub mod not_found;
