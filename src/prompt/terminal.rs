//! The interactive prompter: inquire prompts on the terminal (they draw on stderr).

use super::{Ask, PromptError, Prompter};
use crate::answers::Answer;
use crate::quiz::QuestionKind;
use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::{Confirm, MultiSelect, Select};

pub struct TerminalPrompter;

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
        inquire::set_global_render_config(RenderConfig {
            canceled_prompt_indicator: Styled::new("<skipped>"),
            ..base
        });
        TerminalPrompter
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask) -> Result<Option<Answer>, PromptError> {
        loop {
            match ask_once(ask) {
                // Esc on a required question: say so and ask again.
                Err(InquireError::OperationCanceled) if ask.question.required => {
                    eprintln!("This question is required; please choose an answer.");
                }
                Err(InquireError::OperationCanceled) => return Ok(None),
                Err(InquireError::OperationInterrupted) => return Err(PromptError::Interrupted),
                Err(e) => return Err(PromptError::Io(e.to_string())),
                Ok(answer) => return Ok(Some(answer)),
            }
        }
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

fn ask_once(ask: &Ask) -> Result<Answer, InquireError> {
    let text = ask.question.text.as_str();
    match &ask.question.kind {
        QuestionKind::Scale { labels, .. } => {
            let chosen = Select::new(text, labels.clone())
                .with_help_message(&help(ask, "↑↓ to move, Enter to choose"))
                .with_page_size(labels.len())
                .without_filtering()
                .raw_prompt()?;
            Ok(Answer::Scale(chosen.index + 1))
        }
        QuestionKind::YesNo { .. } => {
            let yes = Confirm::new(text)
                .with_help_message(&help(ask, "type y or n, then Enter"))
                .prompt()?;
            Ok(Answer::YesNo(yes))
        }
        QuestionKind::Choice { options } => {
            let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
            let chosen = Select::new(text, labels)
                .with_help_message(&help(ask, "↑↓ to move, Enter to choose"))
                .with_page_size(options.len())
                .without_filtering()
                .raw_prompt()?;
            Ok(Answer::Choice(chosen.index))
        }
        QuestionKind::Multi { options } => {
            let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
            let chosen = MultiSelect::new(text, labels)
                .with_help_message(&help(
                    ask,
                    "↑↓ to move, Space to tick, Enter when done (none ticked is fine)",
                ))
                .with_page_size(options.len())
                .without_filtering()
                .raw_prompt()?;
            Ok(Answer::Multi(chosen.into_iter().map(|o| o.index).collect()))
        }
    }
}
