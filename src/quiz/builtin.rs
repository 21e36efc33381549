//! Quizzes compiled into the binary, so `careerfit` runs with no files around it.

/// (id, file name, YAML text) of every built-in quiz; the first is the default.
pub const BUILTIN: &[(&str, &str)] = &[(
    "him-career-fit",
    include_str!("../../quizzes/him-career-fit.yaml"),
)];

/// (quiz id, language, YAML text) of the built-in quizzes' translations
/// (`quizzes/NAME.LANG.yaml`), compiled in beside them. Add a line when a translation
/// is committed; a translation file of a built-in quiz that is not listed here is
/// refused by tests/it/translations.rs.
pub const TRANSLATIONS: &[(&str, &str, &str)] = &[(
    "him-career-fit",
    "es",
    include_str!("../../quizzes/him-career-fit.es.yaml"),
)];

pub const DEFAULT_ID: &str = "him-career-fit";

/// The YAML text of a built-in quiz.
pub fn find(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(builtin_id, _)| *builtin_id == id)
        .map(|(_, text)| *text)
}
