//! The `careerfit` binary: parse the command line, run, map the error to an exit code.

use careerfit::{app, cli::Cli, error::Error};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match app::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            match &err {
                Error::BrokenPipe | Error::Reported(_) => {}
                Error::Invalid(_) => eprintln!("{err}"),
                Error::Interrupted => eprintln!("\nInterrupted; nothing was saved."),
                Error::Usage(_) | Error::Io(_) => eprintln!("error: {err}"),
            }
            ExitCode::from(err.code())
        }
    }
}
