//! The quiz taken in Spanish in a real 80-column pseudo-terminal, chosen by `--lang es`
//! or by `LANG=es_US.UTF-8`: the introduction, prompts, key help, the yes/no words,
//! the required-question note, the review screen and Ctrl-C's hint are Spanish; a
//! quiz stopped in Spanish goes on in English with its answers.
#![cfg(unix)]

use crate::common::*;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{ControlCode, Expect};
use std::time::Duration;

const ENTER: &str = "\r";
const ESC: &str = "\x1b";

/// `careerfit take small.yaml ARGS` in tests/fixtures (beside small.es.yaml), at 80×24.
fn take_small(args: &[&str], env: &[(&str, &str)], data: &std::path::Path) -> Session {
    let mut cmd = careerfit_process();
    cmd.args(["take", "small.yaml"])
        .args(args)
        .current_dir(fixture(""))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env("XDG_DATA_HOME", data);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.get_process_mut().set_window_size(80, 24).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// What the terminal showed up to `text` (which is waited for), \r\n as \n.
fn until(session: &mut Session, text: &str) -> String {
    let found = session
        .expect(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    String::from_utf8_lossy(found.before()).replace("\r\n", "\n")
}

/// Keys, after a pause that lets the prompt take them.
fn press(session: &mut Session, keys: &str) {
    std::thread::sleep(Duration::from_millis(150));
    session.send(keys).unwrap();
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
fn the_quiz_is_asked_in_spanish_with_lang_es_at_80_columns() {
    let data = tempfile::tempdir().unwrap();
    let mut s = take_small(&["--lang", "es"], &[], data.path());
    let intro = until(
        &mut s,
        "Pregunta 1 de 7 · ↑↓ para moverte, Enter para elegir, Esc para saltarla",
    );
    assert!(intro.contains("Un cuestionario pequeño\n"), "{intro}");
    assert!(
        intro.contains(
            "7 preguntas, que repasas al final. Esc salta una; \"← Atrás\" (o a) \
             regresa.\nCtrl-C para de inmediato y te dice cómo seguir más tarde con tus \
             respuestas.\n"
        ),
        "{intro}"
    );
    assert!(intro.contains("¿Qué tan cuidadoso/a eres?"), "{intro}");
    assert!(intro.contains("Bajo"), "{intro}");
    press(&mut s, ENTER); // Bajo
    let second = until(&mut s, "Pregunta 2 de 7");
    assert!(second.contains("¿Qué tan descuidado/a eres?"), "{second}");
    assert!(
        second.contains("← Atrás, a la pregunta anterior"),
        "{second}"
    );
    press(&mut s, ENTER);
    until(
        &mut s,
        "Pregunta 3 de 7 · escribe s o n y Enter, a para regresar, Esc para saltarla]",
    );
    press(&mut s, "sí\r");
    let fourth = until(&mut s, "Pregunta 4 de 7");
    assert!(
        fourth.contains("¿Te gustan las fiestas? Sí"),
        "the answer echoed in Spanish: {fourth}"
    );
    press(&mut s, "n\r");
    until(&mut s, "Pregunta 5 de 7");
    press(&mut s, ENTER); // Una laptop
    until(
        &mut s,
        "Pregunta 6 de 7 · ↑↓ para moverte, Espacio para marcar, Enter al terminar",
    );
    press(&mut s, ENTER); // none ticked
    let seventh = until(&mut s, "Pregunta 7 de 7");
    assert!(seventh.contains("(ninguna marcada)"), "{seventh}");
    press(&mut s, ESC);
    until(
        &mut s,
        "Esta pregunta es obligatoria; elige una respuesta, por favor.",
    );
    press(&mut s, ENTER);
    until(
        &mut s,
        "Repasa tus respuestas: cambia las que quieras, o termina.",
    );
    let review = until(
        &mut s,
        "↑↓ para moverte, Enter para cambiar esa respuesta o para terminar",
    );
    assert!(review.contains("Terminar y ver mi resultado"), "{review}");
    assert!(
        review.contains("3. ¿Te gustan las fiestas? — Sí"),
        "{review}"
    );
    assert!(
        review.contains("6. ¿Cuáles has usado? — (ninguna marcada)"),
        "{review}"
    );
    press(&mut s, ENTER);
    let result = until(&mut s, "Camino beta");
    assert!(result.contains("(terminado)"), "{result}");
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
}

#[test]
fn the_locale_asks_it_in_spanish_and_ctrl_c_says_how_to_go_on_in_spanish() {
    let data = tempfile::tempdir().unwrap();
    let mut s = take_small(&[], &[("LANG", "es_US.UTF-8")], data.path());
    let intro = until(&mut s, "Pregunta 1 de 7");
    assert!(
        intro.contains("7 preguntas, que repasas al final."),
        "{intro}"
    );
    press(&mut s, ENTER);
    until(&mut s, "Pregunta 2 de 7");
    std::thread::sleep(Duration::from_millis(150));
    s.send(ControlCode::EndOfText).unwrap();
    let rest = everything(&mut s);
    assert!(
        rest.contains(
            "Tus respuestas hasta ahora se guardaron; para seguir con ellas:\n  `careerfit \
             take small.yaml --resume`\n  o, donde careerfit no está instalado,\n  \
             `cargo run --release -- take small.yaml --resume`"
        ),
        "{rest}"
    );
    assert_eq!(exit_code(&s), 130);
    // Resumed in Spanish, the banner says so, and how to go on again keeps --lang es
    // (without it, the quiz would go on in the locale's language); the answers were
    // kept whatever the language.
    let mut s = take_small(&["--resume", "--lang", "es"], &[], data.path());
    let banner = until(&mut s, "Pregunta 2 de 7");
    assert!(
        banner.contains(
            "Sigues con el cuestionario `small`: llevas 1 de 7 preguntas; continúas desde la\n\
             pregunta 2.\n\nEsc salta una pregunta; Ctrl-C para de inmediato; para seguir \
             más tarde:\n  `careerfit take small.yaml --lang es --resume`"
        ),
        "{banner}"
    );
    std::thread::sleep(Duration::from_millis(150));
    s.send(ControlCode::EndOfText).unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 130);
    // And in English: a person may switch language mid-quiz and keep the answers.
    let mut s = take_small(&["--resume"], &[], data.path());
    let banner = until(&mut s, "Question 2 of 7");
    assert!(
        banner.contains("Resuming quiz `small`: 1 of 7 questions answered, going on from"),
        "{banner}"
    );
    assert!(banner.contains("How careless are you?"), "{banner}");
    std::thread::sleep(Duration::from_millis(150));
    s.send(ControlCode::EndOfText).unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 130);
}
