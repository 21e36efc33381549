//! Patterns in how a person answered that say the answers may not describe them:
//! straight-lining, acquiescence and nay-saying, alternating extremes, mostly the
//! middle of the scale, and contradicted pairs of statements. Each gives a `Finding`
//! or none (pure).

use super::Finding;
use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};

/// Every scale question answered at one position of its scale (at least three of
/// them, in scales answered twice or more): answers that never vary say little,
/// whichever way the questions point. Questions of one scale share its labels; a
/// quiz of several scales is straight-lined when each is, at its own position (the
/// top of a five-point scale and of a seven-point one, say).
pub(super) fn straight_lining<'q>(quiz: &'q Quiz, answers: &Answers) -> Option<Finding<'q>> {
    // The first answer of each scale seen: its labels, position, and how many since.
    let mut seen: Vec<(&'q [String], usize, usize)> = Vec::new();
    for (question, answer) in quiz.questions.iter().zip(answers) {
        let (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) = (&question.kind, answer)
        else {
            continue;
        };
        match seen.iter_mut().find(|(l, _, _)| *l == labels.as_slice()) {
            Some((_, position, count)) if *position == *k => *count += 1,
            Some(_) => return None,
            None => seen.push((labels.as_slice(), *k, 1)),
        }
    }
    let count: usize = seen
        .iter()
        .filter(|(_, _, n)| *n >= 2)
        .map(|(_, _, n)| n)
        .sum();
    let (labels, position, _) = *seen.first()?;
    let one_label = seen
        .iter()
        .all(|(l, k, _)| l[k - 1] == labels[position - 1]);
    let count_all: usize = seen.iter().map(|(_, _, n)| n).sum();
    let one_position = seen.iter().all(|(_, k, _)| *k == position);
    (count >= 3 || (one_position && count_all >= 3)).then_some(Finding::StraightLining {
        count: count_all,
        position,
        label: one_label.then_some(labels[position - 1].as_str()),
    })
}

/// How far a person leans toward agreeing (or disagreeing) whatever a statement says,
/// from the traits with plain and reversed statements both answered: per trait,
/// the mean agreement (0 to 1, before reversing) with its plain statements plus the
/// mean with its reversed ones, less 1; averaged over those traits. 0 for someone
/// whose answers turn round with the statements; 1 for agreeing fully with both
/// ways round, -1 for disagreeing fully.
///
/// Real reversed statements are not exact opposites, so real people lean a little:
/// on the real data sets of `tests/fixtures/real` (README), 99% of people lie
/// within ±0.5, and those of mood inventories lean toward disagreeing. So a lean
/// lowers confidence only at `AGREEING_STRONG` or `DISAGREEING_STRONG`, over two
/// such traits at least; from `LEANING` it is a note that keeps the answer.
pub(super) const LEANING: f64 = 0.35;
pub(super) const AGREEING_STRONG: f64 = 0.6;
pub(super) const DISAGREEING_STRONG: f64 = -0.9;

/// The patterns of the scale answers, in one pass over them (every row of `score`
/// runs this): the lean toward agreeing or disagreeing (see `LEANING`),
/// alternating extremes and mostly neutral.
///
/// - Alternating extremes: at least 8 scale answers, four in five of them at an end
///   of the scale, the end switching in at least 7 of 10 steps between them, and not
///   just where the statements switch direction: after turning reversed statements
///   round, the end still switches in at least 3 of 10 steps. (Someone who strongly
///   agrees with every plain statement and strongly disagrees with every reversed
///   one switches ends only where the statements do, and is consistent.)
/// - Mostly neutral: the middle of an odd scale ("Not sure") for at least three in
///   five scale answers, at least 5 of them.
pub(super) fn scale_patterns<'q>(quiz: &'q Quiz, answers: &Answers) -> [Option<Finding<'q>>; 3] {
    // Per trait: (sum, count) of agreement shares for plain and for reversed questions,
    // on the stack when the quiz has 32 traits or fewer.
    let empty = [(0.0_f64, 0_usize); 2];
    let (mut stack, mut heap) = ([empty; 32], Vec::new());
    let sums = crate::scratch::places(&mut stack, &mut heap, quiz.traits.len(), empty);
    let (mut count, mut neutral) = (0_usize, 0_usize);
    // The extreme answers: how many, and how often the end (as given, and as turned
    // round) changes from one to the next.
    let (mut extreme, mut switches, mut keyed) = (0_usize, 0_usize, 0_usize);
    let mut last: Option<(bool, bool)> = None;
    for (question, answer) in quiz.questions.iter().zip(answers) {
        let (
            QuestionKind::Scale {
                labels, reverse, ..
            },
            Some(Answer::Scale(k)),
        ) = (&question.kind, answer)
        else {
            continue;
        };
        let (k, n) = (*k, labels.len());
        let slot = &mut sums[question.traits[0]][usize::from(*reverse)];
        slot.0 += crate::scoring::share(k, n);
        slot.1 += 1;
        count += 1;
        neutral += usize::from(n % 2 == 1 && k == n.div_ceil(2));
        if k == 1 || k == n {
            let end = (k == n, (k == n) != *reverse);
            if let Some(previous) = last {
                switches += usize::from(previous.0 != end.0);
                keyed += usize::from(previous.1 != end.1);
            }
            last = Some(end);
            extreme += 1;
        }
    }
    let (mut eligible, mut lean) = (0_usize, 0.0_f64);
    for [plain, reversed] in sums.iter() {
        if plain.1 > 0 && reversed.1 > 0 {
            eligible += 1;
            lean += plain.0 / plain.1 as f64 + reversed.0 / reversed.1 as f64 - 1.0;
        }
    }
    let lean = (eligible > 0).then(|| lean / eligible as f64);
    // One trait both ways round says too little to name a pattern.
    let leaning = lean.filter(|_| eligible >= 2).and_then(|lean| {
        if lean >= AGREEING_STRONG - 1e-9 {
            Some(Finding::Acquiescence { lean, eligible })
        } else if lean <= DISAGREEING_STRONG + 1e-9 {
            Some(Finding::NaySaying { lean, eligible })
        } else if lean >= LEANING - 1e-9 {
            Some(Finding::LeansAgreeing { lean, eligible })
        } else if lean <= -LEANING + 1e-9 {
            Some(Finding::LeansDisagreeing { lean, eligible })
        } else {
            None
        }
    });
    let steps = extreme.saturating_sub(1);
    let alternating = count >= 8
        && extreme * 5 >= count * 4
        && switches * 10 >= steps * 7
        && keyed * 10 >= steps * 3;
    [
        leaning,
        alternating.then_some(Finding::Alternating { count, switches }),
        (neutral >= 5 && neutral * 5 >= count * 3)
            .then_some(Finding::MostlyNeutral { neutral, count }),
    ]
}

/// An answer's agreement from 0 (disagree fully) to 1 (agree fully), before any
/// reversing, and the number of points its scale has (2 for yes/no); `None` when
/// skipped or not a statement.
fn agreement_of(question: &crate::quiz::Question, answer: &Option<Answer>) -> Option<(f64, usize)> {
    match (&question.kind, answer.as_ref()?) {
        (QuestionKind::Scale { labels, .. }, Answer::Scale(k)) => {
            let n = labels.len();
            Some((crate::scoring::share(*k, n), n))
        }
        (QuestionKind::YesNo { .. }, Answer::YesNo(yes)) => Some((if *yes { 1.0 } else { 0.0 }, 2)),
        _ => None,
    }
}

/// The spread of uniformly random answers on `n` evenly spaced points of 0..1: their
/// variance, (n + 1) / (12 (n − 1)).
fn random_spread(n: usize) -> f64 {
    (n + 1) as f64 / (12.0 * (n - 1) as f64)
}

/// The mean distance between two uniformly random answers on `n` evenly spaced
/// points of 0..1: (n + 1) / (3n).
fn random_distance(n: usize) -> f64 {
    (n + 1) as f64 / (3.0 * n as f64)
}

/// Whether a statement is reversed (its agreement counts against its trait).
fn reversed(question: &crate::quiz::Question) -> bool {
    matches!(
        question.kind,
        QuestionKind::Scale { reverse: true, .. } | QuestionKind::YesNo { reverse: true }
    )
}

/// The consistency check that can lower confidence, a person-fit statistic built from
/// the quiz's own structure: how much answers that should agree disagree, as a share
/// of how much uniformly random answers would. Two parts, pooled by how much each
/// can tell:
/// - within each trait, the spread of its scale statements' agreement once reversed
///   ones are turned round (the sum of squares about the trait's mean), over what
///   random answers give, (m − 1)/m × Σ random spread; it tells by its m − 1 degrees
///   of freedom. Yes/no statements count in pairs only: real people's yes/no answers
///   within a trait (on the EPI) scatter nearly as random ones do;
/// - each declared pair (`pairs:`), the distance between its two answers once an
///   opposite one is turned round, over random answers' mean distance; it tells by
///   its count of pairs (at least `MIN_PAIRS` answered, or none counts).
///
/// Random answers score about 1, careful people far less. Random answers also put
/// every trait near the middle, so a trait whose mean lies further from the middle
/// than random answers put any of the quiz's T traits but one time in
/// `CLEAR_TRAIT_ODDS` (Bonferroni: the normal quantile of 1 − 1/(2 × odds × T), 2.58
/// standard errors for 5 traits, 2.97 for 17) says the person answered about
/// something, and the check does not lower confidence then. On the real data sets of
/// `tests/fixtures/real` (README), these two rules together mark at most about 4% of
/// real people, and 60% or more of random answer sets. Below `MIN_UNITS` of evidence
/// nothing is said: too little to tell random answers from real ones.
pub(super) const SCATTERED: f64 = 0.88;
pub(super) const CLEAR_TRAIT_ODDS: f64 = 20.0;
/// From here to `SCATTERED`, a note (`some_contradictions`) that keeps the answer.
pub(super) const SCATTERED_NOTE: f64 = 0.8;
pub(super) const MIN_UNITS: usize = 12;
use crate::quiz::MIN_PAIRS;
pub(super) const PAIR_UNITS: usize = 2;

/// How many random answers' standard errors from the middle a trait's mean must be
/// to say the person answered about something, for a quiz of `traits` traits.
/// Worked out once for up to 64 traits: the quantile is the costliest sum of a row's
/// check, and the same for every row of a quiz.
fn clear_trait(traits: usize) -> f64 {
    use statrs::distribution::{ContinuousCDF, Normal};
    static KNOWN: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    let quantile = |traits: usize| {
        let tail = 1.0 / (2.0 * CLEAR_TRAIT_ODDS * traits.max(1) as f64);
        Normal::standard().inverse_cdf(1.0 - tail)
    };
    let known = KNOWN.get_or_init(|| (0..=64).map(quantile).collect());
    known
        .get(traits)
        .copied()
        .unwrap_or_else(|| quantile(traits))
}

pub(super) fn consistency<'q>(quiz: &'q Quiz, answers: &Answers) -> Option<Finding<'q>> {
    // Per trait: Σx, Σx², count and Σ random spread of the turned-round agreements.
    let empty = (0.0_f64, 0.0_f64, 0_usize, 0.0_f64);
    let (mut stack, mut heap) = ([empty; 32], Vec::new());
    let traits = crate::scratch::places(&mut stack, &mut heap, quiz.traits.len(), empty);
    for (question, answer) in quiz.questions.iter().zip(answers) {
        let Some((x, n)) = agreement_of(question, answer) else {
            continue;
        };
        if n == 2 {
            continue;
        }
        let random = random_spread(n);
        let x = if reversed(question) { 1.0 - x } else { x };
        let t = &mut traits[question.traits[0]];
        t.0 += x;
        t.1 += x * x;
        t.2 += 1;
        t.3 += random;
    }
    let (mut spread, mut expected, mut freedom) = (0.0, 0.0, 0_usize);
    let (mut clearest, mut scaled) = (0.0_f64, 0_usize);
    for &(sum, squares, m, random) in traits.iter() {
        if m >= 2 {
            let m_f = m as f64;
            spread += (squares - sum * sum / m_f).max(0.0);
            expected += (m_f - 1.0) / m_f * random;
            freedom += m - 1;
            // How far the trait's mean is from the middle, in random answers' standard
            // errors of a mean of m: √(Σ random spread) / m.
            clearest = clearest.max((sum / m_f - 0.5).abs() * m_f / random.sqrt());
            scaled += 1;
        }
    }
    let (mut distance, mut random_distances, mut pairs) = (0.0, 0.0, 0_usize);
    for pair in &quiz.pairs {
        let [a, b] = pair.questions;
        let (Some((x, nx)), Some((y, ny))) = (
            agreement_of(&quiz.questions[a], &answers[a]),
            agreement_of(&quiz.questions[b], &answers[b]),
        ) else {
            continue;
        };
        let y = if pair.opposite { 1.0 - y } else { y };
        distance += (x - y).abs();
        random_distances += (random_distance(nx) + random_distance(ny)) / 2.0;
        pairs += 1;
    }
    let within = (freedom > 0 && expected > 0.0).then(|| spread / expected);
    let paired = (pairs >= MIN_PAIRS).then(|| distance / random_distances);
    // A pair counts twice: its author declares the two statements near-identical or
    // opposite, more than two statements of one trait are.
    let paired_units = if paired.is_some() {
        PAIR_UNITS * pairs
    } else {
        0
    };
    let units = freedom + paired_units;
    if freedom + paired_units / PAIR_UNITS < MIN_UNITS {
        return None;
    }
    let pooled = (within.unwrap_or(0.0) * freedom as f64
        + paired.map_or(0.0, |d| d * paired_units as f64))
        / units as f64;
    if pooled >= SCATTERED - 1e-9 && clearest < clear_trait(scaled) {
        Some(Finding::Inconsistent {
            scatter: pooled,
            units,
        })
    } else if pooled >= SCATTERED_NOTE - 1e-9 {
        Some(Finding::SomeContradictions {
            scatter: pooled,
            units,
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    /// The doc's figures (2.58 standard errors for 5 traits, 2.97 for 17), the same
    /// from the table and beyond it.
    #[test]
    fn a_clear_trait_is_the_bonferroni_normal_quantile() {
        assert!((super::clear_trait(5) - 2.5758).abs() < 1e-3);
        assert!((super::clear_trait(17) - 2.9738).abs() < 1e-3);
        assert!(super::clear_trait(65) > super::clear_trait(64));
        assert_eq!(super::clear_trait(0), super::clear_trait(1));
    }
}
