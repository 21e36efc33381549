//! The one error type of the program, and the exit code each kind maps to.

use crate::diagnostic::{Problem, render_problems};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// --report and --output name one file.
    #[error("--report and --output name the same file; give the report its own name")]
    SameFile,
    /// `take` without --answers, and no terminal to ask on.
    #[error(
        "stdin is not a terminal, so careerfit cannot ask the questions; give the answers \
         with --answers FILE (or --answers - to read them from stdin)"
    )]
    NoTerminal,
    /// A plain `take` with saved progress: the person chooses. `again` is what comes
    /// between `take` and the flag to name the quiz (` QUIZ`, or nothing for the
    /// default one).
    #[error(
        "you have unfinished answers to quiz `{quiz}` ({answered} of {total} answered); \
         `careerfit take{again} --resume` goes on with them, `careerfit take{again} --fresh` \
         starts again (where careerfit is not installed, `cargo run --release -- \
         take{again} --resume` or `--fresh`)"
    )]
    Unfinished {
        quiz: String,
        answered: usize,
        total: usize,
        again: String,
    },
    /// `--pathway` names no pathway of the quiz, by id or title; `known` is each
    /// pathway as `id (title)`.
    #[error(
        "quiz `{quiz}` has no pathway `{id}`{}; its pathways are {}",
        .suggestion.as_ref().map_or(String::new(), |s| format!(" ({s})")),
        .known.join(", ")
    )]
    UnknownPathway {
        quiz: String,
        id: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },
    /// The pathway to explain has no fit.
    #[error("that pathway has no fit to explain: none of its traits was assessed")]
    NothingToExplain,
    /// Results of two different quizzes given to `compare`.
    #[error(transparent)]
    DifferentQuizzes(#[from] crate::compare::DifferentQuizzes),
    /// `analyze -o` names a file that is neither .json nor .html.
    #[error("{}: analyze writes .json or .html; name the file with one of them", .0.display())]
    AnalysisFile(std::path::PathBuf),
    /// `score --report` names a file that is not .html.
    #[error("{}: the class report is a web page; name it FILE.html", .0.display())]
    ClassReportFile(std::path::PathBuf),
    /// `score --full` with CSV rows.
    #[error(
        "--full writes whole JSON results, and a spreadsheet has its own columns; drop --full, \
         or write jsonl"
    )]
    FullSpreadsheet,
    /// A quiz or answers file is invalid: every problem found, warnings included.
    #[error("{}", render_problems(.0))]
    Invalid(Vec<Problem>),
    /// A file a person named could not be read.
    #[error(transparent)]
    ReadFile(#[from] crate::input::ReadFileError),
    /// The manual pages could not be written to a folder.
    #[error("cannot write the manual pages to {}: {source}", .dir.display())]
    ManualPages {
        dir: std::path::PathBuf,
        source: std::io::Error,
    },
    /// The terminal failed under the quiz's prompts.
    #[error("the terminal failed: {0}")]
    Terminal(String),
    /// SIGTERM, SIGHUP or SIGINT ended the run (said by `interrupt`'s handler).
    #[error("stopped by signal {signal}")]
    Stopped { signal: i32 },
    /// The person pressed Ctrl-C.
    #[error("interrupted; no result was saved")]
    Interrupted,
    /// `serve` could not start, or stopped on a failure.
    #[error(transparent)]
    Serve(crate::serve::ServeError),
    /// No --db, and the system names no home folder to keep the answers in.
    #[error("there is no home folder to keep the answers in; give --db FILE")]
    NoDataFolder,
    /// `score` or `analyze` refused rows, each already told on stderr as it was read.
    #[error("{count} rows were refused")]
    RowsRefused { count: usize },
    /// `validate` found files that are not quizzes (invalid, or no quiz by that id) or
    /// that could not be read, each already told.
    #[error("{invalid} invalid and {unreadable} unreadable quiz files")]
    QuizzesRefused { invalid: usize, unreadable: usize },
    /// A file could not be written where it was asked for.
    #[error(transparent)]
    File(#[from] crate::private_file::FileError),
    /// The second of two files failed after the first was saved.
    #[error("{source}; the result was saved to {}, the report was not written", .saved.display())]
    ReportNotWritten {
        saved: std::path::PathBuf,
        source: crate::private_file::FileError,
    },
    /// The reader of our output went away (`| head`): stop quietly.
    #[error("broken pipe")]
    BrokenPipe,
    /// Writing to stdout or stderr failed (not a closed pipe: see `Error::output`).
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    /// Writing a run's messages (bad rows, warnings) to stderr failed, while its
    /// results went elsewhere (see `Error::messages`).
    #[error("cannot write messages to stderr: {0}")]
    Messages(std::io::Error),
    /// The quiz named on the command line could not be found (not found, or found
    /// twice); one that is found but cannot be loaded is `ReadFile` or `Invalid`.
    #[error(transparent)]
    Quiz(crate::quiz::catalog::CatalogError),
    /// `score` or `analyze` with no INPUT while stdin is a terminal: nothing would come.
    #[error(
        "no INPUT given, and stdin is a terminal; give the rows' file as INPUT \
         (`careerfit {command} QUIZ FILE`), or `-` to read them from stdin \
         (`careerfit {command} QUIZ - < FILE`)"
    )]
    RowsFromTerminal { command: &'static str },
    /// `score` or `analyze` given a file of rows beside results, or several files
    /// of rows: several INPUTs are read only as results.
    #[error(
        "{rows} holds answer rows, and rows are not read beside results; score a file of \
         rows on its own, and results (`take --json` files, or folders of them) in a run \
         of their own"
    )]
    RowsAmongResults { rows: String },
    /// A folder given as INPUT holds no result files.
    #[error(
        "{}: no results in this folder (no *.json or *.jsonl files); give a folder of \
         `take --json` results",
        .0.display()
    )]
    NoResults(std::path::PathBuf),
    /// A file given as a saved result is not one (said by `saved`).
    #[error(transparent)]
    NotAResult(crate::saved::SavedError),
    /// A class's rows could not be read.
    #[error(transparent)]
    Rows(crate::rows::ReadError),
    /// Saved progress could not be read, used, saved or removed.
    #[error(transparent)]
    Progress(#[from] crate::resume_state::ProgressError),
}

impl Error {
    /// The exit status of a run that ends with this error, decided here and nowhere
    /// else: 2 when the person asked for something that cannot be (a usage error, a
    /// file that is not what it should be), 1 when the system failed, 130 for Ctrl-C,
    /// 0 for a reader that went away. (Signals' own codes, 129 and 143, are given by
    /// `interrupt`'s handler as the shell would give them.)
    pub fn code(&self) -> u8 {
        use crate::resume_state::ProgressError;
        use crate::rows::ReadError;
        use crate::serve::{ServeError, store::StoreError};
        match self {
            Error::SameFile
            | Error::NoTerminal
            | Error::Unfinished { .. }
            | Error::UnknownPathway { .. }
            | Error::NothingToExplain
            | Error::DifferentQuizzes(_)
            | Error::AnalysisFile(_)
            | Error::ClassReportFile(_)
            | Error::FullSpreadsheet
            | Error::Invalid(_)
            | Error::Quiz(_)
            | Error::RowsFromTerminal { .. }
            | Error::RowsAmongResults { .. }
            | Error::NoResults(_)
            | Error::NotAResult(_)
            | Error::RowsRefused { .. } => 2,
            Error::QuizzesRefused { invalid, .. } => {
                if *invalid > 0 {
                    2
                } else {
                    1
                }
            }
            Error::ReadFile(_) | Error::ManualPages { .. } | Error::Terminal(_) => 1,
            Error::Interrupted => 130,
            // As a shell gives it: 128 + the signal (143 for SIGTERM, 129 for SIGHUP).
            Error::Stopped { signal } => u8::try_from(128 + signal).unwrap_or(1),
            Error::BrokenPipe => 0,
            Error::File(err) | Error::ReportNotWritten { source: err, .. } => file_code(err),
            Error::Output(_) | Error::Messages(_) => 1,
            Error::Rows(
                ReadError::Input { .. }
                | ReadError::Thread { .. }
                | ReadError::Scorers { .. }
                | ReadError::Messages(_),
            ) => 1,
            Error::Rows(
                ReadError::Header { .. }
                | ReadError::Workbook(_)
                | ReadError::Unanswered { .. }
                | ReadError::EmptySheet { .. }
                | ReadError::Columns(_),
            ) => 2,
            Error::Progress(
                ProgressError::Unusable { .. } | ProgressError::OtherVersion { .. },
            ) => 2,
            Error::Progress(ProgressError::SaveFile(err)) => file_code(err),
            Error::Progress(
                ProgressError::Read { .. }
                | ProgressError::Save { .. }
                | ProgressError::Remove { .. },
            ) => 1,
            Error::Serve(
                ServeError::Store(
                    StoreError::InUse(_) | StoreError::OtherQuiz { .. } | StoreError::Newer { .. },
                )
                | ServeError::Tls { .. },
            ) => 2,
            Error::Serve(
                ServeError::Store(
                    StoreError::Sqlite { .. } | StoreError::Io { .. } | StoreError::Commit(_),
                )
                | ServeError::Bind { .. }
                | ServeError::Io(_),
            ) => 1,
            Error::NoDataFolder => 2,
        }
    }

    /// What the person is told on stderr when the run ends with this error: problems
    /// as they are (each line names its file), an interruption in words, anything
    /// else after `error: `; nothing for what was already said or needs no word.
    pub fn message(&self) -> Option<String> {
        match self {
            Error::BrokenPipe | Error::RowsRefused { .. } | Error::QuizzesRefused { .. } => None,
            Error::Invalid(_) | Error::Rows(crate::rows::ReadError::Columns(_)) => {
                Some(self.to_string())
            }
            Error::Interrupted => Some("\nInterrupted; no result was saved.".to_string()),
            _ => Some(format!("error: {self}")),
        }
    }

    /// A failed write of messages to stderr, kept apart from the results' own
    /// writes so that a failure is never put down to the results' file.
    pub fn messages(err: std::io::Error) -> Error {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Messages(err)
        }
    }

    /// A failed write to stdout or stderr: a closed pipe is a quiet stop, anything
    /// else an error. Writes say which they are with `.map_err(Error::output)`; no
    /// other I/O error becomes "cannot write output".
    pub fn output(err: std::io::Error) -> Error {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Output(err)
        }
    }
}

/// A file that could not be written: 2 when the name asked for cannot be written as
/// asked, 1 when the system failed.
fn file_code(err: &crate::private_file::FileError) -> u8 {
    if err.is_refusal() { 2 } else { 1 }
}

impl From<crate::input::LoadError> for Error {
    fn from(err: crate::input::LoadError) -> Self {
        match err {
            crate::input::LoadError::Read(err) => Error::ReadFile(err),
            crate::input::LoadError::Invalid(problems) => Error::Invalid(problems),
        }
    }
}

impl From<crate::quiz::catalog::CatalogError> for Error {
    fn from(err: crate::quiz::catalog::CatalogError) -> Self {
        match err {
            crate::quiz::catalog::CatalogError::Load(err) => err.into(),
            err => Error::Quiz(err),
        }
    }
}

impl From<crate::saved::SavedError> for Error {
    fn from(err: crate::saved::SavedError) -> Self {
        use crate::saved::SavedError;
        match err {
            SavedError::Read(err) => err.into(),
            SavedError::Quiz(err) => err.into(),
            SavedError::Invalid(problems) => Error::Invalid(problems),
            err @ SavedError::NotAResult { .. } => Error::NotAResult(err),
        }
    }
}

impl From<crate::rows::ReadError> for Error {
    fn from(err: crate::rows::ReadError) -> Self {
        match err {
            crate::rows::ReadError::Messages(err) => Error::messages(err),
            err => Error::Rows(err),
        }
    }
}

impl From<crate::batch::ScoreError> for Error {
    fn from(err: crate::batch::ScoreError) -> Self {
        match err {
            crate::batch::ScoreError::Rows(err) => err.into(),
            crate::batch::ScoreError::Output(err) => Error::output(err),
            crate::batch::ScoreError::Messages(err) => Error::messages(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::private_file::FileError;
    use std::path::PathBuf;

    #[test]
    fn each_layer_s_error_gets_its_exit_code_here() {
        let path = PathBuf::from("out.json");
        let exists = FileError::Exists { path: path.clone() };
        assert_eq!(Error::from(exists).code(), 2, "a usage error");
        let folder = PathBuf::from("nowhere");
        let missing = FileError::NoFolder { path, folder };
        assert_eq!(Error::from(missing).code(), 1, "an I/O error");
        let unusable = crate::resume_state::ProgressError::Unusable {
            path: PathBuf::from("p.json"),
            why: "damaged".to_string(),
        };
        assert_eq!(Error::Progress(unusable).code(), 2);
        let unreadable = crate::rows::ReadError::Input {
            name: "rows".to_string(),
            source: std::io::ErrorKind::Other.into(),
        };
        assert_eq!(Error::from(unreadable).code(), 1);
        assert_eq!(Error::RowsRefused { count: 3 }.code(), 2);
        assert_eq!(Error::Stopped { signal: 15 }.code(), 143, "SIGTERM");
        assert_eq!(Error::Stopped { signal: 1 }.code(), 129, "SIGHUP");
    }
}
