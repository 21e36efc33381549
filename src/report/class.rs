//! `score --summary`: the group view of a class in the terminal, as tables (the
//! default), plain sentences, Markdown or JSON, side by side; the same figures as the
//! class report (`class_html`).

use super::Style;
use super::markdown::cell;
use super::table::table;
use crate::batch::summary::Summary;
use crate::quiz::Quiz;
use crate::text::fixed;
use comfy_table::{Cell, CellAlignment};
use serde_json::{Value as Json, json};

/// `n (p%)` of the scored respondents.
fn share(summary: &Summary, n: usize) -> String {
    match summary.scored {
        0 => "0".to_string(),
        total => format!("{n} ({}%)", fixed(100.0 * n as f64 / total as f64, 0)),
    }
}

fn figure(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| fixed(x, 1))
}

fn heading(quiz: &Quiz, summary: &Summary) -> (String, String) {
    (
        format!(
            "{} (quiz {}, version {})",
            quiz.title, quiz.id, quiz.version
        ),
        format!(
            "{} respondents scored, {} failed",
            summary.scored, summary.failed
        ),
    )
}

/// The pathways, most often best first (ties in quiz order).
fn by_best_fit<'q>(
    summary: &Summary,
    quiz: &'q Quiz,
) -> Vec<crate::batch::summary::PathwayFigures<'q>> {
    let mut pathways = summary.pathways(quiz);
    pathways.sort_by_key(|p| std::cmp::Reverse(p.best_fit));
    pathways
}

/// The low-confidence respondents by id, each with why: "ana@example.org: gave the
/// same answer to every scale statement", and a last line for those not named.
pub fn low_named(summary: &Summary) -> Vec<String> {
    let mut lines: Vec<String> = summary
        .low_named
        .iter()
        .map(|(id, line, codes)| {
            let why: Vec<&str> = codes
                .iter()
                .map(|c| crate::trust::meaning(c).trim_end_matches(" (lowers confidence)"))
                .collect();
            format!(
                "{} (line {line}): {}",
                crate::text::escape_controls(id),
                why.join("; ")
            )
        })
        .collect();
    let more = summary
        .low_confidence
        .saturating_sub(summary.low_named.len());
    if more > 0 {
        lines.push(format!(
            "and {more} more (the rows' `confidence` says which)"
        ));
    }
    lines
}

/// "The quiz's answer to its question: yes 12, maybe 5, probably not 3, unclear 5."
pub fn verdict_line(summary: &Summary, quiz: &Quiz) -> Option<String> {
    let counts = summary.verdict_counts(quiz)?;
    let parts: Vec<String> = counts
        .iter()
        .map(|(answer, n)| format!("{} {n}", answer.as_str().replace('_', " ")))
        .collect();
    Some(format!(
        "The quiz's answer to its question (\"{}\"): {}.",
        quiz.title,
        parts.join(", ")
    ))
}

/// One JSON object, `careerfit/summary/v1`.
pub fn json(summary: &Summary, quiz: &Quiz) -> Json {
    json!({
        "schema": "careerfit/summary/v1",
        "quiz": {"id": quiz.id, "title": quiz.title, "version": quiz.version},
        "scored": summary.scored,
        "failed": summary.failed,
        "low_confidence": summary.low_confidence,
        "low_confidence_respondents": summary.low_named.iter().map(|(id, line, codes)| json!({
            "id": id,
            "line": line,
            "warnings": codes,
        })).collect::<Vec<_>>(),
        "repeated_ids": summary.repeated.iter().map(|(id, lines)| json!({
            "id": id,
            "lines": lines,
        })).collect::<Vec<_>>(),
        "verdicts": summary.verdict_counts(quiz).map(|counts| {
            counts
                .iter()
                .map(|(answer, n)| (answer.as_str().to_string(), json!(n)))
                .collect::<serde_json::Map<_, _>>()
        }),
        "pathways": summary.pathways(quiz).iter().map(|p| json!({
            "id": p.id,
            "title": p.title,
            "best_fit": p.best_fit,
            "mean_fit": p.mean_fit,
            "scored": p.scored,
        })).collect::<Vec<_>>(),
        "traits": summary.traits(quiz).iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "mean": t.mean,
            "spread": t.spread,
            "assessed": t.assessed,
        })).collect::<Vec<_>>(),
        "warnings": summary.warnings().iter().map(|(code, n)| json!({
            "code": code,
            "respondents": n,
        })).collect::<Vec<_>>(),
    })
}

/// Tables, fitted to `style`'s width.
pub fn tables(summary: &Summary, quiz: &Quiz, style: Style) -> String {
    let (title, counts) = heading(quiz, summary);
    let mut out = format!("{title}\n{counts}\n\n");
    if let Some(line) = verdict_line(summary, quiz) {
        out.push_str(&crate::text::wrap(&line, usize::from(style.width), ""));
        out.push('\n');
    }
    let number = |x: Option<f64>| Cell::new(figure(x)).set_alignment(CellAlignment::Right);
    out.push_str("Pathways, by how many fit them best\n");
    let mut pathways = table(style, ["Pathway", "Best fit for", "Mean fit"]);
    for p in by_best_fit(summary, quiz) {
        pathways.add_row(vec![
            Cell::new(p.title),
            Cell::new(share(summary, p.best_fit)).set_alignment(CellAlignment::Right),
            number(p.mean_fit),
        ]);
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
    let named = low_named(summary);
    if !named.is_empty() {
        out.push_str("\nLow confidence: talk these results through with the person\n");
        for line in named {
            // A list item's later lines line up under its text.
            let width = usize::from(style.width).saturating_sub(2);
            for (i, part) in crate::text::wrap(&line, width, "").lines().enumerate() {
                out.push_str(if i == 0 { "- " } else { "  " });
                out.push_str(part);
                out.push('\n');
            }
        }
    }
    out
}

/// Plain sentences, one fact a line, wrapped to `width`: for screen readers, logs
/// and email.
pub fn plain(summary: &Summary, quiz: &Quiz, width: usize) -> String {
    let (title, counts) = heading(quiz, summary);
    let mut lines = vec![
        title,
        format!("{counts}; {} with low confidence.", summary.low_confidence),
    ];
    lines.extend(verdict_line(summary, quiz));
    lines.extend([
        String::new(),
        "Pathways, by how many fit them best:".to_string(),
    ]);
    for p in by_best_fit(summary, quiz) {
        lines.push(format!(
            "- {}: best fit for {}; mean fit {}.",
            p.title,
            share(summary, p.best_fit),
            figure(p.mean_fit)
        ));
    }
    lines.push(String::new());
    lines.push("Traits, from 0 to 100:".to_string());
    for t in summary.traits(quiz) {
        lines.push(format!(
            "- {}: mean {}, spread {} (standard deviation), over {} assessed.",
            t.name,
            figure(t.mean),
            figure(t.spread),
            t.assessed
        ));
    }
    let named = low_named(summary);
    if !named.is_empty() {
        lines.push(String::new());
        lines.push("Low confidence: talk these results through with the person:".to_string());
        lines.extend(named.into_iter().map(|l| format!("- {l}")));
    }
    let warnings = summary.warnings();
    if !warnings.is_empty() {
        lines.push(String::new());
        lines.push("Warnings, by how many respondents have them:".to_string());
        for (code, n) in warnings {
            lines.push(format!(
                "- {code}: {}, the respondent {}.",
                share(summary, n),
                crate::trust::meaning(code)
            ));
        }
    }
    let mut out = String::new();
    for line in lines {
        match line.strip_prefix("- ") {
            // A list item's later lines line up under its text.
            Some(item) => {
                let wrapped = crate::text::wrap(item, width.saturating_sub(2).max(20), "");
                for (i, part) in wrapped.lines().enumerate() {
                    out.push_str(if i == 0 { "- " } else { "  " });
                    out.push_str(part);
                    out.push('\n');
                }
            }
            None if line.is_empty() => out.push('\n'),
            None => out.push_str(&crate::text::wrap(&line, width, "")),
        }
    }
    out
}

/// Markdown: headings and tables, every piece of quiz text escaped.
pub fn markdown(summary: &Summary, quiz: &Quiz) -> String {
    let (_, counts) = heading(quiz, summary);
    let mut out = format!(
        "# {} (quiz {}, version {})\n\n{counts}; {} with low confidence.\n\n",
        cell(&quiz.title),
        cell(&quiz.id),
        cell(&quiz.version),
        summary.low_confidence
    );
    if let Some(line) = verdict_line(summary, quiz) {
        out.push_str(&format!("{}\n\n", cell(&line)));
    }
    out.push_str("## Pathways, by how many fit them best\n\n");
    out.push_str("| Pathway | Best fit for | Mean fit |\n| --- | ---: | ---: |\n");
    for p in by_best_fit(summary, quiz) {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(p.title),
            share(summary, p.best_fit),
            figure(p.mean_fit)
        ));
    }
    out.push_str("\n## Traits (0 to 100)\n\n");
    out.push_str("| Trait | Mean | Spread (SD) | Assessed |\n| --- | ---: | ---: | ---: |\n");
    for t in summary.traits(quiz) {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(t.name),
            figure(t.mean),
            figure(t.spread),
            t.assessed
        ));
    }
    let warnings = summary.warnings();
    if !warnings.is_empty() {
        out.push_str("\n## Warnings by kind\n\n| Kind | The respondent… | Respondents |\n");
        out.push_str("| --- | --- | ---: |\n");
        for (code, n) in warnings {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(code),
                cell(crate::trust::meaning(code)),
                share(summary, n)
            ));
        }
    }
    let named = low_named(summary);
    if !named.is_empty() {
        out.push_str("\n## Low confidence: talk these results through\n\n");
        for line in named {
            out.push_str(&format!("- {}\n", cell(&line)));
        }
    }
    out
}
