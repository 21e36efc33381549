//! `careerfit score QUIZ [INPUT]`: a class's rows scored one by one, with an optional
//! group summary and class report.

use super::Settings;
use crate::batch;
use crate::cli::{RowsFormat, ScoreArgs};
use crate::error::Error;
use crate::private_file::{self, PrivateFile};
use crate::report::{self, Renderer};
use std::io::Write;
use std::path::Path;

/// Whether a path ends in `.ext`, whatever its case.
fn has_extension(path: &Path, ext: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ext.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// How the rows are written: `--format`, else the extension of `--output`, else JSON
/// Lines; `--full` for whole results.
fn output(args: &ScoreArgs) -> Result<batch::Output, Error> {
    let format = args.format.unwrap_or(match &args.output {
        Some(path) if has_extension(path, &["csv"]) => RowsFormat::Csv,
        _ => RowsFormat::Jsonl,
    });
    // Rows are written a row at a time by `batch`'s writers, not drawn as a view.
    match (report::Format::from(format), args.full) {
        (report::Format::Csv, false) => Ok(batch::Output::Csv),
        (report::Format::Csv, true) => Err(Error::FullSpreadsheet),
        (_, false) => Ok(batch::Output::Compact),
        (_, true) => Ok(batch::Output::Full),
    }
}

/// Score a batch of respondents: rows to stdout or --output, the summary where the
/// rows are not, the class report to --report, bad rows on stderr; exit 2 at the end
/// if any row was bad.
pub fn run(args: ScoreArgs, settings: &Settings) -> Result<(), Error> {
    super::refuse_terminal_rows(&args.rows, "score", settings)?;
    // The rows are in their form's language, not the advisor's: only --lang says
    // another, never the locale.
    let wanted = crate::locale::Wanted::from(args.lang.as_ref(), |_| None);
    let quiz = super::load_quiz_as(&args.rows.quiz, &wanted)?.quiz;
    let output = output(&args)?;
    if let Some(report) = &args.report {
        if !has_extension(report, &["html", "htm"]) {
            return Err(Error::ClassReportFile(report.clone()));
        }
        if let Some(rows) = &args.output
            && private_file::same_file(report, rows)
        {
            return Err(Error::SameFile);
        }
    }
    // Both files are opened before a row is read: a bad target is refused now, and
    // an error or Ctrl-C later leaves neither behind.
    let mut result_file = match &args.output {
        Some(path) => Some(PrivateFile::create(path, args.force)?),
        None => None,
    };
    let report_file = match &args.report {
        Some(path) => Some(PrivateFile::create(path, args.force)?),
        None => None,
    };
    let (name, input, how) = super::inputs::open(&quiz, &args.rows)?;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let options = batch::Options {
        input: how,
        output,
        strict: args.strict,
        jobs,
        completed_at: settings.now.clone(),
    };
    // Not locked for the run: a signal's handler must be able to say why it stops.
    let mut err = std::io::stderr();
    let outcome = match result_file.as_mut() {
        Some(file) => {
            // A failed write here is the file's, said with its name.
            let path = args.output.clone().unwrap_or_default();
            let to_file = |source: std::io::Error| {
                Error::File(private_file::FileError::Write {
                    path: path.clone(),
                    source,
                })
            };
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file.writer());
            let outcome = batch::run(&quiz, &name, input, &mut out, &mut err, &options).map_err(
                |e| match e {
                    batch::ScoreError::Output(source)
                        if source.kind() != std::io::ErrorKind::BrokenPipe =>
                    {
                        to_file(source)
                    }
                    other => other.into(),
                },
            )?;
            out.flush().map_err(to_file)?;
            outcome
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            batch::run(&quiz, &name, input, &mut out, &mut err, &options)?
        }
    };
    // A respondent id given twice is said once, with its lines; both rows are kept.
    if !outcome.summary.repeated.is_empty() {
        let listed: Vec<String> = outcome
            .summary
            .repeated
            .iter()
            .map(|(id, lines)| {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                format!(
                    "`{}` on lines {}",
                    crate::text::escape_controls(id),
                    lines.join(", ")
                )
            })
            .collect();
        writeln!(
            err,
            "{name}: warning: {} respondent id(s) appear more than once, and every row is \
             kept: {}",
            listed.len(),
            listed.join("; ")
        )
        .map_err(Error::output)?;
    }
    if outcome.summary.ids_unchecked > 0 {
        writeln!(
            err,
            "{name}: note: ids after the first {} were not checked for repeats ({} rows)",
            batch::summary::MAX_CHECKED_IDS,
            outcome.summary.ids_unchecked
        )
        .map_err(Error::output)?;
    }
    // --strict stopped at a bad row: nothing is saved.
    if let (Some(file), false) = (result_file, outcome.stopped) {
        file.commit()?;
        if let Some(path) = &args.output {
            let rows = outcome.summary.scored + outcome.summary.failed;
            writeln!(err, "Wrote {rows} rows to {}", path.display()).map_err(Error::output)?;
        }
    }
    if let (Some(mut file), Some(path), false) = (report_file, &args.report, outcome.stopped) {
        let class = report::Class {
            quiz: &quiz,
            summary: &outcome.summary,
            input: &name,
            made: &settings.now,
        };
        let page = report::html::Html.class(&class);
        let written = file.write_all(page.as_bytes()).and_then(|()| file.commit());
        match (written, &args.output) {
            (Ok(()), _) => writeln!(
                err,
                "Wrote the class report to {} (open it in a browser to print)",
                path.display()
            )
            .map_err(Error::output)?,
            (Err(source), Some(saved)) => {
                return Err(Error::ReportNotWritten {
                    saved: saved.clone(),
                    source,
                });
            }
            (Err(e), None) => return Err(e.into()),
        }
    }
    if let Some(format) = args.summary {
        // Where the rows are not: stdout when they went to --output, else stderr.
        let to_stdout = args.output.is_some();
        let style = if to_stdout {
            settings.stdout
        } else {
            settings.stderr
        };
        let format = if args.json {
            report::Format::Json
        } else {
            format.into()
        };
        // Below this width a table breaks its numbers over lines: sentences instead.
        let format = match format {
            report::Format::Table if style.width < super::MIN_TABLE_WIDTH => report::Format::Plain,
            format => format,
        };
        let class = report::Class {
            quiz: &quiz,
            summary: &outcome.summary,
            input: &name,
            made: &settings.now,
        };
        let text = super::renderer(format, style).class(&class);
        if to_stdout {
            super::print(&text)?;
        } else {
            err.write_all(text.as_bytes()).map_err(Error::output)?;
        }
    }
    match outcome.summary.failed {
        0 => Ok(()),
        count => Err(Error::RowsRefused { count }),
    }
}
