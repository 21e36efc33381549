//! `careerfit validate`: every problem, with its place, in one run.

use crate::common::*;
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
            "him-career-fit.yaml: valid: quiz `him-career-fit` with 19 traits, 60 questions, 5 pathways",
        ))
        .stdout(predicate::str::contains("small.yaml: valid: quiz `small`"));
}

#[test]
fn every_error_of_meaning_is_reported_with_its_place_in_one_run() {
    let output = careerfit()
        .current_dir(fixture(""))
        .args(["validate", "several-errors.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(text(&output.stderr));
}

/// A quiz author's bad day: the HIM quiz broken five ways, two of shape and three of
/// meaning. One run reports all five, each at the line of the break.
#[test]
fn five_faults_in_the_him_quiz_are_all_reported_with_their_lines() {
    let original = std::fs::read_to_string(him_quiz()).unwrap();
    let breaks = [
        // A misspelt key (shape).
        (
            "    text: I would be glad to support",
            "    txt: I would be glad to support",
        ),
        // A weight that is not a number (shape).
        (
            "    trait: health-care-without-patients\n    type: choice\n    weight: 3",
            "    trait: health-care-without-patients\n    type: choice\n    weight: heavy",
        ),
        // A misspelt trait (meaning).
        (
            "    trait: varied-career\n  - id: work-settings",
            "    trait: varied-carer\n  - id: work-settings",
        ),
        // An option scored above 1 (meaning).
        (
            "label: A hospital, score: 0.25}",
            "label: A hospital, score: 25}",
        ),
        // A negative profile weight (meaning).
        ("      management: 14", "      management: -14"),
    ];
    let mut broken = original.clone();
    for (from, to) in breaks {
        assert_eq!(broken.matches(from).count(), 1, "{from:?} is not unique");
        broken = broken.replace(from, to);
    }
    let line_of = |needle: &str| broken[..broken.find(needle).unwrap()].matches('\n').count() + 1;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "him.yaml", &broken);
    let output = careerfit()
        .current_dir(dir.path())
        .args(["validate", "him.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    let expected = [
        format!(
            "him.yaml:{}:12: error: questions[0].trait: question `many-directions` names unknown trait `varied-carer`",
            line_of("varied-carer")
        ),
        format!(
            "him.yaml:{}:50: error: questions[1].options[0].score: option `hospital` has score 25",
            line_of("label: A hospital, score: 25}")
        ),
        format!(
            "him.yaml:{}:5: error: questions[3].txt: unknown field `txt`",
            line_of("    txt: I would")
        ),
        format!(
            "him.yaml:{}:13: error: questions[4].weight: invalid type: string \"heavy\", expected a number",
            line_of("weight: heavy")
        ),
        format!(
            "him.yaml:{}:19: error: profiles[3].weights.management: weight -14",
            line_of("management: -14")
        ),
    ];
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 5, "{stderr}");
    for (error, expected) in errors.iter().zip(&expected) {
        assert!(
            error.starts_with(expected.as_str()),
            "expected {expected:?}, got\n{stderr}"
        );
    }
    assert!(
        stderr.ends_with("him.yaml: invalid: 5 errors\n"),
        "{stderr}"
    );
}

/// The corpus of bad quiz files: one fault each, each with one reviewed message.
#[test]
fn every_bad_quiz_in_the_corpus_gets_one_clear_error() {
    let corpus = std::fs::read_dir(fixture("invalid")).unwrap().count();
    assert!(corpus >= 30, "only {corpus} bad quiz files");
    insta::glob!("../fixtures", "invalid/*.yaml", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let stderr = problems_of(name);
        assert!(!stderr.contains("panicked"), "{stderr}");
        let errors = stderr.lines().filter(|l| l.contains(": error: ")).count();
        assert_eq!(errors, 1, "one fault, one error:\n{stderr}");
        assert!(
            stderr.starts_with(&format!("{name}:")),
            "the file is named first:\n{stderr}"
        );
        // The fixture's first line says what its fault is; reviewers see it beside the message.
        let fault = std::fs::read(path).unwrap();
        let fault = String::from_utf8_lossy(&fault)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        insta::with_settings!({ description => fault, omit_expression => true }, {
            insta::assert_snapshot!(stderr);
        });
    });
}

#[test]
fn a_missing_file_is_an_io_error_and_others_are_still_checked() {
    careerfit()
        .args(["validate", "/nonexistent/quiz.yaml"])
        .arg(fixture("small.yaml"))
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: /nonexistent/quiz.yaml: no such file\n",
        ))
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
    let long = "I like it. ".repeat(19);
    let quiz = write(
        dir.path(),
        "warn.yaml",
        &format!(
            "id: warn\ntitle: W\nversion: '1'\ntraits:\n  - {{id: t, name: T}}\n  - {{id: u, name: U}}\n\
             \x20 - {{id: v, name: V}}\nquestions:\n  - {{id: q1, text: Q, trait: t}}\n\
             \x20 - {{id: q2, text: '{long}', trait: u}}\n  - {{id: q3, text: Q, trait: u}}\n\
             \x20 - {{id: q4, text: Q, trait: v}}\n  - {{id: q5, text: Q, trait: v}}\n\
             profiles:\n  - {{id: p, title: P, weights: {{t: 1, u: 1, v: 1}}}}\n\
             \x20 - {{id: narrow, title: N, weights: {{u: 1}}}}\n"
        ),
    );
    let output = careerfit().arg("validate").arg(&quiz).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!(
            "{}: valid: quiz `warn` with 3 traits, 5 questions, 2 pathways, 3 warnings\n",
            quiz.display()
        )
    );
    let file = quiz.display();
    assert_eq!(
        text(&output.stderr),
        format!(
            "{file}:5:5: warning: traits[0]: only one question measures trait `t`; \
             two or more give a steadier score\n\
             {file}:10:20: warning: questions[1].text: question `q2` is 209 characters long; \
             over 200, people skim\n\
             {file}:16:37: warning: profiles[1].weights: profile `narrow` weighs 1 of the 3 \
             traits, so its fit ignores most answers\n"
        )
    );
}

/// Three faults in one file, of shape and of meaning: each is told at its own line,
/// column and index, as if it were the only one (a question left out for its broken
/// weight does not move the questions after it).
#[test]
fn each_error_keeps_its_own_place_whatever_other_errors_the_file_holds() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "three.yaml",
        "\
id: three-errors
title: Three errors
version: \"1\"
traits:
  - {id: careful, name: Careful}
  - {id: pace, name: Comfort with a busy, steady pace}
questions:
  - {id: q1, text: One, trait: careful}
  - {id: q2, text: Two, trait: careful, weight: two}
  - {id: q3, text: Three, trait: pace}
  - {id: q4, text: Four, trait: carefull}
profiles:
  - id: p
    title: P
    weights: {careful: 1, pace: 1}
",
    );
    let output = careerfit()
        .current_dir(dir.path())
        .args(["validate", "three.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(text(&output.stderr));
}

#[test]
fn a_title_that_asks_a_question_without_a_verdict_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let small = std::fs::read_to_string(fixture("small.yaml")).unwrap();
    let title = small
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_string();
    assert!(!small.contains("\nverdict:"), "small.yaml has no verdict");
    write(
        dir.path(),
        "asks.yaml",
        &small.replace(&title, "title: Is desk work for me?"),
    );
    let output = careerfit()
        .current_dir(dir.path())
        .args(["validate", "asks.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "a warning, not an error");
    let stderr = text(&output.stderr);
    let line = small.lines().position(|l| l == title).unwrap() + 1;
    assert!(
        stderr.starts_with(&format!(
            "asks.yaml:{line}:8: warning: title: the title asks a question, and the quiz has no \
             `verdict:` to answer it: results will rank the pathways but never say yes, \
             maybe or probably not; add a `verdict:` (see quizzes/README.md)\n"
        )),
        "{stderr}"
    );
    // The same title with a verdict, or a title that asks nothing: no warning.
    let output = careerfit()
        .current_dir(fixture(""))
        .args(["validate", "forced.yaml", "small.yaml"])
        .output()
        .unwrap();
    assert!(!text(&output.stderr).contains("asks a question"));
}

/// Too few near pairs for the consistency check: said, at the `pairs` line; a
/// `related` pair counts in no check and is not counted (issue #30).
#[test]
fn too_few_near_pairs_for_the_consistency_check_are_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let small = std::fs::read_to_string(crate::common::fixture("small.yaml")).unwrap();
    let with = format!(
        "{small}pairs:\n  - {{questions: [q-scale, q-reverse], relation: opposite}}\n  - {{questions: [q-scale, q-required], relation: same, closeness: related}}\n"
    );
    let file = crate::common::write(dir.path(), "pairs.yaml", &with);
    let line = with[..with.find("pairs:\n").unwrap()].matches('\n').count() + 1;
    let output = careerfit().arg("validate").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "pairs.yaml:{line}:1: warning: pairs: 1 near pair declared; the consistency check \
             reads pairs only when 5 or more are answered, so it counts in no check: declare \
             more near pairs, or none"
        )),
        "{stderr}"
    );
}
