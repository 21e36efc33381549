//! `careerfit completions SHELL`: a completion script from the command-line definition.

use crate::cli::{Cli, Shell};
use crate::error::Error;

/// A completion script for the shell, generated from the command-line definition.
pub fn run(shell: Shell) -> Result<(), Error> {
    use clap::CommandFactory;
    use clap_complete::Shell as Target;
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
    };
    let mut out = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "careerfit", &mut out);
    super::print(&out)?;
    Ok(())
}
