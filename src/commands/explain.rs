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

/// The explanation of a pathway (by id) or of the best fit.
pub(crate) fn explanation(
    quiz: &Quiz,
    scores: &scoring::Scores,
    pathway: Option<&str>,
) -> Result<crate::explain::Explanation, Error> {
    let profile = match pathway {
        None => None,
        Some(id) => Some(
            quiz.profiles
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| {
                    let known: Vec<&str> = quiz.profiles.iter().map(|p| p.id.as_str()).collect();
                    Error::UnknownPathway {
                        quiz: quiz.id.clone(),
                        id: id.to_string(),
                        known: known.iter().map(|k| k.to_string()).collect(),
                    }
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
    format: OutputFormat,
    settings: &Settings,
) -> Result<(), Error> {
    let Retaken {
        quiz,
        answers,
        scores,
        ..
    } = retake(path, quiz)?;
    for warning in &answers.warnings {
        note!("warning: {warning}");
    }
    let explanation = explanation(&quiz, &scores, pathway)?;
    let width = usize::from(settings.stdout.width);
    let view = report::explain::Explained::new(&quiz, &explanation);
    let out = match format {
        OutputFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&explanation).expect("an explanation serialises")
        ),
        OutputFormat::Plain => report::explain::render_plain(&view, width),
        OutputFormat::Markdown => report::explain::render_markdown(&view),
        OutputFormat::Html => report::html::explanation_page(&view),
        OutputFormat::Table => report::explain::render(&view, settings.stdout),
    };
    super::print(&out)?;
    Ok(())
}
