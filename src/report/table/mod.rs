//! Tables for a person to read in a terminal, fitted to its width: a result (ranked
//! pathways, traits, the best pathway), an explanation, a comparison, a class's
//! summary and an analysis (`--format table`, the default).

use super::class::{by_answer, by_best_fit, figure, heading, share, talk, talk_line, verdict_line};
use super::compare::labels;
use super::explain::{Explained, mover};
pub(super) mod analysis;

use super::{Catalog, View};
use super::{Style, bullet, wrap};
use super::{fixed, shorten};
use crate::batch::summary::Summary;
use crate::compare::Comparison;
use crate::quiz::Quiz;
use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets::UTF8_FULL_CONDENSED,
};

/// Tables drawn with box characters, fitted to the terminal.
pub struct Tables(pub Style);

impl super::Renderer for Tables {
    fn result(&self, v: &View) -> String {
        let text = super::then_explained(render(v, self.0), v, |e| explanation(e, self.0));
        super::then_recapped(text, v, usize::from(self.0.width))
    }
    fn explanation(&self, v: &Explained) -> String {
        explanation(v, self.0)
    }
    fn comparison(&self, c: &Comparison) -> String {
        comparison(c, self.0)
    }
    fn class(&self, c: &super::Class) -> String {
        class(c.summary, c.quiz, self.0)
    }
}

const BAR_CELLS: usize = 20;

pub fn render(v: &View, style: Style) -> String {
    let result = v.result;
    let width = usize::from(style.width);
    let mut out = String::new();
    out.push_str(&wrap(
        &format!("{} (quiz {}, version {})", v.title, v.quiz_id, v.version),
        width,
        "",
    ));
    out.push('\n');
    if let Some((answer, reasons)) = &v.verdict {
        out.push_str(&wrap(answer, width, ""));
        for reason in reasons {
            out.push_str(&bullet(reason, width, "- "));
        }
        out.push('\n');
    }
    if let Some(caution) = &v.caution {
        out.push_str(&bullet(caution, width, "! "));
        out.push('\n');
    }

    out.push_str("Your pathways, best fit first\n");
    let mut pathways = table(style, ["Rank", "Pathway", "Fit", "Band", "Education"]);
    for (rank, profile) in result.profiles.iter().enumerate() {
        let band_index = v.band_rank[rank];
        let band_text = match (&profile.band, profile.fit) {
            (Some(label), _) => label.as_str(),
            (None, Some(_)) => "no band",
            (None, None) => "not scored",
        };
        let mut band = Cell::new(band_text);
        if style.color {
            band = match band_index {
                Some(0) => band.fg(Color::Green).add_attribute(Attribute::Bold),
                Some(1) => band.fg(Color::Cyan),
                Some(2) => band.fg(Color::Yellow),
                _ => band,
            };
        }
        pathways.add_row(vec![
            Cell::new(rank + 1).set_alignment(CellAlignment::Right),
            Cell::new(&profile.title),
            Cell::new(v.fits[rank].as_deref().unwrap_or("n/a")).set_alignment(CellAlignment::Right),
            band,
            Cell::new(first_clause(profile.education.as_deref().unwrap_or(""))),
        ]);
    }
    out.push_str(&format!("{pathways}\n"));
    if let Some(tie) = &v.tie {
        out.push_str(&wrap(tie, width, ""));
    }
    for line in &v.out_of_reach {
        out.push_str(&wrap(line, width, ""));
    }
    out.push('\n');

    out.push_str("Your traits (0 to 100)\n");
    let mut traits = table(style, ["Trait", "Score", "", "Answered"]);
    if let Some(bar) = traits.column_mut(2) {
        bar.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
            BAR_CELLS as u16 + 2,
        )));
    }
    for t in &result.traits {
        traits.add_row(vec![
            Cell::new(&t.name),
            Cell::new(score_text(t.score)).set_alignment(CellAlignment::Right),
            Cell::new(t.score.map_or("not assessed".to_string(), bar)),
            Cell::new(format!("{} of {}", t.answered, t.questions)),
        ]);
    }
    out.push_str(&format!("{traits}\n"));
    if let Some(note) = &v.forced_note {
        out.push_str(&wrap(note, width, ""));
    }
    out.push('\n');

    if let Some(view) = &v.best {
        let best = view.entry;
        out.push_str(&wrap(
            &format!(
                "{}: {} ({}, {} of 100)",
                v.best_heading,
                best.title,
                best.band.as_deref().unwrap_or("no band"),
                v.fits[0].as_deref().unwrap_or("n/a")
            ),
            width,
            "",
        ));
        let mut detail = table(style, []);
        let mut row = |name: &str, value: String| {
            if !value.is_empty() {
                detail.add_row(vec![
                    Cell::new(name).add_attribute(Attribute::Bold),
                    Cell::new(value),
                ]);
            }
        };
        row(
            "What it means",
            view.band_message.unwrap_or_default().to_string(),
        );
        row("The work", view.summary.unwrap_or_default().to_string());
        row("Education", best.education.clone().unwrap_or_default());
        row("Job titles", best.job_titles.join(", "));
        row(
            "Occupations",
            best.occupations
                .iter()
                .map(|o| format!("• {}", super::occupation_line(o)))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        row(
            "Certifications",
            best.certifications
                .iter()
                .map(|c| match &c.detail {
                    Some(detail) => format!("• {}: {detail}", c.name),
                    None => format!("• {}", c.name),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
        row(
            "Next steps",
            view.next_steps
                .iter()
                .enumerate()
                .map(|(i, step)| format!("{}. {step}", i + 1))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        row("Growth areas", view.growth_areas.join("\n"));
        out.push_str(&format!("{detail}\n"));
    } else {
        out.push_str("No pathway could be scored: answer at least one question.\n");
    }

    if !result.warnings.is_empty() {
        out.push_str("\nNotes\n");
        for warning in &result.warnings {
            out.push_str(&bullet(&warning.to_string(), width, "- "));
        }
    }
    out
}

/// The start of a text, up to its first `,`, `;`, `:` or `.`: enough to compare
/// pathways in a row; the whole text is in the best fit's details.
fn first_clause(text: &str) -> &str {
    text.find([',', ';', ':', '.'])
        .map_or(text, |end| &text[..end])
}

/// A table in the house style, wrapping its cells to fit the width.
pub fn table<const N: usize>(style: Style, header: [&str; N]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if N > 0 {
        table.set_header(
            header
                .iter()
                .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
        );
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// A score rounded for reading; the JSON keeps full precision.
fn score_text(score: Option<f64>) -> String {
    score.map_or("n/a".to_string(), |s| super::fixed(s, 0))
}

/// A 20-cell text bar, one cell per 5 points.
fn bar(score: f64) -> String {
    let filled = ((score / 100.0) * BAR_CELLS as f64)
        .round()
        .clamp(0.0, BAR_CELLS as f64) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_CELLS - filled))
}

// An explanation.

/// As tables, wrapped to the terminal.
pub fn explanation(v: &Explained, style: Style) -> String {
    let width = usize::from(style.width);
    let mut out = wrap(&v.headline, width, "");
    let mut answers = table(style, ["Question", "Trait", "Points", "Left"]);
    for (text, trait_name, points_, left) in &v.answers {
        // Short enough that a row stays on one line in 80 columns.
        answers.add_row(vec![
            Cell::new(shorten(text, 34)),
            Cell::new(shorten(trait_name, 20)),
            points(*points_),
            points(*left),
        ]);
    }
    out.push_str(&format!("{answers}\n"));
    out.push_str(&wrap(
        "Points: what the answer added to the fit. Left: what the top answer would \
         have added. The points add up to the fit.",
        width,
        "",
    ));
    if !v.e.movers.is_empty() {
        out.push_str("\nWhat would move you most\n");
        for m in &v.e.movers {
            out.push_str(&wrap(&mover(m), width, ""));
        }
    }
    if let Some(gap) = &v.gap {
        out.push('\n');
        out.push_str(&wrap(&gap.sentence, width, ""));
        let mut gaps = table(style, ["Trait", gap.columns[0], gap.columns[1], "Gap"]);
        for (name, lead, other) in &gap.rows {
            gaps.add_row(vec![
                Cell::new(shorten(name, 30)),
                points(*lead),
                points(*other),
                points(lead - other),
            ]);
        }
        out.push_str(&format!("{gaps}\n"));
    }
    out
}

fn points(x: f64) -> Cell {
    Cell::new(fixed(x, 1)).set_alignment(CellAlignment::Right)
}

// A comparison.

/// The comparison as two tables, then the warnings.
pub fn comparison(c: &Comparison, style: Style) -> String {
    // Everything here comes from two result files, which a person may have edited.
    let safe = |text: &str| crate::text::escape_controls(text).into_owned();
    let mut out = super::wrap(
        &safe(&format!(
            "Quiz {}: from {} (version {}) to {} (version {})",
            c.quiz, c.old_completed_at, c.old_version, c.new_completed_at, c.new_version
        )),
        usize::from(style.width),
        "",
    );
    out.push_str("\nPathways\n");
    let [old, new] = labels(c).map(|label| safe(&label));
    // One column per result, headed by when it was taken: its fit, then its rank.
    let mut pathways = table(
        style,
        [
            "Pathway",
            &format!("{old}\nfit (rank)"),
            &format!("{new}\nfit (rank)"),
            "Change",
        ],
    );
    for p in &c.pathways {
        pathways.add_row(vec![
            Cell::new(safe(&p.title)),
            fit_and_rank(p.old_fit, p.old_rank),
            fit_and_rank(p.new_fit, p.new_rank),
            signed(p.change),
        ]);
    }
    out.push_str(&format!("{pathways}\n\nTraits\n"));
    let mut traits = table(style, ["Trait", &old, &new, "Change"]);
    for t in &c.traits {
        traits.add_row(vec![
            Cell::new(safe(&t.name)),
            number(t.old),
            number(t.new),
            signed(t.change),
        ]);
    }
    out.push_str(&format!("{traits}\n"));
    for warning in &c.warnings {
        out.push_str(&super::wrap(
            &safe(&format!("Note: {warning}")),
            usize::from(style.width),
            "",
        ));
    }
    out
}

fn number(x: Option<f64>) -> Cell {
    Cell::new(x.map_or("n/a".to_string(), |x| crate::text::fixed(x, 0)))
        .set_alignment(CellAlignment::Right)
}

/// A change to one decimal, so that 17.6 to 17.2 reads as -0.4, not as no change.
fn signed(x: Option<f64>) -> Cell {
    Cell::new(x.map_or(String::new(), |x| crate::text::signed(x, 1)))
        .set_alignment(CellAlignment::Right)
}

/// `85 (#1)`: a fit and its rank; `n/a` for a pathway with no fit.
fn fit_and_rank(fit: Option<f64>, rank: Option<usize>) -> Cell {
    let text = match (fit, rank) {
        (Some(fit), Some(rank)) => format!("{} (#{rank})", crate::text::fixed(fit, 0)),
        (Some(fit), None) => crate::text::fixed(fit, 0),
        (None, _) => "n/a".to_string(),
    };
    Cell::new(text).set_alignment(CellAlignment::Right)
}

// A class's summary.

/// Tables, fitted to `style`'s width.
pub fn class(summary: &Summary, quiz: &Quiz, style: Style) -> String {
    let (title, counts) = heading(quiz, summary);
    let mut out = format!("{title}\n{counts}\n\n");
    if let Some(line) = verdict_line(summary, quiz) {
        out.push_str(&crate::text::wrap(&line, usize::from(style.width), ""));
        out.push('\n');
    }
    let number = |x: Option<f64>| Cell::new(figure(x)).set_alignment(CellAlignment::Right);
    out.push_str("Pathways, by how many fit them best\n");
    let mut pathways = match quiz.verdict {
        Some(_) => table(style, ["Pathway", "Best fit for", "By answer", "Mean fit"]),
        None => table(style, ["Pathway", "Best fit for", "Mean fit"]),
    };
    for p in by_best_fit(summary, quiz) {
        let mut row = vec![
            Cell::new(p.title),
            Cell::new(share(summary, p.best_fit)).set_alignment(CellAlignment::Right),
        ];
        // "1 probably not" is not broken over lines (comfy-table breaks at spaces).
        row.extend(
            by_answer(quiz, &p)
                .map(|s| Cell::new(s.replace(' ', "\u{a0}").replace(",\u{a0}", ", "))),
        );
        row.push(number(p.mean_fit));
        pathways.add_row(row);
    }
    out.push_str(&format!("{pathways}\n\n"));
    out.push_str("Traits (0 to 100): mean and spread (standard deviation)\n");
    let mut traits = table(style, ["Trait", "Mean", "Spread", "Assessed"]);
    for t in summary.traits(quiz) {
        traits.add_row(vec![
            Cell::new(t.name),
            number(t.mean),
            number(t.spread),
            Cell::new(t.assessed).set_alignment(CellAlignment::Right),
        ]);
    }
    out.push_str(&format!("{traits}\n"));
    let groups = talk(summary, quiz);
    if !groups.is_empty() {
        out.push_str("\nTalk these through first\n");
        for group in groups {
            out.push_str(&crate::text::wrap(
                &group.heading,
                usize::from(style.width),
                "",
            ));
            for entry in &group.entries {
                // A list item's later lines line up under its text.
                let width = usize::from(style.width).saturating_sub(2);
                let line = talk_line(entry);
                for (i, part) in crate::text::wrap(&line, width, "").lines().enumerate() {
                    out.push_str(if i == 0 { "- " } else { "  " });
                    out.push_str(part);
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn right(text: String) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

/// Keep a column at least as wide as the longest word of its cells (up to a third
/// of the width), so that the table narrows other columns rather than break a word.
/// (comfy-table's widths include the cell's padding, a space each side.)
fn keep_words(table: &mut Table, column: usize, cells: &[&str], width: usize) {
    let longest = cells
        .iter()
        .flat_map(|c| c.split_whitespace())
        .map(|w| w.chars().count() + 2)
        .max()
        .unwrap_or(0)
        .min(width / 3);
    if let (Some(column), Ok(longest)) = (table.column_mut(column), u16::try_from(longest)) {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(longest)));
    }
}

// The quizzes there are.

/// `list`: a table of the quizzes, the notes on files that a built-in quiz shadows,
/// and how to take one.
pub(super) fn catalog(catalog: &Catalog, style: Style) -> String {
    let mut table = table(style, ["Id", "Title", "Questions", "From"]);
    // An id (what `take ID` takes, copied from here) and a path are not broken over
    // lines; the title wraps instead.
    for column in [0, 3] {
        if let Some(column) = table.column_mut(column) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    for row in &catalog.quizzes {
        table.add_row(row);
    }
    let mut out = format!("{table}\n");
    for note in &catalog.notes {
        out.push_str(&wrap(note, usize::from(style.width), ""));
    }
    out.push_str("Take one with: careerfit take ID (or a path to a quiz file)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bar_has_one_cell_per_five_points() {
        assert_eq!(bar(0.0), "░".repeat(20));
        assert_eq!(bar(100.0), "█".repeat(20));
        assert_eq!(bar(62.5), format!("{}{}", "█".repeat(13), "░".repeat(7)));
        assert_eq!(bar(12.0), format!("{}{}", "█".repeat(2), "░".repeat(18)));
    }
}
