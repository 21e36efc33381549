//! Problems found in a file a person wrote (a quiz or an answers file), and how they print.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem is: a parser position, or the path to the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Place {
    /// 1-based line and column, as editors count them.
    Position { line: usize, column: usize },
    /// A field path such as `questions[3].weight`.
    Field { field: String },
    /// The file as a whole.
    File,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub file: String,
    #[serde(flatten)]
    pub place: Place,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Problem {
    pub fn error(file: &str, place: Place, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            place,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
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

/// `FILE:LINE:COLUMN: error: MESSAGE`, or `FILE: FIELD: error: MESSAGE`, then the hint.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.place {
            Place::Position { line, column } => write!(f, "{}:{line}:{column}: ", self.file)?,
            Place::Field { field } => write!(f, "{}: {field}: ", self.file)?,
            Place::File => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{severity}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Turn a YAML parser error into a problem at the parser's position.
pub fn from_yaml_error(file: &str, err: &serde_yaml::Error) -> Problem {
    let message = strip_location(&err.to_string());
    match err.location() {
        Some(loc) => Problem::error(
            file,
            Place::Position {
                line: loc.line(),
                column: loc.column(),
            },
            message,
        ),
        None => Problem::error(file, Place::File, message),
    }
}

/// Turn a JSON parser error into a problem at the parser's position.
pub fn from_json_error(file: &str, err: &serde_json::Error) -> Problem {
    let message = strip_location(&err.to_string());
    if err.line() == 0 {
        return Problem::error(file, Place::File, message);
    }
    Problem::error(
        file,
        Place::Position {
            line: err.line(),
            column: err.column(),
        },
        message,
    )
}

/// Parsers append " at line L column C"; the position is printed in front instead.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}
