//! How the quick reader (`fast.rs`) matches an answer written exactly as careerfit
//! writes answers: each question's known texts, compared in place with the row's
//! text.

use crate::quiz::{Question, QuestionKind};

/// What one question's answers look like when written exactly: a scale's label or
/// position, an option's id or label. Such an answer is matched by plain comparison;
/// any other (another case, spaces, a position written as text) goes to
/// `answers::from_given`, which gives the same answer for every value this matches.
pub struct Exact {
    /// A position written as a number means that position: no label looks like a
    /// number (`from_given` lets such a label win over a position).
    pub(super) positions: bool,
    /// The texts matched, in the order `from_given` tries them, each with what it
    /// means: a scale's position (from 1), an option's index, yes (1) or no (0).
    texts: Vec<(Box<str>, usize)>,
    /// The question's key as a compact row writes it, colon and all: `"id":`.
    key: Box<[u8]>,
}

impl Exact {
    pub fn new(question: &Question) -> Self {
        // Labels are matched exactly when each is its own trimmed text and no two are
        // equal ignoring case: then an exact match is the first match `from_given`
        // finds (it trims what was written and ignores case).
        let plain = |labels: &[&str]| {
            labels.iter().enumerate().all(|(i, label)| {
                label.trim() == *label && labels[..i].iter().all(|l| !l.eq_ignore_ascii_case(label))
            })
        };
        let (positions, texts) = match &question.kind {
            QuestionKind::Scale { labels, .. } => {
                let positions = !labels
                    .iter()
                    .any(|l| l.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.'));
                let all: Vec<&str> = labels.iter().map(String::as_str).collect();
                let texts = if plain(&all) {
                    labels
                        .iter()
                        .enumerate()
                        .map(|(i, l)| (l.as_str(), i + 1))
                        .collect()
                } else {
                    Vec::new()
                };
                (positions, texts)
            }
            QuestionKind::Choice { options } | QuestionKind::Multi { options } => {
                // An option's id first (ids are never padded with space), then, when
                // they are plain, its label.
                let mut texts: Vec<(&str, usize)> = options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.id.as_str(), i))
                    .collect();
                let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
                if plain(&labels) {
                    texts.extend(labels.iter().enumerate().map(|(i, l)| (*l, i)));
                }
                (false, texts)
            }
            // As spreadsheets and forms write them; `from_given` takes any case.
            QuestionKind::YesNo { .. } => (
                false,
                [
                    ("yes", 1),
                    ("no", 0),
                    ("Yes", 1),
                    ("No", 0),
                    ("true", 1),
                    ("false", 0),
                ]
                .to_vec(),
            ),
        };
        // A text JSON would write with an escape is left to the slow read.
        let unescaped = |t: &str| !t.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20);
        Exact {
            positions,
            // As JSON writes the id, escapes and all: an id holding a quote must not
            // match a key whose backslash is missing, which is not JSON.
            key: {
                let mut key = serde_json::to_vec(&question.id).expect("an id serialises");
                key.push(b':');
                key.into()
            },
            texts: texts
                .into_iter()
                .filter(|(t, _)| unescaped(t))
                .map(|(t, v)| (t.into(), v))
                .collect(),
        }
    }

    /// The length of the question's key and colon when `text` starts with them,
    /// written without space or escape.
    pub(super) fn key_at(&self, text: &[u8]) -> Option<usize> {
        let n = self.key.len();
        (text.len() > n && text[..n] == *self.key).then_some(n)
    }

    /// What the JSON string at the start of `text` means when it is one of the texts,
    /// and its length with its quotes. Compared in place: a text's closing quote is
    /// looked for first, which rules out the texts of other lengths with one load,
    /// and the string's end is never searched for. (No text has a quote, a backslash
    /// or a control character in it, so a match is the whole string.)
    pub(super) fn find_at(&self, text: &[u8]) -> Option<(usize, usize)> {
        if text.first() != Some(&b'"') {
            return None;
        }
        self.texts
            .iter()
            .find(|(t, _)| {
                let n = t.len();
                text.get(n + 1) == Some(&b'"') && text[1..=n] == *t.as_bytes()
            })
            .map(|(t, v)| (*v, t.len() + 2))
    }
}
