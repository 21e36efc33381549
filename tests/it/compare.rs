//! `careerfit compare OLD.json NEW.json` on two hand-made results.

use crate::common::*;
use serde_json::{Value, json};

/// A result of the small quiz with these trait scores and fits, ranked as given.
fn result(version: &str, traits: [Option<f64>; 3], fits: &[(&str, Option<f64>)]) -> Value {
    let names = [
        ("careful", "Careful"),
        ("social", "Social"),
        ("techy", "Techy"),
    ];
    json!({
        "schema": "careerfit/result/v1",
        "quiz": {"id": "small", "title": "A small quiz", "version": version},
        "completed_at": format!("2026-0{}-01T10:00:00Z", if version == "2" { 2 } else { 1 }),
        "answers": [],
        "traits": names.iter().zip(traits).map(|((id, name), score)| json!({
            "id": id, "name": name, "score": score, "answered": 1, "questions": 2
        })).collect::<Vec<_>>(),
        "profiles": fits.iter().map(|(id, fit)| json!({
            "id": id, "title": format!("{} pathway", id), "fit": fit, "band": null,
            "education": null, "job_titles": [], "certifications": [], "next_steps": [],
            "growth_areas": []
        })).collect::<Vec<_>>(),
        "warnings": []
    })
}

#[test]
fn changes_and_ranks_are_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    // Old: careful 50, social 80, techy not assessed; alpha 57.5 first, beta 80... as ranked.
    let old = result(
        "2",
        [Some(50.0), Some(80.0), None],
        &[("beta", Some(80.0)), ("alpha", Some(57.5)), ("gamma", None)],
    );
    // New: careful 75 (+25), social 60 (-20), techy 90 (newly assessed).
    // alpha (3x75 + 60)/4 = 71.25 (+13.75), beta (2x90 + 2x60)/4 = 75 (-5), gamma 90.
    let new = result(
        "2",
        [Some(75.0), Some(60.0), Some(90.0)],
        &[
            ("gamma", Some(90.0)),
            ("beta", Some(75.0)),
            ("alpha", Some(71.25)),
        ],
    );
    let old_file = write(dir.path(), "old.json", &old.to_string());
    let new_file = write(dir.path(), "new.json", &new.to_string());
    let output = careerfit()
        .arg("compare")
        .arg(&old_file)
        .arg(&new_file)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let c = stdout_json(&output);
    assert_eq!(c["warnings"], json!([]));
    let traits = &c["traits"];
    assert_close(&traits[0]["change"], 25.0);
    assert_close(&traits[1]["change"], -20.0);
    assert_eq!(traits[2]["old"], Value::Null);
    assert_close(&traits[2]["new"], 90.0);
    assert_eq!(
        traits[2]["change"],
        Value::Null,
        "no change from not assessed"
    );
    let pathways = &c["pathways"];
    assert_eq!(pathways[0]["id"], "gamma");
    assert_eq!(pathways[0]["old_rank"], Value::Null, "not scored before");
    assert_eq!(pathways[0]["new_rank"], 1);
    assert_eq!(pathways[1]["id"], "beta");
    assert_eq!(
        (
            pathways[1]["old_rank"].clone(),
            pathways[1]["new_rank"].clone()
        ),
        (json!(1), json!(2))
    );
    assert_close(&pathways[1]["change"], -5.0);
    assert_eq!(pathways[2]["id"], "alpha");
    assert_close(&pathways[2]["change"], 13.75);

    let tables = careerfit()
        .arg("compare")
        .arg(&old_file)
        .arg(&new_file)
        .output()
        .unwrap();
    let tables = text(&tables.stdout);
    assert!(tables.lines().all(|l| l.chars().count() <= 80));
    insta::assert_snapshot!(tables);
}

#[test]
fn different_quizzes_are_refused_and_versions_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let fits = [("alpha", Some(50.0))];
    let old = result("1", [Some(50.0), None, None], &fits);
    let new = result("2", [Some(60.0), None, None], &fits);
    let mut other = new.clone();
    other["quiz"]["id"] = "other".into();
    let old_file = write(dir.path(), "old.json", &old.to_string());
    let new_file = write(dir.path(), "new.json", &new.to_string());
    let other_file = write(dir.path(), "other.json", &other.to_string());
    careerfit()
        .arg("compare")
        .arg(&old_file)
        .arg(&other_file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: these results are of different quizzes (`small` and `other`), so they \
                 cannot be compared\n",
        );
    let output = careerfit()
        .arg("compare")
        .arg(&old_file)
        .arg(&new_file)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let c = stdout_json(&output);
    assert!(
        c["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("The results come from versions 1 and 2")
    );
    assert_close(&c["traits"][0]["change"], 10.0);
}

#[test]
fn compare_writes_every_format_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let (old, new) = (dir.path().join("old.json"), dir.path().join("new.json"));
    take_small(&answers).arg("-o").arg(&old).assert().code(0);
    take_small(&answers).arg("-o").arg(&new).assert().code(0);
    let run = |args: &[&str]| {
        let output = careerfit()
            .arg("compare")
            .arg(&old)
            .arg(&new)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        text(&output.stdout)
    };
    assert_eq!(run(&["--json"]), run(&["--format", "json"]));
    let plain = run(&["--format", "plain"]);
    assert!(
        plain.contains("- Careful: 69 then 69; change 0.0."),
        "{plain}"
    );
    let markdown = run(&["--format", "markdown"]);
    assert!(
        markdown.contains("| Careful | 69 | 69 | 0.0 |"),
        "{markdown}"
    );
    let html = run(&["--format", "html"]);
    let page = scraper::Html::parse_document(&html);
    let row = scraper::Selector::parse("table tbody tr").unwrap();
    let cells: Vec<Vec<String>> = page
        .select(&row)
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| c.text().collect())
                .collect()
        })
        .collect();
    assert!(
        cells.contains(&vec![
            "Careful".into(),
            "69".into(),
            "69".into(),
            "0.0".into()
        ]),
        "{cells:?}"
    );
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
}

/// One reader of saved results: a file that is not one is told in the same words by
/// `explain`, `report` and `compare`, whichever way it is not one.
#[test]
fn a_file_that_is_not_a_result_gets_one_message_from_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "answers.json",
        "{\"answers\": {\"q-scale\": 2}}\n",
    );
    let other = write(
        dir.path(),
        "other.json",
        "{\"schema\": \"careerfit/answers/v1\"}\n",
    );
    for (file, why) in [
        (&answers, "missing field `schema` at line 1 column 27"),
        (
            &other,
            "its schema is `careerfit/answers/v1`, not `careerfit/result/v2`",
        ),
    ] {
        let expected = format!("error: {}: not a careerfit result: {why}\n", file.display());
        let file = file.to_str().unwrap();
        for args in [
            vec!["explain", file],
            vec!["report", file, "-o", "out.html"],
            vec!["compare", file, file],
        ] {
            careerfit()
                .current_dir(dir.path())
                .args(&args)
                .assert()
                .code(2)
                .stdout("")
                .stderr(expected.clone());
        }
    }
}
