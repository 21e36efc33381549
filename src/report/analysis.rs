//! What every format says the same way of an analysis (`careerfit analyze`): figures
//! to two decimals, the flags a class uses, what was left out. Each format draws it
//! in its own file.

use crate::analysis::Analysis;

/// The flag every figure carries when the whole class is below the threshold: said
/// once above the tables instead, and left out of their rows.
pub(super) const TOO_FEW: &str = "too_few_to_trust";

/// How many flagged respondents the tables name; `--json` lists every one.
pub(super) const RESPONDENTS_SHOWN: usize = 20;

/// Two decimals, or `none`; a figure that rounds to zero shows as 0.00, never -0.00.
pub fn decimal(x: Option<f64>, none: &str) -> String {
    x.map_or(none.to_string(), |x| super::fixed(x, 2))
}

/// A share as a whole percentage, or `none`.
pub fn percent(x: Option<f64>, none: &str) -> String {
    x.map_or(none.to_string(), |x| {
        format!("{}%", super::fixed(x * 100.0, 0))
    })
}

/// Every flag that occurs anywhere in the analysis.
/// "Left out of alpha and the item figures: rather-morning, rather-day (they score
/// several traits, whose values trade off by design)."
pub fn left_out(analysis: &Analysis) -> Option<String> {
    (!analysis.left_out.is_empty()).then(|| {
        format!(
            "Left out of alpha and the item figures: {} (each scores several traits, and \
             choosing one option gives the others nothing, so their values trade off by \
             design).",
            analysis.left_out.join(", ")
        )
    })
}

pub fn used_flags(analysis: &Analysis) -> Vec<&'static str> {
    let mut used: Vec<&'static str> = analysis
        .traits
        .iter()
        .flat_map(|t| t.flags.iter().chain(t.items.iter().flat_map(|i| &i.flags)))
        .chain(analysis.respondent_flags.iter().flat_map(|r| &r.flags))
        .copied()
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}
