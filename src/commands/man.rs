//! `careerfit man [--dir DIR]`: the manual pages, from the same definition as --help.

use crate::cli::Cli;
use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// The manual page, generated from the same definition as --help; with a folder, a
/// page for every command (the main page refers to them as careerfit-COMMAND(1)).
pub fn run(dir: Option<&Path>) -> Result<(), Error> {
    use clap::CommandFactory;
    match dir {
        Some(dir) => {
            clap_mangen::generate_to(Cli::command(), dir).map_err(|e| {
                Error::Io(format!(
                    "cannot write the manual pages to {}: {e}",
                    dir.display()
                ))
            })?;
            eprintln!("Wrote the manual pages to {}", dir.display());
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            std::io::stdout().lock().write_all(&out)?;
        }
    }
    Ok(())
}
