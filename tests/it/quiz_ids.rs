//! A quiz in ./quizzes/ is found by the id `list` shows, whatever its file name:
//! `take`, `score`, `analyze` and `validate` all take it.

use crate::common::*;
use std::path::Path;

/// tests/fixtures/small.yaml under another file name and id, in DIR/quizzes/.
fn small_quiz_as(dir: &Path, file: &str, id: &str) {
    let text = std::fs::read_to_string(fixture("small.yaml")).unwrap();
    let text = text.replacen("id: small\n", &format!("id: {id}\n"), 1);
    std::fs::create_dir_all(dir.join("quizzes")).unwrap();
    write(&dir.join("quizzes"), file, &text);
}

/// A row of answers to the small quiz, as `score` reads it.
fn small_row() -> String {
    let answers: serde_yaml::Value = serde_yaml::from_str(SMALL_ANSWERS).unwrap();
    let answers = serde_json::to_value(&answers["answers"]).unwrap();
    format!("{}\n", serde_json::json!({"id": "r1", "answers": answers}))
}

#[test]
fn the_declared_id_is_taken_by_every_command_whatever_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    small_quiz_as(dir.path(), "pharmacy-tech.yaml", "pharmacy-tech-fit");
    let run = |args: &[&str]| {
        careerfit()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };

    let answers = write(
        dir.path(),
        "answers.yaml",
        &SMALL_ANSWERS.replace("small", "pharmacy-tech-fit"),
    );
    let taken = careerfit()
        .current_dir(dir.path())
        .args(["take", "pharmacy-tech-fit", "--json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(taken.status.code(), Some(0), "{}", text(&taken.stderr));
    assert_eq!(stdout_json(&taken)["quiz"]["id"], "pharmacy-tech-fit");

    write(dir.path(), "rows.jsonl", &small_row());
    for command in ["score", "analyze"] {
        let output = run(&[command, "pharmacy-tech-fit", "rows.jsonl"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{command}: {}",
            text(&output.stderr)
        );
    }

    let validated = run(&["validate", "pharmacy-tech-fit"]);
    assert_eq!(
        validated.status.code(),
        Some(0),
        "{}",
        text(&validated.stderr)
    );
    assert!(text(&validated.stdout).starts_with("quizzes/pharmacy-tech.yaml"));

    // The file name still works too.
    let by_name = run(&["score", "pharmacy-tech", "rows.jsonl"]);
    assert_eq!(by_name.status.code(), Some(0), "{}", text(&by_name.stderr));
}

#[test]
fn validate_by_id_reports_the_problems_of_the_file_that_declares_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("quizzes")).unwrap();
    write(
        &dir.path().join("quizzes"),
        "broken.yaml",
        "id: broken-quiz\ntitle: Broken\n",
    );
    let output = careerfit()
        .current_dir(dir.path())
        .args(["validate", "broken-quiz"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("quizzes/broken.yaml"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn two_files_with_one_id_are_an_error_that_names_both() {
    let dir = tempfile::tempdir().unwrap();
    small_quiz_as(dir.path(), "first.yaml", "twice");
    small_quiz_as(dir.path(), "second.yaml", "twice");
    write(dir.path(), "rows.jsonl", &small_row());
    let expected = "error: quizzes/first.yaml and quizzes/second.yaml both have the id `twice`; \
                    give the path of the quiz you mean, or give each file its own id\n";
    for args in [
        &["score", "twice", "rows.jsonl"][..],
        &["analyze", "twice", "rows.jsonl"],
        &["take", "twice", "--answers", "rows.jsonl"],
        &["validate", "twice"],
    ] {
        let output = careerfit()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&output.stderr), expected, "{args:?}");
    }
    // A path still picks one of them.
    let output = careerfit()
        .current_dir(dir.path())
        .args(["score", "quizzes/first.yaml", "rows.jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn an_unknown_id_suggests_a_declared_one() {
    let dir = tempfile::tempdir().unwrap();
    small_quiz_as(dir.path(), "pharmacy-tech.yaml", "pharmacy-tech-fit");
    let output = careerfit()
        .current_dir(dir.path())
        .args(["score", "pharmacy-tech-fitt", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: there is no quiz `pharmacy-tech-fitt` (did you mean `pharmacy-tech-fit`?); \
         `careerfit list` shows the quizzes, or give the path to a quiz file\n"
    );
}

#[test]
fn list_shows_each_id_whole_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    small_quiz_as(dir.path(), "pharmacy-tech.yaml", "pharmacy-tech-fit");
    let output = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let listed = text(&output.stdout);
    for id in ["him-career-fit", "pharmacy-tech-fit"] {
        assert!(
            listed
                .lines()
                .any(|line| line.starts_with(&format!("│ {id} "))),
            "{listed}"
        );
    }
}
