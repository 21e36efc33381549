//! `careerfit compare OLD NEW`: how a result moved.

use super::Settings;

use crate::cli::OutputFormat;
use crate::error::Error;
use crate::report;
use crate::saved::read_result;
use std::path::Path;

/// `careerfit compare OLD.json NEW.json`.
pub fn run(old: &Path, new: &Path, format: OutputFormat, settings: &Settings) -> Result<(), Error> {
    let comparison = crate::compare::compare(&read_result(old)?, &read_result(new)?)?;
    let out = match format {
        OutputFormat::Json => format!(
            "{}\n",
            crate::json::to_string_pretty(&comparison).expect("a comparison serialises")
        ),
        OutputFormat::Plain => {
            report::compare::render_plain(&comparison, usize::from(settings.stdout.width))
        }
        OutputFormat::Markdown => report::compare::render_markdown(&comparison),
        OutputFormat::Html => report::compare::render_html(&comparison),
        OutputFormat::Table => report::compare::render(&comparison, settings.stdout),
    };
    super::print(&out)?;
    Ok(())
}
