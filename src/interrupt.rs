//! SIGTERM, SIGHUP and SIGINT end careerfit as Ctrl-C in the quiz does: the terminal
//! as it was found, no temporary file left behind, saved progress kept, and the exit
//! code 128 + the signal (143, 129, 130).

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::io::{IsTerminal, Write};

/// Set once a signal is being handled: what fails meanwhile (a file removed under
/// a writer) is not worth a message, as the process is about to end.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn stopping() -> bool {
    STOPPING.load(std::sync::atomic::Ordering::SeqCst)
}

/// Set once a pager shows the result: Ctrl-C there is the pager's (less uses it to
/// stop a search), not a reason to stop careerfit, whose result is already out.
static PAGING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_paging(paging: bool) {
    PAGING.store(paging, std::sync::atomic::Ordering::SeqCst);
}

/// Handle the signals on a thread of their own for the rest of the run.
pub fn install() {
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    let started = std::thread::Builder::new()
        .name("careerfit-signals".into())
        .spawn(move || {
            let paging = || PAGING.load(std::sync::atomic::Ordering::SeqCst);
            if let Some(signal) = signals
                .forever()
                .find(|&signal| !(signal == SIGINT && paging()))
            {
                STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
                let (saved, unsaved) = crate::private_file::saved_and_unsaved();
                crate::private_file::remove_temporary_files();
                restore_terminal();
                let name = match signal {
                    SIGTERM => "SIGTERM",
                    SIGHUP => "SIGHUP",
                    _ => "SIGINT",
                };
                note!(
                    "\nStopped by {name}; {}.",
                    crate::private_file::what_was_saved(&saved, &unsaved)
                );
                let code = crate::error::Error::Stopped { signal }.code();
                std::process::exit(i32::from(code));
            }
        });
    drop(started);
}

/// Leave raw mode and show the cursor, as the prompt would have on its way out.
fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let mut stderr = std::io::stderr();
    if stderr.is_terminal() {
        // Show the cursor and end bracketed paste, both turned on by the prompt.
        let _ = stderr.write_all(b"\x1b[?25h\x1b[?2004l");
        let _ = stderr.flush();
    }
}
