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

use crate::cli::{Cli, ColorWhen, Command, TakeArgs};
use crate::error::Error;
use crate::locale::{Lang, Messages, Wanted};
use crate::quiz::{Quiz, catalog, translation};
use crate::report::Style;

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
    Ok(load_found(spec)?.0)
}

fn load_found(spec: &str) -> Result<(Quiz, catalog::Found), Error> {
    if let Some(file) = catalog::shadowed_by_builtin(spec) {
        note!(
            "warning: {} has the id of a built-in quiz, which is taken instead; give the \
             path to take the file",
            file.display()
        );
    }
    Ok(catalog::resolve(spec)?)
}

/// A quiz as a person reads it: in their language where the quiz has a translation.
pub(crate) struct Spoken {
    /// The quiz as its file has it, in English: answers files are read against it
    /// (their labels are the English ones; ids and positions serve every language).
    pub english: Quiz,
    /// The quiz in the language asked for, where it has a translation (its `lang`
    /// says which): what is shown and what results are written with.
    pub quiz: Quiz,
    /// The interface's words in the language asked for.
    pub messages: Messages,
}

/// The language asked for: `--lang`, else the POSIX locale of the environment.
pub(crate) fn wanted(given: Option<&Lang>) -> Wanted {
    Wanted::from(given, |name| std::env::var(name).ok())
}

/// The language to show a saved result in: `--lang`, else the locale's, else (the
/// locale naming none) the language it was taken in.
pub(crate) fn wanted_for_result(given: Option<&Lang>, taken_in: Option<&str>) -> Wanted {
    match (wanted(given), taken_in.and_then(Lang::parse)) {
        (Wanted::Default, Some(lang)) if !lang.is_english() => Wanted::Locale(lang),
        (wanted, _) => wanted,
    }
}

/// `load_quiz`, in the language `--lang` or the locale asks for.
pub(crate) fn load_quiz_in(spec: &str, given: Option<&Lang>) -> Result<Spoken, Error> {
    load_quiz_as(spec, &wanted(given))
}

/// `load_quiz`, in the language `wanted` says.
pub(crate) fn load_quiz_as(spec: &str, wanted: &Wanted) -> Result<Spoken, Error> {
    let (english, found) = load_found(spec)?;
    Ok(speak(english, &found, wanted))
}

/// The quiz in the language wanted, from its translation: English, with one note,
/// when it has none in that language, or the translation cannot be read (a text
/// the translation lacks stays English, with a note too).
pub(crate) fn speak(english: Quiz, found: &catalog::Found, wanted: &Wanted) -> Spoken {
    let lang = wanted.lang();
    let messages = Messages::for_lang(&lang);
    let in_english = |english: Quiz, messages: Messages| Spoken {
        quiz: english.clone(),
        english,
        messages,
    };
    if lang.is_english() {
        return in_english(english, messages);
    }
    let translations = catalog::translations(found);
    let langs: Vec<Lang> = translations
        .iter()
        .filter_map(|(tag, _)| Lang::parse(tag))
        .collect();
    let Some(chosen) = lang.best_of(&langs) else {
        note!(
            "{}",
            messages.with(
                "take-no-translation",
                &[
                    ("quiz", english.id.as_str().into()),
                    ("lang", lang.tag().into())
                ]
            )
        );
        return in_english(english, messages);
    };
    let (tag, at) = translations
        .iter()
        .find(|(tag, _)| Lang::parse(tag).as_ref() == Some(chosen))
        .expect("the language chosen is one of the translations'");
    let name = at.name();
    // What `validate` is given to check it: the file, or a built-in quiz's id.
    let check = match at {
        catalog::TranslationAt::File(_) => name.clone(),
        catalog::TranslationAt::Builtin { .. } => english.id.clone(),
    };
    let incomplete = |messages: &Messages| {
        messages.with(
            "take-translation-incomplete",
            &[
                ("quiz", english.id.as_str().into()),
                ("lang", tag.as_str().into()),
                ("file", name.as_str().into()),
                ("check", check.as_str().into()),
            ],
        )
    };
    let read = at.text().ok().and_then(|text| {
        let translation = translation::read(&name, &text).ok()?;
        Some((translation, text))
    });
    let Some((translation, text)) = read else {
        note!("{}", incomplete(&messages));
        return in_english(english, messages);
    };
    let problems = translation.check(&english, &name, &text, Some(tag));
    if problems.iter().any(crate::diagnostic::Problem::is_error) {
        note!("{}", incomplete(&messages));
    }
    Spoken {
        quiz: translation.apply(&english),
        english,
        messages,
    }
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
            lang,
        }) => explain::run(
            &result,
            pathway.as_deref(),
            quiz.as_deref(),
            crate::cli::chosen(format, json),
            lang.as_ref(),
            settings,
        ),
        Some(Command::Form { quiz, format, lang }) => form::run(&quiz, format, lang.as_ref()),
        Some(Command::Compare {
            old,
            new,
            json,
            format,
        }) => compare::run(&old, &new, crate::cli::chosen(format, json), settings),
        Some(Command::Report {
            result,
            output,
            force,
            quiz,
            lang,
        }) => report::run(&result, &output, force, quiz.as_deref(), lang.as_ref()),
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
