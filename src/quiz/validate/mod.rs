//! Loading a quiz file and checking it: the one place where a quiz is parsed and judged.
//!
//! Every problem is collected, not just the first: a quiz author fixes them all in one go.

mod profiles;
mod questions;
mod verdict;

use super::file::{
    BandFile, NeedFile, OptionFile, OrderedMap, PairFile, ProfileFile, QuestionFile, QuestionType,
    QuizFile, ScaleFile, SourceFile, TraitFile, VerdictFile,
};
use super::salvage;
use super::{
    AnswerOption, Band, Certification, DEFAULT_SCALE, Profile, Question, QuestionKind, Quiz,
    Source, Trait, default_bands,
};
use crate::diagnostic::suggest;
use crate::diagnostic::{
    Place, Problem, check_nesting, field, from_yaml_error, has_content, key, locate,
};
use crate::input::{LoadError, read_text};
use std::collections::HashSet;
use std::path::Path;

/// The largest weight: a sum of a few thousand of them stays far from overflowing,
/// so a fit is never infinite or NaN.
pub const MAX_WEIGHT: f64 = 1_000_000.0;

/// The smallest weight above 0: far above where floating point loses precision, so
/// tiny equal weights score exactly as equal weights do.
pub const MIN_WEIGHT: f64 = 1e-6;

/// Why a positive weight cannot be used: too large to add up safely, or so small
/// that products of it lose precision.
fn weight_out_of_range(weight: f64) -> Option<String> {
    if weight > MAX_WEIGHT {
        Some(format!(
            "a weight may be at most {MAX_WEIGHT}, so that sums of weights cannot overflow"
        ))
    } else if weight > 0.0 && weight < MIN_WEIGHT {
        Some("a weight above 0 must be at least 0.000001, or precision is lost".to_string())
    } else {
        None
    }
}

/// A number as a person would write it: 1e308 rather than three hundred digits.
fn shown(x: f64) -> String {
    if x != 0.0 && !(1e-3..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// Question texts longer than this get a warning: a prompt should be read in one go.
const MAX_QUESTION_CHARS: usize = 200;

/// Read and check a quiz file. `Ok` carries the quiz and any warnings.
pub fn load_path(path: &Path) -> Result<(Quiz, Vec<Problem>), LoadError> {
    let text = read_text(path)?;
    load(&path.display().to_string(), &text).map_err(LoadError::Invalid)
}

/// Parse and check quiz text; `file` names it in messages.
pub fn load(file: &str, text: &str) -> Result<(Quiz, Vec<Problem>), Vec<Problem>> {
    if !has_content(text) {
        return Err(vec![Problem::error(
            file,
            Place::File,
            "the file is empty (or only comments); a quiz needs at least id, title, version, traits, questions and profiles",
        )]);
    }
    check_nesting(file, text)?;
    let (raw, problems, complete, salvaged) = match serde_yaml::from_str::<QuizFile>(text) {
        Ok(raw) => (raw, Vec::new(), true, None),
        // serde stops at the first fault of shape: read again, field by field, for
        // the others, and check what could be read.
        Err(err) => {
            let first = vec![from_yaml_error(file, &err, text)];
            let Ok(document) = serde_yaml::from_str(text) else {
                return Err(first);
            };
            match salvage::salvage(file, document) {
                Some(salvage) if !salvage.problems.is_empty() => {
                    (salvage.quiz, salvage.problems, false, Some(salvage.kept))
                }
                _ => return Err(first),
            }
        }
    };
    let mut checker = Checker {
        file,
        problems,
        complete,
        hints_left: std::cell::Cell::new(MAX_HINTS),
    };
    let told_by_salvage = checker.problems.len();
    let quiz = checker.quiz(raw);
    let mut problems = checker.problems;
    // The checker saw the salvaged lists, with broken items left out: its problems
    // are told at the items' own places in the file.
    if let Some(kept) = &salvaged {
        for problem in &mut problems[told_by_salvage..] {
            if let Some(path) = problem
                .field
                .as_deref()
                .and_then(|f| salvage::in_file(kept, f))
            {
                problem.field = Some(path);
            }
        }
    }
    locate(&mut problems, text);
    comma_hints(&mut problems, text);
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok((quiz, problems))
    }
}

/// "Did you mean" hints given in one file at most: each compares a name with every
/// known one, so thousands of misspelt names would otherwise take quadratic time.
const MAX_HINTS: usize = 20;

struct Checker<'a> {
    /// How many more "did you mean" hints may be worked out.
    hints_left: std::cell::Cell<usize>,
    file: &'a str,
    problems: Vec<Problem>,
    /// False when some parts of the file could not be read: checks that need the
    /// whole quiz (is every trait measured?) would then report false problems.
    complete: bool,
}

impl Checker<'_> {
    /// `diagnostic::suggest`, for the first `MAX_HINTS` unknown names of the file.
    fn suggest(&self, unknown: &str, known: &[&str]) -> Option<String> {
        let left = self.hints_left.get();
        if left == 0 {
            return None;
        }
        self.hints_left.set(left - 1);
        suggest(unknown, known)
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems
            .push(Problem::error(self.file, field(path), message));
    }

    fn error_with_hint(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let mut problem = Problem::error(self.file, field(path), message);
        problem.hint = hint;
        self.problems.push(problem);
    }

    /// A problem with a mapping key (a trait id in `weights`), placed at the key.
    fn key_error_with_hint(
        &mut self,
        path: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let mut problem = Problem::error(self.file, key(path), message);
        problem.hint = hint;
        self.problems.push(problem);
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems
            .push(Problem::warning(self.file, field(path), message));
    }

    fn non_empty(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(path, "must not be empty");
        }
    }

    /// Ids are matched exactly and appear in answers files, so they must be typeable.
    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.error(path, "the id must not be empty");
        } else if id
            .chars()
            .any(|c| c.is_whitespace() || c == ';' || c == ',')
        {
            self.error(
                path,
                format!("the id `{id}` contains a space, `,` or `;`; use letters, digits and '-'"),
            );
        }
    }

    fn unique<'s>(&mut self, seen: &mut HashSet<&'s str>, path: &str, what: &str, id: &'s str) {
        if !seen.insert(id) {
            self.error(path, format!("duplicate {what} id `{id}`"));
        }
    }

    /// No text of a quiz may hold a control character but newline and tab: YAML's
    /// escapes ("\e") could otherwise send terminal sequences to everyone who takes it.
    fn control_characters(&mut self, raw: &QuizFile) {
        fn walk(value: &serde_json::Value, path: String, found: &mut Vec<(String, char)>) {
            match value {
                serde_json::Value::String(text) => {
                    if let Some(c) = text.chars().find(|&c| crate::text::is_unsafe(c)) {
                        found.push((path, c));
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, format!("{path}[{i}]"), found);
                    }
                }
                serde_json::Value::Object(fields) => {
                    for (key, item) in fields {
                        if let Some(c) = key.chars().find(|&c| crate::text::is_unsafe(c)) {
                            found.push((path.clone(), c));
                        }
                        let path = if path.is_empty() {
                            key.clone()
                        } else {
                            format!("{path}.{key}")
                        };
                        walk(item, path, found);
                    }
                }
                _ => {}
            }
        }
        let Ok(value) = serde_json::to_value(raw) else {
            return;
        };
        let mut found = Vec::new();
        walk(&value, String::new(), &mut found);
        for (path, c) in found {
            self.error(
                path,
                format!(
                    "holds the control character {}; quiz text may hold no control \
                     character but newline and tab",
                    crate::text::escape_controls(&c.to_string())
                ),
            );
        }
    }

    fn quiz(&mut self, raw: QuizFile) -> Quiz {
        self.control_characters(&raw);
        let QuizFile {
            id,
            title,
            version,
            description,
            sources,
            scales,
            traits,
            questions,
            profiles,
            bands,
            tie_margin,
            verdict,
            pairs,
        } = raw;

        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.error(
                "id",
                format!("the quiz id `{id}` may hold only lowercase letters, digits and '-'"),
            );
        }
        self.non_empty("title", &title);
        // A quiz that asks a question in its title is expected to answer it.
        if self.complete && title.trim_end().ends_with('?') && verdict.is_none() {
            self.warning(
                "title",
                "the title asks a question, and the quiz has no `verdict:` to answer it: \
                 results will rank the pathways but never say yes, maybe or probably not; \
                 add a `verdict:` (see quizzes/README.md)",
            );
        }
        self.non_empty("version", &version);
        for (i, source) in sources.iter().enumerate() {
            self.non_empty(&format!("sources[{i}].title"), &source.title);
        }
        for fault in crate::quiz::sourced::check_sources(&sources) {
            self.error_with_hint(fault.path, fault.message, fault.hint);
        }
        self.scales(&scales);
        self.traits(&traits);
        let trait_ids: Vec<&str> = traits.iter().map(|t| t.id.as_str()).collect();
        let checked_questions = self.questions(&questions, &trait_ids, &scales);
        let mut checked_profiles = self.profiles(&profiles, &trait_ids, &sources);
        for (i, (p, checked)) in profiles.iter().zip(&mut checked_profiles).enumerate() {
            checked.needs = self.needs(&format!("profiles[{i}]"), &p.needs, &checked_questions);
        }
        let tie_margin = self.tie_margin(tie_margin);
        let verdict = verdict.and_then(|v| self.verdict(&v, &trait_ids));
        let pairs = self.pairs(&pairs, &checked_questions);
        let bands = match bands {
            None => default_bands(),
            Some(bands) => self.bands(&bands),
        };
        if self.complete {
            self.coverage(&traits, &questions, &profiles);
        }

        Quiz {
            id,
            lang: crate::locale::ENGLISH.to_string(),
            title,
            version,
            description,
            sources: sources
                .into_iter()
                .map(|s| Source {
                    id: s.id,
                    title: s.title,
                    url: s.url,
                    as_of: s.as_of,
                    note: s.note,
                })
                .collect(),
            traits: traits
                .into_iter()
                .map(|t| Trait {
                    id: t.id,
                    name: t.name,
                    description: t.description,
                })
                .collect(),
            questions: checked_questions,
            profiles: checked_profiles,
            bands,
            tie_margin,
            verdict,
            pairs,
        }
    }

    /// Scale names are unique; each has 2 to 11 distinct labels.
    fn scales(&mut self, scales: &OrderedMap<ScaleFile>) {
        let mut scale_names = HashSet::new();
        for (name, scale) in &scales.0 {
            let path = format!("scales.{name}");
            self.unique(&mut scale_names, &path, "scale", name);
            let n = scale.labels.len();
            if !(2..=11).contains(&n) {
                self.error(
                    format!("{path}.labels"),
                    format!("a scale needs 2 to 11 labels, found {n}"),
                );
            }
            let mut seen = HashSet::new();
            for (i, label) in scale.labels.iter().enumerate() {
                let label_path = format!("{path}.labels[{i}]");
                self.non_empty(&label_path, label);
                if !seen.insert(label.to_lowercase()) {
                    self.error(label_path, format!("duplicate label `{label}`"));
                }
            }
            // A numeric label that is not its own position: "3" could be read either way.
            let misleading = scale.labels.iter().enumerate().find(|(i, label)| {
                label
                    .trim()
                    .parse::<u64>()
                    .is_ok_and(|k| k != *i as u64 + 1)
            });
            if let Some((i, label)) = misleading {
                self.warning(
                    format!("{path}.labels[{i}]"),
                    format!(
                        "label `{label}` is a number but is position {} of the scale; an \
                         answer of {label} means this label in every file and row, never \
                         position {label}",
                        i + 1
                    ),
                );
            }
        }
    }

    fn traits(&mut self, traits: &[TraitFile]) {
        if traits.is_empty() && self.complete {
            self.error("traits", "a quiz needs at least one trait");
        }
        let mut trait_ids = HashSet::new();
        for (i, t) in traits.iter().enumerate() {
            self.id(&format!("traits[{i}].id"), &t.id);
            self.unique(&mut trait_ids, &format!("traits[{i}].id"), "trait", &t.id);
            self.non_empty(&format!("traits[{i}].name"), &t.name);
        }
    }
}

/// An unknown field that is the end of a `{...}` mapping's text cut at a comma
/// (`{id: pace, name: Comfort with a busy, steady pace}` reads `steady pace` as a
/// key): the hint is to quote the text.
fn comma_hints(problems: &mut [Problem], text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    for problem in problems.iter_mut().filter(|p| p.hint.is_none()) {
        let Some(key) = problem
            .message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
        else {
            continue;
        };
        let Some(line) = problem.line.and_then(|n| lines.get(n - 1)) else {
            continue;
        };
        let cut = format!(", {key}");
        let (Some(open), Some(at)) = (line.find('{'), line.find(&cut)) else {
            continue;
        };
        // A key with a value of its own (`typ: choice`) is a misspelt key, not text.
        let after = line[at + cut.len()..].trim_start();
        if at < open || !(after.starts_with('}') || after.starts_with(',')) {
            continue;
        }
        // The entry the comma cut: from its key's `: ` to the end of the unknown key.
        let before = &line[open + 1..at];
        let Some((entry, value)) = before.rsplit_once(": ") else {
            continue;
        };
        let name = entry.rsplit(", ").next().unwrap_or(entry).trim();
        problem.hint = Some(format!(
            "in a `{{...}}` mapping a comma ends the value; to keep the comma in the text, \
             quote it: `{name}: \"{}, {key}\"`",
            value.trim()
        ));
    }
}
