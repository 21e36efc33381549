//! The HIM quiz tested as an instrument: simulated respondents, built from the quiz
//! file, answer it in many styles, with noise, and the quiz's claims are checked
//! against what it says to them: who it says yes to, who it says no to, when it
//! cannot tell, and whether it separates the pathways.
//!
//! A persona is a level from 0 to 1 for every trait. A statement is answered at the
//! scale position nearest to its level (turned round when reversed), with a little
//! spread; then one answer in five is moved one step. A "which would you rather"
//! question is answered with the option whose traits the persona likes best (one in
//! five: the second best). The figures each test measures are printed
//! (`cargo test --test it him_instrument -- --nocapture`) and quoted in the README.

use careerfit::answers::{Answer, Answers};
use careerfit::quiz::{self, Question, QuestionKind, Quiz, builtin};
use careerfit::rng::Rng;
use careerfit::scoring::{self, Scores};
use careerfit::trust::{self, Confidence};
use careerfit::verdict::{self, Answer as Said};

const RUNS: usize = 300;

fn him() -> Quiz {
    quiz::load("him", builtin::find("him-career-fit").unwrap())
        .unwrap()
        .0
}

/// Everything the quiz says to one respondent.
struct Heard {
    scores: Scores,
    confidence: Confidence,
    said: Said,
    /// Profile indexes of `best`.
    best: Vec<usize>,
}

fn respond(quiz: &Quiz, answers: &Answers) -> Heard {
    let mut scores = scoring::score(quiz, answers);
    let warnings = trust::warnings(quiz, answers, &scores);
    let confidence = trust::confidence(&warnings);
    let said = verdict::judge(quiz, &mut scores, confidence == Confidence::Low)
        .expect("the HIM quiz has a verdict");
    let tied = scoring::tied(quiz, &scores.profiles);
    let best = scores.profiles[..tied].iter().map(|p| p.profile).collect();
    Heard {
        scores,
        confidence,
        said,
        best,
    }
}

fn trait_index(quiz: &Quiz, id: &str) -> usize {
    quiz.traits.iter().position(|t| t.id == id).unwrap()
}

fn option_index(question: &Question, id: &str) -> usize {
    match &question.kind {
        QuestionKind::Choice { options } | QuestionKind::Multi { options } => {
            options.iter().position(|o| o.id == id).unwrap()
        }
        _ => panic!("{} has no options", question.id),
    }
}

/// A trait-level persona: levels per trait, and the education option they are ready for.
struct Persona {
    levels: Vec<f64>,
    education: Option<&'static str>,
}

/// How much a persona likes an option: the mean of its traits' levels, weighed by
/// the option's scores; 0.5 for an option that names no trait.
fn liking(question: &Question, scores: &[f64], levels: &[f64]) -> f64 {
    let total: f64 = scores.iter().sum();
    if total == 0.0 {
        return 0.5;
    }
    question
        .traits
        .iter()
        .zip(scores)
        .map(|(&t, s)| s * levels[t])
        .sum::<f64>()
        / total
}

fn answer_as(quiz: &Quiz, persona: &Persona, rng: &mut Rng) -> Answers {
    let education = quiz.question_index("education-ready").unwrap();
    quiz.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let moved = rng.below(5) == 0;
            let level = persona.levels[q.traits[0]];
            Some(match &q.kind {
                QuestionKind::Scale {
                    labels, reverse, ..
                } => {
                    let n = labels.len();
                    let share = (level + 0.08 * rng.gauss()).clamp(0.0, 1.0);
                    let share = if *reverse { 1.0 - share } else { share };
                    let mut k = 1 + (share * (n - 1) as f64).round() as usize;
                    if moved {
                        k = if k == 1 || (k < n && rng.below(2) == 0) {
                            k + 1
                        } else {
                            k - 1
                        };
                    }
                    Answer::Scale(k)
                }
                QuestionKind::YesNo { reverse } => {
                    let yes = level + 0.1 * rng.gauss() > 0.5;
                    Answer::YesNo((yes != *reverse) != moved)
                }
                QuestionKind::Choice { options } if i == education => {
                    let chosen = persona.education.unwrap_or("not-sure");
                    Answer::Choice(option_index(q, chosen))
                }
                QuestionKind::Choice { options } if q.is_forced_choice() => {
                    let mut ranked: Vec<(f64, usize)> = options
                        .iter()
                        .enumerate()
                        .map(|(o, option)| {
                            (
                                liking(q, &option.scores, &persona.levels) + 0.05 * rng.gauss(),
                                o,
                            )
                        })
                        .collect();
                    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
                    Answer::Choice(ranked[usize::from(moved)].1)
                }
                QuestionKind::Choice { options } => {
                    let target = (level + 0.08 * rng.gauss()).clamp(0.0, 1.0);
                    let mut ranked: Vec<(f64, usize)> = options
                        .iter()
                        .enumerate()
                        .map(|(o, option)| ((option.scores[0] - target).abs(), o))
                        .collect();
                    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
                    Answer::Choice(ranked[usize::from(moved)].1)
                }
                QuestionKind::Multi { options } => Answer::Multi(
                    options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| {
                            liking(q, &o.scores, &persona.levels) + 0.15 * rng.gauss() > 0.6
                        })
                        .map(|(o, _)| o)
                        .collect(),
                ),
            })
        })
        .collect()
}

/// The seed's own list ("A career in HIM is right for you if you...") is the
/// verdict's traits: an HIM-minded person leans toward all of them.
fn seed_traits(quiz: &Quiz) -> Vec<usize> {
    quiz.verdict
        .as_ref()
        .unwrap()
        .weights
        .iter()
        .map(|(t, _)| *t)
        .collect()
}

/// Someone HIM suits, drawn toward pathway `p`: the seed's traits at 0.7, the
/// pathway's weighed traits higher by their weight (up to 0.9), every other trait
/// anywhere from 0.3 to 0.7.
fn pathway_persona(quiz: &Quiz, p: usize, rng: &mut Rng) -> Persona {
    let seed = seed_traits(quiz);
    let profile = &quiz.profiles[p];
    let most = profile.weights.iter().map(|(_, w)| *w).fold(0.0, f64::max);
    let levels = (0..quiz.traits.len())
        .map(|t| {
            let base = if seed.contains(&t) {
                0.7
            } else {
                0.3 + 0.4 * rng.unit()
            };
            match profile.weights.iter().find(|(u, _)| *u == t) {
                Some((_, w)) => base.max(0.7) + 0.2 * w / most,
                None => base,
            }
        })
        .collect();
    let education: &[&'static str] = match profile.id.as_str() {
        "records-clerk" | "coding-specialist" => &["certificate", "associate"],
        "rhit-technician" => &["associate"],
        "rhia-administrator" => &["bachelor", "post-bacc", "master"],
        "health-data-analyst" => &["associate", "bachelor"],
        other => panic!("no persona for pathway {other}"),
    };
    Persona {
        levels,
        education: Some(education[rng.below(education.len())]),
    }
}

/// Someone made from one pathway's weights alone: high on every trait it weighs, the
/// more the heavier the weight (0.7 for the lightest up to 0.95 for the heaviest,
/// give or take 0.03), low (0.05 to 0.3) on every other, and ready for its schooling.
/// Nothing of the seed's broad list is given unless the pathway weighs it, so a
/// verdict that rests on that list would call them a maybe.
fn single_pathway_persona(quiz: &Quiz, p: usize, rng: &mut Rng) -> Persona {
    let profile = &quiz.profiles[p];
    let most = profile.weights.iter().map(|(_, w)| *w).fold(0.0, f64::max);
    let levels = (0..quiz.traits.len())
        .map(
            |t| match profile.weights.iter().find(|(u, w)| *u == t && *w > 0.0) {
                Some((_, w)) => (0.7 + 0.25 * w / most + 0.03 * (2.0 * rng.unit() - 1.0)).min(1.0),
                None => 0.05 + 0.25 * rng.unit(),
            },
        )
        .collect();
    let education: &[&'static str] = match profile.id.as_str() {
        "records-clerk" | "coding-specialist" => &["certificate", "associate"],
        "rhit-technician" => &["associate"],
        "rhia-administrator" => &["bachelor", "post-bacc", "master"],
        "health-data-analyst" => &["associate", "bachelor"],
        other => panic!("no persona for pathway {other}"),
    };
    Persona {
        levels,
        education: Some(education[rng.below(education.len())]),
    }
}

#[test]
fn a_person_made_for_one_pathway_alone_sees_it_first_and_is_told_yes() {
    let quiz = him();
    let mut rng = Rng::new(37);
    let (mut yes, mut total, mut failures) = (0, 0, Vec::new());
    for p in 0..quiz.profiles.len() {
        let (mut found, mut told_yes) = (0, 0);
        for _ in 0..RUNS {
            let persona = single_pathway_persona(&quiz, p, &mut rng);
            let said = respond(&quiz, &answer_as(&quiz, &persona, &mut rng));
            found += usize::from(said.best.contains(&p));
            told_yes += usize::from(said.said == Said::Yes);
        }
        let id = &quiz.profiles[p].id;
        eprintln!(
            "one pathway alone, {id}: in best {:.1}%, yes {:.1}%",
            100.0 * share(found, RUNS),
            100.0 * share(told_yes, RUNS)
        );
        if share(found, RUNS) < 0.85 {
            failures.push(format!(
                "{id} is in best for {found} of {RUNS} of its personas"
            ));
        }
        if share(told_yes, RUNS) < 0.85 {
            failures.push(format!("{id}: yes for {told_yes} of {RUNS}"));
        }
        yes += told_yes;
        total += RUNS;
    }
    eprintln!("one pathway alone: yes {:.1}%", 100.0 * share(yes, total));
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A would-be bedside nurse: science, people and integrity high, hands-on patient
/// care wanted (the bedside trait low), the rest anywhere from 0.3 to 0.7.
fn nurse(quiz: &Quiz, rng: &mut Rng) -> Persona {
    let high = [
        "science",
        "interpersonal",
        "integrity",
        "working-with-professionals",
    ];
    let levels = quiz
        .traits
        .iter()
        .map(|t| match t.id.as_str() {
            "health-care-without-patients" => 0.1,
            id if high.contains(&id) => 0.85,
            "detail-oriented" => 0.7,
            _ => 0.3 + 0.4 * rng.unit(),
        })
        .collect();
    let education = ["associate", "bachelor", "certificate", "not-sure"];
    Persona {
        levels,
        education: Some(education[rng.below(4)]),
    }
}

/// Every question answered uniformly over what it allows.
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

/// Scale answers set by `position(question number among the scales, labels)`;
/// yes/no by `yes`; choices and ticks at random.
fn styled(
    quiz: &Quiz,
    rng: &mut Rng,
    position: impl Fn(usize, &Question, usize) -> usize,
    yes: impl Fn(&Question) -> bool,
) -> Answers {
    let mut random = random_answers(quiz, rng);
    let mut nth = 0;
    for (q, answer) in quiz.questions.iter().zip(random.iter_mut()) {
        match &q.kind {
            QuestionKind::Scale { labels, .. } => {
                *answer = Some(Answer::Scale(position(nth, q, labels.len())));
                nth += 1;
            }
            QuestionKind::YesNo { .. } => *answer = Some(Answer::YesNo(yes(q))),
            _ => {}
        }
    }
    random
}

fn share(count: usize, of: usize) -> f64 {
    count as f64 / of as f64
}

fn top_band(quiz: &Quiz, scores: &Scores, bands: usize) -> bool {
    scores
        .profiles
        .iter()
        .any(|p| p.within_reach() && p.band.is_some_and(|b| b < bands))
        && quiz.bands.len() > bands
}

#[test]
fn a_persona_of_each_pathway_finds_it_among_the_best_and_is_told_yes() {
    let quiz = him();
    let mut rng = Rng::new(3);
    let (mut yes, mut low, mut total) = (0, 0, 0);
    for p in 0..quiz.profiles.len() {
        let mut found = 0;
        for _ in 0..RUNS {
            let persona = pathway_persona(&quiz, p, &mut rng);
            let said = respond(&quiz, &answer_as(&quiz, &persona, &mut rng));
            found += usize::from(said.best.contains(&p));
            yes += usize::from(said.said == Said::Yes);
            low += usize::from(said.confidence == Confidence::Low);
            total += 1;
        }
        let id = &quiz.profiles[p].id;
        eprintln!("persona {id}: in best {:.1}%", 100.0 * share(found, RUNS));
        assert!(
            share(found, RUNS) >= 0.85,
            "{id} is in best for {found} of {RUNS} of its personas"
        );
    }
    eprintln!(
        "HIM personas: yes {:.1}%, low confidence {:.1}%",
        100.0 * share(yes, total),
        100.0 * share(low, total)
    );
    assert!(share(yes, total) >= 0.85, "yes for {yes} of {total}");
    assert!(share(low, total) <= 0.03, "low for {low} of {total}");
}

#[test]
fn a_would_be_bedside_nurse_is_told_probably_not_and_no_pathway_fits_her_well() {
    let quiz = him();
    let mut rng = Rng::new(5);
    let (mut no, mut kept_out) = (0, 0);
    for _ in 0..RUNS {
        let persona = nurse(&quiz, &mut rng);
        let said = respond(&quiz, &answer_as(&quiz, &persona, &mut rng));
        no += usize::from(said.said == Said::ProbablyNot);
        let best_band = said.scores.profiles[0].band;
        kept_out += usize::from(best_band.is_none_or(|b| b >= 2));
    }
    eprintln!(
        "nurse: probably_not {:.1}%, best pathway below the top two bands {:.1}%",
        100.0 * share(no, RUNS),
        100.0 * share(kept_out, RUNS)
    );
    assert!(share(no, RUNS) >= 0.9, "probably_not for {no} of {RUNS}");
    assert!(
        share(kept_out, RUNS) >= 0.9,
        "kept out for {kept_out} of {RUNS}"
    );
}

#[test]
fn not_sure_throughout_is_unclear_and_reaches_no_good_band() {
    let quiz = him();
    let mut rng = Rng::new(7);
    for _ in 0..50 {
        let mut answers = styled(&quiz, &mut rng, |_, _, n| n.div_ceil(2), |_| false);
        let education = quiz.question_index("education-ready").unwrap();
        answers[education] = Some(Answer::Choice(option_index(
            &quiz.questions[education],
            "not-sure",
        )));
        let said = respond(&quiz, &answers);
        assert_eq!(said.said, Said::Unclear);
        assert!(
            !top_band(&quiz, &said.scores, 2),
            "a good fit from Not sure: {:?} {:?}",
            said.scores
                .profiles
                .iter()
                .map(|p| (p.profile, p.fit))
                .collect::<Vec<_>>(),
            said.scores
                .traits
                .iter()
                .map(|t| t.score)
                .collect::<Vec<_>>()
        );
    }
    // Every answer at the middle, choices too: the fits sit at or near 50.
    let middle: Answers = quiz
        .questions
        .iter()
        .map(|q| {
            Some(match &q.kind {
                QuestionKind::Scale { labels, .. } => Answer::Scale(labels.len().div_ceil(2)),
                QuestionKind::YesNo { .. } => Answer::YesNo(false),
                QuestionKind::Choice { options } => Answer::Choice(options.len() / 2),
                QuestionKind::Multi { .. } => Answer::Multi(vec![]),
            })
        })
        .collect();
    let said = respond(&quiz, &middle);
    assert_eq!(said.said, Said::Unclear);
    assert!(!top_band(&quiz, &said.scores, 2));
}

#[test]
fn random_answers_are_mostly_low_and_every_low_one_is_unclear() {
    let quiz = him();
    let mut rng = Rng::new(11);
    let (mut low, mut wins) = (0, vec![0; quiz.profiles.len()]);
    for _ in 0..RUNS {
        let said = respond(&quiz, &random_answers(&quiz, &mut rng));
        if said.confidence == Confidence::Low {
            low += 1;
            assert_eq!(said.said, Said::Unclear);
        }
        wins[said.scores.profiles[0].profile] += 1;
    }
    eprintln!(
        "random: low {:.1}%, best by pathway {wins:?}",
        100.0 * share(low, RUNS)
    );
    assert!(share(low, RUNS) >= 0.75, "low for {low} of {RUNS}");
    for (p, w) in wins.iter().enumerate() {
        assert!(
            share(*w, RUNS) <= 0.45,
            "{} best in {w} of {RUNS}",
            quiz.profiles[p].id
        );
    }
}

#[test]
fn alternating_extremes_nay_saying_and_agreeing_with_everything_are_low() {
    let quiz = him();
    let mut rng = Rng::new(13);
    for start in [0, 1] {
        let answers = styled(
            &quiz,
            &mut rng,
            |i, _, n| if (i + start) % 2 == 0 { 1 } else { n },
            |_| start == 0,
        );
        assert_eq!(
            respond(&quiz, &answers).confidence,
            Confidence::Low,
            "alternating"
        );
    }
    let disagree_all = styled(&quiz, &mut rng, |_, _, _| 1, |_| false);
    assert_eq!(
        respond(&quiz, &disagree_all).confidence,
        Confidence::Low,
        "all Strongly disagree"
    );
    // Nay-sayers disagree, strongly or not, with every statement, plain and reversed.
    let mut nay = 0;
    let mut other = Rng::new(17);
    for _ in 0..RUNS {
        let picks: Vec<usize> = (0..quiz.questions.len())
            .map(|_| 1 + other.below(2))
            .collect();
        let answers = styled(&quiz, &mut rng, |i, _, _| picks[i], |_| false);
        nay += usize::from(respond(&quiz, &answers).confidence == Confidence::Low);
    }
    eprintln!("nay-sayers: low {:.1}%", 100.0 * share(nay, RUNS));
    assert!(
        share(nay, RUNS) >= 0.9,
        "nay-sayers low for {nay} of {RUNS}"
    );
    for agree in [4, 5] {
        for _ in 0..20 {
            let answers = styled(&quiz, &mut rng, |_, _, _| agree, |_| true);
            let said = respond(&quiz, &answers);
            assert_eq!(said.confidence, Confidence::Low, "all at {agree}");
            assert!(
                !top_band(&quiz, &said.scores, 1),
                "a strong fit from all at {agree}"
            );
        }
    }
}

#[test]
fn enthusiasts_still_get_pathways_apart() {
    let quiz = him();
    let mut rng = Rng::new(19);
    let (mut gaps, mut strong) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let picks: Vec<usize> = (0..quiz.questions.len()).map(|_| rng.below(2)).collect();
        let answers = styled(
            &quiz,
            &mut rng,
            |i, q, n| {
                let agree = n - picks[i];
                match q.kind {
                    QuestionKind::Scale { reverse: true, .. } => n + 1 - agree,
                    _ => agree,
                }
            },
            |q| !matches!(q.kind, QuestionKind::YesNo { reverse: true }),
        );
        let said = respond(&quiz, &answers);
        let fits: Vec<f64> = said.scores.profiles.iter().filter_map(|p| p.fit).collect();
        gaps.push(fits[0] - fits[1]);
        strong.push(
            said.scores
                .profiles
                .iter()
                .filter(|p| p.band == Some(0))
                .count(),
        );
    }
    gaps.sort_by(f64::total_cmp);
    strong.sort();
    let (gap, top) = (gaps[RUNS / 2], strong[RUNS / 2]);
    eprintln!("enthusiasts: median gap {gap:.1} points, median {top} pathways in the top band");
    assert!(gap >= 5.0, "median gap {gap}");
    assert!(top <= 2, "median {top} in the top band");
}

#[test]
fn someone_ready_only_for_a_certificate_sees_no_degree_pathway_first() {
    let quiz = him();
    let mut rng = Rng::new(23);
    let degree: Vec<usize> = quiz
        .profiles
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.needs.is_empty())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        degree.len(),
        3,
        "RHIT, RHIA and the technologist need a degree"
    );
    for p in 0..quiz.profiles.len() {
        for _ in 0..50 {
            let mut persona = pathway_persona(&quiz, p, &mut rng);
            persona.education = Some("certificate");
            let said = respond(&quiz, &answer_as(&quiz, &persona, &mut rng));
            let first = &said.scores.profiles[0];
            assert!(
                !degree.contains(&first.profile) || !first.within_reach(),
                "{} first within reach",
                quiz.profiles[first.profile].id
            );
            for fit in &said.scores.profiles {
                assert_eq!(
                    degree.contains(&fit.profile),
                    !fit.unmet_needs.is_empty(),
                    "a degree pathway is out of reach, and only those"
                );
            }
        }
    }
}

#[test]
fn one_answer_moved_one_step_rarely_moves_the_best_out_of_best() {
    let quiz = him();
    let mut rng = Rng::new(29);
    let (mut moved_out, mut moves) = (0, 0);
    for p in 0..quiz.profiles.len() {
        for _ in 0..20 {
            let persona = pathway_persona(&quiz, p, &mut rng);
            let answers = answer_as(&quiz, &persona, &mut rng);
            let before = respond(&quiz, &answers);
            for (i, q) in quiz.questions.iter().enumerate() {
                let (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) =
                    (&q.kind, &answers[i])
                else {
                    continue;
                };
                for step in [k.wrapping_sub(1), k + 1] {
                    if !(1..=labels.len()).contains(&step) {
                        continue;
                    }
                    let mut changed = answers.clone();
                    changed[i] = Some(Answer::Scale(step));
                    let after = scoring::score(&quiz, &changed);
                    moves += 1;
                    moved_out += usize::from(!before.best.contains(&after.profiles[0].profile));
                }
            }
        }
    }
    eprintln!(
        "one step: best moved outside the old best set in {:.2}% of {moves} moves",
        100.0 * share(moved_out, moves)
    );
    assert!(share(moved_out, moves) <= 0.03, "{moved_out} of {moves}");
}

#[test]
fn wanting_hands_on_patient_care_lowers_every_pathway() {
    let quiz = him();
    let bedside = trait_index(&quiz, "health-care-without-patients");
    let mut rng = Rng::new(31);
    for p in 0..quiz.profiles.len() {
        let mut persona = pathway_persona(&quiz, p, &mut rng);
        let answers = answer_as(&quiz, &persona, &mut Rng::new(1));
        persona.levels[bedside] = 0.05;
        let bedside_answers = answer_as(&quiz, &persona, &mut Rng::new(1));
        let (before, after) = (
            scoring::score(&quiz, &answers),
            scoring::score(&quiz, &bedside_answers),
        );
        for profile in 0..quiz.profiles.len() {
            let fit = |s: &Scores| {
                s.profiles
                    .iter()
                    .find(|f| f.profile == profile)
                    .unwrap()
                    .fit
                    .unwrap()
            };
            assert!(
                fit(&after) < fit(&before),
                "{} did not fall",
                quiz.profiles[profile].id
            );
        }
    }
}
