//! The command line as a whole: help, list, exit codes.

use crate::common::*;
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
        .stdout(predicate::str::contains("130 interrupted"))
        .stdout(predicate::str::contains("143 stopped by SIGTERM"))
        .stdout(predicate::str::contains("129 stopped by SIGHUP"));
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
        .stdout(predicate::str::contains("Take one with: careerfit take ID"));
    // The built-in quiz's row: its id, title, question count and origin, cell by cell.
    let output = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    let listed = text(&output.stdout);
    let rows: Vec<Vec<&str>> = listed
        .lines()
        .filter(|line| line.contains("him-career-fit"))
        .map(|line| {
            line.trim_matches(|c: char| c == '│' || c.is_whitespace())
                .split('┆')
                .map(str::trim)
                .collect()
        })
        .collect();
    let (him, _) = careerfit::quiz::load_path(&him_quiz()).unwrap();
    let questions = him.questions.len().to_string();
    assert_eq!(
        rows,
        [[
            "him-career-fit",
            him.title.as_str(),
            questions.as_str(),
            "built-in"
        ]],
        "{listed}"
    );

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

/// The commands `careerfit --help` lists, in its order.
fn commands_in_help() -> Vec<String> {
    let help = text(&careerfit().arg("--help").output().unwrap().stdout);
    let listed = help
        .split_once("Commands:\n")
        .expect("a list of commands")
        .1
        .split_once("\n\n")
        .unwrap()
        .0;
    listed
        .lines()
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .map(|line| line.split_whitespace().next().unwrap().to_string())
        .collect()
}

/// The commands a completion script offers after `careerfit `, in its order.
fn commands_offered(shell: &str, script: &str) -> Vec<String> {
    let between = |line: &str, start: &str, end: char| {
        line.split_once(start)
            .map(|(_, rest)| rest.split(end).next().unwrap().to_string())
    };
    match shell {
        "fish" => script
            .lines()
            .filter_map(|line| between(line, "-n \"__fish_careerfit_needs_command\" -f -a \"", '"'))
            .collect(),
        "zsh" => script
            .split_once("_careerfit_commands() {")
            .unwrap()
            .1
            .split_once("_describe")
            .unwrap()
            .0
            .lines()
            .filter_map(|line| between(line, "'", ':'))
            .collect(),
        "powershell" => script
            .split_once("'careerfit' {")
            .unwrap()
            .1
            .split_once("break")
            .unwrap()
            .0
            .lines()
            .filter(|line| line.contains("[CompletionResultType]::ParameterValue"))
            .filter_map(|line| between(line, "[CompletionResult]::new('", '\''))
            .collect(),
        _ => unreachable!(),
    }
}

#[test]
fn completions_cover_every_command_and_bash_can_load_them() {
    let commands = commands_in_help();
    assert!(commands.len() >= 13, "{commands:?}");
    for shell in ["zsh", "fish", "powershell"] {
        let output = careerfit().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = text(&output.stdout);
        assert_eq!(commands_offered(shell, &script), commands, "{shell}");
    }
    let dir = tempfile::tempdir().unwrap();
    let output = careerfit().args(["completions", "bash"]).output().unwrap();
    let script = write(dir.path(), "careerfit.bash", &text(&output.stdout));
    // Load it in bash and ask what follows a command, a flag begun and a flag's value.
    for (words, offered) in [
        (&["sc"][..], "score schema"),
        (&["take", "--ou"][..], "--output"),
        (&["score", "--format", ""][..], "jsonl csv"),
    ] {
        let current = words.len();
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let probe = format!(
            "source '{}'; COMP_WORDS=(careerfit {}); COMP_CWORD={current}; \
             _careerfit careerfit '{}' '{}'; echo \"${{COMPREPLY[@]}}\"",
            script.display(),
            quoted.join(" "),
            words[current - 1],
            if current > 1 {
                words[current - 2]
            } else {
                "careerfit"
            },
        );
        let completed = std::process::Command::new("bash")
            .args(["-c", &probe])
            .output()
            .unwrap();
        assert_eq!(text(&completed.stdout).trim(), offered, "after {words:?}");
    }
}

#[test]
fn the_manual_page_renders_and_names_every_command() {
    let output = careerfit().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = text(&output.stdout);
    assert!(page.contains(".TH careerfit 1"), "{page}");
    for code in [
        "130 interrupted",
        "143 stopped by SIGTERM",
        "129 stopped by SIGHUP",
    ] {
        assert!(page.contains(code), "exit code {code} is not in the page");
    }
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

#[test]
fn help_of_help_is_help_not_an_error() {
    for args in [
        vec!["help", "--help"],
        vec!["help", "take", "--help"],
        vec!["help", "-h"],
    ] {
        careerfit()
            .args(&args)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Usage: careerfit"));
    }
}

#[test]
fn the_manual_refers_only_to_pages_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    careerfit()
        .arg("man")
        .arg("--dir")
        .arg(dir.path())
        .assert()
        .code(0);
    let main = std::fs::read_to_string(dir.path().join("careerfit.1")).unwrap();
    for reference in main.split("careerfit\\-").skip(1) {
        let page = reference.split('(').next().unwrap();
        let file = dir.path().join(format!("careerfit-{page}.1"));
        assert!(
            file.is_file(),
            "careerfit.1 refers to careerfit-{page}(1), which is not written"
        );
    }
    assert!(!main.contains("careerfit\\-help"));
}

#[test]
fn every_help_page_fits_80_columns_with_examples_on_one_line() {
    let commands = [
        "take",
        "score",
        "analyze",
        "explain",
        "compare",
        "report",
        "list",
        "completions",
        "man",
        "validate",
        "schema",
        "form",
    ];
    for command in commands {
        let output = careerfit().args([command, "--help"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{command}");
        for line in text(&output.stdout).lines() {
            assert!(line.chars().count() <= 80, "{command} --help: {line}");
            // An example broken over two lines starts its second line with a path.
            assert!(
                !line.trim_start().starts_with('~'),
                "{command} --help: {line}"
            );
        }
    }
}

#[test]
/// The order itself is checked in a terminal (tests/terminal.rs, shuffled questions).
fn seed_alone_is_accepted_without_shuffle() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    take_small(&answers).args(["--seed", "3"]).assert().code(0);
}

#[test]
fn typos_in_values_get_a_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "typos.yaml",
        "answers:\n  many-directions: Agre\n  patient-contact: non\n  work-settings: [hospitl]\n",
    );
    let output = careerfit()
        .args(["take", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    for hint in [
        "`Agre` is not a label of this scale: ",
        "; did you mean `Agree`?",
        "has no option `non`; its options are `none`, `at-a-desk`, `a-little`, `half`, `most`; did you mean `none`?",
        "; did you mean `hospital`?",
    ] {
        assert!(stderr.contains(hint), "no {hint:?} in\n{stderr}");
    }
    careerfit()
        .args(["take", "him-carer-fit"])
        .assert()
        .code(2)
        .stderr(
            "error: there is no quiz `him-carer-fit` (did you mean `him-career-fit`?); \
             `careerfit list` shows the quizzes, or give the path to a quiz file\n",
        );
}

#[test]
fn a_local_file_named_like_a_built_in_quiz_is_said_to_be_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("quizzes")).unwrap();
    let own = std::fs::read_to_string(him_quiz()).unwrap().replace(
        "title: Is a career in HIM right for me?",
        "title: My own copy",
    );
    write(&dir.path().join("quizzes"), "him-career-fit.yaml", &own);
    let list = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    let stdout = text(&list.stdout);
    assert!(stdout.contains("quizzes/him-career-fit.yaml │"), "{stdout}");
    assert!(
        stdout.contains(
            "quizzes/him-career-fit.yaml has the id of a built-in quiz: `careerfit take\n\
             him-career-fit` takes the built-in one; give the path to take the file."
        ),
        "{stdout}"
    );
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let answers = write(dir.path(), "a.yaml", "answers: {}\n");
    careerfit()
        .current_dir(dir.path())
        .args(["take", "him-career-fit", "--json", "--answers"])
        .arg(&answers)
        .assert()
        .stderr(
            "warning: quizzes/him-career-fit.yaml has the id of a built-in quiz, which is \
             taken instead; give the path to take the file\n",
        )
        .stdout(predicate::str::contains(
            "\"title\": \"Is a career in HIM right for me?\"",
        ));
    // The repository's own copy, the same text as the built-in quiz, is listed once.
    std::fs::copy(him_quiz(), dir.path().join("quizzes/him-career-fit.yaml")).unwrap();
    let list = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(text(&list.stdout).matches("him-career-fit ").count(), 1);

    // A file of another name that declares the id: `take him-career-fit` passes it
    // over too (`catalog::shadows`, the one rule), and `list` says so as `take` does.
    std::fs::remove_file(dir.path().join("quizzes/him-career-fit.yaml")).unwrap();
    write(&dir.path().join("quizzes"), "mine.yaml", &own);
    let list = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    let stdout = text(&list.stdout);
    assert!(
        stdout.contains("quizzes/mine.yaml has the id of a built-in quiz"),
        "{stdout}"
    );
    careerfit()
        .current_dir(dir.path())
        .args(["take", "him-career-fit", "--json", "--answers"])
        .arg(&answers)
        .assert()
        .stderr(
            "warning: quizzes/mine.yaml has the id of a built-in quiz, which is taken \
             instead; give the path to take the file\n",
        );
}

/// A full stderr (`2>/dev/full`) loses the messages but never panics (exit 101):
/// the exit code still says how the run went.
#[test]
fn a_full_stderr_changes_no_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.json");
    std::fs::write(&answers, r#"{"answers": {"q-required": "Agree"}}"#).unwrap();
    let small = fixture("small.yaml");
    let invalid = fixture("several-errors.yaml");
    let result = dir.path().join("result.json");
    let cases: [(&[&str], i32); 4] = [
        (&["validate", invalid.to_str().unwrap()], 2),
        (&["validate", "no-such-quiz.yaml"], 1),
        (&["score", "him-career-fit", "no-such-rows.jsonl"], 1),
        (
            &[
                "take",
                small.to_str().unwrap(),
                "--answers",
                answers.to_str().unwrap(),
                "-o",
                result.to_str().unwrap(),
            ],
            0,
        ),
    ];
    for (args, code) in cases {
        let status = careerfit_process()
            .args(args)
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create("/dev/full").unwrap())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
    assert!(
        result.exists(),
        "take saved its result though it could not say so"
    );
}

#[test]
fn score_json_alone_prints_the_summary_as_json_as_its_help_says() {
    let quiz = fixture("small.yaml");
    let rows = "{\"id\": \"a\", \"answers\": {\"q-required\": 4}}\n";
    let output = careerfit()
        .arg("score")
        .arg(&quiz)
        .args(["-", "--json"])
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(summary["schema"], "careerfit/summary/v1");
    // The same as --summary=json.
    let same = careerfit()
        .arg("score")
        .arg(&quiz)
        .args(["-", "--summary=json"])
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.stderr, same.stderr);
}

#[test]
fn man_dir_makes_the_folder_with_its_parents() {
    let dir = tempfile::tempdir().unwrap();
    let man1 = dir.path().join("share/man/man1");
    careerfit()
        .arg("man")
        .arg("--dir")
        .arg(&man1)
        .assert()
        .code(0);
    assert!(man1.join("careerfit.1").is_file());
    assert!(man1.join("careerfit-score.1").is_file());
}
