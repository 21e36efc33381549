//! Helpers so that each integration test reads as a sentence.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The real binary, with a clean colour environment.
pub fn careerfit() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_careerfit"));
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    // English whatever the machine's locale: a test that wants another says so.
    for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(locale);
    }
    cmd
}

/// The binary as a plain process (for a pseudo-terminal, or signals), in English
/// whatever the machine's locale, as `careerfit()` is.
pub fn careerfit_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_careerfit"));
    for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(locale);
    }
    cmd
}

/// `careerfit take tests/fixtures/small.yaml --answers ANSWERS`, ready for more arguments.
pub fn take_small(answers: &Path) -> assert_cmd::Command {
    let mut cmd = careerfit();
    cmd.arg("take")
        .arg(fixture("small.yaml"))
        .arg("--answers")
        .arg(answers);
    cmd
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn him_quiz() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/him-career-fit.yaml")
}

pub fn stdout_json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Write a file into `dir` and give back its path.
pub fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

pub fn assert_close(actual: &serde_json::Value, expected: f64) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// The answers to tests/fixtures/small.yaml whose scores are worked out in src/scoring.rs.
pub const SMALL_ANSWERS: &str = "\
quiz: small
answers:
  q-scale: 2
  q-reverse: Low
  q-yes: true
  q-no-rev: yes
  q-choice: b
  q-multi: [x, y]
  q-required: Agree
";

pub enum Extreme {
    Top,
    Bottom,
}

/// Answers to every HIM question at its highest (or lowest) value, read from the quiz
/// file; questions without a `trait` (forced choices) are skipped.
pub fn him_answers_at(extreme: Extreme) -> String {
    let quiz: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(him_quiz()).unwrap()).unwrap();
    let top = matches!(extreme, Extreme::Top);
    let mut out = String::from("quiz: him-career-fit\nanswers:\n");
    for q in quiz["questions"].as_sequence().unwrap() {
        let id = q["id"].as_str().unwrap();
        let reverse = q["reverse"].as_bool().unwrap_or(false);
        let kind = q["type"].as_str().unwrap_or("scale");
        let answer = match kind {
            "scale" => {
                let scale = q["scale"].as_str().unwrap_or("agreement");
                let n = quiz["scales"][scale]["labels"].as_sequence().unwrap().len();
                if top != reverse {
                    n.to_string()
                } else {
                    "1".to_string()
                }
            }
            "yes_no" => (top != reverse).to_string(),
            // A forced choice gives one trait its top score only by giving the others
            // nothing: it is left out, so that every trait can be at its extreme.
            _ if q.get("trait").is_none() => "null".to_string(),
            _ => {
                let options = q["options"].as_sequence().unwrap();
                let wanted: Vec<&str> = options
                    .iter()
                    .filter(|o| {
                        let score = option_score(o);
                        if top { score > 0.0 } else { score == 0.0 }
                    })
                    .map(|o| o["id"].as_str().unwrap())
                    .collect();
                if kind == "multi" {
                    if top {
                        format!("[{}]", wanted.join(", "))
                    } else {
                        "[]".to_string()
                    }
                } else {
                    let best = options
                        .iter()
                        .max_by(|a, b| {
                            let (a, b) = (option_score(a), option_score(b));
                            if top {
                                a.total_cmp(&b)
                            } else {
                                b.total_cmp(&a)
                            }
                        })
                        .unwrap();
                    best["id"].as_str().unwrap().to_string()
                }
            }
        };
        out.push_str(&format!("  {id}: {answer}\n"));
    }
    out
}

/// What an option is worth: its `score`, or the most its `scores` give any trait
/// (a forced choice's options), or 0 when it names none.
fn option_score(option: &serde_yaml::Value) -> f64 {
    option["score"].as_f64().unwrap_or_else(|| {
        option["scores"].as_mapping().map_or(0.0, |m| {
            m.values().filter_map(|v| v.as_f64()).fold(0.0, f64::max)
        })
    })
}

/// Each line of stdout, as JSON: `score`'s rows.
pub fn json_lines(output: &std::process::Output) -> Vec<serde_json::Value> {
    text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A result without the fields that differ between two runs of the same answers.
pub fn comparable(mut result: serde_json::Value) -> serde_json::Value {
    let object = result.as_object_mut().unwrap();
    object.remove("completed_at");
    object.remove("id");
    result
}

/// `take QUIZ --json --answers FILE`, exit 0, parsed.
pub fn take_json(quiz: &Path, answers: &Path) -> serde_json::Value {
    let output = careerfit()
        .arg("take")
        .arg(quiz)
        .args(["--json", "--answers"])
        .arg(answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("the result is JSON")
}
