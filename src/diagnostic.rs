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
    // serde names Rust types; a quiz author thinks in numbers and text.
    let message = err
        .to_string()
        .replace("expected f64", "expected a number")
        .replace("expected a borrowed string", "expected text");
    match err.location() {
        Some(loc) => Problem::error(
            file,
            Place::Position {
                line: loc.line(),
                column: loc.column(),
            },
            strip_position(&message, loc.line(), loc.column()),
        ),
        None => Problem::error(file, Place::File, message),
    }
}

/// Parsers write " at line L column C" into the message; that position is printed in
/// front instead. Other positions ("while parsing a flow mapping at line 5 column 5",
/// where the unclosed thing began) are kept: they help find the mistake.
fn strip_position(message: &str, line: usize, column: usize) -> String {
    message.replacen(&format!(" at line {line} column {column}"), "", 1)
}

#[cfg(test)]
mod tests {
    use super::strip_position;

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
