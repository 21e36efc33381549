//! A quiz in another language: its translation file (`NAME.LANG.yaml` beside it)
//! read, checked against the quiz (`check.rs`) and applied to it. Only the texts a
//! person reads change; ids, numbers and order are the quiz's own, so answers (ids
//! and positions) and scores are the same in every language.

mod check;
pub mod file;

use super::{QuestionKind, Quiz};
use crate::diagnostic::{Place, Problem, check_nesting, from_yaml_error, has_content};
use crate::locale::Lang;
use file::TranslationFile;
use std::collections::HashMap;

/// A translation file, read.
#[derive(Debug, Clone)]
pub struct Translation {
    pub file: TranslationFile,
}

/// `a  b\n c` and `a b c` are the same English: YAML folds lines, authors re-wrap.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Read a translation file; `name` names it in messages. Only its shape is checked
/// here: `check` judges it against its quiz.
pub fn read(name: &str, text: &str) -> Result<Translation, Vec<Problem>> {
    if !has_content(text) {
        return Err(vec![Problem::error(
            name,
            Place::File,
            "the file is empty (or only comments); a translation needs at least \
             translation_of, lang and language",
        )]);
    }
    check_nesting(name, text)?;
    serde_yaml::from_str::<TranslationFile>(text)
        .map(|file| Translation { file })
        .map_err(|err| vec![from_yaml_error(name, &err, text)])
}

/// The JSON Schema of translation files (`careerfit schema translation`).
pub fn schema() -> String {
    let schema = schemars::schema_for!(TranslationFile);
    crate::json::to_string_pretty(&schema).expect("a schema serialises")
}

impl Translation {
    /// The language the file says it is in.
    pub fn lang(&self) -> Option<Lang> {
        Lang::parse(&self.file.lang)
    }

    /// Every problem of the translation against `quiz`, placed in `text` (the file's
    /// text, named `name`); `named` is the language of the file's name (`es` of
    /// `him-career-fit.es.yaml`), when it has one.
    pub fn check(&self, quiz: &Quiz, name: &str, text: &str, named: Option<&str>) -> Vec<Problem> {
        let mut problems = check::check(self, quiz, name, named);
        crate::diagnostic::locate(&mut problems, text);
        problems
    }

    /// The quiz with every text this file translates in its language; a text it lacks,
    /// or translates empty or with a control character, stays in English. A stale
    /// entry still gives its translation.
    pub fn apply(&self, quiz: &Quiz) -> Quiz {
        let by_path: HashMap<String, &file::Entry> = file::entries(&self.file)
            .into_iter()
            .filter(|(_, e)| usable(&e.text))
            .collect();
        let mut translated = quiz.clone();
        if let Some(lang) = self.lang() {
            translated.lang = lang.tag();
        }
        each_text(&mut translated, &mut |path, text| {
            if let Some(entry) = by_path.get(path) {
                *text = entry.text.clone();
            }
        });
        translated
    }
}

/// A translation that can be shown: not blank, and no control character but
/// newline and tab (as in quiz files: a terminal sequence must not reach anyone).
fn usable(text: &str) -> bool {
    !text.trim().is_empty() && !text.chars().any(crate::text::is_unsafe)
}

/// Every text of a quiz that a person reads, with its path in a translation file
/// (see `file::entries`); a scale's labels once per question that uses the scale.
/// Sources (titles of English pages), ids and numbers are not texts to translate.
fn each_text(quiz: &mut Quiz, visit: &mut dyn FnMut(&str, &mut String)) {
    visit("title", &mut quiz.title);
    if let Some(description) = &mut quiz.description {
        visit("description", description);
    }
    for t in &mut quiz.traits {
        visit(&format!("traits.{}.name", t.id), &mut t.name);
        if let Some(description) = &mut t.description {
            visit(&format!("traits.{}.description", t.id), description);
        }
    }
    for q in &mut quiz.questions {
        visit(&format!("questions.{}.text", q.id), &mut q.text);
        match &mut q.kind {
            QuestionKind::Scale {
                labels,
                scale: Some(scale),
                ..
            } => {
                for (i, label) in labels.iter_mut().enumerate() {
                    visit(&format!("scales.{scale}[{i}]"), label);
                }
            }
            QuestionKind::Choice { options } | QuestionKind::Multi { options } => {
                for o in options {
                    visit(
                        &format!("questions.{}.options.{}", q.id, o.id),
                        &mut o.label,
                    );
                }
            }
            QuestionKind::Scale { scale: None, .. } | QuestionKind::YesNo { .. } => {}
        }
    }
    for p in &mut quiz.profiles {
        let path = format!("profiles.{}", p.id);
        visit(&format!("{path}.title"), &mut p.title);
        if let Some(summary) = &mut p.summary {
            visit(&format!("{path}.summary"), summary);
        }
        if let Some(education) = &mut p.education {
            visit(&format!("{path}.education"), education);
        }
        for (i, title) in p.job_titles.iter_mut().enumerate() {
            visit(&format!("{path}.job_titles[{i}]"), title);
        }
        for (i, o) in p.occupations.iter_mut().enumerate() {
            visit(&format!("{path}.occupations[{i}]"), &mut o.title);
        }
        for (i, c) in p.certifications.iter_mut().enumerate() {
            visit(&format!("{path}.certifications[{i}].name"), &mut c.name);
            if let Some(detail) = &mut c.detail {
                visit(&format!("{path}.certifications[{i}].detail"), detail);
            }
        }
        for (i, need) in p.needs.iter_mut().enumerate() {
            visit(&format!("{path}.needs[{i}]"), &mut need.what);
        }
        for (i, step) in p.next_steps.iter_mut().enumerate() {
            visit(&format!("{path}.next_steps[{i}]"), step);
        }
    }
    if let Some(v) = &mut quiz.verdict {
        visit("verdict.elsewhere", &mut v.elsewhere);
        if let Some(still) = &mut v.still_offers {
            visit("verdict.still_offers", still);
        }
        for d in &mut v.dealbreakers {
            let id = &quiz.traits[d.trait_index].id;
            visit(&format!("verdict.dealbreakers.{id}.reason"), &mut d.reason);
            visit(
                &format!("verdict.dealbreakers.{id}.instead"),
                &mut d.instead,
            );
        }
    }
    for (i, b) in quiz.bands.iter_mut().enumerate() {
        visit(&format!("bands[{i}].label"), &mut b.label);
        if let Some(message) = &mut b.message {
            visit(&format!("bands[{i}].message"), message);
        }
    }
}

/// Every text of `quiz` with its path, each path once, in quiz order.
fn texts(quiz: &Quiz) -> Vec<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    each_text(&mut quiz.clone(), &mut |path, text| {
        if seen.insert(path.to_string()) {
            found.push((path.to_string(), text.clone()));
        }
    });
    found
}

/// The quiz with every text it translates marked `⟦...⟧`, as a pseudo-translation:
/// for tests that every text, and nothing else, is what a translation changes.
#[cfg(test)]
pub(crate) fn pseudo(quiz: &Quiz) -> Quiz {
    let mut marked = quiz.clone();
    marked.lang = "en-XA".to_string();
    each_text(&mut marked, &mut |_, text| *text = format!("⟦{text}⟧"));
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small_es() -> (Quiz, Quiz) {
        let english = crate::fixtures::small();
        let text = include_str!("../../../tests/fixtures/small.es.yaml");
        let translation = read("small.es.yaml", text).expect("the fixture reads");
        let problems = translation.check(&english, "small.es.yaml", text, Some("es"));
        assert!(problems.is_empty(), "{problems:#?}");
        let spanish = translation.apply(&english);
        (english, spanish)
    }

    /// Only texts change: the quiz with its texts put back is the English one.
    #[test]
    fn a_translation_changes_texts_and_nothing_else() {
        let (english, spanish) = small_es();
        assert_eq!(spanish.lang, "es");
        assert_eq!(spanish.questions[0].text, "¿Qué tan cuidadoso/a eres?");
        let QuestionKind::Scale { labels, .. } = &spanish.questions[6].kind else {
            panic!("q-required is a scale question")
        };
        assert_eq!(labels[2], "No lo sé");
        assert_eq!(spanish.bands[3].label, "Encaja poco");
        let mut back = spanish.clone();
        back.lang = english.lang.clone();
        let originals = texts(&english);
        let mut i = 0;
        each_text(&mut back, &mut |path, text| {
            // A scale's labels are visited once per question; `texts` lists them once.
            if let Some((_, original)) = originals.iter().find(|(p, _)| p == path) {
                *text = original.clone();
                i += 1;
            }
        });
        assert!(i >= originals.len());
        assert_eq!(back, english);
    }

    #[test]
    fn a_text_left_untranslated_or_blank_stays_english() {
        let english = crate::fixtures::small();
        let text = "translation_of: small\nlang: es\nlanguage: Español\n\
                    title: {en: A small quiz, text: \"  \"}\n\
                    questions:\n  q-yes:\n    text: {en: Do you like parties?, text: \"¿Fiestas?\\e[31m\"}\n";
        let spanish = read("x.es.yaml", text).unwrap().apply(&english);
        assert_eq!(
            spanish.title, "A small quiz",
            "a blank translation is not shown"
        );
        assert_eq!(
            spanish.questions[2].text, "Do you like parties?",
            "nor a control character"
        );
        assert_eq!(spanish.questions[0].text, "How careful are you?");
    }
}
