//! The second reading of a quiz whose shape is wrong (an unknown key, a wrong type, a
//! missing field). serde stops at the first such fault; this reads the document as a
//! YAML value and deserialises every field and list item on its own, so that all
//! faults of shape are reported in one run, and what did parse can still be checked
//! for meaning.

use super::file::{
    BandFile, OrderedMap, PairFile, ProfileFile, QuestionFile, QuizFile, ScaleFile, SourceFile,
    TraitFile,
};
use crate::diagnostic::suggest;
use crate::diagnostic::{Problem, field, key, plain_words};
use serde::de::DeserializeOwned;
use serde_yaml::Value;

const KEYS: [&str; 13] = [
    "id",
    "title",
    "version",
    "description",
    "sources",
    "scales",
    "traits",
    "questions",
    "profiles",
    "bands",
    "tie_margin",
    "verdict",
    "pairs",
];
const REQUIRED: [&str; 6] = ["id", "title", "version", "traits", "questions", "profiles"];

/// What could be read of a quiz with faults of shape.
pub struct Salvage {
    /// The parts that deserialised; a missing or broken id, title or version is a
    /// placeholder, so that it is not reported a second time as empty.
    pub quiz: QuizFile,
    pub problems: Vec<Problem>,
    /// For each list with broken items left out (`questions`), the index in the file
    /// of each item kept: a later problem is told at the item's own index.
    pub kept: Vec<(String, Vec<usize>)>,
}

/// A field path of the salvaged quiz (`questions[10].trait`) as a path of the file
/// (`questions[11].trait`, when an item before it was left out); `kept` is
/// `Salvage::kept`.
pub fn in_file(kept: &[(String, Vec<usize>)], path: &str) -> Option<String> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let (_, indexes) = kept.iter().find(|(name, _)| name == list)?;
    let index = indexes.get(index.parse::<usize>().ok()?)?;
    Some(format!("{list}[{index}]{rest}"))
}

/// Read every field and list item of `document` separately. `None` when the document
/// is not a mapping at all (serde's own message says so best).
pub fn salvage(file: &str, document: Value) -> Option<Salvage> {
    let Value::Mapping(top) = document else {
        return None;
    };
    let mut reader = Reader {
        file,
        problems: Vec::new(),
        kept: Vec::new(),
    };
    let mut quiz = QuizFile {
        id: "broken".to_string(),
        title: "broken".to_string(),
        version: "broken".to_string(),
        description: None,
        sources: Vec::new(),
        scales: OrderedMap::default(),
        traits: Vec::new(),
        questions: Vec::new(),
        profiles: Vec::new(),
        bands: None,
        tie_margin: None,
        verdict: None,
        pairs: Vec::new(),
    };
    for key in REQUIRED {
        if !top.contains_key(key) {
            reader.error("", format!("missing field `{key}`"));
        }
    }
    for (key, value) in top {
        let Some(key) = key.as_str().map(str::to_string) else {
            reader.error("", "every key of a quiz must be text");
            continue;
        };
        match key.as_str() {
            "id" => quiz.id = reader.value(&key, value).unwrap_or(quiz.id),
            "title" => quiz.title = reader.value(&key, value).unwrap_or(quiz.title),
            "version" => quiz.version = reader.value(&key, value).unwrap_or(quiz.version),
            "description" => quiz.description = reader.value(&key, value).flatten(),
            "sources" => quiz.sources = reader.items::<SourceFile>(&key, value),
            "scales" => quiz.scales = reader.scales(value),
            "traits" => quiz.traits = reader.traits(value),
            "questions" => quiz.questions = reader.items::<QuestionFile>(&key, value),
            "profiles" => quiz.profiles = reader.items::<ProfileFile>(&key, value),
            "bands" => quiz.bands = Some(reader.items::<BandFile>(&key, value)),
            "tie_margin" => quiz.tie_margin = reader.value(&key, value).flatten(),
            "verdict" => quiz.verdict = reader.value(&key, value).flatten(),
            "pairs" => quiz.pairs = reader.items::<PairFile>(&key, value),
            _ => {
                let message = format!(
                    "unknown field `{key}`, expected one of {}",
                    KEYS.map(|k| format!("`{k}`")).join(", ")
                );
                let mut problem = Problem::error(file, self::key(&key), message);
                problem.hint = suggest(&key, &KEYS);
                reader.problems.push(problem);
            }
        }
    }
    Some(Salvage {
        quiz,
        problems: reader.problems,
        kept: reader.kept,
    })
}

struct Reader<'a> {
    file: &'a str,
    problems: Vec<Problem>,
    kept: Vec<(String, Vec<usize>)>,
}

impl Reader<'_> {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::error(self.file, field(path), message));
    }

    /// Deserialise one value; a fault is reported at the exact field inside it.
    fn value<T: DeserializeOwned>(&mut self, path: &str, value: Value) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(parsed) => Some(parsed),
            Err(err) => {
                let inner = err.path().to_string();
                let full = match inner.as_str() {
                    "." => path.to_string(),
                    _ if path.is_empty() => inner,
                    _ if inner.starts_with('[') => format!("{path}{inner}"),
                    _ => format!("{path}.{inner}"),
                };
                let message = plain_words(&err.inner().to_string());
                let place = match message.starts_with("unknown field") {
                    true => key(full),
                    false => field(full),
                };
                self.problems
                    .push(Problem::error(self.file, place, message));
                None
            }
        }
    }

    /// A list whose items are read one by one; broken items are left out.
    fn items<T: DeserializeOwned>(&mut self, path: &str, value: Value) -> Vec<T> {
        match value {
            Value::Sequence(items) => {
                let mut kept = Vec::new();
                let read = items
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        let read = self.value(&format!("{path}[{i}]"), item)?;
                        kept.push(i);
                        Some(read)
                    })
                    .collect();
                self.kept.push((path.to_string(), kept));
                read
            }
            other => {
                self.value::<Vec<T>>(path, other);
                Vec::new()
            }
        }
    }

    /// Traits are referred to by id: a broken trait keeps its id when it has one, so
    /// that questions naming it are not reported as naming an unknown trait.
    fn traits(&mut self, value: Value) -> Vec<TraitFile> {
        let Value::Sequence(items) = value else {
            return self.items("traits", value);
        };
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let id = item.get("id").and_then(Value::as_str).map(str::to_string);
                self.value(&format!("traits[{i}]"), item).or_else(|| {
                    id.map(|id| TraitFile {
                        id,
                        name: "broken".to_string(),
                        description: None,
                    })
                })
            })
            .collect()
    }

    fn scales(&mut self, value: Value) -> OrderedMap<ScaleFile> {
        let Value::Mapping(scales) = value else {
            self.value::<OrderedMap<ScaleFile>>("scales", value);
            return OrderedMap::default();
        };
        OrderedMap(
            scales
                .into_iter()
                .filter_map(|(name, scale)| {
                    let name = name.as_str()?.to_string();
                    let scale = self.value(&format!("scales.{name}"), scale)?;
                    Some((name, scale))
                })
                .collect(),
        )
    }
}
