//! How far a result can be trusted: the warnings it carries, each with a code, and its
//! confidence. Pure: a quiz, answers and scores in; no I/O, no printing.
//!
//! Confidence is `low` when any of these holds:
//! - straight-lining: every scale answer at one position, three or more of them;
//! - acquiescence: agreeing with a statement and with its reversed twin (see
//!   `acquiescence`), in at least half the traits where it can show, two at least;
//! - more than a quarter of the questions skipped (or none answered);
//! - the best fit rests on fewer than half the traits its pathway weighs.

use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};
use crate::scoring::Scores;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Nothing found that makes the result doubtful.
    #[default]
    Ok,
    /// Read the result with care: `warnings` say why.
    Low,
}

/// One statement about how far the result can be trusted.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Warning {
    /// What kind of warning: straight_lining, acquiescence, many_skipped, skipped,
    /// nothing_answered, not_assessed, not_scored, thin_fit, thin_best_fit,
    /// other_version; `note` for a warning of a v1 result.
    pub code: String,
    /// The warning in words.
    pub message: String,
}

/// Results of schema v1 carried warnings as plain text; they read as `note`s.
impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Text(String),
            Coded { code: String, message: String },
        }
        Ok(match Either::deserialize(deserializer)? {
            Either::Text(message) => Warning::new("note", message),
            Either::Coded { code, message } => Warning { code, message },
        })
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Warning {
    /// A note from reading the answers (a result of another quiz version).
    pub fn other_version(message: String) -> Self {
        Warning::new("other_version", message)
    }

    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Warning {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

/// The codes that make confidence low, and how the caution line says each.
const LOWERS_CONFIDENCE: &[(&str, &str)] = &[
    ("nothing_answered", "no question was answered"),
    ("straight_lining", "every scale answer was the same"),
    (
        "acquiescence",
        "you agreed with statements and with their opposites",
    ),
    (
        "many_skipped",
        "more than a quarter of the questions were skipped",
    ),
    (
        "thin_best_fit",
        "the best fit rests on fewer than half the traits it weighs",
    ),
];

/// Every warning code, and what it says about a respondent, for the class report.
pub const MEANINGS: &[(&str, &str)] = &[
    (
        "nothing_answered",
        "answered no question (lowers confidence)",
    ),
    (
        "straight_lining",
        "gave the same answer to every scale statement (lowers confidence)",
    ),
    (
        "acquiescence",
        "agreed with statements and with their opposites (lowers confidence)",
    ),
    (
        "many_skipped",
        "skipped more than a quarter of the questions (lowers confidence)",
    ),
    (
        "thin_best_fit",
        "has a best fit resting on fewer than half the traits it weighs (lowers confidence)",
    ),
    ("skipped", "skipped some questions, which count nowhere"),
    ("not_assessed", "answered no question of some trait"),
    ("not_scored", "has a pathway that could not be scored"),
    ("thin_fit", "has a pathway resting on few of its traits"),
    (
        "other_version",
        "was scored with another version of the quiz",
    ),
    ("note", "carries a note from an older result"),
];

/// What a warning code says about a respondent; the code itself when unknown.
pub fn meaning(code: &str) -> &str {
    MEANINGS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, meaning)| meaning)
}

/// Low when any warning is of a kind that lowers confidence.
pub fn confidence(warnings: &[Warning]) -> Confidence {
    if warnings
        .iter()
        .any(|w| LOWERS_CONFIDENCE.iter().any(|(code, _)| *code == w.code))
    {
        Confidence::Low
    } else {
        Confidence::Ok
    }
}

/// The line every summary leads with when confidence is low, before the pathways.
pub fn caution(warnings: &[Warning]) -> Option<String> {
    let reasons: Vec<&str> = LOWERS_CONFIDENCE
        .iter()
        .filter(|(code, _)| warnings.iter().any(|w| w.code == *code))
        .map(|(_, reason)| *reason)
        .collect();
    (!reasons.is_empty()).then(|| {
        format!(
            "Low confidence: {}. Read the fits below with care; they may not describe you.",
            reasons.join("; ")
        )
    })
}

/// Every warning for a result, in a fixed order.
pub fn warnings(quiz: &Quiz, answers: &Answers, scores: &Scores) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let total = scores.values.len();
    let skipped = scores.values.iter().filter(|v| v.is_none()).count();
    if skipped == total {
        warnings.push(Warning::new(
            "nothing_answered",
            "No question was answered, so nothing could be scored.",
        ));
        return warnings;
    }
    if skipped > 0 {
        let were = if skipped == 1 { "was" } else { "were" };
        warnings.push(Warning::new(
            "skipped",
            format!(
                "{skipped} of {total} questions {were} skipped; skipped questions count nowhere."
            ),
        ));
    }
    if skipped * 4 > total {
        warnings.push(Warning::new(
            "many_skipped",
            "More than a quarter of the questions were skipped, so this result rests on few \
             answers.",
        ));
    }
    if let Some(message) = straight_lining(quiz, answers) {
        warnings.push(Warning::new("straight_lining", message));
    }
    if let Some(message) = acquiescence(quiz, answers) {
        warnings.push(Warning::new("acquiescence", message));
    }
    let unassessed: Vec<&str> = quiz
        .traits
        .iter()
        .zip(&scores.traits)
        .filter(|(_, s)| s.score.is_none())
        .map(|(t, _)| t.name.as_str())
        .collect();
    if !unassessed.is_empty() {
        warnings.push(Warning::new(
            "not_assessed",
            format!(
                "Not assessed (every question skipped): {}.",
                unassessed.join(", ")
            ),
        ));
    }
    let best = scores
        .profiles
        .first()
        .filter(|f| f.fit.is_some())
        .map(|f| f.profile);
    for fit in &scores.profiles {
        let profile = &quiz.profiles[fit.profile];
        let weighed = profile.weights.len();
        let assessed = profile
            .weights
            .iter()
            .filter(|(t, _)| scores.traits[*t].score.is_some())
            .count();
        if fit.fit.is_none() {
            warnings.push(Warning::new(
                "not_scored",
                format!(
                    "{} could not be scored: none of its traits was assessed.",
                    profile.title
                ),
            ));
        } else if assessed * 2 < weighed {
            let code = if best == Some(fit.profile) {
                "thin_best_fit"
            } else {
                "thin_fit"
            };
            warnings.push(Warning::new(
                code,
                format!(
                    "{}: its fit rests on {assessed} of the {weighed} traits it weighs; the \
                     others were not assessed.",
                    profile.title
                ),
            ));
        }
    }
    warnings
}

/// Answered scale questions as (question index, position, number of labels, reversed).
fn scale_answers<'a>(
    quiz: &'a Quiz,
    answers: &'a Answers,
) -> impl Iterator<Item = (usize, usize, usize, bool)> + 'a {
    quiz.questions
        .iter()
        .zip(answers)
        .enumerate()
        .filter_map(|(i, (q, a))| match (&q.kind, a) {
            (QuestionKind::Scale { labels, reverse }, Some(Answer::Scale(k))) => {
                Some((i, *k, labels.len(), *reverse))
            }
            _ => None,
        })
}

/// Every scale question answered at the same position (at least three of them):
/// answers that never vary say little, whichever way the questions point.
fn straight_lining(quiz: &Quiz, answers: &Answers) -> Option<String> {
    let mut positions = scale_answers(quiz, answers).map(|(i, k, _, _)| (i, k));
    let (first_question, first) = positions.next()?;
    let label = |i: usize, k: usize| match &quiz.questions[i].kind {
        QuestionKind::Scale { labels, .. } => labels[k - 1].as_str(),
        _ => "",
    };
    let first_label = label(first_question, first);
    let mut count = 1;
    let mut same_label = true;
    for (i, k) in positions {
        if k != first {
            return None;
        }
        same_label &= label(i, k) == first_label;
        count += 1;
    }
    if count < 3 {
        return None;
    }
    let what = if same_label {
        format!("\"{first_label}\"")
    } else {
        format!("at position {first} of its scale")
    };
    Some(format!(
        "Every scale answer ({count} of them) was {what}. Answers that never vary say little \
         about you, so read this result with care."
    ))
}

/// Acquiescence, agreeing whatever a statement says. In a trait with both plain and
/// reversed scale questions answered, the person agrees with a statement when they
/// answer above the middle of its scale. The trait contradicts itself when, on
/// average, they agree with its plain statements and with its reversed ones too.
/// Said when at least half of such traits contradict themselves, and two at least.
pub fn acquiescence(quiz: &Quiz, answers: &Answers) -> Option<String> {
    // Per trait: (sum, count) of agreement shares for plain and for reversed questions.
    let mut sums = vec![[(0.0_f64, 0_usize); 2]; quiz.traits.len()];
    for (i, k, labels, reverse) in scale_answers(quiz, answers) {
        let share = (k as f64 - 1.0) / (labels as f64 - 1.0);
        let slot = &mut sums[quiz.questions[i].trait_index][usize::from(reverse)];
        slot.0 += share;
        slot.1 += 1;
    }
    let (mut eligible, mut contradicting) = (0, 0);
    for [plain, reversed] in &sums {
        if plain.1 > 0 && reversed.1 > 0 {
            eligible += 1;
            if plain.0 / plain.1 as f64 > 0.5 && reversed.0 / reversed.1 as f64 > 0.5 {
                contradicting += 1;
            }
        }
    }
    (contradicting >= 2 && contradicting * 2 >= eligible).then(|| {
        format!(
            "In {contradicting} of the {eligible} traits with statements both ways round, you agreed \
             with a statement and with its opposite. Agreeing whatever a statement says makes \
             every fit look better than it is, so read this result with care.",
        )
    })
}

#[cfg(test)]
mod tests {
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
}
