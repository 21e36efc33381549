//! What the unit tests share: the small quiz whose figures they work out by hand.

use crate::quiz::{self, Quiz};

/// tests/fixtures/small.yaml, loaded; its scores are worked out in src/scoring/tests.rs.
pub fn small() -> Quiz {
    quiz::load("small.yaml", include_str!("../tests/fixtures/small.yaml"))
        .expect("the fixture is valid")
        .0
}

/// tests/fixtures/forced.yaml, loaded: forced choices, pairs, a verdict and a need,
/// with figures worked out in src/scoring/tests.rs and src/verdict.rs.
pub fn forced() -> Quiz {
    quiz::load("forced.yaml", include_str!("../tests/fixtures/forced.yaml"))
        .expect("the fixture is valid")
        .0
}

/// Answers to the forced quiz: c1 Agree, c2 Disagree, l1 Not sure, l2 Agree, p1 Agree,
/// p2 Disagree, rather `teach`, ticks `rules` and `club`, study `degree`, s1 Agree,
/// s2 Disagree, s3 Strongly agree.
pub fn forced_answers() -> crate::answers::Answers {
    use crate::answers::Answer::*;
    vec![
        Some(Scale(4)),
        Some(Scale(2)),
        Some(Scale(3)),
        Some(Scale(4)),
        Some(Scale(4)),
        Some(Scale(2)),
        Some(Choice(2)),
        Some(Multi(vec![0, 1])),
        Some(Choice(2)),
        Some(Scale(4)),
        Some(Scale(2)),
        Some(Scale(5)),
    ]
}
