//! The README's examples work as written.

mod common;
use common::*;

/// The first ```yaml block after `heading` in the README.
fn yaml_block_after(heading: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find(heading).expect("the heading")..];
    let start = section.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = section[start..].find("```").unwrap();
    section[start..start + end].to_string()
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
    let example = yaml_block_after("## Quiz files");
    let quiz = write(dir.path(), "example.yaml", &example);
    careerfit().arg("validate").arg(&quiz).assert().code(0);
}
