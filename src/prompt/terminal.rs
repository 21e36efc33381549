//! The interactive prompter: inquire's prompts on the terminal, and our own tick-any
//! list (`ticks.rs`); all of them draw on stderr.

use super::ticks;
use super::{Ask, PromptError, Prompter, Reply, Review};
use crate::answers::{Answer, Answers};
use crate::quiz::{Question, QuestionKind, Quiz};
use crate::text::shorten;
use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::{CustomType, Select};

pub struct TerminalPrompter {
    /// Where the review screen's cursor starts: "Finish", or the last answer changed.
    review_cursor: usize,
    /// Whether the prompts are drawn in colour.
    color: bool,
    /// How long each answer took.
    pub pace: super::pace::Pace,
    /// The look every prompt shares.
    render: RenderConfig<'static>,
}

impl TerminalPrompter {
    /// Prompts in colour or not, as `--color` and NO_COLOR decided for stderr.
    pub fn new(color: bool) -> Self {
        // crossterm, which draws inquire's prompts, would skip colour under NO_COLOR
        // even for --color always; it is told what was decided.
        crossterm::style::force_color_output(color);
        let base = if color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        let render = RenderConfig {
            canceled_prompt_indicator: Styled::new("<skipped>"),
            ..base
        };
        inquire::set_global_render_config(render);
        TerminalPrompter {
            review_cursor: 0,
            color,
            pace: Default::default(),
            render,
        }
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError> {
        let shown = std::time::Instant::now();
        loop {
            match ask_once(ask, self.color) {
                // Esc on a required question: say so and ask again.
                Err(InquireError::OperationCanceled) if ask.question.required => {
                    note!("This question is required; please choose an answer.");
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
        let mut entries = vec![FINISH.to_string()];
        for (n, &q) in order.iter().enumerate() {
            let question = &quiz.questions[q];
            // One line each within 80 columns: number, question, answer.
            entries.push(format!(
                "{}. {} — {}",
                n + 1,
                shorten(&question.text, 40),
                shorten(&answer_text(question, answers[q].as_ref()), 28)
            ));
        }
        // Echoed as what was done: finished (Enter on Finish, or Esc), or which answer
        // is to change; never as if it were an answer, nor as "<skipped>".
        let echoed = |entry: inquire::list_option::ListOption<&String>| match entry.index {
            0 => "(finished)".to_string(),
            n => format!("(changing the answer to question {n})"),
        };
        let finished = RenderConfig {
            canceled_prompt_indicator: Styled::new("(finished)"),
            ..self.render
        };
        let chosen = Select::new(
            "Review your answers: change any of them, or finish.",
            entries,
        )
        .with_help_message("↑↓ to move, Enter to change that answer or to finish")
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

const FINISH: &str = "Finish and see my result";
const BACK: &str = "← Back to the previous question";

fn failed(e: InquireError) -> PromptError {
    match e {
        InquireError::OperationInterrupted => PromptError::Interrupted,
        e => PromptError::Io(e.to_string()),
    }
}

/// An answer as the person chose it, for the review screen.
fn answer_text(question: &Question, answer: Option<&Answer>) -> String {
    match (&question.kind, answer) {
        (_, None) => "(skipped)".to_string(),
        (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) => labels[*k - 1].clone(),
        (QuestionKind::YesNo { .. }, Some(Answer::YesNo(yes))) => {
            if *yes { "Yes" } else { "No" }.to_string()
        }
        (QuestionKind::Choice { options }, Some(Answer::Choice(i))) => options[*i].label.clone(),
        (QuestionKind::Multi { options }, Some(Answer::Multi(chosen))) if chosen.is_empty() => {
            let _ = options;
            "(none ticked)".to_string()
        }
        (QuestionKind::Multi { options }, Some(Answer::Multi(chosen))) => chosen
            .iter()
            .map(|&i| options[i].label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

fn help(ask: &Ask, keys: &str) -> String {
    let skip = if ask.question.required {
        "required"
    } else {
        "Esc to skip"
    };
    format!("Question {} of {} · {keys}, {skip}", ask.number, ask.total)
}

/// A yes/no answer typed as y or n, or b to go back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YesNoBack {
    Yes,
    No,
    Back,
}

impl std::fmt::Display for YesNoBack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            YesNoBack::Yes => "Yes",
            YesNoBack::No => "No",
            YesNoBack::Back => "Back",
        })
    }
}

impl std::str::FromStr for YesNoBack {
    type Err = ();

    fn from_str(input: &str) -> Result<Self, ()> {
        match input.trim().to_ascii_lowercase().as_str() {
            "y" | "yes" => Ok(YesNoBack::Yes),
            "n" | "no" => Ok(YesNoBack::No),
            "b" | "back" => Ok(YesNoBack::Back),
            _ => Err(()),
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

/// The echo of the "← Back" entry: not an answer.
pub(super) const WENT_BACK: &str = "(back to the previous question)";

fn ask_once(ask: &Ask, color: bool) -> Result<Reply, InquireError> {
    let text = question_text(&ask.question.text);
    let text = text.as_str();
    let back = ask.can_go_back;
    // A "← Back" entry ends every list when going back is possible.
    let with_back = |mut labels: Vec<String>| {
        if back {
            labels.push(BACK.to_string());
        }
        labels
    };
    match &ask.question.kind {
        QuestionKind::Scale { labels, .. } => {
            let n = labels.len();
            let start = match ask.current {
                Some(Answer::Scale(k)) => k - 1,
                _ => 0,
            };
            let shown = |option: inquire::list_option::ListOption<&String>| match option.index {
                i if i == n => WENT_BACK.to_string(),
                _ => echo(text, option.value, columns()),
            };
            let chosen = Select::new(text, with_back(labels.clone()))
                .with_help_message(&help(ask, "↑↓ to move, Enter to choose"))
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
            let keys = if back {
                "type y or n then Enter, b to go back"
            } else {
                "type y or n, then Enter"
            };
            let parser = |input: &str| match input.parse() {
                Ok(YesNoBack::Back) if !back => Err(()),
                parsed => parsed,
            };
            let help_line = help(ask, keys);
            let echoed = |reply: YesNoBack| match reply {
                YesNoBack::Back => WENT_BACK.to_string(),
                answer => echo(text, &answer.to_string(), columns()),
            };
            let mut prompt = CustomType::<YesNoBack>::new(text)
                .with_parser(&parser)
                .with_formatter(&echoed)
                .with_error_message(if back {
                    "Type y, n or b."
                } else {
                    "Type y or n."
                })
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
                i if i == n => WENT_BACK.to_string(),
                _ => echo(text, option.value, columns()),
            };
            let chosen = Select::new(text, with_back(labels))
                .with_help_message(&help(ask, "↑↓ to move, Enter to choose"))
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
            let keys = if back {
                "↑↓ to move, Space to tick, Enter when done (none ticked is fine) or on ← Back to go back"
            } else {
                "↑↓ to move, Space to tick, Enter when done (none ticked is fine)"
            };
            let look = ticks::Look {
                question: text,
                labels: &labels,
                back_label: BACK,
                help: &help(ask, keys),
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
