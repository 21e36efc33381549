//! `careerfit form QUIZ`: the quiz as a form, built from its file so that `score`
//! reads the form's export: a Google Apps Script, or a plain list to paste.

use crate::cli::FormFormat;
use crate::error::Error;
use crate::report;

/// The form in the language asked for, so that its export's headers and labels are
/// that language's (`score --lang` reads them back).
pub fn run(
    quiz: &str,
    format: FormFormat,
    lang: Option<&crate::locale::Lang>,
) -> Result<(), Error> {
    let quiz = super::load_quiz_in(quiz, lang)?.quiz;
    let out = match format {
        FormFormat::AppsScript => report::apps_script::apps_script(&quiz),
        FormFormat::Text => report::apps_script::text(&quiz),
    };
    super::print(&out)
}
