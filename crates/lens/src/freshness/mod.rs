//! The freshness view: poll both APIs for one live conversation and log what changed in each,
//! so the user sees real time change at once and analytics catch up (wrap-up last).

pub mod log;
pub mod poller;
