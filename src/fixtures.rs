//! What the unit tests share: the small quiz whose figures they work out by hand.

use crate::quiz::{self, Quiz};

/// tests/fixtures/small.yaml, loaded; its scores are worked out in src/scoring.rs.
pub fn small() -> Quiz {
    quiz::load("small.yaml", include_str!("../tests/fixtures/small.yaml"))
        .expect("the fixture is valid")
        .0
}
