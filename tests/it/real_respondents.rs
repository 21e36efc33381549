//! The careless-answering checks held to real people (issue #30): real respondents'
//! answers from R's psychTools data sets (`tests/fixtures/real`, with their origin
//! and licence in its README), scored by `careerfit score` as an advisor would.
//! The checks that lower confidence may mark at most 5% of real people `low`, and
//! must mark at least 60% of uniformly random answer sets to the same items `low`.
//! Straight-lining, alternating extremes and answering too fast are still always
//! caught. Each figure is printed
//! (`cargo test --test it real_respondents -- --nocapture`) and quoted in the README.

use crate::common::{careerfit, fixture};
use careerfit::rng::Rng;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Every data set, with its pairs as correlated in the data (|r| >= .5) and looser
/// (|r| >= .35): the checks must hold on both.
const SETS: [&str; 6] = ["bfi", "spi", "sai", "tai", "msq", "epi"];

/// The items of a quiz file: (id, number of scale points, or 0 for yes/no).
fn items(quiz: &Value) -> Vec<(String, usize)> {
    let scales = &quiz["scales"];
    quiz["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let id = q["id"].as_str().unwrap().to_string();
            if q["type"] == "yes_no" {
                return (id, 0);
            }
            let scale = q["scale"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| scales.as_object().unwrap().keys().next().unwrap().clone());
            (id, scales[&scale]["labels"].as_array().unwrap().len())
        })
        .collect()
}

fn quiz_file(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture(&format!("real/{name}.yaml"))).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// `careerfit score QUIZ ROWS --format jsonl`: each row's confidence and warning codes.
fn scored(quiz: &str, rows: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let out = careerfit()
        .args(["score"])
        .arg(fixture(&format!("real/{quiz}.yaml")))
        .arg(rows)
        .args(["--format", "jsonl", "--jobs", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let row: Value = serde_json::from_str(line).unwrap();
            let codes = row["warnings"]
                .as_array()
                .map(|w| {
                    w.iter()
                        .map(|c| c.as_str().unwrap_or_default().to_string())
                        .collect()
                })
                .unwrap_or_default();
            (row["confidence"].as_str().unwrap_or("").to_string(), codes)
        })
        .collect()
}

/// Rows of answers made by `answer(item, points)`, written to a file.
fn rows_of(
    dir: &std::path::Path,
    items: &[(String, usize)],
    count: usize,
    mut answer: impl FnMut(usize, usize) -> Value,
) -> std::path::PathBuf {
    let mut text = String::new();
    for n in 0..count {
        let answers: serde_json::Map<String, Value> = items
            .iter()
            .enumerate()
            .map(|(i, (id, points))| (id.clone(), answer(i, *points)))
            .collect();
        text.push_str(&json!({"id": format!("r{n}"), "answers": answers}).to_string());
        text.push('\n');
    }
    let path = dir.join("rows.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn share_low(rows: &[(String, Vec<String>)]) -> f64 {
    rows.iter().filter(|(c, _)| c == "low").count() as f64 / rows.len() as f64
}

/// What lowered confidence, counted by code, for the printout.
fn reasons(rows: &[(String, Vec<String>)]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for (confidence, codes) in rows {
        if confidence == "low" {
            for code in codes {
                if careerfit::trust::lowers_confidence(code) {
                    *counts.entry(code.clone()).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

#[test]
fn at_most_5_percent_of_real_people_are_low_and_most_random_answer_sets_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for set in SETS {
        let items = items(&quiz_file(set));
        for quiz in [set.to_string(), format!("{set}-loose")] {
            let real = scored(&quiz, &fixture(&format!("real/{set}.jsonl")));
            let mut rng = Rng::new(20261208);
            let random = rows_of(dir.path(), &items, 1000, |_, points| match points {
                0 => json!(if rng.below(2) == 0 { "yes" } else { "no" }),
                n => json!(1 + rng.below(n)),
            });
            let random = scored(&quiz, &random);
            let (false_alarms, caught) = (share_low(&real), share_low(&random));
            eprintln!(
                "{quiz}: real people low {:.1}% of {} {:?}; random answer sets low {:.1}%",
                100.0 * false_alarms,
                real.len(),
                reasons(&real),
                100.0 * caught
            );
            if false_alarms > 0.05 {
                failures.push(format!(
                    "{quiz}: {:.1}% of real people low",
                    100.0 * false_alarms
                ));
            }
            // Yes/no items that barely correlate (epi) leave random answers nothing to
            // betray them: no check can tell them from real ones there.
            if set != "epi" && caught < 0.60 {
                failures.push(format!(
                    "{quiz}: {:.1}% of random answer sets low",
                    100.0 * caught
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn straight_lining_and_alternating_extremes_are_always_low_on_real_items() {
    let dir = tempfile::tempdir().unwrap();
    for set in ["bfi", "spi", "sai", "tai", "msq"] {
        let items = items(&quiz_file(set));
        for start in 0..2 {
            let same = rows_of(dir.path(), &items, 1, |_, points| {
                json!(1 + start * (points - 1))
            });
            let rows = scored(set, &same);
            assert_eq!(rows[0].0, "low", "{set}: every answer at one end");
            assert!(rows[0].1.contains(&"straight_lining".to_string()));
            let alternating = rows_of(dir.path(), &items, 1, |i, points| {
                json!(if (i + start) % 2 == 0 { 1 } else { points })
            });
            let rows = scored(set, &alternating);
            assert_eq!(rows[0].0, "low", "{set}: alternating ends {:?}", rows[0].1);
        }
    }
}
