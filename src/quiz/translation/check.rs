//! A translation judged against its quiz: every text translated, nothing that
//! translates nothing, the same `{placeholders}`, no empty text; a stale entry (its
//! English changed since) is a warning that shows both Englishes.

use super::file::{Entry, entries};
use super::{Translation, folded, texts};
use crate::diagnostic::{Problem, field, key, suggest};
use crate::quiz::{QuestionKind, Quiz};
use std::collections::{BTreeSet, HashMap, HashSet};

pub(super) fn check(t: &Translation, quiz: &Quiz, name: &str, named: Option<&str>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let file = &t.file;
    if file.translation_of != quiz.id {
        problems.push(Problem::error(
            name,
            field("translation_of"),
            format!(
                "this file translates quiz `{}`, but it is beside quiz `{}`",
                file.translation_of, quiz.id
            ),
        ));
    }
    match (t.lang(), named) {
        (None, _) => problems.push(Problem::error(
            name,
            field("lang"),
            format!("`{}` is not a language tag such as es or es-US", file.lang),
        )),
        (Some(lang), Some(named)) if lang.tag() != named => problems.push(Problem::error(
            name,
            field("lang"),
            format!(
                "the file's name says `{named}` and its `lang` says `{}`; make them the same",
                file.lang
            ),
        )),
        _ => {}
    }
    let quiz_texts = texts(quiz);
    let english: HashMap<&str, &str> = quiz_texts
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    let given = entries(file);
    let mut seen = HashSet::new();
    let ids = Ids::of(quiz);
    for (path, entry) in &given {
        if !seen.insert(path.as_str()) {
            problems.push(Problem::error(name, key(path), "given twice; keep one"));
            continue;
        }
        match english.get(path.as_str()) {
            None => problems.push(ids.unknown(name, path)),
            Some(now) => problems.extend(entry_problems(name, path, entry, now)),
        }
    }
    for (path, text) in &quiz_texts {
        if !seen.contains(path.as_str()) {
            problems.push(Problem::error(
                name,
                field(path),
                format!("no translation of \"{}\"", folded(text)),
            ));
        }
    }
    problems
}

/// What is wrong with one entry of a text the quiz has (`now`, its English today).
fn entry_problems(name: &str, path: &str, entry: &Entry, now: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let text_path = format!("{path}.text");
    if entry.text.trim().is_empty() {
        problems.push(Problem::error(
            name,
            field(&text_path),
            "the translation is empty",
        ));
    } else if let Some(c) = entry.text.chars().find(|&c| crate::text::is_unsafe(c)) {
        problems.push(Problem::error(
            name,
            field(&text_path),
            format!(
                "holds the control character {}; a translation may hold no control \
                 character but newline and tab",
                crate::text::escape_controls(&c.to_string())
            ),
        ));
    } else {
        let (wanted, found) = (placeholders(now), placeholders(&entry.text));
        if wanted != found {
            problems.push(Problem::error(
                name,
                field(&text_path),
                format!(
                    "the placeholders differ: the English has {}, the translation has {}",
                    listed(&wanted),
                    listed(&found)
                ),
            ));
        }
    }
    if folded(&entry.en) != folded(now) {
        problems.push(Problem::warning(
            name,
            field(format!("{path}.en")),
            format!(
                "stale: translated from \"{}\", but the English is now \"{}\"; check the \
                 translation, then copy the new English into `en`",
                folded(&entry.en),
                folded(now)
            ),
        ));
    }
    problems
}

/// The `{name}`s of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            found.insert(name);
            rest = &rest[close + 1..];
        }
    }
    found
}

fn listed(names: &BTreeSet<&str>) -> String {
    match names.is_empty() {
        true => "none".to_string(),
        false => names
            .iter()
            .map(|n| format!("{{{n}}}"))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The ids a translation may name, to say which one it got wrong.
struct Ids<'q> {
    quiz: &'q str,
    questions: Vec<&'q str>,
    options: HashMap<&'q str, Vec<&'q str>>,
    traits: Vec<&'q str>,
    profiles: Vec<&'q str>,
    scales: Vec<&'q str>,
    dealbreakers: Vec<&'q str>,
}

impl<'q> Ids<'q> {
    fn of(quiz: &'q Quiz) -> Ids<'q> {
        let mut scales = Vec::new();
        let mut options = HashMap::new();
        for q in &quiz.questions {
            match &q.kind {
                QuestionKind::Scale {
                    scale: Some(scale), ..
                } if !scales.contains(&scale.as_str()) => scales.push(scale.as_str()),
                QuestionKind::Choice { options: o } | QuestionKind::Multi { options: o } => {
                    options.insert(q.id.as_str(), o.iter().map(|o| o.id.as_str()).collect());
                }
                _ => {}
            }
        }
        Ids {
            quiz: &quiz.id,
            questions: quiz.questions.iter().map(|q| q.id.as_str()).collect(),
            options,
            traits: quiz.traits.iter().map(|t| t.id.as_str()).collect(),
            profiles: quiz.profiles.iter().map(|p| p.id.as_str()).collect(),
            scales,
            dealbreakers: quiz.verdict.as_ref().map_or(Vec::new(), |v| {
                v.dealbreakers
                    .iter()
                    .map(|d| quiz.traits[d.trait_index].id.as_str())
                    .collect()
            }),
        }
    }

    /// The problem with an entry for no text of the quiz: the first id on its path
    /// that the quiz lacks, with the nearest it has; else a text the quiz does not
    /// have (a description it lacks, an entry past the end of a list).
    fn unknown(&self, name: &str, path: &str) -> Problem {
        let parts: Vec<&str> = path.split('.').collect();
        let id = |part: Option<&&str>| {
            part.map_or("", |p| p.split('[').next().unwrap_or(p))
                .to_string()
        };
        let quiz = self.quiz;
        let missing = |what: &str, given: String, known: &[&str], at: String| {
            let problem = Problem::error(
                name,
                key(at),
                format!("quiz `{quiz}` has no {what} `{given}`"),
            );
            match suggest(&given, known) {
                Some(hint) => problem.with_hint(hint),
                None => problem,
            }
        };
        let first = parts.first().copied().unwrap_or_default();
        let second = id(parts.get(1));
        let head = |n: usize| parts[..n].join(".");
        match first.split('[').next().unwrap_or(first) {
            "questions" if !self.questions.contains(&second.as_str()) => {
                missing("question", second, &self.questions, head(2))
            }
            "questions" if parts.get(2) == Some(&"options") => {
                let option = id(parts.get(3));
                let known = self
                    .options
                    .get(second.as_str())
                    .cloned()
                    .unwrap_or_default();
                if known.is_empty() {
                    Problem::error(
                        name,
                        key(head(3)),
                        format!("question `{second}` has no options to translate"),
                    )
                } else {
                    let problem = Problem::error(
                        name,
                        key(head(4)),
                        format!("question `{second}` has no option `{option}`"),
                    );
                    match suggest(&option, &known) {
                        Some(hint) => problem.with_hint(hint),
                        None => problem,
                    }
                }
            }
            "traits" if !self.traits.contains(&second.as_str()) => {
                missing("trait", second, &self.traits, head(2))
            }
            "profiles" if !self.profiles.contains(&second.as_str()) => {
                missing("pathway", second, &self.profiles, head(2))
            }
            "scales" if !self.scales.contains(&second.as_str()) => Problem::error(
                name,
                key(head(2)),
                format!("no question of quiz `{quiz}` is answered on a scale `{second}`"),
            ),
            "verdict"
                if parts.get(1) == Some(&"dealbreakers")
                    && !self.dealbreakers.contains(&id(parts.get(2)).as_str()) =>
            {
                let given = id(parts.get(2));
                let problem = Problem::error(
                    name,
                    key(head(3)),
                    format!("the verdict of quiz `{quiz}` has no dealbreaker on trait `{given}`"),
                );
                match suggest(&given, &self.dealbreakers) {
                    Some(hint) => problem.with_hint(hint),
                    None => problem,
                }
            }
            _ => Problem::error(
                name,
                key(path),
                format!("quiz `{quiz}` has no text here to translate"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_are_names_in_braces() {
        let found: Vec<&str> = placeholders("{pay} a year, {n} of {total}; {not one} {}")
            .into_iter()
            .collect();
        assert_eq!(found, ["n", "pay", "total"]);
    }
}
