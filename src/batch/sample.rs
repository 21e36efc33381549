//! Made-up respondents for a quiz, the same for the same seed: for the benchmark and
//! the tests of `careerfit score`, never for real results.

use crate::quiz::{QuestionKind, Quiz};
pub use crate::rng::Rng;
use serde_json::{Map, Value as Json, json};

/// One respondent's answers as an answers file writes them. About one answer in ten
/// is skipped (never a required one), and answers are written every way a file may
/// write them: scale positions and labels, true/false and yes/no, option ids and labels.
pub fn answers(quiz: &Quiz, rng: &mut Rng) -> Map<String, Json> {
    let mut answers = Map::new();
    for question in &quiz.questions {
        if !question.required && rng.below(10) == 0 {
            if rng.below(2) == 0 {
                answers.insert(question.id.clone(), Json::Null);
            }
            continue;
        }
        let style = rng.below(2);
        let value = match &question.kind {
            QuestionKind::Scale { labels, .. } => {
                let k = rng.below(labels.len());
                match style {
                    0 => json!(k + 1),
                    _ => json!(labels[k]),
                }
            }
            QuestionKind::YesNo { .. } => {
                let yes = rng.below(2) == 0;
                match style {
                    0 => json!(yes),
                    _ => json!(if yes { "yes" } else { "no" }),
                }
            }
            QuestionKind::Choice { options } => {
                let option = &options[rng.below(options.len())];
                match style {
                    0 => json!(option.id),
                    _ => json!(option.label),
                }
            }
            QuestionKind::Multi { options } => Json::Array(
                options
                    .iter()
                    .filter(|_| rng.below(2) == 0)
                    .map(|o| json!(o.id))
                    .collect(),
            ),
        };
        answers.insert(question.id.clone(), value);
    }
    answers
}

/// `n` JSON Lines rows `{"id": "r-1", "answers": {...}}` for `quiz`.
pub fn json_lines(
    quiz: &Quiz,
    n: usize,
    seed: u64,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    for i in 1..=n {
        let row = json!({"id": format!("r-{i}"), "answers": answers(quiz, &mut rng)});
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
