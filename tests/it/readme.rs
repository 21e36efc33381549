//! The README's examples work as written.

use crate::common::*;

/// The first ```yaml block after `heading` in the README.
fn yaml_block_after(heading: &str) -> String {
    block_after(heading, "yaml")
}

/// The first block fenced as ```LANG after `heading` in the README.
fn block_after(heading: &str, lang: &str) -> String {
    block_in("README.md", heading, lang)
}

/// The quiz authors' guide, `quizzes/README.md`, whose examples must work too.
fn authors_block(heading: &str, lang: &str) -> String {
    block_in("quizzes/README.md", heading, lang)
}

/// The first block fenced as ```LANG after `heading` in the Markdown file `file`.
fn block_in(file: &str, heading: &str, lang: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(path).unwrap();
    let section = &text[text.find(heading).expect("the heading")..];
    let fence = format!("```{lang}\n");
    let start = section.find(&fence).expect("a block") + fence.len();
    let end = section[start..].find("```").unwrap();
    section[start..start + end].to_string()
}

#[test]
fn the_validate_example_is_what_validate_prints() {
    let example = authors_block("## `careerfit validate`", "text");
    let (command, printed) = example.split_once('\n').unwrap();
    assert_eq!(command, "$ careerfit validate several-errors.yaml");
    let output = careerfit()
        .current_dir(fixture(""))
        .args(["validate", "several-errors.yaml"])
        .output()
        .unwrap();
    assert_eq!(text(&output.stderr), printed);
}

#[test]
fn the_translation_example_is_what_validate_prints() {
    let example = authors_block("## Translations", "text");
    let (command, printed) = example.split_once('\n').unwrap();
    assert_eq!(command, "$ careerfit validate tiny.yaml");
    let output = careerfit()
        .current_dir(fixture("translated"))
        .args(["validate", "tiny.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stderr), printed);
}

#[test]
fn the_translation_format_example_is_the_shape_translations_have() {
    // The example's "..." stand for texts; its shape is a translation's.
    let example: serde_json::Value =
        serde_yaml::from_str(&authors_block("## Translations", "yaml")).unwrap();
    let schema = stdout_json(
        &careerfit()
            .args(["schema", "translation"])
            .output()
            .unwrap(),
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&example)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_validate_json_example_is_one_of_the_problems_printed() {
    let example: serde_json::Value =
        serde_json::from_str(&authors_block("## `careerfit validate`", "json")).unwrap();
    let output = careerfit()
        .current_dir(fixture(""))
        .args(["validate", "--json", "several-errors.yaml"])
        .output()
        .unwrap();
    let printed = stdout_json(&output);
    for problem in example.as_array().unwrap() {
        assert!(
            printed.as_array().unwrap().contains(problem),
            "{problem} is not printed"
        );
    }
}

#[test]
fn the_answers_example_is_valid_for_the_him_quiz() {
    let output = careerfit()
        .args(["take", "--json", "--answers", "-"])
        .write_stdin(yaml_block_after("## Answers files"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let result = stdout_json(&output);
    let answered = result["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["answer"].is_null())
        .count();
    assert_eq!(answered, 5);
}

#[test]
fn the_quiz_format_example_is_a_valid_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let example = authors_block("# Writing a quiz", "yaml");
    let quiz = write(dir.path(), "example.yaml", &example);
    careerfit().arg("validate").arg(&quiz).assert().code(0);
}

#[test]
fn the_score_examples_are_scored() {
    for (lang, args) in [
        ("json", vec!["--input-format", "jsonl"]),
        ("csv", vec!["--input-format", "csv"]),
    ] {
        let example = block_after("## Scoring a class", lang);
        let output = careerfit()
            .args(["score", "him-career-fit", "-"])
            .args(&args)
            .write_stdin(example)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{lang}: {}",
            text(&output.stderr)
        );
        let row: serde_json::Value =
            serde_json::from_str(text(&output.stdout).lines().next().unwrap()).unwrap();
        assert!(row["profiles"].is_array(), "{lang}: {row}");
    }
}

#[test]
fn the_analyze_examples_run_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let class = careerfit::sample::Class {
        size: 40,
        seed: 3,
        careless_every: 10,
        broken: None,
    };
    let mut rows = Vec::new();
    class.rows(&quiz, &mut rows).unwrap();
    std::fs::write(dir.path().join("rows.jsonl"), &rows).unwrap();
    // class.csv: the same people, one column per scale question.
    let mut csv = String::from("id");
    let scales: Vec<_> = quiz
        .questions
        .iter()
        .filter(|q| matches!(q.kind, careerfit::quiz::QuestionKind::Scale { .. }))
        .collect();
    for q in &scales {
        csv.push_str(&format!(",{}", q.id));
    }
    for line in text(&rows).lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        csv.push_str(&format!("\n{}", row["id"].as_str().unwrap()));
        for q in &scales {
            csv.push_str(&format!(
                ",{}",
                row["answers"][&q.id].as_str().unwrap_or("")
            ));
        }
    }
    std::fs::write(dir.path().join("class.csv"), csv).unwrap();

    let ran = run_sh_block("## Evidence for a quiz", dir.path());
    assert_eq!(ran, 3);
    assert!(dir.path().join("analysis.html").is_file());
}

#[test]
fn the_score_commands_run_as_written() {
    let dir = tempfile::tempdir().unwrap();
    // class.csv: a ";" spreadsheet export of Microsoft Forms; form.xlsx: its .xlsx.
    std::fs::copy(fixture("forms/semicolon.csv"), dir.path().join("class.csv")).unwrap();
    std::fs::copy(
        fixture("forms/microsoft.xlsx"),
        dir.path().join("form.xlsx"),
    )
    .unwrap();
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let mut rows = Vec::new();
    careerfit::sample::json_lines(&quiz, 20, 4, &mut rows).unwrap();
    std::fs::write(dir.path().join("responses.jsonl"), &rows).unwrap();

    let ran = run_sh_block("## Scoring a class", dir.path());
    assert_eq!(ran, 4);
    for written in ["results.csv", "class.html", "results.jsonl"] {
        assert!(dir.path().join(written).is_file(), "{written}");
    }
}

/// Run each command of the first ```sh block after `heading` in `dir`, as written
/// (comments dropped); each must exit 0. How many ran.
fn run_sh_block(heading: &str, dir: &std::path::Path) -> usize {
    let example = block_after(heading, "sh");
    let mut ran = 0;
    for line in example.lines() {
        let command = line.split('#').next().unwrap().trim();
        let words: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(words[0], "careerfit", "{line}");
        let output = careerfit()
            .current_dir(dir)
            .args(&words[1..])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{line}: {}",
            text(&output.stderr)
        );
        ran += 1;
    }
    ran
}

/// The README's section on the HIM quiz, up to the next heading of its level.
fn him_section() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text.find("## The HIM quiz").expect("the heading");
    let section = &text[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    section[..end].to_string()
}

#[test]
fn the_readme_figures_of_the_him_quiz_are_the_quiz_s_own() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap()
        .replace('\n', " ");
    let section = him_section().replace('\n', " ");
    let (quiz, _) = careerfit::quiz::load_path(&him_quiz()).unwrap();
    let file: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(him_quiz()).unwrap()).unwrap();
    let pairs = file["pairs"].as_sequence().map_or(0, Vec::len);
    for said in [
        format!("(version {})", quiz.version),
        format!("{} questions about you", quiz.questions.len()),
        format!("Its {} traits", quiz.traits.len()),
        format!("{pairs} pairs of statements"),
    ] {
        assert!(section.contains(&said), "the README does not say `{said}`");
    }
    let asks = format!("It asks {} short questions", quiz.questions.len());
    assert!(readme.contains(&asks), "the README does not say `{asks}`");
}

/// The shape of a JSON value: each object's keys, and for a list the keys of all
/// its items together, as one item; values themselves are left out.
fn shape(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    fn merge(into: &mut Value, from: Value) {
        match (into, from) {
            (Value::Object(into), Value::Object(from)) => {
                for (key, value) in from {
                    match into.get_mut(&key) {
                        Some(existing) => merge(existing, value),
                        None => {
                            into.insert(key, value);
                        }
                    }
                }
            }
            (Value::Array(into), Value::Array(from)) => match (into.first_mut(), from) {
                (Some(first), from) => from.into_iter().for_each(|item| merge(first, item)),
                (None, from) => into.extend(from),
            },
            (into @ Value::Null, from) => *into = from,
            _ => {}
        }
    }
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), shape(value)))
                .collect(),
        ),
        Value::Array(items) => {
            let mut one = Value::Null;
            for item in items {
                merge(&mut one, shape(item));
            }
            Value::Array(if one.is_null() { vec![] } else { vec![one] })
        }
        _ => Value::Null,
    }
}

/// Keep only the keys of `actual` that `example` has at the same place, and say
/// which keys of `actual` the example leaves out.
fn missing(example: &serde_json::Value, actual: &serde_json::Value, at: &str) -> Vec<String> {
    use serde_json::Value;
    match (example, actual) {
        (Value::Object(e), Value::Object(a)) => a
            .iter()
            .flat_map(|(key, value)| match e.get(key) {
                None => vec![format!("{at}.{key}")],
                Some(inner) => missing(inner, value, &format!("{at}.{key}")),
            })
            .chain(
                e.keys()
                    .filter(|key| !a.contains_key(*key))
                    .map(|key| format!("{at}.{key} (not in a result)")),
            )
            .collect(),
        (Value::Array(e), Value::Array(a)) => match (e.first(), a.first()) {
            (Some(e), Some(a)) => missing(e, a, &format!("{at}[0]")),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

#[test]
fn the_readme_json_example_has_every_field_of_a_result() {
    let example: serde_json::Value =
        serde_json::from_str(&block_after("## The JSON result", "json")).unwrap();
    // At the top every pathway is within reach; at the bottom none is, and the
    // fields told only then (`unmet_needs`) are there.
    let dir = tempfile::tempdir().unwrap();
    for (name, extreme) in [("top", Extreme::Top), ("bottom", Extreme::Bottom)] {
        let answers = write(
            dir.path(),
            &format!("{name}.yaml"),
            &him_answers_at(extreme),
        );
        let output = careerfit()
            .args(["take", "--json", "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let result = stdout_json(&output);
        // Fields a result leaves out when empty may be in the example and not here.
        let gaps: Vec<String> = missing(&shape(&example), &shape(&result), "")
            .into_iter()
            .filter(|gap| !gap.ends_with("(not in a result)"))
            .collect();
        assert!(
            gaps.is_empty(),
            "the README's example leaves out {gaps:?} ({name} answers)"
        );
    }
}

/// The advisor's example in "Summary and class report": the class of 25 it shows
/// (made-up students, every eighth careless), scored as written, prints each line
/// the README shows; a line `…` stands for lines left out.
#[test]
fn the_summary_example_is_what_score_prints() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
    let class = careerfit::sample::Class {
        size: 25,
        seed: 32,
        careless_every: 8,
        broken: None,
    };
    let mut rows = Vec::new();
    class.rows(&quiz, &mut rows).unwrap();
    std::fs::write(dir.path().join("class.jsonl"), &rows).unwrap();
    let section = block_after("**Summary and class report.**", "text");
    let (command, shown) = section.split_once('\n').unwrap();
    let words: Vec<&str> = command.strip_prefix("$ ").unwrap().split(' ').collect();
    assert_eq!(words[0], "careerfit");
    let output = careerfit()
        .current_dir(dir.path())
        .args(&words[1..])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let printed = text(&output.stdout);
    let printed: Vec<&str> = printed.lines().collect();
    // In order, each shown line among the printed ones.
    let mut at = 0;
    for line in shown.lines().filter(|l| *l != "…") {
        match printed[at..].iter().position(|p| *p == line) {
            Some(i) => at += i + 1,
            None => panic!(
                "{line:?} is not printed (after line {at}) in\n{}",
                printed.join("\n")
            ),
        }
    }
}
