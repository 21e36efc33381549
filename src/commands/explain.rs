//! `careerfit explain RESULT`: where a saved result's fit comes from, without taking
//! the quiz again.

use super::Settings;

use crate::cli::OutputFormat;
use crate::error::Error;
use crate::quiz::Quiz;
use crate::report;
use crate::saved::{Retaken, retake};
use crate::scoring;
use std::path::Path;

/// The explanation of a pathway (by id, or by title with case ignored) or of the
/// best fit.
pub(crate) fn explanation(
    quiz: &Quiz,
    scores: &scoring::Scores,
    pathway: Option<&str>,
) -> Result<crate::explain::Explanation, Error> {
    let profile = match pathway {
        None => None,
        Some(given) => Some(find_pathway(quiz, given)?),
    };
    crate::explain::explain(quiz, scores, profile).ok_or(Error::NothingToExplain)
}

/// The pathway a person names: its id, or its title whatever the case; a name that
/// is neither gets the nearest id or title, and the list of them.
fn find_pathway(quiz: &Quiz, given: &str) -> Result<usize, Error> {
    let title = given.trim().to_lowercase();
    let by_id = quiz.profiles.iter().position(|p| p.id == given);
    let by_title = || {
        quiz.profiles
            .iter()
            .position(|p| p.title.trim().to_lowercase() == title)
    };
    by_id.or_else(by_title).ok_or_else(|| {
        let names: Vec<&str> = quiz
            .profiles
            .iter()
            .flat_map(|p| [p.id.as_str(), p.title.as_str()])
            .collect();
        Error::UnknownPathway {
            quiz: quiz.id.clone(),
            id: given.to_string(),
            known: quiz
                .profiles
                .iter()
                .map(|p| format!("{} ({})", p.id, p.title))
                .collect(),
            suggestion: crate::diagnostic::suggest_ignoring_case(given, &names),
        }
    })
}

/// `careerfit explain RESULT.json`: score the saved answers again and explain them.
pub fn run(
    path: &Path,
    pathway: Option<&str>,
    quiz: Option<&str>,
    format: OutputFormat,
    lang: Option<&crate::locale::Lang>,
    settings: &Settings,
) -> Result<(), Error> {
    let Retaken {
        quiz,
        found,
        lang: taken_in,
        answers,
        scores,
        ..
    } = retake(path, quiz)?;
    let quiz = super::speak(
        quiz,
        &found,
        &super::wanted_for_result(lang, taken_in.as_deref()),
    )
    .quiz;
    for warning in &answers.warnings {
        note!("warning: {warning}");
    }
    let explanation = explanation(&quiz, &scores, pathway)?;
    let view = report::Explained::new(&quiz, &explanation);
    let out = super::renderer(format.into(), settings.stdout).explanation(&view);
    super::print(&out)?;
    Ok(())
}
