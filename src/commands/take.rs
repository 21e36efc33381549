//! `careerfit take`: the quiz asked in the terminal (or answers read from a file),
//! scored, printed, and saved with `--output` and `--report`.

use super::Settings;
use crate::answers::{self, Answers};
use crate::cli::TakeArgs;
use crate::error::Error;
use crate::private_file;
use crate::prompt::{self, PromptError, TerminalPrompter, plan};
use crate::quiz::Quiz;
use crate::report::Format;
use crate::report::{self, Renderer};
use crate::result::QuizResult;
use crate::resume_state;
use crate::scoring;
use crate::trust::Warning;
use std::io::Write;
use std::path::Path;

pub fn run(args: TakeArgs, settings: &Settings) -> Result<(), Error> {
    let spoken = super::load_quiz_in(&args.quiz, args.lang.as_ref())?;
    let quiz = &spoken.quiz;
    let messages = &spoken.messages;
    if let (Some(report), Some(output)) = (&args.report, &args.output)
        && private_file::same_file(report, output)
    {
        return Err(Error::SameFile);
    }
    // Open --output before anyone answers a question: a bad target is refused now,
    // not after the last answer. Dropped unused (an error, Ctrl-C), it leaves nothing.
    let (output, mut result_file) = match &args.output {
        Some(path) => {
            let (path, file) = output_file(path, &settings.now, args.force)?;
            (Some(path), Some(file))
        }
        None => (None, None),
    };
    if let (Some(report), Some(output)) = (&args.report, &output)
        && private_file::same_file(report, output)
    {
        return Err(Error::SameFile);
    }
    let mut report_file = match &args.report {
        Some(path) => Some(private_file::PrivateFile::create(path, args.force)?),
        None => None,
    };
    let (answers, notes) = match &args.answers {
        Some(path) => {
            let read = read_answers(&spoken.english, path)?;
            let notes = read.warnings.into_iter().map(Warning::other_version);
            (read.answers, notes.collect())
        }
        None => ask(&spoken, &args, settings)?,
    };
    let scores = scoring::score(quiz, &answers);
    let mut result = QuizResult::new(quiz, &answers, &scores, settings.now.clone(), notes);
    // Worked out once: the best pathway's explanation serves --explain and the report.
    let best = crate::explain::explain(quiz, &scores, None);
    if args.explain {
        result.explanation = Some(match (args.pathway.as_deref(), &best) {
            (None, Some(best)) => best.clone(),
            (pathway, _) => super::explain::explanation(quiz, &scores, pathway)?,
        });
    }
    // A summary shows the explanation --explain asked for; a page, the best one's.
    let view = report::View::new(quiz, &result, result.explanation.as_ref(), best.as_ref());
    if let Some(mut file) = result_file.take() {
        file.write_all(report::json::Json.result(&view).as_bytes())?;
        file.commit()?;
    }
    if let Some(mut file) = report_file.take() {
        let page = report::html::Html.result(&view);
        let written = file.write_all(page.as_bytes()).and_then(|()| file.commit());
        // Two files: say which one was saved when the second fails.
        match (written, &output) {
            (Ok(()), _) => {}
            (Err(err), None) => return Err(err.into()),
            (Err(source), Some(saved)) => {
                return Err(Error::ReportNotWritten {
                    saved: saved.clone(),
                    source,
                });
            }
        }
    }
    let stdout_style = settings.stdout;
    // --json and --plain are the short spellings of --format json and plain.
    let format = match (args.format, args.json, args.plain) {
        (Some(format), _, _) => format,
        (None, true, _) => Format::Json,
        (None, _, true) => Format::Plain,
        (None, false, false) if stdout_style.width < super::MIN_TABLE_WIDTH => Format::Plain,
        (None, false, false) => Format::Table,
    };
    let text = crate::report::renderer(format, stdout_style).result(&view);
    // Asked at a terminal, a result longer than the screen goes to the pager when
    // --pager asks; scripts (--answers, or stdout elsewhere) never meet one.
    let asked = args.answers.is_none();
    let to_screen = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let lines = text.lines().count();
    let long = asked && to_screen && super::pager::screen_rows().is_some_and(|r| lines > r);
    let paged = args.pager
        && long
        && super::pager::page(&text)
            .map_err(|e| note!("careerfit: {e}"))
            .is_ok();
    let mut stdout = std::io::stdout().lock();
    match paged {
        // The pager gone, the recap stays on screen: the answer, last.
        true => match text.rfind("In short:") {
            Some(at) => stdout.write_all(&text.as_bytes()[at..]),
            None => Ok(()),
        },
        false => stdout.write_all(text.as_bytes()),
    }
    .map_err(Error::output)?;
    stdout.flush().map_err(Error::output)?;
    if let Some(path) = &output {
        let path = path.display().to_string();
        note!("{}", messages.with("take-saved", &[("path", path.into())]));
    }
    if let Some(path) = &args.report {
        let path = path.display().to_string();
        note!(
            "{}",
            messages.with("take-report-written", &[("path", path.into())])
        );
    }
    if asked && !to_screen {
        note!(
            "{}",
            super::pager::redirected_note(messages, format, text.len())
        );
    } else if long && !paged {
        note!(
            "{}",
            super::pager::long_result_hint(messages, lines, output.as_deref())
        );
    }
    // Finished: the saved progress of this quiz has served its purpose.
    if args.answers.is_none()
        && let Some(path) = resume_state::path_for(quiz)
    {
        resume_state::remove(&path)?;
    }
    Ok(())
}

/// `--output`'s file: the one named, or in a folder (one that exists, or a name
/// ending in `/`) one named for when the quiz was taken, `2026-12-08T09-30-00Z.json`,
/// numbered `-2`, `-3`, ... when a classmate's of the same second is there already.
fn output_file(
    path: &Path,
    now: &str,
    force: bool,
) -> Result<(std::path::PathBuf, private_file::PrivateFile), Error> {
    let folder = path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/');
    if !folder {
        return Ok((
            path.to_path_buf(),
            private_file::PrivateFile::create(path, force)?,
        ));
    }
    let stamp = now.replace(':', "-");
    for n in 1.. {
        let name = match n {
            1 => format!("{stamp}.json"),
            n => format!("{stamp}-{n}.json"),
        };
        let file = path.join(name);
        match private_file::PrivateFile::create(&file, false) {
            Err(private_file::FileError::Exists { .. }) if n < 1000 => continue,
            created => return Ok((file, created?)),
        }
    }
    unreachable!("the loop returns")
}

/// The answers, with warning `too_fast` when most came faster than they can be read.
/// Asked in the spoken quiz's language; progress is saved against the quiz in English,
/// so that a quiz stopped in one language goes on in another.
fn ask(
    spoken: &super::Spoken,
    args: &TakeArgs,
    settings: &Settings,
) -> Result<(Answers, Vec<Warning>), Error> {
    if !settings.stdin_is_terminal {
        return Err(Error::NoTerminal);
    }
    let (quiz, english, messages) = (&spoken.quiz, &spoken.english, &spoken.messages);
    let total = quiz.questions.len();
    let progress_path = resume_state::path_for(english);
    if let (Some(path), true) = (&progress_path, args.fresh) {
        resume_state::remove(path)?;
    }
    let saved = match &progress_path {
        Some(path) => resume_state::load(path, english)?,
        None => None,
    };
    let saved_options_seed = saved.as_ref().and_then(|s| s.options_seed);
    let choices = plan::Choices {
        resume: args.resume,
        shuffle: args.shuffle,
        seed: args.seed,
    };
    let plan =
        plan::plan(total, saved, choices, fresh_seed).map_err(|unfinished| Error::Unfinished {
            quiz: quiz.id.clone(),
            answered: unfinished.answered,
            total,
            again: quiz_named(args),
        })?;
    let resuming = matches!(plan.note, Some(plan::Note::Resuming { .. }));
    match plan.note {
        Some(plan::Note::Resuming {
            answered,
            from_question,
        }) => {
            let resuming = messages.with(
                "take-resuming",
                &[
                    ("quiz", quiz.id.as_str().into()),
                    ("answered", answered.into()),
                    ("total", total.into()),
                    ("from", from_question.into()),
                ],
            );
            note!("{}", report::wrap(&resuming, 80, ""))
        }
        Some(plan::Note::NothingToResume) => note!(
            "{}\n",
            messages.with(
                "take-nothing-to-resume",
                &[("quiz", quiz.id.as_str().into())]
            )
        ),
        Some(plan::Note::Shuffled { seed }) => {
            let seed = seed.to_string();
            note!(
                "{}",
                messages.with("take-shuffled", &[("seed", seed.into())])
            )
        }
        None => {}
    }
    // The forced choices' options in an order of this respondent's: the seed of the
    // questions' order when there is one, the saved one when resuming.
    let options_seed = match plan.note {
        Some(plan::Note::Resuming { .. }) => saved_options_seed,
        Some(plan::Note::Shuffled { seed }) => Some(seed),
        _ => Some(args.seed.unwrap_or_else(fresh_seed)),
    };
    let shown = plan::shown_options(quiz, options_seed);
    let order = plan.order;
    let start = (plan.answers, plan.position);
    // Resuming, the banner above stays the first thing on screen: the introduction
    // was read the first time, and would push it off a 24-row terminal.
    if resuming {
        let commands = resume_command(args, messages);
        note!(
            "{}\n",
            messages.with("take-resume-keys", &[("commands", commands.into())])
        );
    } else {
        note!("{}", quiz.title);
        if let Some(description) = &quiz.description {
            note!("{}", report::wrap(description, 80, ""));
        }
        // Two lines, so that the first screen (a --seed line, the title, the
        // description, the longest first question) fits 24 rows; Ctrl-C gives the
        // commands to go on, installed or not (`resume_command`).
        note!(
            "{}\n",
            messages.with("take-intro", &[("total", total.into())])
        );
    }
    // Saved after every answer; if it cannot be saved, say so once and go on.
    let mut warned = false;
    let mut save = |answers: &Answers, position: usize| {
        let Some(path) = &progress_path else { return };
        let progress = resume_state::Progress {
            order: order.clone(),
            position,
            answers: answers.clone(),
            options_seed,
        };
        if let Err(e) = resume_state::save(path, english, &progress)
            && !std::mem::replace(&mut warned, true)
        {
            let error = e.to_string();
            note!(
                "{}",
                messages.with("take-save-failed", &[("error", error.into())])
            );
        }
    };
    let mut prompter = TerminalPrompter::new(settings.stderr.color, messages);
    let answers = prompt::run_quiz(quiz, &order, &shown, start, &mut prompter, &mut save).map_err(
        |e| match e {
            PromptError::Interrupted => {
                if progress_path.as_ref().is_some_and(|p| p.exists()) {
                    let commands = resume_command(args, messages);
                    note!(
                        "\n{}",
                        messages.with("take-interrupted", &[("commands", commands.into())])
                    );
                }
                Error::Interrupted
            }
            PromptError::Io(message) => Error::Terminal(message),
        },
    )?;
    note!();
    Ok((answers, prompter.pace.warning().into_iter().collect()))
}

/// How to go on later, installed or not, a command a line: `careerfit take --resume` (or `cargo run
/// --release -- take --resume` where careerfit is not installed), naming the quiz
/// unless it is the default one.
fn resume_command(args: &TakeArgs, messages: &crate::locale::Messages) -> String {
    // The language given goes on too: resumed without it, the quiz would go on in
    // the locale's.
    let again = match &args.lang {
        Some(lang) => format!("{} --lang {}", quiz_named(args), lang.tag()),
        None => quiz_named(args),
    };
    // Each command on a line of its own, so that no terminal breaks one in two.
    let commands = messages.with("take-resume-commands", &[("quiz", again.into())]);
    format!("\n{commands}")
}

/// ` QUIZ` as the person gave it (quoted if it holds a space), or nothing for the
/// default quiz: what `take` needs to find the same quiz again.
fn quiz_named(args: &TakeArgs) -> String {
    match args.quiz.as_str() {
        crate::quiz::builtin::DEFAULT_ID => String::new(),
        quiz if quiz.contains(char::is_whitespace) => format!(" '{quiz}'"),
        quiz => format!(" {quiz}"),
    }
}

/// A seed nobody chose: the clock's nanoseconds and the process id, mixed.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    (nanos ^ u64::from(std::process::id()).rotate_left(32)) % 1_000_000
}

fn read_answers(quiz: &Quiz, path: &Path) -> Result<answers::Checked, Error> {
    let (name, text) = if path.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let text = crate::input::read_stream(&name, std::io::stdin().lock())?;
        (name, text)
    } else {
        (path.display().to_string(), crate::input::read_text(path)?)
    };
    crate::saved::answers_of(quiz, &name, &text).map_err(Error::Invalid)
}
