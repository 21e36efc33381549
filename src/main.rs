//! The `careerfit` binary: parse the command line, run, map the error to an exit code.

use careerfit::{
    cli::{Cli, ColorWhen},
    commands,
};
use clap::{CommandFactory, FromArgMatches};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `careerfit help [CMD] --help` means the help of `help` or of CMD, as
    // `careerfit help [CMD]` does; clap would refuse the flag.
    if args.get(1).is_some_and(|a| a == "help") {
        args.retain(|a| a != "--help" && a != "-h");
    }
    let color = match ColorWhen::from_args(&args) {
        ColorWhen::Auto => clap::ColorChoice::Auto,
        ColorWhen::Always => clap::ColorChoice::Always,
        ColorWhen::Never => clap::ColorChoice::Never,
    };
    let matches = Cli::command().color(color).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // `serve` stops on its own signals: it finishes the requests in flight first.
    if !matches!(cli.command, Some(careerfit::cli::Command::Serve(_))) {
        careerfit::interrupt::install();
    }
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A signal is ending the run: its handler says so and sets the exit code.
            if careerfit::interrupt::stopping() {
                loop {
                    std::thread::park();
                }
            }
            if let Some(message) = err.message() {
                // Said if stderr takes it: a full or closed stderr is no reason to panic.
                let _ = writeln!(std::io::stderr(), "{message}");
            }
            ExitCode::from(err.code())
        }
    }
}
