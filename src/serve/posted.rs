//! What a page of the quiz posts, read into answers (pure). The form contract: a
//! question's inputs are named by its id and carry the answers file's values (a
//! scale position `1`..`N`, `yes` or `no`, an option id); a tick-any question is
//! checkboxes sharing the name, and none ticked is an answer (worth 0), as in the
//! terminal. An empty value is a skip. Anything else is refused with a message
//! beside its question, and nothing of the page is kept.

use crate::answers::Answer;
use crate::quiz::{QuestionKind, Quiz};
use serde_json::Value as Json;
use std::ops::Range;

/// The fields every form carries besides the answers.
pub const TOKEN: &str = "form_token";
pub const ACTION: &str = "action";

/// Fields of no question named on the page that refuses them; the rest are counted.
const NAMED_STRANGERS: usize = 5;

/// A page's posted answers, or what is wrong with them.
#[derive(Debug, Default, PartialEq)]
pub struct Read {
    /// One per question of the page, in order: `None` is skipped.
    pub answers: Vec<Option<Answer>>,
    /// (question index, message) beside the question; `None` for the page.
    pub problems: Vec<(Option<usize>, String)>,
}

/// Read the answers to questions `page` of the quiz from the posted fields, every
/// field checked: a field of no question of this page is refused by name.
pub fn read_page(quiz: &Quiz, page: Range<usize>, fields: &[(String, String)]) -> Read {
    let mut read = Read {
        answers: vec![None; page.len()],
        problems: Vec::new(),
    };
    let mut values: Vec<Vec<&str>> = vec![Vec::new(); page.len()];
    let mut strangers = 0;
    for (name, value) in fields {
        if name == TOKEN || name == ACTION {
            continue;
        }
        match quiz.question_index(name).filter(|i| page.contains(i)) {
            Some(i) => values[i - page.start].push(value),
            None => {
                strangers += 1;
                // The page that says so stays small, however many were sent.
                if strangers <= NAMED_STRANGERS {
                    read.problems.push((
                        None,
                        format!(
                            "This page has no question `{}`; nothing on it was saved.",
                            crate::text::shorten(name, 60)
                        ),
                    ));
                }
            }
        }
    }
    if strangers > NAMED_STRANGERS {
        read.problems.push((
            None,
            format!(
                "… and {} more fields of no question on this page.",
                strangers - NAMED_STRANGERS
            ),
        ));
    }
    for (slot, (i, given)) in page.clone().zip(&values).enumerate() {
        match answer(&quiz.questions[i].kind, given) {
            Ok(answer) => read.answers[slot] = answer,
            Err(message) => read.problems.push((Some(i), message)),
        }
    }
    read
}

/// One question's posted values as an answer.
fn answer(kind: &QuestionKind, given: &[&str]) -> Result<Option<Answer>, String> {
    if let QuestionKind::Multi { options } = kind {
        let mut chosen = Vec::new();
        for value in given.iter().filter(|v| !v.is_empty()) {
            let Some(i) = options.iter().position(|o| o.id == *value) else {
                return Err(unknown(value));
            };
            if chosen.contains(&i) {
                return Err(format!(
                    "“{}” was sent twice; tick each box once.",
                    options[i].label
                ));
            }
            chosen.push(i);
        }
        chosen.sort_unstable();
        return Ok(Some(Answer::Multi(chosen)));
    }
    let value = match given {
        [] => return Ok(None),
        [value] => *value,
        _ => return Err("Only one answer can be chosen here; choose one.".to_string()),
    };
    if value.is_empty() {
        return Ok(None);
    }
    match kind {
        QuestionKind::Scale { labels, .. } => value
            .parse::<usize>()
            .ok()
            .filter(|p| (1..=labels.len()).contains(p))
            .map(|p| Some(Answer::Scale(p)))
            .ok_or_else(|| {
                format!(
                    "“{}” is not a point of this scale; choose one of its {} points.",
                    crate::text::shorten(value, 20),
                    labels.len()
                )
            }),
        QuestionKind::YesNo { .. } => match value {
            "yes" => Ok(Some(Answer::YesNo(true))),
            "no" => Ok(Some(Answer::YesNo(false))),
            _ => Err(format!(
                "“{}” is neither yes nor no; choose one.",
                crate::text::shorten(value, 20)
            )),
        },
        QuestionKind::Choice { options } => options
            .iter()
            .position(|o| o.id == value)
            .map(|i| Some(Answer::Choice(i)))
            .ok_or_else(|| unknown(value)),
        QuestionKind::Multi { .. } => unreachable!("tick-any questions are read above"),
    }
}

fn unknown(value: &str) -> String {
    format!(
        "“{}” is not one of this question's answers; choose one of those shown.",
        crate::text::shorten(value, 30)
    )
}

/// An answer as its form input's value: what `read_page` takes back (tick-any:
/// each option id).
pub fn values(kind: &QuestionKind, answer: &Answer) -> Vec<String> {
    match (answer, kind) {
        (Answer::Scale(p), _) => vec![p.to_string()],
        (Answer::YesNo(yes), _) => vec![if *yes { "yes" } else { "no" }.to_string()],
        (Answer::Choice(i), QuestionKind::Choice { options }) => vec![options[*i].id.clone()],
        (Answer::Multi(chosen), QuestionKind::Multi { options }) => {
            chosen.iter().map(|i| options[*i].id.clone()).collect()
        }
        _ => Vec::new(),
    }
}

/// An answer as the answers file and the export write it.
pub fn to_json(quiz: &Quiz, question: usize, answer: &Answer) -> Json {
    answer.to_json(&quiz.questions[question])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    fn him() -> Quiz {
        let text = crate::quiz::builtin::find(crate::quiz::builtin::DEFAULT_ID).unwrap();
        crate::quiz::load("him", text)
            .expect("the HIM quiz loads")
            .0
    }

    fn index(quiz: &Quiz, kind: fn(&QuestionKind) -> bool) -> usize {
        quiz.questions
            .iter()
            .position(|q| kind(&q.kind))
            .expect("the HIM quiz has such a question")
    }

    #[test]
    fn every_kind_reads_its_values_and_skips_what_is_not_sent() {
        let quiz = him();
        let scale = index(&quiz, |k| matches!(k, QuestionKind::Scale { .. }));
        let multi = index(&quiz, |k| matches!(k, QuestionKind::Multi { .. }));
        let choice = index(&quiz, |k| matches!(k, QuestionKind::Choice { .. }));
        let QuestionKind::Choice { options } = &quiz.questions[choice].kind else {
            unreachable!()
        };
        let all = 0..quiz.questions.len();
        let read = read_page(
            &quiz,
            all.clone(),
            &fields(&[
                (&quiz.questions[scale].id, "4"),
                (&quiz.questions[choice].id, &options[1].id),
                (TOKEN, "t"),
                (ACTION, "next"),
            ]),
        );
        assert_eq!(read.problems, vec![]);
        assert_eq!(read.answers[scale], Some(Answer::Scale(4)));
        assert_eq!(read.answers[choice], Some(Answer::Choice(1)));
        // A tick-any question sent with nothing ticked is "none ticked", not a skip.
        assert_eq!(read.answers[multi], Some(Answer::Multi(vec![])));
        // Every other scale question, not sent, is skipped.
        let skipped = read.answers.iter().filter(|a| a.is_none()).count();
        let multis = quiz
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Multi { .. }))
            .count();
        assert_eq!(skipped, quiz.questions.len() - 2 - multis);
    }

    #[test]
    fn wrong_values_are_refused_beside_their_question() {
        let quiz = him();
        let scale = index(&quiz, |k| matches!(k, QuestionKind::Scale { .. }));
        let yes_no = index(&quiz, |k| matches!(k, QuestionKind::YesNo { .. }));
        let multi = index(&quiz, |k| matches!(k, QuestionKind::Multi { .. }));
        let QuestionKind::Multi { options } = &quiz.questions[multi].kind else {
            unreachable!()
        };
        let all = 0..quiz.questions.len();
        let id = |i: usize| quiz.questions[i].id.as_str();
        let read = read_page(
            &quiz,
            all,
            &fields(&[
                (id(scale), "6"),
                (id(yes_no), "yes"),
                (id(yes_no), "no"),
                (id(multi), &options[0].id),
                (id(multi), &options[0].id),
                ("favourite_colour", "blue"),
            ]),
        );
        assert_eq!(
            read.problems[0],
            (
                None,
                "This page has no question `favourite_colour`; nothing on it was saved."
                    .to_string()
            )
        );
        let message = |i: usize| {
            read.problems
                .iter()
                .find(|(q, _)| *q == Some(i))
                .map(|(_, m)| m.as_str())
        };
        assert_eq!(
            message(scale),
            Some("“6” is not a point of this scale; choose one of its 5 points.")
        );
        assert_eq!(
            message(yes_no),
            Some("Only one answer can be chosen here; choose one.")
        );
        assert_eq!(
            message(multi),
            Some(format!("“{}” was sent twice; tick each box once.", options[0].label).as_str())
        );
        assert_eq!(read.problems.len(), 4);
    }

    #[test]
    fn a_question_of_another_page_is_refused() {
        let quiz = him();
        let read = read_page(&quiz, 0..10, &fields(&[(&quiz.questions[12].id, "3")]));
        assert_eq!(
            read.problems,
            vec![(
                None,
                format!(
                    "This page has no question `{}`; nothing on it was saved.",
                    quiz.questions[12].id
                )
            )]
        );
    }

    #[test]
    fn values_give_back_what_read_takes() {
        let quiz = him();
        for (i, q) in quiz.questions.iter().enumerate() {
            let answer = match &q.kind {
                QuestionKind::Scale { labels, .. } => Answer::Scale(labels.len()),
                QuestionKind::YesNo { .. } => Answer::YesNo(false),
                QuestionKind::Choice { options } => Answer::Choice(options.len() - 1),
                QuestionKind::Multi { options } => Answer::Multi((0..options.len()).collect()),
            };
            let posted: Vec<(String, String)> = values(&q.kind, &answer)
                .into_iter()
                .map(|v| (q.id.clone(), v))
                .collect();
            let read = read_page(&quiz, i..i + 1, &posted);
            assert_eq!(read.answers, vec![Some(answer)], "question {}", q.id);
        }
    }
}
