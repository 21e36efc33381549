//! Hostile input: every bad file, as a quiz or as answers, gets one clear line and
//! exit 2 (1 when it cannot be read), never a panic, a hang or a large allocation.

use crate::common::*;
use predicates::prelude::*;
use std::path::Path;
use std::time::Duration;

/// Memory a run may map (KiB); the alias bomb below would need far more if expanded.
const MEMORY_LIMIT_KIB: u64 = 512 * 1024;

/// `careerfit ARGS` with a time limit and a memory limit, so that a hang or a runaway
/// allocation fails the test instead of the machine.
fn limited(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_careerfit"))
        .args(args)
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(20));
    cmd.output().unwrap()
}

/// One kind of hostile file and the message it must get.
struct Hostile {
    name: &'static str,
    contents: Vec<u8>,
    message: &'static str,
    /// Where a quiz file gets another message than an answers file.
    as_quiz: Option<&'static str>,
}

fn alias_bomb(tail: &str) -> Vec<u8> {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    text.push_str(tail);
    text.into_bytes()
}

/// Bytes from a fixed-seed generator: the same "garbage" on every run.
fn garbage(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

fn hostile_files() -> Vec<Hostile> {
    vec![
        Hostile {
            name: "huge.yaml",
            contents: format!("# {}\n", "x".repeat(1024 * 1024)).into_bytes(),
            message: ": error: the file is more than 1048576 bytes (1 MiB), the most careerfit reads",
            as_quiz: None,
        },
        Hostile {
            name: "bomb.yaml",
            contents: alias_bomb("answers:\n  q-scale: *a11\n"),
            message: ": error: repetition limit exceeded",
            // A quiz's keys are known, so the first anchor is refused before any alias
            // is expanded.
            as_quiz: Some(":1:1: error: unknown field `a0`"),
        },
        Hostile {
            name: "deep-flow.yaml",
            contents: format!("x: {}{}\n", "[".repeat(200_000), "]".repeat(200_000)).into_bytes(),
            message: ":1:259: error: lists and mappings are nested more than 32 deep here",
            as_quiz: None,
        },
        Hostile {
            name: "deep-block.yaml",
            contents: (0..200)
                .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
                .collect::<String>()
                .into_bytes(),
            message: ":33:33: error: lists and mappings are nested more than 32 deep here",
            as_quiz: None,
        },
        Hostile {
            name: "garbage.yaml",
            contents: garbage(4096),
            message: ":1:3: error: the file is not UTF-8 text",
            as_quiz: None,
        },
        Hostile {
            name: "control.yaml",
            contents: b"id: x\x00\x01\x02\n".to_vec(),
            message: ":1:6: error: control characters are not allowed",
            as_quiz: None,
        },
        Hostile {
            name: "latin1.yaml",
            contents: b"answers:\n  q-scale: caf\xe9\n".to_vec(),
            message: ":2:15: error: the file is not UTF-8 text",
            as_quiz: None,
        },
        Hostile {
            name: "empty.yaml",
            contents: Vec::new(),
            message: ": error: the ",
            as_quiz: None,
        },
        Hostile {
            name: "comments.yaml",
            contents: b"# nothing\n\n---\n".to_vec(),
            message: ": error: the ",
            as_quiz: None,
        },
    ]
}

/// Run `careerfit ARGS` on a hostile file and check the one-line refusal.
fn assert_refused(
    args: &[&std::ffi::OsStr],
    file: &Path,
    message: &str,
    hostile: &Hostile,
    also: &Path,
) {
    let output = limited(args);
    let stderr = text(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: {args:?}\n{stderr}",
        hostile.name
    );
    assert!(output.stdout.is_empty(), "{}", hostile.name);
    let first = stderr.lines().next().unwrap_or_default();
    let expected = format!("{}{message}", file.display());
    assert!(
        first.starts_with(&expected),
        "{}: expected {expected:?}, got\n{stderr}",
        hostile.name
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!also.exists(), "nothing is written");
}

#[test]
fn hostile_quiz_files_are_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let result = dir.path().join("result.json");
    let answers = write(dir.path(), "answers.yaml", SMALL_ANSWERS);
    for hostile in hostile_files() {
        let quiz = dir.path().join(hostile.name);
        std::fs::write(&quiz, &hostile.contents).unwrap();
        assert_refused(
            &["validate".as_ref(), quiz.as_os_str()],
            &quiz,
            hostile.as_quiz.unwrap_or(hostile.message),
            &hostile,
            &result,
        );
        assert_refused(
            &[
                "take".as_ref(),
                quiz.as_os_str(),
                "--answers".as_ref(),
                answers.as_os_str(),
                "-o".as_ref(),
                result.as_os_str(),
            ],
            &quiz,
            hostile.as_quiz.unwrap_or(hostile.message),
            &hostile,
            &result,
        );
    }
}

#[test]
fn hostile_answers_files_are_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let result = dir.path().join("result.json");
    let quiz = fixture("small.yaml");
    for hostile in hostile_files() {
        let answers = dir.path().join(hostile.name);
        std::fs::write(&answers, &hostile.contents).unwrap();
        assert_refused(
            &[
                "take".as_ref(),
                quiz.as_os_str(),
                "--answers".as_ref(),
                answers.as_os_str(),
                "-o".as_ref(),
                result.as_os_str(),
            ],
            &answers,
            hostile.message,
            &hostile,
            &result,
        );
    }
}

#[test]
fn hostile_answers_on_stdin_are_refused_plainly() {
    for hostile in hostile_files() {
        let output = careerfit()
            .arg("take")
            .arg(fixture("small.yaml"))
            .args(["--answers", "-"])
            .write_stdin(hostile.contents.clone())
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{}: {stderr}", hostile.name);
        let expected = format!("<stdin>{}", hostile.message);
        assert!(
            stderr.starts_with(&expected),
            "{}: expected {expected:?}, got\n{stderr}",
            hostile.name
        );
    }
}

#[test]
fn a_folder_or_a_missing_file_is_an_io_error_for_quiz_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "answers.yaml", SMALL_ANSWERS);
    let quiz = fixture("small.yaml");
    let missing = dir.path().join("missing.yaml");
    for (bad, message) in [
        (dir.path(), "is a folder, not a file"),
        (missing.as_path(), "no such file"),
    ] {
        // The bad path as the quiz, then as the answers.
        for (quiz, answers) in [(bad, answers.as_path()), (quiz.as_path(), bad)] {
            let output = limited(&[
                "take".as_ref(),
                quiz.as_os_str(),
                "--answers".as_ref(),
                answers.as_os_str(),
            ]);
            assert_eq!(output.status.code(), Some(1), "{quiz:?} {answers:?}");
            assert_eq!(
                text(&output.stderr),
                format!("error: {}: {message}\n", bad.display())
            );
            assert!(output.stdout.is_empty());
        }
    }
}

/// Editors on Windows start UTF-8 files with a byte-order mark; it is skipped in a
/// quiz file, an answers file (YAML or JSON) and JSON Lines rows.
#[test]
fn a_byte_order_mark_at_the_start_is_skipped_everywhere() {
    let bom = "\u{feff}";
    let dir = tempfile::tempdir().unwrap();
    let quiz = std::fs::read_to_string(fixture("small.yaml")).unwrap();
    let quiz = write(dir.path(), "bom-quiz.yaml", &format!("{bom}{quiz}"));
    careerfit().arg("validate").arg(&quiz).assert().code(0);
    let yaml = write(dir.path(), "bom.yaml", &format!("{bom}{SMALL_ANSWERS}"));
    careerfit()
        .arg("take")
        .arg(&quiz)
        .arg("--answers")
        .arg(&yaml)
        .assert()
        .code(0);
    let json = write(
        dir.path(),
        "bom.json",
        &format!("{bom}{{\"answers\": {{\"q-required\": 4}}}}"),
    );
    careerfit()
        .arg("take")
        .arg(&quiz)
        .arg("--answers")
        .arg(&json)
        .assert()
        .code(0);
    careerfit()
        .arg("score")
        .arg(&quiz)
        .write_stdin(format!(
            "{bom}{{\"id\": \"a\", \"answers\": {{\"q-required\": 4}}}}\n"
        ))
        .assert()
        .code(0);
}

/// What a student types into a form reaches the advisor's terminal escaped, never
/// as a control character: in a cell, in a header, in an id.
#[test]
fn terminal_escapes_in_rows_are_printed_escaped() {
    let esc = "\u{1b}]0;owned\u{7}\u{9b}2J";
    let csv = format!("id,q-required,{esc}col\nst{esc}u,Agre{esc},x\n");
    let output = careerfit()
        .args(["score"])
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv"])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("\\u{1b}]0;owned\\u{7}\\u{9b}2J"),
        "{stderr}"
    );
    let jsonl = format!("{{\"id\": \"a{esc}\", \"answers\": {{\"q-required\": \"x{esc}\"}}}}\n");
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .write_stdin(jsonl.clone())
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    // analyze lists flagged ids escaped too.
    let output = careerfit()
        .arg("analyze")
        .arg(fixture("small.yaml"))
        .write_stdin(jsonl)
        .output()
        .unwrap();
    let all = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "{all:?}");
}

/// A saved result edited to hold an escape sequence is compared without sending it.
#[test]
fn terminal_escapes_in_a_saved_result_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("r.json");
    take_small(&answers).arg("-o").arg(&saved).assert().code(0);
    let mut result: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    result["quiz"]["version"] = "2\u{1b}[2J".into();
    result["traits"][0]["name"] = "Careful\u{1b}]0;owned\u{7}".into();
    result["profiles"][0]["title"] = "Alpha\u{9b}2J".into();
    let edited = write(dir.path(), "edited.json", &result.to_string());
    let output = careerfit()
        .arg("compare")
        .arg(&saved)
        .arg(&edited)
        .output()
        .unwrap();
    let stdout = text(&output.stdout);
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
    assert!(stdout.contains("Careful\\u{1b}]0;owned\\u{7}"), "{stdout}");
    // And retaken: the version quoted in the note is escaped.
    let output = take_small(&edited).output().unwrap();
    let stdout = text(&output.stdout);
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
}

/// Writing null for a required question is leaving it out: refused in an answers
/// file, a JSON Lines row and a re-imported result alike.
#[test]
fn null_for_a_required_question_is_refused_like_leaving_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "null.yaml", "answers:\n  q-required: null\n");
    careerfit()
        .arg("take")
        .arg(fixture("small.yaml"))
        .arg("--answers")
        .arg(&answers)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "answers.q-required: question `q-required` is required but has no answer",
        ));
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .write_stdin("{\"id\": 1, \"answers\": {\"q-required\": null}}\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "<stdin>:1: error: answers.q-required: question `q-required` is required but has no answer",
        ));
    // A saved result edited to null its required answer.
    let good = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("r.json");
    take_small(&good).arg("-o").arg(&saved).assert().code(0);
    let mut result: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    for answer in result["answers"].as_array_mut().unwrap() {
        if answer["question"] == "q-required" {
            answer["answer"] = serde_json::Value::Null;
        }
    }
    let edited = write(dir.path(), "edited.json", &result.to_string());
    take_small(&edited).assert().code(2);
}

/// One file under two names is refused before anything is asked, --force or not.
#[test]
fn one_file_under_two_names_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = write(dir.path(), "out.json", "keep");
    std::os::unix::fs::symlink(&out, dir.path().join("link.json")).unwrap();
    for (output, report) in [
        ("out.json", "./out.json"),
        ("out.json", "sub/../out.json"),
        ("link.json", "out.json"),
    ] {
        for force in [false, true] {
            let mut cmd = take_small(&answers);
            cmd.current_dir(dir.path())
                .args(["-o", output, "--report", report]);
            if force {
                cmd.arg("--force");
            }
            cmd.assert().code(2).stderr(
                "error: --report and --output name the same file; give the report its own name\n",
            );
        }
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "keep",
            "{output} {report}"
        );
    }
}

/// --force replaces regular files only: never a device, a pipe or a folder; and a
/// link to nothing is refused at once.
#[test]
fn force_never_replaces_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let fifo = dir.path().join("pipe.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for target in [Path::new("/dev/null"), fifo.as_path()] {
        take_small(&answers)
            .arg("-o")
            .arg(target)
            .arg("--force")
            .timeout(Duration::from_secs(10))
            .assert()
            .code(2)
            .stderr(predicates::str::contains("is not a regular file"));
    }
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink(dir.path().join("nowhere.json"), &dangling).unwrap();
    take_small(&answers)
        .arg("-o")
        .arg(&dangling)
        .assert()
        .code(2)
        .stderr(format!(
            "error: {} is a link to a file that does not exist; give another name\n",
            dangling.display()
        ));
    assert!(!dir.path().join("nowhere.json").exists());
}

/// A quiz of 2,000 traits and 8,000 questions, each question naming its trait as
/// written or misspelt.
fn many_references(misspelt: bool) -> String {
    let mut yaml = String::from("id: big\ntitle: Big\nversion: \"1\"\ntraits:\n");
    for t in 0..2000 {
        yaml.push_str(&format!("  - {{id: trait-number-{t}, name: T{t}}}\n"));
    }
    yaml.push_str("questions:\n");
    for q in 0..8000 {
        let t = q % 2000;
        let name = if misspelt {
            format!("trait-numbre-{t}")
        } else {
            format!("trait-number-{t}")
        };
        yaml.push_str(&format!(
            "  - {{id: q{q}, text: Question {q}?, trait: {name}}}\n"
        ));
    }
    yaml.push_str("profiles:\n  - id: p\n    title: P\n    weights:\n");
    for t in 0..2000 {
        yaml.push_str(&format!("      trait-number-{t}: 1\n"));
    }
    yaml
}

/// Thousands of misspelt names are reported about as fast as a clean file of the
/// same size is checked: "did you mean" is worked out for the first few only.
#[test]
fn validate_of_thousands_of_misspelt_names_takes_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let time = |name: &str, text: &str| {
        let path = write(dir.path(), name, text);
        let started = std::time::Instant::now();
        let output = careerfit().arg("validate").arg(&path).output().unwrap();
        (started.elapsed(), output)
    };
    let (clean, output) = time("clean.yaml", &many_references(false));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let (misspelt, output) = time("misspelt.yaml", &many_references(true));
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.matches("names unknown trait").count(), 8000);
    assert_eq!(stderr.matches("did you mean").count(), 20);
    // Printing 8,000 messages costs something; quadratic hints cost minutes.
    assert!(
        misspelt < clean * 10 + Duration::from_secs(2),
        "clean {clean:?}, misspelt {misspelt:?}"
    );
}

/// Echoes are bounded: a long value is quoted to 80 characters, thousands of unknown
/// columns make one warning, and a row over 1 MiB is refused without being held.
#[test]
fn echoes_of_values_columns_and_rows_are_bounded() {
    let long = "y".repeat(10_000);
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .write_stdin(format!(
            "{{\"id\": 1, \"answers\": {{\"q-required\": \"{long}\"}}}}\n"
        ))
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!("`{}…` is not a label", "y".repeat(79))),
        "{stderr}"
    );
    assert!(stderr.len() < 1000, "{} bytes of message", stderr.len());

    let header: Vec<String> = (0..3000).map(|i| format!("col{i}")).collect();
    let csv = format!(
        "id,{},q-required\n1,{},4\n",
        header.join(","),
        vec!["x"; 3000].join(",")
    );
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv"])
        .write_stdin(csv)
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(stderr.matches("warning:").count(), 2, "{stderr}");
    assert!(
        stderr.contains(
            "3000 columns are not questions of quiz `small` and are ignored: column 2 `col0`, \
             column 3 `col1`, column 4 `col2`, column 5 `col3`, column 6 `col4` and 2995 more"
        ),
        "{stderr}"
    );

    let huge = "z".repeat(3 * 1024 * 1024);
    let rows = format!(
        "{{\"id\": \"big\", \"answers\": {{\"q-required\": \"{huge}\"}}}}\n\
         {{\"id\": \"next\", \"answers\": {{\"q-required\": 4}}}}\n"
    );
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "<stdin>:1: error: the row is longer than 1048576 bytes (1 MiB), the most a row may be\n"
    );
    let lines: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["id"], "next");
    assert!(lines[1]["error"].is_null());
}

/// An unbalanced quote in a CSV cell would swallow every following row into that
/// cell: it is reported with the line where it opened and the rows it took in.
#[test]
fn an_unclosed_quote_is_reported_with_the_rows_it_swallowed() {
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv"])
        .write_stdin("id,q-required,q-scale\na,\"Agree,3\nb,4,Low\nc,5,High\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains(
            "<stdin>:2: error: a quote opened in cell 2 on line 2 is never closed, so the 2 \
             lines after it (rows `b`, `c`) became part of that cell; close the quote, or \
             remove it"
        ),
        "{}",
        text(&output.stderr)
    );
    // A closed quote over two lines is a cell like any other.
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv"])
        .write_stdin("id,q-required,q-scale\na,4,\"Lo\nw\"\nb,4,Low\n")
        .assert()
        .stderr(predicates::str::contains("never closed").not());
}

/// A quote left open in the last column takes in the rows after it as well; it is
/// told the same way, not passed on as an odd answer while those rows vanish.
#[test]
fn an_unclosed_quote_in_the_last_column_is_reported_with_the_rows_it_swallowed() {
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv"])
        .write_stdin("id,q-required,q-scale\nann,4,\"2\nbob,3,1\ncid,2,2\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains(
            "<stdin>:2: error: a quote opened in cell 3 on line 2 is never closed, so the 2 \
             lines after it (rows `bob`, `cid`) became part of that cell"
        ),
        "{}",
        text(&output.stderr)
    );
    // A closed quote over two lines at the very end is a cell like any other.
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv"])
        .write_stdin("id,q-required,q-scale\na,4,\"Lo\nw\"\nb,4,\"Hi\ngh\"")
        .assert()
        .stderr(predicates::str::contains("never closed").not());
}

/// On a scale labelled "0" to "10", JSON's 10 and a CSV cell "10" are the same
/// answer, the label "10"; validate warns that the labels are not their positions.
#[test]
fn one_respondent_scores_the_same_from_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = write(
        dir.path(),
        "numeric.yaml",
        "id: numeric\ntitle: Numeric\nversion: \"1\"\n\
         scales:\n  zero-to-ten:\n    labels: [\"0\", \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\"]\n\
         traits:\n  - {id: t, name: T}\n  - {id: u, name: U}\n\
         questions:\n  - {id: q, text: How likely?, trait: t}\n  - {id: r, text: How sure?, trait: t}\n\
         \x20 - {id: s, text: Another?, trait: u}\n  - {id: v, text: And this?, trait: u}\n\
         profiles:\n  - {id: p, title: P, weights: {t: 1, u: 1}}\n",
    );
    let json = careerfit()
        .arg("score")
        .arg(&quiz)
        .write_stdin("{\"id\": 1, \"answers\": {\"q\": 10, \"r\": 0}}\n")
        .output()
        .unwrap();
    let csv = careerfit()
        .arg("score")
        .arg(&quiz)
        .args(["-", "--input-format", "csv"])
        .write_stdin("id,q,r\n1,10,0\n")
        .output()
        .unwrap();
    let row = |output: &std::process::Output| -> serde_json::Value {
        serde_json::from_str(text(&output.stdout).lines().next().unwrap()).unwrap()
    };
    let (json, csv) = (row(&json), row(&csv));
    assert_eq!(json["traits"], csv["traits"]);
    // Label "10" is the top of the scale, label "0" the bottom: 50.
    assert_close(&json["traits"][0]["score"], 50.0);
    careerfit()
        .arg("validate")
        .arg(&quiz)
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "scales.zero-to-ten.labels[0]: label `0` is a number but is position 1 of the scale",
        ));
}

/// A JSON Lines row that is not UTF-8 is a bad row told by its line; the rows around
/// it, a byte-order mark before the first and blank lines between, are read as usual,
/// whatever the reader and the scorers do with the chunk's text.
#[test]
fn a_row_that_is_not_utf8_is_a_bad_row_and_the_rest_are_scored() {
    let mut rows = b"\xEF\xBB\xBF{\"id\": \"first\", \"answers\": {\"q-required\": 4}}\n".to_vec();
    rows.extend_from_slice(b"{\"id\": \"bad\", \"answers\": {\"q-required\": \"\xFF\xFE\"}}\n");
    rows.extend_from_slice(b"\n   \n");
    rows.extend_from_slice(b"{\"id\": \"last\", \"answers\": {\"q-required\": 2}}");
    for jobs in ["1", "2"] {
        let output = careerfit()
            .args(["score", "--jobs", jobs])
            .arg(fixture("small.yaml"))
            .write_stdin(rows.clone())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "jobs {jobs}");
        assert_eq!(
            text(&output.stderr),
            "<stdin>:2: error: the line is not UTF-8 text\n",
            "jobs {jobs}"
        );
        let lines: Vec<serde_json::Value> = text(&output.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let ids: Vec<&serde_json::Value> = lines.iter().map(|l| &l["id"]).collect();
        assert_eq!(
            ids,
            [
                &serde_json::json!("first"),
                &serde_json::json!(2),
                &serde_json::json!("last")
            ],
            "jobs {jobs}"
        );
        assert_eq!(lines[1]["error"], "the line is not UTF-8 text");
        assert!(lines[0]["error"].is_null() && lines[2]["error"].is_null());
    }
}
