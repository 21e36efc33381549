//! One result as one JSON line, fast: the same object `take --json` prints (built from
//! `QuizResult`), but written from pieces serialised once per quiz. Most of a result is
//! the quiz's own text (titles, job titles, next steps); only answers, values, scores,
//! the ranking and the warnings change from row to row. A test checks that every line
//! equals the `QuizResult` of the same answers.

use crate::answers::{Answer, Answers};
use crate::quiz::{QuestionKind, Quiz};
use crate::result::{self, CertificationEntry, OccupationEntry};
use crate::scoring::{self, Scores};
use crate::trust::{self, Confidence};
use crate::verdict;
use serde::Serialize;

pub struct ResultWriter {
    /// `"schema":...,"quiz":{...},"completed_at":...,"answers":[`
    head: Vec<u8>,
    /// Per question: `{"question":"ID","answer":`
    questions: Vec<Vec<u8>>,
    /// Per question, per option: the option id as a JSON string.
    options: Vec<Vec<Vec<u8>>>,
    /// Per question, per answer (scale position - 1, no/yes, option) but multi:
    /// `,"value":V}`, since those answers have few values.
    values: Vec<Vec<Vec<u8>>>,
    /// Per trait: `{"id":..,"name":..,"score":`
    traits: Vec<Vec<u8>>,
    /// Per trait: its id as a JSON string (growth areas).
    trait_ids: Vec<Vec<u8>>,
    /// Per profile: `{"id":..,"title":..,"fit":`
    profile_heads: Vec<Vec<u8>>,
    /// Per profile: `"education":..,"job_titles":..,"certifications":..,"next_steps":..,"growth_areas":`
    profile_tails: Vec<Vec<u8>>,
    /// Per band: its label as a JSON string.
    bands: Vec<Vec<u8>>,
    /// Per profile: its id as a JSON string (`best`).
    profile_ids: Vec<Vec<u8>>,
    /// Per profile, per need: what it needs, as a JSON string (`unmet_needs`).
    needs: Vec<Vec<Vec<u8>>>,
}

use super::json_parts::{self, json};

/// `"key":value` without the braces of an object holding it.
fn field(key: &str, value: &(impl Serialize + ?Sized)) -> Vec<u8> {
    let mut out = json(key);
    out.push(b':');
    out.extend(json(value));
    out
}

fn number(out: &mut Vec<u8>, x: Option<f64>) {
    match x {
        Some(x) => crate::json::to_writer(&mut *out, &x).expect("a number serialises"),
        None => out.extend_from_slice(b"null"),
    }
}

fn count(out: &mut Vec<u8>, n: usize) {
    crate::json::to_writer(&mut *out, &n).expect("a count serialises");
}

impl ResultWriter {
    /// The fields of `QuizResult`, in its order; `completed_at` is the batch's.
    pub fn new(quiz: &Quiz, completed_at: &str) -> Self {
        let mut head = Vec::new();
        head.extend(field("schema", result::SCHEMA));
        head.push(b',');
        head.extend(field(
            "quiz",
            &result::QuizRef {
                id: quiz.id.clone(),
                title: quiz.title.clone(),
                version: quiz.version.clone(),
            },
        ));
        head.push(b',');
        // As `QuizResult` writes it: absent for English.
        if quiz.lang != crate::locale::ENGLISH {
            head.extend(field("lang", &quiz.lang));
            head.push(b',');
        }
        head.extend(field("completed_at", completed_at));
        head.extend_from_slice(b",\"answers\":[");
        let questions = quiz
            .questions
            .iter()
            .map(|q| {
                let mut out = b"{".to_vec();
                out.extend(field("question", &q.id));
                out.extend_from_slice(b",\"answer\":");
                out
            })
            .collect();
        let options = quiz
            .questions
            .iter()
            .map(|q| match &q.kind {
                QuestionKind::Choice { options } | QuestionKind::Multi { options } => {
                    options.iter().map(|o| json(&o.id)).collect()
                }
                _ => Vec::new(),
            })
            .collect();
        let values = quiz
            .questions
            .iter()
            .map(|q| {
                let answers: Vec<Answer> = match &q.kind {
                    QuestionKind::Scale { labels, .. } => {
                        (1..=labels.len()).map(Answer::Scale).collect()
                    }
                    QuestionKind::YesNo { .. } => vec![Answer::YesNo(false), Answer::YesNo(true)],
                    QuestionKind::Choice { options } => {
                        (0..options.len()).map(Answer::Choice).collect()
                    }
                    QuestionKind::Multi { .. } => Vec::new(),
                };
                answers
                    .iter()
                    .map(|a| {
                        let mut out = b",\"value\":".to_vec();
                        number(&mut out, Some(scoring::value(q, a)));
                        out.push(b'}');
                        out
                    })
                    .collect()
            })
            .collect();
        let traits = quiz
            .traits
            .iter()
            .map(|t| {
                let mut out = b"{".to_vec();
                out.extend(field("id", &t.id));
                out.push(b',');
                out.extend(field("name", &t.name));
                out.extend_from_slice(b",\"score\":");
                out
            })
            .collect();
        let trait_ids = quiz.traits.iter().map(|t| json(&t.id)).collect();
        let profile_heads = quiz
            .profiles
            .iter()
            .map(|p| {
                let mut out = b"{".to_vec();
                out.extend(field("id", &p.id));
                out.push(b',');
                out.extend(field("title", &p.title));
                out.extend_from_slice(b",\"fit\":");
                out
            })
            .collect();
        let profile_tails = quiz
            .profiles
            .iter()
            .map(|p| {
                let certifications: Vec<CertificationEntry> = p
                    .certifications
                    .iter()
                    .map(|c| CertificationEntry {
                        name: c.name.clone(),
                        detail: c.detail.clone(),
                    })
                    .collect();
                let occupations: Vec<OccupationEntry> = p
                    .occupations
                    .iter()
                    .map(|o| OccupationEntry::new(quiz, o))
                    .collect();
                let mut out = field("education", &p.education);
                out.push(b',');
                out.extend(field("job_titles", &p.job_titles));
                out.push(b',');
                out.extend(field("occupations", &occupations));
                out.push(b',');
                out.extend(field("certifications", &certifications));
                out.push(b',');
                out.extend(field("next_steps", &p.next_steps));
                out.extend_from_slice(b",\"growth_areas\":");
                out
            })
            .collect();
        let bands = quiz.bands.iter().map(|b| json(&b.label)).collect();
        let profile_ids = quiz.profiles.iter().map(|p| json(&p.id)).collect();
        let needs = quiz
            .profiles
            .iter()
            .map(|p| p.needs.iter().map(|n| json(&n.what)).collect())
            .collect();
        ResultWriter {
            profile_ids,
            needs,
            head,
            questions,
            options,
            values,
            traits,
            trait_ids,
            profile_heads,
            profile_tails,
            bands,
        }
    }

    /// Append the result's fields (without the opening brace) and the closing brace.
    pub fn write(
        &self,
        quiz: &Quiz,
        answers: &Answers,
        scores: &Scores,
        warnings: &[trust::Warning],
        judged: super::Judged,
        out: &mut Vec<u8>,
    ) {
        out.extend_from_slice(&self.head);
        for (q, (answer, value)) in answers.iter().zip(&scores.values).enumerate() {
            if q > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.questions[q]);
            let known_value = match answer {
                None => {
                    out.extend_from_slice(b"null");
                    None
                }
                Some(Answer::Scale(k)) => {
                    count(out, *k);
                    Some(&self.values[q][*k - 1])
                }
                Some(Answer::YesNo(yes)) => {
                    out.extend_from_slice(if *yes { b"true" } else { b"false" });
                    Some(&self.values[q][usize::from(*yes)])
                }
                Some(Answer::Choice(i)) => {
                    out.extend_from_slice(&self.options[q][*i]);
                    Some(&self.values[q][*i])
                }
                Some(Answer::Multi(chosen)) => {
                    out.push(b'[');
                    for (n, i) in chosen.iter().enumerate() {
                        if n > 0 {
                            out.push(b',');
                        }
                        out.extend_from_slice(&self.options[q][*i]);
                    }
                    out.push(b']');
                    None
                }
            };
            match known_value {
                Some(fragment) => out.extend_from_slice(fragment),
                None => {
                    out.extend_from_slice(b",\"value\":");
                    number(out, *value);
                    out.push(b'}');
                }
            }
        }
        out.extend_from_slice(b"],\"traits\":[");
        for (t, score) in scores.traits.iter().enumerate() {
            if t > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.traits[t]);
            number(out, score.score);
            out.extend_from_slice(b",\"answered\":");
            count(out, score.answered);
            out.extend_from_slice(b",\"questions\":");
            count(out, score.questions);
            out.push(b'}');
        }
        out.push(b']');
        // The words of the answer judged (deciding again on the capped bands gives
        // the same answer: `verdict::judge`).
        let confidence = judged.confidence;
        if let Some(verdict) = verdict::verdict(quiz, scores, confidence == Confidence::Low) {
            out.extend_from_slice(b",\"verdict\":");
            crate::json::to_writer(&mut *out, &verdict).expect("a verdict serialises");
        }
        out.extend_from_slice(b",\"best\":[");
        let tied = scoring::tied(quiz, &scores.profiles);
        for (n, fit) in scores.profiles[..tied].iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.profile_ids[fit.profile]);
        }
        out.push(b']');
        out.extend_from_slice(match confidence {
            Confidence::Ok => b",\"confidence\":\"ok\"",
            Confidence::Low => b",\"confidence\":\"low\"",
        });
        out.extend_from_slice(b",\"profiles\":[");
        for (n, fit) in scores.profiles.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.profile_heads[fit.profile]);
            number(out, fit.fit);
            json_parts::band(out, &self.bands, fit.band);
            out.push(b',');
            out.extend_from_slice(&self.profile_tails[fit.profile]);
            json_parts::list(out, &self.trait_ids, &fit.growth_areas);
            out.extend_from_slice(b",\"unmet_requirements\":");
            json_parts::list(out, &self.trait_ids, &fit.unmet);
            if !fit.unmet_needs.is_empty() {
                out.extend_from_slice(b",\"unmet_needs\":");
                json_parts::list(out, &self.needs[fit.profile], &fit.unmet_needs);
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"warnings\":");
        crate::json::to_writer(&mut *out, warnings).expect("warnings serialise");
        out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::ResultWriter;
    use crate::result::QuizResult;
    use crate::sample::{self, Rng};
    use crate::{quiz, scoring};

    /// Every line equals the `QuizResult` of the same answers, field for field.
    #[test]
    fn lines_equal_the_result_take_builds() {
        let load = |name, text| quiz::load(name, text).unwrap().0;
        let him = load("him", quiz::builtin::find("him-career-fit").unwrap());
        // And in Spanish, whose results say so (`lang`).
        let (_, _, es) = quiz::builtin::TRANSLATIONS[0];
        let him_es = quiz::translation::read("him-career-fit.es.yaml", es)
            .unwrap()
            .apply(&him);
        assert_eq!(him_es.lang, "es");
        let small = load("small", include_str!("../../tests/fixtures/small.yaml"));
        for quiz in [him, him_es, small] {
            let writer = ResultWriter::new(&quiz, "2026-01-01T00:00:00Z");
            let mut rng = Rng::new(3);
            for _ in 0..300 {
                let answers = sample::checked_answers(&quiz, &mut rng);
                let mut scores = scoring::score(&quiz, &answers);
                let mut line = b"{".to_vec();
                let warnings = crate::trust::warnings(&quiz, &answers, &scores);
                let result = QuizResult::new(
                    &quiz,
                    &answers,
                    &scores,
                    "2026-01-01T00:00:00Z".into(),
                    Vec::new(),
                );
                // As `score` does: judged once, the bands capped to match.
                let judged = super::super::Judged::of(&quiz, &warnings, &mut scores);
                writer.write(&quiz, &answers, &scores, &warnings, judged, &mut line);
                let fast: serde_json::Value = serde_json::from_slice(&line).unwrap();
                assert_eq!(fast, serde_json::to_value(&result).unwrap());
            }
        }
    }
}
