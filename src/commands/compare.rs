//! `careerfit compare OLD NEW`: how a result moved.

use super::Settings;

use crate::error::Error;
use crate::report::Format;
use crate::saved::read_result;
use std::path::Path;

/// `careerfit compare OLD.json NEW.json`.
pub fn run(old: &Path, new: &Path, format: Format, settings: &Settings) -> Result<(), Error> {
    let comparison = crate::compare::compare(&read_result(old)?, &read_result(new)?)?;
    let out = crate::report::renderer(format, settings.stdout).comparison(&comparison);
    super::print(&out)?;
    Ok(())
}
