//! `careerfit explain RESULT`: where a saved result's fit comes from, without taking
//! the quiz again.

use super::Settings;

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
        Some(given) => Some(
            quiz.find_pathway(given)
                .map_err(|unknown| Error::UnknownPathway {
                    quiz: quiz.id.clone(),
                    id: unknown.given,
                    known: unknown.known,
                    suggestion: unknown.suggestion,
                })?,
        ),
    };
    crate::explain::explain(quiz, scores, profile).ok_or(Error::NothingToExplain)
}

/// `careerfit explain RESULT.json`: score the saved answers again and explain them.
pub fn run(
    path: &Path,
    pathway: Option<&str>,
    quiz: Option<&str>,
    format: report::Format,
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
    let out = report::renderer(format, settings.stdout).explanation(&view);
    super::print(&out)?;
    Ok(())
}
