//! The findings in words: the warning each carries in a result, in the second
//! person, each naming what it means for how far to trust the result.

use super::{Coded, Finding, Warning};

impl Finding<'_> {
    /// The finding in words, as a result carries it.
    pub fn warning(&self) -> Warning {
        let message = match self {
            Finding::NothingAnswered => {
                "No question was answered, so nothing could be scored.".to_string()
            }
            Finding::Skipped { skipped, total } => {
                let were = if *skipped == 1 { "was" } else { "were" };
                format!(
                    "{skipped} of {total} questions {were} skipped; skipped questions count nowhere."
                )
            }
            Finding::ManySkipped => "More than a quarter of the questions were skipped, so this \
                                     result rests on few answers."
                .to_string(),
            Finding::StraightLining {
                count,
                position,
                label,
            } => {
                let what = match label {
                    Some(label) => format!("\"{label}\""),
                    None => format!("at position {position} of its scale"),
                };
                format!(
                    "Every scale answer ({count} of them) was {what}. Answers that never vary say \
                     little about you, so read this result with care."
                )
            }
            Finding::Acquiescence { eligible, .. } => format!(
                "Across the {eligible} traits with statements both ways round, you agreed \
                 with statements and with their opposites alike. Agreeing whatever a \
                 statement says makes every fit look better than it is, so read this result \
                 with care.",
            ),
            Finding::NaySaying { eligible, .. } => format!(
                "Across the {eligible} traits with statements both ways round, you disagreed \
                 with nearly every statement and with its opposite too. Disagreeing whatever \
                 a statement says makes every fit look worse than it is, so read this result \
                 with care.",
            ),
            Finding::LeansAgreeing { .. } => "You leaned toward agreeing with statements and \
                 with their opposites. Many careful people do, since opposite statements are \
                 rarely exact opposites; the result stands, but your fits may read a little \
                 high."
                .to_string(),
            Finding::LeansDisagreeing { .. } => "You leaned toward disagreeing with statements \
                 and with their opposites. Many careful people do, since opposite statements \
                 are rarely exact opposites; the result stands, but your fits may read a \
                 little low."
                .to_string(),
            Finding::Alternating { count, switches } => format!(
                "Your scale answers jumped between the two ends of the scale ({switches} \
                 switches in {count} answers). Answers given by pattern say little about you, \
                 so read this result with care."
            ),
            Finding::MostlyNeutral { neutral, count } => format!(
                "{neutral} of your {count} scale answers were at the middle of the scale. \
                 Such answers say little about you, so the result cannot say much either."
            ),
            Finding::Inconsistent { .. } => "Your answers to statements about the same \
                 thing disagreed with each other about as much as answers picked at random \
                 do, so they may not describe you. Read this result with care."
                .to_string(),
            Finding::SomeContradictions { .. } => "Some of your answers disagree with your \
                 answers to statements about the same thing. That happens to careful people \
                 too; the result stands, but look again at the answers you were unsure of."
                .to_string(),
            Finding::NotAssessed(names) => format!(
                "Not assessed (every question skipped): {}.",
                names.join(", ")
            ),
            Finding::NotScored { pathway } => {
                format!("{pathway} could not be scored: none of its traits was assessed.")
            }
            Finding::ThinFit {
                pathway,
                assessed,
                weighed,
                ..
            } => format!(
                "{pathway}: its fit rests on {assessed} of the {weighed} traits it weighs; the \
                 others were not assessed."
            ),
        };
        Warning::new(self.code(), message)
    }
}
