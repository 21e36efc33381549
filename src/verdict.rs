//! The quiz's answer to its own question ("is a career in this field right for me?"):
//! yes, maybe, probably not, or unclear, with its reasons. Pure: a quiz's verdict
//! rule, the scores and the confidence in; no I/O, no printing.
//!
//! The rule, in order:
//! 1. confidence is low (the answers give reason to doubt them): `unclear`;
//! 2. no trait of the verdict was assessed: `unclear`;
//! 3. a dealbreaker holds (a trait assessed below its point): `probably_not`;
//! 4. the field-wide fit, Σ(W_t × score_t) / Σ(W_t) over the verdict's assessed
//!    traits, is below `maybe`: `probably_not`;
//! 5. it is below `yes`, or no pathway within reach is in the top two bands: `maybe`;
//! 6. otherwise `yes`.

use crate::quiz::{Quiz, VerdictRule};
use crate::scoring::Scores;
use crate::text::fixed;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The answers match what the field asks.
    Yes,
    /// Some of it fits; some does not.
    Maybe,
    /// The answers point elsewhere.
    ProbablyNot,
    /// The answers cannot tell: doubtful, or carrying too little information.
    Unclear,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Maybe => "maybe",
            Answer::ProbablyNot => "probably_not",
            Answer::Unclear => "unclear",
        }
    }

    /// Every answer, in the order the class summary counts them.
    pub const ALL: [Answer; 4] = [
        Answer::Yes,
        Answer::Maybe,
        Answer::ProbablyNot,
        Answer::Unclear,
    ];

    /// How a summary says it, after the quiz's question.
    pub fn words(self) -> &'static str {
        match self {
            Answer::Yes => "Yes, by your answers.",
            Answer::Maybe => "Maybe: some of it fits you, some does not.",
            Answer::ProbablyNot => "Probably not, by your answers.",
            Answer::Unclear => "Unclear: these answers cannot tell.",
        }
    }
}

/// One reason for the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reason {
    /// low_confidence, nothing_assessed, dealbreaker, field_fit, no_good_pathway,
    /// elsewhere, still_offers.
    pub code: String,
    pub message: String,
}

impl Reason {
    fn new(code: &str, message: impl Into<String>) -> Self {
        Reason {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

/// The quiz's answer to its question, with the field-wide fit and the reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    pub answer: Answer,
    /// The field-wide fit from 0 to 100; null when none of its traits was assessed.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub fit: Option<f64>,
    /// Why, in order: the first is the main reason.
    pub reasons: Vec<Reason>,
}

/// The field-wide fit: the verdict's weighted mean of the assessed trait scores.
pub fn field_fit(rule: &VerdictRule, scores: &Scores) -> Option<f64> {
    let (weighted, weights) = rule
        .weights
        .iter()
        .filter_map(|&(t, w)| scores.traits[t].score.map(|s| (w * s, w)))
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    (weights > 0.0).then(|| weighted / weights)
}

/// What the rule decides, and why: the dealbreakers that hold, in quiz order.
struct Decision<'q> {
    answer: Answer,
    fit: Option<f64>,
    broken: Vec<&'q crate::quiz::Dealbreaker>,
    no_good_pathway: bool,
}

fn decide<'q>(rule: &'q VerdictRule, scores: &Scores, low: bool) -> Decision<'q> {
    let fit = field_fit(rule, scores);
    let broken: Vec<_> = rule
        .dealbreakers
        .iter()
        .filter(|d| {
            scores.traits[d.trait_index]
                .score
                .is_some_and(|s| s < d.below)
        })
        .collect();
    // Bands are highest first: the top two are indexes 0 and 1.
    let no_good_pathway = !scores
        .profiles
        .iter()
        .any(|p| p.within_reach() && p.band.is_some_and(|b| b <= 1));
    let answer = match fit {
        _ if low => Answer::Unclear,
        None => Answer::Unclear,
        Some(_) if !broken.is_empty() => Answer::ProbablyNot,
        Some(f) if f < rule.maybe => Answer::ProbablyNot,
        Some(f) if f < rule.yes || no_good_pathway => Answer::Maybe,
        Some(_) => Answer::Yes,
    };
    Decision {
        answer,
        fit,
        broken,
        no_good_pathway,
    }
}

/// The answer alone, for rows that carry no words (`score`'s compact rows).
pub fn answer(quiz: &Quiz, scores: &Scores, low: bool) -> Option<Answer> {
    let rule = quiz.verdict.as_ref()?;
    Some(decide(rule, scores, low).answer)
}

/// The verdict with its reasons; `None` when the quiz defines none.
pub fn verdict(quiz: &Quiz, scores: &Scores, low: bool) -> Option<Verdict> {
    let rule = quiz.verdict.as_ref()?;
    let d = decide(rule, scores, low);
    let mut reasons = Vec::new();
    let fit_words = |f: f64| {
        format!(
            "a field-wide fit of {} of 100 ({} or more says yes, {} or more maybe)",
            fixed(f, 0),
            fixed(rule.yes, 0),
            fixed(rule.maybe, 0)
        )
    };
    match d.answer {
        Answer::Unclear if low => reasons.push(Reason::new(
            "low_confidence",
            "Your answers give reason to doubt them (see the caution), so the quiz cannot \
             answer its question for you. Take it again when you can answer each question \
             calmly, or talk your answers through with an advisor.",
        )),
        Answer::Unclear => reasons.push(Reason::new(
            "nothing_assessed",
            "Too few questions were answered to answer the quiz's question.",
        )),
        Answer::ProbablyNot => {
            for broken in &d.broken {
                reasons.push(Reason::new("dealbreaker", broken.reason.clone()));
            }
            let f = d.fit.unwrap_or(0.0);
            if d.broken.is_empty() {
                reasons.push(Reason::new(
                    "field_fit",
                    format!(
                        "Your answers match little of what this field asks: {}.",
                        fit_words(f)
                    ),
                ));
            }
            let instead: Vec<&str> = d.broken.iter().map(|b| b.instead.as_str()).collect();
            let instead = if instead.is_empty() {
                rule.elsewhere.clone()
            } else {
                instead.join("; ")
            };
            reasons.push(Reason::new(
                "elsewhere",
                format!("Your answers point to {instead} instead."),
            ));
            if let Some(offers) = &rule.still_offers {
                reasons.push(Reason::new("still_offers", offers.clone()));
            }
        }
        Answer::Maybe => {
            let f = d.fit.unwrap_or(0.0);
            if f < rule.yes {
                reasons.push(Reason::new(
                    "field_fit",
                    format!(
                        "Your answers match some of what this field asks: {}. Look at the \
                         growth areas, and talk to someone who does the work.",
                        fit_words(f)
                    ),
                ));
            } else {
                reasons.push(Reason::new(
                    "field_fit",
                    format!(
                        "Your answers match much of what this field asks: {}.",
                        fit_words(f)
                    ),
                ));
            }
            if d.no_good_pathway {
                reasons.push(Reason::new(
                    "no_good_pathway",
                    "No pathway within your reach for now is a good fit yet.",
                ));
            }
        }
        Answer::Yes => reasons.push(Reason::new(
            "field_fit",
            format!(
                "Your answers match much of what this field asks: {}.",
                fit_words(d.fit.unwrap_or(0.0))
            ),
        )),
    }
    Some(Verdict {
        answer: d.answer,
        fit: d.fit,
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer::{Choice, Scale};
    use crate::fixtures::{forced, forced_answers};
    use crate::scoring::score;

    fn codes(v: &Verdict) -> Vec<&str> {
        v.reasons.iter().map(|r| r.code.as_str()).collect()
    }

    #[test]
    fn the_field_wide_fit_decides_yes_maybe_and_probably_not() {
        let quiz = forced();
        // care 75, coding 60, leading 50: (2×75 + 60 + 50) / 4 = 65, from 60 yes.
        let v = verdict(&quiz, &score(&quiz, &forced_answers()), false).unwrap();
        assert_eq!(v.answer, Answer::Yes);
        assert!((v.fit.unwrap() - 65.0).abs() < 1e-9);
        assert_eq!(codes(&v), ["field_fit"]);
        assert_eq!(
            v.reasons[0].message,
            "Your answers match much of what this field asks: a field-wide fit of 65 of 100 \
             (60 or more says yes, 45 or more maybe)."
        );
        // rather `neither`: coding 100 × 2 / 5 = 40 (c1, c2 and ticks' rules), leading
        // 100 × 1.5 / 5 = 30 (l1, l2, club): (150 + 40 + 30) / 4 = 55, a maybe.
        let mut answers = forced_answers();
        answers[6] = Some(Choice(3));
        let v = verdict(&quiz, &score(&quiz, &answers), false).unwrap();
        assert_eq!(v.answer, Answer::Maybe);
        assert!((v.fit.unwrap() - 55.0).abs() < 1e-9);
        // c1 and l1 at the bottom too: coding 100 × 1.25 / 5 = 25, leading 1 / 5 = 20:
        // (150 + 25 + 20) / 4 = 48.75, still a maybe; c2 at the top: coding 10, 45 even.
        answers[0] = Some(Scale(1));
        answers[2] = Some(Scale(1));
        answers[1] = Some(Scale(5));
        let v = verdict(&quiz, &score(&quiz, &answers), false).unwrap();
        assert!((v.fit.unwrap() - 45.0).abs() < 1e-9, "{:?}", v.fit);
        assert_eq!(v.answer, Answer::Maybe, "45 is where maybe starts");
        answers[3] = Some(Scale(5));
        let v = verdict(&quiz, &score(&quiz, &answers), false).unwrap();
        assert_eq!(v.answer, Answer::ProbablyNot);
        assert_eq!(codes(&v), ["field_fit", "elsewhere", "still_offers"]);
        assert_eq!(
            v.reasons[1].message,
            "Your answers point to work that matches your strongest interests better instead."
        );
    }

    #[test]
    fn a_dealbreaker_says_probably_not_whatever_the_fit() {
        let quiz = forced();
        let mut answers = forced_answers();
        // p1 Strongly disagree, p2 Strongly agree (reversed): care 0 < 35.
        answers[4] = Some(Scale(1));
        answers[5] = Some(Scale(5));
        let v = verdict(&quiz, &score(&quiz, &answers), false).unwrap();
        assert_eq!(v.answer, Answer::ProbablyNot);
        assert_eq!(codes(&v), ["dealbreaker", "elsewhere", "still_offers"]);
        assert_eq!(
            v.reasons[0].message,
            "You want hands-on patient care, and this work is at a desk."
        );
        assert_eq!(
            v.reasons[1].message,
            "Your answers point to work with patients face to face instead."
        );
    }

    #[test]
    fn low_confidence_or_nothing_to_go_on_is_unclear() {
        let quiz = forced();
        let v = verdict(&quiz, &score(&quiz, &forced_answers()), true).unwrap();
        assert_eq!(v.answer, Answer::Unclear);
        assert_eq!(codes(&v), ["low_confidence"]);
        let v = verdict(
            &quiz,
            &score(&quiz, &vec![None; quiz.questions.len()]),
            false,
        )
        .unwrap();
        assert_eq!((v.answer, v.fit), (Answer::Unclear, None));
        assert_eq!(codes(&v), ["nothing_assessed"]);
        // A quiz without a verdict gives none.
        let small = crate::fixtures::small();
        assert!(verdict(&small, &score(&small, &vec![None; 7]), false).is_none());
    }
}
