//! Reusable widgets, one per file.

pub mod api_panel;
pub mod claim;
pub mod copy_button;
pub mod explanation;
pub mod folded_list;
pub mod footer;
pub mod guide_table;
pub mod header;
pub mod json_tree;
pub mod lazy_details;
pub mod lookup_form;
pub mod paged;
pub mod recent_list;
pub mod scenario_picker;
pub mod sign_in_badge;
pub mod sign_in_help;
pub mod sign_in_panel;
pub mod source_link;
pub mod tab_bar;
pub mod theme_toggle;
pub mod token_drawer;
