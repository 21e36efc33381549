//! Where quizzes are found: built in, or a file in ./quizzes/ by the id it declares
//! (or its file name), or a path. `take ID`, `score`, `analyze`, `validate`, `list`
//! and the readers of saved results look quizzes up here.

use crate::input::LoadError;
use crate::quiz::{self, Quiz, builtin};
use std::path::{Path, PathBuf};

/// Why a quiz named on the command line could not be had.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
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
    DuplicateQuizId { id: String, files: Vec<PathBuf> },
    /// A translation file given where a quiz is wanted.
    #[error(
        "{} is a translation, not a quiz: give its quiz, with `--lang {lang}`",
        .path.display()
    )]
    Translation { path: PathBuf, lang: String },
    /// The quiz was found but could not be read, or is invalid.
    #[error("{0}")]
    Load(LoadError),
}

/// `a, b and c`: files named in a sentence.
fn list_files(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Where `list` and `take ID` look for quiz files besides the built-in ones.
pub const LOCAL_QUIZ_DIR: &str = "quizzes";

/// Where a quiz named on the command line is: a file, or a built-in quiz's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    File(PathBuf),
    Builtin {
        id: &'static str,
        text: &'static str,
    },
}

/// A path, a built-in id, or the id of a file in ./quizzes/.
pub fn resolve_quiz(spec: &str) -> Result<Quiz, CatalogError> {
    resolve(spec).map(|(quiz, _)| quiz)
}

/// `resolve_quiz`, and where the quiz was found (where its translations are).
pub fn resolve(spec: &str) -> Result<(Quiz, Found), CatalogError> {
    let found = find_quiz(spec)?;
    if let Found::File(path) = &found
        && let Some((_, lang)) = translation_name(path)
    {
        return Err(CatalogError::Translation {
            path: path.clone(),
            lang,
        });
    }
    let quiz = match &found {
        Found::File(path) => quiz::load_path(path).map_err(CatalogError::Load)?.0,
        Found::Builtin { id, text } => quiz::load(&format!("{id} (built-in)"), text)
            .map(|(quiz, _)| quiz)
            .map_err(|problems| CatalogError::Load(LoadError::Invalid(problems)))?,
    };
    Ok((quiz, found))
}

/// Where `spec` leads, in this order: a path (anything that exists, holds a `/` or
/// ends in .yaml); a built-in id; the one file in ./quizzes/ that declares the id
/// (two or more are an error naming them); ./quizzes/SPEC.yaml, by its file name.
pub fn find_quiz(spec: &str) -> Result<Found, CatalogError> {
    let path = Path::new(spec);
    if looks_like_path(spec) {
        return Ok(Found::File(path.to_path_buf()));
    }
    if let Some((id, text)) = builtin::BUILTIN.iter().find(|(id, _)| *id == spec) {
        return Ok(Found::Builtin { id, text });
    }
    let local = local_quizzes();
    let mut declaring: Vec<PathBuf> = local
        .iter()
        .filter(|(_, id)| id.as_deref() == Some(spec))
        .map(|(path, _)| path.clone())
        .collect();
    match declaring.len() {
        0 => {}
        1 => return Ok(Found::File(declaring.remove(0))),
        _ => {
            return Err(CatalogError::DuplicateQuizId {
                id: spec.to_string(),
                files: declaring,
            });
        }
    }
    let named = Path::new(LOCAL_QUIZ_DIR).join(format!("{spec}.yaml"));
    if named.is_file() && translation_name(&named).is_none() {
        return Ok(Found::File(named));
    }
    let mut known: Vec<String> = builtin::BUILTIN
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    for (path, id) in &local {
        known.extend(id.clone());
        known.extend(path.file_stem().and_then(|s| s.to_str()).map(String::from));
    }
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    Err(CatalogError::UnknownQuiz {
        spec: spec.to_string(),
        suggestion: crate::diagnostic::suggest(spec, &known),
    })
}

/// Whether a spec is taken as a path rather than an id.
pub fn looks_like_path(spec: &str) -> bool {
    Path::new(spec).exists()
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.contains('/')
        || spec.ends_with(".yaml")
        || spec.ends_with(".yml")
}

/// A file in ./quizzes/ with a built-in quiz's id (declared, or as its file name),
/// whose text differs from it: the id finds the built-in one, so the file is taken
/// only by its path.
pub fn shadowed_by_builtin(spec: &str) -> Option<PathBuf> {
    builtin::find(spec)?;
    local_quizzes()
        .into_iter()
        .find(|(path, declared)| shadows(path, declared.as_deref(), spec))
        .map(|(path, _)| path)
}

/// Whether the file at `path`, declaring the id `declared`, stands in the way of
/// built-in quiz `id`: it has that id, declared or as its file name, and a text of
/// its own (the built-in quiz's very text is that quiz, and hides nothing). The one
/// rule for `take` and `list`.
pub fn shadows(path: &Path, declared: Option<&str>, id: &str) -> bool {
    let Some(builtin) = builtin::find(id) else {
        return false;
    };
    let named = declared == Some(id) || path.file_stem().is_some_and(|s| s == id);
    named && std::fs::read_to_string(path).ok().as_deref() != Some(builtin)
}

/// Each file of ./quizzes/ with the id it declares, if one can be read.
fn local_quizzes() -> Vec<(PathBuf, Option<String>)> {
    local_quiz_files()
        .into_iter()
        .map(|path| {
            let id = declared_id(&path);
            (path, id)
        })
        .collect()
}

/// The `id:` a quiz file declares, read without checking the rest of it: an invalid
/// file is still found by its id, so that `validate ID` can say what is wrong.
pub fn declared_id(path: &Path) -> Option<String> {
    let text = crate::input::read_text(path).ok()?;
    let document: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
    document.get("id")?.as_str().map(String::from)
}

/// `./quizzes/*.yaml` but translations, sorted by name; none when the folder does
/// not exist.
pub fn local_quiz_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = yaml_files(Path::new(LOCAL_QUIZ_DIR))
        .into_iter()
        .filter(|p| translation_name(p).is_none())
        .collect();
    files.sort();
    files
}

fn yaml_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "yaml") && p.is_file())
        .collect()
}

/// `(NAME, LANG)` of a translation file's name, `NAME.LANG.yaml` with LANG two
/// lowercase letters and perhaps `-XX`, a region (`him-career-fit.es.yaml`,
/// `him-career-fit.es-MX.yaml`); `None` for a quiz file.
pub fn translation_name(path: &Path) -> Option<(String, String)> {
    let name = path.file_name()?.to_str()?.strip_suffix(".yaml")?;
    let (quiz, lang) = name.rsplit_once('.')?;
    let (language, region) = match lang.split_once('-') {
        Some((language, region)) => (language, Some(region)),
        None => (lang, None),
    };
    let language_ok = language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok =
        region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()));
    (!quiz.is_empty() && language_ok && region_ok).then(|| (quiz.to_string(), lang.to_string()))
}

/// Where a translation of a quiz is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranslationAt {
    File(PathBuf),
    Builtin { name: String, text: &'static str },
}

impl TranslationAt {
    /// How messages name it: its path, or `QUIZ.LANG (built-in)`.
    pub fn name(&self) -> String {
        match self {
            TranslationAt::File(path) => path.display().to_string(),
            TranslationAt::Builtin { name, .. } => name.clone(),
        }
    }

    pub fn text(&self) -> Result<String, LoadError> {
        match self {
            TranslationAt::File(path) => Ok(crate::input::read_text(path)?),
            TranslationAt::Builtin { text, .. } => Ok(text.to_string()),
        }
    }
}

/// The translations of a quiz, by the language of their names: the files
/// `NAME.LANG.yaml` beside quiz file `NAME.yaml`, or a built-in quiz's compiled-in ones.
pub fn translations(found: &Found) -> Vec<(String, TranslationAt)> {
    let mut found = match found {
        Found::Builtin { id, .. } => builtin::TRANSLATIONS
            .iter()
            .filter(|(quiz, _, _)| quiz == id)
            .map(|(quiz, lang, text)| {
                let name = format!("{quiz}.{lang} (built-in)");
                (lang.to_string(), TranslationAt::Builtin { name, text })
            })
            .collect(),
        Found::File(path) => {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            // Named as the quiz is: `q.es.yaml` beside `q.yaml`, not `./q.es.yaml`.
            let (folder, here) = match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => (folder, false),
                _ => (Path::new("."), true),
            };
            yaml_files(folder)
                .into_iter()
                .filter_map(|file| {
                    let (quiz, lang) = translation_name(&file)?;
                    let file = match here {
                        true => PathBuf::from(file.file_name()?),
                        false => file,
                    };
                    (quiz == stem).then_some((lang, TranslationAt::File(file)))
                })
                .collect::<Vec<_>>()
        }
    };
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}
