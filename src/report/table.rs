//! The result as tables for a person to read: ranked pathways, traits, the best pathway.

use super::View;
use super::{Style, wrap};
use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets::UTF8_FULL_CONDENSED,
};

const BAR_CELLS: usize = 20;

/// "- " then the text wrapped to `width`, its later lines under the first's text.
fn bullet(text: &str, width: usize) -> String {
    let wrapped = wrap(text, width.saturating_sub(2), "");
    let mut out = String::new();
    for (i, line) in wrapped.lines().enumerate() {
        out.push_str(if i == 0 { "- " } else { "  " });
        out.push_str(line);
        out.push('\n');
    }
    out
}

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
            out.push_str(&bullet(reason, width));
        }
        out.push('\n');
    }
    if let Some(caution) = &v.caution {
        out.push_str(&wrap(&format!("! {caution}"), width, ""));
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
            Cell::new(score_text(profile.fit)).set_alignment(CellAlignment::Right),
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
                score_text(best.fit)
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
            best.next_steps
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
            out.push_str(&wrap(&format!("- {warning}"), width, ""));
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
