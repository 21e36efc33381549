//! What `take` says of its result once the quiz was asked at a terminal: a result
//! longer than the screen is read in a pager with `--pager` (or the last line says
//! how), and a result sent to a file or a pipe is said in one line on stderr.

use std::io::{IsTerminal, Write};

/// The screen's rows, when stdout is a terminal.
pub fn screen_rows() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(_, rows)| usize::from(rows))
        .filter(|&rows| rows > 0)
}

/// `$PAGER` split at spaces (no shell runs it), else `less -R`, which shows colour.
fn pager_command() -> Vec<String> {
    let words: Vec<String> = std::env::var("PAGER")
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect();
    match words.is_empty() {
        true => vec!["less".into(), "-R".into()],
        false => words,
    }
}

/// Show `text` in the pager and wait for it to end. An error says the pager could
/// not be started; then the caller prints the text as it would have.
pub fn page(text: &str) -> Result<(), String> {
    let command = pager_command();
    let mut pager = std::process::Command::new(&command[0]);
    pager
        .args(&command[1..])
        .stdin(std::process::Stdio::piped());
    // `PAGER=less` shows colour too, as git does it: unless $LESS says otherwise.
    if std::env::var_os("LESS").is_none() {
        pager.env("LESS", "R");
    }
    // Ctrl-C from here on is the pager's, for the rest of the run (the recap and
    // the notes): a pager that ends on it would otherwise race the signal's
    // handler to the exit.
    crate::interrupt::set_paging(true);
    let mut child = pager.spawn().map_err(|e| {
        crate::interrupt::set_paging(false);
        format!("cannot start the pager `{}`: {e}", command.join(" "))
    })?;
    if let Some(mut input) = child.stdin.take() {
        // A pager quit before the end closes its input: that is not an error.
        let _ = input.write_all(text.as_bytes());
    }
    let _ = child.wait();
    Ok(())
}

/// The line after a result longer than the screen, when no pager showed it: how to
/// read it from the top, with the saved file when there is one (one line at 80
/// columns for a short path).
pub fn long_result_hint(
    messages: &crate::locale::Messages,
    lines: usize,
    saved: Option<&std::path::Path>,
) -> String {
    let lines = lines.to_string();
    match saved {
        Some(path) => messages.with(
            "take-long-result-saved",
            &[
                ("lines", lines.into()),
                ("path", path.display().to_string().into()),
            ],
        ),
        None => messages.with("take-long-result", &[("lines", lines.into())]),
    }
}

/// Where stdout goes when it is not the screen.
pub enum Destination {
    /// A file, by its path (relative to the current folder when it is in it).
    File(String),
    Pipe,
    /// Something else, or a system that does not say.
    Stdout,
}

/// The line on stderr when the result went to a file or a pipe, not the screen.
pub fn redirected_note(
    messages: &crate::locale::Messages,
    format: crate::report::Format,
    bytes: usize,
) -> String {
    let (to, path) = match stdout_destination() {
        Destination::File(path) => ("file", path),
        Destination::Pipe => ("pipe", String::new()),
        Destination::Stdout => ("stdout", String::new()),
    };
    messages.with(
        "take-redirected",
        &[
            ("format", format.name().into()),
            ("bytes", bytes.to_string().into()),
            ("to", to.into()),
            ("path", path.into()),
        ],
    )
}

/// Where stdout goes when it is not the screen.
pub fn stdout_destination() -> Destination {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let file = std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from);
        if let Ok(kind) = file.and_then(|f| f.metadata()).map(|m| m.file_type()) {
            if kind.is_fifo() {
                return Destination::Pipe;
            }
            // Linux names the file; elsewhere it is just stdout.
            if kind.is_file()
                && let Ok(path) = std::fs::read_link("/proc/self/fd/1")
            {
                let here = std::env::current_dir().ok();
                let shown = here
                    .as_deref()
                    .and_then(|here| path.strip_prefix(here).ok())
                    .unwrap_or(&path);
                return Destination::File(shown.display().to_string());
            }
        }
    }
    Destination::Stdout
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_hint_names_the_saved_file_when_there_is_one() {
        let en = crate::locale::Messages::english();
        let saved = std::path::Path::new("ana.json");
        assert_eq!(
            super::long_result_hint(&en, 112, Some(saved)),
            "The whole result (112 lines): careerfit take --answers ana.json | less"
        );
        let unsaved = super::long_result_hint(&en, 112, None);
        // Every language's lines fit 80 columns, with a short file name.
        for lang in ["en", "es"] {
            let messages =
                crate::locale::Messages::for_lang(&crate::locale::Lang::parse(lang).unwrap());
            for hint in [
                super::long_result_hint(&messages, 999, None),
                super::long_result_hint(&messages, 999, Some(std::path::Path::new("result.json"))),
            ] {
                assert!(hint.chars().count() <= 80, "{lang}: {hint}");
            }
        }
        assert!(unsaved.contains("--pager") && unsaved.chars().count() <= 80);
    }
}
