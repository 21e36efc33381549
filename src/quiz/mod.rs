//! The quiz model: traits, questions, pathway profiles and bands, checked and ready to score.

pub mod builtin;
pub mod catalog;
pub mod file;
mod salvage;
mod sourced;
mod validate;

pub use crate::diagnostic::suggest;
pub use crate::input::{LoadError, MAX_FILE_BYTES, open, read_stream, read_text};
pub use sourced::is_onet_soc_code;
pub use validate::{MAX_WEIGHT, MIN_WEIGHT, load, load_path};

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub id: String,
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub traits: Vec<Trait>,
    pub questions: Vec<Question>,
    pub profiles: Vec<Profile>,
    /// Highest `min` first.
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// What occupations cite it by; optional for sources nothing cites.
    pub id: Option<String>,
    pub title: String,
    pub url: Option<String>,
    /// When its facts were read or are dated: `2025` or `2025-05`.
    pub as_of: Option<String>,
    pub note: Option<String>,
}

/// An occupation a pathway leads to, by its O*NET-SOC code, with dated figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    /// An O*NET-SOC code such as `29-2072.00`.
    pub code: String,
    pub title: String,
    /// Index into `Quiz::sources`: where the code and figures come from.
    pub source: usize,
    /// Median annual pay in US dollars, and the year it is for.
    pub median_pay: Option<(f64, u16)>,
    /// Projected employment growth in percent, and the period it is for (`2024-34`).
    pub growth: Option<(f64, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trait {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// Index into `Quiz::traits`.
    pub trait_index: usize,
    pub weight: f64,
    pub required: bool,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Scale { labels: Vec<String>, reverse: bool },
    YesNo { reverse: bool },
    Choice { options: Vec<AnswerOption> },
    Multi { options: Vec<AnswerOption> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub education: Option<String>,
    /// (trait index, weight), weights > 0 only, in file order.
    pub weights: Vec<(usize, f64)>,
    /// (trait index, minimum score): below it the trait is a growth area.
    pub minimums: Vec<(usize, f64)>,
    /// (trait index, score needed): below it the pathway is out of reach for now.
    pub requires: Vec<(usize, f64)>,
    pub job_titles: Vec<String>,
    pub occupations: Vec<Occupation>,
    pub certifications: Vec<Certification>,
    pub next_steps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Certification {
    pub name: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub min: f64,
    pub label: String,
    pub message: Option<String>,
}

/// The 5-point scale used by scale questions when a quiz declares none.
pub const DEFAULT_SCALE: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Not sure",
    "Agree",
    "Strongly agree",
];

/// The JSON Schema of quiz files, pretty-printed (`careerfit schema quiz`); it is
/// derived from the types the loader reads, so it cannot drift from them.
pub fn schema() -> String {
    let schema = schemars::schema_for!(file::QuizFile);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}

pub fn default_bands() -> Vec<Band> {
    let band = |min: f64, label: &str, message: &str| Band {
        min,
        label: label.to_string(),
        message: Some(message.to_string()),
    };
    vec![
        band(
            75.0,
            "Strong fit",
            "Your answers match this pathway closely.",
        ),
        band(50.0, "Good fit", "Your answers match much of this pathway."),
        band(
            25.0,
            "Possible fit",
            "Some of your answers match this pathway.",
        ),
        band(0.0, "Low fit", "Few of your answers match this pathway."),
    ]
}

impl Quiz {
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}
