//! Writing result files so that nothing is lost: a temporary file in the same folder,
//! renamed into place, mode 0600, never replacing a file unless asked to.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written where it was asked for. All the wording is here;
/// `is_refusal` says whether the person asked for something that cannot be, or the
/// system failed.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{} is a folder; give a file name", .path.display())]
    Folder { path: PathBuf },
    #[error("{} is a link to a file that does not exist; give another name", .path.display())]
    DanglingLink { path: PathBuf },
    #[error(
        "{} is not a regular file (a device, a pipe, a socket or a folder); careerfit \
         replaces only regular files, even with --force",
        .path.display()
    )]
    NotRegular { path: PathBuf },
    #[error("{} already exists; add --force to replace it, or choose another name", .path.display())]
    Exists { path: PathBuf },
    #[error("cannot write {}: the folder {} does not exist", .path.display(), .folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("cannot write {}: {}", .path.display(), reason(.source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl FileError {
    /// The name asked for cannot be written as asked (a folder, a file there without
    /// --force), rather than the system failing to write it.
    pub fn is_refusal(&self) -> bool {
        match self {
            FileError::Folder { .. }
            | FileError::DanglingLink { .. }
            | FileError::NotRegular { .. }
            | FileError::Exists { .. } => true,
            FileError::NoFolder { .. } | FileError::Write { .. } => false,
        }
    }
}

/// An I/O failure in a person's words.
fn reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        std::io::ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => err.to_string(),
    }
}

/// A result file being written. It is opened (as a hidden temporary file beside the
/// target) before any question is asked, so a folder that does not exist or cannot be
/// written is refused at once; `commit` renames it into place. Dropped without a
/// commit (an error, Ctrl-C), the temporary file is removed and the target untouched.
pub struct PrivateFile {
    path: PathBuf,
    force: bool,
    /// Said among the files saved if the run is stopped later (not saved progress).
    announced: bool,
    temp: tempfile::NamedTempFile,
    /// Listed while it exists, so that a signal can remove it before the process ends.
    _listed: Listed,
}

/// Temporary files being written, with the file each is for and whether a signal's
/// message names it. A signal ends the process without running destructors, so the
/// signal handler removes these itself.
static TEMPORARY: std::sync::Mutex<Vec<(PathBuf, PathBuf, bool)>> =
    std::sync::Mutex::new(Vec::new());

/// The files this run has written into place (but saved progress), in order: what a
/// signal's message says was saved.
static SAVED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary file's place in `TEMPORARY`, given up when it is dropped (written
/// into place, or removed by `tempfile`).
struct Listed(PathBuf);

impl Listed {
    fn new(path: &Path, target: &Path) -> Listed {
        if let Ok(mut files) = TEMPORARY.lock() {
            files.push((path.to_path_buf(), target.to_path_buf(), true));
        }
        Listed(path.to_path_buf())
    }
}

impl Drop for Listed {
    fn drop(&mut self) {
        if let Ok(mut files) = TEMPORARY.lock() {
            files.retain(|(f, _, _)| f != &self.0);
        }
    }
}

/// Remove every temporary file still being written: for a signal handler, just
/// before the process ends.
pub fn remove_temporary_files() {
    if let Ok(files) = TEMPORARY.lock() {
        for (file, _, _) in files.iter() {
            let _ = std::fs::remove_file(file);
        }
    }
}

/// What a run stopped now leaves behind, for the signal's message: the files written
/// into place and those still being written (which are removed). Decided from the
/// file system, not from `commit`'s return: a signal that lands while the rename is
/// returning finds the temporary file gone and the target there, and that file saved.
pub fn saved_and_unsaved() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut saved = SAVED.lock().map(|s| s.clone()).unwrap_or_default();
    let mut unsaved = Vec::new();
    if let Ok(files) = TEMPORARY.lock() {
        for (temp, target, announced) in files.iter() {
            let renamed = !temp.exists() && target.exists();
            match (renamed, announced) {
                (true, true) if !saved.contains(target) => saved.push(target.clone()),
                (true, _) => {}
                (false, _) => unsaved.push(target.clone()),
            }
        }
    }
    (saved, unsaved)
}

/// "no result was saved", or which files were saved and which were not: "results.csv
/// was saved; class.html was not".
pub fn what_was_saved(saved: &[PathBuf], unsaved: &[PathBuf]) -> String {
    let names = |paths: &[PathBuf]| {
        let names: Vec<String> = paths
            .iter()
            .map(|p| crate::text::escape_controls(&p.display().to_string()).into_owned())
            .collect();
        names.join(", ")
    };
    match (saved.is_empty(), unsaved.is_empty()) {
        (true, _) => "no result was saved".to_string(),
        (false, true) => format!("{} was saved", names(saved)),
        (false, false) => format!("{} was saved; {} was not", names(saved), names(unsaved)),
    }
}

/// Whether `path` is on the list a signal's handler removes.
#[cfg(test)]
pub fn is_listed(path: &Path) -> bool {
    TEMPORARY
        .lock()
        .is_ok_and(|files| files.iter().any(|(f, _, _)| f == path))
}

impl PrivateFile {
    /// Check the target and open the temporary file.
    pub fn create(path: &Path, force: bool) -> Result<PrivateFile, FileError> {
        let path_buf = || path.to_path_buf();
        if path.is_dir() {
            return Err(FileError::Folder { path: path_buf() });
        }
        // Only a regular file is ever replaced, even with --force: never a device, a
        // pipe, a socket or a folder, and a link must lead to a file that exists.
        if std::fs::symlink_metadata(path).is_ok() {
            let target = match std::fs::metadata(path) {
                Ok(target) => target,
                Err(_) => return Err(FileError::DanglingLink { path: path_buf() }),
            };
            if !target.is_file() {
                return Err(FileError::NotRegular { path: path_buf() });
            }
            if !force {
                return Err(FileError::Exists { path: path_buf() });
            }
        }
        let dir = folder(path);
        if !dir.is_dir() {
            return Err(FileError::NoFolder {
                path: path_buf(),
                folder: dir,
            });
        }
        // tempfile creates the file with mode 0600 on Unix.
        let temp = tempfile::Builder::new()
            .prefix(".careerfit-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|source| FileError::Write {
                path: path_buf(),
                source,
            })?;
        Ok(PrivateFile {
            path: path.to_path_buf(),
            force,
            announced: true,
            _listed: Listed::new(temp.path(), path),
            temp,
        })
    }

    /// A file a signal's message does not name (saved progress, written after every
    /// answer).
    pub fn unannounced(mut self) -> Self {
        self.announced = false;
        if let Ok(mut files) = TEMPORARY.lock() {
            for (temp, _, announced) in files.iter_mut() {
                if temp == self.temp.path() {
                    *announced = false;
                }
            }
        }
        self
    }

    /// Where streamed output goes until `commit`.
    pub fn writer(&mut self) -> &mut std::fs::File {
        self.temp.as_file_mut()
    }

    pub fn write_all(&mut self, contents: &[u8]) -> Result<(), FileError> {
        self.temp
            .as_file_mut()
            .write_all(contents)
            .map_err(|source| FileError::Write {
                path: self.path.clone(),
                source,
            })
    }

    /// Flush to disk and rename into place; refuses to replace a file that appeared
    /// meanwhile unless `force` was given.
    pub fn commit(mut self) -> Result<(), FileError> {
        let path = self.path;
        let announced = self.announced;
        self.temp
            .as_file_mut()
            .flush()
            .and_then(|()| self.temp.as_file().sync_all())
            .map_err(|source| FileError::Write {
                path: path.clone(),
                source,
            })?;
        let persisted = if self.force {
            self.temp.persist(&path)
        } else {
            self.temp.persist_noclobber(&path)
        };
        persisted.map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                FileError::Exists { path: path.clone() }
            } else {
                FileError::Write {
                    path: path.clone(),
                    source: e.error,
                }
            }
        })?;
        if let (true, Ok(mut saved)) = (announced, SAVED.lock()) {
            saved.push(path);
        }
        Ok(())
    }
}

/// The folder a file will be written into (`.` for a bare file name).
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether two paths name one file however they are spelt (`out.json`, `./out.json`,
/// `dir/../out.json`, a link to it): the folder is resolved, and a file that exists
/// is resolved through its links.
pub fn same_file(a: &Path, b: &Path) -> bool {
    fn resolved(path: &Path) -> Option<PathBuf> {
        if let Ok(path) = std::fs::canonicalize(path) {
            return Some(path);
        }
        let name = path.file_name()?;
        Some(std::fs::canonicalize(folder(path)).ok()?.join(name))
    }
    match (resolved(a), resolved(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Write `contents` to `path` atomically, as `take --output` does.
    fn write(path: &Path, contents: &[u8], force: bool) -> Result<(), FileError> {
        let mut file = PrivateFile::create(path, force)?;
        file.write_all(contents)?;
        file.commit()
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_with_mode_0600_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("result.json");
        write(&path, b"first", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let refused = write(&path, b"second", false).unwrap_err();
        assert!(matches!(refused, FileError::Exists { .. }), "{refused:?}");
        assert!(refused.is_refusal(), "a usage error (exit code 2)");
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(
            files_in(dir.path()),
            ["result.json"],
            "no temporary file left"
        );
    }

    #[test]
    fn a_missing_folder_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("result.json");
        let missing = PrivateFile::create(&path, false).err().expect("refused");
        assert!(matches!(missing, FileError::NoFolder { .. }), "{missing:?}");
        assert!(!missing.is_refusal(), "an I/O error (exit code 1)");
        assert!(matches!(
            write(&path, b"x", false),
            Err(FileError::NoFolder { .. })
        ));
    }

    /// A write that stops half-way (a full disk, a crash of the caller) leaves neither
    /// a partial result nor the temporary file.
    #[test]
    fn an_interrupted_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("result.json");
        {
            let mut file = PrivateFile::create(&path, false).unwrap();
            file.write_all(b"{\"schema\": \"careerf").unwrap();
            assert_eq!(files_in(dir.path()).len(), 1, "the temporary file is there");
            assert!(!path.exists(), "the target appears only on commit");
            // Dropped here without commit, as when an error or Ctrl-C unwinds.
        }
        assert_eq!(files_in(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_old_result_survives_an_interrupted_forced_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("result.json");
        write(&path, b"old", false).unwrap();
        {
            let mut file = PrivateFile::create(&path, true).unwrap();
            file.write_all(b"new but cut sh").unwrap();
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(files_in(dir.path()), ["result.json"]);
    }

    #[test]
    fn a_file_that_appears_while_answering_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("result.json");
        let mut file = PrivateFile::create(&path, false).unwrap();
        file.write_all(b"mine").unwrap();
        std::fs::write(&path, b"someone else's").unwrap();
        assert!(matches!(file.commit(), Err(FileError::Exists { .. })));
        assert_eq!(std::fs::read(&path).unwrap(), b"someone else's");
        assert_eq!(files_in(dir.path()), ["result.json"]);
    }
}

#[cfg(test)]
mod saved_tests {
    use super::{PrivateFile, saved_and_unsaved, what_was_saved};

    /// A signal between the rename and its return: the file is in place, and the
    /// message says so, though `commit` has not returned to list it.
    #[test]
    fn a_file_renamed_into_place_is_saved_before_commit_returns() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("result.json");
        let mut file = PrivateFile::create(&target, false).unwrap();
        file.write_all(b"{}").unwrap();
        let (_, unsaved) = saved_and_unsaved();
        assert!(unsaved.contains(&target), "before the rename: not saved");
        // What `persist` does, with `commit` not yet returned.
        std::fs::rename(file.temp.path(), &target).unwrap();
        let (saved, unsaved) = saved_and_unsaved();
        assert!(saved.contains(&target), "{saved:?}");
        assert!(!unsaved.contains(&target), "{unsaved:?}");
        drop(file);
    }
    use std::path::PathBuf;

    #[test]
    fn a_stopped_run_says_what_was_saved_and_what_was_not() {
        let rows = [PathBuf::from("results.csv")];
        let report = [PathBuf::from("class.html")];
        assert_eq!(what_was_saved(&[], &report), "no result was saved");
        assert_eq!(
            what_was_saved(&rows, &report),
            "results.csv was saved; class.html was not"
        );
        assert_eq!(what_was_saved(&rows, &[]), "results.csv was saved");
    }
}
