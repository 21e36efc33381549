//! Writing result files so that nothing is lost: a temporary file in the same folder,
//! renamed into place, mode 0600, never replacing a file unless asked to.

use crate::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder a file will be written into (`.` for a bare file name).
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn already_exists(path: &Path) -> Error {
    Error::Usage(format!(
        "{} already exists; add --force to replace it, or choose another name",
        path.display()
    ))
}

/// Refuse early, before a person answers any question, what `write` would refuse later.
pub fn check_target(path: &Path, force: bool) -> Result<(), Error> {
    let name = path.display();
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{name} is a folder; give a file name for --output"
        )));
    }
    if path.exists() && !force {
        return Err(already_exists(path));
    }
    let dir = folder(path);
    if !dir.is_dir() {
        return Err(Error::Io(format!(
            "cannot write {name}: the folder {} does not exist",
            dir.display()
        )));
    }
    Ok(())
}

/// Write `contents` to `path` atomically with mode 0600.
pub fn write(path: &Path, contents: &[u8], force: bool) -> Result<(), Error> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| Error::Io(format!("cannot write {name}: {e}"));
    // tempfile creates the file with mode 0600 on Unix and removes it if we stop early.
    let mut temp = tempfile::Builder::new()
        .prefix(".careerfit-")
        .suffix(".tmp")
        .tempfile_in(folder(path))
        .map_err(io)?;
    temp.write_all(contents).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    let persisted = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(path)
        } else {
            io(e.error)
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(matches!(refused, Error::Usage(_)), "{refused:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_missing_folder_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("result.json");
        assert!(matches!(check_target(&path, false), Err(Error::Io(_))));
        assert!(matches!(write(&path, b"x", false), Err(Error::Io(_))));
    }
}
