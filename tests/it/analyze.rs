//! `careerfit analyze` as a quiz author runs it: figures that agree with R's psych
//! package, the flags, the outputs, and bad input.

use crate::common::*;
use serde_json::{Value as Json, json};
use std::collections::HashMap;

fn analysis_fixture(name: &str) -> std::path::PathBuf {
    fixture(&format!("analysis/{name}"))
}

/// `careerfit analyze` of the analysis fixture's quiz and rows, ready for more arguments.
fn analyze_rows() -> assert_cmd::Command {
    let mut cmd = careerfit();
    cmd.arg("analyze")
        .arg(analysis_fixture("quiz.yaml"))
        .arg(analysis_fixture("rows.jsonl"));
    cmd
}

/// `careerfit analyze` on the analysis fixture's rows, as JSON.
fn analyze_fixture() -> Json {
    let output = analyze_rows().arg("--json").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    stdout_json(&output)
}

/// A CSV written by R (`NA` for none) as rows of column -> text.
fn r_csv(name: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(analysis_fixture(name)).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// A figure agrees with R's to 0.001; R's `NA` is our null.
fn agrees(what: &str, ours: &Json, r: &str) {
    if r == "NA" {
        assert!(ours.is_null(), "{what}: R has NA, careerfit {ours}");
        return;
    }
    let r: f64 = r.parse().unwrap();
    let ours = ours
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: {ours} is not a number"));
    assert!((ours - r).abs() < 0.001, "{what}: careerfit {ours}, R {r}");
}

#[test]
fn alpha_and_its_interval_agree_with_r_psych_to_three_decimals() {
    let analysis = analyze_fixture();
    let traits = analysis["traits"].as_array().unwrap();
    let expected = r_csv("expected-traits.csv");
    assert_eq!(traits.len(), expected.len());
    for (ours, r) in traits.iter().zip(&expected) {
        let id = &r["trait"];
        assert_eq!(ours["id"], json!(id));
        assert_eq!(
            ours["complete"],
            json!(r["complete"].parse::<u64>().unwrap())
        );
        agrees(&format!("{id} alpha"), &ours["alpha"], &r["alpha"]);
        agrees(
            &format!("{id} ci low"),
            &ours["alpha_ci95"][0],
            &r["ci_low"],
        );
        agrees(
            &format!("{id} ci high"),
            &ours["alpha_ci95"][1],
            &r["ci_high"],
        );
    }
}

#[test]
fn every_item_statistic_agrees_with_r_psych_to_three_decimals() {
    let analysis = analyze_fixture();
    let items: Vec<&Json> = analysis["traits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["items"].as_array().unwrap())
        .collect();
    let expected = r_csv("expected-items.csv");
    assert_eq!(items.len(), expected.len());
    for (ours, r) in items.iter().zip(&expected) {
        let q = &r["question"];
        assert_eq!(ours["question"], json!(q));
        assert_eq!(
            ours["answered"],
            json!(r["answered"].parse::<u64>().unwrap())
        );
        for field in [
            "missing",
            "mean",
            "sd",
            "floor",
            "ceiling",
            "item_rest_r",
            "alpha_if_deleted",
        ] {
            agrees(&format!("{q} {field}"), &ours[field], &r[field]);
        }
    }
}

#[test]
fn the_item_that_measures_nothing_is_flagged_and_the_good_ones_are_not() {
    let analysis = analyze_fixture();
    let order = &analysis["traits"][0];
    for item in order["items"].as_array().unwrap() {
        let flags = item["flags"].as_array().unwrap();
        let weak =
            flags.contains(&json!("negative_item_rest")) || flags.contains(&json!("low_item_rest"));
        assert_eq!(weak, item["question"] == "o-noise", "{item}");
    }
    // Alpha of the 5-point trait rises without the noise item.
    let noise = &order["items"][5];
    assert!(noise["alpha_if_deleted"].as_f64().unwrap() > order["alpha"].as_f64().unwrap());
}

#[test]
fn analyze_flags_exactly_the_respondents_score_marks_low_and_for_the_same_reasons() {
    // One notion of careless: analyze's flags are score's low-confidence codes.
    let analysis = analyze_fixture();
    let flagged: HashMap<String, Vec<Json>> = analysis["respondent_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["flags"].as_array().unwrap().clone(),
            )
        })
        .collect();
    let output = careerfit()
        .arg("score")
        .arg(analysis_fixture("quiz.yaml"))
        .arg(analysis_fixture("rows.jsonl"))
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let mut low = HashMap::new();
    for row in crate::common::json_lines(&output) {
        if row["confidence"] == "low" {
            let codes: Vec<Json> = row["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| careerfit::trust::lowers_confidence(c.as_str().unwrap()))
                .cloned()
                .collect();
            low.insert(row["id"].as_str().unwrap().to_string(), codes);
        }
    }
    assert_eq!(flagged, low);
    // generate.py makes every 80th respondent answer one position of each scale
    // throughout, and r90 skip most questions.
    for id in ["r80", "r160", "r240", "r320", "r400"] {
        assert_eq!(flagged[id], vec![json!("straight_lining")], "{id}");
    }
    assert_eq!(flagged["r90"], vec![json!("many_skipped")]);
}

/// The keys of a JSON object, in the order written.
fn keys(value: &Json) -> Vec<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("{value} is not an object"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_json_has_the_documented_shape() {
    let analysis = analyze_fixture();
    assert_eq!(
        keys(&analysis),
        [
            "schema",
            "quiz",
            "respondents",
            "rows_failed",
            "traits",
            "respondent_flags",
            "left_out"
        ]
    );
    assert_eq!(analysis["schema"], "careerfit/analysis/v1");
    assert_eq!(
        analysis["quiz"],
        json!({"id": "analysis-check", "title": "A quiz for checking the analysis", "version": "1"})
    );
    assert_eq!(analysis["respondents"], 400);
    assert_eq!(analysis["rows_failed"], 0);
    assert_eq!(analysis["left_out"], json!([]));
    assert_eq!(analysis["respondent_flags"].as_array().unwrap().len(), 6);
    assert_eq!(
        analysis["respondent_flags"][0],
        json!({"id": "r80", "flags": ["straight_lining"]})
    );

    // The second trait, every field; its figures are R psych's (expected-*.csv).
    let t = &analysis["traits"][1];
    assert_eq!(
        keys(t),
        [
            "id",
            "name",
            "questions",
            "complete",
            "alpha",
            "alpha_ci95",
            "flags",
            "items"
        ]
    );
    assert_eq!(t["id"], "people");
    assert_eq!(t["name"], "People");
    assert_eq!(t["questions"], 5);
    assert_eq!(t["complete"], 294);
    assert_close(&t["alpha"], 0.83276791539262);
    assert_close(&t["alpha_ci95"][0], 0.800520799954571);
    assert_close(&t["alpha_ci95"][1], 0.861195535046479);
    assert_eq!(t["alpha_ci95"].as_array().unwrap().len(), 2);
    assert_eq!(t["flags"], json!([]));
    let questions: Vec<&str> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["question"].as_str().unwrap())
        .collect();
    assert_eq!(questions, ["p1", "p2", "p3", "p4", "p5"]);

    let item = &t["items"][0];
    assert_eq!(
        keys(item),
        [
            "question",
            "answered",
            "missing",
            "mean",
            "sd",
            "floor",
            "ceiling",
            "item_rest_r",
            "alpha_if_deleted",
            "flags"
        ]
    );
    assert_eq!(item["question"], "p1");
    assert_eq!(item["answered"], 381);
    for (field, r) in [
        ("missing", 0.0475),
        ("mean", 0.481189851268591),
        ("sd", 0.314622555545745),
        ("floor", 0.141732283464567),
        ("ceiling", 0.115485564304462),
        ("item_rest_r", 0.711398968648425),
        ("alpha_if_deleted", 0.776656601446967),
    ] {
        assert!(
            (item[field].as_f64().unwrap() - r).abs() < 1e-9,
            "p1 {field}: careerfit {}, R {r}",
            item[field]
        );
    }
    assert_eq!(item["flags"], json!([]));
}

#[test]
fn stdin_and_a_file_give_the_same_analysis() {
    let rows = std::fs::read_to_string(analysis_fixture("rows.jsonl")).unwrap();
    let output = careerfit()
        .arg("analyze")
        .arg(analysis_fixture("quiz.yaml"))
        .arg("--json")
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_json(&output), analyze_fixture());
}

#[test]
fn csv_rows_give_the_same_figures_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let csv =
        "id,m1,m2,m3,o1\nr1,yes,no,daily,Agree\nr2,no,yes,never,Disagree\nr3,yes,yes,weekly,\n";
    let jsonl = r#"{"id":"r1","answers":{"m1":true,"m2":false,"m3":"daily","o1":"Agree"}}
{"id":"r2","answers":{"m1":false,"m2":true,"m3":"never","o1":"Disagree"}}
{"id":"r3","answers":{"m1":true,"m2":true,"m3":"weekly"}}
"#;
    let run = |name: &str, contents: &str| {
        let path = write(dir.path(), name, contents);
        let output = careerfit()
            .arg("analyze")
            .arg(analysis_fixture("quiz.yaml"))
            .arg(&path)
            .arg("--json")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        stdout_json(&output)
    };
    let from_csv = run("class.csv", csv);
    assert_eq!(from_csv, run("class.jsonl", jsonl));
    // m1: yes, no, yes.
    assert_close(&from_csv["traits"][2]["items"][0]["mean"], 2.0 / 3.0);
}

#[test]
fn a_bad_row_is_reported_with_its_line_counted_and_the_run_exits_2() {
    let rows = "{\"id\":\"a\",\"answers\":{\"o1\":\"Agree\"}}\n{\"id\":\"b\",\"answers\":{\"o1\":\"Agre\"}}\n";
    let output = careerfit()
        .arg("analyze")
        .arg(analysis_fixture("quiz.yaml"))
        .arg("--json")
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("<stdin>:2: error: "), "{stderr}");
    let analysis = stdout_json(&output);
    assert_eq!(analysis["respondents"], 1);
    assert_eq!(analysis["rows_failed"], 1);
}

#[test]
fn with_too_few_respondents_every_trait_says_so() {
    let rows = "{\"id\":\"a\",\"answers\":{\"o1\":\"Agree\"}}\n";
    let output = careerfit()
        .arg("analyze")
        .arg(analysis_fixture("quiz.yaml"))
        .arg("--json")
        .write_stdin(rows)
        .output()
        .unwrap();
    let analysis = stdout_json(&output);
    for t in analysis["traits"].as_array().unwrap() {
        assert!(
            t["flags"]
                .as_array()
                .unwrap()
                .contains(&json!("too_few_to_trust"))
        );
        // One respondent: no variance, so no alpha, and never NaN.
        assert!(t["alpha"].is_null());
        assert!(t["alpha_ci95"].is_null());
    }
}

#[test]
fn the_tables_fit_80_columns_and_explain_the_flags_they_use() {
    let output = analyze_rows().output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    assert!(stdout.contains("│ Order "), "{stdout}");
    assert!(stdout.contains("o-noise: negative_item_rest"), "{stdout}");
    assert!(
        stdout.contains("negative_item_rest: item-rest r below 0: usually a missing reverse key"),
        "{stdout}"
    );
    assert!(stdout.contains("│ r80 "), "{stdout}");
    // Flags that occur nowhere are not explained.
    assert!(!stdout.contains("high_alpha:"), "{stdout}");
}

#[test]
fn the_html_page_has_each_charts_numbers_in_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("analysis.html");
    analyze_rows().arg("-o").arg(&page).assert().code(0);
    let analysis = analyze_fixture();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script"), "no scripts");
    let document = scraper::Html::parse_document(&html);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    let charts: Vec<_> = document.select(&select("svg[role=img]")).collect();
    assert_eq!(charts.len(), 3, "one chart per trait");
    for chart in &charts {
        assert!(
            chart
                .value()
                .attr("aria-label")
                .unwrap()
                .contains("Item-rest")
        );
    }
    let tables: Vec<_> = document.select(&select("section table")).collect();
    for (t, table) in analysis["traits"].as_array().unwrap().iter().zip(&tables) {
        for (item, row) in t["items"]
            .as_array()
            .unwrap()
            .iter()
            .zip(table.select(&select("tbody tr")))
        {
            let cells: Vec<String> = row.text().map(str::trim).map(String::from).collect();
            let r = item["item_rest_r"].as_f64().unwrap();
            assert!(
                cells.contains(&format!("{r:.2}")),
                "{cells:?} has no {r:.2}"
            );
            assert_eq!(cells[0], item["question"].as_str().unwrap());
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn json_output_file_is_the_same_as_json_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("analysis.json");
    analyze_rows().arg("-o").arg(&saved).assert().code(0);
    let json: Json = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(json, analyze_fixture());
}

#[test]
fn an_existing_output_is_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let saved = write(dir.path(), "analysis.json", "keep me");
    let run = |force: bool| {
        let mut cmd = analyze_rows();
        cmd.arg("-o").arg(&saved);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        text(&refused.stderr),
        format!(
            "error: {} already exists; add --force to replace it, or choose another name\n",
            saved.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), "keep me");
    assert_eq!(run(true).status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("careerfit/analysis/v1")
    );
}

#[test]
fn an_output_that_is_neither_json_nor_html_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("analysis.txt");
    analyze_rows()
        .arg("-o")
        .arg(&saved)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: analyze writes .json or .html; name the file with one of them\n",
            saved.display()
        ));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A class of 300 for the HIM quiz: every 25th person straight-lines, and one scale
/// question of a trait with three or more questions is answered at random.
fn him_class() -> (Vec<u8>, Vec<String>, String) {
    use careerfit::quiz::QuestionKind;
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let broken = (0..quiz.traits.len())
        .find_map(|t| {
            let questions: Vec<_> = quiz.questions.iter().filter(|q| q.traits == [t]).collect();
            (questions.len() >= 3)
                .then(|| {
                    questions
                        .iter()
                        .find(|q| matches!(q.kind, QuestionKind::Scale { .. }))
                        .map(|q| q.id.clone())
                })
                .flatten()
        })
        .expect("a trait with three questions, one of them a scale");
    let class = careerfit::sample::Class {
        size: 300,
        seed: 7,
        careless_every: 25,
        broken: Some(&broken),
    };
    let mut rows = Vec::new();
    class.rows(&quiz, &mut rows).unwrap();
    (rows, class.careless_ids(), broken)
}

#[test]
fn in_a_simulated_class_the_broken_item_and_the_careless_respondents_are_flagged() {
    let (rows, careless, broken) = him_class();
    let output = careerfit()
        .args(["analyze", "him-career-fit", "--json"])
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let analysis = stdout_json(&output);
    assert_eq!(analysis["respondents"], 300);
    let flagged: Vec<&str> = analysis["respondent_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(flagged, careless);
    for t in analysis["traits"].as_array().unwrap() {
        for item in t["items"].as_array().unwrap() {
            let flags = item["flags"].as_array().unwrap();
            let weak = flags.contains(&json!("low_item_rest"))
                || flags.contains(&json!("negative_item_rest"));
            let is_broken = item["question"] == broken.as_str();
            let in_broken_trait = t["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["question"] == broken.as_str());
            if is_broken {
                assert!(weak, "the broken item is not flagged: {item}");
            } else if !in_broken_trait {
                assert!(!weak, "a sound item is flagged: {item}");
            }
        }
    }
}

#[test]
fn the_tables_read_as_reviewed() {
    let output = analyze_rows().output().unwrap();
    insta::assert_snapshot!(text(&output.stdout));
}
