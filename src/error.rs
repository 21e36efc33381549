//! The one error type of the program, and the exit code each kind maps to.

use crate::diagnostic::Problem;

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
    /// The person pressed Ctrl-C.
    #[error("interrupted; no result was saved")]
    Interrupted,
    /// `serve` could not start, or stopped on a failure.
    #[error(transparent)]
    Serve(crate::serve::ServeError),
    /// No --db, and the system names no home folder to keep the answers in.
    #[error("there is no home folder to keep the answers in; give --db FILE")]
    NoDataFolder,
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
    /// Writing a run's messages (bad rows, warnings) to stderr failed, while its
    /// results went elsewhere (see `Error::messages`).
    #[error("cannot write messages to stderr: {0}")]
    Messages(std::io::Error),
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
    /// Two or more files in ./quizzes/ declare the id a command was given.
    #[error(
        "{} {} the id `{id}`; give the path of the quiz you mean, or give each file its own id",
        list_files(.files),
        if .files.len() == 2 { "both have" } else { "all have" }
    )]
    DuplicateQuizId {
        id: String,
        files: Vec<std::path::PathBuf>,
    },
    /// `score` or `analyze` with no INPUT while stdin is a terminal: nothing would come.
    #[error(
        "no INPUT given, and stdin is a terminal; give the rows' file as INPUT \
         (`careerfit {command} QUIZ FILE`), or `-` to read them from stdin \
         (`careerfit {command} QUIZ - < FILE`)"
    )]
    RowsFromTerminal { command: &'static str },
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
            Error::SameFile
            | Error::NoTerminal
            | Error::Unfinished { .. }
            | Error::UnknownPathway { .. }
            | Error::NothingToExplain
            | Error::DifferentQuizzes(_)
            | Error::AnalysisFile(_)
            | Error::ClassReportFile(_)
            | Error::FullSpreadsheet
            | Error::Invalid(_) => 2,
            Error::ReadFile(_) | Error::ManualPages { .. } | Error::Terminal(_) => 1,
            Error::Interrupted => 130,
            Error::BrokenPipe => 0,
            Error::Reported(code) => *code,
            Error::File(err) | Error::ReportNotWritten { source: err, .. } => err.code(),
            Error::Output(_) | Error::Messages(_) => 1,
            Error::UnknownQuiz { .. } | Error::NotAResult { .. } => 2,
            Error::DuplicateQuizId { .. } | Error::RowsFromTerminal { .. } => 2,
            Error::Rows(err) => err.code(),
            Error::Progress(err) => err.code(),
            Error::Serve(err) if err.is_usage() => 2,
            Error::Serve(_) => 1,
            Error::NoDataFolder => 2,
        }
    }

    /// What the person is told on stderr when the run ends with this error: problems
    /// as they are (each line names its file), an interruption in words, anything
    /// else after `error: `; nothing for what was already said or needs no word.
    pub fn message(&self) -> Option<String> {
        match self {
            Error::BrokenPipe | Error::Reported(_) => None,
            Error::Invalid(_) | Error::Rows(crate::batch::ReadError::Columns(_)) => {
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

/// `a, b and c`: files named in a sentence.
fn list_files(files: &[std::path::PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
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
