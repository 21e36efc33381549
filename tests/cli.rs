//! The command line as a whole: help, list, exit codes.

mod common;
use common::*;
use predicates::prelude::*;

#[test]
fn help_lists_the_commands_and_exit_codes() {
    careerfit()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Health Information Management"))
        .stdout(predicate::str::contains("take"))
        .stdout(predicate::str::contains("list"))
        .stdout(predicate::str::contains("validate"))
        .stdout(predicate::str::contains("130 interrupted"));
    careerfit()
        .args(["take", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--answers <FILE>"))
        .stdout(predicate::str::contains("--force"));
}

#[test]
fn help_fits_80_columns() {
    for args in [
        vec!["--help"],
        vec!["take", "--help"],
        vec!["validate", "--help"],
        vec!["schema", "--help"],
    ] {
        let output = careerfit().args(&args).output().unwrap();
        for line in text(&output.stdout).lines() {
            assert!(line.chars().count() <= 80, "{args:?}: {line}");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    careerfit().arg("frobnicate").assert().code(2);
    careerfit().args(["take", "--force"]).assert().code(2);
    careerfit().arg("validate").assert().code(2);
}

#[test]
fn list_shows_the_built_in_quiz_and_local_files() {
    let dir = tempfile::tempdir().unwrap();
    // No ./quizzes folder: only the built-in quiz.
    careerfit()
        .current_dir(dir.path())
        .arg("list")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("him-career-fit"))
        .stdout(predicate::str::contains("Is a career in HIM right for me?"))
        .stdout(predicate::str::contains("35"))
        .stdout(predicate::str::contains("built-in"));

    std::fs::create_dir(dir.path().join("quizzes")).unwrap();
    std::fs::copy(fixture("small.yaml"), dir.path().join("quizzes/small.yaml")).unwrap();
    write(&dir.path().join("quizzes"), "broken.yaml", "id: [\n");
    let output = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("A small quiz"), "{stdout}");
    assert!(stdout.contains("quizzes/small.yaml"), "{stdout}");
    assert!(stdout.contains("invalid: see `careerfit"), "{stdout}");

    // A quiz in ./quizzes can be taken by its id.
    careerfit()
        .current_dir(dir.path())
        .args(["take", "small", "--json", "--answers", "-"])
        .write_stdin(SMALL_ANSWERS)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"id\": \"small\""));
}
