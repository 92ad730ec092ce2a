//! Deterministic synthetic org (placeholder: filled in below).

use crate::timeline::{Conv, Time};

#[derive(Debug, Default)]
pub struct Synthetic {}

impl Synthetic {
    #[must_use]
    pub fn new(_seed: u64, _n: usize, _origin: Time) -> Self {
        Self {}
    }
    #[must_use]
    pub fn len(&self) -> usize {
        0
    }
    #[must_use]
    pub fn is_empty(&self) -> bool {
        true
    }
    #[must_use]
    pub fn get(&self, _id: &str) -> Option<Conv> {
        None
    }
    pub fn started_in(&self, _from: Time, _to: Time) -> impl Iterator<Item = Conv> + '_ {
        std::iter::empty()
    }
}
