//! Scenarios (skeleton; owned by the demo-org domain engineer).
