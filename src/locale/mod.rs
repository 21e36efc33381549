//! The language a person reads careerfit in: `--lang`, else the POSIX locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), matched against the languages there are; the
//! interface's own words are in `messages.rs`.

pub mod messages;

pub use messages::Messages;

use unic_langid::LanguageIdentifier;

/// A language as a BCP 47 tag, `en`, `es` or `es-US`, as `--lang`, results and
/// translation files write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lang(LanguageIdentifier);

/// The language of quiz files and of every text that has no translation.
pub const ENGLISH: &str = "en";

impl Lang {
    /// A tag such as `es`, `es-US` or `es_US` (a locale's spelling); `None` for
    /// anything that is not a language tag.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-");
        if tag.is_empty() {
            return None;
        }
        tag.parse::<LanguageIdentifier>().ok().map(Lang)
    }

    pub fn english() -> Lang {
        Lang(LanguageIdentifier::from_bytes(b"en").expect("en is a language tag"))
    }

    /// The tag, as results record it: `es`, `es-US`.
    pub fn tag(&self) -> String {
        self.0.to_string()
    }

    /// The language without its region: `es` for `es-US`.
    pub fn primary(&self) -> &str {
        self.0.language.as_str()
    }

    pub fn is_english(&self) -> bool {
        self.primary() == ENGLISH
    }

    /// The one of `available` that serves a person who reads this language: the same
    /// tag, else the language with no region (`es` for `es-US`), else the language in
    /// another region (`es-MX` for `es-US`), as fluent-langneg's filtering ranks them.
    pub fn best_of<'a>(&self, available: &'a [Lang]) -> Option<&'a Lang> {
        let ids: Vec<&LanguageIdentifier> = available.iter().map(|l| &l.0).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &[&self.0],
            &ids,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        let chosen = chosen.first()?;
        available.iter().find(|l| &&l.0 == *chosen)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `--lang`'s values: a language tag.
pub fn parse_lang_arg(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).ok_or_else(|| format!("`{tag}` is not a language tag such as en or es"))
}

/// Where the language a command speaks came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// `--lang`.
    Given(Lang),
    /// The POSIX locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
    Locale(Lang),
    /// No language asked for, or `C`/`POSIX`: English, with nothing to say.
    Default,
}

impl Wanted {
    /// `--lang` if given, else the locale the environment names.
    pub fn from(given: Option<&Lang>, var: impl Fn(&str) -> Option<String>) -> Wanted {
        match given {
            Some(lang) => Wanted::Given(lang.clone()),
            None => from_locale(var).map_or(Wanted::Default, Wanted::Locale),
        }
    }

    /// The language asked for; English when none was.
    pub fn lang(&self) -> Lang {
        match self {
            Wanted::Given(lang) | Wanted::Locale(lang) => lang.clone(),
            Wanted::Default => Lang::english(),
        }
    }
}

/// The language of the POSIX locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that is set and not empty decides, as it does for every POSIX program;
/// `es_US.UTF-8` is `es-US`, `C` and `POSIX` are none (English).
pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|value| !value.is_empty())?;
    // language[_territory][.codeset][@modifier]
    let name = locale.split(['.', '@']).next().unwrap_or_default();
    match name {
        "" | "C" | "POSIX" => None,
        name => Lang::parse(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_is_read_in_posix_order() {
        let lang = |vars: &[(&str, &str)]| from_locale(env(vars)).map(|l| l.tag());
        assert_eq!(lang(&[("LANG", "es_US.UTF-8")]).as_deref(), Some("es-US"));
        assert_eq!(
            lang(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "es_MX.UTF-8")]).as_deref(),
            Some("es-MX")
        );
        assert_eq!(
            lang(&[("LC_ALL", "fr_FR@euro"), ("LC_MESSAGES", "es_MX.UTF-8")]).as_deref(),
            Some("fr-FR")
        );
        // Set but empty is not set.
        assert_eq!(
            lang(&[("LC_ALL", ""), ("LANG", "es")]).as_deref(),
            Some("es")
        );
        assert_eq!(lang(&[("LANG", "C.UTF-8")]), None);
        assert_eq!(lang(&[("LC_ALL", "POSIX"), ("LANG", "es")]), None);
        assert_eq!(lang(&[]), None);
    }

    #[test]
    fn a_regional_wish_is_served_by_the_language() {
        let available = [Lang::english(), Lang::parse("es").unwrap()];
        let best = |tag: &str| Lang::parse(tag).unwrap().best_of(&available).map(Lang::tag);
        assert_eq!(best("es-US").as_deref(), Some("es"));
        assert_eq!(best("es").as_deref(), Some("es"));
        assert_eq!(best("en-GB").as_deref(), Some("en"));
        assert_eq!(best("fr"), None);
        let regional = [Lang::parse("es-MX").unwrap(), Lang::parse("es").unwrap()];
        let best = |tag: &str| Lang::parse(tag).unwrap().best_of(&regional).map(Lang::tag);
        assert_eq!(best("es-MX").as_deref(), Some("es-MX"));
        assert_eq!(best("es-US").as_deref(), Some("es"));
        assert_eq!(best("es").as_deref(), Some("es"));
        let only_mexico = [Lang::parse("es-MX").unwrap()];
        let us = Lang::parse("es-US").unwrap();
        assert_eq!(
            us.best_of(&only_mexico).map(Lang::tag).as_deref(),
            Some("es-MX")
        );
    }

    #[test]
    fn lang_arguments_are_tags() {
        assert_eq!(parse_lang_arg("es").unwrap().tag(), "es");
        assert_eq!(parse_lang_arg("es_US").unwrap().tag(), "es-US");
        assert!(parse_lang_arg("not a language").is_err());
    }
}
