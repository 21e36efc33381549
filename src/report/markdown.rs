//! The result as Markdown (`take --format markdown`), for pasting into an email, a
//! ticket or notes: the same facts as the tables.

use crate::quiz::Quiz;
use crate::result::QuizResult;

/// Text for a table cell: a `|` would end the cell, a newline the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn score(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| super::fixed(x, 0))
}

pub fn render(quiz: &Quiz, result: &QuizResult) -> String {
    let mut out = format!(
        "# {}\n\nQuiz `{}`, version {}, taken {}.\n\n",
        quiz.title, quiz.id, quiz.version, result.completed_at
    );
    if let Some(caution) = super::caution(result) {
        out.push_str(&format!("> **{caution}**\n\n"));
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
            score(p.fit),
            cell(band),
            cell(p.education.as_deref().unwrap_or(""))
        ));
    }
    for line in super::out_of_reach(quiz, result) {
        out.push_str(&format!("\n{line}\n"));
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
    match result.profiles.first().filter(|p| p.fit.is_some()) {
        None => out.push_str("\nNo pathway could be scored: answer at least one question.\n"),
        Some(best) => {
            out.push_str(&format!(
                "\n## Your best fit: {} ({}, {} of 100)\n\n",
                best.title,
                best.band.as_deref().unwrap_or("no band"),
                score(best.fit)
            ));
            let profile = quiz.profiles.iter().find(|p| p.id == best.id);
            let message = quiz
                .bands
                .iter()
                .find(|b| Some(&b.label) == best.band.as_ref())
                .and_then(|b| b.message.as_deref());
            let mut item = |name: &str, value: Option<&str>| {
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    out.push_str(&format!("- **{name}:** {value}\n"));
                }
            };
            item("What it means", message);
            item("The work", profile.and_then(|p| p.summary.as_deref()));
            item("Education", best.education.as_deref());
            item("Job titles", Some(&best.job_titles.join(", ")));
            let growth = super::growth_areas(quiz, result, best).join("; ");
            item("Growth areas", Some(&growth));
            if !best.occupations.is_empty() {
                out.push_str("\n**Occupations**\n\n");
                for o in &best.occupations {
                    out.push_str(&format!("- {}\n", super::occupation_line(o)));
                }
            }
            if !best.certifications.is_empty() {
                out.push_str("\n**Certifications**\n\n");
                for c in &best.certifications {
                    match &c.detail {
                        Some(detail) => out.push_str(&format!("- {}: {detail}\n", c.name)),
                        None => out.push_str(&format!("- {}\n", c.name)),
                    }
                }
            }
            if !best.next_steps.is_empty() {
                out.push_str("\n**Next steps**\n\n");
                for (i, step) in best.next_steps.iter().enumerate() {
                    out.push_str(&format!("{}. {step}\n", i + 1));
                }
            }
        }
    }
    if !result.warnings.is_empty() {
        out.push_str("\n## Notes\n\n");
        for warning in &result.warnings {
            out.push_str(&format!("- {warning}\n"));
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
    }
}
