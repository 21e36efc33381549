//! The resume state: the progress of an unfinished quiz, saved after every answer so that an interrupted
//! person can go on with `take --resume`. One file per quiz in the user's data folder
//! (`~/.local/share/careerfit/progress/QUIZ.json` on Linux), written atomically with
//! mode 0600 by the same writer as results (`private_file`, whose temporary files a
//! signal removes): the answers are personal. Read back with `input`'s limits.

use crate::answers::{self, Answers, Given};
use crate::input::{LoadError, Unreadable};
use crate::private_file::{FileError, PrivateFile};
use crate::quiz::Quiz;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

pub const SCHEMA: &str = "careerfit/progress/v1";

/// What can go wrong with saved progress; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// The file is there but cannot be used: why, in words.
    #[error(
        "the saved progress {} cannot be used: {why}; start again with --fresh (which \
         discards it)",
        .path.display()
    )]
    Unusable { path: PathBuf, why: String },
    #[error(
        "the saved progress {} is for version {saved} of quiz `{quiz}`, and this is version \
         {current}; its answers may not fit the questions now. Start again with --fresh",
        .path.display()
    )]
    OtherVersion {
        path: PathBuf,
        quiz: String,
        saved: String,
        current: String,
    },
    #[error("cannot read the saved progress {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot save your progress to {}: {source}", .path.display())]
    Save {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The progress file could not be written in place (said by `private_file`).
    #[error("cannot save your progress: {0}")]
    SaveFile(FileError),
    #[error("cannot remove the saved progress {}: {source}", .path.display())]
    Remove {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ProgressFile {
    schema: String,
    quiz: String,
    version: String,
    /// The order the questions are asked in, as positions in the quiz.
    order: Vec<usize>,
    /// How many of them in `order` have been passed.
    position: usize,
    /// Answers so far, written as in an answers file; skipped ones are absent.
    answers: serde_json::Map<String, Json>,
    /// The seed of the forced choices' option orders (absent in older files, whose
    /// options were shown in the file's order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    options_seed: Option<u64>,
}

/// Where the quiz stands: its question order, the next position and the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub order: Vec<usize>,
    pub position: usize,
    pub answers: Answers,
    /// See `plan::shown_options`.
    pub options_seed: Option<u64>,
}

/// The progress file of a quiz, in the user's data folder; `None` when the system
/// names no home folder.
pub fn path_for(quiz: &Quiz) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "careerfit")?;
    Some(
        dirs.data_dir()
            .join("progress")
            .join(format!("{}.json", quiz.id)),
    )
}

/// Read saved progress. `Ok(None)` when there is none; a file for another version of
/// the quiz, or one that cannot be read, is an error that names it and is left alone.
pub fn load(path: &Path, quiz: &Quiz) -> Result<Option<Progress>, ProgressError> {
    let corrupt = |why: String| ProgressError::Unusable {
        path: path.to_path_buf(),
        why,
    };
    // A pipe or a device would make reading hang or never end: only a regular file
    // is read, with the limits of every file a person gives (`input`: at most 1 MiB,
    // UTF-8, a byte-order mark skipped).
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Ok(meta) if !meta.is_file() => {
            return Err(corrupt("it is not a regular file".to_string()));
        }
        _ => {}
    }
    let text = match crate::input::read_text(path) {
        Ok(text) => text,
        Err(LoadError::Read(e)) => {
            let source = match e.why {
                Unreadable::Missing => return Ok(None),
                Unreadable::Denied => std::io::ErrorKind::PermissionDenied.into(),
                Unreadable::Folder => std::io::ErrorKind::IsADirectory.into(),
                Unreadable::Other(source) => source,
            };
            return Err(ProgressError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
        Err(LoadError::Invalid(problems)) => {
            let why: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
            return Err(corrupt(why.join("; ")));
        }
    };
    let file: ProgressFile = serde_json::from_str(&text).map_err(|e| corrupt(e.to_string()))?;
    if file.schema != SCHEMA || file.quiz != quiz.id {
        return Err(corrupt(format!(
            "it is not progress of quiz `{}` ({})",
            quiz.id, file.schema
        )));
    }
    if file.version != quiz.version {
        return Err(ProgressError::OtherVersion {
            path: path.to_path_buf(),
            quiz: quiz.id.clone(),
            saved: file.version,
            current: quiz.version.clone(),
        });
    }
    let n = quiz.questions.len();
    let mut sorted = file.order.clone();
    sorted.sort_unstable();
    if sorted != (0..n).collect::<Vec<_>>() || file.position > n {
        return Err(corrupt(
            "its question order does not fit the quiz".to_string(),
        ));
    }
    let given: Vec<(&str, Given)> = file
        .answers
        .iter()
        .map(|(id, value)| (id.as_str(), Given::from_json(value)))
        .collect();
    // Required questions not reached yet are not missing: only check what is there.
    let mut answers: Answers = vec![None; n];
    for (id, value) in &given {
        let q = quiz
            .question_index(id)
            .ok_or_else(|| corrupt(format!("it answers an unknown question `{id}`")))?;
        answers[q] = answers::from_given(&quiz.questions[q], value)
            .map_err(|why| corrupt(format!("answers.{id}: {why}")))?;
    }
    // Every question asked before the saved position was answered or skipped; a
    // required one cannot have been skipped, so a gap there means a damaged file.
    if let Some(&q) = file.order[..file.position]
        .iter()
        .find(|&&q| quiz.questions[q].required && answers[q].is_none())
    {
        return Err(corrupt(format!(
            "required question `{}` comes before where it stopped but has no answer",
            quiz.questions[q].id
        )));
    }
    Ok(Some(Progress {
        order: file.order,
        position: file.position,
        answers,
        options_seed: file.options_seed,
    }))
}

/// Save progress atomically (a temporary file beside it, then a rename), mode 0600.
pub fn save(path: &Path, quiz: &Quiz, progress: &Progress) -> Result<(), ProgressError> {
    written(path, quiz, progress)?
        .commit()
        .map_err(ProgressError::SaveFile)
}

/// Progress written into a temporary file beside `path`, not yet in place: while it
/// is, a signal's handler removes it (see `private_file`).
fn written(path: &Path, quiz: &Quiz, progress: &Progress) -> Result<PrivateFile, ProgressError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|source| ProgressError::Save {
        path: path.to_path_buf(),
        source,
    })?;
    let file = ProgressFile {
        schema: SCHEMA.to_string(),
        quiz: quiz.id.clone(),
        version: quiz.version.clone(),
        order: progress.order.clone(),
        position: progress.position,
        options_seed: progress.options_seed,
        answers: quiz
            .questions
            .iter()
            .zip(&progress.answers)
            .filter_map(|(q, a)| Some((q.id.clone(), a.as_ref()?.to_json(q))))
            .collect(),
    };
    let mut text = crate::json::to_string_pretty(&file)
        .map(String::into_bytes)
        .map_err(|e| ProgressError::Save {
            path: path.to_path_buf(),
            source: e.into(),
        })?;
    text.push(b'\n');
    // The progress file replaces itself: always forced.
    let mut temp = PrivateFile::create(path, true)
        .map_err(ProgressError::SaveFile)?
        .unannounced();
    temp.write_all(&text).map_err(ProgressError::SaveFile)?;
    Ok(temp)
}

/// Remove saved progress (on finishing, or --fresh); none is fine.
pub fn remove(path: &Path) -> Result<(), ProgressError> {
    match std::fs::remove_file(path) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            Err(ProgressError::Remove {
                path: path.to_path_buf(),
                source,
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;

    use crate::fixtures::small;

    fn some_progress() -> Progress {
        let mut answers = vec![None; 7];
        answers[0] = Some(Answer::Scale(2));
        answers[2] = Some(Answer::YesNo(false));
        answers[5] = Some(Answer::Multi(vec![0, 1]));
        Progress {
            order: vec![0, 2, 5, 1, 3, 4, 6],
            position: 3,
            answers,
            options_seed: Some(7),
        }
    }

    #[test]
    fn progress_is_saved_atomically_with_mode_0600_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress").join("small.json");
        let quiz = small();
        assert_eq!(load(&path, &quiz).unwrap(), None, "none saved yet");
        save(&path, &quiz, &some_progress()).unwrap();
        save(&path, &quiz, &some_progress()).unwrap();
        assert_eq!(load(&path, &quiz).unwrap(), Some(some_progress()));
        let files: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(files.len(), 1, "no temporary file left: {files:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        remove(&path).unwrap();
        remove(&path).unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn progress_of_another_version_is_refused_not_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("small.json");
        let mut quiz = small();
        save(&path, &quiz, &some_progress()).unwrap();
        quiz.version = "3".to_string();
        let err = load(&path, &quiz).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the saved progress {} is for version 2 of quiz `small`, and this is version 3; \
                 its answers may not fit the questions now. Start again with --fresh",
                path.display()
            )
        );
        assert!(path.exists(), "the file is left for the person to decide");
    }

    #[test]
    fn a_corrupt_progress_file_is_a_clear_error_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("small.json");
        let quiz = small();
        for (text, why) in [
            (
                "{\"schema\": \"careerfit/progress/v1\", \"quiz\": \"sm",
                "EOF while parsing",
            ),
            ("42", "invalid type: integer"),
            (
                "{\"schema\": \"careerfit/progress/v1\", \"quiz\": \"small\", \"version\": \"2\", \
                 \"order\": [0, 1], \"position\": 0, \"answers\": {}}",
                "its question order does not fit the quiz",
            ),
            (
                "{\"schema\": \"careerfit/progress/v1\", \"quiz\": \"small\", \"version\": \"2\", \
                 \"order\": [0, 1, 2, 3, 4, 5, 6], \"position\": 1, \"answers\": {\"q-scale\": 9}}",
                "answers.q-scale: 9 is out of range",
            ),
        ] {
            std::fs::write(&path, text).unwrap();
            let err = load(&path, &quiz).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!(
                    "the saved progress {} cannot be used: ",
                    path.display()
                )),
                "{err}"
            );
            assert!(err.contains(why), "{why:?} not in {err}");
            assert!(
                err.ends_with("start again with --fresh (which discards it)"),
                "{err}"
            );
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                text,
                "not discarded"
            );
        }
    }

    #[test]
    fn a_required_question_skipped_before_the_position_is_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("small.json");
        let quiz = small();
        // q-required (index 6) asked third and unanswered, with the position past it.
        let mut progress = some_progress();
        progress.order = vec![0, 2, 6, 1, 3, 4, 5];
        progress.answers[5] = None;
        save(&path, &quiz, &progress).unwrap();
        let err = load(&path, &quiz).unwrap_err();
        assert!(
            err.to_string().contains(
                "required question `q-required` comes before where it stopped but has no answer"
            ),
            "{err}"
        );
        // Not reached yet, it is not missing.
        progress.position = 2;
        save(&path, &quiz, &progress).unwrap();
        assert!(load(&path, &quiz).is_ok());
    }

    #[test]
    fn null_for_a_required_question_is_no_answer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("small.json");
        let quiz = small();
        let mut progress = some_progress();
        progress.order = vec![6, 0, 2, 5, 1, 3, 4];
        progress.position = 1;
        save(&path, &quiz, &progress).unwrap();
        // Hand-edited: q-required: null.
        let text = std::fs::read_to_string(&path).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["answers"]["q-required"] = serde_json::Value::Null;
        std::fs::write(&path, json.to_string()).unwrap();
        assert!(load(&path, &quiz).is_err());
    }

    #[test]
    fn a_pipe_or_a_huge_file_is_refused_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let quiz = small();
        let fifo = dir.path().join("fifo.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Reading a pipe nobody writes to would never return.
        let err = load(&fifo, &quiz).unwrap_err();
        assert!(
            err.to_string().contains("it is not a regular file"),
            "{err}"
        );
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert!(load(&link, &quiz).is_err());
        let huge = dir.path().join("huge.json");
        std::fs::write(&huge, vec![b' '; 2 * 1024 * 1024]).unwrap();
        let err = load(&huge, &quiz).unwrap_err();
        assert!(
            err.to_string()
                .contains("the file is more than 1048576 bytes (1 MiB), the most careerfit reads"),
            "{err}"
        );
        assert!(matches!(err, ProgressError::Unusable { .. }), "{err:?}");
    }

    /// A save under way is on the signal handler's list: a signal then (which ends
    /// the process without running destructors) leaves no temporary file behind.
    #[test]
    fn a_save_under_way_is_removed_by_a_signal() {
        let dir = tempfile::tempdir().unwrap();
        let quiz = small();
        let path = dir.path().join("progress").join("small.json");
        save(&path, &quiz, &some_progress()).unwrap();
        let under_way = written(&path, &quiz, &some_progress()).unwrap();
        let names = |dir: &Path| -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        let folder = path.parent().unwrap();
        let names_now = names(folder);
        assert_eq!(names_now.len(), 2, "the saved file and the one under way");
        let temporary = folder.join(names_now.iter().find(|n| *n != "small.json").unwrap());
        // The signal handler removes what is on its list before it ends the process
        // (not called here: other tests' files are on the list too).
        assert!(crate::private_file::is_listed(&temporary), "{temporary:?}");
        // A signal ends the process without running destructors.
        std::mem::forget(under_way);
        std::fs::remove_file(&temporary).unwrap();
        assert_eq!(names(folder), ["small.json"]);
        assert_eq!(load(&path, &quiz).unwrap(), Some(some_progress()));
    }
}
