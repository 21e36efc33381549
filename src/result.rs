//! The result document: what `take --json` prints and `--output` writes
//! (`careerfit/result/v2`; v1 results are still read).

use crate::answers::Answers;
use crate::quiz::Quiz;
use crate::scoring::Scores;
use crate::trust::{self, Confidence, Warning};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

pub const SCHEMA: &str = "careerfit/result/v2";
/// Results written before confidence and coded warnings; `take --answers` reads them.
pub const SCHEMA_V1: &str = "careerfit/result/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "careerfit result",
    description = "What `careerfit take --json` prints and `--output` writes."
)]
pub struct QuizResult {
    /// "careerfit/result/v2" ("careerfit/result/v1" in older results).
    #[schemars(extend("enum" = [SCHEMA, SCHEMA_V1]))]
    pub schema: String,
    /// The quiz that was taken.
    pub quiz: QuizRef,
    /// The language of the quiz's texts in this result, a BCP 47 tag ("es"); absent
    /// for English, the quiz files' own. Answers are ids and positions, so a result's
    /// figures are the same in every language.
    #[serde(default = "english", skip_serializing_if = "is_english")]
    #[schemars(default = "english")]
    pub lang: String,
    /// When the quiz was finished: RFC 3339, UTC, to the second.
    pub completed_at: String,
    /// Every question in quiz order, answered or skipped.
    pub answers: Vec<AnswerEntry>,
    /// Every trait in quiz order.
    pub traits: Vec<TraitEntry>,
    /// The quiz's answer to its own question, before anything else: yes, maybe,
    /// probably_not or unclear, with the field-wide fit and the reasons. Absent when
    /// the quiz defines no verdict, and in results written before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<crate::verdict::Verdict>,
    /// The ids of the best pathway and of every pathway within reach whose fit is
    /// within the quiz's tie margin of it: effectively tied. One id when there is a
    /// clear best; empty when nothing was scored. Absent in older results.
    #[serde(default)]
    pub best: Vec<String>,
    /// "low" when the answers give reason to doubt the result (`warnings` say why):
    /// every summary then leads with a caution. Absent in v1 results.
    #[serde(default)]
    pub confidence: Confidence,
    /// The pathways, best fit first; pathways not scored last.
    pub profiles: Vec<ProfileEntry>,
    /// What makes the result less trustworthy, each with a code.
    pub warnings: Vec<Warning>,
    /// With `--explain`: where the explained pathway's fit comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<crate::explain::Explanation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// The quiz a result is for.
pub struct QuizRef {
    pub id: String,
    pub title: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// One question's answer.
pub struct AnswerEntry {
    /// The question's id.
    pub question: String,
    /// As in an answers file: a scale position (1 = first label), true/false, an
    /// option id, a list of option ids; null when skipped.
    pub answer: Json,
    /// The answer's value from 0 to 1 after reversing; null when skipped.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// One trait's score.
pub struct TraitEntry {
    pub id: String,
    pub name: String,
    /// From 0 to 100; null when every question of the trait was skipped.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub score: Option<f64>,
    /// How many of its questions were answered.
    pub answered: usize,
    /// How many questions measure it.
    pub questions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// One pathway's fit.
pub struct ProfileEntry {
    pub id: String,
    pub title: String,
    /// From 0 to 100; null when none of the traits it weighs was assessed.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub fit: Option<f64>,
    /// The label of the fit's band; null when not scored.
    pub band: Option<String>,
    pub education: Option<String>,
    pub job_titles: Vec<String>,
    /// The occupations the pathway leads to, with dated figures. Absent in v1 results.
    #[serde(default)]
    pub occupations: Vec<OccupationEntry>,
    pub certifications: Vec<CertificationEntry>,
    pub next_steps: Vec<String>,
    /// Ids of the traits scored below the pathway's minimum for them.
    pub growth_areas: Vec<String>,
    /// Ids of the traits scored below what the pathway requires: it is out of reach
    /// for now, and ranked after the pathways within reach. Absent in v1 results.
    #[serde(default)]
    pub unmet_requirements: Vec<String>,
    /// What the pathway needs that the answers say is not there yet ("an
    /// associate's degree from a CAHIIM-accredited program"): it is out of reach for
    /// now. Absent in older results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmet_needs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// An occupation by its O*NET-SOC code, with its figures and the year of each.
pub struct OccupationEntry {
    /// An O*NET-SOC code such as "29-2072.00".
    pub code: String,
    pub title: String,
    /// Median annual pay in US dollars, for `pay_year`.
    pub median_pay: Option<f64>,
    pub pay_year: Option<u16>,
    /// Projected employment growth in percent, over `growth_period`.
    pub growth: Option<f64>,
    pub growth_period: Option<String>,
    /// The page the figures come from.
    pub source_url: Option<String>,
    /// When the source's figures are from: a year, or a year and month.
    pub source_as_of: Option<String>,
    /// Where a person checks today's figures: the code's page on O*NET OnLine, which
    /// shows the current BLS wages and outlook.
    #[serde(default)]
    pub check_at: String,
}

impl OccupationEntry {
    pub fn new(quiz: &Quiz, o: &crate::quiz::Occupation) -> Self {
        let source = &quiz.sources[o.source];
        OccupationEntry {
            code: o.code.clone(),
            title: o.title.clone(),
            median_pay: o.median_pay.map(|(pay, _)| pay),
            pay_year: o.median_pay.map(|(_, year)| year),
            growth: o.growth.as_ref().map(|(g, _)| *g),
            growth_period: o.growth.as_ref().map(|(_, p)| p.clone()),
            source_url: source.url.clone(),
            source_as_of: source.as_of.clone(),
            check_at: format!("https://www.onetonline.org/link/summary/{}", o.code),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CertificationEntry {
    pub name: String,
    pub detail: Option<String>,
}

/// The JSON Schema of result files, pretty-printed (`careerfit schema result`).
pub fn schema() -> String {
    let schema = schemars::schema_for!(QuizResult);
    crate::json::to_string_pretty(&schema).expect("a schema serialises")
}

impl QuizResult {
    /// Assemble the result; `completed_at` is an RFC 3339 UTC timestamp. `notes` are
    /// warnings about how the answers were given (another quiz version, answers faster
    /// than reading): they come first, and are weighed in with the rest.
    pub fn new(
        quiz: &Quiz,
        answers: &Answers,
        scores: &Scores,
        completed_at: String,
        notes: Vec<Warning>,
    ) -> Self {
        let answer_entries = quiz
            .questions
            .iter()
            .zip(answers)
            .zip(&scores.values)
            .map(|((question, answer), value)| AnswerEntry {
                question: question.id.clone(),
                answer: answer.as_ref().map_or(Json::Null, |a| a.to_json(question)),
                value: *value,
            })
            .collect();
        let traits = quiz
            .traits
            .iter()
            .zip(&scores.traits)
            .map(|(t, s)| TraitEntry {
                id: t.id.clone(),
                name: t.name.clone(),
                score: s.score,
                answered: s.answered,
                questions: s.questions,
            })
            .collect();
        let profiles = scores
            .profiles
            .iter()
            .map(|fit| {
                let p = &quiz.profiles[fit.profile];
                ProfileEntry {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    fit: fit.fit,
                    band: fit.band.map(|b| quiz.bands[b].label.clone()),
                    education: p.education.clone(),
                    job_titles: p.job_titles.clone(),
                    occupations: p
                        .occupations
                        .iter()
                        .map(|o| OccupationEntry::new(quiz, o))
                        .collect(),
                    certifications: p
                        .certifications
                        .iter()
                        .map(|c| CertificationEntry {
                            name: c.name.clone(),
                            detail: c.detail.clone(),
                        })
                        .collect(),
                    next_steps: p.next_steps.clone(),
                    growth_areas: fit
                        .growth_areas
                        .iter()
                        .map(|&t| quiz.traits[t].id.clone())
                        .collect(),
                    unmet_requirements: fit
                        .unmet
                        .iter()
                        .map(|&t| quiz.traits[t].id.clone())
                        .collect(),
                    unmet_needs: fit
                        .unmet_needs
                        .iter()
                        .map(|&n| p.needs[n].what.clone())
                        .collect(),
                }
            })
            .collect();
        let mut warnings = notes;
        warnings.extend(trust::warnings(quiz, answers, scores));
        let tied = crate::scoring::tied(quiz, &scores.profiles);
        let mut result = QuizResult {
            schema: SCHEMA.to_string(),
            quiz: QuizRef {
                id: quiz.id.clone(),
                title: quiz.title.clone(),
                version: quiz.version.clone(),
            },
            lang: quiz.lang.clone(),
            completed_at,
            answers: answer_entries,
            traits,
            verdict: None,
            best: scores.profiles[..tied]
                .iter()
                .map(|f| quiz.profiles[f.profile].id.clone())
                .collect(),
            confidence: Confidence::Ok,
            profiles,
            warnings,
            explanation: None,
        };
        result.weigh(quiz, scores);
        result
    }

    /// Confidence from the warnings, then the verdict, which is unclear when it is
    /// low; the bands capped to match both (`verdict::band_floor`).
    fn weigh(&mut self, quiz: &Quiz, scores: &Scores) {
        self.confidence = trust::confidence(&self.warnings);
        let low = self.confidence == Confidence::Low;
        self.verdict = crate::verdict::verdict(quiz, scores, low);
        let answer = self.verdict.as_ref().map(|v| v.answer);
        if let Some(floor) = crate::verdict::band_floor(quiz, low, answer) {
            for (entry, fit) in self.profiles.iter_mut().zip(&scores.profiles) {
                entry.band = fit.band.map(|b| quiz.bands[b.max(floor)].label.clone());
            }
        }
    }
}

fn english() -> String {
    crate::locale::ENGLISH.to_string()
}

fn is_english(lang: &str) -> bool {
    lang == crate::locale::ENGLISH
}

/// Now, in UTC, to the second, as RFC 3339 (`2026-11-24T10:00:00Z`): the
/// `completed_at` of a result made now, by `take`, `score` or `serve`.
pub fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod languages {
    //! The same answers give byte-identical figures in every language: scores, fits,
    //! bands, the verdict, `best`, confidence and the warnings' codes, over generated
    //! answer sets, for the small quiz in Spanish and for the HIM and forced-choice
    //! quizzes pseudo-translated (every text changed) and in each compiled-in language.

    use super::*;
    use crate::answers::{Answer, Answers};
    use crate::quiz::{QuestionKind, translation};
    use proptest::prelude::*;
    use serde_json::json;

    /// A pick per question: skipped for one in seven, else one of its answers.
    fn answers(quiz: &Quiz, picks: &[u32]) -> Answers {
        quiz.questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let pick = picks[i % picks.len()];
                let k = (pick / 7) as usize;
                (!pick.is_multiple_of(7)).then(|| match &q.kind {
                    QuestionKind::Scale { labels, .. } => Answer::Scale(1 + k % labels.len()),
                    QuestionKind::YesNo { .. } => Answer::YesNo(k.is_multiple_of(2)),
                    QuestionKind::Choice { options } => Answer::Choice(k % options.len()),
                    QuestionKind::Multi { options } => Answer::Multi(
                        (0..options.len())
                            .filter(|o| (k >> (o % 16)) & 1 == 1)
                            .collect(),
                    ),
                })
            })
            .collect()
    }

    /// What a result says that no language may change, as JSON text: a band by its
    /// place among the quiz's bands, a reason or warning by its code.
    fn figures(result: &QuizResult, quiz: &Quiz) -> String {
        let band = |label: &Option<String>| {
            label
                .as_ref()
                .map(|l| quiz.bands.iter().position(|b| &b.label == l))
        };
        let figures = json!({
            "quiz": [&result.quiz.id, &result.quiz.version],
            "answers": &result.answers,
            "traits": result.traits.iter()
                .map(|t| json!([t.id, t.score, t.answered, t.questions]))
                .collect::<Vec<_>>(),
            "verdict": result.verdict.as_ref().map(|v| json!([
                v.answer,
                v.fit,
                v.reasons.iter().map(|r| &r.code).collect::<Vec<_>>(),
            ])),
            "best": &result.best,
            "confidence": &result.confidence,
            "profiles": result.profiles.iter()
                .map(|p| json!([
                    p.id, p.fit, band(&p.band), p.growth_areas, p.unmet_requirements,
                    p.unmet_needs.len(),
                ]))
                .collect::<Vec<_>>(),
            "warnings": result.warnings.iter().map(|w| &w.code).collect::<Vec<_>>(),
        });
        serde_json::to_string(&figures).expect("figures serialise")
    }

    fn load(name: &str, text: &str) -> Quiz {
        crate::quiz::load(name, text).expect("a valid quiz").0
    }

    /// Each quiz in English with its translations: real ones, and a pseudo one.
    fn pairs() -> Vec<(Quiz, Quiz)> {
        let small = crate::fixtures::small();
        let es = include_str!("../tests/fixtures/small.es.yaml");
        let small_es = translation::read("small.es.yaml", es)
            .unwrap()
            .apply(&small);
        let him = load("him", crate::quiz::builtin::find("him-career-fit").unwrap());
        let mut pairs = vec![
            (small.clone(), small_es),
            (small.clone(), translation::pseudo(&small)),
            (him.clone(), translation::pseudo(&him)),
            (
                crate::fixtures::forced(),
                translation::pseudo(&crate::fixtures::forced()),
            ),
        ];
        for (id, lang, text) in crate::quiz::builtin::TRANSLATIONS {
            let english = load(id, crate::quiz::builtin::find(id).unwrap());
            let read = translation::read(lang, text).expect("a built-in translation reads");
            pairs.push((english.clone(), read.apply(&english)));
        }
        pairs
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn the_same_answers_give_the_same_figures_in_every_language(
            picks in proptest::collection::vec(any::<u32>(), 1..80),
        ) {
            for (english, other) in pairs() {
                prop_assert_ne!(&english.lang, &other.lang);
                let answers = answers(&english, &picks);
                let result = |quiz: &Quiz| {
                    let scores = crate::scoring::score(quiz, &answers);
                    QuizResult::new(quiz, &answers, &scores, "2026-12-08T00:00:00Z".into(), vec![])
                };
                let (en, translated) = (result(&english), result(&other));
                prop_assert_eq!(&translated.lang, &other.lang);
                prop_assert_eq!(figures(&en, &english), figures(&translated, &other));
            }
        }
    }
}
