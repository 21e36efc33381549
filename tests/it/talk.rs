//! Who needs a talk: the class summary in every format, the class report and the
//! spreadsheet name the low-confidence, "probably not" and "unclear" respondents,
//! each in its own group, and split each pathway's best fits by the quiz's answer.

use crate::common::*;

/// Six rows of tests/fixtures/forced.yaml, worked out by hand from its verdict
/// (yes at 60, maybe at 45, a dealbreaker below 35 on `care`):
/// - ana: every answer at the top; Coder fits 100 (Strong fit): yes.
/// - ben: p1 1 and p2 5 (reversed) put `care` at 0, below 35: probably not (Coder best),
///   pointing to what that dealbreaker names instead.
/// - cy: Coder 57.5 (Good fit), field-wide fit (2×50 + 60 + 40) / 4 = 50, under 60: maybe.
/// - dee: one answer of twelve, more than a quarter skipped: low confidence, so unclear.
/// - eve: Coder 78.8 (Strong fit): yes.
/// - fay: leading at 95; Team lead 92 (Strong fit): yes, the only best fit for Team lead.
const ROWS: &str = r#"{"id": "ana", "answers": {"c1": 5, "c2": 1, "l1": 2, "l2": 4, "p1": 5, "p2": 1, "rather": "code", "ticks": ["rules", "puzzles"], "study": "degree", "s1": 5, "s2": 1, "s3": 5}}
{"id": "ben", "answers": {"c1": 4, "c2": 2, "l1": 3, "l2": 3, "p1": 1, "p2": 5, "rather": "teach", "ticks": ["club"], "study": "course", "s1": 3, "s2": 3, "s3": 3}}
{"id": "cy", "answers": {"c1": 4, "c2": 2, "l1": 3, "l2": 3, "p1": 3, "p2": 3, "rather": "teach", "ticks": ["rules"], "study": "course", "s1": 4, "s2": 2, "s3": 4}}
{"id": "dee", "answers": {"c1": 4}}
{"id": "eve", "answers": {"c1": 4, "c2": 2, "l1": 4, "l2": 2, "p1": 4, "p2": 2, "rather": "code", "ticks": ["rules"], "study": "degree", "s1": 4, "s2": 2, "s3": 4}}
{"id": "fay", "answers": {"c1": 2, "c2": 4, "l1": 5, "l2": 1, "p1": 4, "p2": 2, "rather": "lead", "ticks": ["club"], "study": "degree", "s1": 5, "s2": 1, "s3": 5}}
"#;

/// `score forced.yaml rows.jsonl ARGS` on the rows above, in a folder of its own.
fn score(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let rows = write(dir, "rows.jsonl", ROWS);
    careerfit()
        .args(["score", fixture("forced.yaml").to_str().unwrap()])
        .arg(&rows)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// The summary `score ... --summary=FORMAT` prints on stderr (the rows go to stdout).
fn summary(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = score(dir.path(), &[&format!("--summary={format}")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stderr)
}

#[test]
fn the_json_summary_names_each_group_and_splits_best_fits_by_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let output = score(dir.path(), &["--summary=json", "-o", "rows.out.jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let summary = stdout_json(&output);
    assert_eq!(
        summary["verdicts"],
        serde_json::json!({"yes": 3, "maybe": 1, "probably_not": 1, "unclear": 1})
    );
    let dee = serde_json::json!({
        "id": "dee", "line": 4, "groups": ["low_confidence", "unclear"],
        "warnings": ["many_skipped"], "best": "coder", "dealbreakers": [],
    });
    assert_eq!(
        summary["talk"],
        serde_json::json!({
            "low_confidence": {"count": 1, "respondents": [dee]},
            "probably_not": {"count": 1, "respondents": [{
                "id": "ben", "line": 2, "groups": ["probably_not"],
                "warnings": [], "best": "coder", "dealbreakers": ["care"],
            }]},
            "unclear": {"count": 1, "respondents": [dee]},
        })
    );
    // The field written before stays as it was.
    assert_eq!(
        summary["low_confidence_respondents"],
        serde_json::json!([{"id": "dee", "line": 4, "warnings": ["many_skipped"]}])
    );
    let pathways = summary["pathways"].as_array().unwrap();
    assert_eq!(pathways[0]["id"], "coder");
    assert_eq!(pathways[0]["best_fit"], 5);
    assert_eq!(
        pathways[0]["best_fit_by_verdict"],
        serde_json::json!({"yes": 2, "maybe": 1, "probably_not": 1, "unclear": 1})
    );
    assert_eq!(pathways[1]["id"], "lead");
    assert_eq!(
        pathways[1]["best_fit_by_verdict"],
        serde_json::json!({"yes": 1, "maybe": 0, "probably_not": 0, "unclear": 0})
    );
}

#[test]
fn a_quiz_without_a_verdict_has_no_split_and_only_the_low_confidence_group() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(
        dir.path(),
        "rows.jsonl",
        "{\"id\": \"r1\", \"answers\": {\"q-required\": 4}}\n",
    );
    let output = careerfit()
        .args(["score", fixture("small.yaml").to_str().unwrap()])
        .arg(&rows)
        .args(["--summary=json", "-o"])
        .arg(dir.path().join("out.jsonl"))
        .output()
        .unwrap();
    let summary = stdout_json(&output);
    assert_eq!(
        summary["pathways"][0]["best_fit_by_verdict"],
        serde_json::Value::Null
    );
    assert_eq!(summary["talk"]["low_confidence"]["count"], 1);
    assert_eq!(summary["talk"]["probably_not"]["count"], 0);
    assert_eq!(summary["talk"]["unclear"]["count"], 0);
    assert_eq!(
        summary["talk"]["low_confidence"]["respondents"][0]["groups"],
        serde_json::json!(["low_confidence"])
    );
}

#[test]
fn the_table_lists_every_group_and_the_split() {
    let table = summary("table");
    let talk = &table[table.find("Talk these through first\n").expect(&table)..];
    assert_eq!(
        talk,
        "Talk these through first\n\
         Low confidence (1): the answers give reason to doubt them\n\
         - dee (line 4): skipped more than a quarter of the questions; also unclear\n\
         Probably not (1): the answers point elsewhere\n\
         - ben (line 2): closest pathway Coder; points to work with patients face to face\n\
         Unclear (1): the answers cannot tell\n\
         - 1 with low confidence: named above, under Low confidence\n"
    );
    // "1 probably not" is kept on one line of its cell: its spaces do not break.
    assert!(
        table.contains("2\u{a0}yes, 1\u{a0}maybe, 1\u{a0}probably\u{a0}not,"),
        "{table}"
    );
    assert!(table.contains("┆ 1\u{a0}yes "), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
}

#[test]
fn plain_text_and_markdown_say_the_same() {
    let plain = summary("plain");
    for line in [
        "- Coder: best fit for 5 (83%): 2 yes, 1 maybe, 1 probably not, 1 unclear; mean",
        "- Team lead: best fit for 1 (17%): 1 yes; mean fit 55.6.",
        "Talk these through first, by group:",
        "Low confidence (1): the answers give reason to doubt them.",
        "- dee (line 4): skipped more than a quarter of the questions; also unclear",
        "Probably not (1): the answers point elsewhere.",
        "- ben (line 2): closest pathway Coder; points to work with patients face to face",
        "Unclear (1): the answers cannot tell.",
        "- 1 with low confidence: named above, under Low confidence",
    ] {
        assert!(plain.lines().any(|l| l == line), "{line:?} in\n{plain}");
    }
    let markdown = summary("markdown");
    for line in [
        "| Pathway | Best fit for | By the quiz's answer | Mean fit |",
        "| Coder | 5 (83%) | 2 yes, 1 maybe, 1 probably not, 1 unclear | 62.5 |",
        "| Team lead | 1 (17%) | 1 yes | 55.6 |",
        "## Talk these through first",
        "### Low confidence (1): the answers give reason to doubt them",
        "- dee (line 4): skipped more than a quarter of the questions; also unclear",
        "### Probably not (1): the answers point elsewhere",
        "- ben (line 2): closest pathway Coder; points to work with patients face to face",
        "### Unclear (1): the answers cannot tell",
        "- 1 with low confidence: named above, under Low confidence",
    ] {
        assert!(
            markdown.lines().any(|l| l == line),
            "{line:?} in\n{markdown}"
        );
    }
}

#[test]
fn the_spreadsheet_has_a_talk_column_to_sort_by() {
    let dir = tempfile::tempdir().unwrap();
    let output = score(dir.path(), &["-o", "results.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let csv = std::fs::read_to_string(dir.path().join("results.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let talk = headers
        .iter()
        .position(|h| h == "talk")
        .expect("a talk column");
    assert_eq!(&headers[talk - 1], "confidence");
    let cells: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[talk].to_string())
        })
        .collect();
    let expected = [
        ("ana", ""),
        ("ben", "probably_not"),
        ("cy", ""),
        ("dee", "low_confidence; unclear"),
        ("eve", ""),
        ("fay", ""),
    ];
    assert_eq!(cells, expected.map(|(a, b)| (a.to_string(), b.to_string())));
    // The same bytes on stdout.
    let output = score(dir.path(), &["--format", "csv"]);
    assert_eq!(text(&output.stdout), csv);
}

#[test]
fn the_class_report_has_a_table_per_group_and_the_split() {
    let dir = tempfile::tempdir().unwrap();
    let output = score(dir.path(), &["-o", "results.csv", "--report", "class.html"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let page = std::fs::read_to_string(dir.path().join("class.html")).unwrap();
    let document = scraper::Html::parse_document(&page);
    let select = |css: &str| -> Vec<String> {
        document
            .select(&scraper::Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(select("#talk h2"), ["Talk these through first"]);
    assert_eq!(
        select("#low-confidence-respondents caption, #low-confidence-respondents tbody tr > *"),
        [
            "Low confidence (1): the answers give reason to doubt them",
            "dee (line 4)",
            "skipped more than a quarter of the questions; also unclear"
        ]
    );
    assert_eq!(
        select("#probably-not-respondents tbody tr > *"),
        [
            "ben (line 2)",
            "closest pathway Coder; points to work with patients face to face"
        ]
    );
    assert_eq!(
        select("#unclear-respondents tbody tr > *"),
        ["1 with low confidence", "named above, under Low confidence"]
    );
    // Every respondent's cell is a row header; each is named once.
    assert_eq!(
        select("#talk tbody th[scope=row]"),
        ["dee (line 4)", "ben (line 2)", "1 with low confidence"]
    );
    assert_eq!(
        select("#best-fit td.by-answer"),
        ["2 yes, 1 maybe, 1 probably not, 1 unclear", "1 yes"]
    );
    assert!(!page.contains("<script"));
}
