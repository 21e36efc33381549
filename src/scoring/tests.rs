//! Expected figures are worked out by hand from tests/fixtures/small.yaml and
//! tests/fixtures/forced.yaml.
use super::*;
use crate::answers::Answer::*;

use crate::fixtures::small as quiz;

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a score");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// q-scale Middle, q-reverse Low, q-yes yes, q-no-rev yes, q-choice b, q-multi x+y,
/// q-required Agree.
fn full_answers() -> Answers {
    vec![
        Some(Scale(2)),
        Some(Scale(1)),
        Some(YesNo(true)),
        Some(YesNo(true)),
        Some(Choice(1)),
        Some(Multi(vec![0, 1])),
        Some(Scale(4)),
    ]
}

#[test]
fn values_follow_the_rules_for_every_question_type() {
    let quiz = quiz();
    let q = |id: &str| &quiz.questions[quiz.question_index(id).unwrap()];
    // Scale of 3: (k-1)/(N-1).
    assert_eq!(value(q("q-scale"), &Scale(1)), 0.0);
    assert_eq!(value(q("q-scale"), &Scale(2)), 0.5);
    assert_eq!(value(q("q-scale"), &Scale(3)), 1.0);
    // Reversed scale: 1 minus that.
    assert_eq!(value(q("q-reverse"), &Scale(1)), 1.0);
    assert_eq!(value(q("q-reverse"), &Scale(3)), 0.0);
    // Scale of 5.
    assert_eq!(value(q("q-required"), &Scale(4)), 0.75);
    // yes_no, plain and reversed.
    assert_eq!(value(q("q-yes"), &YesNo(true)), 1.0);
    assert_eq!(value(q("q-yes"), &YesNo(false)), 0.0);
    assert_eq!(value(q("q-no-rev"), &YesNo(true)), 0.0);
    assert_eq!(value(q("q-no-rev"), &YesNo(false)), 1.0);
    // choice: the option's score.
    assert_eq!(value(q("q-choice"), &Choice(1)), 0.5);
    // multi: sum of scores, capped at 1; none chosen is 0.
    assert_eq!(value(q("q-multi"), &Multi(vec![0])), 0.5);
    assert_eq!(value(q("q-multi"), &Multi(vec![0, 1])), 1.0);
    assert_eq!(value(q("q-multi"), &Multi(vec![2])), 0.0);
    assert_eq!(value(q("q-multi"), &Multi(vec![])), 0.0);
}

#[test]
fn trait_scores_are_weighted_means_of_answered_values() {
    let scores = score(&quiz(), &full_answers());
    // careful: 100 × (2×0.5 + 1×1 + 1×0.75) / (2+1+1) = 68.75
    close(scores.traits[0].score, 68.75);
    // social: 100 × (1×1 + 3×0) / (1+3) = 25
    close(scores.traits[1].score, 25.0);
    // techy: 100 × (1×0.5 + 2×1) / (1+2) = 83.333…
    close(scores.traits[2].score, 250.0 / 3.0);
    assert_eq!(scores.traits[0].answered, 3);
    assert_eq!(scores.traits[0].questions, 3);
}

#[test]
fn fits_are_ranked_with_bands_and_growth_areas() {
    let quiz = quiz();
    let scores = score(&quiz, &full_answers());
    let ranked: Vec<&str> = scores
        .profiles
        .iter()
        .map(|p| quiz.profiles[p.profile].id.as_str())
        .collect();
    assert_eq!(ranked, ["gamma", "alpha", "beta"]);
    // gamma: techy only = 83.333… (Strong fit)
    close(scores.profiles[0].fit, 250.0 / 3.0);
    assert_eq!(
        quiz.bands[scores.profiles[0].band.unwrap()].label,
        "Strong fit"
    );
    // alpha: (3×68.75 + 1×25) / 4 = 57.8125 (Good fit); social 25 < minimum 60
    close(scores.profiles[1].fit, 57.8125);
    assert_eq!(
        quiz.bands[scores.profiles[1].band.unwrap()].label,
        "Good fit"
    );
    assert_eq!(scores.profiles[1].growth_areas, vec![1]);
    // beta: (2×83.333… + 2×25) / 4 = 54.1666… ; careful has weight 0 and does not count
    close(scores.profiles[2].fit, (2.0 * 250.0 / 3.0 + 50.0) / 4.0);
}

#[test]
fn skipped_questions_count_nowhere() {
    let quiz = quiz();
    let mut answers = full_answers();
    answers[2] = None; // q-yes
    answers[3] = None; // q-no-rev: social is now not assessed
    answers[0] = None; // q-scale
    let scores = score(&quiz, &answers);
    assert_eq!(scores.values[0], None);
    // careful: 100 × (1×1 + 1×0.75) / 2 = 87.5
    close(scores.traits[0].score, 87.5);
    assert_eq!(scores.traits[0].answered, 2);
    assert_eq!(scores.traits[1].score, None);
    assert_eq!(scores.traits[1].answered, 0);
    // alpha now rests on careful alone, and social is no growth area when not assessed.
    let alpha = scores.profiles.iter().find(|p| p.profile == 0).unwrap();
    close(alpha.fit, 87.5);
    assert!(alpha.growth_areas.is_empty());
    // beta: techy only.
    let beta = scores.profiles.iter().find(|p| p.profile == 1).unwrap();
    close(beta.fit, 250.0 / 3.0);
}

#[test]
fn nothing_answered_gives_no_fits_and_keeps_file_order() {
    let quiz = quiz();
    let scores = score(&quiz, &vec![None; quiz.questions.len()]);
    assert!(scores.traits.iter().all(|t| t.score.is_none()));
    let order: Vec<usize> = scores.profiles.iter().map(|p| p.profile).collect();
    assert_eq!(order, [0, 1, 2]);
    assert!(
        scores
            .profiles
            .iter()
            .all(|p| p.fit.is_none() && p.band.is_none())
    );
}

#[test]
fn ties_keep_file_order_and_null_fits_rank_last() {
    let quiz = quiz();
    // Only techy answered: beta and gamma tie at 100; alpha cannot be scored.
    let mut answers = vec![None; quiz.questions.len()];
    answers[4] = Some(Choice(0));
    answers[5] = Some(Multi(vec![0, 1]));
    answers[6] = None;
    let scores = score(&quiz, &answers);
    let order: Vec<usize> = scores.profiles.iter().map(|p| p.profile).collect();
    assert_eq!(order, [1, 2, 0]);
    assert_eq!(scores.profiles[2].fit, None);
}

#[test]
fn nothing_ticked_is_worth_a_plain_zero() {
    let quiz = quiz();
    let v = value(&quiz.questions[5], &Multi(vec![]));
    assert_eq!(v, 0.0);
    assert!(v.is_sign_positive(), "not -0.0, which prints as \"-0.0\"");
}

#[test]
fn band_is_the_highest_minimum_at_or_below_the_fit() {
    let quiz = quiz();
    let label = |fit| quiz.bands[band(&quiz, fit).unwrap()].label.as_str();
    assert_eq!(label(100.0), "Strong fit");
    assert_eq!(label(75.0), "Strong fit");
    assert_eq!(label(74.9), "Good fit");
    assert_eq!(label(50.0), "Good fit");
    assert_eq!(label(25.0), "Possible fit");
    assert_eq!(label(24.99), "Low fit");
    assert_eq!(label(0.0), "Low fit");
}

#[test]
fn a_pathway_whose_requirement_is_unmet_ranks_after_those_within_reach() {
    let mut quiz = quiz();
    let scores = score(&quiz, &full_answers());
    // By fit, gamma (techy 83.33) comes first, then alpha (57.81).
    assert_eq!(scores.profiles[0].profile, 2);
    // Gamma requires techy 90; it scored 83.33, so it is out of reach and last.
    quiz.profiles[2].requires.push((2, 90.0));
    let scores = score(&quiz, &full_answers());
    let order: Vec<usize> = scores.profiles.iter().map(|p| p.profile).collect();
    assert_eq!(order, [0, 1, 2]);
    assert_eq!(scores.profiles[2].unmet, [2]);
    close(scores.profiles[2].fit, 250.0 / 3.0);
    // Met at 83: ranked by fit again.
    quiz.profiles[2].requires = vec![(2, 83.0)];
    let scores = score(&quiz, &full_answers());
    assert_eq!(scores.profiles[0].profile, 2);
    assert!(scores.profiles[0].unmet.is_empty());
}

#[test]
fn the_smallest_and_largest_weights_score_like_equal_weights() {
    let equal = {
        let mut quiz = quiz();
        for q in &mut quiz.questions {
            q.weight = 1.0;
        }
        for p in &mut quiz.profiles {
            for w in &mut p.weights {
                w.1 = 1.0;
            }
        }
        score(&quiz, &full_answers())
    };
    for extreme in [crate::quiz::MIN_WEIGHT, crate::quiz::MAX_WEIGHT] {
        let mut quiz = quiz();
        for q in &mut quiz.questions {
            q.weight = extreme;
        }
        for p in &mut quiz.profiles {
            for w in &mut p.weights {
                w.1 = extreme;
            }
        }
        let scores = score(&quiz, &full_answers());
        for (a, b) in scores.traits.iter().zip(&equal.traits) {
            close(a.score, b.score.unwrap());
        }
        for (a, b) in scores.profiles.iter().zip(&equal.profiles) {
            assert_eq!(a.profile, b.profile);
            close(a.fit, b.fit.unwrap());
        }
    }
}

/// tests/fixtures/forced.yaml with `crate::fixtures::forced_answers`.
mod forced {
    use super::close;
    use crate::answers::Answer::*;
    use crate::fixtures::{forced, forced_answers};
    use crate::scoring::{score, tied, value_for};

    #[test]
    fn a_forced_choice_counts_toward_each_trait_its_options_name() {
        let quiz = forced();
        let rather = &quiz.questions[quiz.question_index("rather").unwrap()];
        let ticks = &quiz.questions[quiz.question_index("ticks").unwrap()];
        // Traits in order of first mention: coding, then leading.
        assert_eq!(rather.traits, [0, 1]);
        assert_eq!(ticks.traits, [0, 1]);
        // `teach` is worth 0.5 to each; `code` 1 to coding and 0 to leading.
        assert_eq!(value_for(rather, &Choice(2), 0), 0.5);
        assert_eq!(value_for(rather, &Choice(2), 1), 0.5);
        assert_eq!(value_for(rather, &Choice(0), 1), 0.0);
        // An option naming no trait is worth 0 to every trait.
        assert_eq!(value_for(rather, &Choice(3), 0), 0.0);
        // Ticked options add up per trait, at most 1.
        assert_eq!(value_for(ticks, &Multi(vec![0, 2]), 0), 1.0);
        assert_eq!(value_for(ticks, &Multi(vec![0, 1]), 1), 0.75);
    }

    #[test]
    fn trait_scores_and_fits_are_worked_out_by_hand() {
        let quiz = forced();
        let scores = score(&quiz, &forced_answers());
        // coding: 100 × (0.75 + 0.75 + 2×0.5 + 0.5) / (1 + 1 + 2 + 1) = 60
        close(scores.traits[0].score, 60.0);
        // leading: 100 × (0.5 + 0.25 + 2×0.5 + 0.75) / 5 = 50
        close(scores.traits[1].score, 50.0);
        // care: 100 × (2×0.75 + 0.75) / 3 = 75; ready: 100 × 3.5 / 4 = 87.5
        close(scores.traits[2].score, 75.0);
        close(scores.traits[3].score, 87.5);
        assert_eq!(
            (scores.traits[0].answered, scores.traits[0].questions),
            (4, 4)
        );
        // coder: (3×60 + 75) / 4 = 63.75; lead: (3×50 + 75 + 87.5) / 5 = 62.5
        close(scores.profiles[0].fit, 63.75);
        close(scores.profiles[1].fit, 62.5);
        // 1.25 apart, within the default margin of 5: tied.
        assert_eq!(tied(&quiz, &scores.profiles), 2);
        // The forced values, each trait in turn: rather, then ticks.
        assert_eq!(scores.forced, [Some(0.5), Some(0.5), Some(0.5), Some(0.75)]);
        assert_eq!(scores.value_of(&quiz, 7, 1), Some(0.75));
        assert_eq!(scores.value_of(&quiz, 7, 2), None);
    }

    #[test]
    fn choosing_neither_gives_the_forced_traits_nothing() {
        let quiz = forced();
        let mut answers = forced_answers();
        answers[6] = Some(Choice(3));
        answers[7] = Some(Multi(vec![]));
        let scores = score(&quiz, &answers);
        // coding: 100 × (0.75 + 0.75) / 5 = 30; leading: 100 × 0.75 / 5 = 15
        close(scores.traits[0].score, 30.0);
        close(scores.traits[1].score, 15.0);
        // Skipped, it counts nowhere: coding 100 × 1.5 / 2 = 75.
        answers[6] = None;
        answers[7] = None;
        let scores = score(&quiz, &answers);
        close(scores.traits[0].score, 75.0);
        assert_eq!(scores.traits[0].answered, 2);
    }

    #[test]
    fn a_need_answered_otherwise_puts_the_pathway_out_of_reach() {
        let quiz = forced();
        let mut answers = forced_answers();
        // Lead 3×100 would lead, but a short course is not a degree.
        answers[2] = Some(Scale(5));
        answers[3] = Some(Scale(1));
        answers[6] = Some(Choice(1));
        answers[8] = Some(Choice(1));
        let scores = score(&quiz, &answers);
        let order: Vec<usize> = scores.profiles.iter().map(|p| p.profile).collect();
        assert_eq!(order, [0, 1]);
        assert_eq!(scores.profiles[1].unmet_needs, [0]);
        assert!(scores.profiles[1].fit.unwrap() > scores.profiles[0].fit.unwrap());
        // Out of reach, it is never tied with the best.
        assert_eq!(tied(&quiz, &scores.profiles), 1);
        // A degree meets it.
        answers[8] = Some(Choice(2));
        let scores = score(&quiz, &answers);
        assert_eq!(scores.profiles[0].profile, 1);
        assert!(scores.profiles[0].within_reach());
    }
}
