//! `careerfit validate FILE...`: every problem of every quiz file, with its place.

use crate::diagnostic::render_problems;
use crate::diagnostic::{Place, Problem};
use crate::error::Error;
use crate::input::LoadError;
use crate::quiz;
use crate::quiz::catalog::{self as quizzes, CatalogError, Found, TranslationAt};
use crate::quiz::translation;
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

/// What `validate` found so far: files refused, and with --json every problem.
struct Tally {
    json: bool,
    invalid: usize,
    unreadable: usize,
    all: Vec<Problem>,
}

impl Tally {
    fn unreadable(&mut self, name: &str, why: String) {
        self.unreadable += 1;
        if self.json {
            self.all.push(Problem::error(name, Place::File, why));
        } else {
            note!("error: {name}: {why}");
        }
    }

    /// A translation (`lang`, where it is) checked against its quiz, valid or not.
    fn translation(
        &mut self,
        quiz: &quiz::Quiz,
        lang: &str,
        at: &TranslationAt,
        stdout: &mut impl Write,
    ) -> Result<(), Error> {
        let name = at.name();
        let text = match at.text() {
            Ok(text) => text,
            Err(LoadError::Read(err)) => {
                self.unreadable(&err.path, err.why.to_string());
                return Ok(());
            }
            Err(LoadError::Invalid(problems)) => {
                self.refused(&name, problems);
                return Ok(());
            }
        };
        let problems = match translation::read(&name, &text) {
            Ok(read) => read.check(quiz, &name, &text, Some(lang)),
            Err(problems) => problems,
        };
        if problems.iter().any(Problem::is_error) {
            self.refused(&name, problems);
        } else if self.json {
            self.all.extend(problems);
        } else {
            if !problems.is_empty() {
                note!("{}", render_problems(&problems));
            }
            let line = catalog::valid_translation(&name, quiz, lang, &problems);
            writeln!(stdout, "{line}").map_err(Error::output)?;
        }
        Ok(())
    }

    fn refused(&mut self, name: &str, problems: Vec<Problem>) {
        self.invalid += 1;
        if self.json {
            self.all.extend(problems);
        } else {
            note!("{}", render_problems(&problems));
            note!("{}", catalog::invalid(name, &problems));
        }
    }
}

/// A translation file named on the command line: its quiz is `NAME.yaml` beside it.
fn translation_given(
    path: &Path,
    lang: &str,
    tally: &mut Tally,
    stdout: &mut impl Write,
) -> Result<(), Error> {
    let (stem, _) = quizzes::translation_name(path).expect("a translation's name");
    let quiz_path = path.with_file_name(format!("{stem}.yaml"));
    match quiz::load_path(&quiz_path) {
        Ok((quiz, _)) => tally.translation(
            &quiz,
            lang,
            &TranslationAt::File(path.to_path_buf()),
            stdout,
        ),
        Err(_) => {
            let name = path.display().to_string();
            let why = format!(
                "its quiz {} is missing or invalid, so the translation cannot be checked; \
                 `careerfit validate {}` says why",
                quiz_path.display(),
                quiz_path.display()
            );
            tally.refused(&name, vec![Problem::error(&name, Place::File, why)]);
            Ok(())
        }
    }
}

pub fn run(files: &[PathBuf], json: bool) -> Result<(), Error> {
    let mut tally = Tally {
        json,
        invalid: 0,
        unreadable: 0,
        all: Vec::new(),
    };
    validate(files, &mut tally)?;
    let Tally {
        invalid,
        unreadable,
        all,
        ..
    } = tally;
    let mut stdout = std::io::stdout().lock();
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

/// Every file named, and the translations beside each valid quiz.
fn validate(files: &[PathBuf], tally: &mut Tally) -> Result<(), Error> {
    let json = tally.json;
    let mut stdout = std::io::stdout().lock();
    for path in files {
        if let Some((_, lang)) = quizzes::translation_name(path) {
            translation_given(path, &lang, tally, &mut stdout)?;
            continue;
        }
        let place = found(path);
        let (name, loaded) = match &place {
            Ok(Found::Builtin { id, text }) => {
                let name = format!("{id} (built-in)");
                let loaded = quiz::load(&name, text).map_err(LoadError::Invalid);
                (name, loaded)
            }
            Ok(Found::File(path)) => (path.display().to_string(), quiz::load_path(path)),
            Err(err) => {
                tally.invalid += 1;
                if json {
                    let name = path.display().to_string();
                    tally
                        .all
                        .push(Problem::error(&name, Place::File, err.to_string()));
                } else {
                    note!("error: {err}");
                }
                continue;
            }
        };
        let quiz = match loaded {
            Ok((quiz, warnings)) if json => {
                tally.all.extend(warnings);
                quiz
            }
            Ok((quiz, warnings)) => {
                if !warnings.is_empty() {
                    note!("{}", render_problems(&warnings));
                }
                let line = catalog::valid(&name, &quiz, &warnings);
                writeln!(stdout, "{line}").map_err(Error::output)?;
                quiz
            }
            Err(LoadError::Invalid(problems)) => {
                tally.refused(&name, problems);
                continue;
            }
            Err(LoadError::Read(err)) => {
                tally.unreadable += 1;
                if json {
                    let problem = Problem::error(&err.path, Place::File, err.why.to_string());
                    tally.all.push(problem);
                } else {
                    note!("error: {err}");
                }
                continue;
            }
        };
        // A valid quiz's translations are checked with it.
        if let Ok(place) = &place {
            for (lang, at) in quizzes::translations(place) {
                tally.translation(&quiz, &lang, &at, &mut stdout)?;
            }
        }
    }
    Ok(())
}
