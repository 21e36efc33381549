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
    /// A file could not be read or written.
    #[error("{0}")]
    Io(String),
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
}

impl Error {
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Invalid(_) => 2,
            Error::Io(_) => 1,
            Error::Interrupted => 130,
            Error::BrokenPipe => 0,
            Error::Reported(code) => *code,
            Error::File(err) | Error::ReportNotWritten { source: err, .. } => err.code(),
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
            crate::quiz::LoadError::Io(message) => Error::Io(message),
            crate::quiz::LoadError::Invalid(problems) => Error::Invalid(problems),
        }
    }
}

/// Writing to stdout: a closed pipe is a quiet stop, anything else an I/O failure.
impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Io(format!("cannot write output: {err}"))
        }
    }
}
