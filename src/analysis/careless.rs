//! Respondents who were not really answering, by the indices of the careless-responding
//! literature (Curran 2016; the R package `careless`). Both read the scale questions
//! only, in quiz order, before reverse-keying: what the person actually picked.

use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};
use serde::Serialize;
use serde_json::Value as Json;

/// Fewer answered scale questions than this say too little to flag anyone.
pub const MIN_SCALE_ANSWERS: usize = 6;
/// Curran (2016): a run of one position over half the scale or more is suspect.
pub const LONGSTRING_SHARE: f64 = 0.5;
/// Below this SD of positions (as shares of the scale, 0 to 1) nearly every answer
/// is the same; the literature sets no fixed cut-off, so this one is careerfit's.
pub const IRV_BELOW: f64 = 0.10;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RespondentFlags {
    pub id: Json,
    pub flags: Vec<&'static str>,
}

/// The answered scale questions' positions as (position, labels), in quiz order.
pub(crate) fn positions<'a>(
    quiz: &'a Quiz,
    answers: &'a Answers,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    quiz.questions
        .iter()
        .zip(answers)
        .filter_map(|(q, a)| match (&q.kind, a) {
            (QuestionKind::Scale { labels, .. }, Some(Answer::Scale(k))) => {
                Some((*k, labels.len()))
            }
            _ => None,
        })
}

/// The longest run of identical positions (`careless::longstring`).
pub fn longstring(quiz: &Quiz, answers: &Answers) -> usize {
    let mut longest = 0;
    let mut run = 0;
    let mut last = None;
    for (k, _) in positions(quiz, answers) {
        run = if last == Some(k) { run + 1 } else { 1 };
        last = Some(k);
        longest = longest.max(run);
    }
    longest
}

/// Intra-individual response variability (`careless::irv`): the sample SD of the
/// positions, each as a share of its scale, (k − 1)/(N − 1), so scales of any length mix.
pub fn irv(quiz: &Quiz, answers: &Answers) -> Option<f64> {
    let shares: Vec<f64> = positions(quiz, answers)
        .map(|(k, n)| (k as f64 - 1.0) / (n as f64 - 1.0))
        .collect();
    let n = shares.len();
    (n >= 2).then(|| {
        let mean = shares.iter().sum::<f64>() / n as f64;
        let squares: f64 = shares.iter().map(|x| (x - mean) * (x - mean)).sum();
        (squares / (n as f64 - 1.0)).sqrt()
    })
}

/// The careless-responding flags of one respondent; none when they answered fewer
/// than `MIN_SCALE_ANSWERS` scale questions.
pub fn flags(quiz: &Quiz, answers: &Answers) -> Vec<&'static str> {
    let answered = positions(quiz, answers).count();
    let mut flags = Vec::new();
    if answered < MIN_SCALE_ANSWERS {
        return flags;
    }
    if longstring(quiz, answers) as f64 >= LONGSTRING_SHARE * answered as f64 {
        flags.push("longstring");
    }
    if irv(quiz, answers).is_some_and(|sd| sd < IRV_BELOW) {
        flags.push("irv");
    }
    flags
}
