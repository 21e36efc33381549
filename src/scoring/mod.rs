//! The scoring rules: pure functions from a quiz and its answers to trait scores and fits.
//!
//! No I/O and no printing here; every figure in a result comes from these functions.

use crate::answers::{Answer, Answers};
use crate::quiz::{Question, QuestionKind, Quiz};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Per question, in quiz order: the answer's value in [0, 1], `None` when skipped;
    /// for a question that scores several traits, its value for the first of them.
    pub values: Vec<Option<f64>>,
    /// The values of the questions that score several traits, for each of their
    /// traits: question by question in quiz order, trait by trait (see `value_of`).
    pub forced: Vec<Option<f64>>,
    /// Per trait, in quiz order.
    pub traits: Vec<TraitScore>,
    /// Every profile, ranked: best fit first, not-scored last, ties in file order.
    pub profiles: Vec<ProfileFit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TraitScore {
    /// 0 to 100; `None` when no question of the trait was answered ("not assessed").
    pub score: Option<f64>,
    pub answered: usize,
    pub questions: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileFit {
    /// Index into `Quiz::profiles`.
    pub profile: usize,
    /// 0 to 100; `None` when none of the profile's weighted traits was assessed.
    pub fit: Option<f64>,
    /// Index into `Quiz::bands`.
    pub band: Option<usize>,
    /// Trait indexes scored below the profile's minimum for them.
    pub growth_areas: Vec<usize>,
    /// Trait indexes scored below what the profile requires: out of reach for now.
    pub unmet: Vec<usize>,
    /// Indexes into the profile's `needs` answered otherwise: out of reach for now.
    pub unmet_needs: Vec<usize>,
}

impl ProfileFit {
    /// No requirement unmet and no need answered otherwise.
    pub fn within_reach(&self) -> bool {
        self.unmet.is_empty() && self.unmet_needs.is_empty()
    }
}

/// How far along a scale of `labels` labels position `k` (from 1) is: 0 to 1.
/// (Through i64, which converts to f64 in one instruction where usize takes six;
/// positions are far below 2^63, so the figure is the same.)
#[inline]
pub fn share(k: usize, labels: usize) -> f64 {
    (k as i64 as f64 - 1.0) / (labels as i64 as f64 - 1.0)
}

/// The value of one answer in [0, 1], for the question's first (or only) trait.
#[inline]
pub fn value(question: &Question, answer: &Answer) -> f64 {
    value_for(question, answer, 0)
}

/// The value of one answer in [0, 1] for the question's trait number `slot`:
/// scale label k of N is (k-1)/(N-1); yes is 1 and no 0; reversed items give 1 minus that;
/// a choice is its option's score for that trait (0 when it names another); a multi
/// is the sum of its ticked options' scores for that trait, capped at 1.
#[inline]
pub fn value_for(question: &Question, answer: &Answer, slot: usize) -> f64 {
    match (&question.kind, answer) {
        (
            QuestionKind::Scale {
                labels, reverse, ..
            },
            Answer::Scale(k),
        ) => {
            let v = share(*k, labels.len());
            if *reverse { 1.0 - v } else { v }
        }
        (QuestionKind::YesNo { reverse }, Answer::YesNo(yes)) => {
            if *yes != *reverse {
                1.0
            } else {
                0.0
            }
        }
        (QuestionKind::Choice { options }, Answer::Choice(i)) => options[*i].scores[slot],
        // Folded from +0.0: an empty f64 sum is -0.0, which would print as "-0.0".
        (QuestionKind::Multi { options }, Answer::Multi(chosen)) => chosen
            .iter()
            .map(|i| options[*i].scores[slot])
            .fold(0.0, |sum, score| sum + score)
            .min(1.0),
        _ => mismatch(question, answer),
    }
}

/// Answers are checked against their question before scoring; a mismatch is a bug.
/// (Out of line, so that `value` stays small enough to be inlined where it is used.)
#[cold]
#[inline(never)]
fn mismatch(question: &Question, answer: &Answer) -> ! {
    unreachable!("answer {answer:?} does not fit question `{}`", question.id)
}

/// Trait score = 100 × Σ(weight × v) / Σ(weight) over the trait's answered questions,
/// where a question that scores several traits counts toward each with its weight
/// and its value for that trait.
/// Pathway fit = Σ(W_t × score_t) / Σ(W_t) over the profile's assessed traits.
pub fn score(quiz: &Quiz, answers: &Answers) -> Scores {
    let mut scores = Scores::default();
    score_into(quiz, answers, &mut scores);
    scores
}

/// `score`, into `scores`, whose space is used again: `score` scores a class a row at
/// a time, and allocating and freeing every row's lists took a tenth of its time.
pub fn score_into(quiz: &Quiz, answers: &Answers, scores: &mut Scores) {
    assert_eq!(
        answers.len(),
        quiz.questions.len(),
        "one answer slot per question"
    );
    let Scores {
        values,
        forced,
        traits,
        profiles,
    } = scores;
    forced.clear();
    values.clear();
    values.extend(
        quiz.questions
            .iter()
            .zip(answers)
            .map(|(q, a)| a.as_ref().map(|a| value(q, a))),
    );

    // Per trait: Σ(weight × v) and Σ(weight), added in question order.
    traits.clear();
    traits.resize(
        quiz.traits.len(),
        TraitScore {
            score: None,
            answered: 0,
            questions: 0,
        },
    );
    let (mut stack, mut heap) = ([(0.0, 0.0); 32], Vec::new());
    let sums = crate::scratch::places(&mut stack, &mut heap, quiz.traits.len(), (0.0, 0.0));
    for ((question, v), answer) in quiz.questions.iter().zip(values.iter()).zip(answers) {
        if let [t] = question.traits[..] {
            traits[t].questions += 1;
            if let Some(v) = v {
                let (weighted, weights) = &mut sums[t];
                *weighted += question.weight * v;
                *weights += question.weight;
                traits[t].answered += 1;
            }
            continue;
        }
        for (slot, &t) in question.traits.iter().enumerate() {
            traits[t].questions += 1;
            let v = answer.as_ref().map(|a| value_for(question, a, slot));
            forced.push(v);
            if let Some(v) = v {
                let (weighted, weights) = &mut sums[t];
                *weighted += question.weight * v;
                *weights += question.weight;
                traits[t].answered += 1;
            }
        }
    }
    for (score, &(weighted, weights)) in traits.iter_mut().zip(sums.iter()) {
        score.score = (score.answered > 0).then(|| 100.0 * weighted / weights);
    }

    // One place per profile, in quiz order, each keeping the space of its lists.
    profiles.resize_with(quiz.profiles.len(), ProfileFit::default);
    for (index, (profile, fit)) in quiz.profiles.iter().zip(profiles.iter_mut()).enumerate() {
        let (weighted, weights) = profile
            .weights
            .iter()
            .filter_map(|&(t, w)| traits[t].score.map(|s| (w * s, w)))
            .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        fit.profile = index;
        fit.fit = (weights > 0.0).then(|| weighted / weights);
        fit.band = fit.fit.and_then(|f| band(quiz, f));
        let below = |list: &[(usize, f64)], into: &mut Vec<usize>| {
            into.clear();
            into.extend(
                list.iter()
                    .filter(|&&(t, minimum)| traits[t].score.is_some_and(|s| s < minimum))
                    .map(|&(t, _)| t),
            );
        };
        below(&profile.minimums, &mut fit.growth_areas);
        below(&profile.requires, &mut fit.unmet);
        fit.unmet_needs.clear();
        fit.unmet_needs.extend(
            profile
                .needs
                .iter()
                .enumerate()
                .filter(|(_, need)| match &answers[need.question] {
                    Some(Answer::Choice(o)) => !need.options.contains(o),
                    _ => false,
                })
                .map(|(n, _)| n),
        );
    }
    // Ranked by fit, except that a pathway out of reach (a requirement unmet) comes
    // after every scored pathway within reach. A stable sort keeps file order for ties.
    profiles.sort_by(|a, b| match (a.fit, b.fit) {
        (Some(x), Some(y)) => a
            .within_reach()
            .cmp(&b.within_reach())
            .reverse()
            .then(y.total_cmp(&x)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

impl Scores {
    /// Question `q`'s value for the question's trait `t`; `None` when skipped or when
    /// the question does not measure `t`.
    pub fn value_of(&self, quiz: &Quiz, q: usize, t: usize) -> Option<f64> {
        let question = &quiz.questions[q];
        let slot = question.traits.iter().position(|&u| u == t)?;
        if !question.is_forced_choice() {
            return self.values[q];
        }
        let before: usize = quiz.questions[..q]
            .iter()
            .filter(|q| q.is_forced_choice())
            .map(|q| q.traits.len())
            .sum();
        self.forced[before + slot]
    }
}

/// How many of the ranked pathways are effectively tied for best: the first, and
/// after it every pathway within reach whose fit is within `quiz.tie_margin` of the
/// first's. 0 when nothing was scored. (Ranking puts them first, in a row.)
pub fn tied(quiz: &Quiz, profiles: &[ProfileFit]) -> usize {
    let Some(top) = profiles.first().and_then(|p| p.fit) else {
        return 0;
    };
    // The tolerance keeps a gap of exactly the margin, up to rounding, tied.
    1 + profiles[1..]
        .iter()
        .take_while(|p| {
            p.within_reach() && p.fit.is_some_and(|f| top - f <= quiz.tie_margin + 1e-9)
        })
        .count()
}

/// The band with the highest `min` at or below the fit (bands are sorted highest first).
pub fn band(quiz: &Quiz, fit: f64) -> Option<usize> {
    // The tolerance keeps a fit of 74.999999999 (rounding in the sums) in the 75 band.
    quiz.bands.iter().position(|b| b.min <= fit + 1e-9)
}

#[cfg(test)]
mod tests;
