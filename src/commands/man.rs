//! `careerfit man [--dir DIR]`: the manual pages, from the same definition as --help.

use crate::cli::Cli;
use crate::error::Error;
use std::path::Path;

/// The manual page, generated from the same definition as --help; with a folder, a
/// page for every command (the main page refers to them as careerfit-COMMAND(1)),
/// the folder made first if need be.
pub fn run(dir: Option<&Path>) -> Result<(), Error> {
    match dir {
        Some(dir) => {
            let failed = |source| Error::ManualPages {
                dir: dir.to_path_buf(),
                source,
            };
            // The folder is made, with its parents: ~/.local/share/man/man1 often
            // does not exist yet.
            std::fs::create_dir_all(dir).map_err(failed)?;
            clap_mangen::generate_to(pages(), dir).map_err(failed)?;
            note!("Wrote the manual pages to {}", dir.display());
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(pages())
                .render(&mut out)
                .map_err(Error::output)?;
            super::print(&out)?;
        }
    }
    Ok(())
}

/// The command line as the manual describes it: without clap's `help` subcommand,
/// which has no page of its own (`careerfit help CMD` is `careerfit CMD --help`).
fn pages() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().disable_help_subcommand(true)
}
