//! How a person's result moved between two takes of one quiz: per trait and per
//! pathway, the old and new score and the change, with the pathways' ranks.

use crate::report::Style;
use crate::report::table::table;
use crate::result::QuizResult;
use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub schema: &'static str,
    pub quiz: String,
    pub old_version: String,
    pub new_version: String,
    pub old_completed_at: String,
    pub new_completed_at: String,
    pub traits: Vec<TraitChange>,
    pub pathways: Vec<PathwayChange>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraitChange {
    pub id: String,
    pub name: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// new - old, when both were assessed.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathwayChange {
    pub id: String,
    pub title: String,
    /// 1 is the best fit; `None` when the pathway is not in that result.
    pub old_rank: Option<usize>,
    pub new_rank: Option<usize>,
    pub old_fit: Option<f64>,
    pub new_fit: Option<f64>,
    pub change: Option<f64>,
}

fn change(old: Option<f64>, new: Option<f64>) -> Option<f64> {
    Some(new? - old?)
}

/// Compare two results. Results of different quizzes cannot be compared; different
/// versions of one quiz are, with a warning.
pub fn compare(old: &QuizResult, new: &QuizResult) -> Result<Comparison, String> {
    if old.quiz.id != new.quiz.id {
        return Err(format!(
            "these results are of different quizzes (`{}` and `{}`), so they cannot be compared",
            old.quiz.id, new.quiz.id
        ));
    }
    let mut warnings = Vec::new();
    if old.quiz.version != new.quiz.version {
        warnings.push(format!(
            "The results come from versions {} and {} of the quiz; questions may have changed \
             between them, so part of a change may come from the quiz, not from you.",
            old.quiz.version, new.quiz.version
        ));
    }
    // In the new result's order, then anything only the old one has.
    let mut traits: Vec<TraitChange> = new
        .traits
        .iter()
        .map(|t| {
            let before = old
                .traits
                .iter()
                .find(|o| o.id == t.id)
                .and_then(|o| o.score);
            TraitChange {
                id: t.id.clone(),
                name: t.name.clone(),
                old: before,
                new: t.score,
                change: change(before, t.score),
            }
        })
        .collect();
    for t in old
        .traits
        .iter()
        .filter(|o| !new.traits.iter().any(|n| n.id == o.id))
    {
        traits.push(TraitChange {
            id: t.id.clone(),
            name: t.name.clone(),
            old: t.score,
            new: None,
            change: None,
        });
    }
    let rank = |result: &QuizResult, id: &str| {
        result
            .profiles
            .iter()
            .position(|p| p.id == id && p.fit.is_some())
            .map(|i| i + 1)
    };
    let mut pathways: Vec<PathwayChange> = new
        .profiles
        .iter()
        .map(|p| {
            let before = old
                .profiles
                .iter()
                .find(|o| o.id == p.id)
                .and_then(|o| o.fit);
            PathwayChange {
                id: p.id.clone(),
                title: p.title.clone(),
                old_rank: rank(old, &p.id),
                new_rank: rank(new, &p.id),
                old_fit: before,
                new_fit: p.fit,
                change: change(before, p.fit),
            }
        })
        .collect();
    for p in old
        .profiles
        .iter()
        .filter(|o| !new.profiles.iter().any(|n| n.id == o.id))
    {
        pathways.push(PathwayChange {
            id: p.id.clone(),
            title: p.title.clone(),
            old_rank: rank(old, &p.id),
            new_rank: None,
            old_fit: p.fit,
            new_fit: None,
            change: None,
        });
    }
    Ok(Comparison {
        schema: "careerfit/compare/v1",
        quiz: new.quiz.id.clone(),
        old_version: old.quiz.version.clone(),
        new_version: new.quiz.version.clone(),
        old_completed_at: old.completed_at.clone(),
        new_completed_at: new.completed_at.clone(),
        traits,
        pathways,
        warnings,
    })
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

fn rank(r: Option<usize>) -> Cell {
    Cell::new(r.map_or("-".to_string(), |r| r.to_string())).set_alignment(CellAlignment::Right)
}

/// The comparison as two tables, then the warnings.
pub fn render(c: &Comparison, style: Style) -> String {
    // Everything here comes from two result files, which a person may have edited.
    let safe = |text: &str| crate::text::escape_controls(text).into_owned();
    let mut out = crate::report::wrap(
        &safe(&format!(
            "Quiz {}: from {} (version {}) to {} (version {})",
            c.quiz, c.old_completed_at, c.old_version, c.new_completed_at, c.new_version
        )),
        usize::from(style.width),
        "",
    );
    out.push_str("\nPathways\n");
    let mut pathways = table(style, ["Pathway", "Rank", "Fit", "Rank", "Fit", "Change"]);
    for p in &c.pathways {
        pathways.add_row(vec![
            Cell::new(safe(&p.title)),
            rank(p.old_rank),
            number(p.old_fit),
            rank(p.new_rank),
            number(p.new_fit),
            signed(p.change),
        ]);
    }
    out.push_str(&format!(
        "{pathways}\n(old rank and fit, then new)\n\nTraits\n"
    ));
    let mut traits = table(style, ["Trait", "Old", "New", "Change"]);
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
        out.push_str(&crate::report::wrap(
            &safe(&format!("Note: {warning}")),
            usize::from(style.width),
            "",
        ));
    }
    out
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
    let wrap = |text: &str| crate::report::wrap(&safe(text), width, "");
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
    use crate::report::markdown::{cell, item};
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
