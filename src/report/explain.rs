//! An explanation as tables: where each fit point came from, what would move the fit,
//! and how far the runner-up is behind.

use super::table::table;
use super::{Style, shorten, wrap};
use crate::explain::Explanation;
use crate::quiz::Quiz;
use comfy_table::{Cell, CellAlignment};

fn points(x: f64) -> Cell {
    Cell::new(format!("{x:.1}")).set_alignment(CellAlignment::Right)
}

pub fn render(quiz: &Quiz, e: &Explanation, style: Style) -> String {
    let width = usize::from(style.width);
    let mut out = wrap(
        &format!(
            "Why {} fits you {:.0} out of 100: every answer's share of the fit",
            e.title, e.fit
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
                    "- {}: {:.0} now; at 100 it would add {:.1} points.",
                    m.name, m.score, m.gain
                ),
                width,
                "",
            ));
        }
    }
    if let Some(r) = &e.runner_up {
        let line = if r.behind >= 0.0 {
            format!(
                "Runner-up: {} ({:.0} out of 100), {:.1} points behind. Where the gap comes from:",
                r.title, r.fit, r.behind
            )
        } else {
            format!(
                "Ahead of it: {} ({:.0} out of 100), {:.1} points ahead. Where the gap comes from:",
                r.title, r.fit, -r.behind
            )
        };
        out.push('\n');
        out.push_str(&wrap(&line, width, ""));
        let mut gaps = table(style, ["Trait", "Points here", "Points there"]);
        for g in r.traits.iter().take(5) {
            gaps.add_row(vec![
                Cell::new(&g.name),
                points(g.points),
                points(g.runner_up_points),
            ]);
        }
        out.push_str(&format!("{gaps}\n"));
    }
    out
}
