//! `careerfit form QUIZ`: the quiz as a form, built from its file so that `score`
//! reads the form's export: a Google Apps Script, or a plain list to paste.

use crate::cli::FormFormat;
use crate::error::Error;
use crate::report;

pub fn run(quiz: &str, format: FormFormat) -> Result<(), Error> {
    let quiz = super::load_quiz(quiz)?;
    let out = match format {
        FormFormat::AppsScript => report::form::apps_script(&quiz),
        FormFormat::Text => report::form::text(&quiz),
    };
    super::print(&out)
}
