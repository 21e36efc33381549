//! The quiz file format as it is written in YAML: serde types, checked for shape only.
//!
//! `validate.rs` turns a `QuizFile` into a checked `Quiz`; nothing else reads these types.
//! The JSON Schema for quiz files (`careerfit schema quiz`) is derived from them too, so
//! the schema and the loader cannot drift apart; the `///` comments are what an editor
//! shows when it completes a key.

use schemars::JsonSchema;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "careerfit quiz",
    description = "A careerfit quiz: traits, the questions that measure them, and the \
                   pathways (profiles) that weigh them. Check one with `careerfit validate`."
)]
pub struct QuizFile {
    /// The quiz's id: lowercase letters, digits and '-'. Answers files name it.
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: String,
    /// The title shown above the questions and the result.
    pub title: String,
    /// The quiz's version, as text (quote it: "1.0"). Results record it.
    pub version: String,
    /// What the quiz is for, shown before the first question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the facts in this file come from; every fact a pathway states should
    /// trace to one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceFile>,
    /// Named answer scales. Scale questions without `scale` use the first one
    /// declared, or a built-in 5-point agreement scale.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub scales: OrderedMap<ScaleFile>,
    /// What the questions measure. Each needs a question and a profile that weighs it.
    #[schemars(length(min = 1))]
    pub traits: Vec<TraitFile>,
    /// The questions, in the order they are asked.
    #[schemars(length(min = 1))]
    pub questions: Vec<QuestionFile>,
    /// The pathways a person is compared with.
    #[schemars(length(min = 1))]
    pub profiles: Vec<ProfileFile>,
    /// Fit bands, each from its `min` up to the next; one must start at 0.
    /// Default: 75 Strong fit, 50 Good fit, 25 Possible fit, 0 Low fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub bands: Option<Vec<BandFile>>,
    /// Pathways whose fit is within this many points of the best are told as tied
    /// with it (`best` in a result); default 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 100.0))]
    pub tie_margin: Option<f64>,
    /// How the quiz answers its own question (yes, maybe, probably not, unclear).
    /// Without it, results carry no verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<VerdictFile>,
    /// Pairs of statements that say the same thing, or opposite things: answers
    /// that contradict several of them are flagged as careless.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<PairFile>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// How a quiz answers its own question from the trait scores.
pub struct VerdictFile {
    /// Trait id -> how much the trait counts in the field-wide fit (0 or more).
    #[schemars(with = "std::collections::BTreeMap<String, NonNegative>")]
    pub weights: OrderedMap<f64>,
    /// The field-wide fit (0 to 100) from which the answer is `yes`.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub yes: f64,
    /// The field-wide fit (0 to 100) from which the answer is `maybe`; below it,
    /// `probably_not`.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub maybe: f64,
    /// Answers that make the field a poor match whatever the fit: a trait scored
    /// below a point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dealbreakers: Vec<DealbreakerFile>,
    /// What a `probably_not` points to instead, in general terms ("work that ...").
    pub elsewhere: String,
    /// What the field would still offer a person it is probably not for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub still_offers: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A trait score below which the field is probably not for the person.
pub struct DealbreakerFile {
    /// The trait's id.
    #[serde(rename = "trait")]
    pub trait_id: String,
    /// The score (0 to 100) below which it applies.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub below: f64,
    /// Why, in words addressed to the person.
    pub reason: String,
    /// What such answers point to instead, in general terms ("careers with
    /// hands-on patient care").
    pub instead: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
/// How the two statements of a pair relate.
pub enum PairRelation {
    /// They say the same thing: a careful person answers both alike.
    Same,
    /// They say opposite things: a careful person agrees with at most one.
    Opposite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
/// How close the two statements of a pair are.
pub enum PairCloseness {
    /// Near-identical, or exact opposites: a careful person's two answers agree (or
    /// mirror each other). Only such pairs count in the consistency check.
    #[default]
    Near,
    /// Related but not the same thing: a careful person may answer them apart. Kept
    /// for readers of the file; no check reads it.
    Related,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// Two scale or yes/no questions that say the same or opposite things.
pub struct PairFile {
    /// The two question ids.
    #[schemars(length(min = 2, max = 2))]
    pub questions: Vec<String>,
    /// `same` or `opposite`.
    pub relation: PairRelation,
    /// `near` (the default: near-identical or exact opposites) or `related`. Declare
    /// a pair `near` only when a careful person could not answer its two statements
    /// apart; merely related statements make careful people look careless.
    #[serde(default, skip_serializing_if = "is_near")]
    pub closeness: PairCloseness,
}

fn is_near(closeness: &PairCloseness) -> bool {
    *closeness == PairCloseness::Near
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A source of the facts in the quiz.
pub struct SourceFile {
    /// What occupations cite it by: letters, digits and '-'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub id: Option<String>,
    /// The source's title.
    pub title: String,
    /// Where a person can read it today: an http(s) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^https?://"))]
    pub url: Option<String>,
    /// When its facts were read or are dated: a year (`2025`) or a year and month
    /// (`2025-05`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{4}(-[0-9]{2})?$"))]
    pub as_of: Option<String>,
    /// Which facts it gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// An answer scale.
pub struct ScaleFile {
    /// 2 to 11 distinct labels, from the lowest answer to the highest.
    #[schemars(length(min = 2, max = 11))]
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A trait the quiz measures.
pub struct TraitFile {
    /// The trait's id, used by questions and profile weights.
    #[schemars(pattern(r"^[^\s,;]+$"))]
    pub id: String,
    /// The name shown in the result.
    pub name: String,
    /// What a high score means, as a phrase ("noticing small mistakes"); shown beside
    /// the trait when it is a growth area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
/// How a question is answered.
pub enum QuestionType {
    /// Pick a label of a scale (the default).
    #[default]
    Scale,
    /// Yes or no.
    YesNo,
    /// Pick one option.
    Choice,
    /// Pick any number of options.
    Multi,
}

impl QuestionType {
    pub fn name(self) -> &'static str {
        match self {
            QuestionType::Scale => "scale",
            QuestionType::YesNo => "yes_no",
            QuestionType::Choice => "choice",
            QuestionType::Multi => "multi",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A question about the person taking the quiz.
pub struct QuestionFile {
    /// The question's id, used in answers files.
    #[schemars(pattern(r"^[^\s,;]+$"))]
    pub id: String,
    /// The question as the person reads it (200 characters at most is best).
    pub text: String,
    /// The id of the trait this question measures. Left out only by a question whose
    /// options carry `scores`.
    #[serde(default, rename = "trait", skip_serializing_if = "Option::is_none")]
    pub trait_id: Option<String>,
    /// How it is answered; default `scale`.
    #[serde(default, rename = "type")]
    pub kind: QuestionType,
    /// Scale questions only: the name of a scale under `scales`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// How much the answer counts within its trait: a number above 0; default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub weight: Option<f64>,
    /// Scale and yes_no only: true when agreeing means less of the trait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverse: Option<bool>,
    /// True when the question cannot be skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Choice and multi only: 2 or more options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionFile>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// An option of a choice or multi question.
pub struct OptionFile {
    /// The option's id, used in answers files.
    #[schemars(pattern(r"^[^\s,;]+$"))]
    pub id: String,
    /// The option as the person reads it.
    pub label: String,
    /// What choosing it is worth to the question's trait, from 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub score: Option<f64>,
    /// Instead of `score`, in a question without `trait`: trait id -> what choosing
    /// it is worth to that trait, from 0 to 1. The question counts toward every trait
    /// any of its options names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<std::collections::BTreeMap<String, Share>>")]
    pub scores: Option<OrderedMap<f64>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A pathway a person is compared with.
pub struct ProfileFile {
    /// The pathway's id, used in results.
    #[schemars(pattern(r"^[^\s,;]+$"))]
    pub id: String,
    /// The pathway's name, shown in the result.
    pub title: String,
    /// What the work is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The education it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    /// Trait id -> how much the trait counts in this pathway's fit (0 or more; at
    /// least one above 0).
    #[schemars(with = "std::collections::BTreeMap<String, NonNegative>")]
    pub weights: OrderedMap<f64>,
    /// Trait id -> the score (0 to 100) below which the trait is a growth area.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, Percent>")]
    pub minimums: OrderedMap<f64>,
    /// Trait id -> the score (0 to 100) the pathway needs, such as the schooling it
    /// takes: below it, the pathway is ranked after every pathway whose needs are
    /// met, and the result says it is out of reach for now.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, Percent>")]
    pub requires: OrderedMap<f64>,
    /// Answers the pathway needs, such as the schooling it takes: answered with
    /// another option, the pathway is out of reach for now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<NeedFile>,
    /// Job titles on this pathway.
    #[serde(default)]
    pub job_titles: Vec<String>,
    /// The occupations this pathway leads to, by O*NET-SOC code, with dated figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<OccupationFile>,
    /// Certifications on this pathway.
    #[serde(default)]
    pub certifications: Vec<CertificationFile>,
    /// What to do next, in order.
    #[serde(default)]
    pub next_steps: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// An answer a pathway needs.
pub struct NeedFile {
    /// The id of a choice question.
    pub question: String,
    /// The ids of the options that meet the need.
    #[schemars(length(min = 1))]
    pub answers: Vec<String>,
    /// What the pathway needs, in words ("an associate's degree from a
    /// CAHIIM-accredited program").
    pub what: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// An occupation, as O*NET-SOC and the Bureau of Labor Statistics name it.
pub struct OccupationFile {
    /// The O*NET-SOC code, such as `29-2072.00`.
    #[schemars(pattern(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$"))]
    pub code: String,
    /// The occupation's title under that code.
    pub title: String,
    /// The id of the source (under `sources`) the code and figures come from.
    pub source: String,
    /// Median annual pay in US dollars; give `pay_year` with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub median_pay: Option<f64>,
    /// The year `median_pay` is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1990, max = 2100))]
    pub pay_year: Option<u16>,
    /// Projected growth of employment, in percent; give `growth_period` with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<f64>,
    /// The period `growth` is projected over, such as `2024-34`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_period: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A certification.
pub struct CertificationFile {
    /// Its name.
    pub name: String,
    /// Who awards it, how to earn and renew it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
/// A fit band.
pub struct BandFile {
    /// The lowest fit (0 to 100) in this band.
    #[schemars(range(min = 0.0, max = 100.0))]
    pub min: f64,
    /// The band's name, such as "Strong fit".
    pub label: String,
    /// What the band means for the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A profile weight: a number of 0 or more. Only its schema is used.
#[derive(JsonSchema)]
#[expect(dead_code, reason = "a schema, never a value")]
#[schemars(transparent)]
struct NonNegative(#[schemars(range(min = 0.0))] f64);

/// A share from 0 to 1. Only its schema is used.
#[derive(JsonSchema)]
#[expect(dead_code, reason = "a schema, never a value")]
#[schemars(transparent)]
struct Share(#[schemars(range(min = 0.0, max = 1.0))] f64);

/// A score from 0 to 100. Only its schema is used.
#[derive(JsonSchema)]
#[expect(dead_code, reason = "a schema, never a value")]
#[schemars(transparent)]
struct Percent(#[schemars(range(min = 0.0, max = 100.0))] f64);

/// A YAML mapping read in file order, duplicate keys kept, so that validation can
/// report a duplicate instead of the parser silently keeping the last one.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedMapVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for OrderedMapVisitor<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(OrderedMapVisitor(std::marker::PhantomData))
    }
}

impl<V: JsonSchema> JsonSchema for OrderedMap<V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<V>(),
        })
    }
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}
