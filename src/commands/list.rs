//! `careerfit list`: the quizzes available, built in and in ./quizzes/.

use super::Settings;

use crate::error::Error;
use crate::quiz::{self, builtin, catalog::local_quiz_files};
use crate::report;
use std::io::Write;

pub fn run(settings: &Settings) -> Result<(), Error> {
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
    let mut notes = Vec::new();
    for path in local_quiz_files() {
        let shown = path.display().to_string();
        // A file with a built-in quiz's id: the id finds the built-in one.
        let same_id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|stem| builtin::find(stem).is_some());
        if let Some(id) = same_id {
            let same_text = std::fs::read_to_string(&path).ok().as_deref() == builtin::find(id);
            if same_text {
                continue;
            }
            notes.push(format!(
                "{shown} has the id of a built-in quiz: `careerfit take {id}` takes the \
                 built-in one; give the path to take the file."
            ));
        }
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
    let style = settings.stdout;
    let mut table = report::table::table(style, ["Id", "Title", "Questions", "From"]);
    // A path is not broken over lines; the title wraps instead.
    if let Some(from) = table.column_mut(3) {
        from.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    for row in rows {
        table.add_row(row);
    }
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{table}").map_err(Error::output)?;
    for note in notes {
        write!(
            stdout,
            "{}",
            report::wrap(&note, usize::from(style.width), "")
        )
        .map_err(Error::output)?;
    }
    writeln!(
        stdout,
        "Take one with: careerfit take ID (or a path to a quiz file)"
    )
    .map_err(Error::output)?;
    Ok(())
}
