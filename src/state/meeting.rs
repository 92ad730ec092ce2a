//! Where the two answers to one lookup meet, so the page is built and drawn once for both.
//!
//! Shown as each arrives, the first answer's views are built, laid out and painted, and only
//! then does the second answer get the main thread; At a glance (which reads both sides) and the
//! page layout are then done twice. The answers usually arrive a few milliseconds apart, so the
//! first waits briefly for the second and both are shown in the same task.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;

use futures::channel::oneshot;
use futures::future::select;

/// One ask's meeting point (a new one per ask).
#[derive(Debug, Default)]
pub struct Meeting {
    arrived: Cell<u8>,
    /// Wakes the first answer when the second arrives.
    first: RefCell<Option<oneshot::Sender<()>>>,
}

impl Meeting {
    /// This side's answer is in. The first to arrive waits until the other does or `give_up`
    /// resolves (then it is shown alone); the second wakes the first and returns at once.
    pub async fn arrive(&self, give_up: impl Future<Output = ()>) {
        self.arrived.set(self.arrived.get().saturating_add(1));
        if self.arrived.get() >= 2 {
            if let Some(first) = self.first.borrow_mut().take() {
                let _ = first.send(());
            }
            return;
        }
        let (tx, rx) = oneshot::channel();
        *self.first.borrow_mut() = Some(tx);
        select(rx, pin!(give_up)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;
    use futures::future::{pending, ready};

    #[test]
    fn the_first_answer_waits_for_the_second() {
        let meeting = Meeting::default();
        let mut first = pin!(meeting.arrive(pending()));
        // Alone, and nothing to give up on yet: still waiting.
        assert!(first.as_mut().now_or_never().is_none());
        // The second answer does not wait, and releases the first.
        assert!(meeting.arrive(pending()).now_or_never().is_some());
        assert!(first.now_or_never().is_some());
    }

    #[test]
    fn the_first_answer_is_shown_alone_when_the_wait_is_over() {
        let meeting = Meeting::default();
        assert!(meeting.arrive(ready(())).now_or_never().is_some());
    }

    #[test]
    fn a_late_second_answer_finds_no_one_waiting() {
        let meeting = Meeting::default();
        assert!(meeting.arrive(ready(())).now_or_never().is_some());
        assert!(meeting.arrive(pending()).now_or_never().is_some());
    }
}
