//! The HIM quiz as an instrument: it separates the pathways, it is not fooled by
//! agreeing with everything, and the questions that should move a fit move it.

mod common;
use careerfit::answers::{Answer, Answers};
use careerfit::batch::sample::Rng;
use careerfit::quiz::{self, QuestionKind, Quiz, builtin};
use careerfit::scoring::{self, Scores};
use careerfit::trust::{self, Confidence};

fn him() -> Quiz {
    quiz::load("him", builtin::find("him-career-fit").unwrap())
        .unwrap()
        .0
}

/// Random answers: every question answered, uniformly over what it allows.
fn random_answers(quiz: &Quiz, rng: &mut Rng) -> Answers {
    quiz.questions
        .iter()
        .map(|q| {
            Some(match &q.kind {
                QuestionKind::Scale { labels, .. } => Answer::Scale(1 + rng.below(labels.len())),
                QuestionKind::YesNo { .. } => Answer::YesNo(rng.below(2) == 0),
                QuestionKind::Choice { options } => Answer::Choice(rng.below(options.len())),
                QuestionKind::Multi { options } => {
                    Answer::Multi((0..options.len()).filter(|_| rng.below(2) == 0).collect())
                }
            })
        })
        .collect()
}

fn best(quiz: &Quiz, scores: &Scores) -> String {
    quiz.profiles[scores.profiles[0].profile].id.clone()
}

#[test]
fn over_300_random_answer_sets_every_pathway_is_best_between_4_and_45_percent() {
    let quiz = him();
    let mut rng = Rng::new(2026);
    let mut wins = vec![0usize; quiz.profiles.len()];
    for _ in 0..300 {
        let answers = random_answers(&quiz, &mut rng);
        let scores = scoring::score(&quiz, &answers);
        wins[scores.profiles[0].profile] += 1;
    }
    let shares: Vec<(String, f64)> = quiz
        .profiles
        .iter()
        .zip(&wins)
        .map(|(p, w)| (p.id.clone(), *w as f64 / 300.0))
        .collect();
    for (id, share) in &shares {
        assert!(
            (0.04..=0.45).contains(share),
            "{id} is best in {:.0}% of random answer sets: {shares:?}",
            share * 100.0
        );
    }
}

/// A person who answers consistently: `high` traits at the top (plain statements
/// agreed with, reversed ones disagreed with), `low` traits at the bottom, every other
/// trait in the middle; `choices` picks options of choice questions by id.
fn persona(quiz: &Quiz, high: &[&str], low: &[&str], choices: &[(&str, &str)]) -> Answers {
    quiz.questions
        .iter()
        .map(|q| {
            let t = quiz.traits[q.trait_index].id.as_str();
            let level = if high.contains(&t) {
                2
            } else if low.contains(&t) {
                0
            } else {
                1
            };
            Some(match &q.kind {
                QuestionKind::Scale { labels, reverse } => {
                    let n = labels.len();
                    let k = [2, n.div_ceil(2), n - 1][level];
                    Answer::Scale(if *reverse { n + 1 - k } else { k })
                }
                QuestionKind::YesNo { reverse } => Answer::YesNo((level == 2) != *reverse),
                QuestionKind::Choice { options } => {
                    let chosen = choices.iter().find(|(id, _)| *id == q.id);
                    let index = match chosen {
                        Some((_, option)) => options.iter().position(|o| o.id == *option).unwrap(),
                        None => {
                            let mut by_score: Vec<usize> = (0..options.len()).collect();
                            by_score
                                .sort_by(|a, b| options[*a].score.total_cmp(&options[*b].score));
                            by_score[[0, options.len() / 2, options.len() - 1][level]]
                        }
                    };
                    Answer::Choice(index)
                }
                QuestionKind::Multi { options } => Answer::Multi(match level {
                    2 => (0..options.len())
                        .filter(|&i| options[i].score > 0.0)
                        .collect(),
                    1 => vec![0],
                    _ => vec![],
                }),
            })
        })
        .collect()
}

fn fit_of(quiz: &Quiz, scores: &Scores, id: &str) -> f64 {
    let index = quiz.profiles.iter().position(|p| p.id == id).unwrap();
    scores
        .profiles
        .iter()
        .find(|f| f.profile == index)
        .and_then(|f| f.fit)
        .unwrap()
}

const CODER: &[&str] = &[
    "coding",
    "detail-oriented",
    "steady-work",
    "science",
    "integrity",
];
const MANAGER: &[&str] = &[
    "management",
    "law",
    "working-with-professionals",
    "interpersonal",
    "outcome-tracking",
    "varied-career",
];

/// Every scale answer at `position` (5: "Strongly agree" and "Always"); the other
/// questions answered as agreeably as they can be, or skipped.
fn all_at(quiz: &Quiz, position: usize, others_agreeable: bool) -> Answers {
    quiz.questions
        .iter()
        .map(|q| match &q.kind {
            QuestionKind::Scale { .. } => Some(Answer::Scale(position)),
            _ if !others_agreeable => None,
            QuestionKind::YesNo { .. } => Some(Answer::YesNo(true)),
            QuestionKind::Choice { options } => Some(Answer::Choice(
                (0..options.len())
                    .max_by(|a, b| options[*a].score.total_cmp(&options[*b].score))
                    .unwrap(),
            )),
            QuestionKind::Multi { options } => Some(Answer::Multi((0..options.len()).collect())),
        })
        .collect()
}

#[test]
fn agreeing_with_everything_gives_low_confidence_and_no_strong_fit() {
    let quiz = him();
    for (what, position) in [("Strongly agree", 5), ("Agree", 4)] {
        for others in [false, true] {
            let answers = all_at(&quiz, position, others);
            let scores = scoring::score(&quiz, &answers);
            let warnings = trust::warnings(&quiz, &answers, &scores);
            assert_eq!(trust::confidence(&warnings), Confidence::Low, "{what}");
            let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
            assert!(codes.contains(&"straight_lining"), "{what}: {codes:?}");
            assert!(codes.contains(&"acquiescence"), "{what}: {codes:?}");
            for fit in &scores.profiles {
                let band = fit.band.map(|b| quiz.bands[b].label.as_str());
                assert_ne!(
                    band,
                    Some("Strong fit"),
                    "{what} (others answered: {others}): {} fits {:?}",
                    quiz.profiles[fit.profile].id,
                    fit.fit
                );
            }
        }
    }
}

#[test]
fn agreeing_at_two_positions_is_not_straight_lining_but_is_acquiescence() {
    let quiz = him();
    let answers: Answers = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| match q.kind {
            QuestionKind::Scale { .. } => Some(Answer::Scale(4 + i % 2)),
            _ => None,
        })
        .collect();
    let scores = scoring::score(&quiz, &answers);
    let warnings = trust::warnings(&quiz, &answers, &scores);
    let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
    assert!(!codes.contains(&"straight_lining"), "{codes:?}");
    assert!(codes.contains(&"acquiescence"), "{codes:?}");
    assert_eq!(trust::confidence(&warnings), Confidence::Low);
}

#[test]
fn consistent_people_high_or_mixed_get_ok() {
    let quiz = him();
    let all_traits: Vec<&str> = quiz.traits.iter().map(|t| t.id.as_str()).collect();
    let half: Vec<&str> = all_traits.iter().step_by(2).copied().collect();
    let other_half: Vec<&str> = all_traits.iter().skip(1).step_by(2).copied().collect();
    for (who, high, low) in [
        ("all high", all_traits.clone(), vec![]),
        ("all low", vec![], all_traits.clone()),
        ("mixed", half, other_half),
        ("a would-be coder", CODER.to_vec(), vec!["management"]),
        ("a would-be manager", MANAGER.to_vec(), vec!["steady-work"]),
    ] {
        let answers = persona(&quiz, &high, &low, &[]);
        let scores = scoring::score(&quiz, &answers);
        let warnings = trust::warnings(&quiz, &answers, &scores);
        assert_eq!(
            trust::confidence(&warnings),
            Confidence::Ok,
            "{who}: {warnings:?}"
        );
    }
}

#[test]
fn the_education_question_moves_rhia() {
    let quiz = him();
    let manager = |education: &str| {
        let answers = persona(
            &quiz,
            MANAGER,
            &[],
            &[("education-ready", education), ("patient-contact", "none")],
        );
        scoring::score(&quiz, &answers)
    };
    let ready = manager("master");
    let certificate = manager("certificate");
    assert_eq!(best(&quiz, &ready), "rhia-administrator");
    assert_ne!(best(&quiz, &certificate), "rhia-administrator");
    assert!(
        fit_of(&quiz, &certificate, "rhia-administrator")
            < fit_of(&quiz, &ready, "rhia-administrator") - 10.0
    );
    // Whatever else they answer, someone ready only for a certificate is not sent to
    // the pathway that needs a bachelor's degree.
    let certificate_index =
        match &quiz.questions[quiz.question_index("education-ready").unwrap()].kind {
            QuestionKind::Choice { options } => {
                options.iter().position(|o| o.id == "certificate").unwrap()
            }
            _ => unreachable!(),
        };
    let mut rng = Rng::new(11);
    for _ in 0..300 {
        let mut answers = random_answers(&quiz, &mut rng);
        answers[quiz.question_index("education-ready").unwrap()] =
            Some(Answer::Choice(certificate_index));
        let scores = scoring::score(&quiz, &answers);
        assert_ne!(best(&quiz, &scores), "rhia-administrator", "{answers:?}");
    }
}

#[test]
fn wanting_hands_on_patient_care_lowers_every_pathway() {
    let quiz = him();
    let mut rng = Rng::new(5);
    for _ in 0..50 {
        let mut away = random_answers(&quiz, &mut rng);
        let patient = quiz.question_index("patient-contact").unwrap();
        let hands_on = quiz.question_index("hands-on-care").unwrap();
        away[patient] = Some(Answer::Choice(0)); // none
        away[hands_on] = Some(Answer::Scale(1)); // strongly disagree
        let mut bedside = away.clone();
        bedside[patient] = Some(Answer::Choice(3)); // most of the day
        bedside[hands_on] = Some(Answer::Scale(5)); // strongly agree
        let (a, b) = (
            scoring::score(&quiz, &away),
            scoring::score(&quiz, &bedside),
        );
        for p in &quiz.profiles {
            assert!(
                fit_of(&quiz, &b, &p.id) < fit_of(&quiz, &a, &p.id),
                "{} does not drop for someone who wants hands-on care",
                p.id
            );
        }
    }
}

#[test]
fn personas_point_the_right_way() {
    let quiz = him();
    let coder = persona(
        &quiz,
        CODER,
        &["management"],
        &[
            ("education-ready", "certificate"),
            ("patient-contact", "none"),
        ],
    );
    assert_eq!(
        best(&quiz, &scoring::score(&quiz, &coder)),
        "coding-specialist"
    );
    let manager = persona(
        &quiz,
        MANAGER,
        &[],
        &[("education-ready", "master"), ("patient-contact", "none")],
    );
    assert_eq!(
        best(&quiz, &scoring::score(&quiz, &manager)),
        "rhia-administrator"
    );
    // A would-be nurse: the bedside trait is a growth area of every pathway.
    let nurse = persona(
        &quiz,
        &["science", "interpersonal", "working-with-professionals"],
        &["health-care-without-patients"],
        &[("patient-contact", "most")],
    );
    let scores = scoring::score(&quiz, &nurse);
    let bedside = quiz
        .traits
        .iter()
        .position(|t| t.id == "health-care-without-patients")
        .unwrap();
    for fit in &scores.profiles {
        assert!(
            fit.growth_areas.contains(&bedside),
            "{}",
            quiz.profiles[fit.profile].id
        );
    }
}
