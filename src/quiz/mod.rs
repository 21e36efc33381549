//! The quiz model: traits, questions, pathway profiles and bands, checked and ready to score.

pub mod builtin;
pub mod catalog;
pub mod file;
mod pathway;
mod shown;
pub use pathway::UnknownPathway;
pub use shown::shown_options;
mod salvage;
mod sourced;
pub mod translation;
mod validate;

pub use sourced::is_onet_soc_code;
pub use validate::{MAX_WEIGHT, MIN_WEIGHT, load, load_path};

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub id: String,
    /// The language of its texts: `en` as loaded, another when a translation is
    /// applied (`translation::Translation::apply`).
    pub lang: String,
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub traits: Vec<Trait>,
    pub questions: Vec<Question>,
    pub profiles: Vec<Profile>,
    /// Highest `min` first.
    pub bands: Vec<Band>,
    /// Pathways within this many fit points of the best are tied with it.
    pub tie_margin: f64,
    /// How the quiz answers its own question; `None` when it defines no verdict.
    pub verdict: Option<VerdictRule>,
    /// Statements that say the same or opposite things, by question index.
    pub pairs: Vec<Pair>,
}

/// The default of `tie_margin`: fits 5 points apart are within the noise of one
/// answer moved a step or two.
pub const DEFAULT_TIE_MARGIN: f64 = 5.0;

/// How a quiz answers its own question ("is this field for me?").
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictRule {
    /// (trait index, weight) of the field-wide fit, weights > 0 only.
    pub weights: Vec<(usize, f64)>,
    /// The field-wide fit from which the answer is yes, and from which it is maybe.
    pub yes: f64,
    pub maybe: f64,
    pub dealbreakers: Vec<Dealbreaker>,
    /// What a `probably_not` points to instead, in general terms.
    pub elsewhere: String,
    /// What the field still offers a person it is probably not for.
    pub still_offers: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dealbreaker {
    /// Index into `Quiz::traits`.
    pub trait_index: usize,
    pub below: f64,
    pub reason: String,
    pub instead: String,
}

/// The fewest answered near pairs the consistency check (`trust/`) reads; `validate`
/// warns about a quiz that declares fewer.
pub const MIN_PAIRS: usize = 5;

/// Two questions (indexes into `Quiz::questions`) that say the same or opposite things.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub questions: [usize; 2],
    pub opposite: bool,
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
    /// Indexes into `Quiz::traits`: the trait it measures, or, for a question whose
    /// options carry `scores`, every trait any option names (in order of first mention).
    pub traits: Vec<usize>,
    pub weight: f64,
    pub required: bool,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Scale {
        labels: Vec<String>,
        reverse: bool,
        /// The named scale its labels are (the quiz's first when the question names
        /// none): a translation translates a scale once, for all its questions.
        /// `None` for the built-in scale of a quiz that declares none.
        scale: Option<String>,
    },
    YesNo {
        reverse: bool,
    },
    Choice {
        options: Vec<AnswerOption>,
    },
    Multi {
        options: Vec<AnswerOption>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
    /// What choosing it is worth, 0 to 1, to each of the question's `traits` in turn.
    pub scores: Vec<f64>,
}

impl Question {
    /// Whether the question counts toward trait `t`.
    pub fn measures(&self, t: usize) -> bool {
        self.traits.contains(&t)
    }

    /// True when the question scores several traits (a forced choice).
    pub fn is_forced_choice(&self) -> bool {
        self.traits.len() > 1
    }
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
    /// Answers the pathway needs: answered otherwise, it is out of reach for now.
    pub needs: Vec<Need>,
    pub job_titles: Vec<String>,
    pub occupations: Vec<Occupation>,
    pub certifications: Vec<Certification>,
    pub next_steps: Vec<String>,
}

/// An answer a pathway needs: question `question` answered with one of `options`.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub question: usize,
    /// Option indexes that meet the need.
    pub options: Vec<usize>,
    /// What is needed, in words.
    pub what: String,
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
    crate::json::to_string_pretty(&schema).expect("a schema serialises")
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
