//! What a run says on stderr at its end, after any rows' messages: questions no
//! column answers, ids given twice, and ids past those checked.

use super::summary::{self, Summary};
use std::io::Write;

/// A respondent id given twice is said once, with its lines (both rows are kept);
/// and how many ids were past the count checked.
pub(super) fn repeats(err: &mut impl Write, name: &str, summary: &Summary) -> std::io::Result<()> {
    if !summary.repeated.is_empty() {
        let listed: Vec<String> = summary
            .repeated
            .iter()
            .map(|(id, lines)| {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                format!(
                    "`{}` on lines {}",
                    crate::text::escape_controls(id),
                    lines.join(", ")
                )
            })
            .collect();
        writeln!(
            err,
            "{name}: warning: {} respondent id(s) appear more than once, and every row is \
             kept: {}",
            listed.len(),
            listed.join("; ")
        )?;
    }
    if summary.ids_unchecked > 0 {
        writeln!(
            err,
            "{name}: note: ids after the first {} were not checked for repeats ({} rows)",
            summary::MAX_CHECKED_IDS,
            summary.ids_unchecked
        )?;
    }
    Ok(())
}

/// The questions no column of the input answers, which every row therefore skipped.
pub(super) fn unanswered(
    err: &mut impl Write,
    name: &str,
    unanswered: &[String],
) -> std::io::Result<()> {
    if unanswered.is_empty() {
        return Ok(());
    }
    writeln!(
        err,
        "{name}: every row skipped {} no column answers: {}",
        if unanswered.len() == 1 {
            "the question"
        } else {
            "the questions"
        },
        unanswered.join(", ")
    )
}
