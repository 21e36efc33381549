//! `careerfit compare`: how a result moved, as tables, plain sentences, Markdown or
//! a self-contained web page, side by side.

use super::Style;
use super::table::table;
use crate::compare::Comparison;
use comfy_table::{Cell, CellAlignment};
use maud::html;

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

/// The comparison as two tables, then the warnings.
pub fn render(c: &Comparison, style: Style) -> String {
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

/// What heads each result's columns: the day it was taken (`2026-02-01`); its time
/// (`10:00`, or `10:00:30`) when both were taken the same day; `Old` and `New` when
/// they were taken at the same moment or a time cannot be read.
fn labels(c: &Comparison) -> [String; 2] {
    let parts = |at: &str| -> Option<(String, String)> {
        let (date, time) = at.split_once('T')?;
        let is_date = date.len() == 10
            && date.chars().enumerate().all(|(i, ch)| {
                if i == 4 || i == 7 {
                    ch == '-'
                } else {
                    ch.is_ascii_digit()
                }
            });
        let time: String = time.chars().take(8).collect();
        let is_time = time.len() == 8 && time.chars().all(|ch| ch.is_ascii_digit() || ch == ':');
        (is_date && is_time).then(|| (date.to_string(), time))
    };
    match (parts(&c.old_completed_at), parts(&c.new_completed_at)) {
        (Some((old_day, _)), Some((new_day, _))) if old_day != new_day => [old_day, new_day],
        (Some((_, old)), Some((_, new))) if old[..5] != new[..5] => {
            [old[..5].to_string(), new[..5].to_string()]
        }
        (Some((_, old)), Some((_, new))) if old != new => [old, new],
        _ => ["Old".to_string(), "New".to_string()],
    }
}

fn either(x: Option<f64>, decimals: usize) -> String {
    x.map_or("n/a".to_string(), |x| crate::text::fixed(x, decimals))
}

fn rank_text(r: Option<usize>) -> String {
    r.map_or("-".to_string(), |r| r.to_string())
}

/// The comparison as plain sentences, for screen readers and plain text.
pub fn render_plain(c: &Comparison, width: usize) -> String {
    let safe = |text: &str| crate::text::escape_controls(text).into_owned();
    let wrap = |text: &str| super::wrap(&safe(text), width, "");
    let mut out = wrap(&format!(
        "Quiz {}: from {} (version {}) to {} (version {}).",
        c.quiz, c.old_completed_at, c.old_version, c.new_completed_at, c.new_version
    ));
    out.push_str("\nPathways, old rank and fit, then new:\n");
    for p in &c.pathways {
        out.push_str(&wrap(&format!(
            "- {}: rank {}, fit {}; now rank {}, fit {}; change {}.",
            p.title,
            rank_text(p.old_rank),
            either(p.old_fit, 0),
            rank_text(p.new_rank),
            either(p.new_fit, 0),
            p.change
                .map_or("n/a".to_string(), |x| crate::text::signed(x, 1))
        )));
    }
    out.push_str("\nTraits, old and new:\n");
    for t in &c.traits {
        out.push_str(&wrap(&format!(
            "- {}: {} then {}; change {}.",
            t.name,
            either(t.old, 0),
            either(t.new, 0),
            t.change
                .map_or("n/a".to_string(), |x| crate::text::signed(x, 1))
        )));
    }
    for warning in &c.warnings {
        out.push_str(&wrap(&format!("Note: {warning}")));
    }
    out
}

/// The comparison as Markdown, every text from the results escaped.
pub fn render_markdown(c: &Comparison) -> String {
    use super::markdown::{cell, item};
    let mut out = format!(
        "# {}\n\nFrom {} (version {}) to {} (version {}).\n\n## Pathways\n\n\
         | Pathway | Rank | Fit | Rank | Fit | Change |\n|---|---:|---:|---:|---:|---:|\n",
        item(&c.quiz),
        item(&c.old_completed_at),
        item(&c.old_version),
        item(&c.new_completed_at),
        item(&c.new_version)
    );
    for p in &c.pathways {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(&p.title),
            rank_text(p.old_rank),
            either(p.old_fit, 0),
            rank_text(p.new_rank),
            either(p.new_fit, 0),
            p.change
                .map_or(String::new(), |x| crate::text::signed(x, 1))
        ));
    }
    out.push_str("\n## Traits\n\n| Trait | Old | New | Change |\n|---|---:|---:|---:|\n");
    for t in &c.traits {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&t.name),
            either(t.old, 0),
            either(t.new, 0),
            t.change
                .map_or(String::new(), |x| crate::text::signed(x, 1))
        ));
    }
    for warning in &c.warnings {
        out.push_str(&format!("\n{}\n", item(&format!("Note: {warning}"))));
    }
    out
}

/// The comparison as a web page: the same two tables, every text escaped by maud.
pub fn render_html(c: &Comparison) -> String {
    let signed = |x: Option<f64>| x.map_or(String::new(), |x| crate::text::signed(x, 1));
    let body = html! {
        h1 { "How your result moved" }
        p.meta { "Quiz " (c.quiz) ": from " (c.old_completed_at) " (version " (c.old_version)
            ") to " (c.new_completed_at) " (version " (c.new_version) ")." }
        section {
            h2 { "Pathways" }
            table {
                caption { "Each pathway's rank and fit before and now" }
                (super::html::head("Pathway", &["Old rank", "Old fit", "New rank", "New fit", "Change"]))
                tbody {
                    @for p in &c.pathways {
                        tr {
                            th scope="row" { (p.title) }
                            td.num { (rank_text(p.old_rank)) }
                            td.num { (either(p.old_fit, 0)) }
                            td.num { (rank_text(p.new_rank)) }
                            td.num { (either(p.new_fit, 0)) }
                            td.num { (signed(p.change)) }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Traits" }
            table {
                caption { "Each trait's score (0 to 100) before and now" }
                (super::html::head("Trait", &["Old", "New", "Change"]))
                tbody {
                    @for t in &c.traits {
                        tr {
                            th scope="row" { (t.name) }
                            td.num { (either(t.old, 0)) }
                            td.num { (either(t.new, 0)) }
                            td.num { (signed(t.change)) }
                        }
                    }
                }
            }
        }
        @for warning in &c.warnings {
            p { "Note: " (warning) }
        }
    };
    super::html::page(
        &format!("{}: how your result moved", c.quiz),
        super::html::STYLE,
        body,
    )
}
