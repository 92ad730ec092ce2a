//! Pure teaching logic of Conversation Lens. No I/O: everything here is a function of wire
//! values and a clock passed in, so it is unit-tested natively and runs unchanged in the browser.

pub mod conversation_id;
pub mod source;
