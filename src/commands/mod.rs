//! The command layer: one file per command. Each reads its inputs, calls the domain
//! modules (quiz, answers, scoring, explain, analysis) and hands what they give to a
//! report; only this layer, `report` and `prompt` print.

pub mod analyze;
pub mod compare;
pub mod completions;
pub mod explain;
pub mod form;
mod inputs;
pub mod list;
pub mod man;
mod pager;
pub mod report;
pub mod schema;
pub mod score;
pub mod serve;
pub mod take;
pub mod validate;

use crate::cli::{Cli, ColorWhen, Command, OutputFormat, TakeArgs};
use crate::error::Error;
use crate::quiz::{Quiz, catalog};
use crate::report::{Format, Renderer, Style};

/// A class's rows, as `score` and `analyze` read them: the file named, or stdin for
/// none or `-` (results are made rows by `inputs`); their format as given, or CSV for a `.csv` file and JSON Lines else.
pub(crate) fn open_rows(
    args: &crate::cli::RowsArgs,
    input: Option<&std::path::Path>,
) -> Result<inputs::Opened, Error> {
    use crate::rows::Format;
    // Stdin is taken as a file (a duplicate of its descriptor) to see what it is.
    let stdin = || {
        use std::os::fd::AsFd;
        let file = std::io::stdin().as_fd().try_clone_to_owned().ok();
        ("<stdin>".to_string(), file.map(std::fs::File::from))
    };
    let (name, file) = match input {
        None => stdin(),
        Some(path) if path == std::path::Path::new("-") => stdin(),
        Some(path) => (path.display().to_string(), Some(crate::input::open(path)?)),
    };
    // Anything but a regular file (a pipe, a terminal, a named pipe as `<(command)`
    // makes) is a stream: a read from it may wait for ever.
    let stream = !file
        .as_ref()
        .and_then(|f| f.metadata().ok())
        .is_some_and(|m| m.is_file());
    let rows: Box<dyn std::io::Read + Send> = match file {
        Some(file) => Box::new(file),
        // No descriptor to duplicate (stdin closed): the standard library reads that
        // as an empty input.
        None => Box::new(std::io::stdin()),
    };
    let extension = std::path::Path::new(&name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match (args.input_format, extension.as_deref()) {
        (Some(given), _) => given,
        (None, Some("csv" | "tsv")) => Format::Csv,
        (None, Some("xlsx")) => Format::Xlsx,
        (None, _) => Format::Jsonl,
    };
    let delimiter = match (args.delimiter, extension.as_deref()) {
        (None, Some("tsv")) => Some(b'\t'),
        (given, _) => given,
    };
    let how = crate::rows::Input {
        format,
        delimiter,
        id_column: args.id_column.clone(),
        stream,
    };
    Ok((name, rows, how))
}

/// No INPUT while stdin is a terminal: nothing will come, so say how to give the rows
/// rather than wait in silence. (`-` reads the terminal: someone who types it means it.)
pub(crate) fn refuse_terminal_rows(
    args: &crate::cli::RowsArgs,
    command: &'static str,
    settings: &Settings,
) -> Result<(), Error> {
    match args.input.first() {
        None if settings.stdin_is_terminal => Err(Error::RowsFromTerminal { command }),
        _ => Ok(()),
    }
}

/// A quiz by path or id, with a warning when a file in ./quizzes/ is passed over
/// for the built-in quiz of the same id.
pub(crate) fn load_quiz(spec: &str) -> Result<Quiz, Error> {
    if let Some(file) = catalog::shadowed_by_builtin(spec) {
        note!(
            "warning: {} has the id of a built-in quiz, which is taken instead; give the \
             path to take the file",
            file.display()
        );
    }
    Ok(catalog::resolve_quiz(spec)?)
}

/// The renderer of a format a command offers: each command offers only formats
/// that draw its view (`score`'s rows are written by `batch`, not drawn).
pub(crate) fn renderer(format: Format, style: Style) -> Box<dyn Renderer> {
    crate::report::renderer(format, style).expect("a command offers only formats that draw views")
}

/// Below this many columns a table breaks its numbers over lines ("10" over "0"):
/// the summary falls back to the plain layout, wrapped to the terminal.
pub(crate) const MIN_TABLE_WIDTH: u16 = 60;

/// Write a command's output to stdout in one go; a closed pipe is a quiet stop
/// (see `Error::output`).
pub(crate) fn print(out: impl AsRef<[u8]>) -> Result<(), Error> {
    use std::io::Write;
    std::io::stdout()
        .lock()
        .write_all(out.as_ref())
        .map_err(Error::output)
}

/// The command line's choices resolved once, before any command runs: nothing
/// below asks "is this a terminal?" or "what time is it?" again.
pub struct Settings {
    /// `--color` as given; a stream's own choice is in its style.
    pub color: ColorWhen,
    /// How to draw on stdout (results) and stderr (prompts, summaries of score).
    pub stdout: Style,
    pub stderr: Style,
    /// Whether the quiz can be asked: stdin is a terminal.
    pub stdin_is_terminal: bool,
    /// When the run started: the `completed_at` of every result it makes.
    pub now: String,
}

impl Settings {
    pub fn resolve(color: ColorWhen) -> Settings {
        use std::io::IsTerminal;
        Settings {
            color,
            stdout: style(std::io::stdout().is_terminal(), color),
            stderr: style(std::io::stderr().is_terminal(), color),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            now: crate::result::now(),
        }
    }
}

pub fn run(cli: Cli) -> Result<(), Error> {
    let settings = &Settings::resolve(cli.color);
    match cli.command {
        None => take::run(TakeArgs::default(), settings),
        Some(Command::Take(args)) => take::run(args, settings),
        Some(Command::Score(args)) => score::run(args, settings),
        Some(Command::Analyze(args)) => analyze::run(args, settings),
        Some(Command::Explain {
            result,
            pathway,
            quiz,
            json,
            format,
        }) => explain::run(
            &result,
            pathway.as_deref(),
            quiz.as_deref(),
            OutputFormat::chosen(format, json),
            settings,
        ),
        Some(Command::Form { quiz, format }) => form::run(&quiz, format),
        Some(Command::Compare {
            old,
            new,
            json,
            format,
        }) => compare::run(&old, &new, OutputFormat::chosen(format, json), settings),
        Some(Command::Report {
            result,
            output,
            force,
            quiz,
        }) => report::run(&result, &output, force, quiz.as_deref()),
        Some(Command::Serve(args)) => serve::run(args, settings),
        Some(Command::List) => list::run(settings),
        Some(Command::Completions { shell }) => completions::run(shell),
        Some(Command::Man { dir }) => man::run(dir.as_deref()),
        Some(Command::Validate { files, json }) => validate::run(&files, json),
        Some(Command::Schema { kind }) => schema::run(kind),
    }
}

/// How to draw for a stream: colour as `--color` and NO_COLOR say; the terminal's
/// width, at most 80 columns.
fn style(terminal: bool, color: ColorWhen) -> Style {
    let width = if terminal {
        comfy_table::Table::new().width().unwrap_or(80).min(80)
    } else {
        80
    };
    Style {
        color: color.for_stream(terminal),
        width,
    }
}
