//! An explanation laid out once for every format (`Explained`): the quiz's words for
//! each answer, the headline, and the gap to the nearest other pathway in rows that
//! add up to it. Each format draws it in its own file.

use super::fixed;
use crate::explain::Explanation;
use crate::quiz::Quiz;

/// Traits shown one by one in the gap table; the rest share one row.
const GAP_ROWS: usize = 5;

/// An explanation with the quiz's words looked up once, and its gap laid out: what
/// every renderer of an explanation takes.
pub struct Explained<'a> {
    pub e: &'a Explanation,
    /// The quiz's title, id and version, for a page of its own.
    pub quiz: (&'a str, &'a str, &'a str),
    pub(super) headline: String,
    /// (question text, trait name, points, left), in the explanation's order.
    pub answers: Vec<(&'a str, &'a str, f64, f64)>,
    pub(super) gap: Option<Gap>,
}

/// The gap, said with the pathway ahead first, in rows that add up to it.
pub(super) struct Gap {
    pub(super) sentence: String,
    /// Column titles for the two pathways' points: the leader's first.
    pub(super) columns: [&'static str; 2],
    /// (trait, the leader's points, the other's points); the last row is the total.
    pub(super) rows: Vec<(String, f64, f64)>,
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

pub(super) fn gap(e: &Explanation) -> Option<Gap> {
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

pub(super) fn mover(m: &crate::explain::Mover) -> String {
    format!(
        "- {}: {} now; at 100 it would add {} points.",
        m.name,
        fixed(m.score, 0),
        fixed(m.gain, 1)
    )
}
