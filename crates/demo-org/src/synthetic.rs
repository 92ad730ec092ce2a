//! Synthetic org (skeleton; owned by the demo-org domain engineer).
