//! The verdict and the pathways tell one story, in every format (issue #30): over
//! generated answer sets, from careful to careless, for the HIM quiz,
//! - under `probably_not` or `unclear`, no pathway shows a band above the third;
//! - with confidence not low, no dealbreaker, and a pathway within reach in the top
//!   band, the answer is `yes`;
//! - under `yes`, some pathway within reach is in the top two bands.
//!
//! Checked on the result (what `--format json` prints) and on what each renderer
//! draws from it: JSON, tables, plain text, Markdown and the HTML report, whose body
//! is the page `serve` shows a student.

use super::{Renderer, Style, View};
use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};
use crate::result::QuizResult;
use crate::verdict::Answer as Said;
use proptest::prelude::*;

fn him() -> Quiz {
    crate::quiz::load("him", crate::quiz::builtin::find("him-career-fit").unwrap())
        .unwrap()
        .0
}

/// Answers of a person with a level per trait (0 to 1), `care` as the chance that
/// each answer follows the level rather than being picked at random: from someone
/// careful to someone clicking anywhere.
fn answers(quiz: &Quiz, levels: &[f64], care: f64, picks: &[u32]) -> Answers {
    quiz.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let pick = picks[i % picks.len()];
            let random = f64::from(pick % 1000) / 1000.0 >= care;
            let level = levels[q.traits[0] % levels.len()];
            Some(match &q.kind {
                QuestionKind::Scale {
                    labels, reverse, ..
                } => {
                    let n = labels.len();
                    if random {
                        Answer::Scale(1 + pick as usize % n)
                    } else {
                        let share = if *reverse { 1.0 - level } else { level };
                        Answer::Scale(1 + (share * (n - 1) as f64).round() as usize)
                    }
                }
                QuestionKind::YesNo { reverse } => Answer::YesNo(if random {
                    pick.is_multiple_of(2)
                } else {
                    (level > 0.5) != *reverse
                }),
                QuestionKind::Choice { options } => Answer::Choice(pick as usize % options.len()),
                QuestionKind::Multi { options } => Answer::Multi(
                    (0..options.len())
                        .filter(|o| (pick >> (o % 16)) & 1 == 1)
                        .collect(),
                ),
            })
        })
        .collect()
}

/// Every format's drawing of the result.
fn drawings(view: &View) -> Vec<(&'static str, String)> {
    let style = Style {
        color: false,
        width: 80,
    };
    vec![
        ("json", super::json::Json.result(view)),
        ("table", super::table::Tables(style).result(view)),
        ("plain", super::plain::Plain(80).result(view)),
        ("markdown", super::markdown::Markdown.result(view)),
        ("html", super::html::Html.result(view)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_verdict_and_the_bands_tell_one_story_in_every_format(
        levels in proptest::collection::vec(0.0..=1.0_f64, 19),
        care in 0.0..=1.0_f64,
        picks in proptest::collection::vec(any::<u32>(), 60),
    ) {
        let quiz = him();
        let answers = answers(&quiz, &levels, care, &picks);
        let scores = crate::scoring::score(&quiz, &answers);
        let result = QuizResult::new(&quiz, &answers, &scores, "2026-12-08T00:00:00Z".into(), Vec::new());
        let verdict = result.verdict.as_ref().expect("the HIM quiz has a verdict");
        let top = [quiz.bands[0].label.as_str(), quiz.bands[1].label.as_str()];
        let reachable = |p: &&crate::result::ProfileEntry| {
            p.fit.is_some() && p.unmet_requirements.is_empty() && p.unmet_needs.is_empty()
        };
        let shown: Vec<&str> = result.profiles.iter().filter_map(|p| p.band.as_deref()).collect();
        let best = crate::explain::explain(&quiz, &scores, None);
        let view = View::new(&quiz, &result, None, best.as_ref());
        match verdict.answer {
            Said::ProbablyNot | Said::Unclear => {
                prop_assert!(shown.iter().all(|b| !top.contains(b)), "{:?} under {:?}", shown, verdict.answer);
                for (format, text) in drawings(&view) {
                    for label in top {
                        prop_assert!(!text.contains(label), "{format} shows {label} under {:?}", verdict.answer);
                    }
                }
            }
            Said::Yes => {
                prop_assert!(result.profiles.iter().filter(reachable).any(|p| p.band.as_deref().is_some_and(|b| top.contains(&b))));
                for (format, text) in drawings(&view) {
                    prop_assert!(top.iter().any(|l| text.contains(l)), "{format} shows no good band under yes");
                }
            }
            Said::Maybe => {}
        }
        let dealbreaker = verdict.reasons.iter().any(|r| r.code == "dealbreaker");
        let strong = result.profiles.iter().filter(reachable).any(|p| p.band.as_deref() == Some(top[0]));
        if result.confidence == crate::trust::Confidence::Ok && !dealbreaker && strong {
            prop_assert_eq!(verdict.answer, Said::Yes);
        }
    }
}
