//! Saved results read back: whole (for `compare`), or as answers scored again by
//! their quiz (for `explain` and `report`). `take --answers` reads them through
//! `answers::read`, which takes a result's answers like an answers file's.

use crate::answers;
use crate::error::Error;
use crate::quiz::{self, Quiz, catalog::resolve_quiz};
use crate::result::QuizResult;
use crate::scoring;
use std::path::Path;

/// A saved result scored again by its quiz: what `explain` and `report` start from.
pub struct Retaken {
    pub quiz: Quiz,
    pub answers: answers::Checked,
    pub scores: scoring::Scores,
    pub completed_at: String,
}

/// Read a saved result once: which quiz it names (unless `--quiz` says), its date,
/// and its answers, scored again.
pub fn retake(path: &Path, quiz: Option<&str>) -> Result<Retaken, Error> {
    #[derive(serde::Deserialize)]
    struct Header {
        quiz: crate::result::QuizRef,
        completed_at: String,
    }
    let name = path.display().to_string();
    let text = quiz::read_text(path)?;
    let header: Header = serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("{name}: not a careerfit result: {e}")))?;
    let quiz = resolve_quiz(quiz.unwrap_or(&header.quiz.id))?;
    let read = answers::read(&quiz, &name, &text).map_err(Error::Invalid)?;
    let scores = scoring::score(&quiz, &read.answers);
    Ok(Retaken {
        quiz,
        answers: read,
        scores,
        completed_at: header.completed_at,
    })
}

/// A result file, read whole: a file that is not one is a usage error naming it.
pub fn read_result(path: &Path) -> Result<QuizResult, Error> {
    let name = path.display();
    let text = quiz::read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("{name}: not a careerfit result: {e}")))
}
