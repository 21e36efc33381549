//! Loading a quiz file and checking it: the one place where a quiz is parsed and judged.
//!
//! Every problem is collected, not just the first: a quiz author fixes them all in one go.

use super::file::{
    BandFile, OptionFile, OrderedMap, ProfileFile, QuestionFile, QuestionType, QuizFile, ScaleFile,
    SourceFile, TraitFile,
};
use super::shape;
use super::{
    AnswerOption, Band, Certification, DEFAULT_SCALE, Profile, Question, QuestionKind, Quiz,
    Source, Trait, default_bands,
};
use crate::diagnostic::{
    Place, Problem, check_nesting, field, from_yaml_error, has_content, key, locate,
};
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

/// Quiz and answers files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Question texts longer than this get a warning: a prompt should be read in one go.
const MAX_QUESTION_CHARS: usize = 200;

/// Why a file a person wrote (a quiz or answers) could not be read or loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read (missing, a folder, no permission).
    Io(String),
    /// The file was read but is not valid: all problems found, warnings included.
    Invalid(Vec<Problem>),
}

/// Read and check a quiz file. `Ok` carries the quiz and any warnings.
pub fn load_path(path: &Path) -> Result<(Quiz, Vec<Problem>), LoadError> {
    let text = read_text(path)?;
    load(&path.display().to_string(), &text).map_err(LoadError::Invalid)
}

/// Read a file a person wrote, refusing folders, huge files and text that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let file = open(path)?;
    let io = |e: std::io::Error| LoadError::Io(io_message(&name, &e));
    check_size(&name, file.metadata().map_err(io)?.len())?;
    read_stream(&name, file)
}

/// Open a file a person named, refusing a missing file, a folder or one that may not
/// be read, in the same words everywhere. `score` reads its input this way, as a
/// stream with no size limit.
pub fn open(path: &Path) -> Result<std::fs::File, LoadError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| LoadError::Io(io_message(&name, &e));
    let file = std::fs::File::open(path).map_err(io)?;
    if file.metadata().map_err(io)?.is_dir() {
        return Err(LoadError::Io(format!("{name}: is a folder, not a file")));
    }
    Ok(file)
}

/// Read a person's text from a stream (stdin), with the same limits as `read_text`.
pub fn read_stream(name: &str, reader: impl std::io::Read) -> Result<String, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io(io_message(name, &e)))?;
    check_size(name, bytes.len() as u64)?;
    decode(name, bytes)
}

/// A stream is read only up to the limit, so its size is not known: the message
/// says "more than" for both, the same words for a file and for stdin.
fn check_size(name: &str, len: u64) -> Result<(), LoadError> {
    if len > MAX_FILE_BYTES {
        return Err(LoadError::Invalid(vec![Problem::error(
            name,
            Place::File,
            format!(
                "the file is more than {MAX_FILE_BYTES} bytes (1 MiB), the most careerfit reads"
            ),
        )]));
    }
    Ok(())
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        // Place the first bad byte as an editor would: line and column (in bytes).
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        LoadError::Invalid(vec![Problem::error(
            name,
            Place::Position { line, column },
            "the file is not UTF-8 text",
        )])
    })
}

fn io_message(name: &str, err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => format!("{name}: no such file"),
        std::io::ErrorKind::PermissionDenied => format!("{name}: permission denied"),
        _ => format!("{name}: {err}"),
    }
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
    let (raw, problems, complete) = match serde_yaml::from_str::<QuizFile>(text) {
        Ok(raw) => (raw, Vec::new(), true),
        // serde stops at the first fault of shape: read again, field by field, for
        // the others, and check what could be read.
        Err(err) => {
            let first = vec![from_yaml_error(file, &err, text)];
            let Ok(document) = serde_yaml::from_str(text) else {
                return Err(first);
            };
            match shape::salvage(file, document) {
                Some(salvage) if !salvage.problems.is_empty() => {
                    (salvage.quiz, salvage.problems, false)
                }
                _ => return Err(first),
            }
        }
    };
    let mut checker = Checker {
        file,
        problems,
        complete,
    };
    let quiz = checker.quiz(raw);
    let mut problems = checker.problems;
    locate(&mut problems, text);
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok((quiz, problems))
    }
}

struct Checker<'a> {
    file: &'a str,
    problems: Vec<Problem>,
    /// False when some parts of the file could not be read: checks that need the
    /// whole quiz (is every trait measured?) would then report false problems.
    complete: bool,
}

impl Checker<'_> {
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

    fn quiz(&mut self, raw: QuizFile) -> Quiz {
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
        self.non_empty("version", &version);
        for (i, source) in sources.iter().enumerate() {
            self.non_empty(&format!("sources[{i}].title"), &source.title);
        }
        for fault in super::sourced::check_sources(&sources) {
            self.error_with_hint(fault.path, fault.message, fault.hint);
        }
        self.scales(&scales);
        self.traits(&traits);
        let trait_ids: Vec<&str> = traits.iter().map(|t| t.id.as_str()).collect();
        let checked_questions = self.questions(&questions, &trait_ids, &scales);
        let checked_profiles = self.profiles(&profiles, &trait_ids, &sources);
        let bands = match bands {
            None => default_bands(),
            Some(bands) => self.bands(&bands),
        };
        if self.complete {
            self.coverage(&traits, &questions, &profiles);
        }

        Quiz {
            id,
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

    fn questions(
        &mut self,
        questions: &[QuestionFile],
        trait_names: &[&str],
        scales: &OrderedMap<ScaleFile>,
    ) -> Vec<Question> {
        // Scale questions without `scale:` use the first scale declared, or the built-in one.
        let default_scale: Vec<String> = match scales.0.first() {
            Some((_, scale)) => scale.labels.clone(),
            None => DEFAULT_SCALE.iter().map(|s| s.to_string()).collect(),
        };
        let scale_keys: Vec<&str> = scales.0.iter().map(|(k, _)| k.as_str()).collect();
        if questions.is_empty() && self.complete {
            self.error("questions", "a quiz needs at least one question");
        }
        let mut question_ids = HashSet::new();
        let mut checked_questions = Vec::with_capacity(questions.len());
        for (i, q) in questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            self.id(&format!("{path}.id"), &q.id);
            self.unique(&mut question_ids, &format!("{path}.id"), "question", &q.id);
            self.non_empty(&format!("{path}.text"), &q.text);
            let length = q.text.chars().count();
            if length > MAX_QUESTION_CHARS {
                self.warning(
                    format!("{path}.text"),
                    format!(
                        "question `{}` is {length} characters long; over {MAX_QUESTION_CHARS}, people skim",
                        q.id
                    ),
                );
            }
            let trait_index = trait_names.iter().position(|t| *t == q.trait_id);
            if trait_index.is_none() {
                self.error_with_hint(
                    format!("{path}.trait"),
                    format!("question `{}` names unknown trait `{}`", q.id, q.trait_id),
                    suggest(&q.trait_id, trait_names),
                );
            }
            let weight = q.weight.unwrap_or(1.0);
            if !(weight.is_finite() && weight > 0.0) {
                self.error(
                    format!("{path}.weight"),
                    format!(
                        "question `{}` has weight {weight}; a weight must be a number greater than 0",
                        q.id
                    ),
                );
            }
            let kind = self.question_kind(&path, q, &scales.0, &scale_keys, &default_scale);
            if let (Some(trait_index), Some(kind)) = (trait_index, kind) {
                checked_questions.push(Question {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    trait_index,
                    weight,
                    required: q.required.unwrap_or(false),
                    kind,
                });
            }
        }

        checked_questions
    }

    fn profiles(
        &mut self,
        profiles: &[ProfileFile],
        trait_names: &[&str],
        sources: &[SourceFile],
    ) -> Vec<Profile> {
        if profiles.is_empty() && self.complete {
            self.error("profiles", "a quiz needs at least one profile (pathway)");
        }
        let mut profile_ids = HashSet::new();
        let mut checked_profiles = Vec::with_capacity(profiles.len());
        for (i, p) in profiles.iter().enumerate() {
            let path = format!("profiles[{i}]");
            self.id(&format!("{path}.id"), &p.id);
            self.unique(&mut profile_ids, &format!("{path}.id"), "profile", &p.id);
            self.non_empty(&format!("{path}.title"), &p.title);
            let mut weights = Vec::new();
            let mut seen = HashSet::new();
            let errors_before = self.problems.len();
            for (trait_id, weight) in &p.weights.0 {
                let wpath = format!("{path}.weights.{trait_id}");
                if !seen.insert(trait_id.as_str()) {
                    self.problems.push(Problem::error(
                        self.file,
                        key(&wpath),
                        format!("trait `{trait_id}` is weighted twice"),
                    ));
                }
                let index = trait_names.iter().position(|t| t == trait_id);
                if index.is_none() {
                    self.key_error_with_hint(
                        &wpath,
                        format!("profile `{}` weighs unknown trait `{trait_id}`", p.id),
                        suggest(trait_id, trait_names),
                    );
                }
                if !(weight.is_finite() && *weight >= 0.0) {
                    self.error(
                        &wpath,
                        format!("weight {weight}: a profile weight must be a number of 0 or more"),
                    );
                } else if let Some(index) = index
                    && *weight > 0.0
                {
                    weights.push((index, *weight));
                }
            }
            // Said only when no weight above was wrong, so one mistake gives one message.
            if weights.is_empty() && self.problems.len() == errors_before {
                self.error(
                    format!("{path}.weights"),
                    format!(
                        "profile `{}` weighs no trait above 0, so it can never be scored",
                        p.id
                    ),
                );
            }
            let minimums = self.trait_scores(
                &path,
                "minimums",
                "a minimum",
                &p.id,
                &p.minimums,
                trait_names,
            );
            let requires = self.trait_scores(
                &path,
                "requires",
                "a requirement",
                &p.id,
                &p.requires,
                trait_names,
            );
            for (j, step) in p.next_steps.iter().enumerate() {
                self.non_empty(&format!("{path}.next_steps[{j}]"), step);
            }
            let (occupations, faults) = super::sourced::occupations(&path, &p.occupations, sources);
            for fault in faults {
                self.error_with_hint(fault.path, fault.message, fault.hint);
            }
            checked_profiles.push(Profile {
                id: p.id.clone(),
                title: p.title.clone(),
                summary: p.summary.clone(),
                education: p.education.clone(),
                weights,
                minimums,
                requires,
                job_titles: p.job_titles.clone(),
                occupations,
                certifications: p
                    .certifications
                    .iter()
                    .map(|c| Certification {
                        name: c.name.clone(),
                        detail: c.detail.clone(),
                    })
                    .collect(),
                next_steps: p.next_steps.clone(),
            });
        }

        checked_profiles
    }

    /// A profile's trait id -> score (0 to 100) mapping: `minimums` or `requires`.
    fn trait_scores(
        &mut self,
        path: &str,
        field: &str,
        what: &str,
        profile: &str,
        scores: &OrderedMap<f64>,
        trait_names: &[&str],
    ) -> Vec<(usize, f64)> {
        let mut checked = Vec::new();
        for (trait_id, score) in &scores.0 {
            let mpath = format!("{path}.{field}.{trait_id}");
            let index = trait_names.iter().position(|t| t == trait_id);
            if index.is_none() {
                self.key_error_with_hint(
                    &mpath,
                    format!("profile `{profile}` sets {what} for unknown trait `{trait_id}`"),
                    suggest(trait_id, trait_names),
                );
            }
            if !(0.0..=100.0).contains(score) {
                self.error(
                    &mpath,
                    format!(
                        "{} {score}: {what} must be a score from 0 to 100",
                        what.trim_start_matches("a ")
                    ),
                );
            } else if let Some(index) = index {
                checked.push((index, *score));
            }
        }
        checked
    }

    /// Bands, highest minimum first.
    fn bands(&mut self, bands: &[BandFile]) -> Vec<Band> {
        if bands.is_empty() {
            self.error("bands", "give at least one band, or leave `bands` out");
        }
        let mut checked: Vec<Band> = Vec::new();
        for (i, b) in bands.iter().enumerate() {
            if !(0.0..=100.0).contains(&b.min) {
                self.error(
                    format!("bands[{i}].min"),
                    format!("min {}: a band's min must be a score from 0 to 100", b.min),
                );
            } else if checked.iter().any(|c| c.min == b.min) {
                self.error(
                    format!("bands[{i}].min"),
                    format!("two bands start at {}", b.min),
                );
            }
            self.non_empty(&format!("bands[{i}].label"), &b.label);
            checked.push(Band {
                min: b.min,
                label: b.label.clone(),
                message: b.message.clone(),
            });
        }
        // Every fit from 0 to 100 must land in a band, or the summary has nothing to say.
        if !bands.is_empty() && !bands.iter().any(|b| b.min == 0.0) {
            self.error(
                "bands",
                "no band starts at 0, so a low fit would have no band; add one with `min: 0`",
            );
        }
        checked.sort_by(|a, b| b.min.total_cmp(&a.min));
        checked
    }

    /// Traits that can never count are errors; thinly measured ones and profiles that
    /// ignore most traits are warnings.
    fn coverage(
        &mut self,
        traits: &[TraitFile],
        questions: &[QuestionFile],
        profiles: &[ProfileFile],
    ) {
        for (i, t) in traits.iter().enumerate() {
            let measured = questions.iter().filter(|q| q.trait_id == t.id).count();
            if measured == 0 {
                self.error(
                    format!("traits[{i}]"),
                    format!(
                        "no question measures trait `{}`, so it can never be scored",
                        t.id
                    ),
                );
            } else if measured == 1 {
                self.warning(
                    format!("traits[{i}]"),
                    format!(
                        "only one question measures trait `{}`; two or more give a steadier score",
                        t.id
                    ),
                );
            }
            let weighed = profiles
                .iter()
                .any(|p| p.weights.0.iter().any(|(k, w)| *k == t.id && *w > 0.0));
            if !weighed && !profiles.is_empty() {
                self.error(
                    format!("traits[{i}]"),
                    format!(
                        "no profile weighs trait `{}`, so its answers change no fit",
                        t.id
                    ),
                );
            }
        }
        for (i, p) in profiles.iter().enumerate() {
            let weighed = traits
                .iter()
                .filter(|t| p.weights.0.iter().any(|(k, w)| *k == t.id && *w > 0.0))
                .count();
            if weighed > 0 && weighed * 2 < traits.len() {
                self.warning(
                    format!("profiles[{i}].weights"),
                    format!(
                        "profile `{}` weighs {weighed} of the {} traits, so its fit ignores most answers",
                        p.id,
                        traits.len()
                    ),
                );
            }
        }
    }

    fn question_kind(
        &mut self,
        path: &str,
        q: &QuestionFile,
        scales: &[(String, super::file::ScaleFile)],
        scale_keys: &[&str],
        default_scale: &[String],
    ) -> Option<QuestionKind> {
        let kind_name = q.kind.name();
        let has_options = q.options.is_some();
        if q.scale.is_some() && q.kind != QuestionType::Scale {
            self.error(
                format!("{path}.scale"),
                format!(
                    "`scale` is only for scale questions; `{}` is {kind_name}",
                    q.id
                ),
            );
        }
        if q.reverse.is_some() && matches!(q.kind, QuestionType::Choice | QuestionType::Multi) {
            self.error(
                format!("{path}.reverse"),
                "`reverse` is only for scale and yes_no questions; give the options lower scores instead",
            );
        }
        if has_options && matches!(q.kind, QuestionType::Scale | QuestionType::YesNo) {
            self.error(
                format!("{path}.options"),
                format!(
                    "`options` are only for choice and multi questions; `{}` is {kind_name}",
                    q.id
                ),
            );
        }
        let reverse = q.reverse.unwrap_or(false);
        match q.kind {
            QuestionType::Scale => {
                let labels = match &q.scale {
                    None => default_scale.to_vec(),
                    Some(name) => match scales.iter().find(|(k, _)| k == name) {
                        Some((_, scale)) => scale.labels.clone(),
                        None => {
                            self.error_with_hint(
                                format!("{path}.scale"),
                                format!("question `{}` names unknown scale `{name}`", q.id),
                                suggest(name, scale_keys),
                            );
                            return None;
                        }
                    },
                };
                Some(QuestionKind::Scale { labels, reverse })
            }
            QuestionType::YesNo => Some(QuestionKind::YesNo { reverse }),
            QuestionType::Choice | QuestionType::Multi => {
                let options = self.options(path, q, q.options.as_deref().unwrap_or(&[]));
                Some(if q.kind == QuestionType::Choice {
                    QuestionKind::Choice { options }
                } else {
                    QuestionKind::Multi { options }
                })
            }
        }
    }

    fn options(
        &mut self,
        path: &str,
        q: &QuestionFile,
        options: &[OptionFile],
    ) -> Vec<AnswerOption> {
        if options.is_empty() && q.required == Some(true) {
            self.error(
                format!("{path}.required"),
                format!(
                    "question `{}` is required but has no options, so it can never be answered",
                    q.id
                ),
            );
        } else if options.len() < 2 {
            self.error(
                format!("{path}.options"),
                format!(
                    "{} question `{}` needs at least 2 options, found {}",
                    q.kind.name(),
                    q.id,
                    options.len()
                ),
            );
        }
        let mut ids = HashSet::new();
        let mut checked = Vec::with_capacity(options.len());
        for (j, o) in options.iter().enumerate() {
            let opath = format!("{path}.options[{j}]");
            self.id(&format!("{opath}.id"), &o.id);
            self.unique(&mut ids, &format!("{opath}.id"), "option", &o.id);
            self.non_empty(&format!("{opath}.label"), &o.label);
            if !(0.0..=1.0).contains(&o.score) {
                self.error(
                    format!("{opath}.score"),
                    format!(
                        "option `{}` has score {}; an option's score must be from 0 to 1",
                        o.id, o.score
                    ),
                );
            }
            checked.push(AnswerOption {
                id: o.id.clone(),
                label: o.label.clone(),
                score: o.score,
            });
        }
        checked
    }
}

/// "did you mean `x`?" for a near miss among the known ids.
pub fn suggest(unknown: &str, known: &[&str]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(unknown, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("did you mean `{k}`?"))
}
