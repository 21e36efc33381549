//! `careerfit list`: the quizzes available, built in and in ./quizzes/.

use super::Settings;

use crate::error::Error;
use crate::quiz::{self, builtin, catalog::local_quiz_files};
use crate::report;

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
    let catalog = report::Catalog {
        quizzes: rows,
        notes,
    };
    let text = super::renderer(report::Format::Table, settings.stdout)
        .catalog(&catalog)
        .expect("tables draw the catalog");
    super::print(&text)
}
