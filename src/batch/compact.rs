//! The default `score` row: one respondent's result without the quiz's own text
//! (titles, job titles, next steps), which is the same on every row and is in the
//! quiz. Figures have one decimal, rounded half away from zero as everywhere.
//! `careerfit schema score-row` prints its JSON Schema, derived from the types here;
//! the writer builds the same JSON from pieces made once per quiz, and a test checks
//! that it does.

use super::Judged;
use super::json_parts::{self, json};
use crate::quiz::Quiz;
use crate::scoring::Scores;
use crate::trust::{self, Coded};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `schema` field of every default `score` row.
pub const SCHEMA: &str = "careerfit/score-row/v1";

/// A figure as rows show it: one decimal at most (62.5, 40), half away from zero.
pub fn figure(x: f64) -> String {
    let mut out = Vec::with_capacity(8);
    write_figure(&mut out, x);
    String::from_utf8(out).expect("digits are text")
}

/// `figure`, appended as bytes: in tenths, without the formatting machinery, which
/// took a fifth of `score`'s time.
pub fn write_figure(out: &mut Vec<u8>, x: f64) {
    // As `text::fixed(x, 1)`: scaled, rounded half away from zero, never "-0".
    let Some(tenths) = round_half_away(x * 10.0) else {
        out.extend_from_slice(crate::text::fixed(x, 1).as_bytes());
        return;
    };
    if tenths < 0 {
        out.push(b'-');
    }
    let tenths = tenths.unsigned_abs();
    write_count(out, tenths / 10);
    if !tenths.is_multiple_of(10) {
        out.push(b'.');
        out.push(b'0' + (tenths % 10) as u8);
    }
}

/// `x.round()` as a whole number, for |x| < 10^15 (`None` beyond, and for NaN): the
/// same figure without a call to the maths library, which most of the time rounding
/// took. Exact: below 2^52 an f64's whole part and fraction are both exact.
fn round_half_away(x: f64) -> Option<i64> {
    if x.is_nan() || x.abs() >= 1e15 {
        return None;
    }
    let whole = x as i64; // toward zero
    let fraction = x - whole as f64;
    let rounded = if fraction >= 0.5 {
        whole + 1
    } else if fraction <= -0.5 {
        whole - 1
    } else {
        whole
    };
    (rounded.unsigned_abs() < 1_000_000_000_000_000).then_some(rounded)
}

/// A whole number, appended as decimal digits (by `itoa`, which needs no formatter).
pub fn write_count(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// One row of `careerfit score`: a respondent's result, or why the row was refused.
#[derive(Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "careerfit score row (careerfit/score-row/v1)")]
pub enum ScoreRow {
    Scored(ScoredRow),
    Refused(RefusedRow),
}

/// A scored respondent.
#[derive(Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoredRow {
    /// The row's id: its id cell or field, a form's email, or else its line.
    pub id: RowId,
    #[schemars(extend("const" = SCHEMA))]
    pub schema: String,
    /// `low` when a warning makes the result doubtful.
    pub confidence: trust::Confidence,
    /// The quiz's answer to its question: yes, maybe, probably_not or unclear;
    /// absent when the quiz defines no verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<crate::verdict::Answer>,
    /// The ids of the best pathway and of those effectively tied with it.
    pub best: Vec<String>,
    /// Every trait of the quiz, in quiz order.
    pub traits: Vec<RowTrait>,
    /// Every pathway, best first.
    pub profiles: Vec<RowProfile>,
    /// The codes of the result's warnings (the whole result, `--full`, has their
    /// words): straight_lining, acquiescence, many_skipped, skipped, nothing_answered,
    /// not_assessed, not_scored, thin_fit, thin_best_fit.
    pub warnings: Vec<String>,
}

/// A row that could not be scored; it keeps its place in the output.
#[derive(Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RefusedRow {
    pub id: RowId,
    #[schemars(extend("const" = SCHEMA))]
    pub schema: String,
    /// What is wrong with the row, as stderr says it.
    pub error: String,
}

/// Text, or a number (a row's line, when it has no id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RowId {
    Number(serde_json::Number),
    Text(String),
}

#[derive(Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowTrait {
    pub id: String,
    /// 0 to 100, one decimal; null when no question of the trait was answered.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub score: Option<f64>,
    /// How many of the trait's questions were answered.
    pub answered: usize,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowProfile {
    pub id: String,
    /// 0 to 100, one decimal; null when none of its traits was assessed.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub fit: Option<f64>,
    /// The band's label, as the quiz names it.
    pub band: Option<String>,
    /// Traits below what the pathway asks for, by id.
    pub growth_areas: Vec<String>,
    /// Traits the pathway requires and the person does not reach, by id (only when
    /// there are any): such a pathway is ranked after those within reach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmet_requirements: Vec<String>,
}

/// The JSON Schema of `score` rows, pretty-printed (`careerfit schema score-row`).
pub fn schema() -> String {
    let schema = schemars::schema_for!(ScoreRow);
    crate::json::to_string_pretty(&schema).expect("a schema serialises")
}

/// Builds compact rows from pieces serialised once per quiz.
pub struct CompactWriter {
    /// Per trait: `{"id":"ID","score":`
    traits: Vec<Vec<u8>>,
    /// Per trait: its id as a JSON string.
    trait_ids: Vec<Vec<u8>>,
    /// Per profile: `{"id":"ID","fit":`
    profiles: Vec<Vec<u8>>,
    /// Per band: its label as a JSON string.
    bands: Vec<Vec<u8>>,
    /// Per profile: its id as a JSON string.
    profile_ids: Vec<Vec<u8>>,
}

fn number(out: &mut Vec<u8>, x: Option<f64>) {
    match x {
        Some(x) => write_figure(out, x),
        None => out.extend_from_slice(b"null"),
    }
}

impl CompactWriter {
    pub fn new(quiz: &Quiz) -> Self {
        let head = |id: &str, next: &str| {
            let mut out = b"{\"id\":".to_vec();
            out.extend(json(id));
            out.extend_from_slice(format!(",\"{next}\":").as_bytes());
            out
        };
        CompactWriter {
            traits: quiz.traits.iter().map(|t| head(&t.id, "score")).collect(),
            trait_ids: quiz.traits.iter().map(|t| json(&t.id)).collect(),
            profiles: quiz.profiles.iter().map(|p| head(&p.id, "fit")).collect(),
            bands: quiz.bands.iter().map(|b| json(&b.label)).collect(),
            profile_ids: quiz.profiles.iter().map(|p| json(&p.id)).collect(),
        }
    }

    /// Append the row after its `{"id":ID`: the rest of a scored row.
    pub fn scored(
        &self,
        quiz: &Quiz,
        scores: &Scores,
        warnings: &[impl Coded],
        judged: Judged,
        out: &mut Vec<u8>,
    ) {
        out.extend_from_slice(b",\"schema\":\"");
        out.extend_from_slice(SCHEMA.as_bytes());
        out.extend_from_slice(match judged.confidence {
            trust::Confidence::Ok => b"\",\"confidence\":\"ok\"",
            trust::Confidence::Low => b"\",\"confidence\":\"low\"",
        });
        if let Some(answer) = judged.answer {
            out.extend_from_slice(b",\"verdict\":\"");
            out.extend_from_slice(answer.as_str().as_bytes());
            out.push(b'"');
        }
        out.extend_from_slice(b",\"best\":");
        let tied = crate::scoring::tied(quiz, &scores.profiles);
        out.push(b'[');
        for (n, fit) in scores.profiles[..tied].iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.profile_ids[fit.profile]);
        }
        out.extend_from_slice(b"],\"traits\":[");
        for (t, score) in scores.traits.iter().enumerate() {
            if t > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.traits[t]);
            number(out, score.score);
            out.extend_from_slice(b",\"answered\":");
            write_count(out, score.answered as u64);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"profiles\":[");
        for (n, fit) in scores.profiles.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.profiles[fit.profile]);
            number(out, fit.fit);
            json_parts::band(out, &self.bands, fit.band);
            out.extend_from_slice(b",\"growth_areas\":");
            json_parts::list(out, &self.trait_ids, &fit.growth_areas);
            if !fit.unmet.is_empty() {
                out.extend_from_slice(b",\"unmet_requirements\":");
                json_parts::list(out, &self.trait_ids, &fit.unmet);
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"warnings\":[");
        for (i, warning) in warnings.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            // Codes are words and underscores, with nothing to escape.
            let code = warning.code();
            if code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                out.push(b'"');
                out.extend_from_slice(code.as_bytes());
                out.push(b'"');
            } else {
                crate::json::to_writer(&mut *out, code).expect("a code serialises");
            }
        }
        out.extend_from_slice(b"]}");
    }

    /// Append the row after its `{"id":ID`: the rest of a refused row.
    pub fn refused(&self, error: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(b",\"schema\":\"");
        out.extend_from_slice(SCHEMA.as_bytes());
        out.extend_from_slice(b"\",\"error\":");
        crate::json::to_writer(&mut *out, error).expect("text serialises");
        out.push(b'}');
    }
}

/// A row as the serde types, from scores already judged and capped: the obvious way,
/// for the writer's test to compare with and for the benchmark that weighs the
/// writer against serde (`benches/score.rs stages`). Figures rounded as numbers to
/// one decimal, half away from zero: the value `figure` writes.
#[cfg(any(test, feature = "sample"))]
impl ScoredRow {
    pub fn assemble(
        quiz: &Quiz,
        id: RowId,
        scores: &Scores,
        warnings: Vec<String>,
        confidence: trust::Confidence,
        verdict: Option<crate::verdict::Answer>,
    ) -> ScoredRow {
        let round = |x: Option<f64>| x.map(|x| (x * 10.0).round() / 10.0);
        let ids = |traits: &[usize]| traits.iter().map(|t| quiz.traits[*t].id.clone()).collect();
        let tied = crate::scoring::tied(quiz, &scores.profiles);
        ScoredRow {
            id,
            schema: SCHEMA.to_string(),
            confidence,
            verdict,
            best: scores.profiles[..tied]
                .iter()
                .map(|f| quiz.profiles[f.profile].id.clone())
                .collect(),
            traits: quiz
                .traits
                .iter()
                .zip(&scores.traits)
                .map(|(t, s)| RowTrait {
                    id: t.id.clone(),
                    score: round(s.score),
                    answered: s.answered,
                })
                .collect(),
            profiles: scores
                .profiles
                .iter()
                .map(|fit| RowProfile {
                    id: quiz.profiles[fit.profile].id.clone(),
                    fit: round(fit.fit),
                    band: fit.band.map(|b| quiz.bands[b].label.clone()),
                    growth_areas: ids(&fit.growth_areas),
                    unmet_requirements: ids(&fit.unmet),
                })
                .collect(),
            warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::sample::{self, Rng};
    use crate::{quiz, scoring};

    /// The same row built the slow, obvious way: what the writer must equal.
    pub fn build(quiz: &Quiz, id: RowId, answers: &Answers, scores: &Scores) -> ScoredRow {
        let warnings = trust::warnings(quiz, answers, scores);
        let confidence = trust::confidence(&warnings);
        let low = confidence == trust::Confidence::Low;
        let answer = crate::verdict::answer(quiz, scores, low);
        let floor = crate::verdict::band_floor(quiz, low, answer);
        let mut scores = scores.clone();
        for fit in &mut scores.profiles {
            fit.band = fit.band.map(|b| floor.map_or(b, |f| b.max(f)));
        }
        let scores = &scores;
        let codes = warnings.into_iter().map(|w| w.code).collect();
        ScoredRow::assemble(quiz, id, scores, codes, confidence, answer)
    }

    #[test]
    fn figures_have_one_decimal_rounded_half_away_from_zero() {
        assert_eq!(figure(41.666666666666664), "41.7");
        assert_eq!(figure(62.25), "62.3");
        assert_eq!(figure(12.5), "12.5");
        assert_eq!(figure(40.0), "40");
        assert_eq!(figure(99.96), "100");
        assert_eq!(figure(0.0), "0");
        assert_eq!(figure(-0.01), "0");
        assert_eq!(figure(-12.25), "-12.3");
        assert_eq!(figure(100.0), "100");
        assert_eq!(figure(0.05), "0.1");
        assert_eq!(figure(-0.05), "-0.1");
        assert_eq!(figure(1e300), crate::text::fixed(1e300, 1));
        assert_eq!(figure(f64::NAN), crate::text::fixed(f64::NAN, 1));
    }

    /// Rounding without the maths library rounds as `f64::round` does, at the
    /// halves and just beside them.
    #[test]
    fn rounding_agrees_with_round() {
        let mut values = vec![0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994];
        for k in -2000..2000 {
            let half = f64::from(k) + 0.5;
            values.extend([half, half.next_up(), half.next_down(), f64::from(k) / 7.0]);
        }
        values.extend([
            999_999_999_999_998.5,
            999_999_999_999_999.0,
            -999_999_999_999_999.0,
        ]);
        for x in values {
            assert_eq!(round_half_away(x), Some(x.round() as i64), "{x}");
        }
        assert_eq!(round_half_away(1e15), None);
        assert_eq!(round_half_away(999_999_999_999_999.5), None);
        assert_eq!(round_half_away(f64::NAN), None);
        assert_eq!(round_half_away(f64::INFINITY), None);
    }

    /// The same text as `text::fixed(x, 1)` less a trailing ".0", for many values.
    #[test]
    fn figures_agree_with_fixed() {
        let mut x = -3.0;
        while x < 1000.0 {
            let fixed = crate::text::fixed(x, 1);
            let expected = fixed.strip_suffix(".0").unwrap_or(&fixed);
            assert_eq!(figure(x), expected, "{x}");
            x += 0.0137;
        }
    }

    /// Every row the writer makes equals the row built field by field, and reads back
    /// as the schema's type.
    #[test]
    fn rows_equal_the_row_built_by_hand() {
        for (name, text) in [
            ("him", quiz::builtin::find("him-career-fit").unwrap()),
            ("small", include_str!("../../tests/fixtures/small.yaml")),
        ] {
            let quiz = quiz::load(name, text).unwrap().0;
            let writer = CompactWriter::new(&quiz);
            let mut rng = Rng::new(5);
            for n in 0..300u64 {
                let answers = sample::checked_answers(&quiz, &mut rng);
                let scores = scoring::score(&quiz, &answers);
                let findings = trust::findings(&quiz, &answers, &scores);
                // As `score` does: judged once, the bands capped to match.
                let mut capped = scores.clone();
                let judged = Judged::of(&quiz, &findings, &mut capped);
                let mut line = format!("{{\"id\":{n}").into_bytes();
                writer.scored(&quiz, &capped, &findings, judged, &mut line);
                // Read back strictly (no field unknown, none missing), it is the row
                // built by hand.
                let fast: ScoredRow = serde_json::from_slice(&line).unwrap();
                let slow = build(&quiz, RowId::Number(n.into()), &answers, &scores);
                assert_eq!(fast, slow);
            }
        }
    }
}
