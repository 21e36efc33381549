//! Forced choices as a user meets them: scored as the quiz file says (checked against
//! a second, independent reading of the file), alike through `take`, `score`'s quick
//! reader and its CSV reader, explained per trait, and refused with a placed message
//! when written wrong.

use crate::common::*;
use proptest::prelude::*;
use serde_yaml::Value;

/// `take` of the forced quiz with these answers (YAML) and arguments; exit 0.
fn take_forced(dir: &std::path::Path, answers: &str, args: &[&str]) -> std::process::Output {
    let answers = write(dir, "a.yaml", answers);
    let output = careerfit()
        .args([
            "take",
            fixture("forced.yaml").to_str().unwrap(),
            "--answers",
        ])
        .arg(&answers)
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    output
}

fn forced_yaml() -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(fixture("forced.yaml")).unwrap()).unwrap()
}

/// An answer to each question of the forced quiz, as an index: a scale position from
/// 1, an option, a set of ticked options (bits), or a skip.
fn answers() -> impl Strategy<Value = Vec<Option<u32>>> {
    proptest::collection::vec(proptest::option::weighted(0.9, 0u32..8), 12)
}

/// Each answer in the form an answers file gives it, from the quiz file's own words.
fn as_json(quiz: &Value, picks: &[Option<u32>]) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for (q, pick) in quiz["questions"].as_sequence().unwrap().iter().zip(picks) {
        let id = q["id"].as_str().unwrap().to_string();
        // A CSV cell cannot tell a skipped tick-any question from one with nothing
        // ticked (an empty cell is "none ticked"): such a question is always answered.
        let pick = match (pick, q["type"].as_str()) {
            (None, Some("multi")) => &Some(0),
            (pick, _) => pick,
        };
        let Some(pick) = pick else { continue };
        let value = match q["type"].as_str().unwrap_or("scale") {
            "scale" => serde_json::json!(1 + pick % 5),
            "choice" => {
                let options = q["options"].as_sequence().unwrap();
                serde_json::json!(
                    options[*pick as usize % options.len()]["id"]
                        .as_str()
                        .unwrap()
                )
            }
            "multi" => {
                let options = q["options"].as_sequence().unwrap();
                let ticked: Vec<&str> = options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| pick & (1 << i) != 0)
                    .map(|(_, o)| o["id"].as_str().unwrap())
                    .collect();
                serde_json::json!(ticked)
            }
            other => panic!("no {other} question in the fixture"),
        };
        out.insert(id, value);
    }
    serde_json::Value::Object(out)
}

/// Trait scores straight from the file: for each trait, every question naming it
/// (as `trait` or in an option's `scores`) with its weight and its value for it.
fn oracle(quiz: &Value, answers: &serde_json::Value) -> Vec<(String, Option<f64>)> {
    let mut sums: Vec<(String, f64, f64)> = quiz["traits"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap().to_string(), 0.0, 0.0))
        .collect();
    for q in quiz["questions"].as_sequence().unwrap() {
        let Some(answer) = answers.get(q["id"].as_str().unwrap()) else {
            continue;
        };
        let weight = q["weight"].as_f64().unwrap_or(1.0);
        let of_option = |o: &Value, t: &str| -> f64 {
            match (&o["score"], &q["trait"]) {
                (Value::Number(n), Value::String(own)) if own == t => n.as_f64().unwrap(),
                _ => o["scores"][t].as_f64().unwrap_or(0.0),
            }
        };
        for (t, weighted, weights) in &mut sums {
            let named = q["trait"].as_str() == Some(t.as_str())
                || q["options"]
                    .as_sequence()
                    .is_some_and(|os| os.iter().any(|o| o["scores"].get(t.as_str()).is_some()));
            if !named {
                continue;
            }
            let value = match q["type"].as_str().unwrap_or("scale") {
                "scale" => {
                    let v = (answer.as_f64().unwrap() - 1.0) / 4.0;
                    if q["reverse"].as_bool() == Some(true) {
                        1.0 - v
                    } else {
                        v
                    }
                }
                "choice" => {
                    let option = q["options"]
                        .as_sequence()
                        .unwrap()
                        .iter()
                        .find(|o| o["id"].as_str() == answer.as_str())
                        .unwrap();
                    of_option(option, t)
                }
                _ => {
                    let ticked: Vec<&str> = answer
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a.as_str().unwrap())
                        .collect();
                    let sum: f64 = q["options"]
                        .as_sequence()
                        .unwrap()
                        .iter()
                        .filter(|o| ticked.contains(&o["id"].as_str().unwrap()))
                        .map(|o| of_option(o, t))
                        .sum();
                    sum.min(1.0)
                }
            };
            *weighted += weight * value;
            *weights += weight;
        }
    }
    sums.into_iter()
        .map(|(t, w, n)| (t, (n > 0.0).then(|| 100.0 * w / n)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any answers: `take`'s trait scores are the file's own arithmetic, and `score`
    /// gives the same figures from a JSON Lines row and from a CSV row.
    #[test]
    fn forced_choices_score_as_the_file_says_through_every_reader(picks in answers()) {
        let quiz = forced_yaml();
        let answers = as_json(&quiz, &picks);
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "a.json", &serde_json::json!({"answers": answers}).to_string());
        let result = take_json(&fixture("forced.yaml"), &file);
        for ((id, expected), got) in oracle(&quiz, &answers).iter().zip(result["traits"].as_array().unwrap()) {
            prop_assert_eq!(got["id"].as_str().unwrap(), id.as_str());
            match expected {
                None => prop_assert!(got["score"].is_null()),
                Some(x) => prop_assert!((got["score"].as_f64().unwrap() - x).abs() < 1e-9, "{} {} {}", id, x, got),
            }
        }
        // The same person as a JSON Lines row (the quick reader) and as a CSV row.
        let row = serde_json::json!({"id": "p", "answers": answers}).to_string();
        let jsonl = write(dir.path(), "rows.jsonl", &format!("{row}\n"));
        let ids: Vec<&str> = quiz["questions"].as_sequence().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
        let cells: Vec<String> = ids.iter().map(|id| match answers.get(*id) {
            None => String::new(),
            Some(serde_json::Value::Array(ticked)) => {
                let list: Vec<&str> = ticked.iter().map(|t| t.as_str().unwrap()).collect();
                format!("\"{}\"", list.join(";"))
            }
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        }).collect();
        let csv = write(dir.path(), "rows.csv", &format!("id,{}\np,{}\n", ids.join(","), cells.join(",")));
        let mut figures = Vec::new();
        for (file, format) in [(&jsonl, "jsonl"), (&csv, "csv")] {
            let output = careerfit()
                .args(["score", fixture("forced.yaml").to_str().unwrap()])
                .arg(file)
                .args(["--input-format", format])
                .output()
                .unwrap();
            prop_assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
            let rows = json_lines(&output);
            figures.push((rows[0]["traits"].clone(), rows[0]["profiles"].clone(), rows[0]["verdict"].clone(), rows[0]["best"].clone()));
        }
        prop_assert_eq!(&figures[0], &figures[1]);
        for (row, taken) in figures[0].0.as_array().unwrap().iter().zip(result["traits"].as_array().unwrap()) {
            match taken["score"].as_f64() {
                None => prop_assert!(row["score"].is_null()),
                Some(x) => prop_assert!((row["score"].as_f64().unwrap() - x).abs() <= 0.05 + 1e-9),
            }
        }
        prop_assert_eq!(&figures[0].2, &result["verdict"]["answer"]);
        prop_assert_eq!(&figures[0].3, &result["best"]);
    }
}

#[test]
fn explain_shows_a_forced_choice_in_each_trait_it_counts_for() {
    let dir = tempfile::tempdir().unwrap();
    let output = take_forced(
        dir.path(),
        "answers: {c1: 4, c2: 2, l1: 3, l2: 4, p1: 4, p2: 2, rather: teach, ticks: [rules, club], \
         study: degree, s1: 4, s2: 2, s3: 5}\n",
        &["--explain", "--pathway", "lead", "--json"],
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let parts: Vec<(&str, &str, f64)> = result["explanation"]["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["question"].as_str().unwrap(),
                c["trait_id"].as_str().unwrap(),
                c["points"].as_f64().unwrap(),
            )
        })
        .collect();
    // Lead weighs leading 3 of 5: `rather` has weight 2 of leading's 5, worth 0.5 to
    // it: 100 × 3/5 × 2/5 × 0.5 = 12 points. `ticks` 100 × 3/5 × 1/5 × 0.75 = 9.
    let points = |q: &str, t: &str| parts.iter().find(|p| p.0 == q && p.1 == t).map(|p| p.2);
    assert!(
        (points("rather", "leading").unwrap() - 12.0).abs() < 1e-9,
        "{parts:?}"
    );
    assert!(
        (points("ticks", "leading").unwrap() - 9.0).abs() < 1e-9,
        "{parts:?}"
    );
    // Lead does not weigh coding, so the same questions add nothing there.
    assert_eq!(points("rather", "coding"), None);
}

#[test]
fn a_forced_choice_written_wrong_is_refused_with_its_place() {
    let good = std::fs::read_to_string(fixture("forced.yaml")).unwrap();
    let cases = [
        (
            "scores: {coding: 0.5, leading: 0.5}",
            "scores: {coding: 0.5, leadin: 0.5}",
            "error: questions[6].options[2].scores.leadin: option `teach` scores unknown trait `leadin`\n  hint: did you mean `leading`?",
        ),
        (
            "scores: {coding: 1}}",
            "scores: {coding: 1.5}}",
            "error: questions[6].options[0].scores.coding: option `code` has score 1.5; an option's score must be from 0 to 1",
        ),
        (
            "{id: lead, label: Lead a team meeting, scores: {leading: 1}}",
            "{id: lead, label: Lead a team meeting, score: 1, scores: {leading: 1}}",
            "error: questions[6].options[1].scores: option `lead` has both `score` and `scores`; give one",
        ),
        (
            "    text: Which would you rather do for a morning?\n",
            "    text: Which would you rather do for a morning?\n    trait: coding\n",
            "error: questions[6].trait: question `rather` has options with `scores`, so it counts toward the traits they name; leave `trait` out",
        ),
        (
            "{questions: [s1, s3], relation: same}",
            "{questions: [s1, s4], relation: same}",
            "error: pairs[4].questions[1]: pair names unknown question `s4`\n  hint: did you mean `s1`?",
        ),
        (
            "{question: study, answers: [degree], what: a degree}",
            "{question: study, answers: [degre], what: a degree}",
            "error: profiles[1].needs[0].answers[0]: question `study` has no option `degre`\n  hint: did you mean `degree`?",
        ),
        (
            "  maybe: 45",
            "  maybe: 65",
            "error: verdict.maybe: maybe 65 is above yes 60",
        ),
        (
            "    - trait: care\n      below: 35",
            "    - trait: cares\n      below: 35",
            "error: verdict.dealbreakers[0].trait: a dealbreaker names unknown trait `cares`\n  hint: did you mean `care`?",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (from, to, expected) in cases {
        assert_eq!(good.matches(from).count(), 1, "{from:?}");
        let broken = good.replace(from, to);
        let line = broken[..broken.find(to).unwrap()].matches('\n').count() + 1;
        write(dir.path(), "quiz.yaml", &broken);
        let output = careerfit()
            .current_dir(dir.path())
            .args(["validate", "quiz.yaml"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{to}");
        let stderr = text(&output.stderr);
        let (first, rest) = expected.split_once(": ").unwrap();
        let _ = first;
        assert!(
            stderr.starts_with(&format!("quiz.yaml:{line}:"))
                || stderr.contains(&format!("quiz.yaml:{}:", line + 1)),
            "{to}: not placed at line {line}: {stderr}"
        );
        assert!(stderr.contains(&format!("error: {rest}")), "{to}: {stderr}");
    }
}

#[test]
fn analyze_says_it_leaves_forced_choices_out_of_alpha() {
    let dir = tempfile::tempdir().unwrap();
    let row = r#"{"id": "a", "answers": {"c1": 4, "c2": 2, "rather": "teach", "ticks": ["club"]}}"#;
    let rows = write(dir.path(), "rows.jsonl", &format!("{row}\n{row}\n"));
    let output = careerfit()
        .args(["analyze", fixture("forced.yaml").to_str().unwrap()])
        .arg(&rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let shown = text(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains(
            "Left out of alpha and the item figures: rather, ticks (each scores several traits"
        ),
        "{shown}"
    );
    let json = careerfit()
        .args(["analyze", fixture("forced.yaml").to_str().unwrap()])
        .arg(&rows)
        .arg("--json")
        .output()
        .unwrap();
    let analysis: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(analysis["left_out"], serde_json::json!(["rather", "ticks"]));
    // Coding's alpha rests on c1 and c2 alone.
    let coding = analysis["traits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "coding")
        .unwrap();
    assert_eq!(coding["questions"], 2);
}

#[test]
fn probably_not_shows_the_closest_pathway_not_a_best_fit() {
    let dir = tempfile::tempdir().unwrap();
    // p1 Strongly disagree and p2 Strongly agree: wanting hands-on care, a dealbreaker.
    let output = take_forced(
        dir.path(),
        "answers: {c1: 4, c2: 2, l1: 3, l2: 4, p1: 1, p2: 5, rather: teach, ticks: [rules], \
         study: degree, s1: 4, s2: 2, s3: 5}\n",
        &[],
    );
    let shown = text(&output.stdout);
    let verdict = shown
        .find("Is desk work for me? Probably not, by your answers.")
        .unwrap();
    let pathways = shown.find("Your pathways, best fit first").unwrap();
    assert!(verdict < pathways, "the answer comes first");
    assert!(shown.contains("- Your answers point to work with patients face to face instead."));
    assert!(shown.contains("The closest pathway: "), "{shown}");
    assert!(!shown.contains("Your best fit: "), "{shown}");
    // The forced choices' traits are named under the traits.
    assert!(
        shown.contains("Coding and Leading count your \"which would you rather\""),
        "{shown}"
    );
}
