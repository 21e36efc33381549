//! The translation file format as it is written in YAML (`NAME.LANG.yaml` beside the
//! quiz; see quizzes/README.md): serde types, checked for shape only. The JSON Schema
//! of translation files (`careerfit schema translation`) is derived from them.

use crate::quiz::file::OrderedMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "careerfit quiz translation",
    description = "A careerfit quiz's texts in another language, keyed by the quiz's ids; \
                   each entry records the English it was translated from. Check one with \
                   `careerfit validate QUIZ.yaml`."
)]
pub struct TranslationFile {
    /// The id of the quiz translated.
    #[schemars(pattern(r"^[a-z0-9-]+$"))]
    pub translation_of: String,
    /// The language: a BCP 47 tag (`es`, `es-US`), the same as the file name's.
    #[schemars(pattern(r"^[a-z]{2}(-[A-Z]{2})?$"))]
    pub lang: String,
    /// The language's own name (`Español`), for a language switch.
    pub language: String,
    /// The quiz version last checked against (for people; `validate` compares the
    /// English of each entry instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Entry>,
    /// Scale name -> its labels, in order.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub scales: OrderedMap<Vec<Entry>>,
    /// Trait id -> its texts.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub traits: OrderedMap<TraitTexts>,
    /// Question id -> its texts.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub questions: OrderedMap<QuestionTexts>,
    /// Profile (pathway) id -> its texts.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub profiles: OrderedMap<ProfileTexts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<VerdictTexts>,
    /// The bands, in the quiz's order (highest `min` first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<BandTexts>,
}

/// One text: the English it was translated from, and the translation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The quiz's English, as it was when translated: when the quiz's text changes,
    /// `validate` reports the entry as stale.
    pub en: String,
    /// The translation. Every `{placeholder}` of the English must be in it.
    pub text: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TraitTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Entry>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Entry>,
    /// Option id -> its label (choice, multi and forced-choice questions).
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub options: OrderedMap<Entry>,
    /// The question's own labels, for a question that has them (a scale question's
    /// labels are its scale's, under `scales`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Entry>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Entry>,
    /// In the quiz's order. Official English names stay, with a translated explanation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub job_titles: Vec<Entry>,
    /// Each occupation's `title`, in the quiz's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<CertificationTexts>,
    /// Each need's `what`, in the quiz's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<Entry>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Entry>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elsewhere: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub still_offers: Option<Entry>,
    /// The dealbreaker's trait id -> its texts.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub dealbreakers: OrderedMap<DealbreakerTexts>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DealbreakerTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<Entry>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BandTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Entry>,
}

/// Every entry of a file with its field path (`questions.q-yes.text`,
/// `scales.five[2]`), in file order.
pub fn entries(file: &TranslationFile) -> Vec<(String, &Entry)> {
    let mut found = Vec::new();
    fn one<'a>(path: String, entry: &'a Option<Entry>, found: &mut Vec<(String, &'a Entry)>) {
        if let Some(entry) = entry {
            found.push((path, entry));
        }
    }
    fn list<'a>(path: &str, entries: &'a [Entry], found: &mut Vec<(String, &'a Entry)>) {
        for (i, entry) in entries.iter().enumerate() {
            found.push((format!("{path}[{i}]"), entry));
        }
    }
    one("title".into(), &file.title, &mut found);
    one("description".into(), &file.description, &mut found);
    for (name, labels) in &file.scales.0 {
        list(&format!("scales.{name}"), labels, &mut found);
    }
    for (id, t) in &file.traits.0 {
        one(format!("traits.{id}.name"), &t.name, &mut found);
        one(
            format!("traits.{id}.description"),
            &t.description,
            &mut found,
        );
    }
    for (id, q) in &file.questions.0 {
        one(format!("questions.{id}.text"), &q.text, &mut found);
        for (option, entry) in &q.options.0 {
            found.push((format!("questions.{id}.options.{option}"), entry));
        }
        list(&format!("questions.{id}.labels"), &q.labels, &mut found);
    }
    for (id, p) in &file.profiles.0 {
        let path = format!("profiles.{id}");
        one(format!("{path}.title"), &p.title, &mut found);
        one(format!("{path}.summary"), &p.summary, &mut found);
        one(format!("{path}.education"), &p.education, &mut found);
        list(&format!("{path}.job_titles"), &p.job_titles, &mut found);
        list(&format!("{path}.occupations"), &p.occupations, &mut found);
        for (i, c) in p.certifications.iter().enumerate() {
            one(
                format!("{path}.certifications[{i}].name"),
                &c.name,
                &mut found,
            );
            one(
                format!("{path}.certifications[{i}].detail"),
                &c.detail,
                &mut found,
            );
        }
        list(&format!("{path}.needs"), &p.needs, &mut found);
        list(&format!("{path}.next_steps"), &p.next_steps, &mut found);
    }
    if let Some(v) = &file.verdict {
        one("verdict.elsewhere".into(), &v.elsewhere, &mut found);
        one("verdict.still_offers".into(), &v.still_offers, &mut found);
        for (id, d) in &v.dealbreakers.0 {
            one(
                format!("verdict.dealbreakers.{id}.reason"),
                &d.reason,
                &mut found,
            );
            one(
                format!("verdict.dealbreakers.{id}.instead"),
                &d.instead,
                &mut found,
            );
        }
    }
    for (i, b) in file.bands.iter().enumerate() {
        one(format!("bands[{i}].label"), &b.label, &mut found);
        one(format!("bands[{i}].message"), &b.message, &mut found);
    }
    found
}
