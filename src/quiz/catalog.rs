//! Where quizzes are found: built in, or a file in ./quizzes/, or a path. `take ID`,
//! `score`, `analyze`, `list` and the readers of saved results look quizzes up here.

use crate::error::Error;
use crate::quiz::{self, Quiz, builtin};
use std::path::{Path, PathBuf};

/// Where `list` and `take ID` look for quiz files besides the built-in ones.
pub const LOCAL_QUIZ_DIR: &str = "quizzes";

/// A path, a built-in id, or the id of a file in ./quizzes/.
pub fn resolve_quiz(spec: &str) -> Result<Quiz, Error> {
    let path = Path::new(spec);
    let looks_like_path = path.exists()
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.ends_with(".yaml")
        || spec.ends_with(".yml");
    if looks_like_path {
        return Ok(quiz::load_path(path)?.0);
    }
    if let Some(text) = builtin::find(spec) {
        return quiz::load(&format!("{spec} (built-in)"), text)
            .map(|(quiz, _)| quiz)
            .map_err(Error::Invalid);
    }
    let local = Path::new(LOCAL_QUIZ_DIR).join(format!("{spec}.yaml"));
    if local.is_file() {
        return Ok(quiz::load_path(&local)?.0);
    }
    let known: Vec<String> = builtin::BUILTIN
        .iter()
        .map(|(id, _)| id.to_string())
        .chain(
            local_quiz_files()
                .iter()
                .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(String::from)),
        )
        .collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    Err(Error::UnknownQuiz {
        spec: spec.to_string(),
        suggestion: quiz::suggest(spec, &known),
    })
}

/// A file in ./quizzes/ named like a built-in quiz, whose text differs from it: a
/// quiz id finds the built-in one, so the file is taken only by its path.
pub fn shadowed_by_builtin(spec: &str) -> Option<PathBuf> {
    let builtin = builtin::find(spec)?;
    let local = Path::new(LOCAL_QUIZ_DIR).join(format!("{spec}.yaml"));
    let text = std::fs::read_to_string(&local).ok()?;
    (text != builtin).then_some(local)
}

/// `./quizzes/*.yaml`, sorted by name; none when the folder does not exist.
pub fn local_quiz_files() -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(LOCAL_QUIZ_DIR) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "yaml") && p.is_file())
        .collect();
    files.sort();
    files
}
