//! What `list` and `validate` print: the quizzes there are (drawn as a table by
//! `table.rs`), and a quiz file's verdict in one line.

use crate::diagnostic::Problem;
use crate::quiz::Quiz;

/// One quiz of `list`: id, title, how many questions, and where it is from.
pub type Listed = [String; 4];

/// What `list` shows: the quizzes, and notes on files a built-in quiz shadows.
pub struct Catalog {
    pub quizzes: Vec<Listed>,
    pub notes: Vec<String>,
}

/// `validate`: a valid file, in one line.
pub fn valid(name: &str, quiz: &Quiz, warnings: &[Problem]) -> String {
    format!(
        "{name}: valid: quiz `{}` with {} traits, {} questions, {} pathways{}",
        quiz.id,
        quiz.traits.len(),
        quiz.questions.len(),
        quiz.profiles.len(),
        match warnings.len() {
            0 => String::new(),
            1 => ", 1 warning".to_string(),
            n => format!(", {n} warnings"),
        }
    )
}

/// `validate`: the line for a valid translation, after its warnings.
pub fn valid_translation(name: &str, quiz: &Quiz, lang: &str, warnings: &[Problem]) -> String {
    format!(
        "{name}: valid: translation of quiz `{}` into {lang}{}",
        quiz.id,
        match warnings.len() {
            0 => String::new(),
            1 => ", 1 warning".to_string(),
            n => format!(", {n} warnings"),
        }
    )
}

/// `validate`: the last line for an invalid file, after its problems.
pub fn invalid(name: &str, problems: &[Problem]) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    format!(
        "{name}: invalid: {errors} error{}",
        if errors == 1 { "" } else { "s" }
    )
}

/// `validate --json`: every problem of every file, in one array.
pub fn problems_json(problems: &[Problem]) -> String {
    crate::json::to_string_pretty(problems).expect("problems serialise")
}
