//! Answers: what a person chose, read from an answers file and checked against the quiz.

mod given;

pub use given::{Given, from_given, from_value};

use crate::diagnostic::{Place, Problem, field, has_content, locate, parse_yaml};
use crate::quiz::{AnswerOption, Question, QuestionKind, Quiz};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;
use std::borrow::Cow;

/// One answered question. Positions and indexes are into the question's labels or options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 1-based position on the scale.
    Scale(usize),
    YesNo(bool),
    /// Index of the chosen option.
    Choice(usize),
    /// Indexes of the chosen options, in the question's order; may be empty.
    Multi(Vec<usize>),
}

/// One entry per question of the quiz, in quiz order; `None` is skipped.
pub type Answers = Vec<Option<Answer>>;

impl Answer {
    /// The answer as the answers file and the JSON result write it.
    pub fn to_json(&self, question: &Question) -> Json {
        match (self, &question.kind) {
            (Answer::Scale(position), _) => Json::from(*position),
            (Answer::YesNo(yes), _) => Json::from(*yes),
            (Answer::Choice(i), QuestionKind::Choice { options }) => {
                Json::from(options[*i].id.clone())
            }
            (Answer::Multi(chosen), QuestionKind::Multi { options }) => Json::Array(
                chosen
                    .iter()
                    .map(|i| Json::from(options[*i].id.clone()))
                    .collect(),
            ),
            _ => Json::Null,
        }
    }
}

/// Answers read from a file, with what the result should say about where they came
/// from (a result of another version of the quiz).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub answers: Answers,
    pub warnings: Vec<String>,
}

/// Parse an answers file and check every answer against the quiz; all problems are
/// reported at once. JSON is read by the YAML parser too (JSON is YAML), so that both
/// get line and column in errors and a duplicated question id is refused, not dropped.
/// (`saved::answers_of` also takes a saved result's answers.)
pub fn read(quiz: &Quiz, file: &str, text: &str) -> Result<Checked, Vec<Problem>> {
    let document = document(file, text)?;
    answers_file(quiz, file, text, document).map(|answers| Checked {
        answers,
        warnings: Vec::new(),
    })
}

/// The parsed document of an answers file, or of a saved result: refused when empty.
pub fn document(file: &str, text: &str) -> Result<Yaml, Vec<Problem>> {
    if !has_content(text) {
        return Err(vec![Problem::error(
            file,
            Place::File,
            "the answers file is empty (or only comments); it needs an `answers:` mapping",
        )]);
    }
    parse_yaml(file, text)
}

/// Check an answers file (`quiz:` and `answers:`), already parsed from `text`, against
/// the quiz; all problems are reported at once, placed in `text`.
pub fn answers_file(
    quiz: &Quiz,
    file: &str,
    text: &str,
    document: Yaml,
) -> Result<Answers, Vec<Problem>> {
    let Yaml::Mapping(top) = document else {
        return Err(vec![Problem::error(
            file,
            Place::File,
            "an answers file must be a mapping with an `answers:` key",
        )]);
    };

    let mut problems = Vec::new();
    let mut answers_map = None;
    for (key, value) in &top {
        match key.as_str() {
            Some("quiz") => match value.as_str() {
                Some(id) if id == quiz.id => {}
                Some(id) => problems.push(Problem::error(
                    file,
                    field("quiz"),
                    format!("these answers are for quiz `{id}`, not `{}`", quiz.id),
                )),
                None => problems.push(Problem::error(
                    file,
                    field("quiz"),
                    "`quiz` must be the quiz id as text",
                )),
            },
            Some("answers") => answers_map = Some(value),
            _ => problems.push(Problem::error(
                file,
                crate::diagnostic::key(yaml_key(key)),
                format!(
                    "unknown key `{}`; an answers file has `quiz` and `answers`",
                    yaml_key(key)
                ),
            )),
        }
    }

    let mut answers: Answers = vec![None; quiz.questions.len()];
    match answers_map {
        None => problems.push(Problem::error(
            file,
            Place::File,
            "there is no `answers:` mapping",
        )),
        Some(value @ (Yaml::Null | Yaml::Mapping(_))) => {
            let values: Vec<(String, Json)> = value
                .as_mapping()
                .into_iter()
                .flatten()
                .map(|(key, value)| (yaml_key(key), yaml_to_json(value)))
                .collect();
            let given: Vec<(&str, Given)> = values
                .iter()
                .map(|(id, value)| (id.as_str(), Given::from_json(value)))
                .collect();
            let pairs = given.iter().map(|(id, value)| (*id, value));
            match check(quiz, |id| quiz.question_index(id), pairs) {
                Ok(checked) => answers = checked,
                Err(found) => problems.extend(found.into_iter().map(|p| p.in_file(file))),
            }
        }
        Some(_) => problems.push(Problem::error(
            file,
            field("answers"),
            "`answers` must be a mapping of question id to answer",
        )),
    }

    if problems.is_empty() {
        Ok(answers)
    } else {
        locate(&mut problems, text);
        Err(problems)
    }
}

/// A problem with one answer of a set, before it is placed in a file or a row.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerProblem {
    /// `answers.QUESTION`.
    pub path: String,
    /// The question id itself is wrong (unknown), not the answer given.
    pub at_key: bool,
    pub message: String,
    pub hint: Option<String>,
}

impl AnswerProblem {
    pub fn in_file(self, file: &str) -> Problem {
        let place = match self.at_key {
            true => crate::diagnostic::key(self.path),
            false => field(self.path),
        };
        let mut problem = Problem::error(file, place, self.message);
        problem.hint = self.hint;
        problem
    }
}

/// Check a set of answers given as (question id, value) pairs against the quiz: every
/// problem is found, and required questions must be answered. `lookup` finds a
/// question's position from its id (a batch builds its index once, per quiz).
pub fn check<'a>(
    quiz: &Quiz,
    lookup: impl Fn(&str) -> Option<usize>,
    pairs: impl IntoIterator<Item = (&'a str, &'a Given<'a>)>,
) -> Result<Answers, Vec<AnswerProblem>> {
    let mut answers: Answers = vec![None; quiz.questions.len()];
    let mut seen = vec![false; quiz.questions.len()];
    let mut reported = vec![false; quiz.questions.len()];
    let mut problems = Vec::new();
    // The path is built only for a problem: this runs once per row of a batch.
    let path = |id: &str| format!("answers.{id}");
    for (id, value) in pairs {
        let Some(index) = lookup(id) else {
            let known: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
            problems.push(AnswerProblem {
                path: path(id),
                at_key: true,
                message: format!("unknown question `{id}` in quiz `{}`", quiz.id),
                hint: crate::diagnostic::suggest(id, &known),
            });
            continue;
        };
        if std::mem::replace(&mut seen[index], true) {
            problems.push(AnswerProblem {
                path: path(id),
                at_key: true,
                message: format!("question `{id}` is answered twice"),
                hint: None,
            });
            continue;
        }
        match from_given(&quiz.questions[index], value) {
            Ok(answer) => answers[index] = answer,
            Err(message) => {
                reported[index] = true;
                problems.push(AnswerProblem {
                    path: path(id),
                    at_key: false,
                    message,
                    hint: None,
                })
            }
        }
    }
    for ((question, answer), reported) in quiz.questions.iter().zip(&answers).zip(&reported) {
        // A required question given a bad answer has been reported already; one given
        // null, or left out, is not answered.
        if question.required && answer.is_none() && !reported {
            problems.push(AnswerProblem {
                path: format!("answers.{}", question.id),
                at_key: false,
                message: format!("question `{}` is required but has no answer", question.id),
                hint: None,
            });
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// Answers are plain scalars and lists; the checks in `from_value` work on JSON values.
/// A number JSON cannot hold (`.nan`) becomes text, so that it is refused too.
fn yaml_to_json(value: &Yaml) -> Json {
    match value {
        Yaml::Null => Json::Null,
        Yaml::Bool(b) => Json::Bool(*b),
        Yaml::Number(n) => {
            if let Some(u) = n.as_u64() {
                Json::from(u)
            } else if let Some(i) = n.as_i64() {
                Json::from(i)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(Json::Number)
                    .unwrap_or_else(|| Json::String(n.to_string()))
            }
        }
        Yaml::String(s) => Json::String(s.clone()),
        Yaml::Sequence(items) => Json::Array(items.iter().map(yaml_to_json).collect()),
        Yaml::Mapping(map) => Json::Object(
            map.iter()
                .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
                .collect(),
        ),
        Yaml::Tagged(tagged) => yaml_to_json(&tagged.value),
    }
}

fn yaml_key(key: &Yaml) -> String {
    match key {
        Yaml::String(s) => s.clone(),
        other => serde_yaml::to_string(other)
            .map(|s| s.trim().to_string())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fixtures::small;

    fn check(id: &str, value: Json) -> Result<Option<Answer>, String> {
        let quiz = small();
        from_value(&quiz.questions[quiz.question_index(id).unwrap()], &value)
    }

    #[test]
    fn scale_answers_by_position_label_or_position_text() {
        assert_eq!(check("q-scale", Json::from(3)), Ok(Some(Answer::Scale(3))));
        assert_eq!(
            check("q-scale", Json::from("middle")),
            Ok(Some(Answer::Scale(2)))
        );
        assert_eq!(
            check("q-scale", Json::from(" 1 ")),
            Ok(Some(Answer::Scale(1)))
        );
        assert!(check("q-scale", Json::from(0)).is_err());
        assert!(check("q-scale", Json::from("4")).is_err());
        assert!(check("q-scale", Json::from(2.5)).is_err());
        assert_eq!(check("q-scale", Json::Null), Ok(None));
    }

    #[test]
    fn yes_no_choice_and_multi_answers() {
        assert_eq!(
            check("q-yes", Json::from("No")),
            Ok(Some(Answer::YesNo(false)))
        );
        assert_eq!(
            check("q-yes", Json::from(true)),
            Ok(Some(Answer::YesNo(true)))
        );
        assert!(check("q-yes", Json::from("maybe")).is_err());
        assert_eq!(
            check("q-choice", Json::from("A phone")),
            Ok(Some(Answer::Choice(1)))
        );
        assert_eq!(
            check("q-multi", serde_json::json!(["y", "x"])),
            Ok(Some(Answer::Multi(vec![0, 1]))),
            "options are kept in the question's order"
        );
        assert!(check("q-multi", serde_json::json!(["x", "x"])).is_err());
    }
}
