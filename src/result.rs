//! The result document: what `take --json` prints and `--output` writes (`careerfit/result/v1`).

use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};
use crate::scoring::Scores;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

pub const SCHEMA: &str = "careerfit/result/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "careerfit result",
    description = "What `careerfit take --json` prints and `--output` writes."
)]
pub struct QuizResult {
    /// Always "careerfit/result/v1".
    #[schemars(extend("const" = SCHEMA))]
    pub schema: String,
    /// The quiz that was taken.
    pub quiz: QuizRef,
    /// When the quiz was finished: RFC 3339, UTC, to the second.
    pub completed_at: String,
    /// Every question in quiz order, answered or skipped.
    pub answers: Vec<AnswerEntry>,
    /// Every trait in quiz order.
    pub traits: Vec<TraitEntry>,
    /// The pathways, best fit first; pathways not scored last.
    pub profiles: Vec<ProfileEntry>,
    /// What makes the result less trustworthy.
    pub warnings: Vec<String>,
    /// With `--explain`: where the explained pathway's fit comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<crate::explain::Explanation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// The quiz a result is for.
pub struct QuizRef {
    pub id: String,
    pub title: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// One question's answer.
pub struct AnswerEntry {
    /// The question's id.
    pub question: String,
    /// As in an answers file: a scale position (1 = first label), true/false, an
    /// option id, a list of option ids; null when skipped.
    pub answer: Json,
    /// The answer's value from 0 to 1 after reversing; null when skipped.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// One trait's score.
pub struct TraitEntry {
    pub id: String,
    pub name: String,
    /// From 0 to 100; null when every question of the trait was skipped.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub score: Option<f64>,
    /// How many of its questions were answered.
    pub answered: usize,
    /// How many questions measure it.
    pub questions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// One pathway's fit.
pub struct ProfileEntry {
    pub id: String,
    pub title: String,
    /// From 0 to 100; null when none of the traits it weighs was assessed.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub fit: Option<f64>,
    /// The label of the fit's band; null when not scored.
    pub band: Option<String>,
    pub education: Option<String>,
    pub job_titles: Vec<String>,
    pub certifications: Vec<CertificationEntry>,
    pub next_steps: Vec<String>,
    /// Ids of the traits scored below the pathway's minimum for them.
    pub growth_areas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CertificationEntry {
    pub name: String,
    pub detail: Option<String>,
}

/// The JSON Schema of result files, pretty-printed (`careerfit schema result`).
pub fn schema() -> String {
    let schema = schemars::schema_for!(QuizResult);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}

impl QuizResult {
    /// Assemble the result; `completed_at` is an RFC 3339 UTC timestamp.
    pub fn new(quiz: &Quiz, answers: &Answers, scores: &Scores, completed_at: String) -> Self {
        let answer_entries = quiz
            .questions
            .iter()
            .zip(answers)
            .zip(&scores.values)
            .map(|((question, answer), value)| AnswerEntry {
                question: question.id.clone(),
                answer: answer.as_ref().map_or(Json::Null, |a| a.to_json(question)),
                value: *value,
            })
            .collect();
        let traits = quiz
            .traits
            .iter()
            .zip(&scores.traits)
            .map(|(t, s)| TraitEntry {
                id: t.id.clone(),
                name: t.name.clone(),
                score: s.score,
                answered: s.answered,
                questions: s.questions,
            })
            .collect();
        let profiles = scores
            .profiles
            .iter()
            .map(|fit| {
                let p = &quiz.profiles[fit.profile];
                ProfileEntry {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    fit: fit.fit,
                    band: fit.band.map(|b| quiz.bands[b].label.clone()),
                    education: p.education.clone(),
                    job_titles: p.job_titles.clone(),
                    certifications: p
                        .certifications
                        .iter()
                        .map(|c| CertificationEntry {
                            name: c.name.clone(),
                            detail: c.detail.clone(),
                        })
                        .collect(),
                    next_steps: p.next_steps.clone(),
                    growth_areas: fit
                        .growth_areas
                        .iter()
                        .map(|&t| quiz.traits[t].id.clone())
                        .collect(),
                }
            })
            .collect();
        QuizResult {
            schema: SCHEMA.to_string(),
            quiz: QuizRef {
                id: quiz.id.clone(),
                title: quiz.title.clone(),
                version: quiz.version.clone(),
            },
            completed_at,
            answers: answer_entries,
            traits,
            profiles,
            warnings: warnings(quiz, answers, scores),
            explanation: None,
        }
    }
}

/// Plain statements about how far the result can be trusted (the `warnings` field):
/// skipped questions, straight-lining, traits and pathways resting on too little.
pub fn warnings(quiz: &Quiz, answers: &Answers, scores: &Scores) -> Vec<String> {
    let mut warnings = Vec::new();
    let total = scores.values.len();
    let skipped = scores.values.iter().filter(|v| v.is_none()).count();
    if skipped == total {
        warnings.push("No question was answered, so nothing could be scored.".to_string());
        return warnings;
    }
    if skipped > 0 {
        let were = if skipped == 1 { "was" } else { "were" };
        warnings.push(format!(
            "{skipped} of {total} questions {were} skipped; skipped questions count nowhere."
        ));
    }
    if skipped * 4 > total {
        warnings.push(
            "More than a quarter of the questions were skipped, so this result rests on few \
             answers."
                .to_string(),
        );
    }
    if let Some(warning) = straight_lining(quiz, answers) {
        warnings.push(warning);
    }
    let unassessed: Vec<&str> = quiz
        .traits
        .iter()
        .zip(&scores.traits)
        .filter(|(_, s)| s.score.is_none())
        .map(|(t, _)| t.name.as_str())
        .collect();
    if !unassessed.is_empty() {
        warnings.push(format!(
            "Not assessed (every question skipped): {}.",
            unassessed.join(", ")
        ));
    }
    for fit in &scores.profiles {
        let profile = &quiz.profiles[fit.profile];
        let weighed = profile.weights.len();
        let assessed = profile
            .weights
            .iter()
            .filter(|(t, _)| scores.traits[*t].score.is_some())
            .count();
        if fit.fit.is_none() {
            warnings.push(format!(
                "{} could not be scored: none of its traits was assessed.",
                profile.title
            ));
        } else if assessed * 2 < weighed {
            warnings.push(format!(
                "{}: its fit rests on {assessed} of the {weighed} traits it weighs; the others \
                 were not assessed.",
                profile.title
            ));
        }
    }
    warnings
}

/// Every scale question answered at the same position (at least three of them):
/// answers that never vary say little, whichever way the questions point.
fn straight_lining(quiz: &Quiz, answers: &Answers) -> Option<String> {
    let mut positions =
        quiz.questions
            .iter()
            .zip(answers)
            .filter_map(|(q, a)| match (&q.kind, a) {
                (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) => {
                    Some((*k, labels[*k - 1].as_str()))
                }
                _ => None,
            });
    let (first, label) = positions.next()?;
    let mut count = 1;
    let mut same_label = true;
    for (k, l) in positions {
        if k != first {
            return None;
        }
        same_label &= l == label;
        count += 1;
    }
    if count < 3 {
        return None;
    }
    let what = if same_label {
        format!("\"{label}\"")
    } else {
        format!("at position {first} of its scale")
    };
    Some(format!(
        "Every scale answer ({count} of them) was {what}. Answers that never vary say little \
         about you, so read this result with care."
    ))
}

#[cfg(test)]
mod tests {
    use super::warnings;
    use crate::answers::Answer::*;
    use crate::answers::Answers;
    use crate::{quiz, scoring};

    fn small() -> quiz::Quiz {
        quiz::load("small.yaml", include_str!("../tests/fixtures/small.yaml"))
            .unwrap()
            .0
    }

    fn warned(answers: Answers) -> Vec<String> {
        let quiz = small();
        let scores = scoring::score(&quiz, &answers);
        warnings(&quiz, &answers, &scores)
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
        let said = warnings(&quiz, &answers, &scores);
        assert!(
            said.contains(
                &"Alpha pathway: its fit rests on 1 of the 3 traits it weighs; the others were \
                  not assessed."
                    .to_string()
            ),
            "{said:#?}"
        );
    }
}
