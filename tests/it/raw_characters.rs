//! Nothing raw reaches a terminal or a file: C0, DEL, C1 (CSI among them) and the
//! bidirectional controls in a row's id come out escaped in every output of `score`
//! and `analyze`: JSON as `\u` escapes (which read back as the same id), CSV cells,
//! tables, plain text, Markdown, the class report and stderr.

use crate::common::*;

/// DEL, CSI (C1), ESC (C0), a right-to-left override and a first-strong isolate.
const NASTY: [char; 5] = ['\u{7f}', '\u{9b}', '\u{1b}', '\u{202e}', '\u{2068}'];

fn raw(text: &str) -> Option<char> {
    text.chars().find(|c| NASTY.contains(c))
}

/// One row of the small quiz whose id holds every nasty character, answered so that
/// its confidence is low (it is then named in every summary), and a refused row with
/// the same id, so that stderr quotes it.
fn rows(dir: &std::path::Path) -> std::path::PathBuf {
    let id: String = format!("ana{}", NASTY.iter().collect::<String>());
    let scored = serde_json::json!({"id": id, "answers": {"q-required": 5}});
    let refused = serde_json::json!({"id": id, "answers": {"q-nope": 5}});
    write(dir, "rows.jsonl", &format!("{scored}\n{refused}\n"))
}

#[test]
fn every_output_of_score_escapes_them() {
    let dir = tempfile::tempdir().unwrap();
    let rows = rows(dir.path());
    let small = fixture("small.yaml");
    let id: String = format!("ana{}", NASTY.iter().collect::<String>());
    let mut runs: Vec<(String, Vec<String>)> = vec![
        ("compact".into(), vec![]),
        ("full".into(), vec!["--full".into()]),
        ("csv".into(), vec!["--format".into(), "csv".into()]),
    ];
    for summary in ["table", "plain", "markdown", "json", "html"] {
        runs.push((summary.into(), vec![format!("--summary={summary}")]));
    }
    for (name, args) in runs {
        let output = careerfit()
            .args(["score", small.to_str().unwrap()])
            .arg(&rows)
            .args(&args)
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}: the refused row");
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        assert_eq!(raw(&stdout), None, "{name}: raw on stdout: {stdout:?}");
        assert_eq!(raw(&stderr), None, "{name}: raw on stderr: {stderr:?}");
        if name == "compact" || name == "full" {
            // Escaped as JSON escapes, so the id reads back whole.
            let first: serde_json::Value =
                serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
            assert_eq!(first["id"], id);
            assert!(
                stdout.contains(r"\u009b") && stdout.contains(r"\u202e"),
                "{stdout}"
            );
        } else if name == "csv" {
            assert!(
                stdout.contains(r"ana\u{7f}\u{9b}\u{1b}\u{202e}\u{2068}"),
                "{stdout}"
            );
        } else {
            // Every summary names the low-confidence row, escaped.
            assert!(
                stderr.contains(r"ana\u{7f}\u{9b}\u{1b}\u{202e}\u{2068}"),
                "{name}: {stderr}"
            );
        }
    }
}

#[test]
fn analyze_and_its_report_escape_them() {
    let dir = tempfile::tempdir().unwrap();
    let rows = rows(dir.path());
    let small = fixture("small.yaml");
    for args in [vec![], vec!["--json".to_string()]] {
        let output = careerfit()
            .args(["analyze", small.to_str().unwrap()])
            .arg(&rows)
            .args(&args)
            .output()
            .unwrap();
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        assert_eq!(raw(&stdout), None, "{args:?}: {stdout:?}");
        assert_eq!(raw(&stderr), None, "{args:?}: {stderr:?}");
    }
}
