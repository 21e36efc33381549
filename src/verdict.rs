//! The quiz's answer to its own question ("is a career in this field right for me?"):
//! yes, maybe, probably not, or unclear, with its reasons. Pure: a quiz's verdict
//! rule, the scores and the confidence in; no I/O, no printing.
//!
//! The question is whether the field suits the person, and a person suited to one of
//! its jobs is suited to it: a pathway within reach that fits well says yes, and the
//! field-wide fit, Σ(W_t × score_t) / Σ(W_t) over the verdict's assessed traits,
//! decides only between the rest. The rule, in order:
//! 1. confidence is low (the answers give reason to doubt them): `unclear`;
//! 2. no trait of the verdict was assessed: `unclear`;
//! 3. a dealbreaker holds (a trait assessed below its point): `probably_not`;
//! 4. a pathway within reach is in the top band: `yes`;
//! 5. one is in the top two bands and the field-wide fit is `yes` or more: `yes`;
//! 6. one is in the top two bands, or the field-wide fit is `maybe` or more: `maybe`;
//! 7. otherwise `probably_not`.
//!
//! The bands then tell the same story (`judge`): under `probably_not` or `unclear`,
//! as on low confidence, no pathway shows a band above the third.

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
    /// low_confidence, nothing_assessed, dealbreaker, pathway_fit, field_fit,
    /// no_good_pathway, elsewhere, still_offers, bands_capped.
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

/// What the rule decides, and why: the dealbreakers that hold, in quiz order, and
/// the best-banded pathway within reach.
struct Decision<'q> {
    answer: Answer,
    fit: Option<f64>,
    broken: Vec<&'q crate::quiz::Dealbreaker>,
    /// The best band of a pathway within reach (0 is the top), and that pathway.
    reachable: Option<(usize, usize)>,
}

/// The dealbreakers that hold (a trait assessed below its point), in quiz order,
/// with their indexes in the rule.
pub fn broken<'q>(
    rule: &'q VerdictRule,
    scores: &Scores,
) -> impl Iterator<Item = (usize, &'q crate::quiz::Dealbreaker)> {
    rule.dealbreakers.iter().enumerate().filter(|(_, d)| {
        scores.traits[d.trait_index]
            .score
            .is_some_and(|s| s < d.below)
    })
}

fn decide<'q>(rule: &'q VerdictRule, scores: &Scores, low: bool) -> Decision<'q> {
    let fit = field_fit(rule, scores);
    let broken: Vec<_> = broken(rule, scores).map(|(_, d)| d).collect();
    // Ranked best first, so the first of a band is the best fit in it.
    let reachable = scores
        .profiles
        .iter()
        .filter(|p| p.within_reach() && p.fit.is_some())
        .filter_map(|p| p.band.map(|b| (b, p.profile)))
        .min_by_key(|(b, _)| *b);
    let band = reachable.map(|(b, _)| b);
    let answer = match fit {
        _ if low => Answer::Unclear,
        None => Answer::Unclear,
        Some(_) if !broken.is_empty() => Answer::ProbablyNot,
        Some(_) if band == Some(0) => Answer::Yes,
        Some(f) if band == Some(1) && f >= rule.yes => Answer::Yes,
        Some(f) if band == Some(1) || f >= rule.maybe => Answer::Maybe,
        Some(_) => Answer::ProbablyNot,
    };
    Decision {
        answer,
        fit,
        broken,
        reachable,
    }
}

/// The highest band (0 is the top) a result may show: the third, or the lowest when
/// a quiz has fewer, when confidence is low or the answer is probably not or unclear;
/// `None` when nothing is capped. A band above it would tell another story than the
/// caution or the answer above it.
pub fn band_floor(quiz: &Quiz, low: bool, answer: Option<Answer>) -> Option<usize> {
    let capped = low || matches!(answer, Some(Answer::ProbablyNot | Answer::Unclear));
    (capped && !quiz.bands.is_empty()).then(|| 2.min(quiz.bands.len() - 1))
}

/// The quiz's answer, decided on the scores as scored, and the bands capped to
/// match it (`band_floor`): the one place a result's bands are capped. The fits
/// themselves are kept. Deciding again on the capped scores gives the same answer.
pub fn judge(quiz: &Quiz, scores: &mut Scores, low: bool) -> Option<Answer> {
    let answer = answer(quiz, scores, low);
    if let Some(floor) = band_floor(quiz, low, answer) {
        for fit in &mut scores.profiles {
            if let Some(band) = &mut fit.band {
                *band = (*band).max(floor);
            }
        }
    }
    answer
}

/// The answer alone, for rows that carry no words.
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
                        "Your answers match little of what this field asks, and no pathway \
                         within your reach fits you well: {}.",
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
            if let Some(floor) = band_floor(quiz, low, Some(d.answer)) {
                reasons.push(Reason::new(
                    "bands_capped",
                    format!(
                        "So no pathway below is shown above {}: one pathway's fit does not \
                         outweigh the reason above.",
                        quiz.bands[floor].label
                    ),
                ));
            }
        }
        Answer::Maybe => {
            let f = d.fit.unwrap_or(0.0);
            let good = d.reachable.filter(|(b, _)| *b == 1);
            if let Some((band, p)) = good {
                reasons.push(Reason::new(
                    "pathway_fit",
                    format!(
                        "One pathway within your reach leans your way: {} ({}).",
                        quiz.profiles[p].title, quiz.bands[band].label
                    ),
                ));
            }
            if f < rule.maybe {
                reasons.push(Reason::new(
                    "field_fit",
                    format!(
                        "Your answers match little of the rest of what this field asks: {}. \
                         Look at the growth areas, and talk to someone who does the work.",
                        fit_words(f)
                    ),
                ));
            } else if f < rule.yes {
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
            if good.is_none() {
                reasons.push(Reason::new(
                    "no_good_pathway",
                    "No pathway within your reach for now is a good fit yet.",
                ));
            }
        }
        Answer::Yes => {
            let f = d.fit.unwrap_or(0.0);
            if let Some((band, p)) = d.reachable {
                reasons.push(Reason::new(
                    "pathway_fit",
                    format!(
                        "Your answers match a pathway within your reach: {} ({}). One job in \
                         a field that suits you is enough for the field to suit you.",
                        quiz.profiles[p].title, quiz.bands[band].label
                    ),
                ));
            }
            reasons.push(Reason::new(
                "field_fit",
                format!(
                    "Across the whole field, your answers give {}.",
                    fit_words(f)
                ),
            ));
        }
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
        // care 75, coding 60, leading 50: (2×75 + 60 + 50) / 4 = 65, from 60 yes; the
        // coder (3×60 + 75) / 4 = 63.75 is a Good fit (50 to 75), within reach: yes.
        let v = verdict(&quiz, &score(&quiz, &forced_answers()), false).unwrap();
        assert_eq!(v.answer, Answer::Yes);
        assert!((v.fit.unwrap() - 65.0).abs() < 1e-9);
        assert_eq!(codes(&v), ["pathway_fit", "field_fit"]);
        assert_eq!(
            v.reasons[0].message,
            "Your answers match a pathway within your reach: Coder (Good fit). One job in a \
             field that suits you is enough for the field to suit you."
        );
        assert_eq!(
            v.reasons[1].message,
            "Across the whole field, your answers give a field-wide fit of 65 of 100 (60 or \
             more says yes, 45 or more maybe)."
        );
        // rather `neither`: coding 100 × 2 / 5 = 40 (c1, c2 and ticks' rules), leading
        // 100 × 1.5 / 5 = 30 (l1, l2, club): (150 + 40 + 30) / 4 = 55, below yes. The
        // team lead, (3×30 + 75 + 87.5) / 5 = 50.5, is a Good fit within reach (the
        // degree is chosen), so a maybe that names it.
        let mut answers = forced_answers();
        answers[6] = Some(Choice(3));
        let v = verdict(&quiz, &score(&quiz, &answers), false).unwrap();
        assert_eq!(v.answer, Answer::Maybe);
        assert!((v.fit.unwrap() - 55.0).abs() < 1e-9);
        assert_eq!(codes(&v), ["pathway_fit", "field_fit"]);
        assert_eq!(
            v.reasons[0].message,
            "One pathway within your reach leans your way: Team lead (Good fit)."
        );
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
        assert_eq!(
            codes(&v),
            ["field_fit", "elsewhere", "still_offers", "bands_capped"]
        );
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
        assert_eq!(
            codes(&v),
            ["dealbreaker", "elsewhere", "still_offers", "bands_capped"]
        );
        assert_eq!(
            v.reasons[3].message,
            "So no pathway below is shown above Possible fit: one pathway's fit does not \
             outweigh the reason above."
        );
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
    fn a_pathway_in_the_top_band_says_yes_whatever_the_field_wide_fit() {
        let quiz = forced();
        // Coding at the top (c1 5, c2 1, rather code, every tick): 100; leading at the
        // bottom (l1 1, l2 5): 0; care 75: the field-wide fit (150 + 100 + 0) / 4 =
        // 62.5, and without the coder's top band it would be a yes from the field.
        // Care 50 instead (p1 3, p2 3): (100 + 100 + 0) / 4 = 50, a maybe by the field
        // alone; the coder, (3×100 + 50) / 4 = 87.5, is a Strong fit: yes.
        let mut answers = forced_answers();
        answers[0] = Some(Scale(5));
        answers[1] = Some(Scale(1));
        answers[2] = Some(Scale(1));
        answers[3] = Some(Scale(5));
        answers[4] = Some(Scale(3));
        answers[5] = Some(Scale(3));
        answers[6] = Some(Choice(0));
        answers[7] = Some(crate::answers::Answer::Multi(vec![0, 2]));
        let scores = score(&quiz, &answers);
        let v = verdict(&quiz, &scores, false).unwrap();
        assert!((v.fit.unwrap() - 50.0).abs() < 1e-9, "{:?}", v.fit);
        assert_eq!(v.answer, Answer::Yes);
        assert_eq!(
            v.reasons[0].message,
            "Your answers match a pathway within your reach: Coder (Strong fit). One job in \
             a field that suits you is enough for the field to suit you."
        );
    }

    #[test]
    fn judge_caps_the_bands_under_probably_not_and_unclear_and_decides_the_same_again() {
        let quiz = forced();
        let mut answers = forced_answers();
        // The dealbreaker of the test above, with coding at the top: the coder would be
        // a Strong fit, and is shown as no more than Possible fit.
        answers[4] = Some(Scale(1));
        answers[5] = Some(Scale(5));
        answers[0] = Some(Scale(5));
        answers[1] = Some(Scale(1));
        answers[6] = Some(Choice(0));
        let mut scores = score(&quiz, &answers);
        let coder = |s: &Scores| s.profiles.iter().find(|p| p.profile == 0).unwrap().band;
        assert_eq!(coder(&scores), Some(1));
        assert_eq!(judge(&quiz, &mut scores, false), Some(Answer::ProbablyNot));
        assert_eq!(coder(&scores), Some(2));
        assert_eq!(answer(&quiz, &scores, false), Some(Answer::ProbablyNot));
        // A yes is not capped; low confidence is, whatever the answer.
        let mut scores = score(&quiz, &forced_answers());
        assert_eq!(judge(&quiz, &mut scores, false), Some(Answer::Yes));
        assert!(scores.profiles.iter().any(|p| p.band == Some(1)));
        assert_eq!(judge(&quiz, &mut scores, true), Some(Answer::Unclear));
        assert!(scores.profiles.iter().all(|p| p.band >= Some(2)));
        // A quiz without a verdict is capped on low confidence alone.
        let small = crate::fixtures::small();
        assert_eq!(band_floor(&small, false, None), None);
        assert_eq!(band_floor(&small, true, None), Some(2));
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
