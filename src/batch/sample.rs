//! Made-up respondents for a quiz, the same for the same seed: for the benchmark and
//! the tests of `careerfit score`, never for real results.

use crate::quiz::{QuestionKind, Quiz};
use serde_json::{Map, Value as Json, json};

/// A small, fast generator (xorshift64*); the same seed gives the same rows anywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

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
