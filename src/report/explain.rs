//! An explanation as tables: where each fit point came from, what would move the fit,
//! and how far the runner-up is behind.

use super::table::table;
use super::{Style, fixed, shorten, wrap};
use crate::explain::Explanation;
use crate::quiz::Quiz;
use comfy_table::{Cell, CellAlignment};

/// Traits shown one by one in the gap table; the rest share one row.
const GAP_ROWS: usize = 5;

fn points(x: f64) -> Cell {
    Cell::new(fixed(x, 1)).set_alignment(CellAlignment::Right)
}

pub fn render(quiz: &Quiz, e: &Explanation, style: Style) -> String {
    let width = usize::from(style.width);
    let mut out = wrap(
        &format!(
            "Why {} fits you {} out of 100: every answer's share of the fit",
            e.title,
            fixed(e.fit, 0)
        ),
        width,
        "",
    );
    let mut answers = table(style, ["Question", "Trait", "Points", "Left"]);
    for c in &e.contributions {
        let text = quiz
            .questions
            .iter()
            .find(|q| q.id == c.question)
            .map_or(c.question.as_str(), |q| q.text.as_str());
        let trait_name = quiz
            .traits
            .iter()
            .find(|t| t.id == c.trait_id)
            .map_or(c.trait_id.as_str(), |t| t.name.as_str());
        // Short enough that a row stays on one line in 80 columns.
        answers.add_row(vec![
            Cell::new(shorten(text, 34)),
            Cell::new(shorten(trait_name, 20)),
            points(c.points),
            points(c.left),
        ]);
    }
    out.push_str(&format!("{answers}\n"));
    out.push_str(&wrap(
        "Points: what the answer added to the fit. Left: what the top answer would \
         have added. The points add up to the fit.",
        width,
        "",
    ));
    if !e.movers.is_empty() {
        out.push_str("\nWhat would move you most\n");
        for m in &e.movers {
            out.push_str(&wrap(
                &format!(
                    "- {}: {} now; at 100 it would add {} points.",
                    m.name,
                    fixed(m.score, 0),
                    fixed(m.gain, 1)
                ),
                width,
                "",
            ));
        }
    }
    if let Some(r) = &e.runner_up {
        // Said with the pathway ahead first, whichever of the two is explained.
        let line = if r.behind >= 0.0 {
            format!(
                "{} ({}) is {} points ahead of the runner-up, {} ({}). Where the \
                 gap comes from, trait by trait:",
                e.title,
                fixed(e.fit, 0),
                fixed(r.behind, 1),
                r.title,
                fixed(r.fit, 0)
            )
        } else {
            format!(
                "{} ({}), your best fit, is {} points ahead of {} ({}). Where the \
                 gap comes from, trait by trait (a minus: a trait where {} is ahead):",
                r.title,
                fixed(r.fit, 0),
                fixed(-r.behind, 1),
                e.title,
                fixed(e.fit, 0),
                e.title
            )
        };
        out.push('\n');
        out.push_str(&wrap(&line, width, ""));
        let (here, there) = if r.behind >= 0.0 {
            ("Points here", "Runner-up")
        } else {
            ("Best fit", "Points here")
        };
        let mut gaps = table(style, ["Trait", here, there, "Gap"]);
        // The gap as the leader's points minus the other's, so that it reads positive.
        let sign = if r.behind >= 0.0 { 1.0 } else { -1.0 };
        let shown = r.traits.len().min(GAP_ROWS);
        for g in &r.traits[..shown] {
            let (lead, other) = if sign > 0.0 {
                (g.points, g.runner_up_points)
            } else {
                (g.runner_up_points, g.points)
            };
            gaps.add_row(vec![
                Cell::new(shorten(&g.name, 30)),
                points(lead),
                points(other),
                points(sign * g.difference),
            ]);
        }
        let rest = &r.traits[shown..];
        if !rest.is_empty() {
            let (lead, other): (f64, f64) = rest.iter().fold((0.0, 0.0), |(a, b), g| {
                if sign > 0.0 {
                    (a + g.points, b + g.runner_up_points)
                } else {
                    (a + g.runner_up_points, b + g.points)
                }
            });
            gaps.add_row(vec![
                Cell::new(format!("{} other traits", rest.len())),
                points(lead),
                points(other),
                points(lead - other),
            ]);
        }
        let (lead_fit, other_fit) = if sign > 0.0 {
            (e.fit, r.fit)
        } else {
            (r.fit, e.fit)
        };
        gaps.add_row(vec![
            Cell::new("Total: the fits"),
            points(lead_fit),
            points(other_fit),
            points(lead_fit - other_fit),
        ]);
        out.push_str(&format!("{gaps}\n"));
    }
    out
}
