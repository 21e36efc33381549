//! The order a respondent sees each question's options in: `take` and `serve` show
//! a forced choice's options in an order of the respondent's own.

use super::{QuestionKind, Quiz};

/// The order each question's options are shown in: a forced choice's (options that
/// score different traits) shuffled by `seed` and its place in the quiz, so that
/// pressing Enter throughout does not choose one pathway; every other question's, and
/// all of them without a seed, in the file's order (empty). The same seed gives the
/// same orders: `--seed` repeats them, and saved progress keeps its seed.
pub fn shown_options(quiz: &Quiz, seed: Option<u64>) -> Vec<Vec<usize>> {
    quiz.questions
        .iter()
        .enumerate()
        .map(|(q, question)| match (&question.kind, seed) {
            (QuestionKind::Choice { options }, Some(seed)) if question.traits.len() > 1 => {
                let mixed = seed ^ (q as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                crate::rng::shuffled(options.len(), mixed)
            }
            _ => Vec::new(),
        })
        .collect()
}
