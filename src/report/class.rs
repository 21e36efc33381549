//! What every format says the same way of a class's summary (`score --summary`,
//! `--report`): its heading, shares, the pathways by best fit (split by the quiz's
//! answer), who needs a talk, named by group, and the verdict line. Each format draws it in its own file.

use crate::batch::summary::{Named, Summary};
use crate::batch::talk::Group;
use crate::quiz::Quiz;
use crate::text::fixed;
use crate::verdict::Answer;

/// `n (p%)` of the scored respondents.
pub(super) fn share(summary: &Summary, n: usize) -> String {
    match summary.scored {
        0 => "0".to_string(),
        total => format!("{n} ({}%)", fixed(100.0 * n as f64 / total as f64, 0)),
    }
}

pub(super) fn figure(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| fixed(x, 1))
}

pub(super) fn heading(quiz: &Quiz, summary: &Summary) -> (String, String) {
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
pub(super) fn by_best_fit<'q>(
    summary: &Summary,
    quiz: &'q Quiz,
) -> Vec<crate::batch::summary::PathwayFigures<'q>> {
    let mut pathways = summary.pathways(quiz);
    pathways.sort_by_key(|p| std::cmp::Reverse(p.best_fit));
    pathways
}

/// One group to talk to, as every format shows it: a heading with its count, and
/// each respondent named (`who`, "ben (line 2)") with why, ending "also unclear"
/// when they are in a later group too. Someone named in an earlier group is
/// counted, not named again ("3 with low confidence: named above"); a last entry
/// for those past `MAX_NAMED`.
pub struct TalkList {
    pub group: Group,
    pub heading: String,
    pub entries: Vec<(String, String)>,
}

/// The groups to talk to that hold someone, in `talk::Group::ALL`'s order.
pub fn talk(summary: &Summary, quiz: &Quiz) -> Vec<TalkList> {
    summary
        .talk()
        .into_iter()
        .map(|(group, count)| {
            let what = match group {
                Group::LowConfidence => "the answers give reason to doubt them",
                Group::ProbablyNot => "the answers point elsewhere",
                Group::Unclear => "the answers cannot tell",
            };
            let mut heading = group.words().to_string();
            heading[..1].make_ascii_uppercase();
            // Each person is named once, in the first of their groups; a later group
            // counts them in one line.
            let (first, later): (Vec<&Named>, Vec<&Named>) = summary
                .named(group)
                .iter()
                .partition(|named| named.groups.iter().next() == Some(group));
            let mut entries: Vec<(String, String)> = first
                .into_iter()
                .map(|named| {
                    let who = format!(
                        "{} (line {})",
                        crate::text::escape_controls(&named.id),
                        named.line
                    );
                    (who, why(quiz, group, named))
                })
                .collect();
            for earlier in Group::ALL {
                let n = later
                    .iter()
                    .filter(|named| named.groups.iter().next() == Some(earlier))
                    .count();
                if n > 0 {
                    let mut under = earlier.words().to_string();
                    under[..1].make_ascii_uppercase();
                    entries.push((
                        format!("{n} with {}", earlier.words()),
                        format!("named above, under {under}"),
                    ));
                }
            }
            let more = count.saturating_sub(summary.named(group).len());
            if more > 0 {
                let column = match group {
                    Group::LowConfidence => "confidence",
                    _ => "verdict",
                };
                entries.push((
                    format!("and {more} more"),
                    format!("the rows' `{column}` says which"),
                ));
            }
            TalkList {
                group,
                heading: format!("{heading} ({count}): {what}"),
                entries,
            }
        })
        .collect()
}

/// Why a respondent is in `group` (the first of theirs), and the later group they
/// are in too.
fn why(quiz: &Quiz, group: Group, named: &Named) -> String {
    let mut parts: Vec<String> = Vec::new();
    match group {
        Group::LowConfidence => parts.extend(named.warnings.iter().map(|c| {
            crate::trust::meaning(c)
                .trim_end_matches(" (lowers confidence)")
                .to_string()
        })),
        Group::ProbablyNot => {
            parts.push(match named.best {
                Some(best) => format!("closest pathway {}", quiz.profiles[best].title),
                None => "no pathway could be scored".to_string(),
            });
            // What a dealbreaker says the answers point to instead.
            if let Some(rule) = &quiz.verdict {
                parts.extend(
                    named
                        .dealbreakers
                        .iter()
                        .map(|&d| format!("points to {}", rule.dealbreakers[d].instead)),
                );
            }
        }
        // One also low in confidence is named under that group, not here.
        Group::Unclear => parts.push("too few questions were answered to tell".to_string()),
    }
    let others: Vec<&str> = named
        .groups
        .iter()
        .filter(|g| *g != group)
        .map(Group::words)
        .collect();
    if !others.is_empty() {
        parts.push(format!("also {}", others.join(" and ")));
    }
    parts.join("; ")
}

/// `who: why`, or `who` alone: a talk entry as one line of text.
pub fn talk_line((who, why): &(String, String)) -> String {
    match why.as_str() {
        "" => who.clone(),
        why => format!("{who}: {why}"),
    }
}

/// A pathway's best fits by the quiz's answer, "5 yes, 3 maybe, 2 probably not"
/// (answers no one got left out; empty when it is no one's best fit), when the quiz
/// defines a verdict.
pub fn by_answer(quiz: &Quiz, p: &crate::batch::summary::PathwayFigures) -> Option<String> {
    quiz.verdict.as_ref()?;
    let parts: Vec<String> = Answer::ALL
        .iter()
        .zip(p.best_fit_by_answer)
        .filter(|&(_, n)| n > 0)
        .map(|(answer, n)| format!("{n} {}", answer.as_str().replace('_', " ")))
        .collect();
    Some(parts.join(", "))
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
