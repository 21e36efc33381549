//! `careerfit validate FILE...`: every problem of every quiz file, with its place.

use crate::diagnostic::render_problems;
use crate::diagnostic::{Place, Problem};
use crate::error::Error;
use crate::input::LoadError;
use crate::quiz;
use crate::quiz::catalog::{self as quizzes, CatalogError, Found};
use crate::report::catalog;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file to check: a path as given, or the quiz a quiz id names (see `list`); a
/// name that is neither is read as a path, to say the file is missing.
fn found(given: &Path) -> Result<Found, CatalogError> {
    match given.to_str() {
        Some(spec) if !quizzes::looks_like_path(spec) => match quizzes::find_quiz(spec) {
            Err(CatalogError::UnknownQuiz { .. }) => Ok(Found::File(given.to_path_buf())),
            other => other,
        },
        _ => Ok(Found::File(given.to_path_buf())),
    }
}

pub fn run(files: &[PathBuf], json: bool) -> Result<(), Error> {
    // Files that are not quizzes (invalid, or no quiz by that id), and files that
    // could not be read.
    let (mut invalid, mut unreadable) = (0, 0);
    let mut stdout = std::io::stdout().lock();
    // With --json every problem, I/O ones included, goes into one array on stdout.
    let mut all = Vec::new();
    for path in files {
        let (name, loaded) = match found(path) {
            Ok(Found::Builtin { id, text }) => {
                let name = format!("{id} (built-in)");
                let loaded = quiz::load(&name, text).map_err(LoadError::Invalid);
                (name, loaded)
            }
            Ok(Found::File(path)) => (path.display().to_string(), quiz::load_path(&path)),
            Err(err) => {
                invalid += 1;
                if json {
                    let name = path.display().to_string();
                    all.push(Problem::error(&name, Place::File, err.to_string()));
                } else {
                    note!("error: {err}");
                }
                continue;
            }
        };
        match loaded {
            Ok((_, warnings)) if json => all.extend(warnings),
            Ok((quiz, warnings)) => {
                if !warnings.is_empty() {
                    note!("{}", render_problems(&warnings));
                }
                let line = catalog::valid(&name, &quiz, &warnings);
                writeln!(stdout, "{line}").map_err(Error::output)?;
            }
            Err(LoadError::Invalid(problems)) => {
                invalid += 1;
                if json {
                    all.extend(problems);
                    continue;
                }
                note!("{}", render_problems(&problems));
                note!("{}", catalog::invalid(&name, &problems));
            }
            Err(LoadError::Read(err)) => {
                unreadable += 1;
                if json {
                    all.push(Problem::error(&err.path, Place::File, err.why.to_string()));
                } else {
                    note!("error: {err}");
                }
            }
        }
    }
    if json {
        writeln!(stdout, "{}", catalog::problems_json(&all)).map_err(Error::output)?;
    }
    match (invalid, unreadable) {
        (0, 0) => Ok(()),
        _ => Err(Error::QuizzesRefused {
            invalid,
            unreadable,
        }),
    }
}
