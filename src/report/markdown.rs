//! Markdown (`--format markdown`), for pasting into an email, a ticket or notes: a
//! result, an explanation, a comparison and a class's summary, every quiz text
//! escaped; the same facts as the tables.

use super::View;
use super::class::{by_answer, by_best_fit, figure, heading, share, talk, talk_line, verdict_line};
use super::compare::{either, rank_text};
use super::explain::{Explained, mover};
use super::fixed;
use crate::batch::summary::Summary;
use crate::compare::Comparison;
use crate::quiz::Quiz;

/// Markdown headings, lists and tables, every quiz text escaped.
pub struct Markdown;

impl super::Renderer for Markdown {
    fn result(&self, v: &View) -> String {
        super::then_explained(render(v), v, explanation)
    }
    fn explanation(&self, v: &Explained) -> String {
        explanation(v)
    }
    fn comparison(&self, c: &Comparison) -> String {
        comparison(c)
    }
    fn class(&self, c: &super::Class) -> String {
        class(c.summary, c.quiz)
    }
}

/// Quiz text as Markdown that reads as the text and nothing more: it cannot become
/// a heading, a list, a link, an image, code, emphasis or raw HTML, end a table cell
/// or start a new line (`item` also keeps it from starting a list). Every character
/// that opens such a construct in CommonMark
/// or GFM is backslash-escaped (a link or image needs `[`, raw HTML and autolinks
/// `<`), line breaks (CR too) become spaces, and a leading `-`, `+` or
/// `1.` is escaped so that it starts no list.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.trim().chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // GFM makes links of bare addresses: break "://" and "www." with an escape.
    out.replace("://", "\\://").replace("www.", "www\\.")
}

/// `text` for the start of a line or of a list item: "- x", "+ x", "1. x" and
/// "1) x" would start a (nested) list.
pub(crate) fn item(raw: &str) -> String {
    let mut out = text(raw);
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Text for a table cell: as `text`, whose escapes also keep `|` from ending it.
pub(crate) fn cell(raw: &str) -> String {
    text(raw)
}

fn score(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| super::fixed(x, 0))
}

pub fn render(v: &View) -> String {
    let result = v.result;
    let mut out = format!(
        // A quiz id holds only lowercase letters, digits and '-': safe as code.
        "# {}\n\nQuiz `{}`, version {}, taken {}.\n\n",
        text(v.title),
        v.quiz_id,
        text(v.version),
        text(&result.completed_at)
    );
    if let Some((answer, reasons)) = &v.verdict {
        out.push_str(&format!("**{}**\n\n", text(answer)));
        for reason in reasons {
            out.push_str(&format!("- {}\n", text(reason)));
        }
        out.push('\n');
    }
    if let Some(caution) = &v.caution {
        out.push_str(&format!("> **{}**\n\n", text(caution)));
    }
    out.push_str(
        "## Your pathways, best fit first\n\n\
         | Rank | Pathway | Fit | Band | Education |\n|---:|---|---:|---|---|\n",
    );
    for (rank, p) in result.profiles.iter().enumerate() {
        let band = match (&p.band, p.fit) {
            (Some(band), _) => band.as_str(),
            (None, Some(_)) => "no band",
            (None, None) => "not scored",
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            rank + 1,
            cell(&p.title),
            v.fits[rank].as_deref().unwrap_or("n/a"),
            cell(band),
            cell(p.education.as_deref().unwrap_or(""))
        ));
    }
    if let Some(tie) = &v.tie {
        out.push_str(&format!("\n{}\n", text(tie)));
    }
    for line in &v.out_of_reach {
        out.push_str(&format!("\n{}\n", item(line)));
    }
    out.push_str("\n## Your traits (0 to 100)\n\n| Trait | Score | Answered |\n|---|---:|---|\n");
    for t in &result.traits {
        out.push_str(&format!(
            "| {} | {} | {} of {} |\n",
            cell(&t.name),
            score(t.score),
            t.answered,
            t.questions
        ));
    }
    if let Some(note) = &v.forced_note {
        out.push_str(&format!("\n{}\n", text(note)));
    }
    match &v.best {
        None => out.push_str("\nNo pathway could be scored: answer at least one question.\n"),
        Some(view) => {
            let best = view.entry;
            out.push_str(&format!(
                "\n## {}: {} ({}, {} of 100)\n\n",
                v.best_heading,
                text(&best.title),
                text(best.band.as_deref().unwrap_or("no band")),
                v.fits[0].as_deref().unwrap_or("n/a")
            ));
            let mut detail = |name: &str, value: Option<&str>| {
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    out.push_str(&format!("- **{name}:** {}\n", text(value)));
                }
            };
            detail("What it means", view.band_message);
            detail("The work", view.summary);
            detail("Education", best.education.as_deref());
            detail("Job titles", Some(&best.job_titles.join(", ")));
            let growth = view.growth_areas.join("; ");
            detail("Growth areas", Some(&growth));
            if !best.occupations.is_empty() {
                out.push_str("\n**Occupations**\n\n");
                for o in &best.occupations {
                    // The address is careerfit's own, made from a checked code: a link.
                    out.push_str(&format!(
                        "- {} Today's figures: {}\n",
                        item(&super::occupation_facts(o)),
                        o.check_at
                    ));
                }
            }
            if !best.certifications.is_empty() {
                out.push_str("\n**Certifications**\n\n");
                for c in &best.certifications {
                    match &c.detail {
                        Some(detail) => {
                            out.push_str(&format!("- {}: {}\n", item(&c.name), text(detail)))
                        }
                        None => out.push_str(&format!("- {}\n", item(&c.name))),
                    }
                }
            }
            if !view.next_steps.is_empty() {
                out.push_str("\n**Next steps**\n\n");
                for (i, step) in view.next_steps.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", i + 1, item(step)));
                }
            }
        }
    }
    if !result.warnings.is_empty() {
        out.push_str("\n## Notes\n\n");
        for warning in &result.warnings {
            out.push_str(&format!("- {}\n", item(&warning.message)));
        }
    }
    out
}

/// As Markdown, every quiz text escaped.
pub fn explanation(v: &Explained) -> String {
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

/// The comparison as Markdown, every text from the results escaped.
pub fn comparison(c: &Comparison) -> String {
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

/// Markdown: headings and tables, every piece of quiz text escaped.
pub fn class(summary: &Summary, quiz: &Quiz) -> String {
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
    let split = quiz.verdict.is_some();
    out.push_str(match split {
        true => "| Pathway | Best fit for | By the quiz's answer | Mean fit |\n| --- | ---: | --- | ---: |\n",
        false => "| Pathway | Best fit for | Mean fit |\n| --- | ---: | ---: |\n",
    });
    for p in by_best_fit(summary, quiz) {
        let answers = by_answer(quiz, &p).map_or(String::new(), |s| format!(" {} |", cell(&s)));
        out.push_str(&format!(
            "| {} | {} |{answers} {} |\n",
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
    let groups = talk(summary, quiz);
    if !groups.is_empty() {
        out.push_str("\n## Talk these through first\n");
        for group in groups {
            out.push_str(&format!("\n### {}\n\n", text(&group.heading)));
            for entry in &group.entries {
                out.push_str(&format!("- {}\n", cell(&talk_line(entry))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn a_pipe_or_newline_cannot_break_a_table() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(cell("a\r\nb"), "a  b");
    }

    #[test]
    fn nothing_starts_a_list_or_a_heading() {
        assert_eq!(super::item("- item"), "\\- item");
        assert_eq!(super::item("12. step"), "12\\. step");
        assert_eq!(super::text("version 2.0"), "version 2.0");
        assert_eq!(super::text("# Heading"), "\\# Heading");
        assert_eq!(super::text("![a](b)"), "!\\[a\\](b)");
    }
}
