//! The interface's words (prompts, key help, the review screen, take's notes) in
//! every language careerfit speaks: Project Fluent catalogs, `locales/LANG/careerfit.ftl`,
//! compiled into the binary.
//!
//! A message is a whole sentence or line with named variables; no text is made by
//! gluing translated pieces together (a choice between wordings is a Fluent selector).

use super::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// (language, catalog) of every language the interface has; English first, the one
/// every message falls back to.
pub const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("../../locales/en/careerfit.ftl")),
    ("es", include_str!("../../locales/es/careerfit.ftl")),
];

/// One language's catalog, with English behind it for any message it lacks.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    english: Option<Box<Messages>>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Messages({})", self.lang)
    }
}

fn bundle(lang: &Lang, catalog: &str) -> FluentBundle<FluentResource> {
    let resource =
        FluentResource::try_new(catalog.to_string()).unwrap_or_else(|(resource, _)| resource);
    let id = lang.0.clone();
    let mut bundle = FluentBundle::new(vec![id]);
    // Unicode isolation marks around variables are for bidirectional pages; on a
    // terminal they would be stray characters, and in tests unequal text.
    bundle.set_use_isolating(false);
    // A catalog that compiles is checked by the tests to have every message once.
    let _ = bundle.add_resource(resource);
    bundle
}

impl Messages {
    /// The catalog that serves `lang` (`es` for `es-US`), or English.
    pub fn for_lang(lang: &Lang) -> Messages {
        let available: Vec<Lang> = CATALOGS
            .iter()
            .filter_map(|(tag, _)| Lang::parse(tag))
            .collect();
        let chosen = lang
            .best_of(&available)
            .cloned()
            .unwrap_or_else(Lang::english);
        let catalog = CATALOGS
            .iter()
            .find(|(tag, _)| *tag == chosen.tag())
            .map_or(CATALOGS[0].1, |(_, catalog)| *catalog);
        let english = (!chosen.is_english()).then(|| Box::new(Messages::english()));
        Messages {
            bundle: bundle(&chosen, catalog),
            lang: chosen,
            english,
        }
    }

    pub fn english() -> Messages {
        Messages::for_lang(&Lang::english())
    }

    /// The language the messages are in.
    pub fn lang(&self) -> &Lang {
        &self.lang
    }

    /// A message with no variables.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with its variables: numbers choose plural forms; text (a seed, a
    /// quiz id) is put in as it is.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::from(text.clone()),
            };
            fluent.set(name.to_string(), value);
        }
        self.format(id, Some(&fluent))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.english {
                Some(english) => english.format(id, args),
                None => {
                    debug_assert!(false, "no message `{id}` in the English catalog");
                    id.to_string()
                }
            };
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// A variable of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A count: it chooses the plural form, and prints as digits.
    Count(usize),
    /// Text put in as it is (numbers that are names, such as a seed, too).
    Text(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id -> the variables its value names, of one catalog.
    fn messages(catalog: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = FluentResource::try_new(catalog.to_string())
            .unwrap_or_else(|(_, errors)| panic!("the catalog parses: {errors:?}"));
        let mut found = BTreeMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                let id = message.id.name.to_string();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "message `{id}` is defined twice"
                );
            }
        }
        found
    }

    fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, found);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, found);
                for variant in variants {
                    pattern_variables(&variant.value, found);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, found),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, found)
            }
            _ => {}
        }
    }

    #[test]
    fn every_catalog_has_the_messages_of_english_with_the_same_variables() {
        let english = messages(CATALOGS[0].1);
        assert!(english.len() > 20, "the English catalog is read");
        for (lang, catalog) in &CATALOGS[1..] {
            let other = messages(catalog);
            let missing: Vec<&String> =
                english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang} has messages English has not: {extra:?}"
            );
            for (id, variables) in &english {
                assert_eq!(
                    &other[id], variables,
                    "{lang}'s `{id}` names other variables than English's"
                );
            }
        }
    }

    #[test]
    fn every_message_formats_without_errors_in_every_language() {
        for (tag, catalog) in CATALOGS {
            let lang = Lang::parse(tag).unwrap();
            let bundle = bundle(&lang, catalog);
            for (id, variables) in messages(catalog) {
                let mut args = FluentArgs::new();
                for name in &variables {
                    args.set(name.clone(), FluentValue::from(2));
                }
                let pattern = bundle.get_message(&id).and_then(|m| m.value()).unwrap();
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{tag} `{id}`: {errors:?}");
                assert!(!text.trim().is_empty(), "{tag} `{id}` is empty");
            }
        }
    }

    #[test]
    fn a_regional_spanish_reads_the_spanish_catalog_and_others_english() {
        let es = Messages::for_lang(&Lang::parse("es-US").unwrap());
        assert_eq!(es.lang().tag(), "es");
        assert_eq!(es.get("prompt-finish"), "Terminar y ver mi resultado");
        let fr = Messages::for_lang(&Lang::parse("fr").unwrap());
        assert_eq!(fr.get("prompt-finish"), "Finish and see my result");
    }

    #[test]
    fn counts_choose_plural_forms_and_text_is_put_in_as_it_is() {
        let en = Messages::english();
        let es = Messages::for_lang(&Lang::parse("es").unwrap());
        let intro = |m: &Messages, n: usize| m.with("take-intro", &[("total", n.into())]);
        assert!(intro(&en, 1).starts_with("1 question, reviewed"));
        assert!(intro(&en, 12).starts_with("12 questions, reviewed"));
        assert!(intro(&es, 1).starts_with("1 pregunta, que"));
        assert!(intro(&es, 12).starts_with("12 preguntas, que"));
        // A seed is a name, not a quantity: no rounding, no grouping.
        let seed = en.with("take-shuffled", &[("seed", "18446744073709551615".into())]);
        assert!(seed.contains("--seed 18446744073709551615 "), "{seed}");
    }
}
