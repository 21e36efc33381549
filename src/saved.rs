//! Saved results read back, in one place: whole (for `compare`), or as answers to
//! take again (`take --answers`), scored again by their quiz (`explain`, `report`).

use crate::answers::{self, Checked, Given, check};
use crate::diagnostic::{Place, Problem, field, locate};
use crate::input::{LoadError, read_text};
use crate::quiz::Quiz;
use crate::quiz::catalog::{CatalogError, resolve};
use crate::result::QuizResult;
use crate::result::{SCHEMA, SCHEMA_V1};
use crate::scoring;
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;
use std::path::Path;

/// A saved result scored again by its quiz: what `explain` and `report` start from.
pub struct Retaken {
    /// The quiz, in English: a command shows it in another language from `found`.
    pub quiz: Quiz,
    /// Where the quiz was found, and so its translations.
    pub found: crate::quiz::catalog::Found,
    /// The language the result was taken in, when not English.
    pub lang: Option<String>,
    pub answers: answers::Checked,
    pub scores: scoring::Scores,
    pub completed_at: String,
}

/// Why a saved result could not be used; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    /// The file could not be read, or is past `input`'s limits.
    #[error(transparent)]
    Read(LoadError),
    /// A file given as a saved result is not one: why, as the JSON reader says it.
    #[error("{}: not a careerfit result: {reason}", .path.display())]
    NotAResult {
        path: std::path::PathBuf,
        reason: String,
    },
    /// The quiz the result names (or `--quiz`) could not be had.
    #[error(transparent)]
    Quiz(#[from] CatalogError),
    /// The result's answers do not fit its quiz.
    #[error("{}", crate::diagnostic::render_problems(.0))]
    Invalid(Vec<Problem>),
}

/// What every saved result starts with: read first, by every reader, so that a file
/// that is not a result gets the same words from `explain`, `report` and `compare`.
#[derive(serde::Deserialize)]
struct Header {
    quiz: crate::result::QuizRef,
    completed_at: String,
    #[serde(default)]
    lang: Option<String>,
}

/// The schema a result names, asked of the file before anything else.
#[derive(serde::Deserialize)]
struct Schema {
    schema: String,
}

/// The text of a saved result and its header; a file that is not a result is
/// refused here, and only here.
fn read_saved(path: &Path) -> Result<(String, Header), SavedError> {
    let text = read_text(path).map_err(SavedError::Read)?;
    let not_a_result = |reason: String| SavedError::NotAResult {
        path: path.to_path_buf(),
        reason,
    };
    let Schema { schema } = serde_json::from_str(&text).map_err(|e| not_a_result(e.to_string()))?;
    if schema != SCHEMA && schema != SCHEMA_V1 {
        return Err(not_a_result(format!(
            "its schema is `{}`, not `{SCHEMA}`",
            crate::text::escape_controls(&schema)
        )));
    }
    let header: Header = serde_json::from_str(&text).map_err(|e| not_a_result(e.to_string()))?;
    Ok((text, header))
}

/// Read a saved result once: which quiz it names (unless `--quiz` says), its date,
/// and its answers, scored again.
pub fn retake(path: &Path, quiz: Option<&str>) -> Result<Retaken, SavedError> {
    let name = path.display().to_string();
    let (text, header) = read_saved(path)?;
    let (quiz, found) = resolve(quiz.unwrap_or(&header.quiz.id))?;
    let read = answers_of(&quiz, &name, &text).map_err(SavedError::Invalid)?;
    let scores = scoring::score(&quiz, &read.answers);
    Ok(Retaken {
        quiz,
        found,
        lang: header.lang,
        answers: read,
        scores,
        completed_at: header.completed_at,
    })
}

/// A result file, read whole: a file that is not one is a usage error naming it.
pub fn read_result(path: &Path) -> Result<QuizResult, SavedError> {
    let (text, _) = read_saved(path)?;
    serde_json::from_str(&text).map_err(|e| SavedError::NotAResult {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The answers of an answers file or of a saved result (its answers are taken
/// again; its scores are worked out anew), checked against the quiz.
pub fn answers_of(quiz: &Quiz, file: &str, text: &str) -> Result<Checked, Vec<Problem>> {
    // Parsed once: the document says whether it is an answers file or a saved result.
    let document = answers::document(file, text)?;
    let schema = document.get("schema").and_then(Yaml::as_str);
    if ![Some(SCHEMA), Some(SCHEMA_V1)].contains(&schema) {
        return answers::answers_file(quiz, file, text, document).map(|answers| Checked {
            answers,
            warnings: Vec::new(),
        });
    }
    // Only what retaking needs; the scores in the file are worked out again.
    #[derive(serde::Deserialize)]
    struct SavedResult {
        quiz: crate::result::QuizRef,
        answers: Vec<SavedAnswer>,
    }
    #[derive(serde::Deserialize)]
    struct SavedAnswer {
        question: String,
        answer: Json,
    }
    let result: SavedResult = serde_yaml::from_value(document).map_err(|e| {
        vec![Problem::error(
            file,
            Place::File,
            format!("this result file cannot be read: {e}"),
        )]
    })?;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    if result.quiz.id != quiz.id {
        problems.push(Problem::error(
            file,
            field("quiz.id"),
            format!(
                "this result is for quiz `{}`, not `{}`",
                result.quiz.id, quiz.id
            ),
        ));
    } else if result.quiz.version != quiz.version {
        warnings.push(format!(
            "These answers come from a result of version {} of the quiz; this is version {}. \
             Questions that changed may be scored differently.",
            crate::text::escape_controls(&result.quiz.version),
            quiz.version
        ));
    }
    let given: Vec<(&str, Given)> = result
        .answers
        .iter()
        .map(|a| (a.question.as_str(), Given::from_json(&a.answer)))
        .collect();
    let answers = match check(
        quiz,
        |id| quiz.question_index(id),
        given.iter().map(|(id, v)| (*id, v)),
    ) {
        Ok(answers) => Some(answers),
        Err(found) => {
            problems.extend(found.into_iter().map(|p| p.in_file(file)));
            None
        }
    };
    match answers {
        Some(answers) if problems.is_empty() => Ok(Checked { answers, warnings }),
        _ => {
            locate(&mut problems, text);
            Err(problems)
        }
    }
}

/// A saved result as one of a class's rows, for `score` and `analyze`: the
/// respondent's own `name` or `id` when the result has one, and its answers as a
/// row's `answers` object (skipped questions left out).
pub struct ResultRow {
    pub id: Option<Json>,
    pub answers: serde_json::Map<String, Json>,
}

/// Read a result (`text`, at `place` of `file`) as a row of `quiz`: a document that
/// is not a result, or a result of another quiz or of another version of this one,
/// is refused with the file's name; its answers are checked as any row's are.
pub fn as_row(
    quiz: &Quiz,
    file: &str,
    place: Place,
    text: &str,
) -> Result<ResultRow, Vec<Problem>> {
    #[derive(serde::Deserialize)]
    struct AsRow {
        schema: String,
        quiz: crate::result::QuizRef,
        #[serde(default)]
        name: Option<Json>,
        #[serde(default)]
        id: Option<Json>,
        answers: Vec<SavedAnswer>,
    }
    #[derive(serde::Deserialize)]
    struct SavedAnswer {
        question: String,
        answer: Json,
    }
    let refuse = |message: String| vec![Problem::error(file, place.clone(), message)];
    let result: AsRow =
        serde_json::from_str(text).map_err(|e| refuse(format!("not a careerfit result: {e}")))?;
    if result.schema != SCHEMA && result.schema != SCHEMA_V1 {
        return Err(refuse(format!(
            "not a careerfit result: its schema is `{}`, not `{SCHEMA}`",
            crate::text::escape_controls(&result.schema)
        )));
    }
    if result.quiz.id != quiz.id {
        return Err(refuse(format!(
            "this result is for quiz `{}`, not `{}`",
            crate::text::escape_controls(&result.quiz.id),
            quiz.id
        )));
    }
    if result.quiz.version != quiz.version {
        return Err(refuse(format!(
            "this result is of version {} of quiz `{}`, and this is version {}; score it \
             with the quiz file it was taken with",
            crate::text::escape_controls(&result.quiz.version),
            quiz.id,
            quiz.version
        )));
    }
    // Checked here, so that a bad answer is told with the file it is in.
    let given: Vec<(&str, Given)> = result
        .answers
        .iter()
        .map(|a| (a.question.as_str(), Given::from_json(&a.answer)))
        .collect();
    check(
        quiz,
        |id| quiz.question_index(id),
        given.iter().map(|(id, v)| (*id, v)),
    )
    .map_err(|found| {
        found
            .into_iter()
            .map(|p| p.in_file(file))
            .collect::<Vec<_>>()
    })?;
    let id = [result.name, result.id]
        .into_iter()
        .flatten()
        .find(|id| id.is_string() || id.is_number());
    let answers = result
        .answers
        .into_iter()
        .filter(|a| !a.answer.is_null())
        .map(|a| (a.question, a.answer))
        .collect();
    Ok(ResultRow { id, answers })
}
