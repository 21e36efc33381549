//! `careerfit score QUIZ [INPUT]`: a class's rows scored one by one, with an optional
//! group summary.

use super::Settings;
use crate::batch;
use crate::cli::ScoreArgs;
use crate::error::Error;
use crate::private_file;
use std::io::Write;

/// Score a batch of respondents: rows to stdout or --output, the summary where the
/// rows are not, bad rows on stderr; exit 2 at the end if any row was bad.
pub fn run(args: ScoreArgs, settings: &Settings) -> Result<(), Error> {
    let quiz = super::load_quiz(&args.rows.quiz)?;
    let mut result_file = match &args.output {
        Some(path) => Some(private_file::PrivateFile::create(path, args.force)?),
        None => None,
    };
    let (name, input, format) = super::open_rows(&args.rows)?;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let options = batch::Options {
        format,
        strict: args.strict,
        jobs,
        completed_at: settings.now.clone(),
    };
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let outcome = match result_file.as_mut() {
        Some(file) => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file.writer());
            let outcome = batch::run(&quiz, &name, input, &mut out, &mut err, &options)?;
            out.flush()?;
            outcome
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            batch::run(&quiz, &name, input, &mut out, &mut err, &options)?
        }
    };
    // --strict stopped at a bad row: nothing is saved.
    if let (Some(file), false) = (result_file, outcome.stopped) {
        file.commit()?;
    }
    if args.summary {
        // Where the rows are not: stdout when they went to --output, else stderr.
        let to_stdout = args.output.is_some();
        let style = if to_stdout {
            settings.stdout
        } else {
            settings.stderr
        };
        let text = if args.json {
            format!("{:#}\n", outcome.summary.to_json(&quiz))
        } else {
            outcome.summary.to_tables(&quiz, style)
        };
        if to_stdout {
            std::io::stdout().lock().write_all(text.as_bytes())?;
        } else {
            err.write_all(text.as_bytes())?;
        }
    }
    match outcome.summary.failed {
        0 => Ok(()),
        _ => Err(Error::Reported(2)),
    }
}
