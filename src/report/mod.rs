//! Everything careerfit draws, one file per format: `table.rs`, `plain.rs`,
//! `markdown.rs`, `json.rs` and `html/` each implement `Renderer`, which draws every
//! view (a result, an explanation, a comparison, a class's summary, an analysis,
//! the catalog of quizzes). The views' shared words are beside them (`view.rs`,
//! `explain.rs`, `compare.rs`, `class.rs`, `analysis.rs`, `catalog.rs`, which also
//! has `validate`'s lines); a quiz as a form is `form.rs`. Adding a format is adding
//! a file and a line to `renderer`.

pub mod analysis;
pub mod apps_script;
pub mod catalog;
pub mod class;
pub mod compare;
pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;
pub mod table;
mod view;

pub use catalog::Catalog;
pub use explain::Explained;
pub use view::View;

use crate::analysis::Analysis;
use crate::batch::summary::Summary;
use crate::compare::Comparison;
use crate::quiz::Quiz;
use crate::result::{OccupationEntry, QuizResult};
pub use crate::text::{bullet, fixed, shorten, wrap};
use crate::trust::{self, Confidence};

/// The formats a view is drawn in, each by its `Renderer`. Every command that draws
/// a view offers them all, in its own words (`cli::formats`); the rows `score` writes
/// (JSON Lines, CSV) are `batch`'s, a row at a time. A new format is a file here, a
/// variant, its name and its arm in `renderer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Plain,
    Markdown,
    Json,
    Html,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Table,
        Format::Plain,
        Format::Markdown,
        Format::Json,
        Format::Html,
    ];

    /// The name a person types after `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// A class's summary, as `score --summary` and `score --report` draw it: the rows
/// read from `input`, scored at `made`.
pub struct Class<'a> {
    pub quiz: &'a Quiz,
    pub summary: &'a Summary,
    pub input: &'a str,
    pub made: &'a str,
}

/// One format's drawing of each view careerfit shows.
pub trait Renderer {
    /// A result; a summary shows the explanation `--explain` asked for, a page the
    /// best pathway's (see `View`).
    fn result(&self, view: &View) -> String;
    fn explanation(&self, view: &Explained) -> String;
    fn comparison(&self, comparison: &Comparison) -> String;
    fn class(&self, class: &Class) -> String;
}

/// The formats `analyze`'s evidence, for a quiz's author, is drawn in: tables on
/// the terminal, and the JSON and the web page `-o` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisFormat {
    Table,
    Json,
    Html,
}

/// `analyze`'s evidence in `format`.
pub fn analysis(analysis: &Analysis, format: AnalysisFormat, style: Style) -> String {
    match format {
        AnalysisFormat::Table => table::analysis::analysis(analysis, style),
        AnalysisFormat::Json => json::pretty(analysis),
        AnalysisFormat::Html => html::analysis::render(analysis),
    }
}

/// The quizzes there are (`list`), as a table: the one way it is drawn.
pub fn catalog(catalog: &Catalog, style: Style) -> String {
    table::catalog(catalog, style)
}

/// A result's summary, then the explanation `--explain` asked for, if it did.
fn then_explained(mut text: String, view: &View, draw: impl Fn(&Explained) -> String) -> String {
    if let Some(e) = &view.explained {
        text.push('\n');
        text.push_str(&draw(e));
    }
    text
}

/// A terminal's summary ends on the answer (`View::recap`): by the last screen, the
/// verdict at the top has scrolled away.
fn then_recapped(mut text: String, view: &View, width: usize) -> String {
    if let Some(recap) = &view.recap {
        text.push('\n');
        text.push_str(&wrap(recap, width, ""));
    }
    text
}

/// The renderer of a format, for drawing to `style`.
pub fn renderer(format: Format, style: Style) -> Box<dyn Renderer> {
    match format {
        Format::Table => Box::new(table::Tables(style)),
        Format::Plain => Box::new(plain::Plain(usize::from(style.width))),
        Format::Markdown => Box::new(markdown::Markdown),
        Format::Json => Box::new(json::Json),
        Format::Html => Box::new(html::Html),
    }
}

/// The caution every summary leads with, before the pathways, when confidence is low.
pub fn caution(result: &QuizResult) -> Option<String> {
    match result.confidence {
        Confidence::Low => trust::caution(&result.warnings)
            .or_else(|| Some("Low confidence: read the fits below with care.".to_string())),
        Confidence::Ok => None,
    }
}

/// Dollars with thousands separators: 50250 -> "$50,250".
fn dollars(amount: f64) -> String {
    let whole = format!("{:.0}", amount.round());
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("${out}")
}

/// An occupation in one sentence, every figure with its year, and where to check
/// today's: "Medical Records Specialists (O*NET-SOC 29-2072.00): median pay $50,250 a
/// year (2024); growth 7% projected for 2024-34. Today's figures: https://...". The
/// address is the code's O*NET page, short enough for an 80-column line.
pub fn occupation_line(o: &OccupationEntry) -> String {
    format!("{} Today's figures: {}", occupation_facts(o), o.check_at)
}

/// An occupation and its dated figures, without the address to check them.
pub fn occupation_facts(o: &OccupationEntry) -> String {
    let mut figures = Vec::new();
    if let (Some(pay), Some(year)) = (o.median_pay, o.pay_year) {
        figures.push(format!("median pay {} a year ({year})", dollars(pay)));
    }
    if let (Some(growth), Some(period)) = (o.growth, &o.growth_period) {
        figures.push(format!(
            "growth {}% projected for {period}",
            fixed(growth, 0)
        ));
    }
    let mut line = format!("{} (O*NET-SOC {})", o.title, o.code);
    if !figures.is_empty() {
        line.push_str(": ");
        line.push_str(&figures.join("; "));
    }
    line.push('.');
    line
}

/// How the person's terminal wants text drawn; decided once in `app`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Columns available; never more than 80.
    pub width: u16,
}

#[cfg(test)]
mod one_story;

#[cfg(test)]
mod tests {
    use super::dollars;

    #[test]
    fn dollars_have_thousands_separators() {
        assert_eq!(dollars(50250.0), "$50,250");
        assert_eq!(dollars(110680.0), "$110,680");
        assert_eq!(dollars(999.0), "$999");
        assert_eq!(dollars(1000.0), "$1,000");
    }
}
