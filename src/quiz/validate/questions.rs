//! Checking the questions of a quiz: their traits, kinds, scales and options.

use super::*;

impl Checker<'_> {
    pub(super) fn questions(
        &mut self,
        questions: &[QuestionFile],
        trait_names: &[&str],
        scales: &OrderedMap<ScaleFile>,
    ) -> Vec<Question> {
        // Scale questions without `scale:` use the first scale declared, or the built-in one.
        let default_scale: Vec<String> = match scales.0.first() {
            Some((_, scale)) => scale.labels.clone(),
            None => DEFAULT_SCALE.iter().map(|s| s.to_string()).collect(),
        };
        let scale_keys: Vec<&str> = scales.0.iter().map(|(k, _)| k.as_str()).collect();
        if questions.is_empty() && self.complete {
            self.error("questions", "a quiz needs at least one question");
        }
        let mut question_ids = HashSet::new();
        let mut checked_questions = Vec::with_capacity(questions.len());
        for (i, q) in questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            self.id(&format!("{path}.id"), &q.id);
            self.unique(&mut question_ids, &format!("{path}.id"), "question", &q.id);
            self.non_empty(&format!("{path}.text"), &q.text);
            let length = q.text.chars().count();
            if length > MAX_QUESTION_CHARS {
                self.warning(
                    format!("{path}.text"),
                    format!(
                        "question `{}` is {length} characters long; over {MAX_QUESTION_CHARS}, people skim",
                        q.id
                    ),
                );
            }
            let traits = self.question_traits(&path, q, trait_names);
            let weight = q.weight.unwrap_or(1.0);
            if !(weight.is_finite() && weight > 0.0) {
                self.error(
                    format!("{path}.weight"),
                    format!(
                        "question `{}` has weight {weight}; a weight must be a number greater than 0",
                        q.id
                    ),
                );
            } else if let Some(problem) = weight_out_of_range(weight) {
                self.error(
                    format!("{path}.weight"),
                    format!(
                        "question `{}` has weight {}; {problem}",
                        q.id,
                        shown(weight)
                    ),
                );
            }
            let kind = self.question_kind(
                &path,
                q,
                &scales.0,
                &scale_keys,
                &default_scale,
                &traits
                    .iter()
                    .flatten()
                    .map(|&t| trait_names[t])
                    .collect::<Vec<_>>(),
            );
            if let (Some(traits), Some(kind)) = (traits, kind) {
                checked_questions.push(Question {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    traits,
                    weight,
                    required: q.required.unwrap_or(false),
                    kind,
                });
            }
        }

        checked_questions
    }

    /// The traits a question counts toward: its `trait`, or every trait its options'
    /// `scores` name, in order of first mention. `None` after an error.
    fn question_traits(
        &mut self,
        path: &str,
        q: &QuestionFile,
        trait_names: &[&str],
    ) -> Option<Vec<usize>> {
        let options = q.options.as_deref().unwrap_or(&[]);
        let forced = options.iter().any(|o| o.scores.is_some());
        match (&q.trait_id, forced) {
            (Some(_), true) => {
                self.error(
                    format!("{path}.trait"),
                    format!(
                        "question `{}` has options with `scores`, so it counts toward the \
                         traits they name; leave `trait` out",
                        q.id
                    ),
                );
                None
            }
            (Some(trait_id), false) => {
                let index = trait_names.iter().position(|t| t == trait_id);
                if index.is_none() {
                    self.error_with_hint(
                        format!("{path}.trait"),
                        format!("question `{}` names unknown trait `{trait_id}`", q.id),
                        self.suggest(trait_id, trait_names),
                    );
                }
                index.map(|i| vec![i])
            }
            (None, false) => {
                self.error(
                    path,
                    format!(
                        "question `{}` has no `trait`; name the trait it measures, or give \
                         its options `scores`",
                        q.id
                    ),
                );
                None
            }
            (None, true) => {
                let mut traits = Vec::new();
                let mut ok = true;
                for (j, o) in options.iter().enumerate() {
                    for (trait_id, _) in o.scores.iter().flat_map(|s| &s.0) {
                        match trait_names.iter().position(|t| t == trait_id) {
                            Some(i) if !traits.contains(&i) => traits.push(i),
                            Some(_) => {}
                            None => {
                                ok = false;
                                self.key_error_with_hint(
                                    &format!("{path}.options[{j}].scores.{trait_id}"),
                                    format!("option `{}` scores unknown trait `{trait_id}`", o.id),
                                    self.suggest(trait_id, trait_names),
                                );
                            }
                        }
                    }
                }
                if ok && traits.is_empty() {
                    self.error(
                        format!("{path}.options"),
                        format!("the options of question `{}` score no trait", q.id),
                    );
                    return None;
                }
                ok.then_some(traits)
            }
        }
    }

    pub(super) fn question_kind(
        &mut self,
        path: &str,
        q: &QuestionFile,
        scales: &[(String, crate::quiz::file::ScaleFile)],
        scale_keys: &[&str],
        default_scale: &[String],
        traits: &[&str],
    ) -> Option<QuestionKind> {
        let kind_name = q.kind.name();
        let has_options = q.options.is_some();
        if q.scale.is_some() && q.kind != QuestionType::Scale {
            self.error(
                format!("{path}.scale"),
                format!(
                    "`scale` is only for scale questions; `{}` is {kind_name}",
                    q.id
                ),
            );
        }
        if q.reverse.is_some() && matches!(q.kind, QuestionType::Choice | QuestionType::Multi) {
            self.error(
                format!("{path}.reverse"),
                "`reverse` is only for scale and yes_no questions; give the options lower scores instead",
            );
        }
        if has_options && matches!(q.kind, QuestionType::Scale | QuestionType::YesNo) {
            self.error(
                format!("{path}.options"),
                format!(
                    "`options` are only for choice and multi questions; `{}` is {kind_name}",
                    q.id
                ),
            );
        }
        let reverse = q.reverse.unwrap_or(false);
        match q.kind {
            QuestionType::Scale => {
                let (labels, scale) = match &q.scale {
                    None => (
                        default_scale.to_vec(),
                        scales.first().map(|(k, _)| k.clone()),
                    ),
                    Some(name) => match scales.iter().find(|(k, _)| k == name) {
                        Some((_, scale)) => (scale.labels.clone(), Some(name.clone())),
                        None => {
                            self.error_with_hint(
                                format!("{path}.scale"),
                                format!("question `{}` names unknown scale `{name}`", q.id),
                                self.suggest(name, scale_keys),
                            );
                            return None;
                        }
                    },
                };
                Some(QuestionKind::Scale {
                    labels,
                    reverse,
                    scale,
                })
            }
            QuestionType::YesNo => Some(QuestionKind::YesNo { reverse }),
            QuestionType::Choice | QuestionType::Multi => {
                let options = self.options(path, q, q.options.as_deref().unwrap_or(&[]), traits);
                Some(if q.kind == QuestionType::Choice {
                    QuestionKind::Choice { options }
                } else {
                    QuestionKind::Multi { options }
                })
            }
        }
    }

    pub(super) fn options(
        &mut self,
        path: &str,
        q: &QuestionFile,
        options: &[OptionFile],
        traits: &[&str],
    ) -> Vec<AnswerOption> {
        if options.is_empty() && q.required == Some(true) {
            self.error(
                format!("{path}.required"),
                format!(
                    "question `{}` is required but has no options, so it can never be answered",
                    q.id
                ),
            );
        } else if options.len() < 2 {
            self.error(
                format!("{path}.options"),
                format!(
                    "{} question `{}` needs at least 2 options, found {}",
                    q.kind.name(),
                    q.id,
                    options.len()
                ),
            );
        }
        let mut ids = HashSet::new();
        let mut checked = Vec::with_capacity(options.len());
        for (j, o) in options.iter().enumerate() {
            let opath = format!("{path}.options[{j}]");
            self.id(&format!("{opath}.id"), &o.id);
            self.unique(&mut ids, &format!("{opath}.id"), "option", &o.id);
            self.non_empty(&format!("{opath}.label"), &o.label);
            let scores = match (o.score, &o.scores) {
                (Some(_), Some(_)) => {
                    self.error(
                        format!("{opath}.scores"),
                        format!("option `{}` has both `score` and `scores`; give one", o.id),
                    );
                    Vec::new()
                }
                (None, None) if q.trait_id.is_some() => {
                    self.error(
                        opath.clone(),
                        format!("option `{}` has no `score` (from 0 to 1)", o.id),
                    );
                    Vec::new()
                }
                (None, None) => {
                    // A forced choice's option that names no trait is worth 0 to each.
                    vec![0.0; traits.len()]
                }
                (Some(score), None) => {
                    self.share(&format!("{opath}.score"), &o.id, score);
                    vec![score]
                }
                (None, Some(named)) => {
                    if q.trait_id.is_some() {
                        // Said once, at the question's `trait`.
                        Vec::new()
                    } else {
                        let mut scores = vec![0.0; traits.len()];
                        for (trait_id, score) in &named.0 {
                            let spath = format!("{opath}.scores.{trait_id}");
                            self.share(&spath, &o.id, *score);
                            // Unknown trait ids were reported with the question's traits.
                            if let Some(slot) = traits.iter().position(|t| t == trait_id) {
                                scores[slot] = *score;
                            }
                        }
                        scores
                    }
                }
            };
            checked.push(AnswerOption {
                id: o.id.clone(),
                label: o.label.clone(),
                scores,
            });
        }
        checked
    }

    /// An option's score: from 0 to 1.
    fn share(&mut self, path: &str, option: &str, score: f64) {
        if !(0.0..=1.0).contains(&score) {
            self.error(
                path,
                format!(
                    "option `{option}` has score {score}; an option's score must be from 0 to 1"
                ),
            );
        }
    }
}
