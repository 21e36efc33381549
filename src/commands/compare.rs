//! `careerfit compare OLD NEW`: how a result moved.

use super::Settings;

use crate::cli::OutputFormat;
use crate::error::Error;
use crate::saved::read_result;
use std::path::Path;

/// `careerfit compare OLD.json NEW.json`.
pub fn run(old: &Path, new: &Path, format: OutputFormat, settings: &Settings) -> Result<(), Error> {
    let comparison = crate::compare::compare(&read_result(old)?, &read_result(new)?)?;
    let out = super::renderer(format.into(), settings.stdout).comparison(&comparison);
    super::print(&out)?;
    Ok(())
}
