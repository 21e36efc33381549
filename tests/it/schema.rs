//! The JSON Schemas for quiz and result files, and `validate --json`.

use crate::common::*;
use serde_json::{Value, json};

fn schema(kind: &str) -> Value {
    let output = careerfit().args(["schema", kind]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    stdout_json(&output)
}

fn yaml_as_json(path: &std::path::Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn schema_errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_quiz_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(him_quiz().with_file_name("quiz.schema.json"))
        .expect("quizzes/quiz.schema.json");
    let generated = careerfit().args(["schema", "quiz"]).output().unwrap();
    assert!(
        committed == text(&generated.stdout),
        "quizzes/quiz.schema.json is stale: run `cargo run -- schema quiz > quizzes/quiz.schema.json`"
    );
}

#[test]
fn the_committed_translation_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(him_quiz().with_file_name("translation.schema.json"))
        .expect("quizzes/translation.schema.json");
    let generated = careerfit()
        .args(["schema", "translation"])
        .output()
        .unwrap();
    assert!(
        committed == text(&generated.stdout),
        "quizzes/translation.schema.json is stale: run \
         `cargo run -- schema translation > quizzes/translation.schema.json`"
    );
}

#[test]
fn translations_satisfy_the_translation_schema_and_a_misspelt_key_does_not() {
    let schema = schema("translation");
    let mut translations = vec![fixture("small.es.yaml")];
    let him_es = him_quiz().with_file_name("him-career-fit.es.yaml");
    if him_es.exists() {
        translations.push(him_es);
    }
    for file in translations {
        let errors = schema_errors(&schema, &yaml_as_json(&file));
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    let mut misspelt = yaml_as_json(&fixture("small.es.yaml"));
    misspelt["questions"]["q-yes"]["text"]["txt"] = "¿Fiestas?".into();
    assert!(!schema_errors(&schema, &misspelt).is_empty());
}

#[test]
fn the_him_quiz_names_the_schema_for_editors() {
    let quiz = std::fs::read_to_string(him_quiz()).unwrap();
    assert_eq!(
        quiz.lines().next(),
        Some("# yaml-language-server: $schema=quiz.schema.json")
    );
}

#[test]
fn valid_quizzes_satisfy_the_quiz_schema() {
    let schema = schema("quiz");
    for quiz in [him_quiz(), fixture("small.yaml")] {
        let errors = schema_errors(&schema, &yaml_as_json(&quiz));
        assert!(errors.is_empty(), "{}: {errors:#?}", quiz.display());
    }
}

/// The schema carries the rules an editor can check as you type, not only the keys.
#[test]
fn the_quiz_schema_rejects_what_validate_rejects_in_shape() {
    let schema = schema("quiz");
    for (name, expected) in [
        ("unknown-key.yaml", "/questions/0"),
        ("wrong-type.yaml", "/questions/0/weight"),
        ("missing-field.yaml", "/questions/0"),
        ("missing-version.yaml", ""),
        ("unknown-question-type.yaml", "/questions/2/type"),
        ("bad-quiz-id.yaml", "/id"),
        ("id-with-space.yaml", "/questions/2/id"),
        ("option-score-over-one.yaml", "/questions/3/options/0/score"),
        ("negative-question-weight.yaml", "/questions/0/weight"),
        ("zero-question-weight.yaml", "/questions/0/weight"),
        (
            "negative-profile-weight.yaml",
            "/profiles/0/weights/careful",
        ),
        ("minimum-over-100.yaml", "/profiles/0/minimums/careful"),
        ("band-over-100.yaml", "/bands/0/min"),
        ("scale-with-one-label.yaml", "/scales/agree/labels"),
        ("scale-with-twelve-labels.yaml", "/scales/agree/labels"),
        ("no-profiles.yaml", "/profiles"),
    ] {
        let errors = schema_errors(&schema, &yaml_as_json(&fixture("invalid").join(name)));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("{expected}: "))),
            "{name}: expected an error at {expected:?}, got {errors:#?}"
        );
    }
}

#[test]
fn a_result_satisfies_the_result_schema() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "answers.yaml", SMALL_ANSWERS);
    let output = take_small(&answers).arg("--json").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let result = stdout_json(&output);
    let schema = schema("result");
    let errors = schema_errors(&schema, &result);
    assert!(errors.is_empty(), "{errors:#?}");

    // And it is not a schema that accepts anything.
    let mut broken = result.clone();
    broken["profiles"][0]["fit"] = json!(120.0);
    broken["schema"] = json!("careerfit/result/v0");
    broken["surprise"] = json!(true);
    let errors = schema_errors(&schema, &broken);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().any(|e| e.starts_with("/profiles/0/fit: ")));
    assert!(errors.iter().any(|e| e.starts_with("/schema: ")));
}

#[test]
fn validate_json_lists_every_problem_with_its_place() {
    let output = careerfit()
        .current_dir(fixture("invalid"))
        .args([
            "validate",
            "--json",
            "unknown-trait-near-miss.yaml",
            "missing.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    assert_eq!(
        stdout_json(&output),
        json!([
            {
                "file": "unknown-trait-near-miss.yaml",
                "line": 11, "column": 5, "field": "traits[0]",
                "severity": "warning",
                "message": "only one question measures trait `careful`; two or more give a steadier score"
            },
            {
                "file": "unknown-trait-near-miss.yaml",
                "line": 14, "column": 51, "field": "questions[0].trait",
                "severity": "error",
                "message": "question `q1` names unknown trait `carefull`",
                "hint": "did you mean `careful`?"
            },
            {"file": "missing.yaml", "severity": "error", "message": "no such file"}
        ])
    );
}

#[test]
fn validate_json_of_valid_quizzes_is_an_empty_list() {
    let output = careerfit()
        .args(["validate", "--json"])
        .arg(him_quiz())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_json(&output), json!([]));
}

#[test]
fn validate_json_with_only_an_unreadable_file_exits_1() {
    careerfit()
        .args(["validate", "--json", "/nonexistent/quiz.yaml"])
        .assert()
        .code(1)
        .stdout(
            "[\n  {\n    \"file\": \"/nonexistent/quiz.yaml\",\n    \"severity\": \"error\",\n    \
             \"message\": \"no such file\"\n  }\n]\n",
        );
}
