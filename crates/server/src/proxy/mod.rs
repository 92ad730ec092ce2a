//! The same-origin `/api/v2/...` proxy: allow-list → body checks → token → Genesys → response
//! with the teaching headers.

pub mod allow_list;
pub mod forward;
pub mod headers;

pub use forward::proxy;
