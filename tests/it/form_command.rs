//! `careerfit form`: the Google Form (as an Apps Script) and the plain list are built
//! from the quiz file, and a form built from them comes back through `score` whole.
//! Generic over the quiz: nothing here names a question of the HIM quiz.

use crate::common::*;
use careerfit::quiz::{QuestionKind, Quiz};
use serde_json::{Value, json};
use std::path::Path;

/// One item of the script: how it is added, its title and its choices, required or not.
#[derive(Debug, PartialEq)]
struct Item {
    add: String,
    title: String,
    choices: Vec<String>,
    required: bool,
}

/// `careerfit form QUIZ --format FORMAT`'s stdout, which must exit 0.
fn form(quiz: &Path, format: &str) -> String {
    let output = careerfit()
        .arg("form")
        .arg(quiz)
        .args(["--format", format])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
}

/// The items of an Apps Script as `careerfit form` writes them: `form.addXItem()`, then
/// `.setTitle(..)`, `.setChoiceValues([..])` and `.setRequired(..)` a line each, their
/// arguments read as JSON (a JavaScript string literal of ours is a JSON one).
fn items(script: &str) -> Vec<Item> {
    let lines: Vec<&str> = script.lines().map(str::trim).collect();
    let argument = |line: &str, call: &str| -> Value {
        let inner = line
            .strip_prefix(call)
            .and_then(|l| l.strip_suffix(")").or_else(|| l.strip_suffix(");")))
            .unwrap_or_else(|| panic!("`{line}` is not {call}...)"));
        serde_json::from_str(inner).unwrap()
    };
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let add = line.strip_prefix("form.")?.strip_suffix("Item()")?;
            Some(Item {
                add: add.to_string(),
                title: argument(lines[i + 1], ".setTitle(")
                    .as_str()
                    .unwrap()
                    .to_string(),
                choices: serde_json::from_value(argument(lines[i + 2], ".setChoiceValues("))
                    .unwrap(),
                required: argument(lines[i + 3], ".setRequired(").as_bool().unwrap(),
            })
        })
        .collect()
}

/// What the quiz file says each item must be.
fn expected_items(quiz: &Quiz) -> Vec<Item> {
    quiz.questions
        .iter()
        .map(|q| {
            let (add, choices): (&str, Vec<String>) = match &q.kind {
                QuestionKind::Scale { labels, .. } => ("addMultipleChoice", labels.clone()),
                QuestionKind::YesNo { .. } => {
                    ("addMultipleChoice", vec!["Yes".into(), "No".into()])
                }
                QuestionKind::Choice { options } => (
                    "addMultipleChoice",
                    options.iter().map(|o| o.label.clone()).collect(),
                ),
                QuestionKind::Multi { options } => (
                    "addCheckbox",
                    options.iter().map(|o| o.label.clone()).collect(),
                ),
            };
            Item {
                add: add.to_string(),
                title: q.text.clone(),
                choices,
                required: q.required,
            }
        })
        .collect()
}

/// The quizzes the tests build forms of: the built-in HIM quiz and a small one with
/// every kind of question, a reverse scale and a required question.
fn quizzes() -> Vec<(std::path::PathBuf, Quiz)> {
    [him_quiz(), fixture("small.yaml")]
        .into_iter()
        .map(|path| {
            let quiz = careerfit::quiz::load_path(&path).unwrap().0;
            (path, quiz)
        })
        .collect()
}

#[test]
fn the_apps_script_adds_every_question_in_order_with_its_text_type_labels_and_required() {
    for (path, quiz) in quizzes() {
        let script = form(&path, "apps-script");
        assert!(script.contains("function createForm() {"));
        assert!(script.contains(&format!("FormApp.create({})", json!(quiz.title))));
        assert_eq!(items(&script), expected_items(&quiz), "{}", path.display());
    }
}

#[test]
fn the_apps_script_is_valid_javascript() {
    let Ok(version) = std::process::Command::new("node").arg("--version").output() else {
        println!("note: node is not on PATH, so the script's syntax is not checked");
        return;
    };
    assert!(version.status.success());
    let dir = tempfile::tempdir().unwrap();
    for (path, _) in quizzes() {
        let script = write(dir.path(), "form.js", &form(&path, "apps-script"));
        let checked = std::process::Command::new("node")
            .arg("--check")
            .arg(&script)
            .output()
            .unwrap();
        assert!(checked.status.success(), "{}", text(&checked.stderr));
    }
}

#[test]
fn the_text_form_lists_every_question_with_its_labels() {
    for (path, quiz) in quizzes() {
        let listed = form(&path, "text");
        assert!(listed.starts_with(&format!("{}\n", quiz.title)));
        let mut rest = listed.as_str();
        for (n, item) in expected_items(&quiz).iter().enumerate() {
            let required = if item.required { " (required)" } else { "" };
            let how = if item.add == "addCheckbox" {
                "Tick any:"
            } else {
                "Choose one:"
            };
            let mut block = format!("\n{}. {}{required}\n   {how}\n", n + 1, item.title);
            for choice in &item.choices {
                block.push_str(&format!("   - {choice}\n"));
            }
            let at = rest
                .find(&block)
                .unwrap_or_else(|| panic!("{block} in order"));
            rest = &rest[at + block.len()..];
        }
        assert_eq!(rest, "");
    }
}

/// A Google Forms export of the form the script makes, as Google writes it:
/// Timestamp, then each item's title; one answer's label, or the ticked labels joined
/// with ", ". Each of `people` answers differently; beside each row, the same answers
/// as an answers file gives them (positions, yes/no, option ids).
fn google_export(items: &[Item], quiz: &Quiz, people: usize) -> (Vec<u8>, Vec<Value>) {
    let mut csv = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["Timestamp".to_string()];
    header.extend(items.iter().map(|i| i.title.clone()));
    csv.write_record(&header).unwrap();
    let mut answers_files = Vec::new();
    for person in 0..people {
        let mut row = vec![format!("2026/11/0{} 10:15:00 AM GMT", person + 1)];
        let mut answers = serde_json::Map::new();
        for (n, (item, question)) in items.iter().zip(&quiz.questions).enumerate() {
            let count = item.choices.len();
            let (cell, answer) = match &question.kind {
                QuestionKind::Multi { options } => {
                    // Every other box from a place that moves: never none ticked.
                    let ticked: Vec<usize> =
                        (0..count).filter(|j| (j + person + n) % 2 == 0).collect();
                    let cell: Vec<&str> =
                        ticked.iter().map(|&j| item.choices[j].as_str()).collect();
                    let ids: Vec<&str> = ticked.iter().map(|&j| options[j].id.as_str()).collect();
                    (cell.join(", "), json!(ids))
                }
                kind => {
                    let j = (person * 3 + n) % count;
                    let answer = match kind {
                        QuestionKind::Scale { .. } => json!(j + 1),
                        QuestionKind::YesNo { .. } => json!(j == 0),
                        QuestionKind::Choice { options } => json!(options[j].id),
                        QuestionKind::Multi { .. } => unreachable!(),
                    };
                    (item.choices[j].clone(), answer)
                }
            };
            row.push(cell);
            answers.insert(question.id.clone(), answer);
        }
        csv.write_record(&row).unwrap();
        answers_files.push(json!({"quiz": quiz.id, "answers": answers}));
    }
    (csv.into_inner().unwrap(), answers_files)
}

#[test]
fn a_google_export_of_the_form_is_scored_with_every_question_matched() {
    let dir = tempfile::tempdir().unwrap();
    for (path, quiz) in quizzes() {
        let items = items(&form(&path, "apps-script"));
        let (csv, answers_files) = google_export(&items, &quiz, 4);
        let export = write(
            dir.path(),
            "responses.csv",
            &String::from_utf8(csv).unwrap(),
        );
        let scored = careerfit()
            .arg("score")
            .arg(&path)
            .arg(&export)
            .args(["--strict", "--full"])
            .output()
            .unwrap();
        assert_eq!(scored.status.code(), Some(0), "{}", text(&scored.stderr));
        assert_eq!(
            text(&scored.stderr),
            "",
            "no warning: every column is a question"
        );
        let rows: Vec<Value> = text(&scored.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), answers_files.len());
        for (row, answers) in rows.iter().zip(&answers_files) {
            let file = write(dir.path(), "answers.json", &answers.to_string());
            let taken = careerfit()
                .args(["take", "--json", "--answers"])
                .arg(&file)
                .arg(&path)
                .output()
                .unwrap();
            assert_eq!(taken.status.code(), Some(0), "{}", text(&taken.stderr));
            let taken = stdout_json(&taken);
            let answered = row["answers"].as_array().unwrap();
            assert_eq!(answered.len(), quiz.questions.len());
            assert!(answered.iter().all(|a| !a["answer"].is_null()), "{row}");
            assert_eq!(row["answers"], taken["answers"]);
            assert_eq!(row["traits"], taken["traits"]);
            assert_eq!(row["profiles"], taken["profiles"]);
        }
    }
}

/// The first ```sh block after `heading` in the README.
fn readme_sh_block(heading: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find(heading).expect("the heading")..];
    let start = section.find("```sh\n").expect("a block") + "```sh\n".len();
    let end = section[start..].find("```").unwrap();
    section[start..start + end].to_string()
}

/// The README's form commands run as written, in order, in a folder where the form's
/// responses (a Google export of it) are `responses.csv`; `> FILE` is stdout saved.
#[test]
fn the_readme_form_commands_run_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, quiz) = quizzes().remove(0);
    let (csv, _) = google_export(&items(&form(&path, "apps-script")), &quiz, 3);
    std::fs::write(dir.path().join("responses.csv"), csv).unwrap();
    let block = readme_sh_block("## From a form to scores");
    let mut ran = 0;
    for line in block.lines() {
        let command = line.split('#').next().unwrap().trim();
        let (command, saved) = match command.split_once('>') {
            Some((command, file)) => (command, Some(file.trim())),
            None => (command, None),
        };
        let words: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(words[0], "careerfit", "{line}");
        let output = careerfit()
            .current_dir(dir.path())
            .args(&words[1..])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{line}: {}",
            text(&output.stderr)
        );
        if let Some(file) = saved {
            std::fs::write(dir.path().join(file), &output.stdout).unwrap();
        }
        ran += 1;
    }
    assert_eq!(ran, 3);
    let script = std::fs::read_to_string(dir.path().join("form.gs")).unwrap();
    assert_eq!(items(&script).len(), quiz.questions.len());
}
