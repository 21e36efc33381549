//! Asking the questions: a small `Prompter` trait and the quiz loop that drives it.
//!
//! The loop knows nothing of terminals, so tests drive it with a scripted prompter.

pub mod pace;
pub mod plan;
mod terminal;
mod ticks;

pub use terminal::TerminalPrompter;

use crate::answers::{Answer, Answers};
use crate::quiz::{Question, Quiz};

/// What a prompter is told about the question it asks.
pub struct Ask<'a> {
    pub question: &'a Question,
    /// 1-based, in the order asked.
    pub number: usize,
    pub total: usize,
    /// The answer given before, when the person came back to this question.
    pub current: Option<&'a Answer>,
    /// Whether "back" is offered (not on the first question, nor from the review).
    pub can_go_back: bool,
    /// The order its options are shown in, as positions in the question's options
    /// (a forced choice's, shuffled per respondent); empty for the file's order.
    pub shown: &'a [usize],
}

/// What the person did at a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An answer, or `None` for a skip.
    Answer(Option<Answer>),
    /// Back to the previous question.
    Back,
}

/// What the person chose on the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    Finish,
    /// Change the answer to this question (its position in the quiz).
    Change(usize),
}

#[derive(Debug)]
pub enum PromptError {
    /// The person pressed Ctrl-C: stop at once, write nothing.
    Interrupted,
    /// The terminal failed.
    Io(String),
}

pub trait Prompter {
    /// The person's reply. A prompter must not return a skip for a required question;
    /// it asks again instead. `Back` only when `ask.can_go_back`.
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError>;

    /// After the last question: every question with its answer (`None` = skipped), in
    /// the order asked; the person finishes or picks one to change.
    fn review(
        &mut self,
        quiz: &Quiz,
        order: &[usize],
        answers: &Answers,
    ) -> Result<Review, PromptError>;
}

/// Ask every question, in `order` (positions in the quiz; the quiz's own order when
/// empty), each question's options in `shown[q]` (see `plan::shown_options`; empty
/// for the file's order), letting the person go back, then review until they
/// finish. Answers are kept in quiz order, and an option by its place in the file,
/// so that no order ever changes a score. `saved` is called after every answer with
/// the answers so far and the next position in `order`.
pub fn run_quiz(
    quiz: &Quiz,
    order: &[usize],
    shown: &[Vec<usize>],
    start: (Answers, usize),
    prompter: &mut dyn Prompter,
    saved: &mut dyn FnMut(&Answers, usize),
) -> Result<Answers, PromptError> {
    let total = quiz.questions.len();
    let in_file_order: Vec<usize> = (0..total).collect();
    let order = if order.is_empty() {
        &in_file_order
    } else {
        order
    };
    let (mut answers, mut position) = start;
    while position < order.len() {
        let q = order[position];
        let reply = prompter.ask(&Ask {
            question: &quiz.questions[q],
            number: position + 1,
            total,
            current: answers[q].as_ref(),
            can_go_back: position > 0,
            shown: shown.get(q).map_or(&[], Vec::as_slice),
        })?;
        match reply {
            Reply::Answer(answer) => {
                answers[q] = answer;
                position += 1;
            }
            Reply::Back => position = position.saturating_sub(1),
        }
        saved(&answers, position);
    }
    loop {
        match prompter.review(quiz, order, &answers)? {
            Review::Finish => return Ok(answers),
            Review::Change(q) => {
                let number = order.iter().position(|&p| p == q).map_or(1, |i| i + 1);
                if let Reply::Answer(answer) = prompter.ask(&Ask {
                    question: &quiz.questions[q],
                    number,
                    total,
                    current: answers[q].as_ref(),
                    can_go_back: false,
                    shown: shown.get(q).map_or(&[], Vec::as_slice),
                })? {
                    answers[q] = answer;
                    saved(&answers, order.len());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// Replays fixed replies and review choices, and records what it was asked.
    struct Scripted {
        replies: VecDeque<Result<Reply, PromptError>>,
        reviews: VecDeque<Review>,
        asked: Vec<(String, usize, Option<Answer>, bool)>,
    }

    impl Scripted {
        fn new(replies: Vec<Reply>, reviews: Vec<Review>) -> Self {
            Scripted {
                replies: replies.into_iter().map(Ok).collect(),
                reviews: reviews.into(),
                asked: Vec::new(),
            }
        }
    }

    impl Prompter for Scripted {
        fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError> {
            self.asked.push((
                ask.question.id.clone(),
                ask.number,
                ask.current.cloned(),
                ask.can_go_back,
            ));
            self.replies
                .pop_front()
                .expect("a reply for every question")
        }

        fn review(&mut self, _: &Quiz, _: &[usize], _: &Answers) -> Result<Review, PromptError> {
            Ok(self.reviews.pop_front().unwrap_or(Review::Finish))
        }
    }

    use crate::fixtures::small as quiz;

    fn run(quiz: &Quiz, order: &[usize], prompter: &mut Scripted) -> Result<Answers, PromptError> {
        let start = (vec![None; quiz.questions.len()], 0);
        run_quiz(quiz, order, &[], start, prompter, &mut |_, _| {})
    }

    fn asked_ids(prompter: &Scripted) -> Vec<&str> {
        prompter.asked.iter().map(|(id, ..)| id.as_str()).collect()
    }

    #[test]
    fn asks_every_question_in_order_with_its_position() {
        let quiz = quiz();
        let mut prompter = Scripted::new(vec![Reply::Answer(None); 7], vec![]);
        let answers = run(&quiz, &[], &mut prompter).unwrap();
        assert_eq!(answers, vec![None; quiz.questions.len()]);
        let expected: Vec<(String, usize, Option<Answer>, bool)> = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i + 1, None, i > 0))
            .collect();
        assert_eq!(prompter.asked, expected);
    }

    #[test]
    fn a_shuffled_order_is_asked_and_answers_land_on_their_questions() {
        let quiz = quiz();
        let order = [6, 0, 2, 1, 3, 4, 5];
        let mut replies = vec![
            Reply::Answer(Some(Answer::Scale(5))),
            Reply::Answer(Some(Answer::Scale(1))),
            Reply::Answer(Some(Answer::YesNo(true))),
        ];
        replies.extend(vec![Reply::Answer(None); 4]);
        let mut prompter = Scripted::new(replies, vec![]);
        let answers = run(&quiz, &order, &mut prompter).unwrap();
        assert_eq!(
            asked_ids(&prompter),
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

    /// Answer three, go back one and change it, go on; at the review change another.
    #[test]
    fn back_and_review_change_answers_before_the_result() {
        let quiz = quiz();
        let mut replies = vec![
            Reply::Answer(Some(Answer::Scale(1))),     // q-scale
            Reply::Answer(Some(Answer::Scale(1))),     // q-reverse
            Reply::Answer(Some(Answer::YesNo(false))), // q-yes
            Reply::Back,                               // at q-no-rev: back to q-yes
            Reply::Answer(Some(Answer::YesNo(true))),  // q-yes, changed
        ];
        replies.extend(vec![Reply::Answer(None); 3]); // q-no-rev, q-choice, q-multi
        replies.push(Reply::Answer(Some(Answer::Scale(5)))); // q-required
        replies.push(Reply::Answer(Some(Answer::Scale(3)))); // q-scale again, from the review
        let mut prompter = Scripted::new(replies, vec![Review::Change(0), Review::Finish]);
        let mut saves = 0;
        let start = (vec![None; 7], 0);
        let answers = run_quiz(&quiz, &[], &[], start, &mut prompter, &mut |_, _| {
            saves += 1
        })
        .unwrap();
        assert_eq!(
            asked_ids(&prompter),
            [
                "q-scale",
                "q-reverse",
                "q-yes",
                "q-no-rev",
                "q-yes",
                "q-no-rev",
                "q-choice",
                "q-multi",
                "q-required",
                "q-scale"
            ]
        );
        // Back to q-yes shows the answer given before; the review offers no back.
        assert_eq!(prompter.asked[4].2, Some(Answer::YesNo(false)));
        assert_eq!(prompter.asked[9].2, Some(Answer::Scale(1)));
        assert!(!prompter.asked[9].3);
        assert_eq!(answers[0], Some(Answer::Scale(3)));
        assert_eq!(answers[2], Some(Answer::YesNo(true)));
        assert_eq!(answers[6], Some(Answer::Scale(5)));
        assert_eq!(saves, 10, "saved after every reply and every change");
    }

    #[test]
    fn a_quiz_resumes_where_it_stopped() {
        let quiz = quiz();
        let mut prompter = Scripted::new(vec![Reply::Answer(None); 3], vec![]);
        let mut before = vec![None; 7];
        before[0] = Some(Answer::Scale(2));
        let answers =
            run_quiz(&quiz, &[], &[], (before, 4), &mut prompter, &mut |_, _| {}).unwrap();
        assert_eq!(asked_ids(&prompter), ["q-choice", "q-multi", "q-required"]);
        assert_eq!(answers[0], Some(Answer::Scale(2)));
    }

    #[test]
    fn interruption_stops_the_quiz_at_once() {
        let quiz = quiz();
        let mut prompter = Scripted {
            replies: VecDeque::from([
                Ok(Reply::Answer(Some(Answer::Scale(2)))),
                Err(PromptError::Interrupted),
            ]),
            reviews: VecDeque::new(),
            asked: Vec::new(),
        };
        let result = run(&quiz, &[], &mut prompter);
        assert!(matches!(result, Err(PromptError::Interrupted)));
        assert_eq!(
            prompter.asked.len(),
            2,
            "no question after the interruption"
        );
    }
}
