//! The interactive quiz in a real pseudo-terminal: keystrokes in, screen and files out.
#![cfg(unix)]

use crate::common::*;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{ControlCode, Expect};
use std::process::Command;
use std::time::Duration;

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";

/// A data folder of its own for each run, so that saved progress never leaks between
/// tests or into the home folder of whoever runs them.
fn fresh_data_home() -> std::path::PathBuf {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir()
        .join("careerfit-tests")
        .join(format!("{}-{run}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Run a command in a 100x40 pseudo-terminal, with its own data folder unless the
/// test chose one.
fn in_pty(mut cmd: Command) -> Session {
    cmd.env("TERM", "xterm-256color");
    if !cmd.get_envs().any(|(key, _)| key == "XDG_DATA_HOME") {
        cmd.env("XDG_DATA_HOME", fresh_data_home());
    }
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session
        .get_process_mut()
        .set_window_size(100, 40)
        .expect("set the window size");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// careerfit with these arguments, in `dir`, in a pseudo-terminal, with NO_COLOR set.
fn spawn(args: &[&str], dir: &std::path::Path) -> Session {
    let mut cmd = careerfit_process();
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    in_pty(cmd)
}

/// A shell script, in `dir`, in a pseudo-terminal, with NO_COLOR set.
fn spawn_shell(script: &str, dir: &std::path::Path) -> Session {
    let mut cmd = Command::new("sh");
    cmd.args(["-c", script])
        .current_dir(dir)
        .env("NO_COLOR", "1");
    in_pty(cmd)
}

/// `careerfit take` of tests/fixtures/small.yaml, saving the result to `output`.
fn take_small(dir: &std::path::Path, output: &str) -> Session {
    let quiz = fixture("small.yaml");
    spawn(&["take", quiz.to_str().unwrap(), "-o", output], dir)
}

/// The answer a saved result holds for question `id`.
fn saved_answer(result: &std::path::Path, id: &str) -> serde_json::Value {
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(result).unwrap()).unwrap();
    let answers = saved["answers"].as_array().unwrap();
    let entry = answers.iter().find(|a| a["question"] == id);
    entry.unwrap_or_else(|| panic!("{id} in {saved}"))["answer"].clone()
}

/// Wait for a prompt, give the terminal a moment to settle, then type.
fn answer(session: &mut Session, prompt: &str, keys: &[&str]) {
    session
        .expect(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    std::thread::sleep(Duration::from_millis(150));
    for key in keys {
        session.send(key).unwrap();
        // A lone Esc must not be read together with the next key as one sequence.
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn exit_code(session: &Session) -> i32 {
    match session.get_process().wait().expect("wait for careerfit") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("careerfit did not exit normally: {other:?}"),
    }
}

/// All the program prints until it exits.
fn everything(session: &mut Session) -> String {
    let found = session.expect(expectrl::Eof).expect("careerfit exits");
    let mut bytes = found.before().to_vec();
    for matched in found.matches() {
        bytes.extend_from_slice(matched);
    }
    String::from_utf8_lossy(&bytes).to_string()
}

/// Answer tests/fixtures/small.yaml: Middle, skip, yes, no, a laptop, x and y, and,
/// after Esc is refused on the required last question, Agree.
fn answer_small_quiz(session: &mut Session) {
    answer(session, "Question 1 of 7", &[DOWN, ENTER]);
    answer(session, "Question 2 of 7", &[ESC]);
    answer(session, "Question 3 of 7", &["y", ENTER]);
    answer(session, "Question 4 of 7", &["n", ENTER]);
    answer(session, "Question 5 of 7", &[ENTER]);
    answer(session, "Question 6 of 7", &[" ", DOWN, " ", ENTER]);
    answer(session, "Question 7 of 7", &[ESC]);
    answer(
        session,
        "This question is required",
        &[DOWN, DOWN, DOWN, ENTER],
    );
    finish_review(session);
}

/// On the review screen the cursor starts on "Finish and see my result".
fn finish_review(session: &mut Session) {
    answer(session, "Review your answers", &[ENTER]);
}

#[test]
fn prompts_go_to_stderr_so_json_can_be_redirected() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("small.yaml");
    let script = format!(
        "'{}' take '{}' --json > result.json",
        env!("CARGO_BIN_EXE_careerfit"),
        quiz.display()
    );
    let mut session = spawn_shell(&script, dir.path());
    answer_small_quiz(&mut session);
    let screen = everything(&mut session);
    assert!(
        !screen.contains("\"schema\""),
        "JSON leaked to the terminal: {screen}"
    );
    assert_eq!(exit_code(&session), 0);
    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("result.json")).unwrap())
            .unwrap();
    assert_eq!(result["answers"][6]["answer"], 4);
    assert_eq!(result["answers"][1]["answer"], serde_json::Value::Null);
}

#[test]
fn a_person_answers_with_keys_skips_with_esc_and_gets_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("small.yaml");
    let mut session = spawn(
        &["take", quiz.to_str().unwrap(), "--output", "result.json"],
        dir.path(),
    );
    answer_small_quiz(&mut session);
    session.expect("Your best fit: Beta pathway").unwrap();
    session.expect("Saved your result to result.json").unwrap();
    assert_eq!(exit_code(&session), 0);

    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("result.json")).unwrap())
            .unwrap();
    let answers: Vec<&serde_json::Value> = result["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["answer"])
        .collect();
    assert_eq!(
        answers,
        [
            &serde_json::json!(2),
            &serde_json::Value::Null,
            &serde_json::json!(true),
            &serde_json::json!(false),
            &serde_json::json!("a"),
            &serde_json::json!(["x", "y"]),
            &serde_json::json!(4),
        ]
    );
    // careful: 100 × (2×0.5 + 1×0.75) / 3; social and techy 100; beta ties gamma and
    // comes first in file order.
    assert_close(&result["traits"][0]["score"], 175.0 / 3.0);
    assert_eq!(result["profiles"][0]["id"], "beta");
    assert_close(&result["profiles"][0]["fit"], 100.0);
}

#[test]
fn ctrl_c_exits_130_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = spawn(&["take", "--output", "result.json"], dir.path());
    answer(&mut session, "Question 1 of 60", &[DOWN, ENTER]);
    answer(&mut session, "Question 2 of 60", &[]);
    session.send(ControlCode::EndOfText).unwrap();
    session.expect("Interrupted; no result was saved.").unwrap();
    assert_eq!(exit_code(&session), 130);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "no file is written: {left:?}");
}

/// Ctrl-C at a scale, a yes/no, a choice and a multi prompt: exit 130, and neither the
/// result nor the temporary file opened for it is left in the folder.
#[test]
fn ctrl_c_at_any_kind_of_prompt_writes_nothing() {
    let quiz = fixture("small.yaml");
    // Keys that answer questions 1 to 6 of the small quiz.
    let keys: [&[&str]; 6] = [
        &[ENTER],
        &[ENTER],
        &["y", ENTER],
        &["n", ENTER],
        &[ENTER],
        &[" ", ENTER],
    ];
    for stop_at in [1, 3, 5, 6] {
        let dir = tempfile::tempdir().unwrap();
        let mut session = spawn(
            &["take", quiz.to_str().unwrap(), "-o", "result.json"],
            dir.path(),
        );
        for (i, keys) in keys.iter().enumerate().take(stop_at - 1) {
            answer(&mut session, &format!("Question {} of 7", i + 1), keys);
        }
        answer(&mut session, &format!("Question {stop_at} of 7"), &[]);
        session.send(ControlCode::EndOfText).unwrap();
        session.expect("Interrupted; no result was saved.").unwrap();
        assert_eq!(exit_code(&session), 130, "Ctrl-C at question {stop_at}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "question {stop_at}: files left: {left:?}");
    }
}

#[test]
fn ctrl_c_leaves_the_terminal_as_it_found_it() {
    let dir = tempfile::tempdir().unwrap();
    // The terminal settings before and after must be the same: raw mode is undone.
    let script = format!(
        "before=$(stty -g); '{}' take; code=$?; after=$(stty -g); \
         [ \"$before\" = \"$after\" ] && echo settings-restored; echo exit=$code",
        env!("CARGO_BIN_EXE_careerfit")
    );
    let mut session = spawn_shell(&script, dir.path());
    answer(&mut session, "Question 1 of 60", &[]);
    session.send(ControlCode::EndOfText).unwrap();
    let rest = everything(&mut session);
    assert!(rest.contains("exit=130"), "{rest}");
    assert!(rest.contains("settings-restored"), "{rest}");
}

#[test]
fn no_colour_codes_with_no_color_set() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("small.yaml");
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let mut session = spawn(
        &[
            "take",
            quiz.to_str().unwrap(),
            "--answers",
            answers.to_str().unwrap(),
        ],
        dir.path(),
    );
    let screen = everything(&mut session);
    assert!(screen.contains("Your best fit: Gamma pathway"), "{screen}");
    assert!(
        !screen.contains("\x1b["),
        "an escape sequence in:\n{screen:?}"
    );
    assert_eq!(exit_code(&session), 0);
}

#[test]
fn colour_is_used_on_a_terminal_without_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("small.yaml");
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let mut cmd = careerfit_process();
    cmd.arg("take")
        .arg(&quiz)
        .arg("--answers")
        .arg(&answers)
        .env_remove("NO_COLOR");
    let mut session = in_pty(cmd);
    let screen = everything(&mut session);
    assert!(screen.contains("Strong fit"), "{screen}");
    assert!(
        screen.contains("\x1b["),
        "expected colour on a terminal:\n{screen}"
    );
}

/// --shuffle --seed asks in the seed's order, numbered as asked, and every answer is
/// saved against its own question.
#[test]
fn shuffled_questions_come_in_the_seeds_order_and_keep_their_answers() {
    let quiz = careerfit::quiz::load(
        "small.yaml",
        &std::fs::read_to_string(fixture("small.yaml")).unwrap(),
    )
    .unwrap()
    .0;
    let order = careerfit::rng::shuffled(quiz.questions.len(), 3);
    assert_ne!(order, (0..7).collect::<Vec<_>>(), "seed 3 does shuffle");
    // --seed alone implies --shuffle: the banner of a shuffled run suggests it alone.
    for spelling in [
        ["--shuffle", "--seed", "3"],
        ["--color=auto", "--seed", "3"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let quiz_path = fixture("small.yaml");
        let mut session = spawn(
            &[
                "take",
                quiz_path.to_str().unwrap(),
                spelling[0],
                spelling[1],
                spelling[2],
                "-o",
                "result.json",
            ],
            dir.path(),
        );
        for (n, &q) in order.iter().enumerate() {
            let question = &quiz.questions[q];
            let keys: &[&str] = match question.id.as_str() {
                "q-yes" | "q-no-rev" => &["y", ENTER],
                "q-multi" => &[" ", ENTER],
                // The first label or option of the rest.
                _ => &[ENTER],
            };
            // The question's text, then its help line with its number as asked.
            session
                .expect(question.text.as_str())
                .unwrap_or_else(|e| panic!("question {} should be {}: {e}", n + 1, question.id));
            answer(&mut session, &format!("Question {} of 7", n + 1), keys);
        }
        finish_review(&mut session);
        everything(&mut session);
        assert_eq!(exit_code(&session), 0);
        let answer_of = |id: &str| saved_answer(&dir.path().join("result.json"), id);
        assert_eq!(answer_of("q-scale"), 1);
        assert_eq!(answer_of("q-required"), 1);
        assert_eq!(answer_of("q-yes"), true);
        assert_eq!(answer_of("q-no-rev"), true);
        assert_eq!(answer_of("q-choice"), "a");
        assert_eq!(answer_of("q-multi"), serde_json::json!(["x"]));
    }
}

/// `--color never` on a terminal without NO_COLOR: prompts without colour.
/// `--color always` with NO_COLOR set: prompts in colour.
#[test]
fn the_color_option_decides_for_the_prompts() {
    let quiz = fixture("small.yaml");
    for (when, no_color, coloured) in [
        ("never", false, false),
        ("always", true, true),
        ("auto", false, true),
        ("auto", true, false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = careerfit_process();
        cmd.args(["--color", when, "take"])
            .arg(&quiz)
            .current_dir(dir.path());
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        let mut session = in_pty(cmd);
        let found = session.expect("Question 1 of 7").unwrap();
        let prompt = String::from_utf8_lossy(found.before()).to_string();
        // Cursor movement is always there; colour is `ESC [ 38;5;N m`.
        assert_eq!(
            prompt.contains("\x1b[38;5;"),
            coloured,
            "--color {when}, NO_COLOR {no_color}:\n{prompt:?}"
        );
        std::thread::sleep(Duration::from_millis(150));
        session.send(ControlCode::EndOfText).unwrap();
        everything(&mut session);
        assert_eq!(exit_code(&session), 130);
    }
}

/// The issue's scenario: answer three questions, go back one and change it, finish,
/// then change another on the review screen; the saved result holds the changes.
#[test]
fn going_back_and_reviewing_change_the_saved_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = take_small(dir.path(), "result.json");
    answer(&mut session, "Question 1 of 7", &[DOWN, ENTER]); // Middle
    answer(&mut session, "Question 2 of 7", &[ENTER]); // Low
    answer(&mut session, "Question 3 of 7", &["n", ENTER]); // No
    // At question 4, go back to question 3 and change No to Yes.
    answer(&mut session, "b to go back", &["b", ENTER]);
    answer(&mut session, "Question 3 of 7", &["y", ENTER]);
    answer(&mut session, "Question 4 of 7", &["n", ENTER]);
    // At question 5, "← Back" is the entry after the three options.
    answer(&mut session, "Question 5 of 7", &[DOWN, DOWN, DOWN, ENTER]);
    answer(&mut session, "Question 4 of 7", &["y", ENTER]);
    answer(&mut session, "Question 5 of 7", &[ENTER]); // A laptop
    answer(&mut session, "Question 6 of 7", &[" ", ENTER]); // x
    answer(&mut session, "Question 7 of 7", &[ENTER]); // Strongly disagree
    // The review lists every answer; change question 1 from Middle to High.
    session.expect("Review your answers").unwrap();
    let listed = session.expect("7. I check my work.").unwrap();
    let listing = String::from_utf8_lossy(listed.before()).to_string();
    assert!(
        listing.contains("1. How careful are you? — Middle"),
        "{listing}"
    );
    assert!(
        listing.contains("3. Do you like parties? — Yes"),
        "{listing}"
    );
    std::thread::sleep(Duration::from_millis(150));
    session.send(DOWN).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    session.send(ENTER).unwrap();
    answer(&mut session, "Question 1 of 7", &[DOWN, ENTER]); // from Middle to High
    // Back on the review, the changed answer shows and the cursor is on it: Up to
    // "Finish".
    answer(&mut session, "1. How careful are you? — High", &[UP, ENTER]);
    everything(&mut session);
    assert_eq!(exit_code(&session), 0);

    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("result.json")).unwrap()).unwrap();
    let answers: Vec<serde_json::Value> = saved["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["answer"].clone())
        .collect();
    assert_eq!(
        answers,
        [
            serde_json::json!(3),
            serde_json::json!(1),
            serde_json::json!(true),
            serde_json::json!(true),
            serde_json::json!("a"),
            serde_json::json!(["x"]),
            serde_json::json!(1),
        ]
    );
}

/// The issue's scenario: Ctrl-C after five answers keeps them; a plain `take` then
/// asks what to do; `--resume` says how many were answered, goes on from question 6
/// and gives the result an uninterrupted run with the same answers gives.
#[test]
fn an_interrupted_quiz_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let data = fresh_data_home();
    let quiz = fixture("small.yaml");
    let run = |args: &[&str]| {
        let mut cmd = careerfit_process();
        cmd.arg("take")
            .arg(&quiz)
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", &data);
        in_pty(cmd)
    };

    let mut session = run(&[]);
    answer(&mut session, "Question 1 of 7", &[DOWN, DOWN, ENTER]); // High
    answer(&mut session, "Question 2 of 7", &[ESC]); // skipped
    answer(&mut session, "Question 3 of 7", &["y", ENTER]);
    answer(&mut session, "Question 4 of 7", &["n", ENTER]);
    answer(&mut session, "Question 5 of 7", &[DOWN, ENTER]); // A phone
    answer(&mut session, "Question 6 of 7", &[]);
    session.send(ControlCode::EndOfText).unwrap();
    let rest = everything(&mut session);
    assert!(rest.contains("Your answers so far are kept"), "{rest}");
    assert_eq!(exit_code(&session), 130);
    let saved = data.join("careerfit/progress/small.json");
    assert!(saved.exists(), "progress is saved in the data folder");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let mut session = run(&[]);
    let refusal = everything(&mut session);
    assert!(
        refusal.contains("you have unfinished answers to quiz `small` (4 of 7 answered)"),
        "{refusal}"
    );
    assert_eq!(exit_code(&session), 2);

    let mut session = run(&["--resume", "-o", "resumed.json"]);
    session
        .expect("Resuming quiz `small`: 4 of 7 questions answered, going on from question 6.")
        .unwrap();
    // The banner stays the first thing on screen: the introduction is not said again.
    let between = session.expect("Question 6 of 7").unwrap();
    let between = String::from_utf8_lossy(between.before()).to_string();
    assert!(!between.contains("A small quiz"), "{between}");
    assert!(
        !between.contains("Answer for yourself as you are now"),
        "{between}"
    );
    std::thread::sleep(Duration::from_millis(150));
    for key in [" ", DOWN, " ", ENTER] {
        session.send(key).unwrap();
        std::thread::sleep(Duration::from_millis(100));
    } // x and y
    answer(&mut session, "Question 7 of 7", &[DOWN, DOWN, DOWN, ENTER]); // Agree
    finish_review(&mut session);
    everything(&mut session);
    assert_eq!(exit_code(&session), 0);
    assert!(!saved.exists(), "finishing removes the saved progress");

    let answers = write(
        dir.path(),
        "same.yaml",
        "answers:\n  q-scale: 3\n  q-yes: true\n  q-no-rev: false\n  q-choice: b\n  \
         q-multi: [x, y]\n  q-required: Agree\n",
    );
    let uninterrupted = careerfit()
        .arg("take")
        .arg(&quiz)
        .args(["--json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let mut expected = stdout_json(&uninterrupted);
    let mut resumed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("resumed.json")).unwrap()).unwrap();
    expected.as_object_mut().unwrap().remove("completed_at");
    resumed.as_object_mut().unwrap().remove("completed_at");
    assert_eq!(resumed, expected);
}

/// Straight-lining at the terminal: the first answer on every scale question, and the
/// summary says what that means.
#[test]
fn straight_lining_is_called_out_at_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("small.yaml");
    let mut session = spawn(&["take", quiz.to_str().unwrap()], dir.path());
    answer(&mut session, "Question 1 of 7", &[ENTER]);
    answer(&mut session, "Question 2 of 7", &[ENTER]);
    answer(&mut session, "Question 3 of 7", &["y", ENTER]);
    answer(&mut session, "Question 4 of 7", &["y", ENTER]);
    answer(&mut session, "Question 5 of 7", &[ENTER]);
    answer(&mut session, "Question 6 of 7", &[ENTER]);
    answer(&mut session, "Question 7 of 7", &[ENTER]);
    finish_review(&mut session);
    let screen = everything(&mut session);
    let screen = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        screen.contains(
            "Every scale answer (3 of them) was at position 1 of its scale. Answers that never \
             vary say little about you"
        ),
        "{screen}"
    );
    assert_eq!(exit_code(&session), 0);
}

/// In a terminal 40 columns wide, tables would break a fit of 100 into "10" over "0":
/// the summary falls back to sentences wrapped to the width. (The shell waits before
/// `stty`, so that the test harness's own window size is set first.)
#[test]
fn a_narrow_terminal_gets_the_plain_layout_wrapped_to_its_width() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), SMALL_ANSWERS).unwrap();
    let script = format!(
        "sleep 0.5; stty cols 40 rows 40; {} take {} --answers a.yaml",
        env!("CARGO_BIN_EXE_careerfit"),
        fixture("small.yaml").display()
    );
    let mut session = spawn_shell(&script, dir.path());
    let screen = everything(&mut session).replace('\r', "");
    assert!(
        screen.contains("Your pathways, best fit first:"),
        "{screen}"
    );
    assert!(!screen.contains('│'), "no table at 40 columns:\n{screen}");
    for line in screen.lines() {
        assert!(line.chars().count() <= 40, "over 40 columns: {line:?}");
    }
}

/// The first HIM question is 79 characters; with "? " before it, an 80-column
/// terminal would put its full stop alone on a line. It is wrapped by words.
#[test]
fn questions_wrap_by_words_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "sleep 0.5; stty cols 80 rows 40; {} take --fresh",
        env!("CARGO_BIN_EXE_careerfit")
    );
    let mut session = spawn_shell(&script, dir.path());
    let found = session
        .expect("Question 1 of 60")
        .expect("the first question");
    let screen = String::from_utf8_lossy(found.before()).replace('\r', "");
    assert!(
        screen.contains(
            "? I would rather have a career with many possible directions than one fixed\npath."
        ),
        "{screen}"
    );
    session.send(ControlCode::EndOfText).unwrap();
    everything(&mut session);
}

/// SIGTERM and SIGHUP during the quiz end it as Ctrl-C does: the terminal settings
/// restored, no temporary file left, the progress kept, exit 143 or 129. SIGTERM
/// comes at a list, SIGHUP at the tick-any list (drawn apart from inquire's).
#[test]
fn sigterm_and_sighup_leave_the_terminal_and_the_folder_as_found() {
    let at_a_list: &[(&str, &[&str])] = &[("Question 1 of 7", &[ENTER])];
    let at_tick_any: &[(&str, &[&str])] = &[
        ("Question 1 of 7", &[ENTER]),
        ("Question 2 of 7", &[ENTER]),
        ("Question 3 of 7", &["y", ENTER]),
        ("Question 4 of 7", &["n", ENTER]),
        ("Question 5 of 7", &[ENTER]),
    ];
    for (signal, code, answers, waiting) in [
        ("TERM", 143, at_a_list, "Question 2 of 7"),
        ("HUP", 129, at_tick_any, "Question 6 of 7"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let data = fresh_data_home();
        let marker = "result.json";
        // The inner shell writes its pid, then becomes careerfit: the test signals it
        // alone, not the shell that checks the terminal afterwards.
        let script = format!(
            "before=$(stty -g); \
             sh -c 'echo $$ > careerfit.pid; exec env XDG_DATA_HOME=\"{}\" \"{}\" take \"{}\" -o {marker}'; \
             code=$?; after=$(stty -g); \
             [ \"$before\" = \"$after\" ] && echo settings-restored; echo exit=$code",
            data.display(),
            env!("CARGO_BIN_EXE_careerfit"),
            fixture("small.yaml").display(),
        );
        let mut session = spawn_shell(&script, dir.path());
        for (question, keys) in answers {
            answer(&mut session, question, keys);
        }
        answer(&mut session, waiting, &[]);
        // The temporary file of -o exists while the quiz runs.
        let temporary = || {
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter(|e| {
                    let name = e.as_ref().unwrap().file_name();
                    name.to_string_lossy().starts_with(".careerfit-")
                })
                .count()
        };
        assert_eq!(temporary(), 1, "-o is open before the first answer");
        let pid = std::fs::read_to_string(dir.path().join("careerfit.pid")).unwrap();
        let killed = Command::new("kill")
            .args(["-s", signal, pid.trim()])
            .status()
            .unwrap();
        assert!(killed.success());
        let rest = everything(&mut session);
        assert!(rest.contains(&format!("exit={code}")), "{rest}");
        assert!(rest.contains("settings-restored"), "{rest}");
        assert_eq!(temporary(), 0, "a temporary file was left behind");
        assert!(!dir.path().join(marker).exists());
        let progress = data.join("careerfit/progress/small.json");
        assert!(progress.exists(), "the first answer is kept for --resume");
    }
}

/// When a run writes two files and the second cannot be written, the message says
/// which one was saved and which was not.
#[test]
fn when_the_report_fails_after_the_result_the_message_says_which_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("small.yaml");
    let mut session = spawn(
        &[
            "take",
            quiz.to_str().unwrap(),
            "-o",
            "result.json",
            "--report",
            "report.html",
        ],
        dir.path(),
    );
    answer(&mut session, "Question 1 of 7", &[]);
    // Meanwhile someone else writes report.html: it is not replaced without --force.
    std::fs::write(dir.path().join("report.html"), "someone else's").unwrap();
    session.send(ENTER).unwrap();
    answer(&mut session, "Question 2 of 7", &[ESC]);
    answer(&mut session, "Question 3 of 7", &["y", ENTER]);
    answer(&mut session, "Question 4 of 7", &["n", ENTER]);
    answer(&mut session, "Question 5 of 7", &[ENTER]);
    answer(&mut session, "Question 6 of 7", &[ENTER]);
    answer(&mut session, "Question 7 of 7", &[ENTER]);
    finish_review(&mut session);
    let screen = everything(&mut session);
    assert!(
        screen.contains(
            "report.html already exists; add --force to replace it, or choose another \
             name; the result was saved to result.json, the report was not written"
        ),
        "{screen}"
    );
    assert_eq!(exit_code(&session), 2);
    assert!(dir.path().join("result.json").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.html")).unwrap(),
        "someone else's"
    );
}

/// In a tick-any list, Enter on "← Back" goes back as it does in every other list:
/// the ticks made there are not recorded, and coming back to the list shows the ticks
/// recorded before.
#[test]
fn enter_on_back_in_a_tick_any_list_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = take_small(dir.path(), "r.json");
    for (question, keys) in [
        ("Question 1 of 7", &[DOWN, ENTER][..]), // Middle
        ("Question 2 of 7", &[ESC]),             // skipped
        ("Question 3 of 7", &["y", ENTER]),
        ("Question 4 of 7", &["n", ENTER]),
        ("Question 5 of 7", &[ENTER]), // A laptop
    ] {
        answer(&mut session, question, keys);
    }
    // Tick "A database", then Enter on "← Back", after the three options.
    answer(
        &mut session,
        "Question 6 of 7",
        &[" ", DOWN, DOWN, DOWN, ENTER],
    );
    // Question 5 again, its answer kept: Down to "A phone".
    answer(&mut session, "Question 5 of 7", &[DOWN, ENTER]);
    // Nothing was recorded for question 6: tick the spreadsheet alone.
    answer(&mut session, "Question 6 of 7", &[DOWN, " ", ENTER]);
    // At question 7 (five labels, then "← Back"), go back to question 6.
    answer(
        &mut session,
        "Question 7 of 7",
        &[DOWN, DOWN, DOWN, DOWN, DOWN, ENTER],
    );
    // The list shows the tick recorded before; Enter keeps it.
    let shown = session.expect("Question 6 of 7").unwrap();
    let screen = String::from_utf8_lossy(shown.before()).to_string();
    assert!(screen.contains("[ ] A database"), "{screen}");
    assert!(screen.contains("[x] A spreadsheet"), "{screen}");
    answer(&mut session, "", &[ENTER]);
    answer(&mut session, "Question 7 of 7", &[ENTER]); // Strongly disagree
    finish_review(&mut session);
    everything(&mut session);
    assert_eq!(exit_code(&session), 0);

    let answer_of = |id: &str| saved_answer(&dir.path().join("r.json"), id);
    assert_eq!(answer_of("q-choice"), serde_json::json!("b"));
    assert_eq!(answer_of("q-multi"), serde_json::json!(["y"]));
}

/// Clicking through as fast as the keys go: every answer comes in well under the
/// second a question takes to read, so the result carries `too_fast`, its confidence
/// is low and the quiz will not answer its question.
#[test]
fn answers_faster_than_reading_are_called_out_and_the_verdict_is_unclear() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = fixture("forced.yaml");
    let mut session = spawn(&["take", quiz.to_str().unwrap(), "--plain"], dir.path());
    for n in 1..=12 {
        answer(&mut session, &format!("Question {n} of 12"), &[ENTER]);
    }
    finish_review(&mut session);
    let screen = everything(&mut session);
    let screen = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        screen.contains("Is desk work for me? Unclear: these answers cannot tell."),
        "{screen}"
    );
    assert!(
        screen.contains("most answers came faster than the questions can be read"),
        "{screen}"
    );
    assert!(
        screen.contains("12 of your 12 answers came faster than the question can be read"),
        "{screen}"
    );
    assert_eq!(exit_code(&session), 0);
}

/// Enter on every question picks the first option shown, and a forced choice's
/// options come in the respondent's own order, the one `--seed` repeats: some seed
/// gives another answer than seed 0, and seed 0 again gives its own.
#[test]
fn enter_throughout_does_not_choose_one_pathway() {
    let quiz_file = fixture("forced.yaml");
    let (quiz, _) = careerfit::quiz::load_path(&quiz_file).unwrap();
    let enter_throughout = |seed: u64| {
        let dir = tempfile::tempdir().unwrap();
        let seed_text = seed.to_string();
        let args = [
            "take",
            quiz_file.to_str().unwrap(),
            "--seed",
            &seed_text,
            "-o",
            "result.json",
        ];
        let mut session = spawn(&args, dir.path());
        for n in 1..=quiz.questions.len() {
            answer(&mut session, &format!("Question {n} of"), &[ENTER]);
        }
        answer(&mut session, "Review your answers", &[ENTER]);
        session.expect(expectrl::Eof).unwrap();
        assert_eq!(exit_code(&session), 0);
        saved_answer(&dir.path().join("result.json"), "rather")
    };
    let first = enter_throughout(0);
    // Three options: the chance that five more seeds all show the same one first is
    // (1/3)^5, and the seeds are fixed, so the test does not flicker.
    let other = (1..=5).map(enter_throughout).find(|a| *a != first);
    assert!(other.is_some(), "every seed shows `{first}` first");
    assert_eq!(enter_throughout(0), first, "--seed repeats the order");
}

/// A pager that keeps what it is given in `paged.txt`, in `dir`.
fn recording_pager(dir: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let pager = dir.join("pager.sh");
    std::fs::write(&pager, "#!/bin/sh\ncat > paged.txt\n").unwrap();
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).unwrap();
    pager
}

/// `careerfit take small.yaml ARGS` in `dir`, in a 100x20 pseudo-terminal (shorter
/// than the small quiz's result), with `$PAGER` the recording pager.
fn take_small_on_a_short_screen(dir: &std::path::Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_careerfit"));
    cmd.arg("take")
        .arg(fixture("small.yaml"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PAGER", recording_pager(dir));
    let mut session = in_pty(cmd);
    session.get_process_mut().set_window_size(100, 20).unwrap();
    session
}

#[test]
fn with_pager_a_long_result_is_read_in_the_pager_and_the_recap_stays_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = take_small_on_a_short_screen(dir.path(), &["--pager"]);
    answer_small_quiz(&mut session);
    let screen = everything(&mut session).replace('\r', "");
    assert_eq!(exit_code(&session), 0);
    let paged = std::fs::read_to_string(dir.path().join("paged.txt")).expect("the pager ran");
    assert!(paged.contains("Your pathways, best fit first\n"), "{paged}");
    assert!(paged.lines().count() > 20, "{paged}");
    // On screen after the quiz: the recap alone, not the whole result again.
    let after = &screen[screen.rfind("Review your answers").unwrap()..];
    assert!(
        !after.contains("Your pathways, best fit first\n"),
        "{after}"
    );
    let recap = &paged[paged.rfind("In short:").unwrap()..];
    assert!(
        screen.trim_end().ends_with(recap.trim_end()),
        "{screen:?} ends with {recap:?}"
    );
    assert!(!screen.contains("The whole result"), "{screen}");
}

#[test]
fn without_pager_a_long_result_ends_saying_how_to_read_it_from_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = take_small_on_a_short_screen(dir.path(), &["-o", "r.json"]);
    answer_small_quiz(&mut session);
    let screen = everything(&mut session).replace('\r', "");
    assert_eq!(exit_code(&session), 0);
    assert!(
        !dir.path().join("paged.txt").exists(),
        "no pager unless asked"
    );
    let last = screen.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("The whole result (")
            && last.ends_with(" lines): careerfit take --answers r.json | less"),
        "{screen}"
    );
    let lines: usize = last["The whole result (".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // As many lines as the result printed: from its title to the recap.
    let result = &screen[screen.rfind("A small quiz (quiz small").unwrap()..];
    let result = &result[..result.find("Saved your result to").unwrap()];
    assert_eq!(result.lines().count(), lines, "{result}");
    assert!(lines > 20, "{screen}");
    assert!(
        screen.contains("Your pathways, best fit first\n"),
        "{screen}"
    );
}

#[test]
fn json_sent_to_a_file_or_a_pipe_is_said_in_one_line_and_no_pager_runs() {
    let dir = tempfile::tempdir().unwrap();
    let pager = recording_pager(dir.path());
    let careerfit = env!("CARGO_BIN_EXE_careerfit");
    let quiz = fixture("small.yaml");
    for (script, file, destination) in [
        (
            format!(
                "'{careerfit}' take '{}' --json > result.json",
                quiz.display()
            ),
            "result.json",
            "result.json",
        ),
        (
            format!(
                "PAGER='{}' '{careerfit}' take '{}' --json --pager | cat > piped.json",
                pager.display(),
                quiz.display()
            ),
            "piped.json",
            "a pipe",
        ),
    ] {
        let mut session = spawn_shell(&script, dir.path());
        answer_small_quiz(&mut session);
        let screen = everything(&mut session).replace('\r', "");
        assert_eq!(exit_code(&session), 0);
        let bytes = std::fs::read(dir.path().join(file)).unwrap().len();
        let said = format!(
            "careerfit: the result (JSON, {bytes} bytes) went to {destination}, not the screen.\n"
        );
        assert!(screen.ends_with(&said), "{screen:?} ends with {said:?}");
        assert_eq!(screen.matches("careerfit: the result").count(), 1);
    }
    assert!(
        !dir.path().join("paged.txt").exists(),
        "no pager off the screen"
    );
}

#[test]
fn scripts_that_pass_answers_stay_quiet_and_meet_no_pager() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let small = fixture("small.yaml");
    let output = careerfit()
        .args(["take", small.to_str().unwrap(), "--json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
    careerfit()
        .args(["take", small.to_str().unwrap(), "--pager", "--answers"])
        .arg(&answers)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot be used with"));
}

#[test]
fn ctrl_c_in_the_pager_is_the_pager_s_and_careerfit_ends_as_usual() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut session = take_small_on_a_short_screen(dir.path(), &["--pager"]);
    // A pager that, like less, outlives Ctrl-C.
    let pager = dir.path().join("pager.sh");
    std::fs::write(
        &pager,
        "#!/bin/sh\ntrap 'echo interrupted > int.txt' INT\ncat > paged.txt\necho pager-ready\nsleep 3\n",
    )
    .unwrap();
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).unwrap();
    answer_small_quiz(&mut session);
    session.expect("pager-ready").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    session.send(ControlCode::EndOfText).unwrap();
    let screen = everything(&mut session).replace('\r', "");
    assert_eq!(exit_code(&session), 0, "{screen}");
    assert!(!screen.contains("Stopped by SIGINT"), "{screen}");
    assert!(screen.contains("In short:"), "{screen}");
    assert!(
        dir.path().join("int.txt").exists(),
        "the pager had the Ctrl-C"
    );
}
