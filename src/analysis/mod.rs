//! Evidence for a quiz (`careerfit analyze`): per trait, Cronbach's alpha and item
//! statistics from running sums, and the respondents who were not really answering.
//!
//! Pure: checked answers in, figures out; no I/O. Memory depends on the quiz, not on
//! the number of rows: per trait it keeps the item sums and cross-products of the
//! respondents who answered every question of the trait, as `psych::alpha` would see
//! them after `na.omit`.

mod stats;

use crate::answers::Answers;
use crate::quiz::{QuestionKind, Quiz};
use crate::scoring;
use serde::Serialize;
use serde_json::Value as Json;

/// The thresholds behind every flag, and where each comes from; tables, JSON and HTML
/// all quote these.
pub mod threshold {
    /// Terwee et al. (2007): internal consistency is adequate from .70 to .95.
    pub const ALPHA_LOW: f64 = 0.70;
    /// Terwee et al. (2007): above .95 the items are likely redundant.
    pub const ALPHA_HIGH: f64 = 0.95;
    /// Nunnally & Bernstein (1994): an item should correlate .30 or more with the rest.
    pub const ITEM_REST_LOW: f64 = 0.30;
    /// An inter-item r above .80 suggests two items ask the same thing (a common rule
    /// of thumb; no single source sets it).
    pub const INTER_ITEM_HIGH: f64 = 0.80;
    /// Terwee et al. (2007): floor or ceiling effects when over 15% are at an extreme.
    pub const FLOOR_CEILING: f64 = 0.15;
    /// Bennett (2001): analyses are likely biased when over 10% of data are missing.
    pub const MISSING: f64 = 0.10;
    /// Alpha needs two items and is unstable with fewer than three.
    pub const MIN_ITEMS: usize = 3;
    /// Terwee et al. (2007): at least 100 respondents for a rating of internal consistency.
    pub const MIN_RESPONDENTS: usize = 100;
}

/// The flags, with their meaning and the source of the threshold, for legends.
pub const FLAG_LEGEND: &[(&str, &str)] = &[
    (
        "low_alpha",
        "alpha below .70: the items do not hang together (Terwee et al. 2007)",
    ),
    (
        "high_alpha",
        "alpha above .95: items likely redundant (Terwee et al. 2007)",
    ),
    (
        "few_items",
        "fewer than 3 questions: alpha is unstable or cannot be computed",
    ),
    (
        "too_few_to_trust",
        "fewer than 100 complete respondents (Terwee et al. 2007)",
    ),
    (
        "low_item_rest",
        "item-rest r below .30: measures little of the trait (Nunnally & Bernstein 1994)",
    ),
    (
        "negative_item_rest",
        "item-rest r below 0: usually a missing reverse key",
    ),
    (
        "redundant_pair",
        "r above .80 with another question of the trait: likely asks the same (rule of thumb)",
    ),
    (
        "floor",
        "over 15% at the lowest value (Terwee et al. 2007); not for yes/no",
    ),
    (
        "ceiling",
        "over 15% at the highest value (Terwee et al. 2007); not for yes/no",
    ),
    (
        "missing",
        "over 10% of respondents skipped it (Bennett 2001)",
    ),
    // A respondent's flags are the checks that make `score`'s confidence low, by the
    // same rules (trust/), so the two commands name the same people.
    (
        "nothing_answered",
        "answered no question: score's confidence is low",
    ),
    (
        "many_skipped",
        "skipped more than a quarter of the questions: score's confidence is low",
    ),
    (
        "straight_lining",
        "each scale answered at one position throughout: score's confidence is low",
    ),
    (
        "acquiescence",
        "agreed with statements and their opposites alike: score's confidence is low",
    ),
    (
        "nay_saying",
        "disagreed with nearly every statement and its opposite: score's confidence is low",
    ),
    (
        "alternating",
        "jumped between the ends of the scale: score's confidence is low",
    ),
    (
        "mostly_neutral",
        "the middle of the scale for most answers: score's confidence is low",
    ),
    (
        "inconsistent",
        "answers about the same thing disagree as random answers do: score's confidence is low",
    ),
    (
        "thin_best_fit",
        "the best fit rests on fewer than half its traits: score's confidence is low",
    ),
];

/// A respondent whose answers make `score`'s confidence low, with the codes that do
/// (trust/'s rules: one notion of careless).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RespondentFlags {
    pub id: Json,
    pub flags: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema: &'static str,
    pub quiz: QuizInfo,
    /// Rows read and checked: every one that was not refused.
    pub respondents: usize,
    pub rows_failed: usize,
    pub traits: Vec<TraitAnalysis>,
    pub respondent_flags: Vec<RespondentFlags>,
    /// Questions that score several traits (forced choices): left out of every
    /// trait's alpha and item figures, since their values for the traits trade off
    /// by design (choosing one option gives the others nothing).
    pub left_out: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuizInfo {
    pub id: String,
    pub title: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TraitAnalysis {
    pub id: String,
    pub name: String,
    pub questions: usize,
    /// Respondents who answered every question of the trait.
    pub complete: usize,
    /// Cronbach's alpha (`psych::alpha`'s `raw_alpha`); null when it cannot be computed.
    pub alpha: Option<f64>,
    /// The Feldt 95% interval, as `psych::alpha` prints it.
    pub alpha_ci95: Option<[f64; 2]>,
    pub flags: Vec<&'static str>,
    pub items: Vec<ItemAnalysis>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemAnalysis {
    pub question: String,
    pub answered: usize,
    /// The share of respondents who skipped it.
    pub missing: f64,
    /// Of the answered values, in [0, 1] after reverse-keying.
    pub mean: Option<f64>,
    /// Sample standard deviation (n - 1) of the answered values.
    pub sd: Option<f64>,
    /// Shares of the answered values at the lowest and highest value the question allows.
    pub floor: Option<f64>,
    pub ceiling: Option<f64>,
    /// Pearson r with the sum of the trait's other questions (`psych`'s `r.drop`).
    pub item_rest_r: Option<f64>,
    /// Alpha of the trait without this question (`alpha.drop`'s `raw_alpha`).
    pub alpha_if_deleted: Option<f64>,
    pub flags: Vec<&'static str>,
}

/// Running sums for one trait.
#[derive(Debug, Clone)]
struct TraitSums {
    /// Question indexes of the trait, in quiz order.
    questions: Vec<usize>,
    /// Over complete respondents: item sums and the k × k cross-products (row-major),
    /// of values shifted by `SHIFT` to keep the sums small.
    complete: usize,
    sums: Vec<f64>,
    cross: Vec<f64>,
}

/// Running sums for one question, over every respondent who answered it.
#[derive(Debug, Clone, Default)]
struct ItemSums {
    answered: usize,
    sum: f64,
    squares: f64,
    at_floor: usize,
    at_ceiling: usize,
}

/// Values are in [0, 1]; centring them near their middle keeps sums of squares small.
const SHIFT: f64 = 0.5;

/// Feeds on checked rows one at a time; `finish` gives the figures.
#[derive(Debug, Clone)]
pub struct Analyzer<'q> {
    quiz: &'q Quiz,
    traits: Vec<TraitSums>,
    items: Vec<ItemSums>,
    /// Per question: the lowest and highest value it allows, when it has more than two.
    extremes: Vec<Option<(f64, f64)>>,
    respondents: usize,
    rows_failed: usize,
    respondent_flags: Vec<RespondentFlags>,
    values: Vec<Option<f64>>,
}

impl<'q> Analyzer<'q> {
    pub fn new(quiz: &'q Quiz) -> Self {
        let traits = (0..quiz.traits.len())
            .map(|t| {
                let questions: Vec<usize> = quiz
                    .questions
                    .iter()
                    .enumerate()
                    // A question that scores several traits is left out of every
                    // trait's alpha: its values for them trade off by design.
                    .filter(|(_, q)| q.traits == [t])
                    .map(|(i, _)| i)
                    .collect();
                let k = questions.len();
                TraitSums {
                    questions,
                    complete: 0,
                    sums: vec![0.0; k],
                    cross: vec![0.0; k * k],
                }
            })
            .collect();
        Analyzer {
            quiz,
            traits,
            items: vec![ItemSums::default(); quiz.questions.len()],
            extremes: quiz.questions.iter().map(|q| extremes(&q.kind)).collect(),
            respondents: 0,
            rows_failed: 0,
            respondent_flags: Vec::new(),
            values: Vec::with_capacity(quiz.questions.len()),
        }
    }

    /// One respondent's checked answers; `id` names them in `respondent_flags`.
    pub fn add(&mut self, id: &Json, answers: &Answers) {
        self.respondents += 1;
        self.values.clear();
        self.values.extend(
            self.quiz
                .questions
                .iter()
                .zip(answers)
                .map(|(q, a)| a.as_ref().map(|a| scoring::value(q, a))),
        );
        for (i, v) in self.values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let item = &mut self.items[i];
            item.answered += 1;
            item.sum += v - SHIFT;
            item.squares += (v - SHIFT) * (v - SHIFT);
            if let Some((low, high)) = self.extremes[i] {
                item.at_floor += usize::from((v - low).abs() < 1e-9);
                item.at_ceiling += usize::from((v - high).abs() < 1e-9);
            }
        }
        for sums in &mut self.traits {
            let complete = sums.questions.iter().all(|&q| self.values[q].is_some());
            if !complete {
                continue;
            }
            sums.complete += 1;
            let k = sums.questions.len();
            for (a, &qa) in sums.questions.iter().enumerate() {
                let va = self.values[qa].unwrap_or_default() - SHIFT;
                sums.sums[a] += va;
                for (b, &qb) in sums.questions.iter().enumerate().skip(a) {
                    let vb = self.values[qb].unwrap_or_default() - SHIFT;
                    sums.cross[a * k + b] += va * vb;
                }
            }
        }
        // The same rules as `score`'s low confidence (trust/): one notion of careless.
        let scores = scoring::score(self.quiz, answers);
        let mut flags: Vec<&'static str> = Vec::new();
        for finding in crate::trust::findings(self.quiz, answers, &scores) {
            if let Some(code) = crate::trust::lowering(crate::trust::Coded::code(&finding))
                && !flags.contains(&code)
            {
                flags.push(code);
            }
        }
        if !flags.is_empty() {
            self.respondent_flags.push(RespondentFlags {
                id: id.clone(),
                flags,
            });
        }
    }

    /// A row that could not be read or checked.
    pub fn add_failed(&mut self) {
        self.rows_failed += 1;
    }

    pub fn finish(self) -> Analysis {
        let quiz = self.quiz;
        let respondents = self.respondents;
        let traits = self
            .traits
            .iter()
            .enumerate()
            .map(|(t, sums)| analyse_trait(quiz, t, sums, &self.items, &self.extremes, respondents))
            .collect();
        Analysis {
            schema: "careerfit/analysis/v1",
            quiz: QuizInfo {
                id: quiz.id.clone(),
                title: quiz.title.clone(),
                version: quiz.version.clone(),
            },
            respondents,
            rows_failed: self.rows_failed,
            traits,
            respondent_flags: self.respondent_flags,
            left_out: self
                .quiz
                .questions
                .iter()
                .filter(|q| q.is_forced_choice())
                .map(|q| q.id.clone())
                .collect(),
        }
    }
}

/// The lowest and highest value a question allows, for floor and ceiling; none for
/// yes/no, where every answer is one or the other.
fn extremes(kind: &QuestionKind) -> Option<(f64, f64)> {
    match kind {
        QuestionKind::Scale { .. } => Some((0.0, 1.0)),
        QuestionKind::YesNo { .. } => None,
        QuestionKind::Choice { options } => {
            let scores = options.iter().map(|o| o.scores[0]);
            let low = scores.clone().fold(f64::INFINITY, f64::min);
            let high = scores.fold(f64::NEG_INFINITY, f64::max);
            (options.len() > 2 && high > low).then_some((low, high))
        }
        QuestionKind::Multi { options } => {
            let high = options
                .iter()
                .map(|o| o.scores[0].max(0.0))
                .sum::<f64>()
                .min(1.0);
            let low = options
                .iter()
                .map(|o| o.scores[0].min(0.0))
                .sum::<f64>()
                .max(0.0);
            (high > low).then_some((low, high))
        }
    }
}

fn analyse_trait(
    quiz: &Quiz,
    t: usize,
    sums: &TraitSums,
    items: &[ItemSums],
    extremes: &[Option<(f64, f64)>],
    respondents: usize,
) -> TraitAnalysis {
    let k = sums.questions.len();
    let n = sums.complete;
    let cov = stats::covariance(n, &sums.sums, &sums.cross);
    let alpha = cov.as_ref().and_then(|c| stats::alpha(c, None));
    let alpha_ci95 = alpha.and_then(|a| stats::feldt(a, n, k));

    let mut flags = Vec::new();
    if k < threshold::MIN_ITEMS {
        flags.push("few_items");
    }
    if n < threshold::MIN_RESPONDENTS {
        flags.push("too_few_to_trust");
    }
    if let Some(a) = alpha {
        if a < threshold::ALPHA_LOW {
            flags.push("low_alpha");
        }
        if a > threshold::ALPHA_HIGH {
            flags.push("high_alpha");
        }
    }

    let items = sums
        .questions
        .iter()
        .enumerate()
        .map(|(a, &q)| {
            let item = &items[q];
            let answered = item.answered;
            let share = |count: usize| (answered > 0).then(|| count as f64 / answered as f64);
            let mean = (answered > 0).then(|| item.sum / answered as f64 + SHIFT);
            let sd = (answered > 1).then(|| {
                let centred = item.squares - item.sum * item.sum / answered as f64;
                (centred.max(0.0) / (answered - 1) as f64).sqrt()
            });
            let has_extremes = extremes[q].is_some();
            let floor = has_extremes.then(|| share(item.at_floor)).flatten();
            let ceiling = has_extremes.then(|| share(item.at_ceiling)).flatten();
            let missing = if respondents == 0 {
                0.0
            } else {
                (respondents - answered) as f64 / respondents as f64
            };
            let item_rest_r = cov.as_ref().and_then(|c| stats::item_rest_r(c, a));
            let alpha_if_deleted = cov
                .as_ref()
                .filter(|_| k >= 3)
                .and_then(|c| stats::alpha(c, Some(a)));
            let redundant = cov.as_ref().is_some_and(|c| {
                (0..k).any(|b| {
                    b != a && stats::r(c, a, b).is_some_and(|r| r > threshold::INTER_ITEM_HIGH)
                })
            });

            let mut flags = Vec::new();
            if answered < threshold::MIN_RESPONDENTS {
                flags.push("too_few_to_trust");
            }
            if let Some(r) = item_rest_r {
                if r < 0.0 {
                    flags.push("negative_item_rest");
                } else if r < threshold::ITEM_REST_LOW {
                    flags.push("low_item_rest");
                }
            }
            if redundant {
                flags.push("redundant_pair");
            }
            if floor.is_some_and(|f| f > threshold::FLOOR_CEILING) {
                flags.push("floor");
            }
            if ceiling.is_some_and(|c| c > threshold::FLOOR_CEILING) {
                flags.push("ceiling");
            }
            if missing > threshold::MISSING {
                flags.push("missing");
            }
            ItemAnalysis {
                question: quiz.questions[q].id.clone(),
                answered,
                missing,
                mean,
                sd,
                floor,
                ceiling,
                item_rest_r,
                alpha_if_deleted,
                flags,
            }
        })
        .collect();

    TraitAnalysis {
        id: quiz.traits[t].id.clone(),
        name: quiz.traits[t].name.clone(),
        questions: k,
        complete: n,
        alpha,
        alpha_ci95,
        flags,
        items,
    }
}
