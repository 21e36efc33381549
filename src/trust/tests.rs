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
    fn agreeing_with_statements_and_their_opposites_is_a_note_then_low() {
        // Agree (0.75) with c1/c2, l1/l2 and p1/p2, each a plain and a reversed
        // statement: a lean of 0.75 + 0.75 - 1 = 0.5 in each of those traits; ready
        // keeps s1 Agree, s3 Strongly agree (plain mean 0.875) and s2 Disagree
        // (reversed 0.25): 0.125. Mean (3 × 0.5 + 0.125) / 4 = 0.406: a note, from 0.35.
        let mut answers = forced_answers();
        for answer in &mut answers[..6] {
            *answer = Some(Scale(4));
        }
        let quiz = forced();
        let scores = scoring::score(&quiz, &answers);
        let said = warnings(&quiz, &answers, &scores);
        assert_eq!(codes(&answers), ["leans_agreeing"]);
        assert_eq!(confidence(&said), Confidence::Ok);
        assert_eq!(
            messages(said),
            [
                "You leaned toward agreeing with statements and with their opposites. Many \
              careful people do, since opposite statements are rarely exact opposites; the \
              result stands, but your fits may read a little high."
            ]
        );
        // Strongly agree with all six: 1 in each, (3 + 0.125) / 4 = 0.78, from 0.6 low.
        for answer in &mut answers[..6] {
            *answer = Some(Scale(5));
        }
        let scores = scoring::score(&quiz, &answers);
        let said = warnings(&quiz, &answers, &scores);
        assert_eq!(codes(&answers), ["acquiescence"]);
        assert_eq!(confidence(&said), Confidence::Low);
        assert_eq!(
            said[0].message,
            "Across the 4 traits with statements both ways round, you agreed with statements \
             and with their opposites alike. Agreeing whatever a statement says makes every \
             fit look better than it is, so read this result with care."
        );
    }

    /// A quiz of two traits of seven plain five-point statements each: 12 degrees of
    /// freedom within traits, the least the consistency check reads.
    fn two_traits() -> crate::quiz::Quiz {
        let mut text = String::from(
            "id: two\ntitle: Two traits\nversion: \"1\"\ntraits:\n  - {id: a, name: A}\n  \
             - {id: b, name: B}\nquestions:\n",
        );
        for t in ["a", "b"] {
            for i in 0..7 {
                text.push_str(&format!(
                    "  - {{id: {t}{i}, text: Statement {t}{i}., trait: {t}}}\n"
                ));
            }
        }
        text.push_str("profiles:\n  - {id: p, title: P, weights: {a: 1, b: 1}}\n");
        crate::quiz::load("two", &text).unwrap().0
    }

    #[test]
    fn answers_that_disagree_within_their_traits_as_random_ones_do_are_inconsistent() {
        let quiz = two_traits();
        let scale = |positions: [usize; 14]| -> crate::answers::Answers {
            positions.iter().map(|&k| Some(Scale(k))).collect()
        };
        // a: 1 5 1 5 1 5 1, b: 5 1 5 1 5 1 5. Each trait's shares are three or four 1s
        // among 0s: a sum of squares about its mean of 12/7; both, 24/7. Random answers
        // on five points spread 0.125 each: (6/7) × 7 × 0.125 = 0.75 a trait, 1.5 both.
        // 24/7 / 1.5 = 2.29, from 0.88 inconsistent; each trait's mean is 0.07 from the
        // middle, 0.53 random standard errors, far inside the 2.24 of two traits.
        let answers = scale([1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5]);
        let scores = scoring::score(&quiz, &answers);
        let findings = crate::trust::findings(&quiz, &answers, &scores);
        let scatter = findings.iter().find_map(|f| match f {
            crate::trust::Finding::Inconsistent { scatter, units } => Some((*scatter, *units)),
            _ => None,
        });
        let (scatter, units) = scatter.expect("inconsistent");
        assert!((scatter - 24.0 / 7.0 / 1.5).abs() < 1e-9, "{scatter}");
        assert_eq!(units, 12);
        assert_eq!(confidence(&findings), Confidence::Low);
        // a at the top throughout, b at the bottom: no spread within either trait.
        let answers = scale([5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1]);
        let scores = scoring::score(&quiz, &answers);
        let findings = crate::trust::findings(&quiz, &answers, &scores);
        assert!(findings.is_empty(), "{findings:?}");
        // a: 2 4 2 4 2 4 2 (shares 0.25 and 0.75): 4 × 0.214² + 3 × 0.286² = 0.429 a
        // trait, 0.857 both: 0.57 of random answers' spread, below 0.8: nothing said.
        let answers = scale([2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4]);
        let scores = scoring::score(&quiz, &answers);
        let findings = crate::trust::findings(&quiz, &answers, &scores);
        assert!(findings.is_empty(), "{findings:?}");
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
    fn disagreeing_with_statements_and_their_opposites_is_a_note_and_nearly_always_low() {
        // Disagree (0.25) with every statement, plain and reversed, but s3 (Strongly
        // disagree): -0.5 in coding, leading and care; ready's plain mean 0.125 and
        // reversed 0.25: -0.625; mean -0.53: a note, from -0.35.
        let mut answers = forced_answers();
        for q in [0, 1, 2, 3, 4, 5, 9, 10] {
            answers[q] = Some(Scale(2));
        }
        answers[11] = Some(Scale(1));
        assert_eq!(codes(&answers), ["leans_disagreeing"]);
        answers[11] = Some(Scale(2));
        // Strongly disagree with all but s3 (Disagree): -1 in coding, leading and
        // care; ready's plain mean 0.125 and reversed 0: -0.875; mean -0.97, past -0.9.
        for q in [0, 1, 2, 3, 4, 5, 9, 10] {
            answers[q] = Some(Scale(1));
        }
        let found = codes(&answers);
        assert!(found.contains(&"nay_saying".to_string()), "{found:?}");
        assert!(!found.contains(&"acquiescence".to_string()), "{found:?}");
    }
}
