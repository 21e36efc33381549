//! `careerfit score QUIZ [INPUT]`: a class's rows scored one by one, with an optional
//! group summary and class report.

use super::Settings;
use crate::batch;
use crate::cli::{RowsFormat, ScoreArgs};
use crate::error::Error;
use crate::private_file::{self, PrivateFile};
use crate::report::Style;
use crate::report::{self, Renderer};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Whether a path ends in `.ext`, whatever its case.
fn has_extension(path: &Path, ext: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ext.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// `score`'s flags resolved once, before a file is opened or a row read: what every
/// later step reads (ripgrep's `HiArgs`).
struct Plan {
    /// How each row is written.
    output: batch::Output,
    /// Where the rows go (`-o`), else stdout.
    rows_file: Option<PathBuf>,
    /// The class report's page (`--report`), checked to be HTML and not the rows.
    report_file: Option<PathBuf>,
    /// How the summary is drawn, and whether on stdout (the rows went to a file) or
    /// on stderr.
    summary: Option<(report::Format, Style, bool)>,
    strict: bool,
    jobs: usize,
}

impl Plan {
    fn of(args: ScoreArgs, settings: &Settings) -> Result<(Plan, crate::cli::RowsArgs), Error> {
        let report_file = args.report.clone();
        if let Some(report) = &report_file {
            if !has_extension(report, &["html", "htm"]) {
                return Err(Error::ClassReportFile(report.clone()));
            }
            if let Some(rows) = &args.output
                && private_file::same_file(report, rows)
            {
                return Err(Error::SameFile);
            }
        }
        let summary = args.summary.map(|format| {
            // Where the rows are not: stdout when they went to --output, else stderr.
            let to_stdout = args.output.is_some();
            let style = if to_stdout {
                settings.stdout
            } else {
                settings.stderr
            };
            let format = match (args.json, format) {
                (true, _) => report::Format::Json,
                // Below this width a table breaks its numbers over lines: sentences.
                (false, report::Format::Table) if style.width < super::MIN_TABLE_WIDTH => {
                    report::Format::Plain
                }
                (false, format) => format,
            };
            (format, style, to_stdout)
        });
        let plan = Plan {
            output: output(&args)?,
            rows_file: args.output,
            report_file,
            summary,
            strict: args.strict,
            jobs: args.jobs.map_or_else(
                || std::thread::available_parallelism().map_or(1, usize::from),
                usize::from,
            ),
        };
        Ok((plan, args.rows))
    }
}

/// How the rows are written: `--format`, else the extension of `--output`, else JSON
/// Lines; `--full` for whole results.
fn output(args: &ScoreArgs) -> Result<batch::Output, Error> {
    let format = args.format.unwrap_or(match &args.output {
        Some(path) if has_extension(path, &["csv"]) => RowsFormat::Csv,
        _ => RowsFormat::Jsonl,
    });
    // Rows are written a row at a time by `batch`'s writers, not drawn as a view.
    match (format, args.full) {
        (RowsFormat::Csv, false) => Ok(batch::Output::Csv),
        (RowsFormat::Csv, true) => Err(Error::FullSpreadsheet),
        (RowsFormat::Jsonl, false) => Ok(batch::Output::Compact),
        (RowsFormat::Jsonl, true) => Ok(batch::Output::Full),
    }
}

/// Score a batch of respondents: rows to stdout or --output, the summary where the
/// rows are not, the class report to --report, bad rows on stderr; exit 2 at the end
/// if any row was bad.
pub fn run(args: ScoreArgs, settings: &Settings) -> Result<(), Error> {
    super::refuse_terminal_rows(&args.rows, "score", settings)?;
    let force = args.force;
    // The rows are in their form's language, not the advisor's: only --lang says
    // another, never the locale.
    let wanted = crate::locale::Wanted::from(args.lang.as_ref(), |_| None);
    let (plan, rows) = Plan::of(args, settings)?;
    let quiz = super::load_quiz_as(&rows.quiz, &wanted)?.quiz;
    // Both files are opened before a row is read: a bad target is refused now, and
    // an error or Ctrl-C later leaves neither behind.
    let open = |path: &Option<PathBuf>| match path {
        Some(path) => PrivateFile::create(path, force).map(Some),
        None => Ok(None),
    };
    let mut rows_file = open(&plan.rows_file)?;
    let report_file = open(&plan.report_file)?;
    let (name, input, how) = super::inputs::open(&quiz, &rows)?;
    let options = batch::Options {
        input: how,
        output: plan.output,
        strict: plan.strict,
        jobs: plan.jobs,
        completed_at: settings.now.clone(),
    };
    let outcome = score_rows(&quiz, &name, input, &options, rows_file.as_mut(), &plan)?;
    let mut err = std::io::stderr();
    // --strict stopped at a bad row: nothing is saved.
    if !outcome.stopped {
        save(
            &plan,
            rows_file,
            report_file,
            &outcome,
            &quiz,
            &name,
            settings,
        )?;
    }
    if let Some((format, style, to_stdout)) = plan.summary {
        let class = report::Class {
            quiz: &quiz,
            summary: &outcome.summary,
            input: &name,
            made: &settings.now,
        };
        let text = report::renderer(format, style).class(&class);
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

/// Score the rows into the rows' file (not yet committed) or onto stdout; a failed
/// write to the file is the file's, said with its name.
fn score_rows(
    quiz: &crate::quiz::Quiz,
    name: &str,
    input: Box<dyn std::io::Read + Send>,
    options: &batch::Options,
    rows_file: Option<&mut PrivateFile>,
    plan: &Plan,
) -> Result<batch::Outcome, Error> {
    // Not locked for the run: a signal's handler must be able to say why it stops.
    let mut err = std::io::stderr();
    let (Some(file), Some(path)) = (rows_file, &plan.rows_file) else {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        return Ok(batch::run(quiz, name, input, &mut out, &mut err, options)?);
    };
    let to_file = |source: std::io::Error| {
        Error::File(private_file::FileError::Write {
            path: path.clone(),
            source,
        })
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, file.writer());
    let outcome =
        batch::run(quiz, name, input, &mut out, &mut err, options).map_err(|e| match e {
            batch::ScoreError::Output(source)
                if source.kind() != std::io::ErrorKind::BrokenPipe =>
            {
                to_file(source)
            }
            other => other.into(),
        })?;
    out.flush().map_err(to_file)?;
    Ok(outcome)
}

/// Commit the rows' file and write the class report, saying on stderr what was
/// written; when the report fails after the rows were saved, say which was.
fn save(
    plan: &Plan,
    rows_file: Option<PrivateFile>,
    report_file: Option<PrivateFile>,
    outcome: &batch::Outcome,
    quiz: &crate::quiz::Quiz,
    name: &str,
    settings: &Settings,
) -> Result<(), Error> {
    let mut err = std::io::stderr();
    if let (Some(file), Some(path)) = (rows_file, &plan.rows_file) {
        file.commit()?;
        let rows = outcome.summary.scored + outcome.summary.failed;
        writeln!(err, "Wrote {rows} rows to {}", path.display()).map_err(Error::output)?;
    }
    let (Some(mut file), Some(path)) = (report_file, &plan.report_file) else {
        return Ok(());
    };
    let class = report::Class {
        quiz,
        summary: &outcome.summary,
        input: name,
        made: &settings.now,
    };
    let page = report::html::Html.class(&class);
    match (
        file.write_all(page.as_bytes()).and_then(|()| file.commit()),
        &plan.rows_file,
    ) {
        (Ok(()), _) => writeln!(
            err,
            "Wrote the class report to {} (open it in a browser to print)",
            path.display()
        )
        .map_err(Error::output),
        (Err(source), Some(saved)) => Err(Error::ReportNotWritten {
            saved: saved.clone(),
            source,
        }),
        (Err(e), None) => Err(e.into()),
    }
}
