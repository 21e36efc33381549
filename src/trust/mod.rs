//! How far a result can be trusted: the warnings it carries, each with a code, and its
//! confidence. Pure: a quiz, answers and scores in; no I/O, no printing.
//!
//! Evidence is graded. Strong evidence, a pattern real people almost never show
//! (measured on the real respondents of `tests/fixtures/real`), makes confidence
//! `low`; weak evidence is a note that names the pattern and keeps the answer.
//!
//! Confidence is `low` when any of these holds:
//! - straight-lining: every scale answer at one position, three or more of them;
//! - acquiescence: agreeing with statements and their reversed twins alike, strongly
//!   (`patterns::AGREEING_STRONG`); nay-saying, its mirror, only when nearly
//!   complete (`patterns::DISAGREEING_STRONG`); a milder lean is a note
//!   (`leans_agreeing`, `leans_disagreeing`);
//! - alternating extremes: most scale answers at the ends of the scale, switching end
//!   from one statement to the next (see `alternating`);
//! - mostly neutral: the middle of the scale ("Not sure") for most scale answers;
//! - inconsistency: answers to statements of one trait, and to the quiz's pairs,
//!   disagree about as much as random answers do (`patterns::consistency`); less
//!   than that, but more than careful people's, is a note (`some_contradictions`);
//! - too fast: most answers given faster than the question can be read (timed by the
//!   interactive quiz only; see `prompt::pace`);
//! - more than a quarter of the questions skipped (or none answered);
//! - the best fit rests on fewer than half the traits its pathway weighs.

use crate::answers::Answers;
use crate::quiz::Quiz;
use crate::scoring::Scores;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod patterns;
mod words;
use patterns::{consistency, scale_patterns, straight_lining};

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
        "nay_saying",
        "you disagreed with nearly every statement and with its opposite",
    ),
    (
        "alternating",
        "your answers jumped between the two ends of the scale",
    ),
    (
        "mostly_neutral",
        "most answers were in the middle of the scale, which says little",
    ),
    (
        "inconsistent",
        "answers to statements about the same thing disagreed about as much as random answers do",
    ),
    (
        "too_fast",
        "most answers came faster than the questions can be read",
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
        "nay_saying",
        "disagreed with statements and with their opposites (lowers confidence)",
    ),
    (
        "alternating",
        "jumped between the two ends of the scale (lowers confidence)",
    ),
    (
        "mostly_neutral",
        "answered most statements at the middle of the scale (lowers confidence)",
    ),
    (
        "inconsistent",
        "gave answers about the same thing that disagree as random answers do (lowers confidence)",
    ),
    (
        "too_fast",
        "answered faster than the questions can be read (lowers confidence)",
    ),
    (
        "many_skipped",
        "skipped more than a quarter of the questions (lowers confidence)",
    ),
    (
        "thin_best_fit",
        "has a best fit resting on fewer than half the traits it weighs (lowers confidence)",
    ),
    (
        "leans_agreeing",
        "leaned toward agreeing with statements and their opposites (a note)",
    ),
    (
        "leans_disagreeing",
        "leaned toward disagreeing with statements and their opposites (a note)",
    ),
    (
        "some_contradictions",
        "gave some answers that disagree with answers about the same thing (a note)",
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

/// The code, as the table of codes that make confidence low holds it; `None` for a
/// code that does not.
pub fn lowering(code: &str) -> Option<&'static str> {
    LOWERS_CONFIDENCE
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(c, _)| *c)
}

/// Whether a warning of this code makes confidence low.
pub fn lowers_confidence(code: &str) -> bool {
    LOWERS_CONFIDENCE.iter().any(|(c, _)| *c == code)
}

/// Low when any warning is of a kind that lowers confidence.
pub fn confidence(warnings: &[impl Coded]) -> Confidence {
    if warnings
        .iter()
        .any(|w| LOWERS_CONFIDENCE.iter().any(|(code, _)| *code == w.code()))
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

/// A warning's code, whether it is in words yet (`Warning`) or not (`Finding`).
pub trait Coded {
    fn code(&self) -> &str;
}

impl Coded for Warning {
    fn code(&self) -> &str {
        &self.code
    }
}

/// What makes a result less trustworthy, found but not yet put in words: `score`
/// writes only the codes of most rows, and the words cost more than the finding.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding<'q> {
    NothingAnswered,
    Skipped {
        skipped: usize,
        total: usize,
    },
    ManySkipped,
    /// Every scale answer at position `position`, `count` of them; `label` when it
    /// is the same label on every scale.
    StraightLining {
        count: usize,
        position: usize,
        label: Option<&'q str>,
    },
    /// The lean toward agreeing (see `patterns::LEANING`) over `eligible` traits.
    Acquiescence {
        lean: f64,
        eligible: usize,
    },
    NaySaying {
        lean: f64,
        eligible: usize,
    },
    LeansAgreeing {
        lean: f64,
        eligible: usize,
    },
    LeansDisagreeing {
        lean: f64,
        eligible: usize,
    },
    /// `extreme` of `count` scale answers at an end of the scale, switching end
    /// `switches` times.
    Alternating {
        count: usize,
        switches: usize,
    },
    /// `neutral` of `count` scale answers at the middle of the scale.
    MostlyNeutral {
        neutral: usize,
        count: usize,
    },
    /// Answers that should agree disagree by `scatter` times what random answers
    /// give (see `patterns::consistency`), on `units` pieces of evidence.
    Inconsistent {
        scatter: f64,
        units: usize,
    },
    SomeContradictions {
        scatter: f64,
        units: usize,
    },
    /// The names of the traits not assessed.
    NotAssessed(Vec<&'q str>),
    NotScored {
        pathway: &'q str,
    },
    /// A pathway's fit rests on `assessed` of the `weighed` traits; `best` when it
    /// is the best fit.
    ThinFit {
        pathway: &'q str,
        assessed: usize,
        weighed: usize,
        best: bool,
    },
}

impl Coded for Finding<'_> {
    fn code(&self) -> &str {
        match self {
            Finding::NothingAnswered => "nothing_answered",
            Finding::Skipped { .. } => "skipped",
            Finding::ManySkipped => "many_skipped",
            Finding::StraightLining { .. } => "straight_lining",
            Finding::Acquiescence { .. } => "acquiescence",
            Finding::NaySaying { .. } => "nay_saying",
            Finding::LeansAgreeing { .. } => "leans_agreeing",
            Finding::LeansDisagreeing { .. } => "leans_disagreeing",
            Finding::SomeContradictions { .. } => "some_contradictions",
            Finding::Alternating { .. } => "alternating",
            Finding::MostlyNeutral { .. } => "mostly_neutral",
            Finding::Inconsistent { .. } => "inconsistent",
            Finding::NotAssessed(_) => "not_assessed",
            Finding::NotScored { .. } => "not_scored",
            Finding::ThinFit { best: true, .. } => "thin_best_fit",
            Finding::ThinFit { best: false, .. } => "thin_fit",
        }
    }
}

/// Every warning for a result, in a fixed order.
pub fn warnings(quiz: &Quiz, answers: &Answers, scores: &Scores) -> Vec<Warning> {
    findings(quiz, answers, scores)
        .iter()
        .map(Finding::warning)
        .collect()
}

/// Every finding for a result, in the order of `warnings`.
pub fn findings<'q>(quiz: &'q Quiz, answers: &Answers, scores: &Scores) -> Vec<Finding<'q>> {
    let mut found = Vec::new();
    let total = scores.values.len();
    let skipped = scores.values.iter().filter(|v| v.is_none()).count();
    if skipped == total {
        found.push(Finding::NothingAnswered);
        return found;
    }
    if skipped > 0 {
        found.push(Finding::Skipped { skipped, total });
    }
    if skipped * 4 > total {
        found.push(Finding::ManySkipped);
    }
    let straight = straight_lining(quiz, answers);
    let lined = straight.is_some();
    found.extend(straight);
    let [leaning, alternating, neutral] = scale_patterns(quiz, answers);
    // Straight-lining says these already.
    found.extend(leaning.filter(|_| !lined));
    found.extend(alternating);
    found.extend(neutral.filter(|_| !lined));
    found.extend(consistency(quiz, answers).filter(|_| !lined));
    let unassessed: Vec<&str> = quiz
        .traits
        .iter()
        .zip(&scores.traits)
        .filter(|(_, s)| s.score.is_none())
        .map(|(t, _)| t.name.as_str())
        .collect();
    if !unassessed.is_empty() {
        found.push(Finding::NotAssessed(unassessed));
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
            found.push(Finding::NotScored {
                pathway: &profile.title,
            });
        } else if assessed * 2 < weighed {
            found.push(Finding::ThinFit {
                pathway: &profile.title,
                assessed,
                weighed,
                best: best == Some(fit.profile),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests;
