//! Thin async drivers for the pure cores in `lens`: they fire the requests a core asks for, feed
//! it the answers and a clock, and write what it says into signals the views read. Views never
//! start tasks themselves (a test in `xtask` keeps `spawn_local` out of `src/tabs/` and
//! `src/components/`).

pub mod freshness;
pub mod job;
pub mod live;
pub mod walk;
