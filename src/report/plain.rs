//! The result as plain sentences (`take --plain`): no box drawing, no bars, no colour,
//! in the order a screen reader should read it. The same facts as the tables.

use super::View;
use super::{fixed, wrap};

/// A score as words: "72 out of 100", or "not assessed".
fn score_words(score: Option<f64>) -> String {
    score.map_or("not assessed".to_string(), |s| {
        format!("{} out of 100", fixed(s, 0))
    })
}

pub fn render(v: &View, width: usize) -> String {
    let result = v.result;
    let mut out = String::new();
    // `wrap` ends every paragraph with a newline; an empty line is a blank line.
    let mut line = |text: &str| match text {
        "" => out.push('\n'),
        text => out.push_str(&wrap(text, width, "")),
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
        let fit = match p.fit {
            Some(_) => format!("fit {}{band}", score_words(p.fit)),
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
                score_words(best.fit)
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
            if !best.next_steps.is_empty() {
                line("Next steps:");
                for (i, step) in best.next_steps.iter().enumerate() {
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
