//! Finding a pathway where a person names it: by its id, or by its title whatever
//! the case, with the nearest name when neither matches.

use super::Quiz;

/// A pathway name that is neither an id nor a title of the quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownPathway {
    /// What was typed.
    pub given: String,
    /// Every pathway as `id (title)`.
    pub known: Vec<String>,
    /// "did you mean ...?" with the nearest id or title, when one is near.
    pub suggestion: Option<String>,
}

impl Quiz {
    /// The index of the pathway a person names: its id, or its title whatever the
    /// case and the space around it.
    pub fn find_pathway(&self, given: &str) -> Result<usize, UnknownPathway> {
        let title = given.trim().to_lowercase();
        let by_id = self.profiles.iter().position(|p| p.id == given);
        let by_title = || {
            self.profiles
                .iter()
                .position(|p| p.title.trim().to_lowercase() == title)
        };
        by_id.or_else(by_title).ok_or_else(|| {
            let names: Vec<&str> = self
                .profiles
                .iter()
                .flat_map(|p| [p.id.as_str(), p.title.as_str()])
                .collect();
            UnknownPathway {
                given: given.to_string(),
                known: self
                    .profiles
                    .iter()
                    .map(|p| format!("{} ({})", p.id, p.title))
                    .collect(),
                suggestion: crate::diagnostic::suggest_ignoring_case(given, &names),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pathway_is_found_by_id_or_title_and_a_near_miss_gets_a_suggestion() {
        let text = super::super::builtin::find("him-career-fit").unwrap();
        let quiz = super::super::load("him-career-fit", text).unwrap().0;
        let coder = quiz.find_pathway("coding-specialist").unwrap();
        assert_eq!(quiz.profiles[coder].id, "coding-specialist");
        assert_eq!(quiz.find_pathway("  MEDICAL coder ").unwrap(), coder);
        let unknown = quiz.find_pathway("coding-specialst").unwrap_err();
        assert_eq!(
            unknown.suggestion.as_deref(),
            Some("did you mean `coding-specialist`?")
        );
        assert_eq!(unknown.known.len(), quiz.profiles.len());
        assert!(
            unknown
                .known
                .contains(&"coding-specialist (Medical coder)".to_string())
        );
    }
}
