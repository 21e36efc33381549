//! `careerfit schema quiz|translation|result|score-row`: the JSON Schemas, derived from the types.

use crate::cli::SchemaKind;
use crate::error::Error;
use crate::quiz;
use std::io::Write;

/// Print a JSON Schema derived from the types that load quiz files or write results.
pub fn run(kind: SchemaKind) -> Result<(), Error> {
    let schema = match kind {
        SchemaKind::Quiz => quiz::schema(),
        SchemaKind::Translation => quiz::translation::schema(),
        SchemaKind::Result => crate::result::schema(),
        SchemaKind::ScoreRow => crate::batch::compact::schema(),
    };
    writeln!(std::io::stdout().lock(), "{schema}").map_err(Error::output)?;
    Ok(())
}
