//! `careerfit list`: the quizzes available, built in and in ./quizzes/.

use super::style;
use crate::cli::ColorWhen;
use crate::error::Error;
use crate::quiz::{self, builtin, catalog::local_quiz_files};
use crate::report;
use std::io::{IsTerminal, Write};

pub fn run(color: ColorWhen) -> Result<(), Error> {
    let mut rows: Vec<[String; 4]> = Vec::new();
    for (id, text) in builtin::BUILTIN {
        if let Ok((quiz, _)) = quiz::load(id, text) {
            rows.push([
                quiz.id,
                quiz.title,
                quiz.questions.len().to_string(),
                "built-in".to_string(),
            ]);
        }
    }
    for path in local_quiz_files() {
        let shown = path.display().to_string();
        rows.push(match quiz::load_path(&path) {
            Ok((quiz, _)) => [quiz.id, quiz.title, quiz.questions.len().to_string(), shown],
            Err(_) => [
                "-".to_string(),
                format!("invalid: see `careerfit validate {shown}`"),
                "-".to_string(),
                shown,
            ],
        });
    }
    let mut table = report::table::table(
        style(std::io::stdout().is_terminal(), color),
        ["Id", "Title", "Questions", "From"],
    );
    for row in rows {
        table.add_row(row);
    }
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{table}")?;
    writeln!(
        stdout,
        "Take one with: careerfit take ID (or a path to a quiz file)"
    )?;
    Ok(())
}
