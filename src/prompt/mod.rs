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

/// Ask every question, in `order` (positions in the quiz; the quiz's own order when
/// empty), and collect the answers in quiz order, so that order never changes a score.
pub fn run_quiz(
    quiz: &Quiz,
    order: &[usize],
    prompter: &mut dyn Prompter,
) -> Result<Answers, PromptError> {
    let total = quiz.questions.len();
    let in_file_order: Vec<usize> = (0..total).collect();
    let order = if order.is_empty() {
        &in_file_order
    } else {
        order
    };
    let mut answers: Answers = vec![None; total];
    for (i, &q) in order.iter().enumerate() {
        answers[q] = prompter.ask(&Ask {
            question: &quiz.questions[q],
            number: i + 1,
            total,
        })?;
    }
    Ok(answers)
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
        let answers = run_quiz(&quiz, &[], &mut prompter).unwrap();
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
    fn a_shuffled_order_is_asked_and_answers_land_on_their_questions() {
        let quiz = quiz();
        let order = [6, 0, 2, 1, 3, 4, 5];
        let mut prompter = Scripted {
            replies: VecDeque::from([
                Ok(Some(Answer::Scale(5))),
                Ok(Some(Answer::Scale(1))),
                Ok(Some(Answer::YesNo(true))),
                Ok(None),
                Ok(None),
                Ok(None),
                Ok(None),
            ]),
            asked: Vec::new(),
        };
        let answers = run_quiz(&quiz, &order, &mut prompter).unwrap();
        let asked: Vec<&str> = prompter.asked.iter().map(|(id, ..)| id.as_str()).collect();
        assert_eq!(
            asked,
            [
                "q-required",
                "q-scale",
                "q-yes",
                "q-reverse",
                "q-no-rev",
                "q-choice",
                "q-multi"
            ]
        );
        assert_eq!(prompter.asked[0].1, 1, "numbered in the order asked");
        assert_eq!(answers[6], Some(Answer::Scale(5)));
        assert_eq!(answers[0], Some(Answer::Scale(1)));
        assert_eq!(answers[2], Some(Answer::YesNo(true)));
    }

    #[test]
    fn interruption_stops_the_quiz_at_once() {
        let quiz = quiz();
        let mut prompter = Scripted {
            replies: VecDeque::from([Ok(Some(Answer::Scale(2))), Err(PromptError::Interrupted)]),
            asked: Vec::new(),
        };
        let result = run_quiz(&quiz, &[], &mut prompter);
        assert!(matches!(result, Err(PromptError::Interrupted)));
        assert_eq!(
            prompter.asked.len(),
            2,
            "no question after the interruption"
        );
    }
}
