//! The class view names people: low-confidence respondents by id with why, repeated
//! ids said once with their lines, and every file written said with its rows.

use crate::common::*;

/// Four rows of the small quiz: `ana` answers fully, `ben` skips most (low), `ana`
/// again, and `cal` straight-lines (low).
const ROWS: &str = r#"{"id": "ana", "answers": {"q-scale": 2, "q-reverse": 1, "q-yes": true, "q-no-rev": true, "q-choice": "b", "q-multi": ["x"], "q-required": 4}}
{"id": "ben", "answers": {"q-required": 5}}
{"id": "ana", "answers": {"q-scale": 3, "q-reverse": 1, "q-yes": true, "q-no-rev": false, "q-choice": "a", "q-multi": [], "q-required": 5}}
{"id": "cal", "answers": {"q-scale": 1, "q-reverse": 1, "q-yes": true, "q-no-rev": false, "q-choice": "a", "q-multi": [], "q-required": 1}}
"#;

#[test]
fn low_confidence_respondents_are_named_with_why_and_repeated_ids_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.jsonl", ROWS);
    let output = careerfit()
        .args(["score", fixture("small.yaml").to_str().unwrap()])
        .arg(&rows)
        .args(["--summary=json", "-o"])
        .arg(dir.path().join("out.jsonl"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert_eq!(
        stderr,
        format!(
            "{}: warning: 1 respondent id(s) appear more than once, and every row is kept: \
             `ana` on lines 1, 3\nWrote 4 rows to {}\n",
            rows.display(),
            dir.path().join("out.jsonl").display()
        )
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        summary["low_confidence_respondents"],
        serde_json::json!([
            {"id": "ben", "line": 2, "warnings": ["many_skipped"]},
            {"id": "cal", "line": 4, "warnings": ["straight_lining"]}
        ])
    );
    assert_eq!(
        summary["repeated_ids"],
        serde_json::json!([{"id": "ana", "lines": [1, 3]}])
    );
}

#[test]
fn the_class_report_names_the_low_confidence_respondents() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.jsonl", ROWS);
    let report = dir.path().join("class.html");
    let results = dir.path().join("results.csv");
    let output = careerfit()
        .args(["score", fixture("small.yaml").to_str().unwrap()])
        .arg(&rows)
        .arg("-o")
        .arg(&results)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!("Wrote 4 rows to {}\n", results.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("Wrote the class report to {}", report.display())),
        "{stderr}"
    );
    let page = std::fs::read_to_string(&report).unwrap();
    let document = scraper::Html::parse_document(&page);
    let cells: Vec<String> = document
        .select(&scraper::Selector::parse("#low-confidence-respondents tbody tr > *").unwrap())
        .map(|td| td.text().collect::<String>())
        .collect();
    assert_eq!(
        cells,
        [
            "ben (line 2)",
            "skipped more than a quarter of the questions",
            "cal (line 4)",
            "gave the same answer to every scale statement"
        ]
    );
    // The repeated id, with its lines.
    let repeated: Vec<String> = document
        .select(&scraper::Selector::parse("#repeated-ids td").unwrap())
        .map(|td| td.text().collect::<String>())
        .collect();
    assert_eq!(repeated, ["ana", "1, 3"]);
}
