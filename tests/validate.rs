//! `careerfit validate`: every problem, with its place, in one run.

mod common;
use common::*;
use predicates::prelude::*;

/// Run validate on one invalid fixture: exit 2, nothing on stdout, the problems on stderr.
fn problems_of(name: &str) -> String {
    let output = careerfit()
        .current_dir(fixture("invalid"))
        .args(["validate", name])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty());
    text(&output.stderr)
}

#[test]
fn the_him_quiz_and_the_test_quiz_are_valid() {
    careerfit()
        .arg("validate")
        .arg(him_quiz())
        .arg(fixture("small.yaml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "him-career-fit.yaml: valid: quiz `him-career-fit` with 17 traits, 35 questions, 5 pathways",
        ))
        .stdout(predicate::str::contains("small.yaml: valid: quiz `small`"));
}

#[test]
fn every_error_of_meaning_is_reported_with_its_field() {
    insta::assert_snapshot!(problems_of("several-errors.yaml"));
}

#[test]
fn references_types_ids_and_bands_are_checked() {
    insta::assert_snapshot!(problems_of("bad-references.yaml"));
}

#[test]
fn a_syntax_error_has_line_and_column() {
    let stderr = problems_of("syntax.yaml");
    assert!(stderr.starts_with("syntax.yaml:6:10: error: "), "{stderr}");
    insta::assert_snapshot!(stderr);
}

#[test]
fn an_unknown_key_has_line_column_and_field() {
    insta::assert_snapshot!(problems_of("unknown-key.yaml"));
}

#[test]
fn a_value_of_the_wrong_type_has_line_column_and_field() {
    insta::assert_snapshot!(problems_of("wrong-type.yaml"));
}

#[test]
fn a_missing_file_is_an_io_error_and_others_are_still_checked() {
    careerfit()
        .args(["validate", "/nonexistent/quiz.yaml"])
        .arg(fixture("small.yaml"))
        .assert()
        .code(1)
        .stderr("error: /nonexistent/quiz.yaml: no such file\n")
        .stdout(predicate::str::contains("small.yaml: valid"));
}

#[test]
fn an_empty_file_and_a_folder_are_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.yaml", "");
    careerfit()
        .arg("validate")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: error: the file is empty",
            empty.display()
        )));
    careerfit()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}: is a folder, not a file\n",
            dir.path().display()
        ));
}

#[test]
fn warnings_do_not_fail_validation() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = write(
        dir.path(),
        "warn.yaml",
        "id: warn\ntitle: W\nversion: '1'\ntraits:\n  - {id: t, name: T}\n  - {id: u, name: U}\n\
         questions:\n  - {id: q, text: Q, trait: t}\nprofiles:\n  - {id: p, title: P, weights: {t: 1}}\n",
    );
    careerfit()
        .arg("validate")
        .arg(&quiz)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("valid: quiz `warn`")
                .and(predicate::str::contains("3 warnings")),
        )
        .stderr(predicate::str::contains(
            "traits[1]: warning: no question measures trait `u`, so it is never scored",
        ));
}
