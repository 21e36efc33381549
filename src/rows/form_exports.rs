//! What the form tools write, read as they write it: Google Forms and Microsoft Forms
//! exports (their own columns, their way of joining ticked boxes), the delimiter of a
//! spreadsheet's CSV, and headers and labels compared as people see them (`fold`).
//! Microsoft's .xlsx download is read in `workbook/`.

/// The delimiters a header line is searched for, in the order ties are settled.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// The delimiter of a CSV file, from its first line: whichever of `,` `;` and tab
/// occurs most often outside quotes (a comma when none does, or on a tie).
pub fn detect_delimiter(start: &[u8]) -> u8 {
    let line = start.split(|&b| b == b'\n').next().unwrap_or(start);
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
            counts[i] += 1;
        }
    }
    let mut best = 0;
    for i in 1..DELIMITERS.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    DELIMITERS[best]
}

/// Columns the form tools add that are not answers: recognised and passed over in
/// silence. Google: Timestamp, Email Address, Score (quiz mode). Microsoft: ID, Start
/// time, Completion time, Last modified time, Email, Name, Total points, Quiz
/// feedback, and per question "Points - ..." and "Feedback - ...". (ID and the email
/// columns may name the respondent: see `Columns`.)
pub fn is_form_column(name: &str) -> bool {
    const NAMES: [&str; 12] = [
        "timestamp",
        "email address",
        "email",
        "score",
        "total score",
        "id",
        "start time",
        "completion time",
        "last modified time",
        "name",
        "total points",
        "quiz feedback",
    ];
    let name = name.trim().to_lowercase();
    NAMES.contains(&name.as_str())
        || name.starts_with("points - ")
        || name.starts_with("feedback - ")
}

/// An email column: `Email` (Microsoft) or `Email Address` (Google).
pub fn is_email_column(name: &str) -> bool {
    let name = name.trim();
    name.eq_ignore_ascii_case("email") || name.eq_ignore_ascii_case("email address")
}

/// An email that names nobody: Microsoft writes "anonymous" when a form takes none.
pub fn names_someone(email: &str) -> bool {
    let email = email.trim();
    !email.is_empty() && !email.eq_ignore_ascii_case("anonymous")
}

/// A header, a question's text or an option's label as people see it, so that two
/// that look alike compare equal: Unicode NFC (an accent typed as its own character
/// or not), curly and straight quotes and apostrophes alike, dashes alike, any run of
/// spaces (non-breaking ones too) as one, no zero-width characters, lower case, and
/// no full stop, question mark or other punctuation at the end.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII is its own NFC: the usual cell is folded without the normaliser.
    if text.is_ascii() {
        fold_chars(text.chars(), text.len())
    } else {
        fold_chars(text.nfc(), text.len())
    }
}

/// `fold` of text already in NFC.
fn fold_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut folded = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if space && !folded.is_empty() {
            folded.push(' ');
        }
        space = false;
        folded.extend(c.to_lowercase());
    }
    let kept = folded
        .trim_end_matches(['.', '?', '!', ':', ';', ',', '\u{2026}', ' '])
        .len();
    folded.truncate(kept);
    folded
}

/// Whether `fold` could make `text` equal to something it is not already equal to,
/// ASCII case aside (a straight quote may stand for a curly one): worth folding only
/// then.
pub fn may_fold(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .any(|&b| b >= 0x80 || matches!(b, b'\t' | b'`' | b'\'' | b'"' | b'-'))
        || memchr::memmem::find(bytes, b"  ").is_some()
        || matches!(bytes.last(), Some(b'.' | b'?' | b'!' | b':' | b';' | b','))
}

/// The values a tick-any cell may name (its option ids and labels), folded (see
/// `fold`), each with the value as the quiz writes it.
#[derive(Debug, Default)]
pub struct Ticks {
    folded: std::collections::HashMap<String, String>,
    /// The values as the quiz writes them, longest first: a cell that `fold` would
    /// not change is matched against these directly, ASCII case aside.
    values: Vec<String>,
    /// The longest value's length, in bytes: how far a match may reach.
    longest: usize,
}

impl Ticks {
    pub fn new<'v>(values: impl IntoIterator<Item = &'v str>) -> Self {
        let mut ticks = Ticks::default();
        for value in values {
            ticks.longest = ticks.longest.max(value.len());
            ticks
                .folded
                .entry(fold(value))
                .or_insert_with(|| value.to_string());
            ticks.values.push(value.to_string());
        }
        ticks
            .values
            .sort_by_key(|value| std::cmp::Reverse(value.len()));
        ticks
    }

    /// The longest value written at the start of `rest`, ASCII case aside, up to a
    /// separator or the end: its length there, and the value as the quiz writes it.
    fn at_start(&self, rest: &str, separators: &[char]) -> Option<(usize, &str)> {
        self.values.iter().find_map(|value| {
            let head = rest.get(..value.len())?;
            let tail = rest[value.len()..].trim_start();
            (head.eq_ignore_ascii_case(value) && (tail.is_empty() || tail.starts_with(separators)))
                .then_some((value.len(), value.as_str()))
        })
    }

    /// Whether `text` is one of the values as the quiz writes it, ASCII case aside:
    /// the usual cell, which needs no folding.
    pub fn is_written(&self, text: &str) -> bool {
        self.values
            .iter()
            .any(|value| value.len() == text.len() && value.eq_ignore_ascii_case(text))
    }

    /// The value `text` names, as the quiz writes it.
    pub fn known(&self, text: &str) -> Option<&str> {
        self.folded.get(&fold(text)).map(String::as_str)
    }
}

/// The ticked boxes of one cell, as the tools join them: `a;b;c` (careerfit's own
/// CSV), `A;B;` (Microsoft, with a trailing semicolon) or `A, B` (Google, whose labels
/// may themselves hold commas or semicolons). Known values are matched where they
/// stand, the longest first, whatever the separator, so "Art, music or drama" and
/// "Tea; coffee" stay one box each; a known value is given as the quiz writes it.
/// Text that matches none runs to the next separator and is left for the answer
/// check to refuse by name.
pub fn split_ticks<'c>(cell: &'c str, known: &'c Ticks) -> Vec<&'c str> {
    const SEPARATORS: [char; 2] = [',', ';'];
    // Where a box could end is looked for no further than the longest value could
    // reach, with room for spaces that fold to one.
    let reach = known.longest.saturating_mul(2).saturating_add(16);
    let folds = may_fold(cell);
    let mut ticks = Vec::new();
    let mut rest = cell;
    loop {
        rest = rest.trim_start_matches(|c: char| SEPARATORS.contains(&c) || c.is_whitespace());
        if rest.is_empty() {
            return ticks;
        }
        // A box ends before a separator or at the end of the cell: the furthest end
        // that gives a known value is the box. A cell that folding would not change
        // is matched as written, without folding every candidate.
        let matched = if folds {
            let ends: Vec<usize> = rest
                .match_indices(SEPARATORS)
                .map(|(at, _)| at)
                .take_while(|&at| at <= reach)
                .chain((rest.len() <= reach).then_some(rest.len()))
                .collect();
            ends.iter()
                .rev()
                .find_map(|&end| known.known(&rest[..end]).map(|value| (end, value)))
        } else {
            known.at_start(rest, &SEPARATORS)
        };
        let end = match matched {
            Some((end, value)) => {
                ticks.push(value);
                end
            }
            None => {
                let end = rest.find(SEPARATORS).unwrap_or(rest.len());
                ticks.push(rest[..end].trim());
                end
            }
        };
        rest = &rest[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(values: &[&str]) -> Ticks {
        Ticks::new(values.iter().copied())
    }

    #[test]
    fn the_delimiter_is_the_commonest_outside_quotes() {
        assert_eq!(detect_delimiter(b"id,q1,q2\n1,2,3"), b',');
        assert_eq!(detect_delimiter(b"id;q1;q2\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter(b"id\tq1\t\"a;b;c;d\"\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"Do you, or not?\";q2\n"), b';');
        assert_eq!(detect_delimiter(b"id\n1\n"), b',');
    }

    #[test]
    fn google_ticks_keep_labels_that_hold_commas() {
        let labels = known(&["Art, music or drama", "Art", "Health"]);
        assert_eq!(
            split_ticks("Health, Art, music or drama, Art", &labels),
            ["Health", "Art, music or drama", "Art"]
        );
        // A label is matched whatever its case; unknown text runs to the next comma.
        assert_eq!(
            split_ticks("art, music or drama, Cooking", &labels),
            ["Art, music or drama", "Cooking"]
        );
    }

    #[test]
    fn semicolon_ticks_from_microsoft_and_careerfit() {
        let labels = known(&["Art, music or drama", "Health"]);
        assert_eq!(
            split_ticks("Art, music or drama;Health;", &labels),
            ["Art, music or drama", "Health"]
        );
        assert_eq!(split_ticks("a; b ;c", &labels), ["a", "b", "c"]);
        assert_eq!(split_ticks(" ; ", &labels), Vec::<&str>::new());
    }

    #[test]
    fn a_label_that_holds_the_separator_is_one_box_whatever_the_separator() {
        let labels = known(&["Tea; coffee", "Tea", "Water, still", "Milk"]);
        // Google joins with ", ": the ";" inside a label no longer switches the rule.
        assert_eq!(
            split_ticks("Tea; coffee, Milk", &labels),
            ["Tea; coffee", "Milk"]
        );
        assert_eq!(
            split_ticks("Water, still;Tea; coffee;Tea;", &labels),
            ["Water, still", "Tea; coffee", "Tea"]
        );
        // Curly quotes, another dash, spaces: matched as people see them.
        let labels = known(&["I\u{2019}d rather not \u{2013} thanks", "Other"]);
        assert_eq!(
            split_ticks("I'd  rather not - thanks, other", &labels),
            ["I\u{2019}d rather not \u{2013} thanks", "Other"]
        );
    }

    #[test]
    fn text_is_folded_as_people_see_it() {
        let alike = [
            (
                "I\u{2019}d like \u{201C}open plan\u{201D}.",
                "i'd like \"open plan\"",
            ),
            (
                "Caf\u{65}\u{301}  work\u{a0}\u{2014} yes?",
                "caf\u{e9} work - yes",
            ),
            ("\u{feff} How careful are you? ", "how careful are you"),
        ];
        for (text, folded) in alike {
            assert_eq!(fold(text), folded, "{text}");
        }
        assert_eq!(fold("Café"), fold("Cafe\u{301}"));
        assert!(!may_fold("How careful are you"));
        assert!(may_fold("I check my work."));
    }

    #[test]
    fn a_label_is_matched_only_up_to_a_separator() {
        // "Art" must not take the start of "Artistic things".
        let labels = known(&["Art", "Artistic things"]);
        assert_eq!(
            split_ticks("Artistic things, Art", &labels),
            ["Artistic things", "Art"]
        );
        let labels = known(&["Art"]);
        assert_eq!(split_ticks("Artwork, Art", &labels), ["Artwork", "Art"]);
    }

    #[test]
    fn form_columns_are_recognised() {
        for name in [
            "Timestamp",
            "Email Address",
            "Score",
            "ID",
            "Start time",
            "Completion time",
            "Name",
            "Points - How do you feel?",
        ] {
            assert!(is_form_column(name), "{name}");
        }
        assert!(!is_form_column("How do you feel?"));
        assert!(names_someone("a@example.org"));
        assert!(!names_someone("anonymous"));
        assert!(!names_someone(" "));
    }
}
