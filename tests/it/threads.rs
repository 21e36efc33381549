//! `--jobs` within its stated range, and a scorer thread that cannot start: an
//! error with exit 1, never a panic.

use crate::common::*;

/// Rows of small.yaml, enough for several chunks.
fn rows(dir: &std::path::Path) -> std::path::PathBuf {
    let rows: String = (0..300)
        .map(|i| format!("{{\"id\": {i}, \"answers\": {{\"q-required\": 4}}}}\n"))
        .collect();
    write(dir, "rows.jsonl", &rows)
}

#[test]
fn jobs_past_the_most_are_refused_and_the_most_is_in_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let input = rows(dir.path());
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--jobs", "65"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(
        text(&output.stderr).contains("65 is not in 1..=64"),
        "{}",
        text(&output.stderr)
    );
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--jobs", "64"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(json_lines(&output).len(), 300);
    let help = careerfit().args(["score", "--help"]).output().unwrap();
    assert!(text(&help.stdout).contains("Threads that score rows, 1 to 64"));
}

/// A thread's stack of 4 EiB: no thread can start (the standard library takes its
/// threads' stack size from RUST_MIN_STACK).
const NO_THREAD_STARTS: &str = "4611686018427387904";

#[test]
fn a_scorer_that_cannot_start_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let input = rows(dir.path());
    let output = careerfit()
        .env("RUST_MIN_STACK", NO_THREAD_STARTS)
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--jobs", "2"])
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("error: cannot start a thread to score rows: "),
        "{stderr}"
    );
    assert!(stderr.contains("; try fewer --jobs"), "{stderr}");
    // One job scores on the main thread, which is there already.
    let output = careerfit()
        .env("RUST_MIN_STACK", NO_THREAD_STARTS)
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--jobs", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn a_stream_or_a_workbook_whose_reader_cannot_start_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let rows = std::fs::read_to_string(rows(dir.path())).unwrap();
    let output = careerfit()
        .env("RUST_MIN_STACK", NO_THREAD_STARTS)
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--jobs", "2"])
        .write_stdin(rows)
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<stdin>: cannot start a thread to read it: "),
        "{stderr}"
    );
    let output = careerfit()
        .env("RUST_MIN_STACK", NO_THREAD_STARTS)
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(fixture("forms/microsoft.xlsx"))
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("microsoft.xlsx: cannot start a thread to read it: "),
        "{stderr}"
    );
}
