//! Why a pathway fits as it does: the exact share of its fit each answer produced, the
//! traits that would raise it most, and how far the runner-up is behind. Pure: built
//! from the quiz, the answers and the scores, like the scores themselves.
//!
//! A fit is a weighted mean of trait scores, and a trait score a weighted mean of answer
//! values, so the fit splits exactly into one part per answered question:
//!   contribution_q = (W_t / ΣW) × (w_q / Σw_t) × 100 × v_q
//! where W_t is the pathway's weight for the question's trait t, ΣW the sum of its
//! weights over the assessed traits, w_q the question's weight and Σw_t the sum of the
//! weights of t's answered questions. What it left on the table is the same with 1 − v_q.

use crate::quiz::Quiz;
use crate::scoring::Scores;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Explanation {
    /// The pathway explained: the best fit, or the one asked for.
    pub pathway: String,
    pub title: String,
    pub fit: f64,
    /// Every answered question that counts towards this pathway, largest share first.
    pub contributions: Vec<Contribution>,
    /// The traits whose rise would raise the fit most, most first (up to three).
    pub movers: Vec<Mover>,
    /// The next pathway in the ranking, when there is one with a fit.
    pub runner_up: Option<RunnerUp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Contribution {
    pub question: String,
    pub trait_id: String,
    /// Fit points this answer produced.
    pub points: f64,
    /// Fit points a top answer would have added.
    pub left: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mover {
    pub trait_id: String,
    pub name: String,
    pub score: f64,
    /// Fit points gained if this trait's score were 100.
    pub gain: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RunnerUp {
    pub pathway: String,
    pub title: String,
    pub fit: f64,
    /// Fit points behind the pathway explained.
    pub behind: f64,
    /// Where the gap comes from: per trait, its points in each fit, largest difference
    /// (either way) first. The differences add up to `behind`.
    pub traits: Vec<TraitGap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TraitGap {
    pub trait_id: String,
    pub name: String,
    /// This trait's points in the explained pathway's fit.
    pub points: f64,
    /// Its points in the runner-up's fit.
    pub runner_up_points: f64,
    /// `points` minus `runner_up_points`: this trait's part of the gap.
    #[serde(default)]
    pub difference: f64,
}

/// Each assessed trait's share of a profile's fit: (trait, W_t / ΣW).
fn shares(quiz: &Quiz, scores: &Scores, profile: usize) -> Vec<(usize, f64)> {
    let weights: Vec<(usize, f64)> = quiz.profiles[profile]
        .weights
        .iter()
        .copied()
        .filter(|(t, _)| scores.traits[*t].score.is_some())
        .collect();
    let total: f64 = weights.iter().map(|(_, w)| w).sum();
    weights.into_iter().map(|(t, w)| (t, w / total)).collect()
}

/// Explain a pathway's fit: `profile` is an index into the quiz's profiles, or `None`
/// for the best fit. `None` when that pathway has no fit.
pub fn explain(quiz: &Quiz, scores: &Scores, profile: Option<usize>) -> Option<Explanation> {
    let rank = match profile {
        Some(p) => scores.profiles.iter().position(|f| f.profile == p)?,
        None => 0,
    };
    let fit = scores.profiles.get(rank)?;
    let profile = fit.profile;
    let shares = shares(quiz, scores, profile);

    let mut contributions: Vec<Contribution> = Vec::new();
    for (t, share) in &shares {
        let answered: Vec<(usize, f64, f64)> = quiz
            .questions
            .iter()
            .enumerate()
            .filter_map(|(i, q)| scores.value_of(quiz, i, *t).map(|v| (i, q.weight, v)))
            .collect();
        let weight_sum: f64 = answered.iter().map(|(_, w, _)| w).sum();
        for (i, weight, value) in answered {
            let part = share * (weight / weight_sum) * 100.0;
            contributions.push(Contribution {
                question: quiz.questions[i].id.clone(),
                trait_id: quiz.traits[*t].id.clone(),
                points: part * value,
                left: part * (1.0 - value),
            });
        }
    }
    contributions.sort_by(|a, b| b.points.total_cmp(&a.points));

    let mut movers: Vec<Mover> = shares
        .iter()
        .filter_map(|&(t, share)| {
            let score = scores.traits[t].score?;
            Some(Mover {
                trait_id: quiz.traits[t].id.clone(),
                name: quiz.traits[t].name.clone(),
                score,
                gain: share * (100.0 - score),
            })
        })
        .filter(|m| m.gain > 1e-9)
        .collect();
    movers.sort_by(|a, b| b.gain.total_cmp(&a.gain));
    movers.truncate(3);

    let runner_up = scores
        .profiles
        .iter()
        .enumerate()
        .find(|(r, f)| *r != rank && f.fit.is_some())
        .map(|(_, other)| {
            let theirs = self::shares(quiz, scores, other.profile);
            let points = |list: &[(usize, f64)], t: usize| {
                list.iter()
                    .find(|(u, _)| *u == t)
                    .map_or(0.0, |(_, share)| {
                        share * scores.traits[t].score.unwrap_or(0.0)
                    })
            };
            let mut traits: Vec<TraitGap> = (0..quiz.traits.len())
                .filter(|&t| {
                    shares.iter().any(|(u, _)| *u == t) || theirs.iter().any(|(u, _)| *u == t)
                })
                .map(|t| {
                    let (here, there) = (points(&shares, t), points(&theirs, t));
                    TraitGap {
                        trait_id: quiz.traits[t].id.clone(),
                        name: quiz.traits[t].name.clone(),
                        points: here,
                        runner_up_points: there,
                        difference: here - there,
                    }
                })
                .collect();
            traits.sort_by(|a, b| b.difference.abs().total_cmp(&a.difference.abs()));
            let their_fit = other.fit.unwrap_or(0.0);
            RunnerUp {
                pathway: quiz.profiles[other.profile].id.clone(),
                title: quiz.profiles[other.profile].title.clone(),
                fit: their_fit,
                behind: fit.fit.unwrap_or(0.0) - their_fit,
                traits,
            }
        });

    Some(Explanation {
        pathway: quiz.profiles[profile].id.clone(),
        title: quiz.profiles[profile].title.clone(),
        fit: fit.fit?,
        contributions,
        movers,
        runner_up,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer::*;
    use crate::scoring;

    use crate::fixtures::small;

    /// The answers worked out in src/scoring/tests.rs: careful 68.75, social 25, techy 83.33.
    fn answers() -> crate::answers::Answers {
        vec![
            Some(Scale(2)),
            Some(Scale(1)),
            Some(YesNo(true)),
            Some(YesNo(true)),
            Some(Choice(1)),
            Some(Multi(vec![0, 1])),
            Some(Scale(4)),
        ]
    }

    #[test]
    fn alpha_is_decomposed_by_hand() {
        let quiz = small();
        let scores = scoring::score(&quiz, &answers());
        // Alpha weighs careful 3 and social 1: shares 3/4 and 1/4. Careful's questions
        // weigh 2, 1, 1 (sum 4); social's 1 and 3 (sum 4).
        let e = explain(&quiz, &scores, Some(0)).unwrap();
        assert_eq!(e.pathway, "alpha");
        let points = |id: &str| e.contributions.iter().find(|c| c.question == id).unwrap();
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        // q-scale: 3/4 x 2/4 x 100 x 0.5 = 18.75, leaving 18.75.
        close(points("q-scale").points, 18.75);
        close(points("q-scale").left, 18.75);
        // q-reverse: 3/4 x 1/4 x 100 x 1 = 18.75; q-required: 3/4 x 1/4 x 100 x 0.75 = 14.0625.
        close(points("q-reverse").points, 18.75);
        close(points("q-required").points, 14.0625);
        // q-yes: 1/4 x 1/4 x 100 x 1 = 6.25; q-no-rev (reversed yes = 0): 0, leaving 18.75.
        close(points("q-yes").points, 6.25);
        close(points("q-no-rev").points, 0.0);
        close(points("q-no-rev").left, 18.75);
        assert_eq!(e.contributions.len(), 5, "techy is not alpha's");
        close(e.contributions.iter().map(|c| c.points).sum(), e.fit);
        close(e.fit, 57.8125);
        assert_eq!(e.contributions[0].points, 18.75, "largest first");
        // Movers: social (1/4 x 75 = 18.75) then careful (3/4 x 31.25 = 23.4375): careful first.
        assert_eq!(e.movers[0].trait_id, "careful");
        close(e.movers[0].gain, 23.4375);
        close(e.movers[1].gain, 18.75);
        // Runner-up to alpha (ranked 2nd) is gamma, ranked first: ahead, so "behind" < 0.
        let runner = e.runner_up.unwrap();
        assert_eq!(runner.pathway, "gamma");
        close(runner.behind, 57.8125 - 250.0 / 3.0);
    }

    #[test]
    fn the_best_fit_is_explained_by_default() {
        let quiz = small();
        let scores = scoring::score(&quiz, &answers());
        let e = explain(&quiz, &scores, None).unwrap();
        assert_eq!(e.pathway, "gamma");
        let runner = e.runner_up.unwrap();
        assert_eq!(runner.pathway, "alpha");
        assert!((runner.behind - (250.0 / 3.0 - 57.8125)).abs() < 1e-9);
        assert_eq!(
            runner.traits[0].trait_id, "techy",
            "the gap is mostly techy"
        );
    }

    #[test]
    fn the_trait_differences_add_up_to_the_gap_either_way() {
        let quiz = small();
        let scores = scoring::score(&quiz, &answers());
        for pathway in [None, Some(0), Some(1), Some(2)] {
            let e = explain(&quiz, &scores, pathway).unwrap();
            let r = e.runner_up.unwrap();
            let sum: f64 = r.traits.iter().map(|t| t.difference).sum();
            assert!(
                (sum - r.behind).abs() < 1e-9,
                "{pathway:?}: {sum} vs {}",
                r.behind
            );
            // Largest difference first, whichever way it points.
            for pair in r.traits.windows(2) {
                assert!(pair[0].difference.abs() >= pair[1].difference.abs());
            }
        }
    }
}
