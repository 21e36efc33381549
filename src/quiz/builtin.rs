//! Quizzes compiled into the binary, so `careerfit` runs with no files around it.

/// (id, file name, YAML text) of every built-in quiz; the first is the default.
pub const BUILTIN: &[(&str, &str)] = &[(
    "him-career-fit",
    include_str!("../../quizzes/him-career-fit.yaml"),
)];

pub const DEFAULT_ID: &str = "him-career-fit";

/// The YAML text of a built-in quiz.
pub fn find(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(builtin_id, _)| *builtin_id == id)
        .map(|(_, text)| *text)
}
