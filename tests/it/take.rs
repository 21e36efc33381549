//! `careerfit take --answers`: the scoring contract, seen from the command line.

use crate::common::*;
use predicates::prelude::*;

#[test]
fn answers_file_gives_the_hand_computed_result_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let result = take_json(&fixture("small.yaml"), &answers);
    assert_eq!(result["schema"], "careerfit/result/v2");
    assert_eq!(result["confidence"], "ok");
    assert_eq!(result["quiz"]["id"], "small");
    assert_eq!(result["quiz"]["version"], "2");
    let completed_at = result["completed_at"].as_str().unwrap();
    assert!(
        completed_at.len() == 20 && completed_at.ends_with('Z') && completed_at.contains('T'),
        "{completed_at}"
    );

    let answers = result["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 7);
    assert_eq!(answers[0]["question"], "q-scale");
    assert_eq!(answers[0]["answer"], 2);
    assert_close(&answers[0]["value"], 0.5);
    assert_eq!(answers[1]["answer"], 1, "a label is stored as its position");
    assert_close(&answers[1]["value"], 1.0);
    assert_eq!(answers[3]["answer"], true);
    assert_close(&answers[3]["value"], 0.0);
    assert_eq!(answers[4]["answer"], "b");
    assert_eq!(answers[5]["answer"], serde_json::json!(["x", "y"]));
    assert_close(&answers[5]["value"], 1.0);

    let traits = result["traits"].as_array().unwrap();
    assert_eq!(traits[0]["id"], "careful");
    assert_close(&traits[0]["score"], 68.75);
    assert_close(&traits[1]["score"], 25.0);
    assert_close(&traits[2]["score"], 250.0 / 3.0);
    assert_eq!(traits[0]["answered"], 3);
    assert_eq!(traits[0]["questions"], 3);

    let profiles = result["profiles"].as_array().unwrap();
    let ids: Vec<&str> = profiles.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["gamma", "alpha", "beta"]);
    assert_close(&profiles[1]["fit"], 57.8125);
    assert_eq!(profiles[1]["band"], "Good fit");
    assert_eq!(profiles[1]["education"], "Alpha school");
    assert_eq!(
        profiles[1]["job_titles"],
        serde_json::json!(["Alpha worker"])
    );
    assert_eq!(
        profiles[1]["certifications"],
        serde_json::json!([{"name": "Alpha cert", "detail": "Renew often"}])
    );
    assert_eq!(profiles[1]["next_steps"][1], "Pass the alpha exam");
    assert_eq!(profiles[1]["growth_areas"], serde_json::json!(["social"]));
    assert_eq!(profiles[0]["band"], "Strong fit");
    assert_eq!(result["warnings"], serde_json::json!([]));
}

#[test]
fn skipped_answers_are_null_and_say_so_in_warnings() {
    let output = careerfit()
        .args([
            "take",
            fixture("small.yaml").to_str().unwrap(),
            "--json",
            "--answers",
            "-",
        ])
        .write_stdin("answers:\n  q-required: 5\n  q-yes: null\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let result = stdout_json(&output);
    assert_eq!(result["answers"][2]["answer"], serde_json::Value::Null);
    assert_eq!(result["answers"][2]["value"], serde_json::Value::Null);
    assert_close(&result["traits"][0]["score"], 100.0);
    assert_eq!(result["traits"][1]["score"], serde_json::Value::Null);
    // Only careful is assessed: beta and gamma cannot be scored and rank last, in file order.
    let ids: Vec<&str> = result["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["alpha", "beta", "gamma"]);
    assert_eq!(result["profiles"][1]["fit"], serde_json::Value::Null);
    assert_eq!(result["profiles"][1]["band"], serde_json::Value::Null);
    let warnings = result["warnings"].to_string();
    assert!(
        warnings.contains("6 of 7 questions were skipped"),
        "{warnings}"
    );
}

#[test]
fn json_answers_files_are_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "a.json",
        r#"{"quiz": "small", "answers": {"q-required": "Strongly agree", "q-multi": []}}"#,
    );
    let result = take_json(&fixture("small.yaml"), &answers);
    assert_eq!(result["answers"][5]["answer"], serde_json::json!([]));
    assert_close(&result["answers"][5]["value"], 0.0);
    assert_close(&result["traits"][2]["score"], 0.0);
}

#[test]
fn the_him_quiz_is_the_default_and_all_top_answers_score_100() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "top.yaml", &him_answers_at(Extreme::Top));
    let result = take_json(&him_quiz(), &answers);
    assert_eq!(result["quiz"]["id"], "him-career-fit");
    for t in result["traits"].as_array().unwrap() {
        assert_close(&t["score"], 100.0);
    }
    for p in result["profiles"].as_array().unwrap() {
        assert_close(&p["fit"], 100.0);
        assert_eq!(p["band"], "Strong fit");
    }

    let answers = write(dir.path(), "bottom.yaml", &him_answers_at(Extreme::Bottom));
    let result = take_json(&him_quiz(), &answers);
    // Every trait is at its floor: 0.
    for t in result["traits"].as_array().unwrap() {
        assert_close(&t["score"], 0.0);
    }
    for p in result["profiles"].as_array().unwrap() {
        assert_eq!(p["band"], "Low fit");
    }
}

#[test]
fn the_summary_names_a_pathway_job_titles_and_next_steps_within_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "top.yaml", &him_answers_at(Extreme::Top));
    let output = careerfit()
        .args(["take", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for expected in [
        "Your pathways, best fit first",
        "Your traits",
        "Your best fit: Health information clerk (Strong fit, 100 of 100)",
        "Job titles",
        "Medical Records Clerk",
        "Next steps",
        "1. Compare certificate",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "over 80 columns: {line}");
    }
    assert!(
        !stdout.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
}

#[test]
fn table_summary_of_the_small_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let output = take_small(&answers).output().unwrap();
    insta::assert_snapshot!(text(&output.stdout));
}

#[test]
fn output_is_written_with_mode_0600_and_matches_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let result = dir.path().join("result.json");
    let output = take_small(&answers)
        .arg("--json")
        .arg("--output")
        .arg(&result)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let written = std::fs::read(&result).unwrap();
    assert_eq!(written, output.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&result).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(text(&output.stderr).contains("Saved your result to"));
}

#[test]
fn an_existing_output_file_is_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let result = write(dir.path(), "result.json", "precious");
    take_small(&answers)
        .arg("--output")
        .arg(&result)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "error: {} already exists; add --force to replace it, or choose another name",
            result.display()
        )));
    assert_eq!(std::fs::read_to_string(&result).unwrap(), "precious");

    take_small(&answers)
        .arg("--output")
        .arg(&result)
        .arg("--force")
        .assert()
        .code(0);
    let replaced: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    assert_eq!(replaced["quiz"]["id"], "small");
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 2, "no temporary file is left behind");
}

#[test]
fn output_into_a_missing_folder_fails_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let result = dir.path().join("nope").join("result.json");
    take_small(&answers)
        .arg("--output")
        .arg(&result)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("does not exist"));
    assert!(!result.exists());
}

/// A folder nobody may write to: a read-only one, or /sys where even root cannot
/// create files (tests may run as root, who ignores the mode bits).
fn unwritable_folder(dir: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let folder = dir.join("read-only");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(folder.join("probe"), "x").is_err() {
        return folder;
    }
    let sys = std::path::PathBuf::from("/sys");
    assert!(
        std::fs::write(sys.join("careerfit-probe"), "x").is_err(),
        "no unwritable folder to test with"
    );
    sys
}

#[test]
fn output_into_a_read_only_folder_fails_before_any_question() {
    let dir = tempfile::tempdir().unwrap();
    let folder = unwritable_folder(dir.path());
    let result = folder.join("result.json");
    let before = std::fs::read_dir(&folder).unwrap().count();
    // No --answers and no terminal: the refusal must come before the quiz would ask.
    careerfit()
        .arg("take")
        .arg("--output")
        .arg(&result)
        .write_stdin("")
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "error: cannot write {}: permission denied\n",
            result.display()
        ));
    assert!(!result.exists());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), before);
}

#[test]
fn without_a_terminal_or_answers_it_says_to_use_answers() {
    careerfit()
        .arg("take")
        .write_stdin("")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: stdin is not a terminal, so careerfit cannot ask the questions; \
             give the answers with --answers FILE",
        ));
    // The same with no command at all.
    careerfit()
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--answers"));
}

/// Bad answers: exit 2, a message naming the file and the question, nothing on stdout.
fn refused(answers: &str, expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.yaml", answers);
    let result = dir.path().join("result.json");
    let output = take_small(&path)
        .arg("--output")
        .arg(&result)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    let expected = format!("{}{expected}", path.display());
    assert!(
        stderr.contains(&expected),
        "expected {expected:?} in\n{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert!(!result.exists(), "nothing is written");
}

#[test]
fn bad_answers_are_refused_naming_the_question() {
    refused(
        "answers:\n  q-skale: 2\n  q-required: 1\n",
        ":2:3: error: answers.q-skale: unknown question `q-skale` in quiz `small`\n  hint: did you mean `q-scale`?",
    );
    refused(
        "answers:\n  q-scale: 4\n  q-required: 1\n",
        ":2:12: error: answers.q-scale: 4 is out of range: question `q-scale` takes a position from 1 to 3 \
         or one of the labels: `Low`, `Middle`, `High`",
    );
    refused(
        "answers:\n  q-scale: Huge\n  q-required: 1\n",
        ":2:12: error: answers.q-scale: `Huge` is not a label of this scale",
    );
    refused(
        "answers:\n  q-choice: d\n  q-required: 1\n",
        ":2:13: error: answers.q-choice: question `q-choice` has no option `d`; its options are `a`, `b`, `c`",
    );
    refused(
        "answers:\n  q-multi: x\n  q-required: 1\n",
        ":2:12: error: answers.q-multi: question `q-multi` takes a list of option ids",
    );
    refused(
        "answers:\n  q-yes: 3\n  q-required: 1\n",
        ":2:10: error: answers.q-yes: question `q-yes` takes true or false",
    );
    refused(
        "answers:\n  q-scale: 1\n",
        ":1:1: error: answers.q-required: question `q-required` is required but has no answer",
    );
    refused(
        "quiz: other\nanswers:\n  q-required: 1\n",
        ":1:7: error: quiz: these answers are for quiz `other`, not `small`",
    );
    refused(
        "answers: [1, 2\n",
        ":2:1: error: did not find expected ',' or ']'",
    );
}

#[test]
fn a_question_answered_twice_in_json_is_refused_not_dropped() {
    refused(
        r#"{"answers": {"q-scale": 1, "q-required": 1, "q-scale": 3}}"#,
        r#":1:45: error: answers: duplicate entry with key "q-scale""#,
    );
}

#[test]
fn every_bad_answer_is_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.yaml",
        "answers:\n  q-scale: 9\n  q-choice: zz\n",
    );
    let output = take_small(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(":2:12: error: answers.q-scale: 9"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":3:13: error: answers.q-choice: question"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":1:1: error: answers.q-required: question"),
        "{stderr}"
    );
}

#[test]
fn a_missing_answers_file_is_an_io_error() {
    careerfit()
        .args(["take", "--answers", "/nonexistent/answers.yaml"])
        .assert()
        .code(1)
        .stderr("error: /nonexistent/answers.yaml: no such file\n");
}

#[test]
fn an_unknown_quiz_is_a_usage_error() {
    careerfit()
        .args(["take", "no-such-quiz", "--answers", "-"])
        .write_stdin("answers: {}\n")
        .assert()
        .code(2)
        .stderr(
            "error: there is no quiz `no-such-quiz`; `careerfit list` shows the quizzes, \
             or give the path to a quiz file\n",
        );
}

#[test]
fn an_invalid_quiz_is_refused_by_take() {
    careerfit()
        .args([
            "take",
            fixture("several-errors.yaml").to_str().unwrap(),
            "--answers",
            "-",
        ])
        .write_stdin("answers: {}\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "several-errors.yaml:10:10: error: questions[1].id: duplicate question id `same`",
        ));
}

#[test]
fn piped_into_head_it_stops_quietly_and_still_saves_the_result() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", &him_answers_at(Extreme::Top));
    let script = format!(
        "set -o pipefail; '{}' take --answers a.yaml --json -o saved.json | head -c 10; \
         echo \" exit=${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_careerfit")
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(text(&output.stdout), "{\n  \"schem exit=0\n");
    assert_eq!(text(&output.stderr), "Saved your result to saved.json\n");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("saved.json")).unwrap()).unwrap();
    assert_eq!(saved["quiz"]["id"], "him-career-fit");
}

#[test]
fn a_closed_pipe_on_stdout_is_a_quiet_exit() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "top.yaml", &him_answers_at(Extreme::Top));
    let mut child = careerfit_process()
        .args(["take", "--json", "--answers"])
        .arg(&answers)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `| head -c 0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn unreadable_or_hostile_answers_files_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.yaml");
    std::fs::write(&binary, b"answers:\n  q-scale: \xff\xfe\n").unwrap();
    take_small(&binary).assert().code(2).stderr(format!(
        "{}:2:12: error: the file is not UTF-8 text\n",
        binary.display()
    ));

    let huge = dir.path().join("huge.yaml");
    std::fs::write(&huge, "#".repeat(2 * 1024 * 1024)).unwrap();
    take_small(&huge)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: the file is more than 1048576 bytes (1 MiB), the most careerfit reads",
        ));

    let empty = write(dir.path(), "empty.yaml", "\n");
    take_small(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: the answers file is empty"));

    take_small(dir.path()).assert().code(1).stderr(format!(
        "error: {}: is a folder, not a file\n",
        dir.path().display()
    ));

    let list = write(dir.path(), "list.yaml", "- 1\n- 2\n");
    take_small(&list)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: an answers file must be a mapping with an `answers:` key",
        ));
}

#[test]
fn a_folder_given_as_the_quiz_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    careerfit()
        .arg("take")
        .arg(dir.path())
        .args(["--answers", "-"])
        .write_stdin("answers: {}\n")
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}: is a folder, not a file\n",
            dir.path().display()
        ));
}

/// Clicking the same answer all the way down (here "Agree" on every scale question of
/// the HIM quiz) is called out in the JSON warnings and in the summary.
#[test]
fn straight_lining_is_called_out() {
    let quiz: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(him_quiz()).unwrap()).unwrap();
    let mut answers = String::from("answers:\n");
    let mut scale_questions = 0;
    for q in quiz["questions"].as_sequence().unwrap() {
        if q["type"].as_str().unwrap_or("scale") == "scale" {
            answers.push_str(&format!("  {}: 4\n", q["id"].as_str().unwrap()));
            scale_questions += 1;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "same.yaml", &answers);
    let result = take_json(&him_quiz(), &file);
    let expected = format!(
        "Every scale answer ({scale_questions} of them) was at position 4 of its scale. \
         Answers that never vary say little about you, so read this result with care."
    );
    assert!(
        result["warnings"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"code": "straight_lining", "message": expected})),
        "{}",
        result["warnings"]
    );
    assert_eq!(result["confidence"], "low");
    let output = careerfit()
        .arg("take")
        .arg(him_quiz())
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    let summary = text(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        summary.contains("Answers that never vary say little about you"),
        "{summary}"
    );
}

/// A result written by --output can be given to --answers to take the quiz again.
#[test]
fn a_saved_result_gives_its_answers_back() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("result.json");
    take_small(&answers).arg("-o").arg(&saved).assert().code(0);

    let mut first: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    let mut again = take_json(&fixture("small.yaml"), &saved);
    first.as_object_mut().unwrap().remove("completed_at");
    again.as_object_mut().unwrap().remove("completed_at");
    assert_eq!(first, again);

    // From another version of the quiz: taken, with a warning first.
    let mut old = first.clone();
    old["quiz"]["version"] = "1".into();
    let old_file = write(dir.path(), "old.json", &old.to_string());
    let retaken = take_json(&fixture("small.yaml"), &old_file);
    assert_eq!(
        retaken["warnings"][0],
        serde_json::json!({
            "code": "other_version",
            "message": "These answers come from a result of version 1 of the quiz; this is \
                        version 2. Questions that changed may be scored differently."
        })
    );
    assert_eq!(retaken["traits"], first["traits"]);

    // From another quiz: refused.
    let mut other = first;
    other["quiz"]["id"] = "other".into();
    let other_file = write(dir.path(), "other.json", &other.to_string());
    careerfit()
        .arg("take")
        .arg(fixture("small.yaml"))
        .arg("--answers")
        .arg(&other_file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "quiz.id: this result is for quiz `other`, not `small`",
        ));
}

/// --color decides for the tables too, whatever the stream is; --plain never colours.
#[test]
fn the_color_option_decides_for_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    for (when, no_color, coloured) in [
        ("always", true, true),
        ("never", false, false),
        ("auto", false, false),
    ] {
        let mut cmd = careerfit();
        cmd.args(["--color", when])
            .arg("take")
            .arg(fixture("small.yaml"))
            .arg("--answers")
            .arg(&answers);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let output = cmd.output().unwrap();
        assert_eq!(
            text(&output.stdout).contains("\x1b["),
            coloured,
            "--color {when}"
        );
    }
    let output = careerfit()
        .args(["--color", "always", "--help"])
        .output()
        .unwrap();
    assert!(
        text(&output.stdout).contains("\x1b["),
        "clap's help follows --color"
    );
    let output = careerfit()
        .args(["--color=never", "--help"])
        .output()
        .unwrap();
    assert!(!text(&output.stdout).contains("\x1b["));
}

/// --plain: the same facts as sentences, in reading order, with no box drawing, no
/// bars and no colour even when colour is forced.
#[test]
fn plain_output_is_sentences_without_boxes_bars_or_colour() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let output = take_small(&answers)
        .args(["--plain", "--color", "always"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let plain = text(&output.stdout);
    assert!(
        !plain.contains('\x1b')
            && !plain
                .chars()
                .any(|c| ('\u{2500}'..='\u{259F}').contains(&c)),
        "{plain:?}"
    );
    assert!(plain.lines().all(|l| l.chars().count() <= 80));
    insta::assert_snapshot!(plain);
}

/// --format markdown: the summary as Markdown tables and lists, for an email.
#[test]
fn the_summary_as_markdown() {
    let answers = him_answers_at(Extreme::Top);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "top.yaml", &answers);
    let output = careerfit()
        .args(["take", "--format", "markdown", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    // The date changes from run to run.
    let markdown = markdown
        .lines()
        .map(|l| {
            if l.starts_with("Quiz `him-career-fit`") {
                "Quiz `him-career-fit`, version 1.0, taken DATE."
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(markdown.contains("| Rank | Pathway | Fit | Band | Education |"));
    assert!(markdown.contains("**Next steps**\n\n1. "));
    insta::assert_snapshot!(markdown);
}

/// Results written before schema v2 (no confidence, warnings as text) still give
/// their answers back.
#[test]
fn a_v1_result_gives_its_answers_back() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("result.json");
    take_small(&answers).arg("-o").arg(&saved).assert().code(0);
    let v2: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    let mut v1 = v2.clone();
    v1["schema"] = "careerfit/result/v1".into();
    v1["warnings"] = serde_json::json!(["1 of 7 questions was skipped."]);
    v1.as_object_mut().unwrap().remove("confidence");
    let v1_file = write(dir.path(), "v1.json", &v1.to_string());
    let retaken = take_json(&fixture("small.yaml"), &v1_file);
    assert_eq!(retaken["schema"], "careerfit/result/v2");
    assert_eq!(retaken["answers"], v2["answers"]);
    assert_eq!(retaken["profiles"], v2["profiles"]);
    // And compare reads it beside a v2 result.
    careerfit()
        .arg("compare")
        .arg(&v1_file)
        .arg(&saved)
        .assert()
        .code(0);
}

/// Every scale question of the HIM quiz answered "Agree": straight-lining (which says
/// the agreeing with opposites already), so every summary leads with the caution,
/// before the pathways.
#[test]
fn low_confidence_leads_every_summary_format() {
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut answers = String::from("answers:\n");
    for q in &quiz.questions {
        if matches!(q.kind, careerfit::quiz::QuestionKind::Scale { .. }) {
            answers.push_str(&format!("  {}: 4\n", q.id));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "agree.yaml", &answers);
    let report = dir.path().join("report.html");
    let result = take_json(&him_quiz(), &file);
    assert_eq!(result["confidence"], "low");
    for args in [
        vec![],
        vec!["--plain"],
        vec!["--format", "markdown"],
        vec!["--report", report.to_str().unwrap()],
    ] {
        let output = careerfit()
            .arg("take")
            .arg("--answers")
            .arg(&file)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let page;
        let shown = if args.first() == Some(&"--report") {
            page = std::fs::read_to_string(&report).unwrap();
            &page
        } else {
            &text(&output.stdout)
        };
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        let caution = shown
            .find("Low confidence: every scale answer was the same. Read the fits below")
            .unwrap_or_else(|| panic!("{args:?}: no caution in\n{shown}"));
        let pathways = shown.find("Your pathways").expect("the pathways");
        assert!(
            caution < pathways,
            "{args:?}: the caution comes after the pathways"
        );
        assert!(!shown.contains("Strong fit"), "{args:?}");
    }
}

/// Halves round away from zero everywhere: a trait of 12.5 shows as 13, not 12.
#[test]
fn halves_round_away_from_zero_in_every_summary() {
    // Careful = 100 × (2 × 0 + 1 × 0 + 1 × 0.5) / 4 = 12.5 (src/scoring/'s rules).
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "half.yaml",
        "answers:\n  q-scale: Low\n  q-reverse: High\n  q-required: 3\n",
    );
    let result = take_json(&fixture("small.yaml"), &answers);
    assert_close(&result["traits"][0]["score"], 12.5);
    let plain = take_small(&answers).arg("--plain").output().unwrap();
    assert!(
        text(&plain.stdout).contains("Careful: 13 out of 100"),
        "{}",
        text(&plain.stdout)
    );
    let table = take_small(&answers).output().unwrap();
    assert!(
        text(&table.stdout).contains("│ Careful ┆    13 ┆"),
        "{}",
        text(&table.stdout)
    );
    let markdown = take_small(&answers)
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    assert!(
        text(&markdown.stdout).contains("| Careful | 13 |"),
        "{}",
        text(&markdown.stdout)
    );
}

/// `--format` names what take prints; --json and --plain are its short spellings,
/// and html prints the report page itself.
#[test]
fn take_prints_every_format_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let run = |args: &[&str]| {
        let output = take_small(&answers).args(args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };
    let without_date = |json: String| {
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value.as_object_mut().unwrap().remove("completed_at");
        value
    };
    assert_eq!(
        without_date(run(&["--json"])),
        without_date(run(&["--format", "json"]))
    );
    assert_eq!(run(&["--plain"]), run(&["--format", "plain"]));
    let html = run(&["--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("Why Gamma pathway fits you 83 out of 100"));
    // With --explain, every text format carries the explanation.
    for format in ["table", "plain", "markdown"] {
        let shown = run(&["--format", format, "--explain"]);
        assert!(
            shown.contains("Why Gamma pathway fits you 83 out of 100"),
            "{format}: {shown}"
        );
    }
}

/// Under "probably not" the closest pathway keeps its facts, but its next steps are
/// the general ones, not a degree program (issue #32, point 7).
#[test]
fn under_probably_not_the_closest_pathway_gives_general_next_steps() {
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut answers = String::from("answers:\n");
    for q in &quiz.questions {
        let answer = match (q.id.as_str(), &q.kind) {
            ("behind-the-scenes", _) => "1".to_string(),
            ("hands-on-care", _) => "5".to_string(),
            ("treat-patients", _) => "yes".to_string(),
            ("patient-contact", _) => "most".to_string(),
            ("education-ready", _) => "bachelor".to_string(),
            (_, careerfit::quiz::QuestionKind::Scale { reverse, .. }) => {
                if *reverse { "2" } else { "4" }.to_string()
            }
            _ => continue,
        };
        answers.push_str(&format!("  {}: {answer}\n", q.id));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "nurse.yaml", &answers);
    let result = take_json(&him_quiz(), &file);
    assert_eq!(result["verdict"]["answer"], "probably_not", "{result}");
    let output = careerfit()
        .args(["take", "--plain", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    let shown = text(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("The closest pathway"), "{shown}");
    assert!(
        shown.contains("Talk your answers through with an advisor or a school counselor"),
        "{shown}"
    );
    for step in result["profiles"][0]["next_steps"].as_array().unwrap() {
        let step = step
            .as_str()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            !shown.contains(&step),
            "a program step under probably not: {step}"
        );
    }
}

/// The terminal summary ends on the answer: by the last screen at 80×24 the verdict
/// at the top has scrolled away, so the last lines say it again with the best
/// pathway (issue #32, point 3).
#[test]
fn the_terminal_summary_ends_on_the_verdict_and_the_best_pathway() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "answers.yaml", &him_answers_at(Extreme::Top));
    let result = take_json(&him_quiz(), &file);
    for args in [vec![], vec!["--plain"]] {
        let output = careerfit()
            .args(["take", "--answers"])
            .arg(&file)
            .args(&args)
            .output()
            .unwrap();
        let shown = text(&output.stdout);
        let last: Vec<&str> = shown.lines().rev().take(3).collect();
        let last = last.into_iter().rev().collect::<Vec<_>>().join(" ");
        let best = &result["profiles"][0];
        assert!(
            last.contains("In short: Is a career in HIM right for me?"),
            "{args:?}: {last}"
        );
        assert!(
            last.contains(best["title"].as_str().unwrap()),
            "{args:?}: {last}"
        );
        assert!(
            last.contains(best["band"].as_str().unwrap()),
            "{args:?}: {last}"
        );
    }
}

/// The caution, the verdict's reasons and the notes are list items: their later
/// lines hang under their text, in the table and in plain text, never at column 0
/// where they would read as a paragraph of their own.
#[test]
fn cautions_and_notes_hang_under_their_marker_at_80_columns() {
    let quiz: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(him_quiz()).unwrap()).unwrap();
    // "Strongly agree" with every statement, whichever way it points: acquiescent,
    // so the result carries a caution and notes long enough to wrap.
    let mut answers = String::from("quiz: him-career-fit\nanswers:\n");
    for q in quiz["questions"].as_sequence().unwrap() {
        if q["type"].as_str().unwrap_or("scale") == "scale" {
            answers.push_str(&format!("  {}: 5\n", q["id"].as_str().unwrap()));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "agree.yaml", &answers);
    for format in [&[][..], &["--plain"][..]] {
        let output = careerfit()
            .args(["take", "--answers"])
            .arg(&answers)
            .args(format)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let stdout = text(&output.stdout);
        // A line of an item that does not end its sentence goes on on the next line,
        // which must then be indented.
        let (mut open, mut items, mut hung) = (false, 0, 0);
        for line in stdout.lines() {
            assert!(line.chars().count() <= 80, "over 80 columns: {line}");
            let item = line.starts_with("- ") || line.starts_with("! ");
            if open {
                assert!(
                    line.starts_with("  "),
                    "{format:?}: a list item's line at column 0: {line:?}\n{stdout}"
                );
                hung += 1;
            }
            items += usize::from(item);
            open = (item || open) && !line.trim_end().ends_with(['.', ':']);
        }
        assert!(
            items >= 2 && hung >= 2,
            "{format:?}: {items} items, {hung} hung:\n{stdout}"
        );
    }
}
