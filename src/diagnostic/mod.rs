//! Problems found in a file a person wrote (a quiz or an answers file), and how they print.

pub mod positions;
mod suggest;

pub use suggest::{suggest, suggest_ignoring_case};

use positions::Positions;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem is, as the code that finds it knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// 1-based line and column, as editors count them.
    Position { line: usize, column: usize },
    /// A field path such as `questions[3].weight`; `locate` adds its line and column.
    Field { field: String },
    /// The key of the mapping entry at this path, when the key itself is wrong (an
    /// unknown field, a misspelt trait id); `locate` points at the key, not its value.
    Key { field: String },
    /// The file as a whole.
    File,
}

/// One problem in a file. `validate --json` prints these objects as they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The problem is with the key of `field`, not its value.
    #[serde(skip)]
    at_key: bool,
}

impl Problem {
    pub fn error(file: &str, place: Place, message: impl Into<String>) -> Self {
        let (line, column, field, at_key) = match place {
            Place::Position { line, column } => (Some(line), Some(column), None, false),
            Place::Field { field } => (None, None, Some(field), false),
            Place::Key { field } => (None, None, Some(field), true),
            Place::File => (None, None, None, false),
        };
        Problem {
            file: file.to_string(),
            line,
            column,
            field,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
            at_key,
        }
    }

    pub fn warning(file: &str, place: Place, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, place, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

pub fn field(path: impl Into<String>) -> Place {
    Place::Field { field: path.into() }
}

pub fn key(path: impl Into<String>) -> Place {
    Place::Key { field: path.into() }
}

/// Give every problem that names a field the line and column of that field in `text`,
/// and put them in file order. The document is indexed only when a problem needs it.
pub fn locate(problems: &mut [Problem], text: &str) {
    if !problems
        .iter()
        .any(|p| p.line.is_none() && p.field.is_some())
    {
        return;
    }
    let positions = Positions::of(text);
    for problem in problems.iter_mut().filter(|p| p.line.is_none()) {
        let Some(path) = problem.field.as_deref() else {
            continue;
        };
        let at = match problem.at_key {
            true => positions.key(path).or_else(|| nearest(&positions, path)),
            false => nearest(&positions, path),
        };
        if let Some(at) = at {
            problem.line = Some(at.line);
            problem.column = Some(at.column);
        }
    }
    // In file order, as a compiler lists them; problems without a place last. The field
    // of a problem about the whole document (an empty path) is not printed.
    for problem in problems.iter_mut() {
        if problem.field.as_deref() == Some("") {
            problem.field = None;
        }
    }
    problems.sort_by_key(|p| (p.line.is_none(), p.line, p.column));
}

/// The place of a field, or of the nearest enclosing one when it is missing (a
/// required answer that is not there points at `answers:`, a missing top-level key
/// at the start of the document).
fn nearest(positions: &Positions, mut path: &str) -> Option<positions::Position> {
    loop {
        if let Some(at) = positions.get(path) {
            return Some(at);
        }
        if path.is_empty() {
            return None;
        }
        path = &path[..path.rfind(['.', '[']).unwrap_or(0)];
    }
}

/// Problems as they print: one a line, each naming its file and place.
pub fn render_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `FILE:LINE:COLUMN: error: FIELD: MESSAGE`; without a position `FILE: FIELD: error:
/// MESSAGE`; then the hint on its own line.
/// A problem as one or two lines for a terminal: whatever of the file it quotes is
/// shown with its control characters escaped.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write_plain(&mut text)?;
        f.write_str(&crate::text::escape_controls(&text))
    }
}

impl Problem {
    fn write_plain(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (self.line, self.column, &self.field) {
            (Some(line), Some(column), Some(field)) => write!(
                f,
                "{}:{line}:{column}: {severity}: {field}: {}",
                self.file, self.message
            )?,
            (Some(line), Some(column), None) => write!(
                f,
                "{}:{line}:{column}: {severity}: {}",
                self.file, self.message
            )?,
            (_, _, Some(field)) => {
                write!(f, "{}: {field}: {severity}: {}", self.file, self.message)?
            }
            (_, _, None) => write!(f, "{}: {severity}: {}", self.file, self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// True when the text holds more than blank lines, comments and document markers.
pub fn has_content(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .any(|line| !(line.is_empty() || line.starts_with('#') || line == "---" || line == "..."))
}

/// Quiz and answers files nest a handful of levels; anything past this is refused
/// before loading, because loading deep nesting is slow.
pub const MAX_NESTING: usize = 32;

/// Parse YAML (or JSON) text a person wrote into `T`, refusing nesting deeper than
/// `MAX_NESTING` first; a parser error becomes a problem at its place (the only one:
/// the parser stops there).
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, Vec<Problem>> {
    check_nesting(file, text)?;
    serde_yaml::from_str(text).map_err(|e| vec![from_yaml_error(file, &e, text)])
}

/// Refuse nesting deeper than `MAX_NESTING`, at the place it goes too deep.
pub fn check_nesting(file: &str, text: &str) -> Result<(), Vec<Problem>> {
    match positions::too_deep(text, MAX_NESTING) {
        None => Ok(()),
        Some(at) => Err(vec![Problem::error(
            file,
            Place::Position {
                line: at.line,
                column: at.column,
            },
            format!("lists and mappings are nested more than {MAX_NESTING} deep here"),
        )]),
    }
}

/// Turn a YAML parser error into a problem at the parser's position.
pub fn from_yaml_error(file: &str, err: &serde_yaml::Error, text: &str) -> Problem {
    let message = plain_words(&err.to_string());
    let Some(loc) = err.location() else {
        return Problem::error(file, Place::File, message);
    };
    let message = strip_position(&message, loc.line(), loc.column());
    // The reader's own errors (control characters) give a byte offset, not a line.
    if let Some((message, offset)) = message.rsplit_once(" at position ")
        && let Ok(offset) = offset.parse::<usize>()
        && let Some(before) = text.get(..offset)
    {
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        return Problem::error(file, Place::Position { line, column }, message);
    }
    // The parser places a duplicated key at the start of its mapping; point at the
    // duplicate itself, the later of the two.
    let place = duplicate_key_path(&message)
        .and_then(|path| Positions::of(text).key(&path))
        .map_or(
            Place::Position {
                line: loc.line(),
                column: loc.column(),
            },
            |at| Place::Position {
                line: at.line,
                column: at.column,
            },
        );
    Problem::error(file, place, message)
}

/// serde names Rust types; a quiz author thinks in numbers, text and mappings.
pub fn plain_words(message: &str) -> String {
    let mut message = message
        .replace("expected f64", "expected a number")
        .replace("expected a borrowed string", "expected text")
        .replace("invalid type: unit value", "nothing given")
        .replace("invalid type: map", "invalid type: mapping");
    // `expected struct QuestionFile` -> `expected a mapping`.
    while let Some(start) = message.find("struct ") {
        let name_end = message[start + 7..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(message.len(), |i| start + 7 + i);
        message.replace_range(start..name_end, "a mapping");
    }
    message
}

/// `questions[0]: duplicate field `text`` -> `questions[0].text`;
/// `answers: duplicate entry with key "q1"` -> `answers.q1`.
fn duplicate_key_path(message: &str) -> Option<String> {
    let (parent, rest) = match message.split_once(": ") {
        Some((parent, rest)) if !parent.contains(' ') => (parent, rest),
        _ => ("", message),
    };
    let key = rest
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'))
        .or_else(|| {
            rest.strip_prefix("duplicate entry with key \"")
                .and_then(|k| k.strip_suffix('"'))
        })?;
    Some(if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    })
}

/// Parsers write " at line L column C" into the message; that position is printed in
/// front instead. Other positions ("while parsing a flow mapping at line 5 column 5",
/// where the unclosed thing began) are kept: they help find the mistake.
fn strip_position(message: &str, line: usize, column: usize) -> String {
    message.replacen(&format!(" at line {line} column {column}"), "", 1)
}

#[cfg(test)]
mod tests {
    use super::{duplicate_key_path, plain_words, strip_position};

    #[test]
    fn rust_type_names_become_plain_words() {
        assert_eq!(
            plain_words("invalid type: sequence, expected struct QuizFile"),
            "invalid type: sequence, expected a mapping"
        );
        assert_eq!(
            plain_words("questions[0].weight: invalid type: string \"x\", expected f64"),
            "questions[0].weight: invalid type: string \"x\", expected a number"
        );
    }

    #[test]
    fn a_duplicated_key_is_found_by_its_path() {
        assert_eq!(
            duplicate_key_path("duplicate field `title`").as_deref(),
            Some("title")
        );
        assert_eq!(
            duplicate_key_path("questions[0]: duplicate field `text`").as_deref(),
            Some("questions[0].text")
        );
        assert_eq!(
            duplicate_key_path("answers: duplicate entry with key \"q1\"").as_deref(),
            Some("answers.q1")
        );
        assert_eq!(duplicate_key_path("missing field `id`"), None);
    }

    #[test]
    fn only_the_errors_own_position_is_stripped() {
        assert_eq!(
            strip_position("bad thing at line 3 column 4", 3, 4),
            "bad thing"
        );
        assert_eq!(
            strip_position(
                "x at line 6 column 10, while parsing a flow mapping at line 5 column 5",
                6,
                10
            ),
            "x, while parsing a flow mapping at line 5 column 5"
        );
        assert_eq!(strip_position("no position", 1, 1), "no position");
    }
}
