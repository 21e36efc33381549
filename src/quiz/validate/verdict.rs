//! Checking how a quiz answers its own question: the verdict, the tie margin, the
//! pairs of statements that catch careless answers, and the answers pathways need.

use super::*;
use crate::quiz::file::{DealbreakerFile, PairCloseness, PairRelation};
use crate::quiz::{DEFAULT_TIE_MARGIN, Dealbreaker, Need, Pair, VerdictRule};

impl Checker<'_> {
    pub(super) fn tie_margin(&mut self, margin: Option<f64>) -> f64 {
        match margin {
            None => DEFAULT_TIE_MARGIN,
            Some(m) if (0.0..=100.0).contains(&m) => m,
            Some(m) => {
                self.error(
                    "tie_margin",
                    format!("tie_margin {m}: it must be a number of fit points from 0 to 100"),
                );
                DEFAULT_TIE_MARGIN
            }
        }
    }

    pub(super) fn verdict(&mut self, v: &VerdictFile, trait_names: &[&str]) -> Option<VerdictRule> {
        let errors_before = self.problems.iter().filter(|p| p.is_error()).count();
        let mut weights = Vec::new();
        for (trait_id, weight) in &v.weights.0 {
            let path = format!("verdict.weights.{trait_id}");
            let index = trait_names.iter().position(|t| t == trait_id);
            if index.is_none() {
                self.key_error_with_hint(
                    &path,
                    format!("the verdict weighs unknown trait `{trait_id}`"),
                    self.suggest(trait_id, trait_names),
                );
            }
            if !(weight.is_finite() && *weight >= 0.0) || weight_out_of_range(*weight).is_some() {
                self.error(
                    &path,
                    format!(
                        "weight {weight}: a verdict weight must be a number from 0 to {MAX_WEIGHT}"
                    ),
                );
            } else if let Some(index) = index
                && *weight > 0.0
            {
                if weights.iter().any(|(t, _)| *t == index) {
                    self.error(&path, format!("trait `{trait_id}` is weighted twice"));
                }
                weights.push((index, *weight));
            }
        }
        if weights.is_empty() {
            self.error(
                "verdict.weights",
                "the verdict weighs no trait above 0, so it could never be reached",
            );
        }
        for (field, value) in [("yes", v.yes), ("maybe", v.maybe)] {
            if !(0.0..=100.0).contains(&value) {
                self.error(
                    format!("verdict.{field}"),
                    format!("{field} {value}: it must be a fit from 0 to 100"),
                );
            }
        }
        if v.maybe > v.yes {
            self.error(
                "verdict.maybe",
                format!(
                    "maybe {} is above yes {}; `maybe` is where the answer stops being \
                     `probably_not`, so it must be at or below `yes`",
                    v.maybe, v.yes
                ),
            );
        }
        self.non_empty("verdict.elsewhere", &v.elsewhere);
        let dealbreakers = v
            .dealbreakers
            .iter()
            .enumerate()
            .filter_map(|(i, d)| self.dealbreaker(i, d, trait_names))
            .collect();
        let errors = self.problems.iter().filter(|p| p.is_error()).count();
        (errors == errors_before).then(|| VerdictRule {
            weights,
            yes: v.yes,
            maybe: v.maybe,
            dealbreakers,
            elsewhere: v.elsewhere.clone(),
            still_offers: v.still_offers.clone(),
        })
    }

    fn dealbreaker(
        &mut self,
        i: usize,
        d: &DealbreakerFile,
        trait_names: &[&str],
    ) -> Option<Dealbreaker> {
        let path = format!("verdict.dealbreakers[{i}]");
        let index = trait_names.iter().position(|t| *t == d.trait_id);
        if index.is_none() {
            self.error_with_hint(
                format!("{path}.trait"),
                format!("a dealbreaker names unknown trait `{}`", d.trait_id),
                self.suggest(&d.trait_id, trait_names),
            );
        }
        if !(0.0..=100.0).contains(&d.below) {
            self.error(
                format!("{path}.below"),
                format!("below {}: it must be a score from 0 to 100", d.below),
            );
        }
        self.non_empty(&format!("{path}.reason"), &d.reason);
        self.non_empty(&format!("{path}.instead"), &d.instead);
        Some(Dealbreaker {
            trait_index: index?,
            below: d.below,
            reason: d.reason.clone(),
            instead: d.instead.clone(),
        })
    }

    /// Each pair names two different scale or yes/no questions.
    pub(super) fn pairs(&mut self, pairs: &[PairFile], questions: &[Question]) -> Vec<Pair> {
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        let mut checked = Vec::new();
        for (i, pair) in pairs.iter().enumerate() {
            let path = format!("pairs[{i}].questions");
            if pair.questions.len() != 2 {
                self.error(
                    &path,
                    format!("a pair names 2 questions, found {}", pair.questions.len()),
                );
                continue;
            }
            let mut found = [0; 2];
            let mut ok = true;
            for (j, id) in pair.questions.iter().enumerate() {
                let qpath = format!("{path}[{j}]");
                match ids.iter().position(|q| q == id) {
                    // A question that could not be read is reported already.
                    None if !self.complete => ok = false,
                    None => {
                        ok = false;
                        self.error_with_hint(
                            qpath,
                            format!("pair names unknown question `{id}`"),
                            self.suggest(id, &ids),
                        );
                    }
                    Some(q)
                        if matches!(
                            questions[q].kind,
                            QuestionKind::Choice { .. } | QuestionKind::Multi { .. }
                        ) =>
                    {
                        ok = false;
                        self.error(
                            qpath,
                            format!(
                                "question `{id}` is a choice; pairs are of scale and yes_no \
                                 statements"
                            ),
                        );
                    }
                    Some(q) => found[j] = q,
                }
            }
            if ok && found[0] == found[1] {
                self.error(&path, "a pair names the same question twice");
                continue;
            }
            if ok && pair.closeness == PairCloseness::Near {
                checked.push(Pair {
                    questions: found,
                    opposite: pair.relation == PairRelation::Opposite,
                });
            }
        }
        let related = pairs
            .iter()
            .filter(|p| p.closeness == PairCloseness::Related)
            .count();
        // Said only of pairs that are all well written: an error says enough.
        let all_read = checked.len() + related == pairs.len();
        if all_read && !checked.is_empty() && checked.len() < crate::quiz::MIN_PAIRS {
            self.warning(
                "pairs".to_string(),
                format!(
                    "{} declared; the consistency check reads pairs only when {} or more \
                     are answered, so {} in no check: declare more near pairs, or none",
                    match checked.len() {
                        1 => "1 near pair".to_string(),
                        n => format!("{n} near pairs"),
                    },
                    crate::quiz::MIN_PAIRS,
                    if checked.len() == 1 {
                        "it counts"
                    } else {
                        "they count"
                    },
                ),
            );
        }
        checked
    }

    /// A pathway's needs: a choice question and some of its option ids.
    pub(super) fn needs(
        &mut self,
        path: &str,
        needs: &[NeedFile],
        questions: &[Question],
    ) -> Vec<Need> {
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        let mut checked = Vec::new();
        for (i, need) in needs.iter().enumerate() {
            let npath = format!("{path}.needs[{i}]");
            self.non_empty(&format!("{npath}.what"), &need.what);
            let Some(q) = ids.iter().position(|id| *id == need.question) else {
                if !self.complete {
                    continue;
                }
                self.error_with_hint(
                    format!("{npath}.question"),
                    format!("need names unknown question `{}`", need.question),
                    self.suggest(&need.question, &ids),
                );
                continue;
            };
            let QuestionKind::Choice { options } = &questions[q].kind else {
                self.error(
                    format!("{npath}.question"),
                    format!(
                        "question `{}` is not a choice; a need names options of a choice \
                         question",
                        need.question
                    ),
                );
                continue;
            };
            let option_ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let mut indexes = Vec::new();
            for (j, answer) in need.answers.iter().enumerate() {
                match option_ids.iter().position(|o| o == answer) {
                    Some(o) => indexes.push(o),
                    None => self.error_with_hint(
                        format!("{npath}.answers[{j}]"),
                        format!("question `{}` has no option `{answer}`", need.question),
                        self.suggest(answer, &option_ids),
                    ),
                }
            }
            if need.answers.is_empty() {
                self.error(
                    format!("{npath}.answers"),
                    "a need lists at least one option that meets it",
                );
            }
            checked.push(Need {
                question: q,
                options: indexes,
                what: need.what.clone(),
            });
        }
        checked
    }
}
