//! `analyze` at 80 columns with a small class: the warning that there are too few
//! respondents is said once, above the tables, and no column breaks a word.

use crate::common::*;
use std::collections::HashSet;

/// `careerfit analyze` of the HIM quiz with `people` made-up respondents.
fn analyze_him(people: usize) -> String {
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut rows = Vec::new();
    careerfit::sample::json_lines(&quiz, people, 7, &mut rows).unwrap();
    let output = careerfit()
        .arg("analyze")
        .arg(him_quiz())
        .arg("-")
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
}

/// The cells of a table's body line, trimmed: `│ a ┆ b │` is ["a", "b"].
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.strip_prefix('│')?.strip_suffix('│')?;
    Some(inner.split('┆').map(str::trim).collect())
}

#[test]
fn too_few_respondents_is_said_once_above_the_tables() {
    let out = analyze_him(25);
    assert_eq!(
        out.matches("Too few respondents to trust these figures")
            .count(),
        1,
        "{out}"
    );
    assert!(
        out.find("Too few respondents").unwrap() < out.find("Traits:").unwrap(),
        "{out}"
    );
    assert!(!out.contains("too_few_to_trust"), "{out}");
}

#[test]
fn the_trait_table_fits_80_columns_and_breaks_no_word() {
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let words: HashSet<&str> = quiz
        .traits
        .iter()
        .flat_map(|t| t.name.split_whitespace())
        .chain(["Trait"])
        .collect();
    let flags: HashSet<&str> = careerfit::analysis::FLAG_LEGEND
        .iter()
        .map(|(flag, _)| *flag)
        .chain(["Flags"])
        .collect();
    for people in [25, 150] {
        let out = analyze_him(people);
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "{line}");
        }
        // The first table is the traits': its first column holds names, its last flags.
        let table = &out[out.find("Traits:").unwrap()..];
        let table = &table[..table.find('╰').unwrap()];
        for row in table.lines().filter_map(cells) {
            for word in row[0].split_whitespace() {
                assert!(words.contains(word), "`{word}` is a broken word: {row:?}");
            }
            for flag in row[5].split([',', ' ']).filter(|f| !f.is_empty()) {
                assert!(flags.contains(flag), "`{flag}` is a broken flag: {row:?}");
            }
        }
    }
}
