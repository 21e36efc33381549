//! Who needs a talk: the three groups an advisor sees first in a class (low
//! confidence, "probably not", "unclear"), the groups a judged row falls in, and
//! how a spreadsheet's `talk` cell says them.
//!
//! A respondent can be in two groups: a result with low confidence is always
//! "unclear" too (the verdict's first rule). The text formats and the pages name
//! them once, in the first of their groups ("also unclear"), and count them in the
//! later one ("3 with low confidence: named above"); the JSON summary lists them in
//! each, with every group they are in.

use super::Judged;
use crate::trust::Confidence;
use crate::verdict::Answer;

/// One group of respondents to talk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    LowConfidence,
    ProbablyNot,
    Unclear,
}

impl Group {
    /// Every group, in the order they are listed and joined in a `talk` cell.
    pub const ALL: [Group; 3] = [Group::LowConfidence, Group::ProbablyNot, Group::Unclear];

    /// The spreadsheet's word, as the JSON summary names the group and the verdict
    /// its answer: `low_confidence`, `probably_not`, `unclear`.
    pub fn cell(self) -> &'static str {
        match self {
            Group::LowConfidence => "low_confidence",
            Group::ProbablyNot => "probably_not",
            Group::Unclear => "unclear",
        }
    }

    /// The JSON summary's key: `low_confidence`, `probably_not`, `unclear`.
    pub fn key(self) -> &'static str {
        match self {
            Group::LowConfidence => "low_confidence",
            Group::ProbablyNot => "probably_not",
            Group::Unclear => "unclear",
        }
    }

    /// How a sentence names it: "low confidence", "probably not", "unclear".
    pub fn words(self) -> &'static str {
        match self {
            Group::LowConfidence => "low confidence",
            Group::ProbablyNot => "probably not",
            Group::Unclear => "unclear",
        }
    }

    fn index(self) -> usize {
        Group::ALL
            .iter()
            .position(|g| *g == self)
            .expect("every group")
    }
}

/// The groups one respondent is in (none, one or two), as a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Groups(u8);

impl Groups {
    /// The groups of a judged row: low confidence from its confidence, the other two
    /// from the quiz's answer.
    pub fn of(judged: Judged) -> Groups {
        let mut groups = Groups::default();
        if judged.confidence == Confidence::Low {
            groups.insert(Group::LowConfidence);
        }
        match judged.answer {
            Some(Answer::ProbablyNot) => groups.insert(Group::ProbablyNot),
            Some(Answer::Unclear) => groups.insert(Group::Unclear),
            _ => {}
        }
        groups
    }

    fn insert(&mut self, group: Group) {
        self.0 |= 1 << group.index();
    }

    pub fn contains(self, group: Group) -> bool {
        self.0 & (1 << group.index()) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The groups, in `Group::ALL`'s order.
    pub fn iter(self) -> impl Iterator<Item = Group> {
        Group::ALL.into_iter().filter(move |g| self.contains(*g))
    }

    /// The spreadsheet's `talk` cell: the groups' words in `Group::ALL`'s order,
    /// joined with "; " (`low_confidence; unclear`), empty for none. Sorted as
    /// text, a column of these keeps each group together.
    pub fn cell(self) -> String {
        self.iter().map(Group::cell).collect::<Vec<_>>().join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::{Group, Groups};
    use crate::batch::Judged;
    use crate::trust::Confidence;
    use crate::verdict::Answer;

    fn groups(confidence: Confidence, answer: Option<Answer>) -> Groups {
        Groups::of(Judged { confidence, answer })
    }

    #[test]
    fn each_row_falls_in_the_groups_its_confidence_and_answer_say() {
        let low = Confidence::Low;
        let ok = Confidence::Ok;
        assert_eq!(groups(ok, Some(Answer::Yes)).cell(), "");
        assert_eq!(groups(ok, Some(Answer::Maybe)).cell(), "");
        assert_eq!(groups(ok, None).cell(), "");
        assert_eq!(groups(ok, Some(Answer::ProbablyNot)).cell(), "probably_not");
        assert_eq!(groups(ok, Some(Answer::Unclear)).cell(), "unclear");
        assert_eq!(groups(low, None).cell(), "low_confidence");
        assert_eq!(
            groups(low, Some(Answer::Unclear)).cell(),
            "low_confidence; unclear"
        );
        let both = groups(low, Some(Answer::Unclear));
        assert!(both.contains(Group::LowConfidence) && both.contains(Group::Unclear));
        assert!(!both.contains(Group::ProbablyNot));
    }
}
