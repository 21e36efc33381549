//! What the form tools write, read as they write it: Google Forms and Microsoft Forms
//! exports (their own columns, their way of joining ticked boxes), the delimiter of a
//! spreadsheet's CSV, and Microsoft's .xlsx download.

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

/// The ticked boxes of one cell, as the tools join them: `a;b;c` (careerfit's own
/// CSV), `A;B;` (Microsoft, with a trailing semicolon) or `A, B` (Google, whose labels
/// may themselves hold commas). Known values (`known`: the question's option ids and
/// labels, longest first) are matched where they stand, so "Art, music or drama"
/// stays one box; text that matches none runs to the next separator and is left for
/// the answer check to refuse by name.
pub fn split_ticks<'c>(cell: &'c str, known: &[String]) -> Vec<&'c str> {
    let separators: &[char] = if cell.contains(';') { &[';'] } else { &[','] };
    let mut ticks = Vec::new();
    let mut rest = cell;
    loop {
        rest = rest.trim_start_matches(|c: char| separators.contains(&c) || c.is_whitespace());
        if rest.is_empty() {
            return ticks;
        }
        let matched = known.iter().find_map(|value| {
            let head = rest.get(..value.len())?;
            let tail = rest[value.len()..].trim_start();
            (head.eq_ignore_ascii_case(value) && (tail.is_empty() || tail.starts_with(separators)))
                .then_some(value.len())
        });
        let end = matched.unwrap_or_else(|| rest.find(separators).unwrap_or(rest.len()));
        ticks.push(rest[..end].trim());
        rest = &rest[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(values: &[&str]) -> Vec<String> {
        let mut known: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        known.sort_by_key(|v| std::cmp::Reverse(v.len()));
        known
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
        let labels = known(&["Art, music or drama", "Art", "Health", "health"]);
        assert_eq!(
            split_ticks("Health, Art, music or drama, Art", &labels),
            ["Health", "Art, music or drama", "Art"]
        );
        // A label is matched whatever its case; unknown text runs to the next comma.
        assert_eq!(
            split_ticks("art, music or drama, Cooking", &labels),
            ["art, music or drama", "Cooking"]
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
