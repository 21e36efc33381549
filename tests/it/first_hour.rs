//! What a newcomer reads first: how to install careerfit, and a resume hint that is
//! true whether careerfit is installed or run with `cargo run`, for the quiz taken.
#![cfg(unix)]

use crate::common::*;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{ControlCode, Expect};
use std::time::Duration;

/// `careerfit take small.yaml ARGS` in tests/fixtures, in a pseudo-terminal, with its
/// own data folder `data`.
fn take_small_in_pty(args: &[&str], data: &std::path::Path) -> Session {
    let mut cmd = careerfit_process();
    cmd.args(["take", "small.yaml"])
        .args(args)
        .current_dir(fixture(""))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env("XDG_DATA_HOME", data);
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.get_process_mut().set_window_size(100, 40).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// All the program prints until it exits, \r\n as \n.
fn everything(session: &mut Session) -> String {
    let found = session.expect(expectrl::Eof).expect("careerfit exits");
    let mut bytes = found.before().to_vec();
    for matched in found.matches() {
        bytes.extend_from_slice(matched);
    }
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

fn exit_code(session: &Session) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("careerfit did not exit normally: {other:?}"),
    }
}

#[test]
fn the_resume_hint_names_the_quiz_and_both_ways_to_run_careerfit() {
    let data = tempfile::tempdir().unwrap();
    let mut session = take_small_in_pty(&[], data.path());
    let intro = session.expect("Question 1 of 7").unwrap();
    let intro = String::from_utf8_lossy(intro.before()).replace("\r\n", "\n");
    assert!(
        intro.contains("Ctrl-C stops at once, and says how to go on later with your answers.\n"),
        "{intro}"
    );
    std::thread::sleep(Duration::from_millis(150));
    session.send("\r").unwrap(); // the first label
    session.expect("Question 2 of 7").unwrap();
    std::thread::sleep(Duration::from_millis(150));
    session.send(ControlCode::EndOfText).unwrap();
    let rest = everything(&mut session);
    assert!(
        rest.contains(
            "Your answers so far are kept; to go on with them:\n  `careerfit take small.yaml \
             --resume`\n  or, where careerfit is not installed,\n  \
             `cargo run --release -- take small.yaml --resume`"
        ),
        "{rest}"
    );
    assert_eq!(exit_code(&session), 130);

    let mut session = take_small_in_pty(&[], data.path());
    let refusal = everything(&mut session);
    assert!(
        refusal.contains(
            "`careerfit take small.yaml --resume` goes on with them, `careerfit take \
             small.yaml --fresh` starts again (where careerfit is not installed, `cargo run \
             --release -- take small.yaml --resume` or `--fresh`)"
        ),
        "{refusal}"
    );
    assert_eq!(exit_code(&session), 2);

    // The command the hint gives goes on with the answers.
    let mut session = take_small_in_pty(&["--resume"], data.path());
    session.expect("Question 2 of 7").unwrap();
    std::thread::sleep(Duration::from_millis(150));
    session.send(ControlCode::EndOfText).unwrap();
    everything(&mut session);
    assert_eq!(exit_code(&session), 130);
}

#[test]
fn the_readme_says_how_to_install_and_how_to_run_without_installing() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let top = &readme[..readme.find("\n## ").unwrap()];
    let setup = top.find("cargo test").expect("the set-up commands");
    let install = top
        .find("cargo install --locked --path .")
        .expect("how to install, with the tested versions of Cargo.lock");
    let without = top
        .find("cargo run --release -- take --resume")
        .expect("how to run without installing");
    assert!(setup < install && setup < without);
}

/// The first screen at 80×24, with the --seed line of a shuffled run: the seed, the
/// title, the introduction and the whole first question, none scrolled off, whichever
/// question the shuffle puts first, in English and in Spanish. The introduction is
/// measured on the terminal; the tallest question of the quiz (in that language) is
/// measured from its file, so that the test does not hang on which question this
/// run's seed drew.
#[test]
fn the_first_screen_of_the_him_quiz_fits_80_by_24() {
    for (lang, seed_line, title, question, end) in [
        (
            "en",
            "The questions come in a random order; --seed ",
            "Is a career in HIM right for me?",
            "Question 1 of 60",
            "with your answers.\n\n",
        ),
        (
            "es",
            "Las preguntas salen en orden aleatorio; --seed ",
            "¿Es para mí una carrera en HIM?",
            "Pregunta 1 de 60",
            "con tus respuestas.\n\n",
        ),
    ] {
        first_screen_fits(lang, seed_line, title, question, end);
    }
}

fn first_screen_fits(lang: &str, seed_line: &str, title: &str, question: &str, end: &str) {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = careerfit_process();
    cmd.args(["take", "--shuffle", "--lang", lang])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env("XDG_DATA_HOME", data.path());
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("set the window size");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    let found = session.expect(question).unwrap();
    let screen = String::from_utf8_lossy(found.before()).replace("\r\n", "\n");
    // Everything up to the help line, which is the screen's last.
    let rows = screen.matches('\n').count() + 1;
    assert!(rows <= 24, "{lang}: {rows} rows:\n{screen}");
    assert!(screen.starts_with(seed_line), "{lang}: {screen}");
    assert!(screen.contains(&format!("\n{title}\n")), "{lang}: {screen}");
    let intro = &screen[..screen.find(end).expect("the introduction's end") + end.len()];
    assert!(
        intro
            .lines()
            .all(|l| textwrap::core::display_width(l) <= 80),
        "{lang}: a line over 80 columns wraps on the terminal:\n{intro}"
    );
    let intro_rows = intro.matches('\n').count();

    // A question's rows: its text wrapped after "? ", one per option, the help line.
    let quiz = if lang == "en" {
        careerfit::quiz::load_path(&him_quiz()).unwrap().0
    } else {
        let english = careerfit::quiz::load_path(&him_quiz()).unwrap().0;
        let path = him_quiz().with_extension(format!("{lang}.yaml"));
        let text = std::fs::read_to_string(path).unwrap();
        careerfit::quiz::translation::read("him-career-fit.es.yaml", &text)
            .unwrap()
            .apply(&english)
    };
    let (tallest, text) = quiz
        .questions
        .iter()
        .map(|q| {
            use careerfit::quiz::QuestionKind::*;
            let options = match &q.kind {
                Scale { labels, .. } => labels.len(),
                YesNo { .. } => 0,
                Choice { options } | Multi { options } => options.len(),
            };
            (
                textwrap::wrap(&q.text, 78).len() + options + 1,
                q.text.clone(),
            )
        })
        .max()
        .unwrap();
    assert!(
        intro_rows + tallest <= 24,
        "{lang}: {intro_rows} rows of introduction and {tallest} of \"{text}\":\n{intro}"
    );
    session.send(ControlCode::EndOfText).unwrap();
    everything(&mut session);
}
