//! An explanation for a person: where each fit point came from, what would move the
//! fit, and the gap to the nearest other pathway. One view of it (`View`), drawn as
//! tables, as plain sentences, or as Markdown.

use super::table::table;
use super::{Style, fixed, shorten, wrap};
use crate::explain::Explanation;
use crate::quiz::Quiz;
use comfy_table::{Cell, CellAlignment};

/// Traits shown one by one in the gap table; the rest share one row.
const GAP_ROWS: usize = 5;

/// An explanation with the quiz's words looked up once, and its gap laid out: what
/// every renderer of an explanation takes.
pub struct Explained<'a> {
    pub e: &'a Explanation,
    /// The quiz's title, id and version, for a page of its own.
    pub quiz: (&'a str, &'a str, &'a str),
    headline: String,
    /// (question text, trait name, points, left), in the explanation's order.
    pub answers: Vec<(&'a str, &'a str, f64, f64)>,
    gap: Option<Gap>,
}

/// The gap, said with the pathway ahead first, in rows that add up to it.
struct Gap {
    sentence: String,
    /// Column titles for the two pathways' points: the leader's first.
    columns: [&'static str; 2],
    /// (trait, the leader's points, the other's points); the last row is the total.
    rows: Vec<(String, f64, f64)>,
}

impl<'a> Explained<'a> {
    pub fn new(quiz: &'a Quiz, e: &'a Explanation) -> Self {
        let answers = e
            .contributions
            .iter()
            .map(|c| {
                let text = quiz
                    .question_index(&c.question)
                    .map_or(c.question.as_str(), |i| quiz.questions[i].text.as_str());
                let trait_name = quiz
                    .traits
                    .iter()
                    .find(|t| t.id == c.trait_id)
                    .map_or(c.trait_id.as_str(), |t| t.name.as_str());
                (text, trait_name, c.points, c.left)
            })
            .collect();
        Explained {
            e,
            quiz: (&quiz.title, &quiz.id, &quiz.version),
            headline: format!(
                "Why {} fits you {} out of 100: every answer's share of the fit",
                e.title,
                fixed(e.fit, 0)
            ),
            answers,
            gap: gap(e),
        }
    }
}

fn gap(e: &Explanation) -> Option<Gap> {
    let r = e.runner_up.as_ref()?;
    let ahead = r.behind >= 0.0;
    let sentence = if ahead {
        format!(
            "{} ({}) is {} points ahead of the runner-up, {} ({}). Where the gap comes \
             from, trait by trait:",
            e.title,
            fixed(e.fit, 0),
            fixed(r.behind, 1),
            r.title,
            fixed(r.fit, 0)
        )
    } else {
        format!(
            "{} ({}), your best fit, is {} points ahead of {} ({}). Where the gap comes \
             from, trait by trait (a minus: a trait where {} is ahead):",
            r.title,
            fixed(r.fit, 0),
            fixed(-r.behind, 1),
            e.title,
            fixed(e.fit, 0),
            e.title
        )
    };
    // Each row as the leader's points and the other's, so the gap reads positive.
    let lead = |here: f64, there: f64| if ahead { (here, there) } else { (there, here) };
    let shown = r.traits.len().min(GAP_ROWS);
    let mut rows: Vec<(String, f64, f64)> = r.traits[..shown]
        .iter()
        .map(|g| {
            let (a, b) = lead(g.points, g.runner_up_points);
            (g.name.clone(), a, b)
        })
        .collect();
    let rest = &r.traits[shown..];
    if !rest.is_empty() {
        let (a, b) = rest.iter().fold((0.0, 0.0), |(a, b), g| {
            let (x, y) = lead(g.points, g.runner_up_points);
            (a + x, b + y)
        });
        rows.push((format!("{} other traits", rest.len()), a, b));
    }
    let (a, b) = lead(e.fit, r.fit);
    rows.push(("Total: the fits".to_string(), a, b));
    Some(Gap {
        sentence,
        columns: if ahead {
            ["Points here", "Runner-up"]
        } else {
            ["Best fit", "Points here"]
        },
        rows,
    })
}

fn points(x: f64) -> Cell {
    Cell::new(fixed(x, 1)).set_alignment(CellAlignment::Right)
}

/// As tables, wrapped to the terminal.
pub fn render(v: &Explained, style: Style) -> String {
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

fn mover(m: &crate::explain::Mover) -> String {
    format!(
        "- {}: {} now; at 100 it would add {} points.",
        m.name,
        fixed(m.score, 0),
        fixed(m.gain, 1)
    )
}

/// As plain sentences, for screen readers and plain text.
pub fn render_plain(v: &Explained, width: usize) -> String {
    let mut out = wrap(&format!("{}.", v.headline), width, "");
    for (text, trait_name, points, left) in &v.answers {
        out.push_str(&wrap(
            &format!(
                "- {text} ({trait_name}): {} points; the top answer would have added {} more.",
                fixed(*points, 1),
                fixed(*left, 1)
            ),
            width,
            "",
        ));
    }
    out.push_str(&wrap("The points add up to the fit.", width, ""));
    if !v.e.movers.is_empty() {
        out.push_str("\nWhat would move you most:\n");
        for m in &v.e.movers {
            out.push_str(&wrap(&mover(m), width, ""));
        }
    }
    if let Some(gap) = &v.gap {
        out.push('\n');
        out.push_str(&wrap(&gap.sentence, width, ""));
        for (name, lead, other) in &gap.rows {
            out.push_str(&wrap(
                &format!(
                    "- {name}: {} against {}, a gap of {}.",
                    fixed(*lead, 1),
                    fixed(*other, 1),
                    fixed(lead - other, 1)
                ),
                width,
                "",
            ));
        }
    }
    out
}

/// As Markdown, every quiz text escaped.
pub fn render_markdown(v: &Explained) -> String {
    use super::markdown::{cell, item};
    let mut out = format!(
        "## {}\n\n| Question | Trait | Points | Left |\n|---|---|---:|---:|\n",
        item(&v.headline)
    );
    for (text, trait_name, points, left) in &v.answers {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(text),
            cell(trait_name),
            fixed(*points, 1),
            fixed(*left, 1)
        ));
    }
    out.push_str("\nThe points add up to the fit.\n");
    if !v.e.movers.is_empty() {
        out.push_str("\n**What would move you most**\n\n");
        for m in &v.e.movers {
            out.push_str(&format!("- {}\n", item(mover(m).trim_start_matches("- "))));
        }
    }
    if let Some(gap) = &v.gap {
        out.push_str(&format!(
            "\n{}\n\n| Trait | {} | {} | Gap |\n|---|---:|---:|---:|\n",
            item(&gap.sentence),
            gap.columns[0],
            gap.columns[1]
        ));
        for (name, lead, other) in &gap.rows {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(name),
                fixed(*lead, 1),
                fixed(*other, 1),
                fixed(lead - other, 1)
            ));
        }
    }
    out
}
