//! `score` reads what careerfit writes: the results students send (`take --json`,
//! `take --output`), one to a file, as JSON Lines, or a folder of them.

use crate::common::*;
use careerfit::sample::{self, Rng};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// `take him-career-fit --answers FILE --json` of these answers: the result's text.
fn taken(dir: &Path, answers: &serde_json::Map<String, Value>) -> String {
    let file = write(
        dir,
        "answers.json",
        &json!({"quiz": "him-career-fit", "answers": answers}).to_string(),
    );
    let output = careerfit()
        .args(["take", "him-career-fit", "--json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout)
}

/// 25 made-up students: a folder of their results, and their answers as rows.
fn class(dir: &Path) -> (PathBuf, PathBuf) {
    let him = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut rng = Rng::new(32);
    let results = dir.join("results");
    std::fs::create_dir(&results).unwrap();
    let mut rows = String::new();
    for i in 0..25 {
        let answers = sample::answers(&him, &mut rng);
        let id = format!("student-{i:02}");
        write(&results, &format!("{id}.json"), &taken(dir, &answers));
        rows.push_str(&format!("{}\n", json!({"id": id, "answers": answers})));
    }
    (results, write(dir, "rows.jsonl", &rows))
}

/// `score him-career-fit INPUTS -o FILE --summary=json`: the rows written and the
/// summary, without the input's name.
fn scored(inputs: &[&Path], out: &Path) -> (String, Value) {
    let output = careerfit()
        .args(["score", "him-career-fit"])
        .args(inputs)
        .arg("-o")
        .arg(out)
        .arg("--summary=json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let mut summary = stdout_json(&output);
    summary.as_object_mut().unwrap().remove("input");
    (std::fs::read_to_string(out).unwrap(), summary)
}

#[test]
fn a_folder_of_25_results_scores_as_their_answers_rows_do() {
    let dir = tempfile::tempdir().unwrap();
    let (results, rows) = class(dir.path());
    let (from_results, summary_of_results) = scored(&[&results], &dir.path().join("a.jsonl"));
    let (from_rows, summary_of_rows) = scored(&[&rows], &dir.path().join("b.jsonl"));
    assert_eq!(from_results.lines().count(), 25);
    assert_eq!(from_results, from_rows);
    assert_eq!(summary_of_results, summary_of_rows);
    assert_eq!(summary_of_results["scored"], 25, "{summary_of_results}");
    assert_eq!(summary_of_results["failed"], 0, "{summary_of_results}");

    // The same results as JSON Lines, one a line, give the same figures; each is named
    // by its own `name`, or by its file and line.
    let mut lines = String::new();
    for i in 0..25 {
        let path = results.join(format!("student-{i:02}.json"));
        let mut result: Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        if i == 0 {
            result["name"] = json!("Ana");
        }
        lines.push_str(&format!("{result}\n"));
    }
    let jsonl = write(dir.path(), "takes.jsonl", &lines);
    let (from_lines, summary_of_lines) = scored(&[&jsonl], &dir.path().join("c.jsonl"));
    // The same figures; only the names differ.
    let unnamed = |mut summary: Value| {
        for respondent in summary["low_confidence_respondents"]
            .as_array_mut()
            .unwrap()
        {
            respondent.as_object_mut().unwrap().remove("id");
        }
        for group in ["low_confidence", "probably_not", "unclear"] {
            for respondent in summary["talk"][group]["respondents"]
                .as_array_mut()
                .unwrap()
            {
                respondent.as_object_mut().unwrap().remove("id");
            }
        }
        summary
    };
    assert_eq!(unnamed(summary_of_lines), unnamed(summary_of_rows.clone()));
    let ids: Vec<Value> = from_lines
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids[0], "Ana");
    assert_eq!(ids[1], "takes:2");
    assert_eq!(ids[24], "takes:25");

    // Files and folders together, in the order given.
    let one = results.join("student-03.json");
    let output = careerfit()
        .args(["score", "him-career-fit"])
        .arg(&one)
        .arg(&results)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let ids: Vec<Value> = json_lines(&output)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids.len(), 26);
    assert_eq!(ids[0], "student-03");
    assert_eq!(ids[1], "student-00");
}

/// A run that must fail with exactly this message, exit 2 and nothing written.
fn refused(args: &[&std::ffi::OsStr], out: &Path, message: &str) {
    let output = careerfit()
        .args(["score", "him-career-fit"])
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(text(&output.stderr), message);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_result_of_another_quiz_or_version_is_refused_by_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results");
    std::fs::create_dir(&results).unwrap();
    let him = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut rng = Rng::new(7);
    let good = taken(dir.path(), &sample::answers(&him, &mut rng));
    write(&results, "ana.json", &good);
    let small = take_small(&write(dir.path(), "small.yaml", SMALL_ANSWERS))
        .arg("--json")
        .output()
        .unwrap();
    write(&results, "ben.json", &text(&small.stdout));
    let mut old: Value = serde_json::from_str(&good).unwrap();
    old["quiz"]["version"] = json!("0.9");
    write(
        &results,
        "cy.json",
        &serde_json::to_string_pretty(&old).unwrap(),
    );
    let out = dir.path().join("scored.jsonl");
    refused(
        &[results.as_os_str()],
        &out,
        &format!(
            "{0}/ben.json: error: this result is for quiz `small`, not `him-career-fit`\n\
             {0}/cy.json: error: this result is of version 0.9 of quiz `him-career-fit`, and \
             this is version {1}; score it with the quiz file it was taken with\n",
            results.display(),
            him.version
        ),
    );
}

#[test]
fn rows_and_results_are_not_mixed_silently() {
    let dir = tempfile::tempdir().unwrap();
    let him = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut rng = Rng::new(9);
    let answers = sample::answers(&him, &mut rng);
    let result: Value = serde_json::from_str(&taken(dir.path(), &answers)).unwrap();
    let row = json!({"id": "r1", "answers": answers});
    let out = dir.path().join("scored.jsonl");

    // Results first: a row among them stops the run, at its line.
    let mixed = write(dir.path(), "mixed.jsonl", &format!("{result}\n{row}\n"));
    refused(
        &[mixed.as_os_str()],
        &out,
        &format!(
            "{}:2:1: error: an answers row among results: give rows and results in separate \
             files, and score them in separate runs\n",
            mixed.display()
        ),
    );

    // Rows first: the result is a bad row, said as such; the rows are scored.
    let mixed = write(dir.path(), "rows.jsonl", &format!("{row}\n{result}\n"));
    let output = careerfit()
        .args(["score", "him-career-fit"])
        .arg(&mixed)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = "a whole result (`take --json`) among answer rows: give rows and results \
                in separate files, and score them in separate runs";
    assert_eq!(
        text(&output.stderr),
        format!("{}:2: error: {said}\n", mixed.display())
    );
    let rows = json_lines(&output);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "r1");
    assert!(rows[0].get("error").is_none(), "{}", rows[0]);
    assert_eq!(rows[1]["error"], said);

    // A file of rows beside results.
    let one = write(dir.path(), "one.json", &result.to_string());
    let rows = write(dir.path(), "class.csv", "id,q1\n1,2\n");
    refused(
        &[one.as_os_str(), rows.as_os_str()],
        &out,
        &format!(
            "error: {} holds answer rows, and rows are not read beside results; score a file \
             of rows on its own, and results (`take --json` files, or folders of them) in a \
             run of their own\n",
            rows.display()
        ),
    );

    // A folder with nothing to score.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    refused(
        &[empty.as_os_str()],
        &out,
        &format!(
            "error: {}: no results in this folder (no *.json or *.jsonl files); give a folder \
             of `take --json` results\n",
            empty.display()
        ),
    );
}

#[test]
fn take_output_to_a_folder_names_each_result_for_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    let answers = write(dir.path(), "small.yaml", SMALL_ANSWERS);
    let mut saved = Vec::new();
    for _ in 0..2 {
        let output = take_small(&answers)
            .arg("--json")
            .arg("--output")
            .arg(format!("{}/", class.display()))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        saved.push(stdout_json(&output));
    }
    let mut files: Vec<String> = std::fs::read_dir(&class)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    for (file, result) in files.iter().zip(&saved) {
        let stamp = result["completed_at"].as_str().unwrap().replace(':', "-");
        assert!(file.starts_with(&stamp), "{file} is named for {stamp}");
        assert!(file.ends_with(".json"), "{file}");
    }
    // Two in the same second are both kept: the second is numbered.
    if saved[0]["completed_at"] == saved[1]["completed_at"] {
        let stamp = saved[0]["completed_at"].as_str().unwrap().replace(':', "-");
        assert_eq!(files, [format!("{stamp}-2.json"), format!("{stamp}.json")]);
    }
    // The folder scores.
    let output = careerfit()
        .arg("score")
        .arg(fixture("small.yaml"))
        .arg(&class)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(json_lines(&output).len(), 2);
}
