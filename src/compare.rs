//! How a person's result moved between two takes of one quiz: per trait and per
//! pathway, the old and new score and the change, with the pathways' ranks
//! (pure; `report::compare` writes it).

use crate::result::QuizResult;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub schema: &'static str,
    pub quiz: String,
    pub old_version: String,
    pub new_version: String,
    pub old_completed_at: String,
    pub new_completed_at: String,
    pub traits: Vec<TraitChange>,
    pub pathways: Vec<PathwayChange>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraitChange {
    pub id: String,
    pub name: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// new - old, when both were assessed.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathwayChange {
    pub id: String,
    pub title: String,
    /// 1 is the best fit; `None` when the pathway is not in that result.
    pub old_rank: Option<usize>,
    pub new_rank: Option<usize>,
    pub old_fit: Option<f64>,
    pub new_fit: Option<f64>,
    pub change: Option<f64>,
}

fn change(old: Option<f64>, new: Option<f64>) -> Option<f64> {
    Some(new? - old?)
}

/// Results of two different quizzes, which cannot be compared.
#[derive(Debug, thiserror::Error)]
#[error("these results are of different quizzes (`{old}` and `{new}`), so they cannot be compared")]
pub struct DifferentQuizzes {
    pub old: String,
    pub new: String,
}

/// Compare two results. Results of different quizzes cannot be compared; different
/// versions of one quiz are, with a warning.
pub fn compare(old: &QuizResult, new: &QuizResult) -> Result<Comparison, DifferentQuizzes> {
    if old.quiz.id != new.quiz.id {
        return Err(DifferentQuizzes {
            old: old.quiz.id.clone(),
            new: new.quiz.id.clone(),
        });
    }
    let mut warnings = Vec::new();
    if old.quiz.version != new.quiz.version {
        warnings.push(format!(
            "The results come from versions {} and {} of the quiz; questions may have changed \
             between them, so part of a change may come from the quiz, not from you.",
            old.quiz.version, new.quiz.version
        ));
    }
    // In the new result's order, then anything only the old one has.
    let mut traits: Vec<TraitChange> = new
        .traits
        .iter()
        .map(|t| {
            let before = old
                .traits
                .iter()
                .find(|o| o.id == t.id)
                .and_then(|o| o.score);
            TraitChange {
                id: t.id.clone(),
                name: t.name.clone(),
                old: before,
                new: t.score,
                change: change(before, t.score),
            }
        })
        .collect();
    for t in old
        .traits
        .iter()
        .filter(|o| !new.traits.iter().any(|n| n.id == o.id))
    {
        traits.push(TraitChange {
            id: t.id.clone(),
            name: t.name.clone(),
            old: t.score,
            new: None,
            change: None,
        });
    }
    let rank = |result: &QuizResult, id: &str| {
        result
            .profiles
            .iter()
            .position(|p| p.id == id && p.fit.is_some())
            .map(|i| i + 1)
    };
    let mut pathways: Vec<PathwayChange> = new
        .profiles
        .iter()
        .map(|p| {
            let before = old
                .profiles
                .iter()
                .find(|o| o.id == p.id)
                .and_then(|o| o.fit);
            PathwayChange {
                id: p.id.clone(),
                title: p.title.clone(),
                old_rank: rank(old, &p.id),
                new_rank: rank(new, &p.id),
                old_fit: before,
                new_fit: p.fit,
                change: change(before, p.fit),
            }
        })
        .collect();
    for p in old
        .profiles
        .iter()
        .filter(|o| !new.profiles.iter().any(|n| n.id == o.id))
    {
        pathways.push(PathwayChange {
            id: p.id.clone(),
            title: p.title.clone(),
            old_rank: rank(old, &p.id),
            new_rank: None,
            old_fit: p.fit,
            new_fit: None,
            change: None,
        });
    }
    Ok(Comparison {
        schema: "careerfit/compare/v1",
        quiz: new.quiz.id.clone(),
        old_version: old.quiz.version.clone(),
        new_version: new.quiz.version.clone(),
        old_completed_at: old.completed_at.clone(),
        new_completed_at: new.completed_at.clone(),
        traits,
        pathways,
        warnings,
    })
}
