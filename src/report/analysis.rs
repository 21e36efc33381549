//! `careerfit analyze` as tables for a quiz author: each trait's alpha, each question's
//! statistics, the respondents flagged, and what every flag means.

use super::table::table;
use super::{Style, shorten, wrap};
use crate::analysis::{Analysis, FLAG_LEGEND};
use comfy_table::{Cell, CellAlignment};

/// How many flagged respondents the tables name; `--json` lists every one.
const RESPONDENTS_SHOWN: usize = 20;

/// Two decimals, or `none`; a figure that rounds to zero shows as 0.00, never -0.00.
pub fn decimal(x: Option<f64>, none: &str) -> String {
    x.map_or(none.to_string(), |x| super::fixed(x, 2))
}

/// A share as a whole percentage, or `none`.
pub fn percent(x: Option<f64>, none: &str) -> String {
    x.map_or(none.to_string(), |x| {
        format!("{}%", super::fixed(x * 100.0, 0))
    })
}

fn right(text: String) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

pub fn render(analysis: &Analysis, style: Style) -> String {
    let width = usize::from(style.width);
    let quiz = &analysis.quiz;
    let mut out = wrap(
        &format!(
            "Evidence for {} (quiz {}, version {}): {} respondents, {} rows failed.",
            quiz.title, quiz.id, quiz.version, analysis.respondents, analysis.rows_failed
        ),
        width,
        "",
    );
    out.push('\n');

    out.push_str("Traits: alpha over the respondents who answered all their questions\n");
    let mut traits = table(
        style,
        ["Trait", "Items", "Complete", "Alpha", "95% CI", "Flags"],
    );
    for t in &analysis.traits {
        let ci = t.alpha_ci95.map_or("-".to_string(), |[low, high]| {
            format!("{} to {}", super::fixed(low, 2), super::fixed(high, 2))
        });
        traits.add_row(vec![
            Cell::new(&t.name),
            right(t.questions.to_string()),
            right(t.complete.to_string()),
            right(decimal(t.alpha, "-")),
            Cell::new(ci),
            Cell::new(t.flags.join(", ")),
        ]);
    }
    out.push_str(&format!("{traits}\n"));

    for t in &analysis.traits {
        out.push_str(&format!("\n{} ({})\n", t.name, t.id));
        let mut items = table(
            style,
            [
                "Question", "Miss", "Mean", "SD", "Floor", "Ceil", "r.rest", "α−del",
            ],
        );
        for item in &t.items {
            items.add_row(vec![
                Cell::new(shorten(&item.question, 20)),
                right(percent(Some(item.missing), "-")),
                right(decimal(item.mean, "-")),
                right(decimal(item.sd, "-")),
                right(percent(item.floor, "-")),
                right(percent(item.ceiling, "-")),
                right(decimal(item.item_rest_r, "-")),
                right(decimal(item.alpha_if_deleted, "-")),
            ]);
        }
        out.push_str(&format!("{items}\n"));
        for item in t.items.iter().filter(|i| !i.flags.is_empty()) {
            out.push_str(&wrap(
                &format!("{}: {}", item.question, item.flags.join(", ")),
                width,
                "  ",
            ));
        }
    }

    out.push('\n');
    let flagged = &analysis.respondent_flags;
    if flagged.is_empty() {
        out.push_str("No respondent was flagged as not really answering.\n");
    } else {
        out.push_str(&format!(
            "Respondents who may not have been really answering: {}\n",
            flagged.len()
        ));
        let mut respondents = table(style, ["Respondent", "Flags"]);
        for r in flagged.iter().take(RESPONDENTS_SHOWN) {
            let id = match &r.id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            respondents.add_row(vec![
                Cell::new(shorten(&crate::text::escape_controls(&id), 40)),
                Cell::new(r.flags.join(", ")),
            ]);
        }
        out.push_str(&format!("{respondents}\n"));
        if flagged.len() > RESPONDENTS_SHOWN {
            out.push_str(&format!(
                "and {} more; --json lists them all.\n",
                flagged.len() - RESPONDENTS_SHOWN
            ));
        }
    }

    let used = used_flags(analysis);
    if !used.is_empty() {
        out.push_str("\nWhat the flags mean, and where each threshold comes from:\n");
        for (flag, meaning) in FLAG_LEGEND.iter().filter(|(f, _)| used.contains(f)) {
            out.push_str(&wrap(&format!("{flag}: {meaning}"), width, "  "));
        }
    }
    out
}

/// Every flag that occurs anywhere in the analysis.
pub fn used_flags(analysis: &Analysis) -> Vec<&'static str> {
    let mut used: Vec<&'static str> = analysis
        .traits
        .iter()
        .flat_map(|t| t.flags.iter().chain(t.items.iter().flat_map(|i| &i.flags)))
        .chain(analysis.respondent_flags.iter().flat_map(|r| &r.flags))
        .copied()
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}
