//! The group view of a batch: how many were scored, which pathway fits each person
//! best, and every trait's mean and spread. Accumulated row by row, in input order, so
//! its figures do not depend on how many threads scored the rows.

use crate::quiz::Quiz;
use crate::report::Style;
use crate::report::table::table;
use crate::scoring::Scores;
use crate::trust::{self, Warning};
use comfy_table::{Cell, CellAlignment};
use serde_json::{Value as Json, json};

/// Count, sum and sum of squares: enough for a mean and a standard deviation.
#[derive(Debug, Clone, Copy, Default)]
struct Moments {
    n: usize,
    sum: f64,
    squares: f64,
}

impl Moments {
    fn add(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
        self.squares += x * x;
    }

    fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }

    /// The population standard deviation: how far people's scores spread around the mean.
    fn spread(&self) -> Option<f64> {
        let mean = self.mean()?;
        Some((self.squares / self.n as f64 - mean * mean).max(0.0).sqrt())
    }
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub scored: usize,
    pub failed: usize,
    /// Scored respondents whose result has low confidence.
    pub low_confidence: usize,
    /// Per profile, in quiz order: how many have it as their best fit.
    best: Vec<usize>,
    fits: Vec<Moments>,
    traits: Vec<Moments>,
    /// Per warning code, in the order first met: how many respondents have it.
    warnings: Vec<(String, usize)>,
}

/// One pathway's line of the group view.
pub struct PathwayFigures<'q> {
    pub id: &'q str,
    pub title: &'q str,
    /// How many have it as their best fit.
    pub best_fit: usize,
    pub mean_fit: Option<f64>,
}

/// One trait's line of the group view.
pub struct TraitFigures<'q> {
    pub id: &'q str,
    pub name: &'q str,
    pub mean: Option<f64>,
    /// The population standard deviation.
    pub spread: Option<f64>,
    /// How many had it assessed.
    pub assessed: usize,
}

impl Summary {
    pub fn new(quiz: &Quiz) -> Self {
        Summary {
            scored: 0,
            failed: 0,
            low_confidence: 0,
            best: vec![0; quiz.profiles.len()],
            fits: vec![Moments::default(); quiz.profiles.len()],
            traits: vec![Moments::default(); quiz.traits.len()],
            warnings: Vec::new(),
        }
    }

    /// Every pathway, in quiz order.
    pub fn pathways<'q>(&self, quiz: &'q Quiz) -> Vec<PathwayFigures<'q>> {
        quiz.profiles
            .iter()
            .enumerate()
            .map(|(i, p)| PathwayFigures {
                id: &p.id,
                title: &p.title,
                best_fit: self.best[i],
                mean_fit: self.fits[i].mean(),
            })
            .collect()
    }

    /// Every trait, in quiz order.
    pub fn traits<'q>(&self, quiz: &'q Quiz) -> Vec<TraitFigures<'q>> {
        quiz.traits
            .iter()
            .enumerate()
            .map(|(i, t)| TraitFigures {
                id: &t.id,
                name: &t.name,
                mean: self.traits[i].mean(),
                spread: self.traits[i].spread(),
                assessed: self.traits[i].n,
            })
            .collect()
    }

    /// Each kind of warning (its code) and how many respondents have it, most first.
    pub fn warnings(&self) -> Vec<(&str, usize)> {
        let mut kinds: Vec<(&str, usize)> = self
            .warnings
            .iter()
            .map(|(c, n)| (c.as_str(), *n))
            .collect();
        kinds.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        kinds
    }

    /// Count one scored respondent. Their best fit is the first of the ranking (ties go
    /// to the pathway listed first in the quiz, as in the summary a person sees).
    pub fn add(&mut self, scores: &Scores, warnings: &[Warning]) {
        self.scored += 1;
        if trust::confidence(warnings) == trust::Confidence::Low {
            self.low_confidence += 1;
        }
        for (i, warning) in warnings.iter().enumerate() {
            // A respondent counts once for a kind, though it may be said per pathway.
            if warnings[..i].iter().any(|w| w.code == warning.code) {
                continue;
            }
            match self.warnings.iter_mut().find(|(c, _)| *c == warning.code) {
                Some((_, n)) => *n += 1,
                None => self.warnings.push((warning.code.clone(), 1)),
            }
        }
        if let Some(best) = scores.profiles.first().filter(|p| p.fit.is_some()) {
            self.best[best.profile] += 1;
        }
        for p in &scores.profiles {
            if let Some(fit) = p.fit {
                self.fits[p.profile].add(fit);
            }
        }
        for (t, score) in scores.traits.iter().enumerate() {
            if let Some(s) = score.score {
                self.traits[t].add(s);
            }
        }
    }

    pub fn to_json(&self, quiz: &Quiz) -> Json {
        json!({
            "schema": "careerfit/summary/v1",
            "quiz": {"id": quiz.id, "title": quiz.title, "version": quiz.version},
            "scored": self.scored,
            "failed": self.failed,
            "low_confidence": self.low_confidence,
            "pathways": quiz.profiles.iter().enumerate().map(|(i, p)| json!({
                "id": p.id,
                "title": p.title,
                "best_fit": self.best[i],
                "mean_fit": self.fits[i].mean(),
                "scored": self.fits[i].n,
            })).collect::<Vec<_>>(),
            "traits": quiz.traits.iter().enumerate().map(|(i, t)| json!({
                "id": t.id,
                "name": t.name,
                "mean": self.traits[i].mean(),
                "spread": self.traits[i].spread(),
                "assessed": self.traits[i].n,
            })).collect::<Vec<_>>(),
            "warnings": self.warnings().iter().map(|(code, n)| json!({
                "code": code,
                "respondents": n,
            })).collect::<Vec<_>>(),
        })
    }

    pub fn to_tables(&self, quiz: &Quiz, style: Style) -> String {
        let mut out = format!(
            "{} (quiz {}, version {})\n{} respondents scored, {} failed\n\n",
            quiz.title, quiz.id, quiz.version, self.scored, self.failed
        );
        let number = |x: Option<f64>| {
            Cell::new(x.map_or("n/a".to_string(), |x| crate::text::fixed(x, 1)))
                .set_alignment(CellAlignment::Right)
        };
        let share = |n: usize| match self.scored {
            0 => "0".to_string(),
            total => format!(
                "{n} ({}%)",
                crate::text::fixed(100.0 * n as f64 / total as f64, 0)
            ),
        };
        out.push_str("Pathways, by how many fit them best\n");
        let mut pathways = table(style, ["Pathway", "Best fit for", "Mean fit"]);
        let mut order: Vec<usize> = (0..quiz.profiles.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.best[i]));
        for i in order {
            pathways.add_row(vec![
                Cell::new(&quiz.profiles[i].title),
                Cell::new(share(self.best[i])).set_alignment(CellAlignment::Right),
                number(self.fits[i].mean()),
            ]);
        }
        out.push_str(&format!("{pathways}\n\n"));
        out.push_str("Traits (0 to 100): mean and spread (standard deviation)\n");
        let mut traits = table(style, ["Trait", "Mean", "Spread", "Assessed"]);
        for (i, t) in quiz.traits.iter().enumerate() {
            traits.add_row(vec![
                Cell::new(&t.name),
                number(self.traits[i].mean()),
                number(self.traits[i].spread()),
                Cell::new(self.traits[i].n).set_alignment(CellAlignment::Right),
            ]);
        }
        out.push_str(&format!("{traits}\n"));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Moments;

    #[test]
    fn mean_and_spread_are_worked_out_by_hand() {
        let mut m = Moments::default();
        assert_eq!(m.mean(), None);
        for x in [40.0, 60.0, 80.0, 100.0] {
            m.add(x);
        }
        // Mean 70; deviations -30, -10, 10, 30; variance (900+100+100+900)/4 = 500.
        assert_eq!(m.mean(), Some(70.0));
        assert!((m.spread().unwrap() - 500f64.sqrt()).abs() < 1e-9);
    }
}
