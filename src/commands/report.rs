//! `careerfit report RESULT -o FILE.html`: the report to print, for a saved result.

use crate::error::Error;
use crate::private_file;
use crate::report::{self, Renderer};
use crate::result::QuizResult;
use crate::saved::{Retaken, retake};
use crate::trust::Warning;
use std::path::Path;

/// `careerfit report RESULT.json -o FILE.html`: the report to print, from a saved result.
/// In the language asked for, whichever language the result was taken in: its
/// answers are ids and positions.
pub fn run(
    path: &Path,
    out: &Path,
    force: bool,
    quiz: Option<&str>,
    lang: Option<&crate::locale::Lang>,
) -> Result<(), Error> {
    let mut file = private_file::PrivateFile::create(out, force)?;
    let Retaken {
        quiz,
        found,
        lang: taken_in,
        answers,
        scores,
        completed_at,
    } = retake(path, quiz)?;
    let spoken = super::speak(
        quiz,
        &found,
        &super::wanted_for_result(lang, taken_in.as_deref()),
    );
    let quiz = spoken.quiz;
    // The answers are scored again by this quiz; the date stays the result's own.
    let notes = answers
        .warnings
        .into_iter()
        .map(Warning::other_version)
        .collect();
    let result = QuizResult::new(&quiz, &answers.answers, &scores, completed_at, notes);
    let best = crate::explain::explain(&quiz, &scores, None);
    let view = report::View::new(&quiz, &result, None, best.as_ref());
    file.write_all(report::html::Html.result(&view).as_bytes())?;
    file.commit()?;
    let path = out.display().to_string();
    note!(
        "{}",
        spoken
            .messages
            .with("report-written", &[("path", path.into())])
    );
    Ok(())
}
