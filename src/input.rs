//! Reading the files a person gives careerfit (quizzes, answers, saved results, a
//! class's rows): the same refusals and the same words for every one of them.

use crate::diagnostic::{Place, Problem};
use std::io::Read;
use std::path::Path;

/// Quiz and answers files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why a file a person wrote (a quiz or answers) could not be read or loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read (missing, a folder, no permission).
    #[error(transparent)]
    Read(ReadFileError),
    /// The file was read but is not valid: all problems found, warnings included.
    #[error("{}", crate::diagnostic::render_problems(.0))]
    Invalid(Vec<Problem>),
}

/// A file that could not be read, and why.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {why}")]
pub struct ReadFileError {
    /// The file as the person named it.
    pub path: String,
    pub why: Unreadable,
}

/// Why a file could not be read, in the same words for every file.
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    #[error("no such file")]
    Missing,
    #[error("permission denied")]
    Denied,
    #[error("is a folder, not a file")]
    Folder,
    #[error("{0}")]
    Other(std::io::Error),
}

impl ReadFileError {
    pub(crate) fn load_error(path: &str, err: std::io::Error) -> LoadError {
        let why = match err.kind() {
            std::io::ErrorKind::NotFound => Unreadable::Missing,
            std::io::ErrorKind::PermissionDenied => Unreadable::Denied,
            _ => Unreadable::Other(err),
        };
        LoadError::Read(ReadFileError {
            path: path.to_string(),
            why,
        })
    }
}

/// Read a file a person wrote, refusing folders, huge files and text that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let file = open(path)?;
    let io = |e: std::io::Error| ReadFileError::load_error(&name, e);
    check_size(&name, file.metadata().map_err(io)?.len())?;
    read_stream(&name, file)
}

/// Open a file a person named, refusing a missing file, a folder or one that may not
/// be read, in the same words everywhere. `score` reads its input this way, as a
/// stream with no size limit.
pub fn open(path: &Path) -> Result<std::fs::File, LoadError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| ReadFileError::load_error(&name, e);
    let file = std::fs::File::open(path).map_err(io)?;
    if file.metadata().map_err(io)?.is_dir() {
        return Err(LoadError::Read(ReadFileError {
            path: name,
            why: Unreadable::Folder,
        }));
    }
    Ok(file)
}

/// Read a person's text from a stream (stdin), with the same limits as `read_text`.
pub fn read_stream(name: &str, reader: impl std::io::Read) -> Result<String, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadFileError::load_error(name, e))?;
    check_size(name, bytes.len() as u64)?;
    decode(name, bytes)
}

/// A stream is read only up to the limit, so its size is not known: the message
/// says "more than" for both, the same words for a file and for stdin.
fn check_size(name: &str, len: u64) -> Result<(), LoadError> {
    if len > MAX_FILE_BYTES {
        return Err(LoadError::Invalid(vec![Problem::error(
            name,
            Place::File,
            format!(
                "the file is more than {MAX_FILE_BYTES} bytes (1 MiB), the most careerfit reads"
            ),
        )]));
    }
    Ok(())
}

/// UTF-8 text, with a byte-order mark at its start skipped: editors on Windows
/// write one.
fn decode(name: &str, mut bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        // Place the first bad byte as an editor would: line and column (in bytes).
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        LoadError::Invalid(vec![Problem::error(
            name,
            Place::Position { line, column },
            "the file is not UTF-8 text",
        )])
    })
}
