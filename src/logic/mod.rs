//! Plain, DOM-free logic behind the views. Everything here has native unit tests
//! (`cargo test -p conversation-lens --lib`).

pub mod counterparts;
pub mod decode;
pub mod demo_clients;
pub mod ended;
pub mod field_values;
pub mod format;
pub mod headers;
pub mod json_tree;
pub mod local_zone;
pub mod markup;
pub mod paging;
pub mod recent;
pub mod rich_text;
pub mod route;
pub mod roving;
pub mod side;
pub mod sign_in;
pub mod tab;
pub mod theme;
pub mod timeline_svg;
pub mod timeline_window;
