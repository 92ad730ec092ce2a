//! "Open saved": paste or drop JSON the user already has and see the full comparison, read in
//! the browser with no API call. The page is `crate::pages::saved`. The sides go into a `Lookup` of their own
//! ([`sides::install`]), so the panels and every tab work unchanged; "Export" and "Copy link"
//! ([`export_bar`]) sit on every comparison.
//!
//! Decoding is `lens::saved`; this module only wires it to the page.

pub mod browser;
pub mod export_bar;
pub mod input;
pub mod picker;
pub mod share;
pub mod sides;

/// The route of the Open saved page.
pub const HREF: &str = "/saved";
