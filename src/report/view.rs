//! One view of a result for every renderer: the result, with what the quiz says
//! about it (its title, each pathway's band, the best pathway's work and band
//! message, growth areas and requirements in words, the sources, the explanation's
//! question texts) looked up once. No renderer looks in the quiz.

use super::explain::Explained;
use super::fixed;
use crate::explain::Explanation;
use crate::quiz::{Quiz, Source};
use crate::result::{ProfileEntry, QuizResult};

pub struct View<'a> {
    pub result: &'a QuizResult,
    pub title: &'a str,
    pub quiz_id: &'a str,
    pub version: &'a str,
    /// Per pathway of the result, in its order: its band's place (0 is the highest).
    pub band_rank: Vec<Option<usize>>,
    /// Per pathway of the result, in its order: its fit as every format shows it
    /// (`shown_fit`); `None` when not scored.
    pub fits: Vec<Option<String>>,
    /// The best pathway, when one was scored.
    pub best: Option<Best<'a>>,
    /// Pathways out of reach for now, one sentence each (see `out_of_reach`).
    pub out_of_reach: Vec<String>,
    /// The quiz's answer to its own question, before anything else: the question
    /// and the answer in one line ("Is a career in HIM right for me? Probably not,
    /// by your answers."), then the reasons, one sentence or two each.
    pub verdict: Option<(String, Vec<String>)>,
    /// When two or more pathways are effectively tied for best: which, and what
    /// separates them (see `tie`).
    pub tie: Option<String>,
    /// Under the traits, when the quiz has "which would you rather" questions: which
    /// traits they count for, and that a low score there may mean another activity
    /// was preferred.
    pub forced_note: Option<String>,
    /// "Your best fit", or, when the verdict is probably not, "The closest pathway".
    pub best_heading: &'static str,
    /// The caution every summary leads with when confidence is low.
    pub caution: Option<String>,
    /// The answer again in one sentence, for the end of a terminal's summary, whose
    /// start has scrolled away by then: the verdict and the best pathway.
    pub recap: Option<String>,
    pub sources: &'a [Source],
    /// The explanation a summary shows with the result: of the pathway `--explain`
    /// asked for, when it did.
    pub explained: Option<Explained<'a>>,
    /// The explanation a page shows: always of the best pathway.
    pub page_explained: Option<Explained<'a>>,
}

/// The best pathway, with the quiz's words about it.
pub struct Best<'a> {
    pub entry: &'a ProfileEntry,
    /// What its band means.
    pub band_message: Option<&'a str>,
    /// The work, in a sentence or two.
    pub summary: Option<&'a str>,
    /// Its growth areas in words (see `growth_areas`).
    pub growth_areas: Vec<String>,
    /// Its next steps; under `probably_not`, the general ones instead (see
    /// `GENERAL_STEPS`): the closest pathway keeps its facts, but a person the
    /// field is probably not for is not sent to a degree program.
    pub next_steps: Vec<String>,
}

/// The next steps under `probably_not`, for whichever pathway is closest.
pub const GENERAL_STEPS: [&str; 3] = [
    "Talk your answers through with an advisor or a school counselor before choosing a program.",
    "Look at careers that use the traits you scored highest; the reasons above say where your answers point.",
    "If this pathway still draws you, talk to someone who does the work before you enrol anywhere.",
];

impl<'a> View<'a> {
    pub fn new(
        quiz: &'a Quiz,
        result: &'a QuizResult,
        explanation: Option<&'a Explanation>,
        best_explanation: Option<&'a Explanation>,
    ) -> Self {
        let band_rank = |label: Option<&str>| {
            let label = label?;
            quiz.bands.iter().position(|b| b.label == label)
        };
        let best = result
            .profiles
            .first()
            .filter(|p| p.fit.is_some())
            .map(|entry| Best {
                entry,
                band_message: band_rank(entry.band.as_deref())
                    .and_then(|i| quiz.bands[i].message.as_deref()),
                summary: quiz
                    .profiles
                    .iter()
                    .find(|p| p.id == entry.id)
                    .and_then(|p| p.summary.as_deref()),
                growth_areas: growth_areas(quiz, result, entry),
                next_steps: match result.verdict.as_ref().map(|v| v.answer) {
                    Some(crate::verdict::Answer::ProbablyNot) => {
                        GENERAL_STEPS.iter().map(|s| s.to_string()).collect()
                    }
                    _ => entry.next_steps.clone(),
                },
            });
        View {
            result,
            title: &quiz.title,
            quiz_id: &quiz.id,
            version: &quiz.version,
            band_rank: result
                .profiles
                .iter()
                .map(|p| band_rank(p.band.as_deref()))
                .collect(),
            fits: result
                .profiles
                .iter()
                .map(|p| p.fit.map(|f| shown_fit(quiz, f)))
                .collect(),
            best,
            out_of_reach: out_of_reach(quiz, result),
            verdict: result.verdict.as_ref().map(|v| {
                (
                    format!("{} {}", quiz.title, v.answer.words()),
                    v.reasons.iter().map(|r| r.message.clone()).collect(),
                )
            }),
            tie: tie(quiz, result),
            forced_note: forced_note(quiz),
            best_heading: match result.verdict.as_ref().map(|v| v.answer) {
                Some(crate::verdict::Answer::ProbablyNot) => "The closest pathway",
                _ => "Your best fit",
            },
            caution: super::caution(result),
            recap: recap(quiz, result),
            sources: &quiz.sources,
            explained: explanation.map(|e| Explained::new(quiz, e)),
            page_explained: best_explanation.map(|e| Explained::new(quiz, e)),
        }
    }
}

/// A fit as every format shows it: in whole points, unless rounding would carry it
/// across a band's edge (59.6 in a band that ends at 60 would read "60", the next
/// band's figure): then to one decimal, toward its own band (59.5), so the number
/// and the band never disagree. (A band capped by low confidence or the verdict
/// is shown below its fit on purpose, and says why.)
pub fn shown_fit(quiz: &Quiz, fit: f64) -> String {
    let rounded = fit.round();
    for band in &quiz.bands {
        let e = band.min;
        if e > fit + 1e-9 && rounded >= e {
            return fixed((fit * 10.0).floor() / 10.0, 1);
        }
        if e <= fit + 1e-9 && rounded < e {
            return fixed((fit * 10.0).ceil() / 10.0, 1);
        }
    }
    fixed(fit, 0)
}

/// "In short: Is a career in HIM right for me? Yes, by your answers. Your best fit:
/// Medical coder (Strong fit, 90 of 100)."
fn recap(quiz: &Quiz, result: &QuizResult) -> Option<String> {
    let best = result.profiles.first().filter(|p| p.fit.is_some());
    let pathway = best.map(|p| {
        let heading = match result.verdict.as_ref().map(|v| v.answer) {
            Some(crate::verdict::Answer::ProbablyNot) => "The closest pathway",
            _ => "Your best fit",
        };
        format!(
            "{heading}: {} ({}, {} of 100).",
            p.title,
            p.band.as_deref().unwrap_or("no band"),
            p.fit.map_or("-".into(), |f| shown_fit(quiz, f))
        )
    });
    let verdict = result
        .verdict
        .as_ref()
        .map(|v| format!("{} {}", quiz.title, v.answer.words()));
    let said: Vec<String> = verdict.into_iter().chain(pathway).collect();
    (!said.is_empty()).then(|| format!("In short: {}", said.join(" ")))
}

/// Pathways out of reach for now, in words: "Health information administrator (RHIA)
/// is out of reach for now: it needs Ready for more study of 60 or more; yours is 20."
/// Every summary says them right after the ranked pathways.
fn out_of_reach(quiz: &Quiz, result: &QuizResult) -> Vec<String> {
    result
        .profiles
        .iter()
        .filter(|p| !p.unmet_requirements.is_empty() || !p.unmet_needs.is_empty())
        .map(|p| {
            let profile = quiz.profiles.iter().find(|q| q.id == p.id);
            let needs: Vec<String> = p
                .unmet_requirements
                .iter()
                .filter_map(|id| {
                    let index = quiz.traits.iter().position(|t| &t.id == id)?;
                    let score = result.traits.get(index)?.score?;
                    let needed = profile?.requires.iter().find(|(t, _)| *t == index)?.1;
                    Some(format!(
                        "{} of {} or more; yours is {}",
                        quiz.traits[index].name,
                        fixed(needed, 0),
                        fixed(score, 0)
                    ))
                })
                .collect();
            let needs: Vec<String> = needs.into_iter().chain(p.unmet_needs.clone()).collect();
            format!(
                "{} is out of reach for now, so it is ranked after the others: it needs {}.",
                p.title,
                needs.join(", and ")
            )
        })
        .collect()
}

/// The traits that "which would you rather" questions count for, in a sentence.
fn forced_note(quiz: &Quiz) -> Option<String> {
    let mut traits: Vec<usize> = Vec::new();
    // Pick-one questions only: a tick-any one takes every activity ticked.
    let pick_one = |q: &&crate::quiz::Question| {
        q.is_forced_choice() && matches!(q.kind, crate::quiz::QuestionKind::Choice { .. })
    };
    for q in quiz.questions.iter().filter(pick_one) {
        for &t in &q.traits {
            if !traits.contains(&t) {
                traits.push(t);
            }
        }
    }
    traits.sort_unstable();
    let names: Vec<&str> = traits
        .iter()
        .map(|&t| quiz.traits[t].name.as_str())
        .collect();
    let (last, rest) = names.split_last()?;
    let listed = if rest.is_empty() {
        last.to_string()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    Some(format!(
        "{listed} count your \"which would you rather\" choices, where only the \
         activity you picked scores: a low score there can mean you preferred another \
         activity, not that you dislike this one."
    ))
}

/// "Effectively tied for best (within 5 points, too close to tell apart): Medical
/// coder (72) and Health information technician (RHIT) (70). What separates them
/// most: Classifying and coding, Reviewing records." The traits named are those whose
/// part in the two fits differs most, as the explanation's gap counts it: a trait's
/// share of one fit (W_t / ΣW) times its score, less its share of the other's.
fn tie(quiz: &Quiz, result: &QuizResult) -> Option<String> {
    if result.best.len() < 2 {
        return None;
    }
    let entries: Vec<&ProfileEntry> = result
        .best
        .iter()
        .filter_map(|id| result.profiles.iter().find(|p| &p.id == id))
        .collect();
    let names: Vec<String> = entries
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                p.title,
                p.fit.map_or("-".into(), |f| fixed(f, 0))
            )
        })
        .collect();
    let share = |id: &str, t: usize| -> f64 {
        let Some(profile) = quiz.profiles.iter().find(|p| p.id == id) else {
            return 0.0;
        };
        let assessed = |u: usize| result.traits.get(u).and_then(|s| s.score).is_some();
        let total: f64 = profile
            .weights
            .iter()
            .filter(|(u, _)| assessed(*u))
            .map(|(_, w)| w)
            .sum();
        let weight = profile
            .weights
            .iter()
            .find(|(u, _)| *u == t)
            .map_or(0.0, |(_, w)| *w);
        let score = result.traits.get(t).and_then(|s| s.score).unwrap_or(0.0);
        if total > 0.0 {
            weight / total * score
        } else {
            0.0
        }
    };
    let (first, second) = (&entries[0].id, &entries[1].id);
    let mut gaps: Vec<(f64, usize)> = (0..quiz.traits.len())
        .map(|t| ((share(first, t) - share(second, t)).abs(), t))
        .filter(|(gap, _)| *gap > 0.05)
        .collect();
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    let separating: Vec<&str> = gaps
        .iter()
        .take(3)
        .map(|(_, t)| quiz.traits[*t].name.as_str())
        .collect();
    let last = names.len() - 1;
    let listed = format!("{} and {}", names[..last].join(", "), names[last]);
    // Bands are highest first: 0 and 1 are the top two.
    let good = quiz
        .bands
        .iter()
        .take(2)
        .any(|b| entries[0].band.as_deref() == Some(b.label.as_str()));
    let what = if good {
        "Effectively tied for best"
    } else {
        "None of these fits well, and they are too close to tell apart"
    };
    let mut line = format!(
        "{what} (fits within {} points of each other): {listed}.",
        fixed(quiz.tie_margin, 0)
    );
    if !separating.is_empty() {
        line.push_str(&format!(
            " What separates the first two most: {}.",
            separating.join(", ")
        ));
    }
    Some(line)
}

/// The best pathway's growth areas in words: "Attention to detail: 40, this pathway
/// asks for 60", and what the trait means when the quiz says. Every format says
/// them alike.
fn growth_areas(quiz: &Quiz, result: &QuizResult, best: &ProfileEntry) -> Vec<String> {
    let profile = quiz.profiles.iter().find(|p| p.id == best.id);
    best.growth_areas
        .iter()
        .filter_map(|id| {
            let index = quiz.traits.iter().position(|t| &t.id == id)?;
            let score = result.traits.get(index)?.score?;
            let minimum = profile?
                .minimums
                .iter()
                .find(|(t, _)| *t == index)
                .map(|(_, m)| *m)?;
            let t = &quiz.traits[index];
            let meaning = t
                .description
                .as_deref()
                .map_or(String::new(), |d| format!(" ({d})"));
            Some(format!(
                "{}: {}, this pathway asks for {}{meaning}",
                t.name,
                fixed(score, 0),
                fixed(minimum, 0)
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::shown_fit;

    #[test]
    fn a_fit_is_shown_so_that_its_band_can_be_read_from_it() {
        // The HIM quiz's bands start at 75, 60 and 50.
        let quiz = crate::quiz::load("him", crate::quiz::builtin::find("him-career-fit").unwrap())
            .unwrap()
            .0;
        for (fit, shown) in [
            (59.57, "59.5"),
            (59.96, "59.9"),
            (60.37, "60"),
            (60.0, "60"),
            (74.5, "74.5"),
            (49.5, "49.5"),
            (49.4, "49"),
            (82.4, "82"),
            (59.4, "59"),
        ] {
            assert_eq!(shown_fit(&quiz, fit), shown, "{fit}");
        }
        // Every fit from 0 to 100 in steps of 0.001: the shown figure is in the
        // fit's own band, for the HIM quiz's bands and the default ones.
        for quiz in [quiz, crate::fixtures::small()] {
            for step in 0..=100_000 {
                let fit = f64::from(step) / 1000.0;
                let shown: f64 = shown_fit(&quiz, fit).parse().unwrap();
                assert_eq!(
                    crate::scoring::band(&quiz, shown),
                    crate::scoring::band(&quiz, fit),
                    "{fit} shown as {shown}"
                );
            }
        }
    }
}
