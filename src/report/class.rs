//! What every format says the same way of a class's summary (`score --summary`,
//! `--report`): its heading, shares, the pathways by best fit, the low-confidence
//! respondents named and the verdict line. Each format draws it in its own file.

use crate::batch::summary::Summary;
use crate::quiz::Quiz;
use crate::text::fixed;

/// `n (p%)` of the scored respondents.
pub(super) fn share(summary: &Summary, n: usize) -> String {
    match summary.scored {
        0 => "0".to_string(),
        total => format!("{n} ({}%)", fixed(100.0 * n as f64 / total as f64, 0)),
    }
}

pub(super) fn figure(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| fixed(x, 1))
}

pub(super) fn heading(quiz: &Quiz, summary: &Summary) -> (String, String) {
    (
        format!(
            "{} (quiz {}, version {})",
            quiz.title, quiz.id, quiz.version
        ),
        format!(
            "{} respondents scored, {} failed",
            summary.scored, summary.failed
        ),
    )
}

/// The pathways, most often best first (ties in quiz order).
pub(super) fn by_best_fit<'q>(
    summary: &Summary,
    quiz: &'q Quiz,
) -> Vec<crate::batch::summary::PathwayFigures<'q>> {
    let mut pathways = summary.pathways(quiz);
    pathways.sort_by_key(|p| std::cmp::Reverse(p.best_fit));
    pathways
}

/// The low-confidence respondents by id, each with why: "ana@example.org: gave the
/// same answer to every scale statement", and a last line for those not named.
pub fn low_named(summary: &Summary) -> Vec<String> {
    let mut lines: Vec<String> = summary
        .low_named
        .iter()
        .map(|(id, line, codes)| {
            let why: Vec<&str> = codes
                .iter()
                .map(|c| crate::trust::meaning(c).trim_end_matches(" (lowers confidence)"))
                .collect();
            format!(
                "{} (line {line}): {}",
                crate::text::escape_controls(id),
                why.join("; ")
            )
        })
        .collect();
    let more = summary
        .low_confidence
        .saturating_sub(summary.low_named.len());
    if more > 0 {
        lines.push(format!(
            "and {more} more (the rows' `confidence` says which)"
        ));
    }
    lines
}

/// "The quiz's answer to its question: yes 12, maybe 5, probably not 3, unclear 5."
pub fn verdict_line(summary: &Summary, quiz: &Quiz) -> Option<String> {
    let counts = summary.verdict_counts(quiz)?;
    let parts: Vec<String> = counts
        .iter()
        .map(|(answer, n)| format!("{} {n}", answer.as_str().replace('_', " ")))
        .collect();
    Some(format!(
        "The quiz's answer to its question (\"{}\"): {}.",
        quiz.title,
        parts.join(", ")
    ))
}
