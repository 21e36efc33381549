//! `careerfit list`: the quizzes available, built in and in ./quizzes/.

use super::Settings;

use crate::error::Error;
use crate::quiz::catalog::{self, local_quiz_files};
use crate::quiz::{self, builtin};
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
        let loaded = quiz::load_path(&path).ok().map(|(quiz, _)| quiz);
        let declared = loaded.as_ref().map(|quiz| quiz.id.as_str());
        // A file with a built-in quiz's id: the id finds the built-in one. The
        // built-in quiz's own text is that quiz, listed above.
        let text = std::fs::read_to_string(&path).ok();
        let named = [declared, path.file_stem().and_then(|s| s.to_str())];
        let is_builtin = |id: &str| builtin::find(id).is_some_and(|b| text.as_deref() == Some(b));
        if named.into_iter().flatten().any(is_builtin) {
            continue;
        }
        if let Some((id, _)) = builtin::BUILTIN
            .iter()
            .find(|(id, _)| catalog::shadows(&path, declared, id))
        {
            notes.push(format!(
                "{shown} has the id of a built-in quiz: `careerfit take {id}` takes the \
                 built-in one; give the path to take the file."
            ));
        }
        rows.push(match loaded {
            Some(quiz) => [quiz.id, quiz.title, quiz.questions.len().to_string(), shown],
            None => [
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
    let text = report::catalog(&catalog, settings.stdout);
    super::print(&text)
}
