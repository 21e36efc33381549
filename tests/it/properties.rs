//! Laws of scoring and loading, checked on generated quizzes and answers (proptest),
//! and a mutation test: the HIM quiz, broken at random, loads or is refused, never panics.

use careerfit::answers::{Answer, Answers};
use careerfit::quiz::file::{
    BandFile, OccupationFile, OptionFile, OrderedMap, ProfileFile, QuestionFile, QuestionType,
    QuizFile, ScaleFile, SourceFile, TraitFile,
};
use careerfit::quiz::{self, QuestionKind, Quiz};
use careerfit::scoring::{self, Scores};
use proptest::prelude::*;
use proptest::sample::Index;

const EPSILON: f64 = 1e-9;

// ---------------------------------------------------------------------------------
// Generators

/// Text a quiz author might write, including what YAML treats specially: `: `, `#`,
/// quotes, leading dashes and spaces, words YAML 1.1 reads as booleans, and non-ASCII.
fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z ,.'?]{0,30}",
        Just("No".to_string()),
        Just("yes".to_string()),
        Just("on".to_string()),
        Just("1.0".to_string()),
        Just("null".to_string()),
        Just("- a: b # c".to_string()),
        Just("\"quoted\" and 'single'".to_string()),
        Just("Über-café naïve ☕".to_string()),
        "[^\\p{C}]{1,20}",
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), Just(0.5), Just(2.0), 0.1f64..10.0]
}

/// Options for a choice or multi question: one scored 1, one scored 0, more between,
/// so that every question can reach both ends of [0, 1].
fn options() -> impl Strategy<Value = Vec<OptionFile>> {
    (
        proptest::collection::vec((prose(), 0.0f64..=1.0), 0..4),
        prose(),
        prose(),
    )
        .prop_map(|(more, top, bottom)| {
            let mut scored = vec![(top, 1.0), (bottom, 0.0)];
            scored.extend(more);
            scored
                .into_iter()
                .enumerate()
                .map(|(i, (label, score))| OptionFile {
                    id: format!("o{i}"),
                    label: format!("{label} {i}"),
                    score: Some(score),
                    scores: None,
                })
                .collect()
        })
}

fn question(trait_id: String, scales: usize) -> impl Strategy<Value = QuestionFile> {
    (
        0..4usize,
        prose(),
        prop::option::of(weight()),
        any::<bool>(),
        options(),
        0..scales.max(1),
    )
        .prop_map(move |(kind, text, weight, reverse, options, scale)| {
            let kind = [
                QuestionType::Scale,
                QuestionType::YesNo,
                QuestionType::Choice,
                QuestionType::Multi,
            ][kind];
            let reversible = matches!(kind, QuestionType::Scale | QuestionType::YesNo);
            QuestionFile {
                id: String::new(),
                text,
                trait_id: Some(trait_id.clone()),
                kind,
                scale: (kind == QuestionType::Scale && scales > 0).then(|| format!("s{scale}")),
                weight,
                reverse: reversible.then_some(reverse),
                required: None,
                options: (!reversible).then_some(options),
            }
        })
}

/// A valid quiz: every trait measured by a question and weighed by the first profile.
fn quiz_file() -> impl Strategy<Value = QuizFile> {
    (1..5usize, 0..3usize)
        .prop_flat_map(|(traits, scales)| {
            let scale_labels = proptest::collection::vec(
                proptest::collection::vec(prose(), 2..=11),
                scales..=scales,
            );
            // At least one question per trait, then more for random traits.
            let first = (0..traits)
                .map(|t| question(format!("t{t}"), scales))
                .collect::<Vec<_>>();
            let more = proptest::collection::vec(
                (0..traits).prop_flat_map(move |t| question(format!("t{t}"), scales)),
                0..8,
            );
            let profiles = proptest::collection::vec(
                proptest::collection::vec(prop_oneof![Just(0.0), weight()], traits..=traits),
                0..3,
            );
            let first_profile = proptest::collection::vec(weight(), traits..=traits);
            let bands = prop::option::of(proptest::collection::vec(0.0f64..=100.0, 0..3));
            (
                Just(traits),
                prose(),
                scale_labels,
                first,
                more,
                first_profile,
                profiles,
                bands,
            )
        })
        .prop_map(
            |(traits, title, scales, first, more, first_profile, profiles, bands)| {
                let mut questions: Vec<QuestionFile> = first.into_iter().chain(more).collect();
                for (i, q) in questions.iter_mut().enumerate() {
                    q.id = format!("q{i}");
                }
                let profiles = std::iter::once(first_profile)
                    .chain(profiles)
                    .enumerate()
                    .map(|(p, weights)| ProfileFile {
                        id: format!("p{p}"),
                        title: format!("Pathway {p}"),
                        summary: None,
                        education: None,
                        weights: OrderedMap(
                            weights
                                .into_iter()
                                .enumerate()
                                .map(|(t, w)| (format!("t{t}"), w))
                                .collect(),
                        ),
                        minimums: OrderedMap::default(),
                        requires: OrderedMap::default(),
                        needs: vec![],
                        job_titles: vec![],
                        occupations: vec![],
                        certifications: vec![],
                        next_steps: vec![],
                    })
                    .filter(|p| p.weights.0.iter().any(|(_, w)| *w > 0.0))
                    .collect();
                QuizFile {
                    id: "generated".to_string(),
                    title,
                    version: "1.0".to_string(),
                    description: None,
                    sources: vec![SourceFile {
                        id: None,
                        title: "Generated".to_string(),
                        url: None,
                        as_of: None,
                        note: None,
                    }],
                    scales: OrderedMap(
                        scales
                            .into_iter()
                            .enumerate()
                            .map(|(s, labels)| {
                                let labels = labels
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, l)| format!("{l} {i}"))
                                    .collect();
                                (format!("s{s}"), ScaleFile { labels })
                            })
                            .collect(),
                    ),
                    traits: (0..traits)
                        .map(|t| TraitFile {
                            id: format!("t{t}"),
                            name: format!("Trait {t}"),
                            description: None,
                        })
                        .collect(),
                    questions,
                    profiles,
                    bands: bands.map(|mins| {
                        std::iter::once(0.0)
                            .chain(mins.into_iter().filter(|m| *m > 0.0))
                            .enumerate()
                            .map(|(i, min)| BandFile {
                                min,
                                label: format!("Band {i}"),
                                message: None,
                            })
                            .collect()
                    }),
                    tie_margin: None,
                    verdict: None,
                    pairs: vec![],
                }
            },
        )
}

fn load(file: &QuizFile) -> Quiz {
    let yaml = serde_yaml::to_string(file).expect("a quiz serialises");
    match quiz::load("generated.yaml", &yaml) {
        Ok((quiz, _warnings)) => quiz,
        Err(problems) => panic!("generated quiz is invalid: {problems:#?}\n{yaml}"),
    }
}

/// The answers a question can take, with their values, lowest value first.
fn possible_answers(quiz: &Quiz, q: usize) -> Vec<Answer> {
    let question = &quiz.questions[q];
    let mut all: Vec<Answer> = match &question.kind {
        QuestionKind::Scale { labels, .. } => (1..=labels.len()).map(Answer::Scale).collect(),
        QuestionKind::YesNo { .. } => vec![Answer::YesNo(false), Answer::YesNo(true)],
        QuestionKind::Choice { options } => (0..options.len()).map(Answer::Choice).collect(),
        QuestionKind::Multi { options } => (0..1u32 << options.len())
            .map(|mask| {
                Answer::Multi(
                    (0..options.len())
                        .filter(|i| mask & (1 << i) != 0)
                        .collect(),
                )
            })
            .collect(),
    };
    all.sort_by(|a, b| scoring::value(question, a).total_cmp(&scoring::value(question, b)));
    all
}

/// A quiz and answers to it: each question skipped or given one of its answers.
fn quiz_and_answers() -> impl Strategy<Value = (Quiz, Answers)> {
    quiz_file().prop_flat_map(|file| {
        let quiz = load(&file);
        let picks = proptest::collection::vec(
            prop::option::weighted(0.85, any::<Index>()),
            quiz.questions.len(),
        );
        (Just(quiz), picks).prop_map(|(quiz, picks)| {
            let answers = picks
                .iter()
                .enumerate()
                .map(|(q, pick)| {
                    pick.map(|i| {
                        let all = possible_answers(&quiz, q);
                        all[i.index(all.len())].clone()
                    })
                })
                .collect();
            (quiz, answers)
        })
    })
}

fn fit_of(scores: &Scores, profile: usize) -> Option<f64> {
    scores
        .profiles
        .iter()
        .find(|p| p.profile == profile)
        .and_then(|p| p.fit)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < EPSILON,
        (None, None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------
// Laws

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_score_and_fit_is_null_or_within_0_and_100((quiz, answers) in quiz_and_answers()) {
        let scores = scoring::score(&quiz, &answers);
        for t in &scores.traits {
            if let Some(s) = t.score {
                prop_assert!((-EPSILON..=100.0 + EPSILON).contains(&s), "trait score {s}");
            }
        }
        for p in &scores.profiles {
            if let Some(f) = p.fit {
                prop_assert!((-EPSILON..=100.0 + EPSILON).contains(&f), "fit {f}");
            }
        }
    }

    #[test]
    fn all_highest_answers_give_100_and_all_lowest_give_0(file in quiz_file()) {
        let quiz = load(&file);
        for (pick_last, expected) in [(true, 100.0), (false, 0.0)] {
            let answers: Answers = (0..quiz.questions.len())
                .map(|q| {
                    let all = possible_answers(&quiz, q);
                    Some(if pick_last { all.last() } else { all.first() }.unwrap().clone())
                })
                .collect();
            let scores = scoring::score(&quiz, &answers);
            for t in &scores.traits {
                prop_assert!(close(t.score, Some(expected)), "trait {:?}", t.score);
            }
            for p in &scores.profiles {
                prop_assert!(close(p.fit, Some(expected)), "fit {:?}", p.fit);
            }
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_traits_score(
        (quiz, answers) in quiz_and_answers(),
        which in any::<Index>(),
        raise in any::<Index>(),
    ) {
        let q = which.index(quiz.questions.len());
        let question = &quiz.questions[q];
        let Some(before) = answers[q].clone() else { return Ok(()) };
        let higher: Vec<Answer> = possible_answers(&quiz, q)
            .into_iter()
            .filter(|a| scoring::value(question, a) >= scoring::value(question, &before))
            .collect();
        let mut raised = answers.clone();
        raised[q] = Some(higher[raise.index(higher.len())].clone());
        let old = scoring::score(&quiz, &answers).traits[question.traits[0]].score.unwrap();
        let new = scoring::score(&quiz, &raised).traits[question.traits[0]].score.unwrap();
        prop_assert!(new >= old - EPSILON, "{old} fell to {new}");
    }

    #[test]
    fn reordering_questions_changes_no_score(
        (quiz, answers) in quiz_and_answers(),
        seed in any::<u64>(),
    ) {
        // A permutation from the seed: sort the positions by a hash of (seed, position).
        let mut order: Vec<usize> = (0..quiz.questions.len()).collect();
        order.sort_by_key(|&i| (seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).rotate_left(17));
        let mut shuffled = quiz.clone();
        shuffled.questions = order.iter().map(|&i| quiz.questions[i].clone()).collect();
        let shuffled_answers: Answers = order.iter().map(|&i| answers[i].clone()).collect();

        let a = scoring::score(&quiz, &answers);
        let b = scoring::score(&shuffled, &shuffled_answers);
        for (x, y) in a.traits.iter().zip(&b.traits) {
            prop_assert!(close(x.score, y.score), "{:?} vs {:?}", x.score, y.score);
        }
        for p in 0..quiz.profiles.len() {
            prop_assert!(close(fit_of(&a, p), fit_of(&b, p)));
        }
    }

    /// Explain's contributions are the exact decomposition of every pathway's fit.
    #[test]
    fn contributions_sum_to_the_fit_for_every_pathway((quiz, answers) in quiz_and_answers()) {
        let scores = scoring::score(&quiz, &answers);
        for fit in &scores.profiles {
            let explained = careerfit::explain::explain(&quiz, &scores, Some(fit.profile));
            match (fit.fit, explained) {
                (None, None) => {}
                (Some(f), Some(e)) => {
                    let sum: f64 = e.contributions.iter().map(|c| c.points).sum();
                    prop_assert!((sum - f).abs() < EPSILON, "{sum} vs fit {f}");
                    let left: f64 = e.contributions.iter().map(|c| c.left).sum();
                    prop_assert!((sum + left - 100.0).abs() < 1e-6, "points and left make 100");
                }
                (f, e) => prop_assert!(false, "fit {f:?} but explanation {e:?}"),
            }
        }
    }

    #[test]
    fn reversing_a_scale_item_mirrors_its_value(labels in 2..=11usize, position in any::<Index>()) {
        let labels: Vec<String> = (0..labels).map(|i| format!("L{i}")).collect();
        let n = labels.len();
        let k = position.index(n) + 1;
        let make = |reverse| quiz::Question {
            id: "q".into(),
            text: "Q".into(),
            traits: vec![0],
            weight: 1.0,
            required: false,
            kind: QuestionKind::Scale { labels: labels.clone(), reverse, scale: None },
        };
        let (plain, reversed) = (make(false), make(true));
        let v = scoring::value(&plain, &Answer::Scale(k));
        let r = scoring::value(&reversed, &Answer::Scale(k));
        prop_assert!((r - (1.0 - v)).abs() < EPSILON);
        prop_assert!((r - scoring::value(&plain, &Answer::Scale(n + 1 - k))).abs() < EPSILON);
    }

    #[test]
    fn a_quiz_written_back_out_as_yaml_loads_and_scores_the_same(
        (quiz, answers) in quiz_and_answers(),
        file in quiz_file(),
    ) {
        // Write the file types out, read them back, write again: both load alike.
        let yaml = serde_yaml::to_string(&file).unwrap();
        let reread: QuizFile = serde_yaml::from_str(&yaml).unwrap();
        prop_assert_eq!(load(&file), load(&reread));
        // And a loaded quiz scores the same after the same trip.
        let yaml = serde_yaml::to_string(&quiz_to_file(&quiz)).unwrap();
        let (again, _) = quiz::load("again.yaml", &yaml).unwrap();
        prop_assert_eq!(&scales_unnamed(&again), &scales_unnamed(&quiz));
        prop_assert_eq!(scoring::score(&again, &answers), scoring::score(&quiz, &answers));
    }
}

/// The quiz with its scales' names forgotten: `quiz_to_file` names them anew, and
/// only translations read the names.
fn scales_unnamed(quiz: &Quiz) -> Quiz {
    let mut quiz = quiz.clone();
    for q in &mut quiz.questions {
        if let QuestionKind::Scale { scale, .. } = &mut q.kind {
            *scale = None;
        }
    }
    quiz
}

/// A loaded quiz back in file form, as an author would have written it.
fn quiz_to_file(quiz: &Quiz) -> QuizFile {
    let mut scales: Vec<(String, ScaleFile)> = Vec::new();
    let questions = quiz
        .questions
        .iter()
        .map(|q| {
            let (kind, scale, reverse, options) = match &q.kind {
                QuestionKind::Scale {
                    labels, reverse, ..
                } => {
                    let name = match scales.iter().position(|(_, s)| &s.labels == labels) {
                        Some(i) => scales[i].0.clone(),
                        None => {
                            let name = format!("s{}", scales.len());
                            scales.push((
                                name.clone(),
                                ScaleFile {
                                    labels: labels.clone(),
                                },
                            ));
                            name
                        }
                    };
                    (QuestionType::Scale, Some(name), Some(*reverse), None)
                }
                QuestionKind::YesNo { reverse } => {
                    (QuestionType::YesNo, None, Some(*reverse), None)
                }
                QuestionKind::Choice { options } | QuestionKind::Multi { options } => (
                    if matches!(q.kind, QuestionKind::Choice { .. }) {
                        QuestionType::Choice
                    } else {
                        QuestionType::Multi
                    },
                    None,
                    None,
                    Some(
                        options
                            .iter()
                            .map(|o| OptionFile {
                                id: o.id.clone(),
                                label: o.label.clone(),
                                score: (!q.is_forced_choice()).then(|| o.scores[0]),
                                scores: q.is_forced_choice().then(|| {
                                    OrderedMap(
                                        q.traits
                                            .iter()
                                            .zip(&o.scores)
                                            .map(|(&t, &v)| (quiz.traits[t].id.clone(), v))
                                            .collect(),
                                    )
                                }),
                            })
                            .collect(),
                    ),
                ),
            };
            QuestionFile {
                id: q.id.clone(),
                text: q.text.clone(),
                trait_id: (!q.is_forced_choice()).then(|| quiz.traits[q.traits[0]].id.clone()),
                kind,
                scale,
                weight: Some(q.weight),
                reverse,
                required: Some(q.required),
                options,
            }
        })
        .collect();
    let trait_id = |t: usize| quiz.traits[t].id.clone();
    QuizFile {
        id: quiz.id.clone(),
        title: quiz.title.clone(),
        version: quiz.version.clone(),
        description: quiz.description.clone(),
        sources: quiz
            .sources
            .iter()
            .map(|s| SourceFile {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                as_of: s.as_of.clone(),
                note: s.note.clone(),
            })
            .collect(),
        scales: OrderedMap(scales),
        traits: quiz
            .traits
            .iter()
            .map(|t| TraitFile {
                id: t.id.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
            })
            .collect(),
        questions,
        profiles: quiz
            .profiles
            .iter()
            .map(|p| ProfileFile {
                id: p.id.clone(),
                title: p.title.clone(),
                summary: p.summary.clone(),
                education: p.education.clone(),
                weights: OrderedMap(p.weights.iter().map(|&(t, w)| (trait_id(t), w)).collect()),
                minimums: OrderedMap(p.minimums.iter().map(|&(t, m)| (trait_id(t), m)).collect()),
                requires: OrderedMap(p.requires.iter().map(|&(t, m)| (trait_id(t), m)).collect()),
                needs: vec![],
                job_titles: p.job_titles.clone(),
                occupations: p
                    .occupations
                    .iter()
                    .map(|o| OccupationFile {
                        code: o.code.clone(),
                        title: o.title.clone(),
                        source: quiz.sources[o.source].id.clone().unwrap_or_default(),
                        median_pay: o.median_pay.map(|(pay, _)| pay),
                        pay_year: o.median_pay.map(|(_, year)| year),
                        growth: o.growth.as_ref().map(|(g, _)| *g),
                        growth_period: o.growth.as_ref().map(|(_, p)| p.clone()),
                    })
                    .collect(),
                certifications: vec![],
                next_steps: p.next_steps.clone(),
            })
            .collect(),
        bands: Some(
            quiz.bands
                .iter()
                .map(|b| BandFile {
                    min: b.min,
                    label: b.label.clone(),
                    message: b.message.clone(),
                })
                .collect(),
        ),
        tie_margin: Some(quiz.tie_margin),
        verdict: None,
        pairs: vec![],
    }
}

// ---------------------------------------------------------------------------------
// Mutation: the HIM quiz broken at random

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    DeleteByte(Index),
    DuplicateByte(Index),
    SwapBytes(Index, Index),
    SetByte(Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<Index>().prop_map(Mutation::DeleteByte),
        any::<Index>().prop_map(Mutation::DuplicateByte),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapBytes(a, b)),
        (any::<Index>(), any::<u8>()).prop_map(|(a, b)| Mutation::SetByte(a, b)),
    ]
}

fn mutate(text: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = text
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    let mut bytes_mutations = Vec::new();
    for m in mutations {
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i.index(lines.len()));
            }
            Mutation::DuplicateLine(i) => {
                let i = i.index(lines.len());
                lines.insert(i, lines[i].clone());
            }
            Mutation::SwapLines(a, b) => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
            }
            other => bytes_mutations.push(other.clone()),
        }
    }
    let mut bytes = lines.concat();
    for m in bytes_mutations {
        if bytes.is_empty() {
            break;
        }
        match m {
            Mutation::DeleteByte(i) => {
                bytes.remove(i.index(bytes.len()));
            }
            Mutation::DuplicateByte(i) => {
                let i = i.index(bytes.len());
                bytes.insert(i, bytes[i]);
            }
            Mutation::SwapBytes(a, b) => {
                let (a, b) = (a.index(bytes.len()), b.index(bytes.len()));
                bytes.swap(a, b);
            }
            Mutation::SetByte(i, b) => {
                let i = i.index(bytes.len());
                bytes[i] = b;
            }
            _ => unreachable!("line mutations are applied above"),
        }
    }
    bytes
}

proptest! {
    // Bounded: each case loads the 35-question quiz once.
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn a_randomly_broken_him_quiz_loads_or_is_refused_never_panics(
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let original = quiz::builtin::find("him-career-fit").unwrap();
        let broken = mutate(original.as_bytes(), &mutations);
        let text = String::from_utf8_lossy(&broken);
        match quiz::load("broken.yaml", &text) {
            Ok((quiz, _)) => prop_assert!(!quiz.questions.is_empty()),
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().any(|p| p.is_error()));
                for p in &problems {
                    prop_assert!(!p.message.is_empty());
                    prop_assert!(p.to_string().starts_with("broken.yaml"));
                }
            }
        }
    }
}
