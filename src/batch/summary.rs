//! The group view of a batch: how many were scored, which pathway fits each person
//! best, and every trait's mean and spread (written by `report::class`). Each chunk
//! of rows is summed where it is scored, and the chunks' sums are added in input
//! order: chunks are cut alike whatever the number of threads, so the figures do not
//! depend on it.

use super::talk::{Group, Groups};
use crate::quiz::Quiz;
use crate::scoring::Scores;
use crate::trust::{self, Coded};
use crate::verdict::Answer;

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

    fn merge(&mut self, other: &Moments) {
        self.n += other.n;
        self.sum += other.sum;
        self.squares += other.squares;
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
    /// Per profile, in quiz order: those counted in `best`, by the quiz's answer
    /// (in the order of `verdict::Answer::ALL`).
    best_by_answer: Vec<[usize; 4]>,
    fits: Vec<Moments>,
    traits: Vec<Moments>,
    /// Per warning code, in the order first met: how many respondents have it.
    warnings: Vec<(String, usize)>,
    /// How many got each verdict, in the order of `verdict::Answer::ALL`; all zero
    /// when the quiz defines no verdict.
    pub verdicts: [usize; 4],
    /// Per group of `talk::Group::ALL`, its first `MAX_NAMED` respondents, in input
    /// order (one in two groups is in both lists).
    named: [Vec<Named>; 3],
    /// Ids of this chunk's rows (text ids, and numbers that are not the line), with
    /// their lines: checked for repeats when chunks are merged, then dropped.
    ids: Vec<(String, usize)>,
    /// A hash of every id seen so far, with its first line, in the merged summary
    /// (12 bytes an id, not the text: a repeat is told with the later row's text).
    seen: std::collections::HashMap<u64, u32>,
    /// Ids that appear more than once, in the order first repeated, with every line.
    pub repeated: Vec<(String, Vec<usize>)>,
    /// Rows whose id was not checked for repeats, past `MAX_CHECKED_IDS`.
    pub ids_unchecked: usize,
}

/// How many respondents a summary names in each group to talk to; the group's
/// count says the rest.
pub const MAX_NAMED: usize = 100;

/// A respondent named in a group to talk to.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: String,
    pub line: usize,
    /// Every group they are in, this one among them.
    pub groups: Groups,
    /// The codes of the warnings that lowered confidence, when it is low.
    pub warnings: Vec<String>,
    /// Their best-fitting pathway (its index in the quiz), when one was scored.
    pub best: Option<usize>,
    /// Told "probably not": the verdict's dealbreakers that hold (their indexes).
    pub dealbreakers: Vec<usize>,
}

/// How many distinct ids are checked for repeats, far more than a class: memory stays
/// bounded whatever the input (well under 1 MB for these); the ids after them are
/// not checked, and `score` says so.
pub const MAX_CHECKED_IDS: usize = 20_000;

/// An id's hash for the check of repeats (64 bits: a false repeat is vanishingly rare).
fn id_hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(id)
}

/// One pathway's line of the group view.
pub struct PathwayFigures<'q> {
    pub id: &'q str,
    pub title: &'q str,
    /// How many have it as their best fit.
    pub best_fit: usize,
    /// Those, by the quiz's answer, in the order of `verdict::Answer::ALL` (all zero
    /// when the quiz defines no verdict).
    pub best_fit_by_answer: [usize; 4],
    pub mean_fit: Option<f64>,
    /// How many had a fit for it.
    pub scored: usize,
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
            best_by_answer: vec![[0; 4]; quiz.profiles.len()],
            fits: vec![Moments::default(); quiz.profiles.len()],
            traits: vec![Moments::default(); quiz.traits.len()],
            warnings: Vec::new(),
            verdicts: [0; 4],
            named: [Vec::new(), Vec::new(), Vec::new()],
            ids: Vec::new(),
            seen: std::collections::HashMap::new(),
            repeated: Vec::new(),
            ids_unchecked: 0,
        }
    }

    /// Note a row's id (scored or not) for the check of repeated ids.
    pub fn saw(&mut self, id: &serde_json::Value, line: usize) {
        let text = match id {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Number(n) if n.as_u64() != Some(line as u64) => n.to_string(),
            _ => return,
        };
        self.ids.push((text, line));
    }

    /// Each verdict and how many got it, when the quiz defines a verdict.
    pub fn verdict_counts(&self, quiz: &Quiz) -> Option<Vec<(Answer, usize)>> {
        quiz.verdict.as_ref()?;
        Some(Answer::ALL.into_iter().zip(self.verdicts).collect())
    }

    /// How many are in a group to talk to.
    pub fn talk_count(&self, group: Group) -> usize {
        match group {
            Group::LowConfidence => self.low_confidence,
            Group::ProbablyNot => self.verdicts[2],
            Group::Unclear => self.verdicts[3],
        }
    }

    /// The respondents named in a group, in input order (at most `MAX_NAMED`).
    pub fn named(&self, group: Group) -> &[Named] {
        let i = Group::ALL
            .iter()
            .position(|g| *g == group)
            .expect("every group");
        &self.named[i]
    }

    /// The groups to talk to that hold someone, in `Group::ALL`'s order, with how
    /// many they hold.
    pub fn talk(&self) -> Vec<(Group, usize)> {
        Group::ALL
            .into_iter()
            .map(|g| (g, self.talk_count(g)))
            .filter(|&(_, n)| n > 0)
            .collect()
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
                best_fit_by_answer: self.best_by_answer[i],
                mean_fit: self.fits[i].mean(),
                scored: self.fits[i].n,
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

    /// Add the figures of the respondents that come after these (a later chunk):
    /// counts add up, and a kind of warning first met there comes after those met here.
    pub fn merge(&mut self, later: &Summary) {
        for (id, line) in &later.ids {
            let hash = id_hash(id);
            match self.seen.get(&hash) {
                None if self.seen.len() >= MAX_CHECKED_IDS => self.ids_unchecked += 1,
                None => {
                    self.seen.insert(hash, *line as u32);
                }
                Some(&first) => match self.repeated.iter_mut().find(|(r, _)| r == id) {
                    Some((_, lines)) => lines.push(*line),
                    None => self
                        .repeated
                        .push((id.clone(), vec![first as usize, *line])),
                },
            }
        }
        for (mine, theirs) in self.named.iter_mut().zip(&later.named) {
            let room = MAX_NAMED.saturating_sub(mine.len());
            mine.extend(theirs.iter().take(room).cloned());
        }
        self.scored += later.scored;
        self.failed += later.failed;
        self.low_confidence += later.low_confidence;
        for (mine, theirs) in self.verdicts.iter_mut().zip(later.verdicts) {
            *mine += theirs;
        }
        for (mine, theirs) in self.best.iter_mut().zip(&later.best) {
            *mine += theirs;
        }
        for (mine, theirs) in self.best_by_answer.iter_mut().zip(&later.best_by_answer) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
        for (mine, theirs) in self.fits.iter_mut().zip(&later.fits) {
            mine.merge(theirs);
        }
        for (mine, theirs) in self.traits.iter_mut().zip(&later.traits) {
            mine.merge(theirs);
        }
        for (code, n) in &later.warnings {
            match self.warnings.iter_mut().find(|(c, _)| c == code) {
                Some((_, mine)) => *mine += n,
                None => self.warnings.push((code.clone(), *n)),
            }
        }
    }

    /// Count one scored respondent. Their best fit is the first of the ranking (ties go
    /// to the pathway listed first in the quiz, as in the summary a person sees).
    pub fn add(
        &mut self,
        quiz: &Quiz,
        (id, line): (&serde_json::Value, usize),
        scores: &Scores,
        warnings: &[impl Coded],
        judged: super::Judged,
    ) {
        self.scored += 1;
        if judged.confidence == trust::Confidence::Low {
            self.low_confidence += 1;
        }
        let slot = judged.answer.map(|answer| {
            Answer::ALL
                .iter()
                .position(|a| *a == answer)
                .expect("every answer")
        });
        if let Some(slot) = slot {
            self.verdicts[slot] += 1;
        }
        let best = scores.profiles.first().filter(|p| p.fit.is_some());
        let groups = Groups::of(judged);
        if groups.iter().any(|g| self.named(g).len() < MAX_NAMED) {
            let mut codes: Vec<String> = Vec::new();
            if groups.contains(Group::LowConfidence) {
                for w in warnings {
                    if trust::lowers_confidence(w.code()) && !codes.iter().any(|c| c == w.code()) {
                        codes.push(w.code().to_string());
                    }
                }
            }
            let dealbreakers = match (&quiz.verdict, groups.contains(Group::ProbablyNot)) {
                (Some(rule), true) => crate::verdict::broken(rule, scores)
                    .map(|(i, _)| i)
                    .collect(),
                _ => Vec::new(),
            };
            let named = Named {
                id: match id {
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                },
                line,
                groups,
                warnings: codes,
                best: best.map(|b| b.profile),
                dealbreakers,
            };
            for (i, group) in Group::ALL.into_iter().enumerate() {
                if groups.contains(group) && self.named[i].len() < MAX_NAMED {
                    self.named[i].push(named.clone());
                }
            }
        }
        for (i, warning) in warnings.iter().enumerate() {
            // A respondent counts once for a kind, though it may be said per pathway.
            let code = warning.code();
            if warnings[..i].iter().any(|w| w.code() == code) {
                continue;
            }
            match self.warnings.iter_mut().find(|(c, _)| c == code) {
                Some((_, n)) => *n += 1,
                None => self.warnings.push((code.to_string(), 1)),
            }
        }
        if let Some(best) = best {
            self.best[best.profile] += 1;
            if let Some(slot) = slot {
                self.best_by_answer[best.profile][slot] += 1;
            }
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
}

#[cfg(test)]
mod tests {
    use super::{Moments, Summary};
    use crate::trust::Warning;

    /// Chunks summed apart and merged in order give the figures of one pass.
    #[test]
    fn merged_chunks_count_as_one_pass_does() {
        merged_chunks_count_as_one_pass(crate::fixtures::small());
        merged_chunks_count_as_one_pass(crate::fixtures::forced());
    }

    /// Five people answering the quiz's required question (or its first) from 1 to 5.
    fn merged_chunks_count_as_one_pass(quiz: crate::quiz::Quiz) {
        let answers = |k: usize| {
            let mut answers = vec![None; quiz.questions.len()];
            let question = quiz.question_index("q-required").unwrap_or(0);
            answers[question] = Some(crate::answers::Answer::Scale(k));
            answers
        };
        let people: Vec<_> = (1..=5)
            .map(|k| {
                let answers = answers(k);
                let scores = crate::scoring::score(&quiz, &answers);
                let mut warnings = crate::trust::warnings(&quiz, &answers, &scores);
                if k == 4 {
                    warnings.insert(0, Warning::new("other_version", "made up"));
                }
                let mut capped = scores.clone();
                let judged = super::super::Judged::of(&quiz, &warnings, &mut capped);
                (capped, warnings, judged)
            })
            .collect();
        let mut whole = Summary::new(&quiz);
        for (line, (scores, warnings, judged)) in people.iter().enumerate() {
            whole.add(
                &quiz,
                (&serde_json::json!("r"), line),
                scores,
                warnings,
                *judged,
            );
        }
        whole.failed = 1;
        let (mut first, mut second) = (Summary::new(&quiz), Summary::new(&quiz));
        for (line, (scores, warnings, judged)) in people.iter().enumerate() {
            let part = if line < 2 { &mut first } else { &mut second };
            part.add(
                &quiz,
                (&serde_json::json!("r"), line),
                scores,
                warnings,
                *judged,
            );
        }
        second.failed = 1;
        first.merge(&second);
        assert_eq!(
            (
                first.scored,
                first.failed,
                first.low_confidence,
                &first.best
            ),
            (
                whole.scored,
                whole.failed,
                whole.low_confidence,
                &whole.best
            )
        );
        assert_eq!(
            first.warnings, whole.warnings,
            "kinds in the order first met"
        );
        assert_eq!(first.best_by_answer, whole.best_by_answer);
        for group in crate::batch::talk::Group::ALL {
            let lines = |s: &Summary| s.named(group).iter().map(|n| n.line).collect::<Vec<_>>();
            assert_eq!(lines(&first), lines(&whole), "{group:?}");
        }
        for (a, b) in first
            .traits
            .iter()
            .zip(&whole.traits)
            .chain(first.fits.iter().zip(&whole.fits))
        {
            assert_eq!(a.n, b.n);
            assert!((a.mean().unwrap_or(0.0) - b.mean().unwrap_or(0.0)).abs() < 1e-9);
            assert!((a.spread().unwrap_or(0.0) - b.spread().unwrap_or(0.0)).abs() < 1e-9);
        }
    }

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
