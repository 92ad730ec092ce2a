//! Route-level views.

pub mod bench;
pub mod lab;
pub mod lens;
pub mod not_found;
