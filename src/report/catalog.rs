//! What `list` and `validate` print: the quizzes there are, and a quiz file's verdict.

use super::{Style, wrap};
use crate::diagnostic::Problem;
use crate::quiz::Quiz;

/// One quiz of `list`: id, title, how many questions, and where it is from.
pub type Listed = [String; 4];

/// `list`: a table of the quizzes, the notes on files that a built-in quiz shadows,
/// and how to take one.
pub fn list(rows: Vec<Listed>, notes: &[String], style: Style) -> String {
    let mut table = super::table::table(style, ["Id", "Title", "Questions", "From"]);
    // An id (what `take ID` takes, copied from here) and a path are not broken over
    // lines; the title wraps instead.
    for column in [0, 3] {
        if let Some(column) = table.column_mut(column) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    for row in rows {
        table.add_row(row);
    }
    let mut out = format!("{table}\n");
    for note in notes {
        out.push_str(&wrap(note, usize::from(style.width), ""));
    }
    out.push_str("Take one with: careerfit take ID (or a path to a quiz file)\n");
    out
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
