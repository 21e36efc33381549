//! The warnings and findings worked out by hand, on the small and forced fixtures.
use super::Warning;
use super::warnings;
use crate::answers::Answer::*;
use crate::answers::Answers;
use crate::scoring;

use crate::fixtures::small;

fn warned(answers: Answers) -> Vec<String> {
    let quiz = small();
    let scores = scoring::score(&quiz, &answers);
    messages(warnings(&quiz, &answers, &scores))
}

fn messages(warnings: Vec<Warning>) -> Vec<String> {
    warnings.into_iter().map(|w| w.message).collect()
}

#[test]
fn the_same_position_on_every_scale_is_straight_lining() {
    // q-scale, q-reverse (3 labels) and q-required (5 labels) all at position 2.
    let all_second = vec![
        Some(Scale(2)),
        Some(Scale(2)),
        Some(YesNo(true)),
        Some(YesNo(false)),
        Some(Choice(0)),
        Some(Multi(vec![0])),
        Some(Scale(2)),
    ];
    assert_eq!(
        warned(all_second.clone()),
        [
            "Every scale answer (3 of them) was at position 2 of its scale. Answers that \
          never vary say little about you, so read this result with care."
        ]
    );
    let mut varied = all_second;
    varied[6] = Some(Scale(4));
    assert!(warned(varied).is_empty());
}

#[test]
fn skipping_more_than_a_quarter_and_thin_pathways_are_said() {
    // Only q-required answered: 6 of 7 skipped; alpha (careful 3, social 1) rests on
    // 1 of its 2 traits, which is not fewer than half; beta and gamma are not scored.
    let answers = vec![None, None, None, None, None, None, Some(Scale(5))];
    let said = warned(answers);
    assert_eq!(
        said,
        [
            "6 of 7 questions were skipped; skipped questions count nowhere.",
            "More than a quarter of the questions were skipped, so this result rests on \
             few answers.",
            "Not assessed (every question skipped): Social, Techy.",
            "Beta pathway could not be scored: none of its traits was assessed.",
            "Gamma pathway could not be scored: none of its traits was assessed.",
        ]
    );
    // One skipped of seven is under a quarter.
    let answers = vec![
        Some(Scale(1)),
        Some(Scale(3)),
        None,
        Some(YesNo(true)),
        Some(Choice(1)),
        Some(Multi(vec![])),
        Some(Scale(4)),
    ];
    assert_eq!(
        warned(answers),
        ["1 of 7 questions was skipped; skipped questions count nowhere."]
    );
}

#[test]
fn a_fit_resting_on_fewer_than_half_its_traits_is_said() {
    let mut quiz = small();
    // Alpha weighs careful, social and techy; only careful is answered.
    quiz.profiles[0].weights.push((2, 1.0));
    let answers = vec![None, None, None, None, None, None, Some(Scale(5))];
    let scores = scoring::score(&quiz, &answers);
    let said = messages(warnings(&quiz, &answers, &scores));
    assert!(
        said.contains(
            &"Alpha pathway: its fit rests on 1 of the 3 traits it weighs; the others were \
              not assessed."
                .to_string()
        ),
        "{said:#?}"
    );
}

mod careless {
    use super::messages;
    use crate::answers::Answer::*;
    use crate::fixtures::{forced, forced_answers};
    use crate::scoring;
    use crate::trust::{Confidence, confidence, warnings};

    fn codes(answers: &crate::answers::Answers) -> Vec<String> {
        let quiz = forced();
        let scores = scoring::score(&quiz, answers);
        warnings(&quiz, answers, &scores)
            .into_iter()
            .map(|w| w.code)
            .collect()
    }

    #[test]
    fn agreeing_with_both_of_three_opposite_pairs_is_inconsistent() {
        // c1/c2, l1/l2 and p1/p2 are opposites: Agree to both of each.
        let mut answers = forced_answers();
        for answer in &mut answers[..6] {
            *answer = Some(Scale(4));
        }
        let quiz = forced();
        let scores = scoring::score(&quiz, &answers);
        let said = warnings(&quiz, &answers, &scores);
        assert!(
            messages(said.clone()).contains(
                &"In 3 of 5 pairs of statements that say the same thing, or opposite things, \
                  your two answers contradict each other. Read this result with care."
                    .to_string()
            ),
            "{said:?}"
        );
        assert_eq!(confidence(&said), Confidence::Low);
        // Two contradicted pairs are not enough; Agree beside Not sure never counts.
        answers[4] = Some(Scale(3));
        assert!(!codes(&answers).contains(&"inconsistent".to_string()));
    }

    #[test]
    fn mostly_the_middle_of_the_scale_says_little() {
        // Seven of the nine scale answers at "Not sure".
        let mut answers = forced_answers();
        for q in [0, 1, 2, 3, 4, 9, 10] {
            answers[q] = Some(Scale(3));
        }
        assert!(codes(&answers).contains(&"mostly_neutral".to_string()));
        // Four of nine is not most.
        let mut answers = forced_answers();
        for q in [0, 1, 2, 3] {
            answers[q] = Some(Scale(3));
        }
        assert!(!codes(&answers).contains(&"mostly_neutral".to_string()));
    }

    #[test]
    fn disagreeing_with_statements_and_their_opposites_is_nay_saying() {
        // Every statement disagreed with, plain and reversed alike.
        let mut answers = forced_answers();
        for q in [0, 1, 2, 3, 4, 5, 9, 10, 11] {
            answers[q] = Some(Scale(2));
        }
        let found = codes(&answers);
        assert!(found.contains(&"nay_saying".to_string()), "{found:?}");
        assert!(!found.contains(&"acquiescence".to_string()), "{found:?}");
    }
}
