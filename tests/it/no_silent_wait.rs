//! `score` and `analyze` with no INPUT, at a terminal: they say how to give the rows
//! and exit 2 at once, rather than wait on a stdin nobody is typing into.
#![cfg(unix)]

use crate::common::*;
use expectrl::Expect;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use std::time::Duration;

/// careerfit with these arguments in a pseudo-terminal: stdin, stdout and stderr are
/// the terminal.
fn spawn(args: &[&str]) -> Session {
    let mut cmd = careerfit_process();
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    // A guard against a hang, not a measure of speed: the run waits on nothing.
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

/// All the program prints until it exits, with the terminal's \r\n as \n.
fn everything(session: &mut Session) -> String {
    let found = session
        .expect(expectrl::Eof)
        .expect("careerfit exits without input");
    let mut bytes = found.before().to_vec();
    for matched in found.matches() {
        bytes.extend_from_slice(matched);
    }
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

fn exit_code(session: &Session) -> i32 {
    match session.get_process().wait().expect("wait for careerfit") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("careerfit did not exit normally: {other:?}"),
    }
}

#[test]
fn score_and_analyze_with_no_input_at_a_terminal_say_so_and_exit_2() {
    let quiz = fixture("small.yaml");
    for command in ["score", "analyze"] {
        let mut session = spawn(&[command, quiz.to_str().unwrap()]);
        let printed = everything(&mut session);
        assert_eq!(
            printed,
            format!(
                "error: no INPUT given, and stdin is a terminal; give the rows' file as INPUT \
                 (`careerfit {command} QUIZ FILE`), or `-` to read them from stdin \
                 (`careerfit {command} QUIZ - < FILE`)\n"
            )
        );
        assert_eq!(exit_code(&session), 2, "{command}");
    }
}
