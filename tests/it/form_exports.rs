//! The advisors' class workflow: real form exports in (Google Forms CSV, Microsoft
//! Forms .xlsx, a ";" spreadsheet CSV), a spreadsheet and a class report out. The
//! fixtures are made by scripts/forms-fixtures.py for ten made-up people whose
//! answers are in tests/fixtures/forms/people.json.

use crate::common::*;
use serde_json::{Value, json};
use std::path::PathBuf;

fn forms(name: &str) -> PathBuf {
    fixture(&format!("forms/{name}"))
}

fn people() -> Vec<Value> {
    let text = std::fs::read_to_string(forms("people.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The spreadsheet's rows, the header first, read as a spreadsheet library would.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// `careerfit score tests/fixtures/small.yaml -` with `args`, `rows` on stdin.
fn score_small_stdin(args: &[&str], rows: &str) -> std::process::Output {
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg("-")
        .args(args)
        .write_stdin(rows)
        .output()
        .unwrap()
}

/// Each person's result from `take --answers`, with the answers from people.json.
fn taken(dir: &std::path::Path) -> Vec<Value> {
    people()
        .iter()
        .map(|person| {
            let file = write(
                dir,
                "one.json",
                &json!({"quiz": "him-career-fit", "answers": person["answers"]}).to_string(),
            );
            let output = careerfit()
                .args(["take", "--json", "--answers"])
                .arg(&file)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
            stdout_json(&output)
        })
        .collect()
}

/// Every export is scored with no warning and gives each person what `take --answers`
/// gives them; the id is the one the form tool's own columns provide.
#[test]
fn each_form_export_gives_what_take_gives_for_the_same_people() {
    let dir = tempfile::tempdir().unwrap();
    let expected = taken(dir.path());
    let people = people();
    // Google: the email, or the row's line when the form took none.
    let google_ids: Vec<Value> = people
        .iter()
        .map(|p| match p["email"].as_str().unwrap() {
            "anonymous" => json!(p["n"].as_u64().unwrap() + 1),
            email => json!(email),
        })
        .collect();
    // Microsoft: its ID column.
    let microsoft_ids: Vec<Value> = people.iter().map(|p| json!(p["n"].to_string())).collect();
    for (export, ids) in [
        ("google.csv", &google_ids),
        ("microsoft.xlsx", &microsoft_ids),
        ("semicolon.csv", &microsoft_ids),
    ] {
        let output = careerfit()
            .args(["score", "him-career-fit", "--full"])
            .arg(forms(export))
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{export}: {}",
            text(&output.stderr)
        );
        assert_eq!(text(&output.stderr), "", "{export}: no warning");
        let rows = json_lines(&output);
        assert_eq!(rows.len(), 10, "{export}");
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(&row["id"], &ids[i], "{export} row {i}");
            assert_eq!(
                comparable(row.clone()),
                comparable(expected[i].clone()),
                "{export}: person {}",
                i + 1
            );
        }
    }
}

/// The label "Art, music or drama" holds commas; Google joins ticked boxes with ", ".
#[test]
fn a_google_label_with_commas_is_one_ticked_box() {
    let people = people();
    let bob = &people[1];
    assert_eq!(
        bob["answers"]["subjects"],
        json!(["Biology", "Art, music or drama", "Chemistry"])
    );
    let output = careerfit()
        .args(["score", "him-career-fit", "--full"])
        .arg(forms("google.csv"))
        .output()
        .unwrap();
    let row = &json_lines(&output)[1];
    let subjects = row["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question"] == "subjects")
        .unwrap();
    assert_eq!(subjects["answer"], json!(["biology", "chemistry", "arts"]));
}

#[test]
fn the_spreadsheet_has_the_issues_columns_and_one_decimal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("results.csv");
    careerfit()
        .args(["score", "him-career-fit"])
        .arg(forms("microsoft.xlsx"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "personal results are private");
    let rows = csv_rows(&std::fs::read(&out).unwrap());
    let header = &rows[0];
    assert_eq!(
        header[..8],
        [
            "id",
            "best",
            "best_title",
            "best_fit",
            "best_band",
            "verdict",
            "confidence",
            "talk"
        ]
    );
    assert_eq!(header[8], "fit.records-clerk");
    assert_eq!(header[13], "trait.varied-career");
    assert_eq!(header[header.len() - 2..], ["warnings", "error"]);
    assert_eq!(rows.len(), 11);
    // Against the compact JSON rows of the same export: the same best and figures.
    let output = careerfit()
        .args(["score", "him-career-fit"])
        .arg(forms("microsoft.xlsx"))
        .output()
        .unwrap();
    for (cells, row) in rows[1..].iter().zip(json_lines(&output)) {
        assert_eq!(cells[0], row["id"].as_str().unwrap());
        assert_eq!(cells[1], row["profiles"][0]["id"].as_str().unwrap());
        assert_eq!(cells[1], row["best"][0].as_str().unwrap());
        assert!(cells[2].starts_with("Health information") || cells[2] == "Medical coder");
        assert_eq!(
            cells[3].parse::<f64>().unwrap(),
            row["profiles"][0]["fit"].as_f64().unwrap()
        );
        assert_eq!(cells[4], row["profiles"][0]["band"].as_str().unwrap());
        assert_eq!(cells[5], row["verdict"].as_str().unwrap());
        assert_eq!(cells[6], row["confidence"].as_str().unwrap());
        // Who needs a talk, from the same confidence and verdict.
        let mut talk = Vec::new();
        if cells[6] == "low" {
            talk.push("low_confidence");
        }
        match cells[5].as_str() {
            "probably_not" => talk.push("probably_not"),
            "unclear" => talk.push("unclear"),
            _ => {}
        }
        assert_eq!(cells[7], talk.join("; "));
        for cell in &cells[8..header.len() - 2] {
            let decimals = cell.split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 1, "{cell} has at most one decimal");
        }
        let codes: Vec<&str> = row["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(cells[header.len() - 2], codes.join("; "));
    }
    // Written once; again only with --force.
    careerfit()
        .args(["score", "him-career-fit"])
        .arg(forms("microsoft.xlsx"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(format!(
            "error: {} already exists; add --force to replace it, or choose another name\n",
            out.display()
        ));
}

/// OWASP's advice on CSV injection: no cell a spreadsheet opens may start a formula.
#[test]
fn no_cell_of_the_spreadsheet_can_become_a_formula() {
    let rows = "id,q-required\n=1+2,1\n@SUM(1),2\n+3,3\n-4,4\n\"=HYPERLINK(\"\"x\"\")\",9\n";
    let output = score_small_stdin(&["--input-format", "csv", "--format", "csv"], rows);
    assert_eq!(output.status.code(), Some(2), "the last row is bad");
    let cells = csv_rows(&output.stdout);
    let ids: Vec<&str> = cells[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["'=1+2", "'@SUM(1)", "'+3", "'-4", "'=HYPERLINK(\"x\")"]
    );
    // The bad row keeps its line, its error in the last column.
    let bad = &cells[5];
    assert!(bad[cells[0].len() - 1].starts_with("answers.q-required: `9` is not a label"));
    assert!(bad[1..cells[0].len() - 1].iter().all(String::is_empty));
    for row in &cells {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} could start a formula"
            );
        }
    }
    // A number is a number: a JSON id of -4 is not text, and is written as it is.
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["--format", "csv"])
        .write_stdin("{\"id\": -4, \"answers\": {\"q-required\": 1}}\n")
        .output()
        .unwrap();
    assert_eq!(csv_rows(&output.stdout)[1][0], "-4");
}

#[test]
fn the_id_column_can_be_named_and_a_wrong_name_is_refused_with_a_hint() {
    let rows = "Student,q-required\nkim,1\n";
    let output = score_small_stdin(&["--input-format", "csv", "--id-column", "Student"], rows);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(json_lines(&output)[0]["id"], "kim");
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .args(["-", "--input-format", "csv", "--id-column", "Studnet"])
        .write_stdin(rows)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "<stdin>:1:1: error: no column of the header is called `Studnet` (--id-column)\n  \
             hint: did you mean `Student`?\n",
        );
}

#[test]
fn the_delimiter_is_found_or_given() {
    for (rows, extra) in [
        ("id;q-required;q-yes\nann;Agree;no\n", vec![]),
        ("id\tq-required\tq-yes\nann\tAgree\tno\n", vec![]),
        (
            "id|q-required|q-yes\nann|Agree|no\n",
            vec!["--delimiter", "|"],
        ),
    ] {
        let output = careerfit()
            .arg("score")
            .arg(fixture("small.yaml"))
            .args(["-", "--input-format", "csv"])
            .args(&extra)
            .write_stdin(rows)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{rows:?}: {}",
            text(&output.stderr)
        );
        assert_eq!(json_lines(&output)[0]["id"], "ann");
    }
    careerfit()
        .args(["score", "him-career-fit", "--delimiter", "x"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`x` is not a delimiter careerfit reads; give , ; | or tab",
        ));
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write(dir.path(), "form.xlsx", "id,q-required\n1,1\n");
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&fake)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error: {}: not an Excel workbook careerfit can read (",
            fake.display()
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with("save it as .xlsx, or export the responses as CSV\n"));
}

/// The class report's counts are the summary's: parsed from the page, compared with
/// `--summary --json` of the same rows.
#[test]
fn the_class_report_counts_what_the_summary_counts() {
    let dir = tempfile::tempdir().unwrap();
    // 40 generated respondents, two bad rows and two straight-liners.
    let him = careerfit::quiz::load(
        "him",
        careerfit::quiz::builtin::find("him-career-fit").unwrap(),
    )
    .unwrap()
    .0;
    let mut rng = careerfit::sample::Rng::new(9);
    let mut lines: Vec<String> = (0..40)
        .map(|i| {
            let answers = careerfit::sample::answers(&him, &mut rng);
            json!({"id": format!("s-{i}"), "answers": answers}).to_string()
        })
        .collect();
    let same: serde_json::Map<String, Value> = him
        .questions
        .iter()
        .filter(|q| matches!(q.kind, careerfit::quiz::QuestionKind::Scale { .. }))
        .map(|q| (q.id.clone(), json!(4)))
        .collect();
    lines.push(json!({"id": "same-1", "answers": same}).to_string());
    lines.push(json!({"id": "same-2", "answers": same}).to_string());
    lines.push("not json".into());
    lines.push("{\"id\": \"x\", \"answers\": {\"nope\": 1}}".into());
    let input = write(dir.path(), "class.jsonl", &(lines.join("\n") + "\n"));
    let page = dir.path().join("class.html");
    let output = careerfit()
        .args(["score", "him-career-fit", "--summary", "--json", "-o"])
        .arg(dir.path().join("rows.jsonl"))
        .arg("--report")
        .arg(&page)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "two rows are bad");
    let summary = stdout_json(&output);
    let html = std::fs::read_to_string(&page).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let cell = |selector: &str| -> String {
        let s = scraper::Selector::parse(selector).unwrap();
        doc.select(&s).next().unwrap().text().collect::<String>()
    };
    assert_eq!(cell("#scored"), summary["scored"].to_string());
    assert_eq!(cell("#failed"), summary["failed"].to_string());
    assert_eq!(
        cell("#low-confidence"),
        summary["low_confidence"].to_string()
    );
    assert_eq!(summary["scored"], 42);
    assert_eq!(summary["failed"], 2);
    assert!(summary["low_confidence"].as_u64().unwrap() >= 2);
    // The count a row of a table gives, found by the row's data attribute.
    let count = |row: String| -> String {
        let s = scraper::Selector::parse(&format!("{row} td[data-count]")).unwrap();
        let cell = doc.select(&s).next().unwrap();
        cell.value().attr("data-count").unwrap().to_string()
    };
    for pathway in summary["pathways"].as_array().unwrap() {
        let row = format!("tr[data-pathway=\"{}\"]", pathway["id"].as_str().unwrap());
        assert_eq!(count(row), pathway["best_fit"].to_string());
    }
    for kind in summary["warnings"].as_array().unwrap() {
        let row = format!("tr[data-code=\"{}\"]", kind["code"].as_str().unwrap());
        assert_eq!(count(row), kind["respondents"].to_string());
    }
    assert!(
        summary["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["code"] == "straight_lining")
    );
    for t in summary["traits"].as_array().unwrap() {
        let s = format!("tr[data-trait=\"{}\"] td", t["id"].as_str().unwrap());
        let s = scraper::Selector::parse(&s).unwrap();
        let mean = doc.select(&s).next().unwrap().text().collect::<String>();
        let expected = (t["mean"].as_f64().unwrap() * 10.0).round() / 10.0;
        assert_eq!(mean.parse::<f64>().unwrap(), expected);
    }
    // Self-contained: no scripts, nothing fetched; each chart described in words.
    assert!(!html.contains("<script") && !html.contains("src="));
    let charts = scraper::Selector::parse("svg[role=img][aria-label]").unwrap();
    assert_eq!(doc.select(&charts).count(), 2);
}

#[test]
fn the_class_report_is_a_web_page_and_never_the_rows_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "rows.jsonl",
        "{\"answers\": {\"q-required\": 1}}\n",
    );
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--report", "class.pdf"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: class.pdf: the class report is a web page; name it FILE.html\n");
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--report", "out.html", "-o", "out.html"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr("error: --report and --output name the same file; give the report its own name\n");
    assert!(!dir.path().join("class.pdf").exists() && !dir.path().join("out.html").exists());
    careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .args(["--format", "csv", "--full"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --full writes whole JSON results, and a spreadsheet has its own columns; \
             drop --full, or write jsonl\n",
        );
}

/// Every default row is valid against `careerfit schema score-row`.
#[test]
fn rows_follow_the_score_row_schema() {
    let schema = stdout_json(&careerfit().args(["schema", "score-row"]).output().unwrap());
    let validator = jsonschema::validator_for(&schema).unwrap();
    let output = careerfit()
        .args(["score", "him-career-fit"])
        .arg(forms("google.csv"))
        .output()
        .unwrap();
    let mut rows = json_lines(&output);
    let bad = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .write_stdin("not json\n")
        .output()
        .unwrap();
    rows.extend(json_lines(&bad));
    assert_eq!(rows.len(), 11);
    for row in rows {
        let errors: Vec<String> = validator.iter_errors(&row).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}\n{row}");
    }
}

/// Form tools and spreadsheets end lines with "\r\n"; a row's line is still its own.
#[test]
fn lines_are_counted_alike_whatever_ends_them() {
    for rows in [
        "id,q-required\n,1\n,2\n,9\n",
        "id,q-required\r\n,1\r\n,2\r\n,9\r\n",
    ] {
        let output = careerfit()
            .arg("score")
            .arg(fixture("small.yaml"))
            .args(["-", "--input-format", "csv"])
            .write_stdin(rows)
            .output()
            .unwrap();
        let ids: Vec<Value> = json_lines(&output)
            .iter()
            .map(|r| r["id"].clone())
            .collect();
        assert_eq!(ids, [json!(2), json!(3), json!(4)], "{rows:?}");
        assert!(
            text(&output.stderr).contains("\n<stdin>:4: error:"),
            "{rows:?}"
        );
    }
}

/// small.yaml with some of its texts and labels changed (`from`, `to` pairs of
/// whole YAML lines' text), written into `dir`.
fn small_quiz_with(dir: &std::path::Path, changes: &[(&str, &str)]) -> PathBuf {
    let mut yaml = std::fs::read_to_string(fixture("small.yaml")).unwrap();
    for (from, to) in changes {
        assert!(yaml.contains(from), "{from}");
        yaml = yaml.replace(from, to);
    }
    write(dir, "quiz.yaml", &yaml)
}

/// `careerfit score QUIZ INPUT --full ARGS`, its rows' answers by question id.
fn answers_of(output: &std::process::Output) -> Vec<serde_json::Map<String, Value>> {
    json_lines(output)
        .iter()
        .map(|row| {
            row["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    (
                        a["question"].as_str().unwrap().to_string(),
                        a["answer"].clone(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_header_is_matched_to_its_question_as_people_see_it() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = small_quiz_with(
        dir.path(),
        &[
            (
                "text: How careful are you?",
                "text: 'I\u{2019}d like an \u{201C}open plan\u{201D} caf\u{e9} \u{2013} would you?'",
            ),
            ("label: A laptop", "label: A \u{2018}laptop\u{2019}"),
        ],
    );
    // As Google writes them: straight quotes, a decomposed accent, an em dash and a
    // non-breaking space, the question mark and a full stop lost; a label with
    // straight quotes.
    let csv = "Timestamp,\"I'd like an \"\"open plan\"\" cafe\u{301}\u{a0}\u{2014} would you\",\
               How careless are you?,Do you like parties?,Do you avoid people?,Which tool?,\
               Which have you used?,I check my work\n\
               2026/11/01 10:00:00,3,1,Yes,No,A 'laptop',A database,Agree\n";
    let input = write(dir.path(), "google.csv", csv);
    let output = careerfit()
        .args(["score", "--full", "--strict"])
        .arg(&quiz)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "", "every question has its column");
    let answers = &answers_of(&output)[0];
    assert_eq!(answers["q-scale"], json!(3));
    assert_eq!(answers["q-choice"], json!("a"));
    assert_eq!(answers["q-required"], json!(4));
}

#[test]
fn a_header_that_names_no_question_gets_the_nearest_and_strict_refuses_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "google.csv",
        "Timestamp,How carefull are you,I check my work.\n2026/11/01,3,Agree\n",
    );
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:1:1: warning: column 2 `How carefull are you` is not a question of quiz \
             `small`; it is ignored\n  hint: did you mean `How careful are you?`?",
            input.display()
        )),
        "{stderr}"
    );
    // The run's last line names what every row skipped.
    assert_eq!(
        stderr.lines().last().unwrap(),
        format!(
            "{}: every row skipped the questions no column answers: q-scale, q-reverse, \
             q-yes, q-no-rev, q-choice, q-multi",
            input.display()
        )
    );
    let strict = careerfit()
        .args(["score", "--strict"])
        .arg(fixture("small.yaml"))
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(2), "{}", text(&strict.stderr));
    assert!(strict.stdout.is_empty(), "nothing is scored");
    assert!(
        text(&strict.stderr).contains(&format!(
            "{}: no column answers these questions: q-scale, q-reverse, q-yes, q-no-rev, \
             q-choice, q-multi; with --strict every question needs a column",
            input.display()
        )),
        "{}",
        text(&strict.stderr)
    );
}

#[test]
fn a_ticked_label_that_holds_a_semicolon_is_one_box_in_a_google_export() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = small_quiz_with(
        dir.path(),
        &[("label: A database", "label: A database; SQL")],
    );
    let input = write(
        dir.path(),
        "google.csv",
        "Timestamp,Which have you used?,I check my work.\n\
         2026/11/01,\"A database; SQL, A spreadsheet\",Agree\n\
         2026/11/02,\"A spreadsheet;A database; SQL;\",Agree\n",
    );
    let output = careerfit()
        .args(["score", "--full"])
        .arg(&quiz)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let answers = answers_of(&output);
    assert_eq!(answers[0]["q-multi"], json!(["x", "y"]));
    assert_eq!(answers[1]["q-multi"], json!(["x", "y"]));
}
