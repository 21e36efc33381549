//! The one error type of the program, and the exit code each kind maps to.

use crate::diagnostic::Problem;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that cannot be done as asked.
    #[error("{0}")]
    Usage(String),
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
    /// The person pressed Ctrl-C.
    #[error("interrupted; no result was saved")]
    Interrupted,
    /// Already reported on stderr; only the exit code is left to give.
    #[error("")]
    Reported(u8),
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
    /// A quiz id that names no quiz, with the nearest one there is.
    #[error(
        "there is no quiz `{spec}`{}; `careerfit list` shows the quizzes, or give the path to \
         a quiz file",
        .suggestion.as_ref().map_or(String::new(), |s| format!(" ({s})"))
    )]
    UnknownQuiz {
        spec: String,
        suggestion: Option<String>,
    },
    /// A file given as a saved result is not one: why, as the JSON reader says it.
    #[error("{}: not a careerfit result: {reason}", .path.display())]
    NotAResult {
        path: std::path::PathBuf,
        reason: String,
    },
    /// A class's rows could not be read.
    #[error(transparent)]
    Rows(#[from] crate::batch::ReadError),
    /// Saved progress could not be read, used, saved or removed.
    #[error(transparent)]
    Progress(#[from] crate::progress::ProgressError),
}

impl Error {
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Invalid(_) => 2,
            Error::ReadFile(_) | Error::ManualPages { .. } | Error::Terminal(_) => 1,
            Error::Interrupted => 130,
            Error::BrokenPipe => 0,
            Error::Reported(code) => *code,
            Error::File(err) | Error::ReportNotWritten { source: err, .. } => err.code(),
            Error::Output(_) => 1,
            Error::UnknownQuiz { .. } | Error::NotAResult { .. } => 2,
            Error::Rows(err) => err.code(),
            Error::Progress(err) => err.code(),
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

pub fn render_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

impl From<crate::quiz::LoadError> for Error {
    fn from(err: crate::quiz::LoadError) -> Self {
        match err {
            crate::quiz::LoadError::Read(err) => Error::ReadFile(err),
            crate::quiz::LoadError::Invalid(problems) => Error::Invalid(problems),
        }
    }
}
