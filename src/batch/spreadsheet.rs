//! `score --format csv` (or `-o results.csv`): one spreadsheet row per respondent, for
//! the advisor who opens it next. Columns: `id`, `best`, `best_title`, `best_fit`, `best_band`, `verdict`,
//! `confidence`, `talk` (who needs a talk: `low_confidence`, `probably_not`,
//! `unclear`, in that order joined with "; " when two, empty when none; sorted, it
//! keeps each group together), `fit.<pathway>` per pathway and `trait.<trait>` per trait in quiz
//! order, `warnings` (their codes, joined with "; ") and `error` (empty unless the row
//! was refused; a refused row keeps its place). Figures have one decimal at most.
//!
//! No cell can become a formula: following OWASP's advice on CSV injection, a text
//! cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written
//! with a `'` in front. Figures careerfit writes (fits, scores, numeric ids) are
//! numbers and are left as they are.

use super::compact::figure;
use crate::quiz::Quiz;
use crate::scoring::Scores;
use crate::trust::{self, Coded};
use serde_json::Value as Json;

/// The text a spreadsheet reads as it is: `'` before a cell that would start a formula.
pub fn defuse(text: &str) -> std::borrow::Cow<'_, str> {
    // Control and bidirectional characters are shown as `\u{..}`, as on a terminal.
    let text = crate::text::escape_controls(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text
    }
}

pub struct SpreadsheetWriter {
    /// Cells per row.
    width: usize,
}

impl SpreadsheetWriter {
    pub fn new(quiz: &Quiz) -> Self {
        SpreadsheetWriter {
            width: 8 + quiz.profiles.len() + quiz.traits.len() + 2,
        }
    }

    /// The header line, after the UTF-8 byte-order mark: without it Excel and
    /// LibreOffice read "Chloé" as "ChloÃ©". Every path writes it (a file, stdout,
    /// `serve`'s download), so the bytes are the same wherever they are written;
    /// Python reads them with `encoding="utf-8-sig"`.
    pub fn header(&self, quiz: &Quiz) -> Vec<u8> {
        let mut cells: Vec<String> = [
            "id",
            "best",
            "best_title",
            "best_fit",
            "best_band",
            "verdict",
            "confidence",
            "talk",
        ]
        .map(String::from)
        .to_vec();
        cells.extend(quiz.profiles.iter().map(|p| format!("fit.{}", p.id)));
        cells.extend(quiz.traits.iter().map(|t| format!("trait.{}", t.id)));
        cells.extend(["warnings".to_string(), "error".to_string()]);
        let cells: Vec<std::borrow::Cow<str>> = cells.iter().map(|c| defuse(c)).collect();
        let mut line = b"\xEF\xBB\xBF".to_vec();
        line.extend(record(&cells));
        line
    }

    /// A scored respondent's line.
    pub fn scored(
        &self,
        quiz: &Quiz,
        id: &Json,
        scores: &Scores,
        warnings: &[impl Coded],
        judged: super::Judged,
        out: &mut Vec<u8>,
    ) {
        let mut cells: Vec<std::borrow::Cow<str>> = Vec::with_capacity(self.width);
        cells.push(id_cell(id));
        let best = scores.profiles.first().filter(|p| p.fit.is_some());
        cells.push(best.map_or("".into(), |b| defuse(&quiz.profiles[b.profile].id)));
        cells.push(best.map_or("".into(), |b| defuse(&quiz.profiles[b.profile].title)));
        cells.push(
            best.and_then(|b| b.fit)
                .map_or("".into(), |f| figure(f).into()),
        );
        cells.push(
            best.and_then(|b| b.band)
                .map_or("".into(), |b| defuse(&quiz.bands[b].label)),
        );
        cells.push(judged.answer.map_or("".into(), |a| a.as_str().into()));
        cells.push(match judged.confidence {
            trust::Confidence::Ok => "ok".into(),
            trust::Confidence::Low => "low".into(),
        });
        cells.push(super::talk::Groups::of(judged).cell().into());
        let mut fits = vec![None; quiz.profiles.len()];
        for p in &scores.profiles {
            fits[p.profile] = p.fit;
        }
        cells.extend(
            fits.iter()
                .map(|f| f.map_or("".into(), |f| figure(f).into())),
        );
        cells.extend(
            scores
                .traits
                .iter()
                .map(|t| t.score.map_or("".into(), |s| figure(s).into())),
        );
        let codes: Vec<&str> = warnings.iter().map(Coded::code).collect();
        cells.push(defuse(&codes.join("; ")).into_owned().into());
        cells.push("".into());
        out.extend(record(&cells));
    }

    /// A refused row's line: its id and its error, the other cells empty.
    pub fn refused(&self, id: &Json, error: &str, out: &mut Vec<u8>) {
        let mut cells: Vec<std::borrow::Cow<str>> = vec!["".into(); self.width];
        cells[0] = id_cell(id);
        cells[self.width - 1] = defuse(error);
        out.extend(record(&cells));
    }
}

/// A row's id: a number as it is, text defused.
fn id_cell(id: &Json) -> std::borrow::Cow<'_, str> {
    match id {
        Json::String(text) => defuse(text),
        other => other.to_string().into(),
    }
}

/// One CSV line, quoted where a cell needs it (by the csv crate).
fn record(cells: &[std::borrow::Cow<str>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::with_capacity(256));
    writer
        .write_record(cells.iter().map(|c| c.as_bytes()))
        .expect("a record writes to memory");
    writer.into_inner().expect("a record writes to memory")
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn cells_that_would_be_formulas_are_defused() {
        for (cell, written) in [
            ("=1+2", "'=1+2"),
            ("@SUM(1)", "'@SUM(1)"),
            ("+3", "'+3"),
            ("-4", "'-4"),
            ("\tx", "'\tx"),
            // A carriage return is a control character: shown, not sent.
            ("\rx", "\\u{d}x"),
            ("\u{202e}x", "\\u{202e}x"),
            ("r-17", "r-17"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(defuse(cell), written, "{cell:?}");
        }
    }
}
