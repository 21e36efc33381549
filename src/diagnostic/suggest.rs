//! "Did you mean": the nearest of the known names to one that is not known.

/// "did you mean `x`?" for a near miss among the known ids.
pub fn suggest(unknown: &str, known: &[&str]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(unknown, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

/// "did you mean `x`?" as `suggest` says it, with case ignored: for names people
/// type, such as a pathway's title.
pub fn suggest_ignoring_case(unknown: &str, known: &[&str]) -> Option<String> {
    let unknown = unknown.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::levenshtein(&unknown, &k.to_lowercase()), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("did you mean `{k}`?"))
}
