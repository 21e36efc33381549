//! `take --explain` and `careerfit explain RESULT.json`.

use crate::common::*;
use predicates::prelude::*;

/// The explanation printed during take is the one a saved result gives later.
#[test]
fn explain_from_a_result_file_equals_explain_during_take() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("result.json");
    for pathway in [None, Some("beta")] {
        let mut take = take_small(&answers);
        take.args(["--explain", "--json", "-o"])
            .arg(&saved)
            .arg("--force");
        if let Some(id) = pathway {
            take.args(["--pathway", id]);
        }
        let output = take.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let during = stdout_json(&output)["explanation"].clone();
        assert_eq!(during["pathway"], pathway.unwrap_or("gamma"));

        let mut explain = careerfit();
        explain.arg("explain").arg(&saved).args([
            "--quiz",
            fixture("small.yaml").to_str().unwrap(),
            "--json",
        ]);
        if let Some(id) = pathway {
            explain.args(["--pathway", id]);
        }
        let later = explain.output().unwrap();
        assert_eq!(later.status.code(), Some(0), "{}", text(&later.stderr));
        assert_eq!(stdout_json(&later), during);
        let sum: f64 = during["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["points"].as_f64().unwrap())
            .sum();
        assert_close(&during["fit"], sum);
    }
}

#[test]
fn the_explanation_reads_as_tables() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let output = take_small(&answers)
        .args(["--explain", "--pathway", "alpha"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    let explanation = &stdout[stdout.find("Why Alpha pathway").expect("an explanation")..];
    assert!(explanation.lines().all(|l| l.chars().count() <= 80));
    insta::assert_snapshot!(explanation);
}

#[test]
fn an_unknown_pathway_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    take_small(&answers)
        .args(["--explain", "--pathway", "omega"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: quiz `small` has no pathway `omega`; its pathways are alpha (Alpha \
             pathway), beta (Beta pathway), gamma (Gamma pathway)\n",
        );
}

/// A saved result of the small quiz, in `dir`.
fn saved_small(dir: &std::path::Path) -> std::path::PathBuf {
    let answers = write(dir, "a.yaml", SMALL_ANSWERS);
    let saved = dir.join("result.json");
    take_small(&answers).arg("-o").arg(&saved).assert().code(0);
    saved
}

/// `careerfit explain SAVED --quiz small.yaml --json --pathway PATHWAY`.
fn explain_small(saved: &std::path::Path, pathway: &str) -> std::process::Output {
    careerfit()
        .arg("explain")
        .arg(saved)
        .arg("--quiz")
        .arg(fixture("small.yaml"))
        .args(["--json", "--pathway", pathway])
        .output()
        .unwrap()
}

#[test]
fn a_pathway_is_found_by_its_title_whatever_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let saved = saved_small(dir.path());
    let by_id = explain_small(&saved, "beta");
    assert_eq!(by_id.status.code(), Some(0), "{}", text(&by_id.stderr));
    for title in ["Beta pathway", "beta PATHWAY"] {
        let by_title = explain_small(&saved, title);
        assert_eq!(
            by_title.status.code(),
            Some(0),
            "{}",
            text(&by_title.stderr)
        );
        assert_eq!(stdout_json(&by_title), stdout_json(&by_id));
    }
}

#[test]
fn a_mistyped_title_or_id_gets_a_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let saved = saved_small(dir.path());
    let pathways = "its pathways are alpha (Alpha pathway), beta (Beta pathway), gamma \
                    (Gamma pathway)\n";
    for (given, meant) in [("Beta pathwey", "Beta pathway"), ("gamme", "gamma")] {
        let output = explain_small(&saved, given);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            text(&output.stderr),
            format!(
                "error: quiz `small` has no pathway `{given}` (did you mean `{meant}`?); \
                 {pathways}"
            )
        );
    }
}

#[test]
fn the_him_result_is_explained_without_naming_the_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "a.yaml",
        "answers:\n  many-directions: 5\n  behind-the-scenes: Agree\n  check-my-work: 4\n",
    );
    let saved = dir.path().join("him.json");
    careerfit()
        .args(["take", "--answers"])
        .arg(&answers)
        .arg("-o")
        .arg(&saved)
        .assert()
        .code(0);
    careerfit()
        .arg("explain")
        .arg(&saved)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Why Health information administrator (RHIA) fits you")
                .and(predicate::str::contains("Points: what the answer added")),
        );
}

#[test]
fn a_file_that_is_not_a_result_is_refused_by_explain_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    for args in [vec!["explain"], vec!["report", "-o", "out.html"]] {
        let output = careerfit()
            .current_dir(dir.path())
            .args(&args[..1])
            .arg(&answers)
            .args(&args[1..])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).starts_with(&format!(
                "error: {}: not a careerfit result: ",
                answers.display()
            )),
            "{}",
            text(&output.stderr)
        );
        assert!(!dir.path().join("out.html").exists());
    }
}

/// Answers to the HIM quiz made up from `seed`, as an answers file.
fn him_sample_answers(dir: &std::path::Path, seed: u64) -> std::path::PathBuf {
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut rng = careerfit::sample::Rng::new(seed);
    let answers = careerfit::sample::answers(&quiz, &mut rng);
    write(
        dir,
        &format!("sample-{seed}.json"),
        &serde_json::json!({ "answers": answers }).to_string(),
    )
}

#[test]
fn the_gap_rows_add_up_to_the_gap_for_the_best_and_for_another_pathway() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [1, 2, 3] {
        let answers = him_sample_answers(dir.path(), seed);
        for pathway in [None, Some("records-clerk")] {
            let mut cmd = careerfit();
            cmd.args(["take", "--explain"])
                .arg("--answers")
                .arg(&answers);
            if let Some(id) = pathway {
                cmd.args(["--pathway", id]);
            }
            let output = cmd.output().unwrap();
            assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
            let stdout = text(&output.stdout);
            let table = &stdout[stdout.find("Where the gap comes from").expect("a gap")..];
            // The last column of every row; the total row last.
            let gaps: Vec<(String, f64)> = table
                .lines()
                .filter(|l| l.starts_with('│'))
                .skip(1)
                .map(|l| {
                    let cells: Vec<&str> = l.trim_matches('│').split('┆').map(str::trim).collect();
                    (cells[0].to_string(), cells[3].parse().unwrap())
                })
                .collect();
            let (total_name, total) = gaps.last().unwrap();
            assert_eq!(total_name, "Total: the fits");
            assert!(
                *total >= 0.0,
                "the gap reads from the pathway ahead: {total}"
            );
            let sum: f64 = gaps[..gaps.len() - 1].iter().map(|(_, g)| g).sum();
            // Each row is rounded to 0.1.
            let slack = 0.05 * gaps.len() as f64 + 1e-9;
            assert!(
                (sum - total).abs() <= slack,
                "rows {sum} vs gap {total}\n{table}"
            );
            assert!(gaps.len() <= 8, "five traits, the rest, the total: {table}");
        }
    }
}

#[test]
fn explain_writes_every_format_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("r.json");
    take_small(&answers).arg("-o").arg(&saved).assert().code(0);
    let run = |args: &[&str]| {
        let output = careerfit()
            .arg("explain")
            .arg(&saved)
            .arg("--quiz")
            .arg(fixture("small.yaml"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };
    assert_eq!(run(&["--json"]), run(&["--format", "json"]));
    assert_eq!(run(&[]), run(&["--format", "table"]));
    let plain = run(&["--format", "plain"]);
    assert!(!plain.contains('│'), "{plain}");
    assert!(
        plain.contains("Why Gamma pathway fits you 83 out of 100"),
        "{plain}"
    );
    assert!(plain.contains("- Total: the fits:"), "{plain}");
    let markdown = run(&["--format", "markdown"]);
    assert!(
        markdown.starts_with("## Why Gamma pathway fits you 83 out of 100"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Trait | Points here | Runner-up | Gap |"),
        "{markdown}"
    );
    // A page of its own: the explanation section of the report, nothing fetched.
    let html = run(&["--format", "html"]);
    let page = scraper::Html::parse_document(&html);
    let h2 = scraper::Selector::parse("main h2").unwrap();
    let heading: String = page.select(&h2).next().unwrap().text().collect();
    assert_eq!(heading, "Why Gamma pathway fits you 83 out of 100");
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    careerfit()
        .arg("explain")
        .arg(&saved)
        .args(["--json", "--format", "plain"])
        .assert()
        .code(2);
}
