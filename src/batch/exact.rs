//! How the quick reader (`fast.rs`) matches an answer written exactly as careerfit
//! writes answers: each question's known texts, compared in place with the row's
//! text, a word at a time.

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
            key: format!("\"{}\":", question.id).into_bytes().into(),
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
        (text.len() > n && same(&text[..n], &self.key)).then_some(n)
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
                text.get(n + 1) == Some(&b'"') && same(&text[1..=n], t.as_bytes())
            })
            .map(|(t, v)| (*v, t.len() + 2))
    }
}

/// Two texts of the same length are the same. Short ones, as ids and labels are, are
/// compared a word or two at a time in place: a call to `memcmp` for each took a
/// tenth of `score`'s time, most of it in choosing how to compare.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8"));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4"));
    match n {
        0..4 => a.iter().zip(b).all(|(x, y)| x == y),
        // Two reads that overlap cover the whole text.
        4..=8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => {
            let mut at = 0;
            while at + 8 < n {
                if word(a, at) != word(b, at) {
                    return false;
                }
                at += 8;
            }
            word(a, n - 8) == word(b, n - 8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn texts_are_the_same_only_when_every_byte_is() {
        let text = b"health-care-without-patients, and more";
        let copy = text.to_vec();
        for n in 0..text.len() {
            let a = &text[..n];
            assert!(same(a, &copy[..n]), "{n}");
            assert!(!same(a, &text[..n + 1]), "{n}: lengths differ");
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same(a, &b), "{n}: byte {at} differs");
            }
        }
    }
}
