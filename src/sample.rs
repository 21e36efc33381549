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
        crate::json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A made-up class for trying `careerfit analyze`: people who answer from a latent
/// level per trait (each answer loads .85 on it), except that every
/// `careless_every`-th person gives one scale position throughout, and the question
/// `broken` is answered at random by everyone, so it measures nothing.
pub struct Class<'a> {
    pub size: usize,
    pub seed: u64,
    pub careless_every: usize,
    pub broken: Option<&'a str>,
}

impl Class<'_> {
    /// The ids of the careless respondents, as `rows` names them.
    pub fn careless_ids(&self) -> Vec<String> {
        (1..=self.size)
            .filter(|i| self.careless_every > 0 && i % self.careless_every == 0)
            .map(|i| format!("s-{i}"))
            .collect()
    }

    /// The class as JSON Lines rows `{"id": "s-1", "answers": {...}}`.
    pub fn rows(&self, quiz: &Quiz, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut rng = Rng::new(self.seed);
        for i in 1..=self.size {
            let careless = self.careless_every > 0 && i % self.careless_every == 0;
            let answers = if careless {
                careless_answers(quiz, &mut rng)
            } else {
                self.careful_answers(quiz, &mut rng)
            };
            let row = json!({"id": format!("s-{i}"), "answers": answers});
            crate::json::to_writer(&mut *out, &row)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn careful_answers(&self, quiz: &Quiz, rng: &mut Rng) -> Map<String, Json> {
        let levels: Vec<f64> = quiz.traits.iter().map(|_| rng.gauss()).collect();
        let mut answers = Map::new();
        for question in &quiz.questions {
            if !question.required && rng.below(20) == 0 {
                continue;
            }
            let noise = rng.gauss();
            let z = if self.broken == Some(question.id.as_str()) {
                noise
            } else {
                0.85 * levels[question.traits[0]] + 0.53 * noise
            };
            // A value in [0, 1] the person would give a plainly keyed question.
            let share = 1.0 / (1.0 + (-1.7 * z).exp());
            let value = match &question.kind {
                QuestionKind::Scale {
                    labels, reverse, ..
                } => {
                    let share = if *reverse { 1.0 - share } else { share };
                    let k = ((share * labels.len() as f64) as usize).min(labels.len() - 1);
                    json!(labels[k])
                }
                QuestionKind::YesNo { reverse } => json!((share > 0.5) != *reverse),
                QuestionKind::Choice { options } => {
                    let nearest = options
                        .iter()
                        .min_by(|a, b| {
                            (a.scores[0] - share)
                                .abs()
                                .total_cmp(&(b.scores[0] - share).abs())
                        })
                        .expect("a choice has options");
                    json!(nearest.id)
                }
                QuestionKind::Multi { options } => Json::Array(
                    options
                        .iter()
                        .filter(|o| (o.scores[0] > 0.0) == (share + 0.3 * rng.gauss() > 0.5))
                        .map(|o| json!(o.id))
                        .collect(),
                ),
            };
            answers.insert(question.id.clone(), value);
        }
        answers
    }
}

/// One scale position for every scale question; the rest at random.
fn careless_answers(quiz: &Quiz, rng: &mut Rng) -> Map<String, Json> {
    let position = rng.below(5);
    let mut answers = answers(quiz, rng);
    for question in &quiz.questions {
        if let QuestionKind::Scale { labels, .. } = &question.kind {
            let k = position.min(labels.len() - 1);
            answers.insert(question.id.clone(), json!(labels[k]));
        }
    }
    answers
}

/// A respondent's made-up answers, checked as a row's are: for tests that need
/// answers to score.
pub fn checked_answers(quiz: &Quiz, rng: &mut Rng) -> crate::answers::Answers {
    let given = serde_json::Value::Object(answers(quiz, rng));
    let pairs: Vec<(&str, crate::answers::Given)> = given
        .as_object()
        .expect("an object")
        .iter()
        .map(|(k, v)| (k.as_str(), crate::answers::Given::from_json(v)))
        .collect();
    crate::answers::check(
        quiz,
        |id| quiz.question_index(id),
        pairs.iter().map(|(k, v)| (*k, v)),
    )
    .expect("made-up answers are good answers")
}
