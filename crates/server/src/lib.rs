//! Companion server (skeleton; see issue 5).
