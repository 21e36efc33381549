//! Where a quiz run starts: saved progress resumed, a fresh start, a shuffled order.
//! Pure: the saved progress and the choices on the command line in, a plan out.

use crate::answers::Answers;
use crate::resume_state::Progress;

/// What the command line asks for, as far as the start is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choices {
    pub resume: bool,
    pub shuffle: bool,
    /// An order chosen by number; implies a shuffle.
    pub seed: Option<u64>,
}

/// How a run starts: the order questions are asked in, answers already given, and
/// the position (into `order`) to go on from.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub order: Vec<usize>,
    pub answers: Answers,
    pub position: usize,
    /// What the person should be told before the first question.
    pub note: Option<Note>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Resuming {
        answered: usize,
        from_question: usize,
    },
    NothingToResume,
    /// A random order nobody chose: this seed gives it again.
    Shuffled {
        seed: u64,
    },
}

/// The order each question's options are shown in (the quiz's rule, shared with
/// `serve`).
pub use crate::quiz::shown_options;

/// Saved answers exist, and neither --resume nor --fresh says what to do with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unfinished {
    pub answered: usize,
}

/// The plan for a quiz of `total` questions. `fresh_seed` is called only when a
/// random order is needed and no seed was given.
pub fn plan(
    total: usize,
    saved: Option<Progress>,
    choices: Choices,
    fresh_seed: impl FnOnce() -> u64,
) -> Result<Plan, Unfinished> {
    match (saved, choices.resume) {
        (Some(saved), false) => Err(Unfinished {
            answered: saved.answers.iter().flatten().count(),
        }),
        (Some(saved), true) => Ok(Plan {
            note: Some(Note::Resuming {
                answered: saved.answers.iter().flatten().count(),
                from_question: (saved.position + 1).min(total),
            }),
            order: saved.order,
            answers: saved.answers,
            position: saved.position,
        }),
        (None, resume) => {
            let (order, shuffled) = match (choices.shuffle, choices.seed) {
                (_, Some(seed)) => (crate::rng::shuffled(total, seed), None),
                (false, None) => ((0..total).collect(), None),
                (true, None) => {
                    let seed = fresh_seed();
                    (crate::rng::shuffled(total, seed), Some(seed))
                }
            };
            let note = match (resume, shuffled) {
                (true, _) => Some(Note::NothingToResume),
                (false, Some(seed)) => Some(Note::Shuffled { seed }),
                (false, None) => None,
            };
            Ok(Plan {
                order,
                answers: vec![None; total],
                position: 0,
                note,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;

    fn choices(resume: bool, shuffle: bool, seed: Option<u64>) -> Choices {
        Choices {
            resume,
            shuffle,
            seed,
        }
    }

    fn saved() -> Progress {
        let mut answers = vec![None; 4];
        answers[2] = Some(Answer::YesNo(true));
        Progress {
            order: vec![2, 0, 1, 3],
            position: 1,
            answers,
            options_seed: None,
        }
    }

    #[test]
    fn saved_answers_are_never_overwritten_without_a_choice() {
        let refused = plan(4, Some(saved()), choices(false, false, None), || 0);
        assert_eq!(refused, Err(Unfinished { answered: 1 }));
    }

    #[test]
    fn resume_goes_on_in_the_saved_order_from_the_saved_position() {
        let plan = plan(4, Some(saved()), choices(true, true, Some(9)), || 0).unwrap();
        assert_eq!(plan.order, [2, 0, 1, 3]);
        assert_eq!(plan.position, 1);
        assert_eq!(
            plan.note,
            Some(Note::Resuming {
                answered: 1,
                from_question: 2
            })
        );
    }

    #[test]
    fn a_seed_alone_shuffles_and_nothing_to_resume_is_said() {
        let seeded = plan(7, None, choices(false, false, Some(3)), || unreachable!()).unwrap();
        assert_eq!(seeded.order, crate::rng::shuffled(7, 3));
        assert_eq!(seeded.note, None);
        let fresh = plan(7, None, choices(false, true, None), || 5).unwrap();
        assert_eq!(fresh.order, crate::rng::shuffled(7, 5));
        assert_eq!(fresh.note, Some(Note::Shuffled { seed: 5 }));
        let nothing = plan(3, None, choices(true, false, None), || 0).unwrap();
        assert_eq!(nothing.order, [0, 1, 2]);
        assert_eq!(nothing.note, Some(Note::NothingToResume));
    }

    #[test]
    fn a_forced_choice_s_options_are_shuffled_by_the_seed_and_no_other_s() {
        use crate::quiz::QuestionKind;
        let text = crate::quiz::builtin::find("him-career-fit").unwrap();
        let (quiz, _) = crate::quiz::load("him-career-fit.yaml", text).unwrap();
        let forced: Vec<usize> = (0..quiz.questions.len())
            .filter(|&q| {
                matches!(quiz.questions[q].kind, QuestionKind::Choice { .. })
                    && quiz.questions[q].traits.len() > 1
            })
            .collect();
        assert!(!forced.is_empty(), "the HIM quiz has forced choices");
        assert!(shown_options(&quiz, None).iter().all(Vec::is_empty));
        let shown = shown_options(&quiz, Some(7));
        assert_eq!(
            shown,
            shown_options(&quiz, Some(7)),
            "a seed repeats its orders"
        );
        for (q, order) in shown.iter().enumerate() {
            match &quiz.questions[q].kind {
                QuestionKind::Choice { options } if forced.contains(&q) => {
                    let mut sorted = order.clone();
                    sorted.sort_unstable();
                    assert_eq!(sorted, (0..options.len()).collect::<Vec<_>>());
                }
                _ => assert!(order.is_empty(), "question {q} keeps the file's order"),
            }
        }
        // Enter on the first option: over respondents, not always the same option.
        for &q in &forced {
            let firsts: std::collections::BTreeSet<usize> = (0..20)
                .map(|seed| shown_options(&quiz, Some(seed))[q][0])
                .collect();
            assert!(
                firsts.len() > 1,
                "question {q}: always option {firsts:?} first"
            );
        }
    }
}
