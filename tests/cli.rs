//! The command line as a whole: help, list, exit codes.

mod common;
use common::*;
use predicates::prelude::*;

#[test]
fn help_lists_the_commands_and_exit_codes() {
    careerfit()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Health Information Management"))
        .stdout(predicate::str::contains("take"))
        .stdout(predicate::str::contains("list"))
        .stdout(predicate::str::contains("validate"))
        .stdout(predicate::str::contains("130 interrupted"));
    careerfit()
        .args(["take", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--answers <FILE>"))
        .stdout(predicate::str::contains("--force"));
}

#[test]
fn help_fits_80_columns() {
    for args in [
        vec!["--help"],
        vec!["take", "--help"],
        vec!["validate", "--help"],
        vec!["schema", "--help"],
        vec!["score", "--help"],
        vec!["completions", "--help"],
        vec!["man", "--help"],
    ] {
        let output = careerfit().args(&args).output().unwrap();
        for line in text(&output.stdout).lines() {
            assert!(line.chars().count() <= 80, "{args:?}: {line}");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    careerfit().arg("frobnicate").assert().code(2);
    careerfit().args(["take", "--force"]).assert().code(2);
    careerfit().arg("validate").assert().code(2);
}

#[test]
fn list_shows_the_built_in_quiz_and_local_files() {
    let dir = tempfile::tempdir().unwrap();
    // No ./quizzes folder: only the built-in quiz.
    careerfit()
        .current_dir(dir.path())
        .arg("list")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("him-career-fit"))
        .stdout(predicate::str::contains("Is a career in HIM right for me?"))
        .stdout(predicate::str::contains("60"))
        .stdout(predicate::str::contains("built-in"));

    std::fs::create_dir(dir.path().join("quizzes")).unwrap();
    std::fs::copy(fixture("small.yaml"), dir.path().join("quizzes/small.yaml")).unwrap();
    write(&dir.path().join("quizzes"), "broken.yaml", "id: [\n");
    let output = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("A small quiz"), "{stdout}");
    assert!(stdout.contains("quizzes/small.yaml"), "{stdout}");
    assert!(stdout.contains("invalid: see `careerfit"), "{stdout}");

    // A quiz in ./quizzes can be taken by its id.
    careerfit()
        .current_dir(dir.path())
        .args(["take", "small", "--json", "--answers", "-"])
        .write_stdin(SMALL_ANSWERS)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"id\": \"small\""));
}

#[test]
fn completions_cover_every_command_and_bash_can_load_them() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = careerfit().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = text(&output.stdout);
        for command in ["take", "score", "validate", "schema", "list", "man"] {
            assert!(script.contains(command), "{shell} completes no `{command}`");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let output = careerfit().args(["completions", "bash"]).output().unwrap();
    let script = write(dir.path(), "careerfit.bash", &text(&output.stdout));
    // Load it in bash and ask what follows `careerfit sc`.
    let probe = format!(
        "source '{}'; COMP_WORDS=(careerfit sc); COMP_CWORD=1; _careerfit careerfit sc careerfit; \
         echo \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let completed = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    assert_eq!(text(&completed.stdout).trim(), "score schema");
}

#[test]
fn the_manual_page_renders_and_names_every_command() {
    let output = careerfit().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = text(&output.stdout);
    assert!(page.contains(".TH careerfit 1"), "{page}");
    for command in [
        "careerfit\\-take",
        "careerfit\\-score",
        "careerfit\\-validate",
    ] {
        assert!(page.contains(command), "{command} is not in the page");
    }
    let dir = tempfile::tempdir().unwrap();
    careerfit()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .code(0);
    for page in [
        "careerfit.1",
        "careerfit-take.1",
        "careerfit-score.1",
        "careerfit-man.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.starts_with(".ie"), "{page}: {text}");
    }
}
