//! Asking the questions: a small `Prompter` trait and the quiz loop that drives it.
//!
//! The loop knows nothing of terminals, so tests drive it with a scripted prompter.

mod terminal;

pub use terminal::TerminalPrompter;

use crate::answers::{Answer, Answers};
use crate::quiz::{Question, Quiz};

/// What a prompter is told about the question it asks.
pub struct Ask<'a> {
    pub question: &'a Question,
    /// 1-based.
    pub number: usize,
    pub total: usize,
}

#[derive(Debug)]
pub enum PromptError {
    /// The person pressed Ctrl-C: stop at once, write nothing.
    Interrupted,
    /// The terminal failed.
    Io(String),
}

pub trait Prompter {
    /// The person's answer, or `None` when they skip. A prompter must not return `None`
    /// for a required question; it asks again instead.
    fn ask(&mut self, ask: &Ask) -> Result<Option<Answer>, PromptError>;
}

/// Ask every question in order and collect the answers.
pub fn run_quiz(quiz: &Quiz, prompter: &mut dyn Prompter) -> Result<Answers, PromptError> {
    let total = quiz.questions.len();
    quiz.questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            prompter.ask(&Ask {
                question,
                number: i + 1,
                total,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// Replays a fixed list of answers and records what it was asked.
    struct Scripted {
        replies: VecDeque<Result<Option<Answer>, PromptError>>,
        asked: Vec<(String, usize, usize)>,
    }

    impl Prompter for Scripted {
        fn ask(&mut self, ask: &Ask) -> Result<Option<Answer>, PromptError> {
            self.asked
                .push((ask.question.id.clone(), ask.number, ask.total));
            self.replies
                .pop_front()
                .expect("a reply for every question")
        }
    }

    fn quiz() -> Quiz {
        crate::quiz::load("t.yaml", include_str!("../../tests/fixtures/small.yaml"))
            .unwrap()
            .0
    }

    #[test]
    fn asks_every_question_in_order_with_its_position() {
        let quiz = quiz();
        let mut prompter = Scripted {
            replies: quiz.questions.iter().map(|_| Ok(None)).collect(),
            asked: Vec::new(),
        };
        let answers = run_quiz(&quiz, &mut prompter).unwrap();
        assert_eq!(answers, vec![None; quiz.questions.len()]);
        let expected: Vec<(String, usize, usize)> = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i + 1, quiz.questions.len()))
            .collect();
        assert_eq!(prompter.asked, expected);
    }

    #[test]
    fn interruption_stops_the_quiz_at_once() {
        let quiz = quiz();
        let mut prompter = Scripted {
            replies: VecDeque::from([Ok(Some(Answer::Scale(2))), Err(PromptError::Interrupted)]),
            asked: Vec::new(),
        };
        let result = run_quiz(&quiz, &mut prompter);
        assert!(matches!(result, Err(PromptError::Interrupted)));
        assert_eq!(
            prompter.asked.len(),
            2,
            "no question after the interruption"
        );
    }
}
