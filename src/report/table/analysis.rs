//! An analysis as tables for the terminal (`analyze`, `--format table`): alpha per
//! trait, the questions to look at, and the careless respondents.

use super::{keep_words, right, table};
use crate::analysis::{Analysis, FLAG_LEGEND, threshold};
use crate::report::analysis::{RESPONDENTS_SHOWN, TOO_FEW, decimal, left_out, percent, used_flags};
use crate::report::{Style, shorten, wrap};
use comfy_table::{Cell, ColumnConstraint};

pub fn analysis(analysis: &Analysis, style: Style) -> String {
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
    // Below the threshold in all, every trait and question is below it too.
    let too_few = analysis.respondents < threshold::MIN_RESPONDENTS;
    if too_few {
        out.push_str(&wrap(
            &format!(
                "Too few respondents to trust these figures: {} here, and alpha and the \
                 item figures need at least {} complete ones (Terwee et al. 2007). Read \
                 them as a first look.",
                analysis.respondents,
                threshold::MIN_RESPONDENTS
            ),
            width,
            "",
        ));
        out.push('\n');
    }
    if let Some(line) = left_out(analysis) {
        out.push_str(&wrap(&line, width, ""));
        out.push('\n');
    }
    let shown = |flags: &[&'static str]| -> Vec<&'static str> {
        flags
            .iter()
            .copied()
            .filter(|f| !(too_few && *f == TOO_FEW))
            .collect()
    };

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
            // One flag a line: a flag is one word, never broken.
            Cell::new(shown(&t.flags).join("\n")),
        ]);
    }
    // Counts, alpha and flags as wide as they are; the names and intervals share the
    // rest, a name never narrower than its longest word.
    for column in [1, 2, 3, 5] {
        if let Some(column) = traits.column_mut(column) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let names: Vec<&str> = std::iter::once("Trait")
        .chain(analysis.traits.iter().map(|t| t.name.as_str()))
        .collect();
    keep_words(&mut traits, 0, &names, width);
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
        for item in &t.items {
            let flags = shown(&item.flags);
            if !flags.is_empty() {
                out.push_str(&wrap(
                    &format!("{}: {}", item.question, flags.join(", ")),
                    width,
                    "  ",
                ));
            }
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

    let mut used = used_flags(analysis);
    used.retain(|f| !(too_few && *f == TOO_FEW));
    if !used.is_empty() {
        out.push_str("\nWhat the flags mean, and where each threshold comes from:\n");
        for (flag, meaning) in FLAG_LEGEND.iter().filter(|(f, _)| used.contains(f)) {
            out.push_str(&wrap(&format!("{flag}: {meaning}"), width, "  "));
        }
    }
    out
}
