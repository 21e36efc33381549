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
            let trait_index = trait_names.iter().position(|t| *t == q.trait_id);
            if trait_index.is_none() {
                self.error_with_hint(
                    format!("{path}.trait"),
                    format!("question `{}` names unknown trait `{}`", q.id, q.trait_id),
                    self.suggest(&q.trait_id, trait_names),
                );
            }
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
            let kind = self.question_kind(&path, q, &scales.0, &scale_keys, &default_scale);
            if let (Some(trait_index), Some(kind)) = (trait_index, kind) {
                checked_questions.push(Question {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    trait_index,
                    weight,
                    required: q.required.unwrap_or(false),
                    kind,
                });
            }
        }

        checked_questions
    }

    pub(super) fn question_kind(
        &mut self,
        path: &str,
        q: &QuestionFile,
        scales: &[(String, crate::quiz::file::ScaleFile)],
        scale_keys: &[&str],
        default_scale: &[String],
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
                let labels = match &q.scale {
                    None => default_scale.to_vec(),
                    Some(name) => match scales.iter().find(|(k, _)| k == name) {
                        Some((_, scale)) => scale.labels.clone(),
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
                Some(QuestionKind::Scale { labels, reverse })
            }
            QuestionType::YesNo => Some(QuestionKind::YesNo { reverse }),
            QuestionType::Choice | QuestionType::Multi => {
                let options = self.options(path, q, q.options.as_deref().unwrap_or(&[]));
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
            if !(0.0..=1.0).contains(&o.score) {
                self.error(
                    format!("{opath}.score"),
                    format!(
                        "option `{}` has score {}; an option's score must be from 0 to 1",
                        o.id, o.score
                    ),
                );
            }
            checked.push(AnswerOption {
                id: o.id.clone(),
                label: o.label.clone(),
                score: o.score,
            });
        }
        checked
    }
}
