//! The interactive prompter: inquire's prompts on the terminal, and our own tick-any
//! list (`ticks.rs`); all of them draw on stderr.

use super::ticks;
use super::{Ask, PromptError, Prompter, Reply, Review};
use crate::answers::{Answer, Answers};
use crate::locale::Messages;
use crate::quiz::{Question, QuestionKind, Quiz};
use crate::text::shorten;
use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::{CustomType, Select};

pub struct TerminalPrompter<'m> {
    /// The interface's words, in the person's language.
    messages: &'m Messages,
    /// Where the review screen's cursor starts: "Finish", or the last answer changed.
    review_cursor: usize,
    /// Whether the prompts are drawn in colour.
    color: bool,
    /// How long each answer took.
    pub pace: super::pace::Pace,
    /// The look every prompt shares.
    render: RenderConfig<'static>,
}

impl<'m> TerminalPrompter<'m> {
    /// Prompts in colour or not, as `--color` and NO_COLOR decided for stderr; in the
    /// language of `messages`.
    pub fn new(color: bool, messages: &'m Messages) -> Self {
        // crossterm, which draws inquire's prompts, would skip colour under NO_COLOR
        // even for --color always; it is told what was decided.
        crossterm::style::force_color_output(color);
        let base = if color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        // inquire keeps the look for ever: the indicator's text lives as long.
        let skipped: &'static str = Box::leak(messages.get("prompt-skipped").into_boxed_str());
        let render = RenderConfig {
            canceled_prompt_indicator: Styled::new(skipped),
            ..base
        };
        inquire::set_global_render_config(render);
        TerminalPrompter {
            messages,
            review_cursor: 0,
            color,
            pace: Default::default(),
            render,
        }
    }
}

impl Prompter for TerminalPrompter<'_> {
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError> {
        let shown = std::time::Instant::now();
        loop {
            match ask_once(ask, self.color, self.messages) {
                // Esc on a required question: say so and ask again.
                Err(InquireError::OperationCanceled) if ask.question.required => {
                    note!("{}", self.messages.get("prompt-required"));
                }
                Err(InquireError::OperationCanceled) => return Ok(Reply::Answer(None)),
                Err(e) => return Err(failed(e)),
                Ok(reply) => {
                    if let Reply::Answer(Some(_)) = reply {
                        self.pace.record(&ask.question.text, shown.elapsed());
                    }
                    return Ok(reply);
                }
            }
        }
    }

    fn review(
        &mut self,
        quiz: &Quiz,
        order: &[usize],
        answers: &Answers,
    ) -> Result<Review, PromptError> {
        let m = self.messages;
        let mut entries = vec![m.get("prompt-finish")];
        for (n, &q) in order.iter().enumerate() {
            let question = &quiz.questions[q];
            // One line each within 80 columns: number, question, answer.
            entries.push(format!(
                "{}. {} — {}",
                n + 1,
                shorten(&question.text, 40),
                shorten(&answer_text(question, answers[q].as_ref(), m), 28)
            ));
        }
        // Echoed as what was done: finished (Enter on Finish, or Esc), or which answer
        // is to change; never as if it were an answer, nor as "<skipped>".
        let echoed = |entry: inquire::list_option::ListOption<&String>| match entry.index {
            0 => m.get("review-finished"),
            n => m.with("review-changing", &[("number", n.into())]),
        };
        let finished_text = m.get("review-finished");
        let finished = RenderConfig {
            canceled_prompt_indicator: Styled::new(finished_text.as_str()),
            ..self.render
        };
        let title = m.get("review-title");
        let help = m.get("review-help");
        let chosen = Select::new(&title, entries)
            .with_help_message(&help)
            .with_formatter(&echoed)
            .with_render_config(finished)
            .with_page_size(12)
            .with_starting_cursor(self.review_cursor)
            .without_filtering()
            .raw_prompt();
        match chosen {
            Ok(chosen) if chosen.index == 0 => Ok(Review::Finish),
            Ok(chosen) => {
                // Back on the review, the cursor stays on the answer just changed.
                self.review_cursor = chosen.index;
                Ok(Review::Change(order[chosen.index - 1]))
            }
            // Esc on the review screen finishes, as the first entry does.
            Err(InquireError::OperationCanceled) => Ok(Review::Finish),
            Err(e) => Err(failed(e)),
        }
    }
}

fn failed(e: InquireError) -> PromptError {
    match e {
        InquireError::OperationInterrupted => PromptError::Interrupted,
        e => PromptError::Io(e.to_string()),
    }
}

/// An answer as the person chose it, for the review screen.
fn answer_text(question: &Question, answer: Option<&Answer>, m: &Messages) -> String {
    match (&question.kind, answer) {
        (_, None) => m.get("answer-skipped"),
        (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) => labels[*k - 1].clone(),
        (QuestionKind::YesNo { .. }, Some(Answer::YesNo(yes))) => {
            m.get(if *yes { "answer-yes" } else { "answer-no" })
        }
        (QuestionKind::Choice { options }, Some(Answer::Choice(i))) => options[*i].label.clone(),
        (QuestionKind::Multi { options }, Some(Answer::Multi(chosen))) if chosen.is_empty() => {
            let _ = options;
            m.get("answer-none-ticked")
        }
        (QuestionKind::Multi { options }, Some(Answer::Multi(chosen))) => chosen
            .iter()
            .map(|&i| options[i].label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// The line under a question: "Question 3 of 12 · KEYS, Esc to skip", with `keys`
/// naming which keys (`list`, `yes-no`, `multi`, each perhaps `-back`).
fn help(ask: &Ask, keys: &str, m: &Messages) -> String {
    let required = if ask.question.required { "yes" } else { "no" };
    m.with(
        "prompt-help",
        &[
            ("number", ask.number.into()),
            ("total", ask.total.into()),
            ("keys", keys.into()),
            ("required", required.into()),
        ],
    )
}

/// A yes/no answer typed as y or n, or b to go back (in Spanish s, n or a).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YesNoBack {
    Yes,
    No,
    Back,
}

// inquire's `CustomType` asks for these; its parser and formatters are set to the
// person's language (`parse`, `shown`), so they only say what the English is.
impl std::fmt::Display for YesNoBack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown(&Messages::english()))
    }
}

impl std::str::FromStr for YesNoBack {
    type Err = ();

    fn from_str(input: &str) -> Result<Self, ()> {
        YesNoBack::parse(input, &Messages::english()).ok_or(())
    }
}

impl YesNoBack {
    fn shown(self, m: &Messages) -> String {
        m.get(match self {
            YesNoBack::Yes => "answer-yes",
            YesNoBack::No => "answer-no",
            YesNoBack::Back => "answer-back",
        })
    }

    /// What was typed, in the person's language or in English (whose y, n and b
    /// never mean anything else), case and accents as typed or not.
    fn parse(input: &str, m: &Messages) -> Option<YesNoBack> {
        let typed = input.trim().to_lowercase();
        let english = Messages::english();
        let said = |id: &str| {
            [m, &english]
                .iter()
                .any(|m| m.get(id).split_whitespace().any(|word| word == typed))
        };
        if said("yes-no-yes-words") {
            Some(YesNoBack::Yes)
        } else if said("yes-no-no-words") {
            Some(YesNoBack::No)
        } else if said("yes-no-back-words") {
            Some(YesNoBack::Back)
        } else {
            None
        }
    }
}

/// The terminal's width, within reason.
fn columns() -> usize {
    let columns = crossterm::terminal::size().map_or(80, |(columns, _)| columns);
    usize::from(columns.clamp(20, 200))
}

/// The question wrapped by words to the terminal, less the "? " before it, so that
/// no word (or lone full stop) is broken over two lines.
fn question_text(text: &str) -> String {
    crate::text::wrap(text, columns() - 2, "")
        .trim_end()
        .to_string()
}

/// What is echoed after an answered question (inquire writes "? QUESTION ECHO"): the
/// answer on the question's last line when it fits there, else on lines of its own,
/// wrapped between words, so that no answer is split mid-word ("Strongl" / "y").
pub(super) fn echo(question: &str, answer: &str, columns: usize) -> String {
    let lines: Vec<&str> = question.lines().collect();
    let prefix = if lines.len() <= 1 { 2 } else { 0 };
    let last = lines.last().map_or(0, |l| textwrap::core::display_width(l));
    if prefix + last + 1 + textwrap::core::display_width(answer) <= columns {
        answer.to_string()
    } else {
        format!("\n{}", crate::text::wrap(answer, columns, "").trim_end())
    }
}

fn ask_once(ask: &Ask, color: bool, m: &Messages) -> Result<Reply, InquireError> {
    let text = question_text(&ask.question.text);
    let text = text.as_str();
    let back = ask.can_go_back;
    let back_label = m.get("prompt-back");
    // The echo of the "← Back" entry: not an answer.
    let went_back = m.get("prompt-went-back");
    // A "← Back" entry ends every list when going back is possible.
    let with_back = |mut labels: Vec<String>| {
        if back {
            labels.push(back_label.clone());
        }
        labels
    };
    let list_help = help(ask, "list", m);
    match &ask.question.kind {
        QuestionKind::Scale { labels, .. } => {
            let n = labels.len();
            let start = match ask.current {
                Some(Answer::Scale(k)) => k - 1,
                _ => 0,
            };
            let shown = |option: inquire::list_option::ListOption<&String>| match option.index {
                i if i == n => went_back.clone(),
                _ => echo(text, option.value, columns()),
            };
            let chosen = Select::new(text, with_back(labels.clone()))
                .with_help_message(&list_help)
                .with_formatter(&shown)
                .with_page_size(n + 1)
                .with_starting_cursor(start)
                .without_filtering()
                .raw_prompt()?;
            Ok(match chosen.index {
                i if i == n => Reply::Back,
                i => Reply::Answer(Some(Answer::Scale(i + 1))),
            })
        }
        QuestionKind::YesNo { .. } => {
            let keys = if back { "yes-no-back" } else { "yes-no" };
            let parser = |input: &str| match YesNoBack::parse(input, m) {
                Some(YesNoBack::Back) if !back => Err(()),
                Some(parsed) => Ok(parsed),
                None => Err(()),
            };
            let help_line = help(ask, keys, m);
            let echoed = |reply: YesNoBack| match reply {
                YesNoBack::Back => went_back.clone(),
                answer => echo(text, &answer.shown(m), columns()),
            };
            let shown_default = |reply: YesNoBack| reply.shown(m);
            let error = m.get(if back {
                "yes-no-error-back"
            } else {
                "yes-no-error"
            });
            let mut prompt = CustomType::<YesNoBack>::new(text)
                .with_parser(&parser)
                .with_formatter(&echoed)
                .with_default_value_formatter(&shown_default)
                .with_error_message(&error)
                .with_help_message(&help_line);
            let default = match ask.current {
                Some(Answer::YesNo(true)) => Some(YesNoBack::Yes),
                Some(Answer::YesNo(false)) => Some(YesNoBack::No),
                _ => None,
            };
            if let Some(default) = default {
                prompt = prompt.with_default(default);
            }
            Ok(match prompt.prompt()? {
                YesNoBack::Yes => Reply::Answer(Some(Answer::YesNo(true))),
                YesNoBack::No => Reply::Answer(Some(Answer::YesNo(false))),
                YesNoBack::Back => Reply::Back,
            })
        }
        QuestionKind::Choice { options } => {
            // Shown in `ask.shown`'s order; an answer is always its place in the file.
            let file_order: Vec<usize> = (0..options.len()).collect();
            let shown = if ask.shown.is_empty() {
                &file_order
            } else {
                ask.shown
            };
            let labels: Vec<String> = shown.iter().map(|&i| options[i].label.clone()).collect();
            let start = match ask.current {
                Some(Answer::Choice(i)) => shown.iter().position(|s| s == i).unwrap_or(0),
                _ => 0,
            };
            let n = options.len();
            let echoed = |option: inquire::list_option::ListOption<&String>| match option.index {
                i if i == n => went_back.clone(),
                _ => echo(text, option.value, columns()),
            };
            let chosen = Select::new(text, with_back(labels))
                .with_help_message(&list_help)
                .with_formatter(&echoed)
                .with_page_size(options.len() + 1)
                .with_starting_cursor(start)
                .without_filtering()
                .raw_prompt()?;
            Ok(match chosen.index {
                i if i == options.len() => Reply::Back,
                i => Reply::Answer(Some(Answer::Choice(shown[i]))),
            })
        }
        QuestionKind::Multi { options } => {
            let labels: Vec<String> = options.iter().map(|o| o.label.clone()).collect();
            let ticked: Vec<usize> = match ask.current {
                Some(Answer::Multi(chosen)) => chosen.clone(),
                _ => Vec::new(),
            };
            let keys = if back { "multi-back" } else { "multi" };
            let none_ticked = m.get("answer-none-ticked");
            let skipped = m.get("prompt-skipped");
            let look = ticks::Look {
                question: text,
                labels: &labels,
                back_label: &back_label,
                went_back: &went_back,
                none_ticked: &none_ticked,
                skipped: &skipped,
                help: &help(ask, keys, m),
                color,
            };
            let mut list = ticks::List::new(options.len(), &ticked, back);
            match ticks::ask(&look, &mut list).map_err(InquireError::IO)? {
                ticks::Outcome::Ticked(chosen) => Ok(Reply::Answer(Some(Answer::Multi(chosen)))),
                ticks::Outcome::Back => Ok(Reply::Back),
                ticks::Outcome::Skipped => Err(InquireError::OperationCanceled),
                ticks::Outcome::Interrupted => Err(InquireError::OperationInterrupted),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::echo;
    use crate::locale::{Lang, Messages, messages::CATALOGS};

    /// inquire breaks a help line wider than the terminal mid-word: the key help of
    /// its prompts (all but the tick list, which wraps its own) fits 80 columns in
    /// every language, for a quiz of up to 99 questions.
    #[test]
    fn the_key_help_of_every_language_fits_80_columns() {
        for (tag, _) in CATALOGS {
            let m = Messages::for_lang(&Lang::parse(tag).unwrap());
            for keys in ["list", "yes-no", "yes-no-back"] {
                for required in ["yes", "no"] {
                    let line = m.with(
                        "prompt-help",
                        &[
                            ("number", 99.into()),
                            ("total", 99.into()),
                            ("keys", keys.into()),
                            ("required", required.into()),
                        ],
                    );
                    // inquire draws it in brackets.
                    let width = textwrap::core::display_width(&line) + 2;
                    assert!(
                        width <= 80,
                        "{tag} {keys} {required}: {width} columns: {line}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_echo_goes_on_the_question_s_line_or_on_its_own_between_words() {
        // "? " + 10 + " " + 17 = 30 columns: it fits.
        assert_eq!(
            echo("Short one?", "Strongly disagree", 80),
            "Strongly disagree"
        );
        // The last line of a wrapped question is 76 columns: the answer goes below.
        let question = format!("{}\n{}", "a".repeat(78), "b".repeat(76));
        assert_eq!(
            echo(&question, "Strongly disagree", 80),
            "\nStrongly disagree"
        );
        // An answer wider than the terminal is wrapped between its words.
        assert_eq!(
            echo("Q?", "one two three four", 10),
            "\none two\nthree four"
        );
    }
}
