//! The commands: each reads its inputs, calls the quiz, answers and scoring modules, and
//! hands the result to a report. Everything a person sees on stdout is written here.

use crate::answers::{self, Answers};
use crate::batch;
use crate::cli::{
    Cli, ColorWhen, Command, InputFormat, SchemaKind, ScoreArgs, Shell, SummaryFormat, TakeArgs,
};
use crate::diagnostic::{Place, Problem};
use crate::error::{Error, render_problems};
use crate::output;
use crate::progress;
use crate::prompt::{self, PromptError, TerminalPrompter};
use crate::quiz::{self, LoadError, Quiz, builtin};
use crate::report::{self, Style};
use crate::result::QuizResult;
use crate::scoring;
use crate::trust::Warning;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Where `list` and `take ID` look for quiz files besides the built-in ones.
const LOCAL_QUIZ_DIR: &str = "quizzes";

pub fn run(cli: Cli) -> Result<(), Error> {
    let color = cli.color;
    match cli.command {
        None => take(TakeArgs::default(), color),
        Some(Command::Take(args)) => take(args, color),
        Some(Command::Score(args)) => score(args, color),
        Some(Command::Analyze(args)) => crate::commands::analyze::run(args, color),
        Some(Command::Explain {
            result,
            pathway,
            quiz,
            json,
        }) => explain(&result, pathway.as_deref(), quiz.as_deref(), json, color),
        Some(Command::Compare { old, new, json }) => compare(&old, &new, json, color),
        Some(Command::Report {
            result,
            output,
            force,
            quiz,
        }) => report_command(&result, &output, force, quiz.as_deref()),
        Some(Command::List) => list(color),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man { dir }) => man(dir.as_deref()),
        Some(Command::Validate { files, json }) => validate(&files, json),
        Some(Command::Schema { kind }) => schema(kind),
    }
}

fn take(args: TakeArgs, color: ColorWhen) -> Result<(), Error> {
    let quiz = resolve_quiz(&args.quiz)?;
    // Open --output before anyone answers a question: a bad target is refused now,
    // not after the last answer. Dropped unused (an error, Ctrl-C), it leaves nothing.
    let mut result_file = match &args.output {
        Some(path) => Some(output::ResultFile::create(path, args.force)?),
        None => None,
    };
    if args.report.is_some() && args.report == args.output {
        return Err(Error::Usage(
            "--report and --output name the same file; give the report its own name".into(),
        ));
    }
    let mut report_file = match &args.report {
        Some(path) => Some(output::ResultFile::create(path, args.force)?),
        None => None,
    };
    let (answers, notes) = match &args.answers {
        Some(path) => {
            let read = read_answers(&quiz, path)?;
            (read.answers, read.warnings)
        }
        None => (ask(&quiz, &args, color)?, Vec::new()),
    };
    let scores = scoring::score(&quiz, &answers);
    let mut result = QuizResult::new(&quiz, &answers, &scores, now());
    result.add_notes(notes.into_iter().map(Warning::other_version).collect());
    if args.explain {
        result.explanation = Some(explanation(&quiz, &scores, args.pathway.as_deref())?);
    }
    let json = report::json::render(&result);
    if let Some(mut file) = result_file.take() {
        file.write_all(json.as_bytes())?;
        file.commit()?;
    }
    if let Some(mut file) = report_file.take() {
        let best = crate::explain::explain(&quiz, &scores, None);
        let page = report::html::render(&quiz, &result, best.as_ref());
        file.write_all(page.as_bytes())?;
        file.commit()?;
    }
    let stdout_style = style(std::io::stdout().is_terminal(), color);
    let text = if args.json {
        json
    } else if args.plain {
        report::plain::render(&quiz, &result, 80)
    } else if args.format == Some(SummaryFormat::Markdown) {
        report::markdown::render(&quiz, &result)
    } else {
        let mut text = report::table::render(&quiz, &result, stdout_style);
        if let Some(explanation) = &result.explanation {
            text.push('\n');
            text.push_str(&report::explain::render(&quiz, explanation, stdout_style));
        }
        text
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    if let Some(path) = &args.output {
        eprintln!("Saved your result to {}", path.display());
    }
    if let Some(path) = &args.report {
        eprintln!(
            "Wrote your report to {} (open it in a browser to print)",
            path.display()
        );
    }
    // Finished: the saved progress of this quiz has served its purpose.
    if args.answers.is_none()
        && let Some(path) = progress::path_for(&quiz)
    {
        progress::remove(&path)?;
    }
    Ok(())
}

fn ask(quiz: &Quiz, args: &TakeArgs, color: ColorWhen) -> Result<Answers, Error> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage(
            "stdin is not a terminal, so careerfit cannot ask the questions; \
             give the answers with --answers FILE (or --answers - to read them from stdin)"
                .to_string(),
        ));
    }
    let total = quiz.questions.len();
    let progress_path = progress::path_for(quiz);
    if let (Some(path), true) = (&progress_path, args.fresh) {
        progress::remove(path)?;
    }
    let saved = match &progress_path {
        Some(path) => progress::load(path, quiz)?,
        None => None,
    };
    let (order, start) = match (saved, args.resume) {
        (Some(saved), false) => {
            let answered = saved.answers.iter().flatten().count();
            return Err(Error::Usage(format!(
                "you have unfinished answers to quiz `{}` ({answered} of {total} answered); \
                 `careerfit take --resume` goes on with them, `careerfit take --fresh` starts again",
                quiz.id
            )));
        }
        (Some(saved), true) => {
            let answered = saved.answers.iter().flatten().count();
            eprintln!(
                "Resuming quiz `{}`: {answered} of {total} questions answered, going on from \
                 question {}.\n",
                quiz.id,
                (saved.position + 1).min(total)
            );
            (saved.order, (saved.answers, saved.position))
        }
        (None, resume) => {
            if resume {
                eprintln!(
                    "There is no unfinished quiz `{}` to resume; starting it.\n",
                    quiz.id
                );
            }
            let order = match (args.shuffle, args.seed) {
                (false, _) => (0..total).collect(),
                (true, Some(seed)) => crate::rng::shuffled(total, seed),
                (true, None) => {
                    let seed = fresh_seed();
                    eprintln!(
                        "The questions come in a random order; --seed {seed} gives this order again.\n"
                    );
                    crate::rng::shuffled(total, seed)
                }
            };
            (order, (vec![None; total], 0))
        }
    };
    eprintln!("{}\n", quiz.title);
    if let Some(description) = &quiz.description {
        eprintln!("{}", report::wrap(description, 80, ""));
    }
    eprintln!(
        "{total} questions. Answer for yourself as you are now.\n\
         Esc skips a question; \"← Back\" (or b at a yes/no question) goes back one;\n\
         you can review and change every answer before the result.\n\
         Ctrl-C stops at once; `careerfit take --resume` goes on later.\n"
    );
    // Saved after every answer; if it cannot be saved, say so once and go on.
    let mut warned = false;
    let mut save = |answers: &Answers, position: usize| {
        let Some(path) = &progress_path else { return };
        let progress = progress::Progress {
            order: order.clone(),
            position,
            answers: answers.clone(),
        };
        if let Err(e) = progress::save(path, quiz, &progress)
            && !std::mem::replace(&mut warned, true)
        {
            eprintln!("warning: {e}; you will not be able to resume this run.");
        }
    };
    let answers = prompt::run_quiz(
        quiz,
        &order,
        start,
        &mut TerminalPrompter::new(color.for_stream(std::io::stderr().is_terminal())),
        &mut save,
    )
    .map_err(|e| match e {
        PromptError::Interrupted => {
            if progress_path.as_ref().is_some_and(|p| p.exists()) {
                eprintln!(
                    "\nYour answers so far are kept: `careerfit take --resume` goes on with them."
                );
            }
            Error::Interrupted
        }
        PromptError::Io(message) => Error::Io(format!("the terminal failed: {message}")),
    })?;
    eprintln!();
    Ok(answers)
}

/// A seed nobody chose: the clock's nanoseconds and the process id, mixed.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    (nanos ^ u64::from(std::process::id()).rotate_left(32)) % 1_000_000
}

fn read_answers(quiz: &Quiz, path: &Path) -> Result<answers::Read, Error> {
    let (name, text) = if path.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let text = quiz::read_stream(&name, std::io::stdin().lock())?;
        (name, text)
    } else {
        (path.display().to_string(), quiz::read_text(path)?)
    };
    answers::read(quiz, &name, &text).map_err(Error::Invalid)
}

/// A path, a built-in id, or the id of a file in ./quizzes/.
pub(crate) fn resolve_quiz(spec: &str) -> Result<Quiz, Error> {
    let path = Path::new(spec);
    let looks_like_path = path.exists()
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.ends_with(".yaml")
        || spec.ends_with(".yml");
    if looks_like_path {
        return Ok(quiz::load_path(path)?.0);
    }
    if let Some(text) = builtin::find(spec) {
        return quiz::load(&format!("{spec} (built-in)"), text)
            .map(|(quiz, _)| quiz)
            .map_err(Error::Invalid);
    }
    let local = Path::new(LOCAL_QUIZ_DIR).join(format!("{spec}.yaml"));
    if local.is_file() {
        return Ok(quiz::load_path(&local)?.0);
    }
    Err(Error::Usage(format!(
        "there is no quiz `{spec}`; `careerfit list` shows the quizzes, or give the path to a quiz file"
    )))
}

fn list(color: ColorWhen) -> Result<(), Error> {
    let mut rows: Vec<[String; 4]> = Vec::new();
    for (id, text) in builtin::BUILTIN {
        if let Ok((quiz, _)) = quiz::load(id, text) {
            rows.push([
                quiz.id,
                quiz.title,
                quiz.questions.len().to_string(),
                "built-in".to_string(),
            ]);
        }
    }
    for path in local_quiz_files() {
        let shown = path.display().to_string();
        rows.push(match quiz::load_path(&path) {
            Ok((quiz, _)) => [quiz.id, quiz.title, quiz.questions.len().to_string(), shown],
            Err(_) => [
                "-".to_string(),
                format!("invalid: see `careerfit validate {shown}`"),
                "-".to_string(),
                shown,
            ],
        });
    }
    let mut table = report::table::table(
        style(std::io::stdout().is_terminal(), color),
        ["Id", "Title", "Questions", "From"],
    );
    for row in rows {
        table.add_row(row);
    }
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{table}")?;
    writeln!(
        stdout,
        "Take one with: careerfit take ID (or a path to a quiz file)"
    )?;
    Ok(())
}

/// `./quizzes/*.yaml`, sorted by name; none when the folder does not exist.
fn local_quiz_files() -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(LOCAL_QUIZ_DIR) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "yaml") && p.is_file())
        .collect();
    files.sort();
    files
}

/// Score a batch of respondents: rows to stdout or --output, the summary where the
/// rows are not, bad rows on stderr; exit 2 at the end if any row was bad.
fn score(args: ScoreArgs, color: ColorWhen) -> Result<(), Error> {
    let quiz = resolve_quiz(&args.quiz)?;
    let mut result_file = match &args.output {
        Some(path) => Some(output::ResultFile::create(path, args.force)?),
        None => None,
    };
    let stdin = args.input.as_deref().is_none_or(|p| p == Path::new("-"));
    let (name, input): (String, Box<dyn std::io::Read + Send>) = if stdin {
        ("<stdin>".to_string(), Box::new(std::io::stdin()))
    } else {
        let path = args.input.as_deref().expect("a path");
        (path.display().to_string(), Box::new(quiz::open(path)?))
    };
    let format = match args.format {
        Some(InputFormat::Csv) => batch::Format::Csv,
        Some(InputFormat::Jsonl) => batch::Format::Jsonl,
        None if name.to_ascii_lowercase().ends_with(".csv") => batch::Format::Csv,
        None => batch::Format::Jsonl,
    };
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let options = batch::Options {
        format,
        strict: args.strict,
        jobs,
        completed_at: now(),
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
        let terminal = match to_stdout {
            true => std::io::stdout().is_terminal(),
            false => std::io::stderr().is_terminal(),
        };
        let text = if args.json {
            format!("{:#}\n", outcome.summary.to_json(&quiz))
        } else {
            outcome.summary.to_tables(&quiz, style(terminal, color))
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

/// The explanation of a pathway (by id) or of the best fit.
fn explanation(
    quiz: &Quiz,
    scores: &scoring::Scores,
    pathway: Option<&str>,
) -> Result<crate::explain::Explanation, Error> {
    let profile = match pathway {
        None => None,
        Some(id) => Some(
            quiz.profiles
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| {
                    let known: Vec<&str> = quiz.profiles.iter().map(|p| p.id.as_str()).collect();
                    Error::Usage(format!(
                        "quiz `{}` has no pathway `{id}`; its pathways are {}",
                        quiz.id,
                        known.join(", ")
                    ))
                })?,
        ),
    };
    crate::explain::explain(quiz, scores, profile).ok_or_else(|| {
        Error::Usage("that pathway has no fit to explain: none of its traits was assessed".into())
    })
}

/// A saved result scored again by its quiz: what `explain` and `report` start from.
struct Retaken {
    quiz: Quiz,
    answers: answers::Read,
    scores: scoring::Scores,
    completed_at: String,
}

/// Read a saved result once: which quiz it names (unless `--quiz` says), its date,
/// and its answers, scored again.
fn retake(path: &Path, quiz: Option<&str>) -> Result<Retaken, Error> {
    #[derive(serde::Deserialize)]
    struct Header {
        quiz: crate::result::QuizRef,
        completed_at: String,
    }
    let name = path.display().to_string();
    let text = quiz::read_text(path)?;
    let header: Header = serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("{name}: not a careerfit result: {e}")))?;
    let quiz = resolve_quiz(quiz.unwrap_or(&header.quiz.id))?;
    let read = answers::read(&quiz, &name, &text).map_err(Error::Invalid)?;
    let scores = scoring::score(&quiz, &read.answers);
    Ok(Retaken {
        quiz,
        answers: read,
        scores,
        completed_at: header.completed_at,
    })
}

/// `careerfit explain RESULT.json`: score the saved answers again and explain them.
fn explain(
    path: &Path,
    pathway: Option<&str>,
    quiz: Option<&str>,
    json: bool,
    color: ColorWhen,
) -> Result<(), Error> {
    let Retaken {
        quiz,
        answers,
        scores,
        ..
    } = retake(path, quiz)?;
    for warning in &answers.warnings {
        eprintln!("warning: {warning}");
    }
    let explanation = explanation(&quiz, &scores, pathway)?;
    let out = if json {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&explanation).expect("an explanation serialises")
        )
    } else {
        report::explain::render(
            &quiz,
            &explanation,
            style(std::io::stdout().is_terminal(), color),
        )
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// A result file, read whole: a file that is not one is a usage error naming it.
fn read_result(path: &Path) -> Result<QuizResult, Error> {
    let name = path.display();
    let text = quiz::read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("{name}: not a careerfit result: {e}")))
}

/// `careerfit compare OLD.json NEW.json`.
fn compare(old: &Path, new: &Path, json: bool, color: ColorWhen) -> Result<(), Error> {
    let comparison =
        crate::compare::compare(&read_result(old)?, &read_result(new)?).map_err(Error::Usage)?;
    let out = if json {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&comparison).expect("a comparison serialises")
        )
    } else {
        crate::compare::render(&comparison, style(std::io::stdout().is_terminal(), color))
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// `careerfit report RESULT.json -o FILE.html`: the report to print, from a saved result.
fn report_command(path: &Path, out: &Path, force: bool, quiz: Option<&str>) -> Result<(), Error> {
    let mut file = output::ResultFile::create(out, force)?;
    let Retaken {
        quiz,
        answers,
        scores,
        completed_at,
    } = retake(path, quiz)?;
    // The answers are scored again by this quiz; the date stays the result's own.
    let mut result = QuizResult::new(&quiz, &answers.answers, &scores, completed_at);
    result.add_notes(
        answers
            .warnings
            .into_iter()
            .map(Warning::other_version)
            .collect(),
    );
    let best = crate::explain::explain(&quiz, &scores, None);
    file.write_all(report::html::render(&quiz, &result, best.as_ref()).as_bytes())?;
    file.commit()?;
    eprintln!(
        "Wrote the report to {} (open it in a browser to print)",
        out.display()
    );
    Ok(())
}

/// A completion script for the shell, generated from the command-line definition.
fn completions(shell: Shell) -> Result<(), Error> {
    use clap::CommandFactory;
    use clap_complete::Shell as Target;
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
    };
    let mut out = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "careerfit", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(())
}

/// The manual page, generated from the same definition as --help; with a folder, a
/// page for every command (the main page refers to them as careerfit-COMMAND(1)).
fn man(dir: Option<&Path>) -> Result<(), Error> {
    use clap::CommandFactory;
    match dir {
        Some(dir) => {
            clap_mangen::generate_to(Cli::command(), dir).map_err(|e| {
                Error::Io(format!(
                    "cannot write the manual pages to {}: {e}",
                    dir.display()
                ))
            })?;
            eprintln!("Wrote the manual pages to {}", dir.display());
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            std::io::stdout().lock().write_all(&out)?;
        }
    }
    Ok(())
}

/// Print a JSON Schema derived from the types that load quiz files or write results.
fn schema(kind: SchemaKind) -> Result<(), Error> {
    let schema = match kind {
        SchemaKind::Quiz => quiz::schema(),
        SchemaKind::Result => crate::result::schema(),
    };
    writeln!(std::io::stdout().lock(), "{schema}")?;
    Ok(())
}

fn validate(files: &[PathBuf], json: bool) -> Result<(), Error> {
    let mut code = 0;
    let mut stdout = std::io::stdout().lock();
    // With --json every problem, I/O ones included, goes into one array on stdout.
    let mut all = Vec::new();
    for path in files {
        let name = path.display();
        match quiz::load_path(path) {
            Ok((_, warnings)) if json => all.extend(warnings),
            Ok((quiz, warnings)) => {
                if !warnings.is_empty() {
                    eprintln!("{}", render_problems(&warnings));
                }
                writeln!(
                    stdout,
                    "{name}: valid: quiz `{}` with {} traits, {} questions, {} pathways{}",
                    quiz.id,
                    quiz.traits.len(),
                    quiz.questions.len(),
                    quiz.profiles.len(),
                    match warnings.len() {
                        0 => String::new(),
                        1 => ", 1 warning".to_string(),
                        n => format!(", {n} warnings"),
                    }
                )?;
            }
            Err(LoadError::Invalid(problems)) => {
                code = 2;
                if json {
                    all.extend(problems);
                    continue;
                }
                eprintln!("{}", render_problems(&problems));
                let errors = problems.iter().filter(|p| p.is_error()).count();
                eprintln!(
                    "{name}: invalid: {errors} error{}",
                    if errors == 1 { "" } else { "s" }
                );
            }
            Err(LoadError::Io(message)) => {
                if code == 0 {
                    code = 1;
                }
                if json {
                    let file = name.to_string();
                    let message = message
                        .strip_prefix(&format!("{file}: "))
                        .unwrap_or(&message);
                    all.push(Problem::error(&file, Place::File, message));
                } else {
                    eprintln!("error: {message}");
                }
            }
        }
    }
    if json {
        let text = serde_json::to_string_pretty(&all).expect("problems serialise");
        writeln!(stdout, "{text}")?;
    }
    match code {
        0 => Ok(()),
        code => Err(Error::Reported(code)),
    }
}

/// How to draw for a stream: colour as `--color` and NO_COLOR say; the terminal's
/// width, at most 80 columns.
pub(crate) fn style(terminal: bool, color: ColorWhen) -> Style {
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

/// Now, in UTC, to the second, as RFC 3339 (`2026-11-24T10:00:00Z`).
fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
