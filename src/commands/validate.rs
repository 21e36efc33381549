//! `careerfit validate FILE...`: every problem of every quiz file, with its place.

use crate::diagnostic::{Place, Problem};
use crate::error::{Error, render_problems};
use crate::quiz::{self, LoadError};
use std::io::Write;
use std::path::PathBuf;

pub fn run(files: &[PathBuf], json: bool) -> Result<(), Error> {
    let mut code = 0;
    let mut stdout = std::io::stdout().lock();
    // With --json every problem, I/O ones included, goes into one array on stdout.
    let mut all = Vec::new();
    for path in files {
        let name = path.display();
        match quiz::load_path(path) {
            Ok((_, warnings)) if json => all.extend(warnings),
            Ok((quiz, warnings)) => {
                if !warnings.is_empty() {
                    eprintln!("{}", render_problems(&warnings));
                }
                writeln!(
                    stdout,
                    "{name}: valid: quiz `{}` with {} traits, {} questions, {} pathways{}",
                    quiz.id,
                    quiz.traits.len(),
                    quiz.questions.len(),
                    quiz.profiles.len(),
                    match warnings.len() {
                        0 => String::new(),
                        1 => ", 1 warning".to_string(),
                        n => format!(", {n} warnings"),
                    }
                )
                .map_err(Error::output)?;
            }
            Err(LoadError::Invalid(problems)) => {
                code = 2;
                if json {
                    all.extend(problems);
                    continue;
                }
                eprintln!("{}", render_problems(&problems));
                let errors = problems.iter().filter(|p| p.is_error()).count();
                eprintln!(
                    "{name}: invalid: {errors} error{}",
                    if errors == 1 { "" } else { "s" }
                );
            }
            Err(LoadError::Read(err)) => {
                if code == 0 {
                    code = 1;
                }
                if json {
                    all.push(Problem::error(&err.path, Place::File, err.why.to_string()));
                } else {
                    eprintln!("error: {err}");
                }
            }
        }
    }
    if json {
        let text = serde_json::to_string_pretty(&all).expect("problems serialise");
        writeln!(stdout, "{text}").map_err(Error::output)?;
    }
    match code {
        0 => Ok(()),
        code => Err(Error::Reported(code)),
    }
}
