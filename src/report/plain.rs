//! Plain sentences (`--format plain`, `take --plain`): no box drawing, no bars, no
//! colour, in the order a screen reader should read them; the same facts as the
//! tables, for a result, an explanation, a comparison and a class's summary.

use super::class::{by_answer, by_best_fit, figure, heading, share, talk, talk_line, verdict_line};
use super::compare::{either, rank_text};
use super::explain::{Explained, mover};
use super::{Renderer, View};
use super::{bullet, fixed, wrap};
use crate::compare::Comparison;

/// Plain sentences wrapped to a width: no boxes, bars or colour.
pub struct Plain(pub usize);

impl Renderer for Plain {
    fn result(&self, v: &View) -> String {
        let text = super::then_explained(render(v, self.0), v, |e| self.explanation(e));
        super::then_recapped(text, v, self.0)
    }

    /// As plain sentences, for screen readers and plain text.
    fn explanation(&self, v: &Explained) -> String {
        let width = self.0;
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

    /// The comparison as plain sentences, for screen readers and plain text.
    fn comparison(&self, c: &Comparison) -> String {
        let width = self.0;
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

    /// Plain sentences, one fact a line, wrapped to `width`: for screen readers, logs
    /// and email.
    fn class(&self, c: &super::Class) -> String {
        let (summary, quiz, width) = (c.summary, c.quiz, self.0);
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
            let split = by_answer(quiz, &p)
                .filter(|s| !s.is_empty())
                .map_or(String::new(), |s| format!(": {s}"));
            lines.push(format!(
                "- {}: best fit for {}{split}; mean fit {}.",
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
        let groups = talk(summary, quiz);
        if !groups.is_empty() {
            lines.push(String::new());
            lines.push("Talk these through first, by group:".to_string());
            for group in groups {
                lines.push(format!("{}.", group.heading));
                lines.extend(group.entries.iter().map(|e| format!("- {}", talk_line(e))));
            }
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
}

/// A score as words: "72 out of 100", or "not assessed".
fn score_words(score: Option<f64>) -> String {
    score.map_or("not assessed".to_string(), |s| {
        format!("{} out of 100", fixed(s, 0))
    })
}

/// A result, for `take --plain`.
fn render(v: &View, width: usize) -> String {
    let result = v.result;
    let mut out = String::new();
    // `wrap` ends every paragraph with a newline; an empty line is a blank line; a
    // list item's later lines hang under its text.
    let mut line = |text: &str| match text {
        "" => out.push('\n'),
        text => match text.strip_prefix("- ") {
            Some(item) => out.push_str(&bullet(item, width, "- ")),
            None => out.push_str(&wrap(text, width, "")),
        },
    };
    line(&format!(
        "Result of the quiz: {} (quiz {}, version {}).",
        v.title, v.quiz_id, v.version
    ));
    line("");
    if let Some((answer, reasons)) = &v.verdict {
        line(answer);
        for reason in reasons {
            line(reason);
        }
        line("");
    }
    if let Some(caution) = &v.caution {
        line(caution);
        line("");
    }
    line("Your pathways, best fit first:");
    for (rank, p) in result.profiles.iter().enumerate() {
        let band = match (&p.band, p.fit) {
            (Some(band), _) => format!(", {band}"),
            (None, Some(_)) => ", no band".to_string(),
            (None, None) => String::new(),
        };
        let fit = match &v.fits[rank] {
            Some(shown) => format!("fit {shown} out of 100{band}"),
            None => "not scored".to_string(),
        };
        line(&format!("{}. {}: {fit}.", rank + 1, p.title));
    }
    if let Some(tie) = &v.tie {
        line(tie);
    }
    for reach in &v.out_of_reach {
        line(reach);
    }
    line("");
    line("Your traits, from 0 to 100:");
    for t in &result.traits {
        line(&format!(
            "{}: {}, {} of {} questions answered.",
            t.name,
            score_words(t.score),
            t.answered,
            t.questions
        ));
    }
    if let Some(note) = &v.forced_note {
        line(note);
    }
    line("");
    match &v.best {
        None => line("No pathway could be scored: answer at least one question."),
        Some(view) => {
            let best = view.entry;
            line(&format!(
                "{}: {}, {}, {}.",
                v.best_heading,
                best.title,
                best.band.as_deref().unwrap_or("no band"),
                v.fits[0]
                    .as_ref()
                    .map_or("not assessed".to_string(), |f| format!("{f} out of 100"))
            ));
            if let Some(message) = view.band_message {
                line(&format!("What it means: {message}"));
            }
            if let Some(summary) = view.summary {
                line(&format!("The work: {summary}"));
            }
            if let Some(education) = &best.education {
                line(&format!("Education: {education}"));
            }
            if !best.job_titles.is_empty() {
                line(&format!("Job titles: {}.", best.job_titles.join(", ")));
            }
            if !best.occupations.is_empty() {
                line("Occupations:");
                for o in &best.occupations {
                    line(&format!("- {}", super::occupation_line(o)));
                }
            }
            if !best.certifications.is_empty() {
                line("Certifications:");
                for c in &best.certifications {
                    match &c.detail {
                        Some(detail) => line(&format!("- {}: {detail}", c.name)),
                        None => line(&format!("- {}", c.name)),
                    }
                }
            }
            if !view.next_steps.is_empty() {
                line("Next steps:");
                for (i, step) in view.next_steps.iter().enumerate() {
                    line(&format!("{}. {step}", i + 1));
                }
            }
            let growth = &view.growth_areas;
            if !growth.is_empty() {
                line(&format!("Growth areas: {}.", growth.join("; ")));
            }
        }
    }
    if !result.warnings.is_empty() {
        line("");
        line("Notes:");
        for warning in &result.warnings {
            line(&format!("- {warning}"));
        }
    }
    out
}
