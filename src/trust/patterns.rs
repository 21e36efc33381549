//! Patterns in how a person answered that say the answers may not describe them:
//! straight-lining, acquiescence and nay-saying, alternating extremes, mostly the
//! middle of the scale, and contradicted pairs of statements. Each gives a `Finding`
//! or none (pure).

use super::Finding;
use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};

/// Every scale question answered at the same position (at least three of them):
/// answers that never vary say little, whichever way the questions point.
pub(super) fn straight_lining<'q>(quiz: &'q Quiz, answers: &Answers) -> Option<Finding<'q>> {
    let mut first: Option<(usize, &'q str)> = None;
    let (mut count, mut same_label) = (0, true);
    for (question, answer) in quiz.questions.iter().zip(answers) {
        let (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) = (&question.kind, answer)
        else {
            continue;
        };
        let label = labels[k - 1].as_str();
        match first {
            None => first = Some((*k, label)),
            Some((position, _)) if *k != position => return None,
            Some((_, first_label)) => same_label &= label == first_label,
        }
        count += 1;
    }
    let (position, label) = first?;
    (count >= 3).then_some(Finding::StraightLining {
        count,
        position,
        label: same_label.then_some(label),
    })
}

/// The patterns of the scale answers, in one pass over them (every row of `score`
/// runs this): acquiescence, nay-saying, alternating extremes and mostly neutral.
///
/// - Acquiescence, agreeing whatever a statement says, and nay-saying, its mirror: in
///   a trait with both plain and reversed scale questions answered, the person agrees
///   with a statement when they answer above the middle of its scale, and disagrees
///   below it. The trait contradicts itself when, on average, they agree (or
///   disagree) with its plain statements and with its reversed ones too. Said when
///   at least half of such traits contradict themselves the same way, two at least.
/// - Alternating extremes: at least 8 scale answers, four in five of them at an end
///   of the scale, the end switching in at least 7 of 10 steps between them, and not
///   just where the statements switch direction: after turning reversed statements
///   round, the end still switches in at least 3 of 10 steps. (Someone who strongly
///   agrees with every plain statement and strongly disagrees with every reversed
///   one switches ends only where the statements do, and is consistent.)
/// - Mostly neutral: the middle of an odd scale ("Not sure") for at least three in
///   five scale answers, at least 5 of them.
pub(super) fn scale_patterns<'q>(quiz: &'q Quiz, answers: &Answers) -> [Option<Finding<'q>>; 4] {
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
        let (QuestionKind::Scale { labels, reverse }, Some(Answer::Scale(k))) =
            (&question.kind, answer)
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
    let (mut eligible, mut agreeing, mut disagreeing) = (0, 0, 0);
    for [plain, reversed] in sums.iter() {
        if plain.1 > 0 && reversed.1 > 0 {
            eligible += 1;
            let (p, r) = (plain.0 / plain.1 as f64, reversed.0 / reversed.1 as f64);
            agreeing += usize::from(p > 0.5 && r > 0.5);
            disagreeing += usize::from(p < 0.5 && r < 0.5);
        }
    }
    let said = |n: usize| n >= 2 && n * 2 >= eligible;
    let steps = extreme.saturating_sub(1);
    let alternating = count >= 8
        && extreme * 5 >= count * 4
        && switches * 10 >= steps * 7
        && keyed * 10 >= steps * 3;
    [
        said(agreeing).then_some(Finding::Acquiescence {
            contradicting: agreeing,
            eligible,
        }),
        said(disagreeing).then_some(Finding::NaySaying {
            contradicting: disagreeing,
            eligible,
        }),
        alternating.then_some(Finding::Alternating { count, switches }),
        (neutral >= 5 && neutral * 5 >= count * 3)
            .then_some(Finding::MostlyNeutral { neutral, count }),
    ]
}

/// An answer's agreement from -1 (disagree fully) to 1 (agree fully), before any
/// reversing; 0 at the middle; `None` when skipped or not a statement.
fn agreement_of(question: &crate::quiz::Question, answer: &Option<Answer>) -> Option<f64> {
    match (&question.kind, answer.as_ref()?) {
        (QuestionKind::Scale { labels, .. }, Answer::Scale(k)) => {
            Some(2.0 * crate::scoring::share(*k, labels.len()) - 1.0)
        }
        (QuestionKind::YesNo { .. }, Answer::YesNo(yes)) => Some(if *yes { 1.0 } else { -1.0 }),
        _ => None,
    }
}

/// A pair is contradicted when the two answers fall on opposite sides of the middle
/// (same statements) or on the same side (opposite statements), and are at least half
/// the scale apart once the opposite one is turned round: Agree with both of two
/// opposites is, Agree and Not sure is not. Said when at least 3 pairs, and at least
/// a fifth of the answered pairs, are contradicted.
pub(super) fn inconsistent<'q>(quiz: &'q Quiz, answers: &Answers) -> Option<Finding<'q>> {
    let (mut contradicted, mut answered) = (0, 0);
    for pair in &quiz.pairs {
        let [a, b] = pair.questions;
        let (Some(x), Some(y)) = (
            agreement_of(&quiz.questions[a], &answers[a]),
            agreement_of(&quiz.questions[b], &answers[b]),
        ) else {
            continue;
        };
        answered += 1;
        let y = if pair.opposite { -y } else { y };
        contradicted += usize::from(x * y < 0.0 && (x - y).abs() >= 1.0 - 1e-9);
    }
    (contradicted >= 3 && contradicted * 5 >= answered).then_some(Finding::Inconsistent {
        contradicted,
        answered,
    })
}
